"""Finding a song's lyrics off the GUI thread: saved, sidecar, tags, catalog excerpt.

Selecting a song never waits on the disk. :meth:`LyricsService.request` answers at once
from the cache, or starts a lookup on a small pool of worker threads and answers through
:attr:`LyricsService.resolved` when it is back. A lookup stuck on a hung path (a stalled
network mount) is answered after :data:`LOOKUP_TIMEOUT_MS` with "could not be read", so the
panel never stays on "Looking…"; the stuck thread is left to finish on its own.

The cache is keyed by song and forgotten for a song whenever the library says its personal
data (link, saved lyrics, encoding choice) or its catalog entry changed.

An encoding the user chose in the panel's Encoding ▸ menu is kept in the song's personal data
(:data:`ENCODING_FIELD`) with the sidecar's path, size and modification time: it applies to
that file as it was when chosen, and detection takes over again once the file is replaced
or rewritten (probably converted to another encoding).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.changes import LibraryChange
from ..domain.found_lyrics import FoundLyrics, LyricsOrigin
from ..domain.listener_languages import languages_from_locale
from ..domain.lyrics_encoding import AUTO, lookup_codec
from ..domain.lyrics_fetch import FETCHED_KEY, found_from_record
from ..media import lyrics_files
from .library_service import LibraryService
from .lyrics_file_access import LyricsFileAccess
from .texts import fill, tr

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return tr("LyricsView", text)


LOOKUP_TIMEOUT_MS = 3000
WORKERS = 2
#: Personal-data field: {"path", "size", "mtime_ns", "encoding"} of the user's choice.
ENCODING_FIELD = "lyrics_encoding"
_SIDECAR_ORIGINS = (LyricsOrigin.SIDECAR_LRC, LyricsOrigin.SIDECAR_TXT)

FileStamp = tuple[int, int]  # (size, mtime_ns): "the same file, unchanged"


@dataclass(frozen=True)
class LyricsResult:
    song_id: str
    found: FoundLyrics | None
    problems: tuple[str, ...] = ()  # e.g. a sidecar that is really an MP3, a hung path
    chosen_encoding: str | None = None  # the user's Encoding ▸ choice, when it was applied
    stamp: FileStamp | None = None  # the sidecar's, as it was read

    @property
    def from_file(self) -> bool:
        """True when the lyrics were read from a sidecar file (Encoding ▸ can re-read it)."""
        return self.found is not None and self.found.origin in _SIDECAR_ORIGINS


class LyricsService(QObject):
    resolved = Signal(object)  # LyricsResult, on the GUI thread

    def __init__(
        self,
        library: LibraryService,
        parent: QObject | None = None,
        languages: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        # Which of several tag lyrics come first (then Korean, then any); the locale's.
        self.languages = tuple(
            languages if languages is not None else languages_from_locale(os.environ)
        )
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
        choice = self._stored_choice(song_id)
        self._pool.submit(self._lookup, song_id, number, saved, audio, excerpt, choice)
        QTimer.singleShot(LOOKUP_TIMEOUT_MS, self, lambda: self._timed_out(song_id, number, audio))
        return None

    def _lookup(
        self,
        song_id: str,
        number: int,
        saved: str | None,
        audio: str | None,
        excerpt: str | None,
        choice: dict | None,
    ) -> None:
        problems: list[str] = []
        chosen, stamp = None, None
        try:
            if choice is not None and _stamp(choice["path"]) == _chosen_for(choice):
                chosen = choice["encoding"]  # the very file it was chosen for, unchanged
            langs = self.languages
            found = lyrics_files.resolve_lyrics(
                saved, audio, excerpt, problems, languages=langs, encoding=chosen
            )
            if chosen is not None and (found is None or found.detail != choice["path"]):
                # The choice was for another sidecar (a .lrc appeared beside the .txt): detect.
                chosen, problems = None, []
                found = lyrics_files.resolve_lyrics(
                    saved, audio, excerpt, problems, languages=langs
                )
            if found is not None and found.origin in _SIDECAR_ORIGINS:
                stamp = _stamp(found.detail)
            if found is None or found.origin is LyricsOrigin.EXCERPT:
                # Fetched online (LRCLIB): after the user's, the files' and the tags' lyrics.
                fetched = self.library.personal(song_id).get(FETCHED_KEY)
                found = found_from_record(fetched) or found
        except Exception as exc:  # never lose the answer: the panel must leave "Looking…"
            log.exception("lyrics lookup failed")
            found, problems = None, [fill(_tr("The lyrics could not be read: %1"), str(exc))]
        result = LyricsResult(song_id, found, tuple(problems), chosen, stamp)
        self._dispatcher.post(self, self._deliver, result, number)

    # --- the Encoding ▸ choice --------------------------------------------------------------

    def _stored_choice(self, song_id: str) -> dict | None:
        choice = self.library.personal(song_id).get(ENCODING_FIELD)
        if not isinstance(choice, dict):
            return None
        path, size, mtime, name = (choice.get(k) for k in ("path", "size", "mtime_ns", "encoding"))
        if not (isinstance(path, str) and isinstance(name, str) and lookup_codec(name)):
            return None  # hand-edited or from another version: detection is always safe
        if not (isinstance(size, int) and isinstance(mtime, int)):
            return None
        return choice

    def choose_encoding(self, song_id: str, name: str) -> str:
        """Re-read the song's sidecar as ``name`` (or detect, for "Auto"), and remember it.

        Answers a sentence for the user; the new reading arrives through :attr:`resolved`.
        Raises OSError when the personal data cannot be written.
        """
        result = self._cache.get(song_id)
        if result is None or not result.from_file or result.stamp is None:
            return _tr("These lyrics are not read from a file: there is no encoding to choose.")
        assert result.found is not None
        file_name = Path(result.found.detail).name
        if name.strip().casefold() in (AUTO.casefold(), "automatic"):
            if result.chosen_encoding is None:
                return fill(_tr("%1 is already read automatically."), file_name)
            self.library.update_personal(song_id, **{ENCODING_FIELD: None})
            return fill(_tr("%1: the encoding is detected again."), file_name)
        known = lookup_codec(name)
        if known is None:
            return fill(_tr("Unknown encoding %1."), repr(name))
        size, mtime_ns = result.stamp
        choice = {"path": result.found.detail, "size": size, "mtime_ns": mtime_ns}
        self.library.update_personal(song_id, **{ENCODING_FIELD: {**choice, "encoding": known[0]}})
        return fill(_tr("%1 is read as %2 from now on."), file_name, known[0])

    def _timed_out(self, song_id: str, number: int, audio: str | None) -> None:
        if self._pending.get(song_id) != number:
            return
        song = self.library.catalog.songs.get(song_id)
        excerpt = song.lyrics_excerpt if song is not None else ""
        fallback = lyrics_files.resolve_lyrics(self.library.saved_lyrics(song_id), None, excerpt)
        where = str(Path(audio).parent) if audio else _tr("its folder")
        problem = fill(
            _tr("The lyrics files next to the audio could not be read in time (%1)."), where
        )
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


def _chosen_for(choice: dict) -> FileStamp:
    return choice["size"], choice["mtime_ns"]


def _stamp(path: str) -> FileStamp | None:
    """The file's size and modification time, for worker threads only."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_size, info.st_mtime_ns
