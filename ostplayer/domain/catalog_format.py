"""The catalog file format (see docs/catalog-format.md): validation and (de)serialisation.

Validation collects the *first* problem with a precise location ("songs[3] 'its-you': field
'drama': ...") because a user fixing a file by hand needs to know where to look. Nothing here
touches the disk, so the same code serves the bundled catalog, imports, exports and the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from .models import CastMember, Catalog, Credit, Drama, Feature, Person, Scene, Song
from .phrases import Phrase

FORMAT_NAME = "ostplayer-catalog"
FORMAT_VERSION = 1
SECTIONS = ("people", "dramas", "songs", "features")

# Lowercase ASCII letters and digits, or any non-ASCII letter or digit (Hangul ids are fine);
# never punctuation like ’, zero-width spaces or a BOM, which look identical to their absence.
_SLUG_CHAR = r"(?:[0-9a-z]|[^\x00-\x7f\W])"
_SLUG = re.compile(rf"^{_SLUG_CHAR}+(?:[-_.]{_SLUG_CHAR}+)*$")
_SLUG_HINT = "expected a slug id like 'its-you' (lower case, digits, '-'), got %1"


class CatalogFormatError(ValueError):
    """A catalog file that does not validate; ``location`` names the entry and field."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.location = location
        self.message = message


class _Entry:
    """Typed field access on one raw entry, raising errors that carry its location."""

    __slots__ = ("data", "where")

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise CatalogFormatError(where, f"expected an object, got {_kind(data)}")
        self.data = data
        ident = data.get("id")
        self.where = f"{where} {ident!r}" if isinstance(ident, str) else where

    def fail(self, name: str, message: str) -> CatalogFormatError:
        return CatalogFormatError(f"{self.where}: field {name!r}", message)

    def slug(self, name: str = "id") -> str:
        value = self.data.get(name)
        if not isinstance(value, str) or not _SLUG.match(value):
            raise self.fail(name, Phrase(_SLUG_HINT, repr(value)))
        return value

    def text(self, name: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(name)
        if value is None:
            if required:
                raise self.fail(name, Phrase("is required"))
            return default
        if not isinstance(value, str):
            raise self.fail(name, Phrase("expected text, got %1", _kind(value)))
        if required and not value.strip():
            raise self.fail(name, Phrase("must not be empty"))
        return value

    def optional_text(self, name: str) -> str | None:
        value = self.data.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(name, Phrase("expected text or null, got %1", _kind(value)))
        return value

    def integer(self, name: str, low: int, high: int, *, default: int | None = None) -> int:
        value = self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, Phrase("expected a whole number, got %1", _kind(value)))
        if not low <= value <= high:
            shown = value if abs(value) < 10**12 else f"a number of {len(str(abs(value)))} digits"
            raise self.fail(name, Phrase("%1 is outside %2..%3", shown, low, high))
        return value

    def optional_integer(self, name: str, low: int, high: int) -> int | None:
        if self.data.get(name) is None:
            return None
        return self.integer(name, low, high)

    def boolean(self, name: str) -> bool:
        value = self.data.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(name, Phrase("expected true or false, got %1", _kind(value)))
        return value

    def items(self, name: str) -> list[Any]:
        value = self.data.get(name, [])
        if not isinstance(value, list):
            raise self.fail(name, Phrase("expected a list, got %1", _kind(value)))
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        values = self.items(name)
        for i, v in enumerate(values):
            if not isinstance(v, str):
                raise self.fail(f"{name}[{i}]", Phrase("expected text, got %1", _kind(v)))
        return tuple(values)


def _kind(value: Any) -> str:
    # Only on the way to an error: the Phrases cost nothing on a valid file.
    kinds = {dict: Phrase("an object"), list: Phrase("a list"), str: Phrase("text")}
    kind = kinds.get(type(value)) or (Phrase("true/false") if isinstance(value, bool) else None)
    return kind or ("null" if value is None else type(value).__name__)


def check_header(data: Mapping[str, Any]) -> None:
    if data.get("format") != FORMAT_NAME:
        raise CatalogFormatError("format", f"expected {FORMAT_NAME!r}, got {data.get('format')!r}")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CatalogFormatError("format_version", f"expected a whole number, got {version!r}")
    if version > FORMAT_VERSION:
        raise CatalogFormatError(
            "format_version",
            f"version {version} is newer than this OST Player understands ({FORMAT_VERSION});"
            " update the app",
        )


