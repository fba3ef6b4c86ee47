"""Finding a song's lyrics off the GUI thread: saved, sidecar, tags, catalog excerpt.

Selecting a song never waits on the disk. :meth:`LyricsService.request` answers at once
from the cache, or starts a lookup on a small pool of worker threads and answers through
:attr:`LyricsService.resolved` when it is back. A lookup stuck on a hung path (a stalled
network mount) is answered after :data:`LOOKUP_TIMEOUT_MS` with "could not be read", so the
panel never stays on "Looking…"; the stuck thread is left to finish on its own.

The cache is keyed by song and forgotten for a song whenever the library says its personal
data (link, saved lyrics) or its catalog entry changed.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.changes import LibraryChange
from ..domain.found_lyrics import FoundLyrics
from ..media import lyrics_files
from .library_service import LibraryService
from .lyrics_file_access import LyricsFileAccess

log = logging.getLogger(__name__)

LOOKUP_TIMEOUT_MS = 3000
WORKERS = 2


@dataclass(frozen=True)
class LyricsResult:
    song_id: str
    found: FoundLyrics | None
    problems: tuple[str, ...] = ()  # e.g. a sidecar that is really an MP3, a hung path


class LyricsService(QObject):
    resolved = Signal(object)  # LyricsResult, on the GUI thread

    def __init__(self, library: LibraryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="lyrics")
        self._cache: dict[str, LyricsResult] = {}
        self._pending: dict[str, int] = {}  # song id -> the request number still awaited
        self._counter = 0
        self._dispatcher = library.tasks.dispatcher
        library.changed.connect(self._on_library_changed)

    def cached(self, song_id: str) -> LyricsResult | None:
        return self._cache.get(song_id)

    def is_pending(self, song_id: str) -> bool:
        return song_id in self._pending

    def request(self, song_id: str) -> LyricsResult | None:
        """The cached answer, or None now and :attr:`resolved` later."""
        cached = self._cache.get(song_id)
        if cached is not None:
            return cached
        if song_id in self._pending or song_id not in self.library.catalog.songs:
            return None
        self._counter += 1
        number = self._counter
        self._pending[song_id] = number
        song = self.library.catalog.songs[song_id]
        saved = self.library.saved_lyrics(song_id)
        audio = self.library.audio_path(song_id)
        excerpt = song.lyrics_excerpt or None
        self._pool.submit(self._lookup, song_id, number, saved, audio, excerpt)
        QTimer.singleShot(LOOKUP_TIMEOUT_MS, self, lambda: self._timed_out(song_id, number, audio))
        return None

    def _lookup(
        self, song_id: str, number: int, saved: str | None, audio: str | None, excerpt: str | None
    ) -> None:
        problems: list[str] = []
        try:
            found = lyrics_files.resolve_lyrics(saved, audio, excerpt, problems)
        except Exception as exc:  # never lose the answer: the panel must leave "Looking…"
            log.exception("lyrics lookup failed")
            found, problems = None, [f"The lyrics could not be read: {exc}"]
        result = LyricsResult(song_id, found, tuple(problems))
        self._dispatcher.post(self, self._deliver, result, number)

    def _timed_out(self, song_id: str, number: int, audio: str | None) -> None:
        if self._pending.get(song_id) != number:
            return
        song = self.library.catalog.songs.get(song_id)
        excerpt = song.lyrics_excerpt if song is not None else ""
        fallback = lyrics_files.resolve_lyrics(self.library.saved_lyrics(song_id), None, excerpt)
        where = Path(audio).parent if audio else "its folder"
        problem = f"The lyrics files next to the audio could not be read in time ({where})."
        # Not cached: the next selection tries the disk again.
        del self._pending[song_id]
        self.resolved.emit(LyricsResult(song_id, fallback, (problem,)))

    def _deliver(self, result: LyricsResult, number: int) -> None:
        if self._pending.get(result.song_id) != number:
            return  # timed out meanwhile, or the song changed and was asked for again
        del self._pending[result.song_id]
        self._cache[result.song_id] = result
        self.resolved.emit(result)

    def _on_library_changed(self, change: LibraryChange) -> None:
        if change.catalog_replaced:
            stale = list(self._cache)
        else:
            stale = [s for s in (*change.personal, *change.changed, *change.removed)]
        for song_id in stale:
            self._cache.pop(song_id, None)
            self._pending.pop(song_id, None)

    def forget(self, song_id: str) -> None:
        """Look again next time (a sidecar the user just wrote)."""
        self._cache.pop(song_id, None)
        self._pending.pop(song_id, None)

    def file_access(self, song_id: str) -> LyricsFileAccess:
        """The editor's import and export for ``song_id``; an export is looked at again."""
        return LyricsFileAccess(on_written=lambda _path: self.forget(song_id))

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
