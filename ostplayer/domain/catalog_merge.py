"""Merging two entries the tags spelled differently: the second one survives, the first's
spellings become its aliases and everything that named the first names the second.

Personal data (files, lyrics, notes, plays) is keyed by song id and moved by the library
(:mod:`ostplayer.catalog.edits`); here only the catalog's side.
"""

from __future__ import annotations

from dataclasses import replace

from .catalog_edits import (
    CatalogEdit,
    EditBuilder,
    EditRefused,
    _remove_song,
    _replace_person,
    unique,
)
from .models import CastMember, Catalog, Drama, Song
from .phrases import Phrase


def merge_songs(catalog: Catalog, source_id: str, target_id: str) -> CatalogEdit:
    if source_id == target_id:
        raise EditRefused(Phrase("a song cannot be merged with itself"))
    src, dst = catalog.songs[source_id], catalog.songs[target_id]
    b = EditBuilder(catalog)
    b.put(_merged_song(src, dst))
    _remove_song(b, source_id)
    for feature in list(b.entries("features")):
        if source_id in catalog.features.get(feature.id, feature).songs:
            songs = [target_id if s == source_id else s for s in catalog.features[feature.id].songs]
            b.put(replace(feature, songs=unique(songs)))
    return b.build(Phrase("Merge song “%1” into “%2”", src.title, dst.title))


def _merged_song(src: Song, dst: Song) -> Song:
    performers = list(dst.performers)
    performers += [c for c in src.performers if c not in performers]
    same_drama = src.drama == dst.drama
    characters = unique([*dst.characters, *(src.characters if same_drama else ())])
    commentary = list(dst.commentary) + [p for p in src.commentary if p not in dst.commentary]
    return replace(
        dst,
        performers=tuple(performers),
        characters=characters,
        commentary=tuple(commentary),
        lyrics_excerpt=dst.lyrics_excerpt or src.lyrics_excerpt,
        musical_character=dst.musical_character or src.musical_character,
        title_original=dst.title_original or src.title_original,
        aliases=_aliases(
            dst.title,
            dst.title_original,
            [*dst.aliases, src.title, src.title_original, *src.aliases],
        ),
        ost_part=dst.ost_part if dst.ost_part is not None else src.ost_part,
        sung_by_cast=dst.sung_by_cast or src.sung_by_cast,
        drama=dst.drama if dst.drama is not None else src.drama,
    )


def merge_dramas(catalog: Catalog, source_id: str, target_id: str) -> CatalogEdit:
    """The source's songs move to the target, its cast joins the target's (one place per
    actor and character), its titles become aliases."""
    if source_id == target_id:
        raise EditRefused(Phrase("a drama cannot be merged with itself"))
    src, dst = catalog.dramas[source_id], catalog.dramas[target_id]
    cast = list(dst.cast)
    taken = {m.id for m in cast}
    renamed: dict[str, str] = {}
    for m in src.cast:
        same = next((c for c in cast if c.actor == m.actor and c.character == m.character), None)
        if same is not None:
            renamed[m.id] = same.id
            continue
        new_id, n = m.id, 2
        while new_id in taken:
            new_id, n = f"{m.id}-{n}", n + 1
        taken.add(new_id)
        renamed[m.id] = new_id
        cast.append(CastMember(new_id, m.actor, m.character))
    b = EditBuilder(catalog)
    merged = Drama(
        id=dst.id,
        title=dst.title,
        year=dst.year if dst.year is not None else src.year,
        cast=tuple(cast),
        title_original=dst.title_original or src.title_original,
        aliases=_aliases(
            dst.title,
            dst.title_original,
            [*dst.aliases, src.title, src.title_original, *src.aliases],
        ),
    )
    b.put(merged)
    last = max((s.ost_order for s in catalog.songs_of_drama(target_id)), default=0)
    for n, song in enumerate(catalog.songs_of_drama(source_id), start=1):
        chars = tuple(renamed.get(ch, ch) for ch in song.characters)
        b.put(replace(song, drama=target_id, characters=chars, ost_order=min(last + n, 10_000)))
    b.remove("dramas", source_id)
    return b.build(Phrase("Merge drama “%1” into “%2”", src.title, dst.title))


def merge_people(catalog: Catalog, source_id: str, target_id: str) -> CatalogEdit:
    if source_id == target_id:
        raise EditRefused(Phrase("a person cannot be merged with themselves"))
    src, dst = catalog.people[source_id], catalog.people[target_id]
    if src.kind != dst.kind:
        raise EditRefused(
            Phrase(_KINDS.get((src.kind, dst.kind), _OTHER_KINDS), repr(src.name), repr(dst.name)),
            "kind",
        )
    b = EditBuilder(catalog)
    _replace_person(b, source_id, target_id)
    now = b.current("people", target_id)
    members = unique([*now.members, *(m for m in src.members if m != target_id)])
    b.put(
        replace(
            now,
            members=members,
            name_original=now.name_original or src.name_original,
            aliases=_aliases(
                now.name,
                now.name_original,
                [*now.aliases, src.name, src.name_original, *src.aliases],
            ),
        )
    )
    b.remove("people", source_id)
    return b.build(Phrase("Merge “%1” into “%2”", src.name, dst.name))


def _aliases(title: str, original: str, candidates: list[str]) -> tuple[str, ...]:
    return unique([a for a in candidates if a not in (title, original)])


# Whole sentences per pair of kinds, so a translation need not guess at "a person"/"a group".
_KINDS = {
    ("person", "group"): "%1 is a person and %2 a group",
    ("group", "person"): "%1 is a group and %2 a person",
}
_OTHER_KINDS = "%1 and %2 are not of the same kind"