def catalog_from_dict(
    data: Any,
    known: Catalog | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Catalog:
    """Validate a parsed catalog file. References may point into ``known`` (the library).

    ``progress(done, total)`` is called every few thousand entries; it may raise to cancel.
    """
    if not isinstance(data, Mapping):
        raise CatalogFormatError("", f"the file must hold a JSON object, not {_kind(data)}")
    check_header(data)
    for section in SECTIONS:
        if not isinstance(data.get(section, []), list):
            raise CatalogFormatError(section, f"expected a list, got {_kind(data.get(section))}")
    total = sum(len(data.get(section, [])) for section in SECTIONS)
    builder = CatalogBuilder(known)
    done = 0
    for section in SECTIONS:
        add = getattr(builder, f"add_{section}")
        for i, raw in enumerate(data.get(section, [])):
            add(raw, i)
            done += 1
            if progress is not None and done % 2000 == 0:
                progress(done, total)
    if progress is not None:
        progress(total, total)
    return builder.finish()


class CatalogBuilder:
    """Validates entries one at a time, in section order (people, dramas, songs, features).

    Streaming lets the store turn a 100,000-song file into objects without first holding every
    raw document in memory. Ids that other entries refer to are shared, not copied: a song's
    ``drama`` is the drama's own id string, and equal credits are one object.
    """

    def __init__(self, known: Catalog | None = None) -> None:
        self.catalog = Catalog()
        empty = Catalog()
        self._known = known or empty
        self._people = _Lookup(self.catalog.people, self._known.people)
        self._dramas = _Lookup(self.catalog.dramas, self._known.dramas)
        self._songs = _Lookup(self.catalog.songs, self._known.songs)
        self._credits: dict[tuple[str, str | None], Credit] = {}
        self._checked_members = False

    def add_people(self, raw: Any, i: int) -> None:
        e = _Entry(raw, f"people[{i}]")
        kind = e.text("kind", default="person")
        if kind not in ("person", "group"):
            raise e.fail("kind", Phrase("expected 'person' or 'group', got %1", repr(kind)))
        person = Person(
            id=e.slug(),
            name=e.text("name", required=True),
            kind=kind,
            members=e.texts("members"),
            name_original=e.text("name_original"),
            aliases=e.texts("aliases"),
        )
        _put(self.catalog.people, person, e)

    def _check_members(self) -> None:
        # Members may be listed after their group, so they are checked once all people are in.
        if self._checked_members:
            return
        self._checked_members = True
        for pid, person in self.catalog.people.items():
            for m in person.members:
                if m not in self._people:
                    raise CatalogFormatError(
                        f"people {pid!r}: field 'members'", Phrase("unknown person %1", repr(m))
                    )

    def drop_broken_groups(self) -> int:
        """Salvage only: remove groups naming a member that is not there; how many went."""
        dropped = 0
        while broken := [
            pid
            for pid, person in self.catalog.people.items()
            if any(m not in self._people for m in person.members)
        ]:
            for pid in broken:
                del self.catalog.people[pid]
            dropped += len(broken)
        self._checked_members = True
        return dropped

    def _person_id(self, entry: _Entry, name: str, what: str = "person") -> str:
        ident = entry.slug(name)
        person = self._people.get(ident)
        if person is None:
            raise entry.fail(name, Phrase(f"unknown {what} %1", repr(ident)))
        return person.id

    def add_dramas(self, raw: Any, i: int) -> None:
        self._check_members()
        e = _Entry(raw, f"dramas[{i}]")
        cast = []
        for j, raw_cast in enumerate(e.items("cast")):
            c = _Entry(raw_cast, f"{e.where}: cast[{j}]")
            actor = self._person_id(c, "actor")
            cast.append(
                CastMember(id=c.slug(), actor=actor, character=c.optional_text("character"))
            )
        drama = Drama(
            id=e.slug(),
            title=e.text("title", required=True),
            year=e.optional_integer("year", 1900, 2200),
            cast=tuple(cast),
            title_original=e.text("title_original"),
            aliases=e.texts("aliases"),
            network=e.text("network"),
            episodes=e.optional_integer("episodes", 1, 10_000),
        )
        _put(self.catalog.dramas, drama, e)

    def add_songs(self, raw: Any, i: int) -> None:
        self._check_members()
        e = _Entry(raw, f"songs[{i}]")
        drama: Drama | None = None
        drama_id: str | None = None
        if e.data.get("drama") is not None:  # null: music that is not from a drama
            drama_id = e.slug("drama")
            drama = self._dramas.get(drama_id)
            if drama is None:
                raise e.fail("drama", Phrase("unknown drama %1", repr(drama_id)))
        credits = []
        for j, raw_credit in enumerate(e.items("performers")):
            c = _Entry(raw_credit, f"{e.where}: performers[{j}]")
            person = self._person_id(c, "person")
            group = c.optional_text("group")
            if group is not None:
                found = self._people.get(group)
                if found is None:
                    raise c.fail("group", Phrase("unknown group %1", repr(group)))
                if not found.is_group:
                    raise c.fail("group", Phrase("%1 is a person, not a group", repr(group)))
                if found.members and person not in found.members:
                    raise c.fail(
                        "group", Phrase("%1 is not a member of %2", repr(person), repr(group))
                    )
                group = found.id
            key = (person, group)
            credit = self._credits.get(key)
            if credit is None:
                credit = self._credits[key] = Credit(person=person, group=group)
            credits.append(credit)
        # No performers is allowed: a file whose tags name nobody still becomes a song
        # (under "Artist not listed"), it is not dropped.
        cast_ids = {c.id: c.id for c in drama.cast} if drama is not None else {}
        characters = []
        for ch in e.texts("characters"):
            if ch not in cast_ids:
                if drama_id is None:
                    raise e.fail(
                        "characters", Phrase("a song that is not from a drama has no characters")
                    )
                raise e.fail(
                    "characters", Phrase("%1 is not in the cast of %2", repr(ch), repr(drama_id))
                )
            characters.append(cast_ids[ch])
        song = Song(
            id=e.slug(),
            title=e.text("title", required=True),
            drama=drama.id if drama is not None else None,
            ost_order=e.integer("ost_order", 0, 10_000, default=0),
            performers=tuple(credits),
            lyrics_excerpt=e.text("lyrics_excerpt"),
            commentary=e.texts("commentary"),
            musical_character=e.text("musical_character"),
            characters=tuple(characters),
            sung_by_cast=e.boolean("sung_by_cast"),
            title_original=e.text("title_original"),
            aliases=e.texts("aliases"),
            ost_part=e.optional_integer("ost_part", 0, 1000),
            scenes=_scenes(e),
        )
        _put(self.catalog.songs, song, e)

    def add_features(self, raw: Any, i: int) -> None:
        self._check_members()
        e = _Entry(raw, f"features[{i}]")
        feature_songs = e.texts("songs")
        for sid in feature_songs:
            if sid not in self._songs:
                raise e.fail("songs", Phrase("unknown song %1", repr(sid)))
        feature = Feature(
            id=e.slug(),
            title=e.text("title", required=True),
            subtitle=e.text("subtitle"),
            introduction=e.text("introduction"),
            songs=feature_songs,
            source=e.text("source"),
        )
        _put(self.catalog.features, feature, e)

    def finish(self) -> Catalog:
        self._check_members()
        return self.catalog


def _scenes(e: _Entry) -> tuple[Scene, ...]:
    scenes = []
    for j, raw in enumerate(e.items("scenes")):
        s = _Entry(raw, f"{e.where}: scenes[{j}]")
        scenes.append(
            Scene(s.optional_integer("episode", 0, 10_000), s.text("note"), s.boolean("spoiler"))
        )
    return tuple(scenes)


class _Lookup:
    """Resolve an id in the file first, then in the library it merges into."""

    __slots__ = ("first", "second")

    def __init__(self, first: Mapping, second: Mapping) -> None:
        self.first, self.second = first, second

    def __contains__(self, key: object) -> bool:
        return key in self.first or key in self.second

    def get(self, key: str) -> Any:
        found = self.first.get(key)
        return found if found is not None else self.second.get(key)


def _put(target: dict, entity: Any, e: _Entry) -> None:
    if entity.id in target:
        raise e.fail("id", Phrase("duplicate id %1", repr(entity.id)))
    target[entity.id] = entity


def catalog_to_dict(cat: Catalog) -> dict[str, Any]:
    """The file form of a catalog. Personal data (file links, history) is never part of it."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "people": [person_to_dict(p) for p in cat.people.values()],
        "dramas": [drama_to_dict(d) for d in cat.dramas.values()],
        "songs": [song_to_dict(s) for s in cat.songs.values()],
        "features": [feature_to_dict(f) for f in cat.features.values()],
    }


def person_to_dict(p: Person) -> dict[str, Any]:
    out: dict[str, Any] = {"id": p.id, "name": p.name, "kind": p.kind}
    if p.members:
        out["members"] = list(p.members)
    if p.name_original:
        out["name_original"] = p.name_original
    if p.aliases:
        out["aliases"] = list(p.aliases)
    return out


def drama_to_dict(d: Drama) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": d.id,
        "title": d.title,
        "year": d.year,
        "cast": [{"id": c.id, "actor": c.actor, "character": c.character} for c in d.cast],
    }
    if d.title_original:
        out["title_original"] = d.title_original
    if d.aliases:
        out["aliases"] = list(d.aliases)
    if d.network:
        out["network"] = d.network
    if d.episodes is not None:
        out["episodes"] = d.episodes
    return out


def song_to_dict(s: Song) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "drama": s.drama,
        "ost_order": s.ost_order,
        "performers": [{"person": c.person, "group": c.group} for c in s.performers],
        "lyrics_excerpt": s.lyrics_excerpt,
        "commentary": list(s.commentary),
        "musical_character": s.musical_character,
        "characters": list(s.characters),
        "sung_by_cast": s.sung_by_cast,
    }
    if s.title_original:
        out["title_original"] = s.title_original
    if s.aliases:
        out["aliases"] = list(s.aliases)
    if s.ost_part is not None:
        out["ost_part"] = s.ost_part
    if s.scenes:
        out["scenes"] = [
            {"episode": c.episode, "note": c.note, "spoiler": c.spoiler} for c in s.scenes
        ]
    return out


def feature_to_dict(f: Feature) -> dict[str, Any]:
    return {
        "id": f.id,
        "title": f.title,
        "subtitle": f.subtitle,
        "introduction": f.introduction,
        "songs": list(f.songs),
        "source": f.source,
    }
