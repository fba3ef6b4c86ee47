"""Edits of a catalog as plain values: which entries change, from what, to what.

An edit is a list of :class:`EntryChange` (section, id, the entry before, the entry after;
None for "absent"). Applying it gives a new catalog (the old one is left as it was, so a
search index being built from it on a worker thread never sees it move); undoing it is
applying the befores. Every edit is checked with the same rules as an import
(:mod:`.catalog_format`), and an edit that would leave a reference dangling (a song whose
drama was deleted, a character no longer in the cast) carries the fix-ups with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .catalog_format import (
    CatalogBuilder,
    CatalogFormatError,
    drama_to_dict,
    feature_to_dict,
    person_to_dict,
    song_to_dict,
)
from .models import CastMember, Catalog, Credit, Drama, Feature, Person, Song
from .phrases import Phrase

SECTION_ORDER = ("people", "dramas", "songs", "features")
Entity = Person | Drama | Song | Feature
_TO_DICT = {
    "people": person_to_dict,
    "dramas": drama_to_dict,
    "songs": song_to_dict,
    "features": feature_to_dict,
}
_FIELD = re.compile(r"field '([^']+)'")
_ENTRY_ID = re.compile(r" '[^']*'$")  # "cast[0] 'ko-dong-man'": the row, not its id


@dataclass(frozen=True, slots=True)
class EntryChange:
    section: str
    id: str
    before: Any  # the entity, or None when it did not exist
    after: Any  # the entity, or None when it is removed


@dataclass(frozen=True, slots=True)
class CatalogEdit:
    """What one user action does to the catalog, and how to say it ("Rename song")."""

    label: str
    changes: tuple[EntryChange, ...]

    def reversed(self) -> CatalogEdit:
        return CatalogEdit(
            self.label,
            tuple(EntryChange(c.section, c.id, c.after, c.before) for c in reversed(self.changes)),
        )


class EditRefused(ValueError):
    """An edit that breaks a rule; ``field`` names the field for an editor to point at."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def section_of(entity: Entity) -> str:
    return {Person: "people", Drama: "dramas", Song: "songs", Feature: "features"}[type(entity)]


def to_dict(section: str, entity: Entity) -> dict[str, Any]:
    return _TO_DICT[section](entity)


class EditBuilder:
    """Collects the changes of one edit against a catalog, each entry's latest state winning."""

    def __init__(self, catalog: Catalog) -> None:
        self.base = catalog
        self._after: dict[tuple[str, str], Any] = {}

    def current(self, section: str, ident: str) -> Any:
        key = (section, ident)
        if key in self._after:
            return self._after[key]
        return getattr(self.base, section).get(ident)

    def entries(self, section: str) -> Iterable[Any]:
        """Every entry of a section as the edit leaves it so far."""
        for ident, entity in getattr(self.base, section).items():
            now = self._after.get((section, ident), entity)
            if now is not None:
                yield now
        for (sec, ident), entity in self._after.items():
            if sec == section and entity is not None and ident not in getattr(self.base, section):
                yield entity

    def put(self, entity: Entity) -> None:
        self._after[(section_of(entity), entity.id)] = entity

    def remove(self, section: str, ident: str) -> None:
        self._after[(section, ident)] = None

    def build(self, label: str) -> CatalogEdit:
        changes = []
        for (section, ident), after in self._after.items():
            before = getattr(self.base, section).get(ident)
            if before != after:
                changes.append(EntryChange(section, ident, before, after))
        changes.sort(key=lambda c: SECTION_ORDER.index(c.section))
        return CatalogEdit(label, tuple(changes))


