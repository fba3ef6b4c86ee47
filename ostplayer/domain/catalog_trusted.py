"""Building the catalog from a library file this app wrote itself.

The library file ends in a checksum; when it matches, every entry in it passed the full
validation of :class:`~.catalog_format.CatalogBuilder` when it was written, and nothing has
touched it since. Checking each of 100,000 songs again field by field was most of the time
a big library took to open, so songs from such a file are built directly. Anything that
does not look as this app writes it (a missing key, another type) goes through the full
validation, which names what is wrong.
"""

from __future__ import annotations

from typing import Any

from .catalog_format import CatalogBuilder
from .models import Credit, Song

__all__ = ["TrustedCatalogBuilder"]


class TrustedCatalogBuilder(CatalogBuilder):
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
        song = Song(
            id=raw["id"],
            title=raw["title"],
            drama=drama.id if drama is not None else None,
            ost_order=get("ost_order", 0),
            performers=tuple(credits),
            lyrics_excerpt=get("lyrics_excerpt") or "",
            commentary=tuple(get("commentary", ())),
            musical_character=get("musical_character") or "",
            characters=tuple(get("characters", ())),
            sung_by_cast=get("sung_by_cast", False),
            title_original=get("title_original") or "",
            aliases=tuple(get("aliases", ())),
            ost_part=get("ost_part"),
        )
        if not (isinstance(song.id, str) and isinstance(song.title, str) and song.title):
            return None
        return song
