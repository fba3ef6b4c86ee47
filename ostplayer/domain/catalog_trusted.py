"""Building the catalog from a library file this app wrote itself.

The library file ends in a checksum; when it matches, every entry in it passed the full
validation of :class:`~.catalog_format.CatalogBuilder` when it was written, and nothing has
touched it since. Checking each of 100,000 songs again field by field was most of the time
a big library took to open, so songs and dramas from such a file are built directly. Anything
that does not look as this app writes it (a missing key, another type) goes through the full
validation, which names what is wrong.
"""

from __future__ import annotations

from typing import Any

from .catalog_format import CatalogBuilder
from .models import CastMember, Credit, Drama, Scene, Song

__all__ = ["TrustedCatalogBuilder", "built_song"]

# A frozen dataclass's __init__ sets each field through object.__setattr__, a slow call; 100,000
# songs of 14 fields spent about 0.15 s more in it than setting the slots directly does (see
# benchmarks/bench_startup.py). The order is checked here, so a field added to Song fails loudly
# at import rather than leaving a slot unset.
_SONG_FIELDS = (
    "id",
    "title",
    "drama",
    "ost_order",
    "performers",
    "lyrics_excerpt",
    "commentary",
    "musical_character",
    "characters",
    "sung_by_cast",
    "title_original",
    "aliases",
    "ost_part",
    "scenes",
)
if Song.__slots__ != _SONG_FIELDS:  # type: ignore[attr-defined]
    raise ImportError("catalog_trusted: Song's fields changed; update _SONG_FIELDS")
(
    _id,
    _title,
    _drama,
    _ost_order,
    _performers,
    _excerpt,
    _commentary,
    _character,
    _characters,
    _by_cast,
    _original,
    _aliases,
    _part,
    _scenes,
) = (getattr(Song, name).__set__ for name in _SONG_FIELDS)
_new = object.__new__


def built_song(
    ident: str,
    title: str,
    drama: str | None,
    ost_order: int,
    performers: tuple[Credit, ...],
    lyrics_excerpt: str,
    commentary: tuple[str, ...],
    musical_character: str,
    characters: tuple[str, ...],
    sung_by_cast: bool,
    title_original: str,
    aliases: tuple[str, ...],
    ost_part: int | None,
    scenes: tuple[Scene, ...],
) -> Song:
    """``Song(...)`` for values already checked (a trusted file, the catalog's fast copy),
    without the frozen dataclass's per-field ``object.__setattr__``."""
    song = _new(Song)
    _id(song, ident)
    _title(song, title)
    _drama(song, drama)
    _ost_order(song, ost_order)
    _performers(song, performers)
    _excerpt(song, lyrics_excerpt)
    _commentary(song, commentary)
    _character(song, musical_character)
    _characters(song, characters)
    _by_cast(song, sung_by_cast)
    _original(song, title_original)
    _aliases(song, aliases)
    _part(song, ost_part)
    _scenes(song, scenes)
    return song


class TrustedCatalogBuilder(CatalogBuilder):
    def add_dramas(self, raw: Any, i: int) -> None:
        try:
            drama = self._drama(raw)
        except (KeyError, TypeError, AttributeError, ValueError):
            drama = None
        if drama is None or drama.id in self.catalog.dramas:
            super().add_dramas(raw, i)
            return
        self.catalog.dramas[drama.id] = drama

    def _drama(self, raw: dict[str, Any]) -> Drama | None:
        self._check_members()
        get = raw.get
        cast = []
        for c in get("cast", ()):
            actor = self._people.get(c["actor"])
            if actor is None or not isinstance(c["id"], str):
                return None
            cast.append(CastMember(id=c["id"], actor=actor.id, character=c.get("character")))
        drama = Drama(
            id=raw["id"],
            title=raw["title"],
            year=get("year"),
            cast=tuple(cast),
            title_original=get("title_original") or "",
            aliases=tuple(get("aliases", ())),
            network=get("network") or "",
            episodes=get("episodes"),
        )
        if not (isinstance(drama.id, str) and isinstance(drama.title, str) and drama.title):
            return None
        return drama

    def add_songs(self, raw: Any, i: int) -> None:
        try:
            song = self._song(raw)
        except (KeyError, TypeError, AttributeError, ValueError):
            song = None
        if song is None or song.id in self.catalog.songs:
            super().add_songs(raw, i)  # the full checks, and their words
            return
        self.catalog.songs[song.id] = song

    def _song(self, raw: dict[str, Any]) -> Song | None:
        get = raw.get
        if get("scenes"):
            return None  # rare; their own checks build them
        drama_id = get("drama")
        drama = None
        if drama_id is not None:
            drama = self._dramas.get(drama_id)
            if drama is None:
                return None
        credits = []
        for c in get("performers", ()):
            key = (c["person"], c.get("group"))
            credit = self._credits.get(key)
            if credit is None:
                person = self._people.get(key[0])
                group = self._people.get(key[1]) if key[1] is not None else None
                if person is None or (key[1] is not None and group is None):
                    return None
                credit = Credit(person=person.id, group=group.id if group else None)
                self._credits[key] = credit
            credits.append(credit)
        ident, title = raw["id"], raw["title"]
        if not (isinstance(ident, str) and isinstance(title, str) and title):
            return None
        return built_song(
            ident,
            title,
            drama.id if drama is not None else None,
            get("ost_order", 0),
            tuple(credits),
            get("lyrics_excerpt") or "",
            tuple(get("commentary", ())),
            get("musical_character") or "",
            tuple(get("characters", ())),
            get("sung_by_cast", False),
            get("title_original") or "",
            tuple(get("aliases", ())),
            get("ost_part"),
            (),
        )