def apply_edit(catalog: Catalog, edit: CatalogEdit) -> Catalog:
    """A new catalog with the edit applied (entries keep their place; new ones go last)."""
    sections = {name: getattr(catalog, name) for name in SECTION_ORDER}
    touched = {c.section for c in edit.changes}
    copies = {name: (dict(d) if name in touched else d) for name, d in sections.items()}
    for c in edit.changes:
        target = copies[c.section]
        if c.after is None:
            target.pop(c.id, None)
        else:
            target[c.id] = c.after
    return Catalog(copies["people"], copies["dramas"], copies["songs"], copies["features"])


def check_edit(before: Catalog, after: Catalog, edit: CatalogEdit) -> CatalogEdit:
    """The edit with every new or changed entry validated as an import would validate it,
    against the catalog it produces; raises EditRefused naming the field."""
    puts = [c for c in edit.changes if c.after is not None]
    builder = CatalogBuilder(after)
    for i, c in enumerate(puts):
        try:
            getattr(builder, f"add_{c.section}")(to_dict(c.section, c.after), i)
        except CatalogFormatError as exc:
            raise refusal(exc) from None
    built = builder.finish()
    _check_removals(after, edit)
    checked = tuple(
        EntryChange(c.section, c.id, c.before, getattr(built, c.section)[c.id])
        if c.after is not None
        else c
        for c in edit.changes
    )
    return CatalogEdit(edit.label, checked)


def _check_removals(after: Catalog, edit: CatalogEdit) -> None:
    """Nothing left in the catalog may still name what the edit removes."""
    gone = {(c.section, c.id) for c in edit.changes if c.after is None}
    if not gone:
        return
    people = {i for s, i in gone if s == "people"}
    dramas = {i for s, i in gone if s == "dramas"}
    songs = {i for s, i in gone if s == "songs"}
    for song in after.songs.values():
        if song.drama in dramas:
            raise EditRefused(
                Phrase("song %1 still belongs to drama %2", repr(song.id), repr(song.drama))
            )
        for credit in song.performers:
            if credit.person in people or credit.group in people:
                raise EditRefused(
                    Phrase("song %1 still credits %2", repr(song.id), repr(credit.person))
                )
    for drama in after.dramas.values():
        if any(m.actor in people for m in drama.cast):
            raise EditRefused(Phrase("drama %1 still casts a removed person", repr(drama.id)))
    for person in after.people.values():
        if any(m in people for m in person.members):
            raise EditRefused(Phrase("group %1 still lists a removed member", repr(person.id)))
    for feature in after.features.values():
        if any(s in songs for s in feature.songs):
            raise EditRefused(Phrase("feature %1 still lists a removed song", repr(feature.id)))


def entry_from_raw(catalog: Catalog, section: str, raw: dict[str, Any]) -> Entity:
    """An entry from an editor's fields, checked with the import's rules against the
    catalog; raises EditRefused whose ``field`` names the field ("title", "cast[1].actor")."""
    builder = CatalogBuilder(catalog)
    try:
        getattr(builder, f"add_{section}")(raw, 0)
        built = builder.finish()
    except CatalogFormatError as exc:
        raise refusal(exc) from None
    return getattr(built, section)[raw["id"]]


def refusal(exc: CatalogFormatError) -> EditRefused:
    """The import's error as an editor shows it: the field, then what is wrong with it."""
    _, _, path = exc.location.partition(": ")
    parts = [_ENTRY_ID.sub("", _FIELD.sub(r"\1", part)) for part in path.split(": ") if part]
    field = ".".join(parts)
    return EditRefused(exc.message, field)


# --- the edits a user makes -------------------------------------------------------------------


def put_entry(catalog: Catalog, entity: Entity, label: str = "") -> CatalogEdit:
    """Add or replace one entry; a drama whose cast lost a member takes the songs that named
    that character along (they no longer name it)."""
    section = section_of(entity)
    b = EditBuilder(catalog)
    b.put(entity)
    if isinstance(entity, Drama):
        cast = {m.id for m in entity.cast}
        for song in catalog.songs_of_drama(entity.id):
            kept = tuple(ch for ch in song.characters if ch in cast)
            if kept != song.characters:
                b.put(replace(song, characters=kept))
    if isinstance(entity, Song):
        old = catalog.songs.get(entity.id)
        if old is not None and old.drama != entity.drama and entity.characters == old.characters:
            b.put(replace(entity, characters=()))  # characters belong to the old drama's cast
    verb = "Edit" if getattr(catalog, section).get(entity.id) is not None else "New"
    return b.build(label or Phrase(_LABELS[verb, section], _name(entity)))


