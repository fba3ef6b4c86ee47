"""The smart lists: Favourites, Recently played, Most played, Never played, Recently added.

Worked out from the library when asked (a page draws one), so they are always current:
the page is redrawn on every library change. "Recently added" is the catalog's own order
(new entries go last), newest first.

:class:`SmartCounts` says how many songs each list holds without building the lists: the
browser shows the counts on its smart rows, and a 100,000-song library must not sort its
history on every play to say "Most played · 200".
"""

from __future__ import annotations

import time

from ..domain.changes import LibraryChange
from ..domain.models import Song
from .library_service import LibraryService

LIMIT = 200
SMART_KEYS = ("favourites", "recent", "most", "never", "added")
_BULK = 2_000  # changed songs past which the counts are worked out again in one walk


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


class SmartCounts:
    """The number of songs in each smart list, kept from the library's changes.

    Worked out once, when first asked (a walk over the favourites and the play history, a
    few ms for 100,000 songs), then patched from each change: a heart or a play looks at
    that one song, so the counts stay current at no cost per play.
    """

    def __init__(self, library: LibraryService) -> None:
        self.library = library
        self._favourites: set[str] | None = None  # favourite songs in the catalog
        self._played: set[str] = set()  # songs in the catalog played at least once

    @property
    def ready(self) -> bool:
        return self._favourites is not None

    def compute(self) -> None:
        songs = self.library.catalog.songs
        library = self.library.library
        self._favourites = {s for s in library.favourite_song_ids() if s in songs}
        self._played = {s for s, st in library.history.stats.items() if st.count and s in songs}

    def totals(self) -> dict[str, int]:
        """Songs each list would hold without its cap (what a tooltip tells)."""
        if self._favourites is None:
            self.compute()
        assert self._favourites is not None
        total, played = len(self.library.catalog.songs), len(self._played)
        return {
            "favourites": len(self._favourites),
            "recent": played,
            "most": played,
            "never": total - played,
            "added": total,
        }

    def counts(self) -> dict[str, int]:
        """Songs each list holds, as :func:`smart_list` returns it (capped at ``LIMIT``)."""
        return {
            key: n if key == "favourites" else min(n, LIMIT) for key, n in self.totals().items()
        }

    def update(self, change: LibraryChange) -> bool:
        """Follow a change; True when a count may differ. Not yet worked out: nothing to do."""
        if self._favourites is None:
            return False
        if change.catalog_replaced:
            self.compute()
            return True
        touched = change.personal | change.played | change.added | change.removed
        if len(touched) > _BULK:
            self.compute()  # a scan or an import: one walk beats a look per song
            return True
        songs = self.library.catalog.songs
        personal, played = self.library.library, self.library.library.history.stats
        for song_id in touched:
            if song_id not in songs:
                self._favourites.discard(song_id)
                self._played.discard(song_id)
                continue
            if personal.personal(song_id).get("favourite") is True:
                self._favourites.add(song_id)
            else:
                self._favourites.discard(song_id)
            st = played.get(song_id)
            if st is not None and st.count:
                self._played.add(song_id)
            else:
                self._played.discard(song_id)
        return bool(touched)
