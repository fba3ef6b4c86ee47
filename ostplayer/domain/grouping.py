"""How the browser groups songs: by drama, artist, year or actor. Pure Python.

Groups hold song *positions* (indexes into the catalog's song order) rather than ids so that
filtering by search results, which come back as positions too, is a set lookup per song.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from .models import Catalog, Song, format_credits

UNLISTED = ""  # the key of the group for songs with no artist or cast in the catalog
# Songs that are not from a drama (a K-pop album, a compilation). Not a valid slug, so it can
# never collide with a drama id.
OTHER_MUSIC = "~other"


class Grouping(enum.Enum):
    DRAMA = "drama"
    ARTIST = "artist"
    YEAR = "year"
    ACTOR = "actor"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def label_plural(self) -> str:
        return {"drama": "dramas", "artist": "artists", "year": "years", "actor": "actors"}[
            self.value
        ]


@dataclass(slots=True)
class Group:
    key: str  # the drama/person id, or the year as text
    label: str
    detail: str = ""  # e.g. the year under a drama title
    songs: list[int] = field(default_factory=list)


def artist_credits(song: Song, catalog: Catalog) -> list[tuple[str, str]]:
    """(key, label) per artist: a lone member is the person ("Kihyun (Monsta X)"), several
    members of one group are the group ("BTOB")."""
    by_group: dict[str, list[str]] = {}
    for credit in song.performers:
        if credit.group:
            by_group.setdefault(credit.group, []).append(credit.person)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for credit in song.performers:
        if credit.group and len(by_group[credit.group]) > 1:
            key, label = credit.group, catalog.person_name(credit.group)
        else:
            key, label = credit.person, format_credits([credit], catalog.people)
        if key not in seen:
            seen.add(key)
            out.append((key, label))
    return out


def group_songs(
    catalog: Catalog, songs: Sequence[Song], grouping: Grouping, newest_first: bool = True
) -> list[Group]:
    groups: dict[str, Group] = {}

    def add(key: str, label: str, detail: str, position: int) -> None:
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key, label, detail)
        group.songs.append(position)

    for position, song in enumerate(songs):
        drama = catalog.dramas.get(song.drama) if song.drama else None
        if grouping is Grouping.DRAMA:
            if drama is not None:
                add(drama.id, drama.title, str(drama.year or ""), position)
            else:
                add(OTHER_MUSIC, "Other music", "not from a drama", position)
        elif grouping is Grouping.YEAR:
            if drama is not None and drama.year:
                add(str(drama.year), str(drama.year), "", position)
            else:
                add(UNLISTED, "Year not listed", "", position)
        elif grouping is Grouping.ARTIST:
            credits = artist_credits(song, catalog)
            for key, label in credits:
                add(key, label, "", position)
            if not credits:
                add(UNLISTED, "Artist not listed", "", position)
        elif grouping is Grouping.ACTOR:
            actors = dict.fromkeys(m.actor for m in drama.cast) if drama is not None else {}
            for actor in actors:
                add(actor, catalog.person_name(actor), "", position)
            if not actors:
                # A song never disappears from the browser because its catalog is incomplete.
                add(UNLISTED, "Cast not listed", "", position)

    def song_order(position: int) -> tuple:
        song = songs[position]
        drama = catalog.dramas.get(song.drama) if song.drama else None
        year = (drama.year or 0) if drama else 0
        return (-year if newest_first else year, song.drama or "", song.ost_order, song.title)

    for group in groups.values():
        group.songs.sort(key=song_order)
    result = list(groups.values())
    if grouping is Grouping.DRAMA:
        years = {d.id: d.year or 0 for d in catalog.dramas.values()}

        def drama_order(g: Group) -> tuple:
            # Other music after every drama; dramas of unknown year after the dated ones.
            year = years.get(g.key, 0)
            dated = -year if newest_first else year
            return (g.key == OTHER_MUSIC, year == 0, dated, g.label.casefold())

        result.sort(key=drama_order)
    elif grouping is Grouping.YEAR:
        result.sort(
            key=lambda g: (g.key == UNLISTED, -int(g.key or 0) if newest_first else int(g.key or 0))
        )
    else:
        result.sort(key=lambda g: (g.key == UNLISTED, g.label.casefold()))
    return result