def delete_song(catalog: Catalog, song_id: str) -> CatalogEdit:
    b = EditBuilder(catalog)
    _remove_song(b, song_id)
    return b.build(Phrase("Delete song “%1”", _name(catalog.songs[song_id])))


def delete_drama(catalog: Catalog, drama_id: str) -> CatalogEdit:
    """The drama and its songs (their files, lyrics and plays stay in the personal data)."""
    b = EditBuilder(catalog)
    for song in catalog.songs_of_drama(drama_id):
        _remove_song(b, song.id)
    b.remove("dramas", drama_id)
    return b.build(Phrase("Delete drama “%1”", _name(catalog.dramas[drama_id])))


def delete_person(catalog: Catalog, person_id: str) -> CatalogEdit:
    """The person, and every credit, cast place and membership naming them."""
    b = EditBuilder(catalog)
    _replace_person(b, person_id, None)
    b.remove("people", person_id)
    person = catalog.people[person_id]
    return b.build(
        Phrase("Delete group “%1”" if person.is_group else "Delete person “%1”", person.name)
    )


def _remove_song(b: EditBuilder, song_id: str) -> None:
    b.remove("songs", song_id)
    for feature in list(b.entries("features")):
        if song_id in feature.songs:
            b.put(replace(feature, songs=tuple(s for s in feature.songs if s != song_id)))


def _replace_person(b: EditBuilder, old: str, new: str | None) -> None:
    """Point every reference to ``old`` at ``new`` (None: drop the reference)."""
    for song in list(b.entries("songs")):
        if not any(old in (c.person, c.group) for c in song.performers):
            continue
        credits: list[Credit] = []
        for c in song.performers:
            person = new if c.person == old else c.person
            group = new if c.group == old else c.group
            if person is None:
                continue
            credit = Credit(person, group)
            if credit not in credits:
                credits.append(credit)
        b.put(replace(song, performers=tuple(credits)))
    for drama in list(b.entries("dramas")):
        if not any(m.actor == old for m in drama.cast):
            continue
        dropped = {m.id for m in drama.cast if m.actor == old and new is None}
        cast = tuple(
            CastMember(m.id, new, m.character) if m.actor == old else m
            for m in drama.cast
            if m.id not in dropped
        )
        b.put(replace(drama, cast=cast))
        if dropped:
            for song in list(b.entries("songs")):
                if song.drama == drama.id and set(song.characters) & dropped:
                    kept = tuple(ch for ch in song.characters if ch not in dropped)
                    b.put(replace(song, characters=kept))
    for person in list(b.entries("people")):
        if old in person.members and person.id != old:
            members = [new if m == old else m for m in person.members]
            unique = tuple(dict.fromkeys(m for m in members if m is not None and m != person.id))
            b.put(replace(person, members=unique))


_NOUN = {"people": "person", "dramas": "drama", "songs": "song", "features": "feature"}
# Whole templates, not a verb and a noun: a translation orders the words its own way.
_LABELS = {
    (verb, section): f"{verb} {noun} “%1”"
    for verb in ("Edit", "New")
    for section, noun in _NOUN.items()
}


def _name(entity: Any) -> str:
    return getattr(entity, "title", None) or getattr(entity, "name", "") or entity.id


def unique(values: Sequence[str]) -> tuple[str, ...]:
    """Non-empty values in order, once each (aliases after a merge)."""
    return tuple(dict.fromkeys(v for v in values if v and v.strip()))
