"""The smart lists: Favourites, Recently played, Most played, Never played, Recently added.

Worked out from the library when asked (a page draws one), so they are always current:
the page is redrawn on every library change. "Recently added" is the catalog's own order
(new entries go last), newest first.
"""

from __future__ import annotations

import time

from ..domain.models import Song
from .library_service import LibraryService

LIMIT = 200


def smart_list(library: LibraryService, key: str) -> tuple[list[Song], dict[str, str]]:
    """The songs of a smart list, and a short detail per song ("3 plays")."""
    catalog = library.catalog
    stats = library.library.history.stats
    songs = catalog.songs
    if key == "favourites":
        ids = library.library.favourite_song_ids()
        return [songs[s] for s in ids if s in songs], {}
    if key in ("recent", "most"):
        played = [(sid, st) for sid, st in stats.items() if sid in songs and st.count]
        if key == "recent":
            played.sort(key=lambda kv: kv[1].last_played or 0, reverse=True)
            detail = {sid: _when(st.last_played) for sid, st in played[:LIMIT]}
        else:
            played.sort(key=lambda kv: kv[1].count, reverse=True)
            detail = {sid: _plays(st.count) for sid, st in played[:LIMIT]}
        return [songs[sid] for sid, _ in played[:LIMIT]], detail
    if key == "never":
        out = []
        for song in songs.values():
            st = stats.get(song.id)
            if st is None or not st.count:
                out.append(song)
                if len(out) >= LIMIT:
                    break
        return out, {}
    if key == "added":
        return list(reversed(list(songs.values())[-LIMIT:])), {}
    raise KeyError(key)


def _when(at: float | None) -> str:
    return time.strftime("last %Y-%m-%d %H:%M", time.localtime(at)) if at else ""


def _plays(n: int) -> str:
    return "1 play" if n == 1 else f"{n} plays"
