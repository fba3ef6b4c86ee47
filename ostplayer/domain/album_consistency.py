"""One album, one place: the tracks of an album go all to its drama or all to Other music.

A K-pop album whose songs' titles, genres or file names mention a drama here and there
("Blueming (호텔 델루나 OST)" on one track of "Love poem") must not be split between a drama
and Other music. Whether an album is a drama's is decided by what speaks for the whole album
(its album tag or folder saying it is a soundtrack, or the catalog knowing the drama), and
that is the same for all its tracks already; when the tracks still disagree, their album says
nothing of a drama and they all become Other music. Compilations ("Best of K-Drama OST",
"Various Artists") are many albums' songs: each track keeps its own drama.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Sequence

from .hangul import compact
from .tag_album import parse_album
from .tag_text import TrackMeaning
from .track_facts import TrackFacts

__all__ = ["album_consistent"]

_VARIOUS = frozenset(
    compact(name)
    for name in ("Various Artists", "Various", "VA", "V.A.", "여러 아티스트", "다양한 아티스트")
)


def album_consistent(
    tracks: Sequence[TrackFacts], meanings: Sequence[TrackMeaning]
) -> list[TrackMeaning]:
    """``meanings`` with the tracks of a split album all taken out of the drama (the input
    is left as it is: the matcher still reads what each file says)."""
    out = list(meanings)
    albums: dict[tuple[str, str], list[int]] = {}
    for i, track in enumerate(tracks):
        key = _album_key(track)
        if key is not None:
            albums.setdefault(key, []).append(i)
    for indices in albums.values():
        if len(indices) < 2 or _many_artists(tracks, indices):
            continue
        in_drama = [i for i in indices if out[i].from_drama]
        if not in_drama or len(in_drama) == len(indices):
            continue  # they agree
        for i in in_drama:
            meaning = out[i]
            out[i] = dataclasses.replace(
                meaning,
                dramas=(),
                ost_part=None,
                from_drama=False,
                network="",
                evidence=[
                    *meaning.evidence,
                    f"other tracks of the album {tracks[i].album!r} are not from a drama, and"
                    " the album does not say it is a soundtrack: Other music with them",
                ],
            )
    return out


def _album_key(track: TrackFacts) -> tuple[str, str] | None:
    """(album, album artist or else folder); None for no album tag or a compilation."""
    album = compact(track.album)
    if not album or parse_album(track.album).compilation:
        return None
    artist = compact(track.album_artist)
    if artist in _VARIOUS:
        return None
    return album, artist or posixpath.dirname(track.path)


def _many_artists(tracks: Sequence[TrackFacts], indices: list[int]) -> bool:
    """With no album artist, a folder whose songs are by many singers is a compilation; an
    album has one main singer on most tracks (the others feature someone)."""
    if any(tracks[i].album_artist for i in indices):
        return False
    counts: dict[str, int] = {}
    for i in indices:
        key = compact(tracks[i].artist)
        counts[key] = counts.get(key, 0) + 1
    return 2 * max(counts.values()) < len(indices)
