"""Online lyrics in the window: lookups, searches and the bulk fetch, off the GUI thread.

Off until the user turns it on (:data:`Keys.ONLINE_LYRICS`): while off, every method here
returns without starting anything, so no connection is ever opened. Each job runs through the
task runner (a thread of its own; the GUI thread never waits on the network) and reports back
through Qt signals. The steps themselves are :class:`~ostplayer.catalog.online_lyrics_fetch.
LyricsFetcher`'s, shared with ``ostplayer fetch-lyrics``; the provider (LRCLIB) is made by the
composition root from the server address, so this layer never imports it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..catalog.lyrics_lookup_cache import LookupCache
from ..catalog.online_lyrics_fetch import LyricsFetcher
from ..domain.lrc_reader import parse_lrc
from ..domain.lyrics_choice import choose
from ..domain.lyrics_fetch import FetchOutcome
from ..domain.lyrics_lookup import (
    LyricsCandidate,
    LyricsProvider,
    LyricsQuery,
    ProviderError,
    PublishRequest,
)
from .library_service import LibraryService
from .settings import Keys, Settings
from .tasks import Task, TaskContext, TaskRunner
from .texts import fill, tr

__all__ = ["BulkReport", "OnlineLyricsService"]


def _tr(text: str) -> str:
    return tr("OnlineLyrics", text)


ProviderFactory = Callable[[str], LyricsProvider]  # server address -> provider
# server address, what to send, check (raises to cancel), progress (hashes tried)
Publisher = Callable[[str, PublishRequest, Callable[[], None], Callable[[int], None]], None]


class _LazyProvider:
    """The provider, made on first use: on the task's thread, not the GUI's. Making one
    (an HTTP client: its TLS context loads the system's certificates, its modules import)
    held the GUI thread for 75-90 ms when a bulk fetch started."""

    def __init__(self, make: ProviderFactory, url: str) -> None:
        self._make, self._url = make, url
        self._real: LyricsProvider | None = None
        self._lock = threading.Lock()

    def _provider(self) -> LyricsProvider:
        with self._lock:
            if self._real is None:
                self._real = self._make(self._url)
            return self._real

    def __getattr__(self, name: str):
        return getattr(self._provider(), name)


@dataclass(frozen=True)
class BulkReport:
    total: int
    counts: dict[str, int]  # status -> how many songs

    @property
    def found(self) -> int:
        return sum(self.counts.get(s, 0) for s in ("synced", "plain", "instrumental"))

    def sentence(self) -> str:
        c = self.counts
        parts = [fill(_tr("%1 of %2 songs got lyrics"), str(self.found), str(self.total))]
        for status, words in (
            ("not_found", _tr("%1 not found")),
            ("needs_review", _tr("%1 to confirm")),
            ("error", _tr("%1 failed")),
        ):
            if c.get(status):
                parts.append(fill(words, str(c[status])))
        return ", ".join(parts) + "."


class OnlineLyricsService(QObject):
    looking = Signal(str)  # song id: a lookup started
    looked_up = Signal(object)  # FetchOutcome of one song (saved already when it stores)
    searched = Signal(str, object)  # song id, Choice (every candidate scored, best first)
    search_failed = Signal(str, str)  # song id, one line
    enabled_changed = Signal(bool)

    def __init__(
        self,
        library: LibraryService,
        tasks: TaskRunner,
        settings: Settings,
        make_provider: ProviderFactory,
        cache: LookupCache | Path,
        parent: QObject | None = None,
        *,
        server_override: str | None = None,
        publisher: Publisher | None = None,
    ) -> None:
        """``server_override``: $OSTPLAYER_LRCLIB_URL, which wins over the setting."""
        super().__init__(parent)
        self._override = (server_override or "").strip().rstrip("/") or None
        self.library = library
        self.tasks = tasks
        self.settings = settings
        self._make_provider = make_provider
        # A path from the composition root (integrations do not reach the catalog layer).
        self.cache = cache if isinstance(cache, LookupCache) else LookupCache(cache)
        self._provider: tuple[str, LyricsProvider] | None = None
        self._looking: dict[str, Task] = {}
        self._publisher = publisher
        self.bulk: Task | None = None

    # --- consent ----------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self.settings.get(Keys.ONLINE_LYRICS)

    def set_enabled(self, on: bool) -> None:
        if on != self.enabled:
            self.settings.set(Keys.ONLINE_LYRICS, bool(on))
            self.enabled_changed.emit(bool(on))

    @property
    def server(self) -> str:
        if self._override:
            return self._override
        return self.settings.get(Keys.LRCLIB_URL).strip().rstrip("/") or "https://lrclib.net"

    def fetcher(self) -> LyricsFetcher:
        url = self.server
        if self._provider is None or self._provider[0] != url:
            provider = _LazyProvider(self._make_provider, url)
            self._provider = (url, provider)  # type: ignore[assignment]
        fetcher = LyricsFetcher(self.library, self._provider[1], self.cache)
        fetcher.write_lrc = self.settings.get(Keys.ONLINE_LYRICS_WRITE_LRC)
        return fetcher

    # --- one song ---------------------------------------------------------------------------

    def is_looking(self, song_id: str) -> bool:
        task = self._looking.get(song_id)
        return task is not None and task.is_running()

    def lookup(self, song_id: str, *, again: bool = False) -> Task | None:
        """Ask for one song's lyrics (``again``: past a cached "not found"); None when off."""
        if not self.enabled or song_id not in self.library.catalog.songs:
            return None
        if self.is_looking(song_id):
            return self._looking[song_id]
        fetcher = self.fetcher()
        if again:
            self.cache.forget(song_id)

        def job(ctx: TaskContext) -> FetchOutcome:
            return fetcher.lookup(song_id, check=ctx.check)

        task = self.tasks.run(f"online-lyrics-{song_id}", job)
        self._looking[song_id] = task
        task.finished.connect(self.looked_up.emit)
        task.failed.connect(
            lambda exc: self.looked_up.emit(
                FetchOutcome(
                    song_id, "error", None, message=fill(_tr("The lookup failed: %1"), str(exc))
                )
            )
        )
        task.done.connect(lambda: self._looking.pop(song_id, None))
        self.looking.emit(song_id)
        return task

    def search(self, song_id: str, track: str, artist: str, album: str = "") -> Task | None:
        """The search dialog's fields as the user edited them; answers through ``searched``."""
        if not self.enabled:
            return None
        fetcher = self.fetcher()

        def job(ctx: TaskContext) -> object:
            known = fetcher.query(song_id)
            query = LyricsQuery(
                song_id,
                tuple(t for t in (track.strip(),) if t) or known.titles,
                ((artist.strip(),),) if artist.strip() else known.performers,
                (album.strip(),) if album.strip() else known.albums,
                known.ost_part,
                known.duration_s,
                known.vocal,
            )
            try:
                return choose(query, fetcher.provider.candidates(query, ctx.check))
            except ProviderError as exc:
                return str(exc)

        task = self.tasks.run(f"online-lyrics-search-{song_id}", job)

        def answered(value: object) -> None:
            if isinstance(value, str):
                self.search_failed.emit(song_id, value)
            else:
                self.searched.emit(song_id, value)

        task.finished.connect(answered)
        task.failed.connect(lambda exc: self.search_failed.emit(song_id, str(exc)))
        return task

    def apply(self, song_id: str, candidate: LyricsCandidate, confidence: float) -> None:
        """The user chose this candidate ("Apply", "Yes, these are the lyrics")."""
        self.fetcher().keep(song_id, candidate, confidence)
        self.cache.forget(song_id)

    def remove(self, song_id: str) -> None:
        self.fetcher().remove(song_id)

    # --- many songs -------------------------------------------------------------------------

    def fetch_missing(self, song_ids: Iterable[str] | None = None) -> Task | None:
        """Every song without lyrics (or of ``song_ids``), one after the other.

        Progress is (done, total, "found N, not found M"); each outcome is handed over as a
        partial result; a cancel stops before the next song, keeping what was found. Songs
        already answered (fetched, or "not found" still fresh in the cache) are not asked
        again, so a run cut short resumes where it stopped, even after a restart.
        """
        if not self.enabled:
            return None
        if self.bulk is not None and self.bulk.is_running():
            return self.bulk
        fetcher = self.fetcher()
        wanted = None if song_ids is None else list(song_ids)

        def job(ctx: TaskContext) -> BulkReport:
            todo = fetcher.missing(wanted)
            counts: Counter[str] = Counter()
            ctx.progress(0, len(todo), "")

            def report(outcome: FetchOutcome, done: int, total: int) -> None:
                counts[outcome.status] += 1
                ctx.partial(outcome)
                found = sum(counts[s] for s in ("synced", "plain", "instrumental"))
                nf = str(counts["not_found"])
                ctx.progress(done, total, fill(_tr("found %1, not found %2"), str(found), nf))

            fetcher.run(todo, check=ctx.check, report=report)
            return BulkReport(len(todo), dict(counts))

        self.bulk = self.tasks.run("online-lyrics-bulk", job)
        return self.bulk

    # --- sharing back -----------------------------------------------------------------------

    @property
    def can_share(self) -> bool:
        return self._publisher is not None

    def prepare_share(self, song_id: str) -> Task | None:
        """What "Share on LRCLIB…" would send for the song: a PublishRequest, or a sentence
        saying why it cannot be shared (the task's result). Reads the file's length."""
        if song_id not in self.library.catalog.songs:
            return None
        saved = self.library.saved_lyrics(song_id) or ""
        catalog = self.library.catalog
        song = catalog.songs[song_id]
        drama = catalog.dramas.get(song.drama) if song.drama else None
        fetcher = self.fetcher()

        def job(_ctx: TaskContext) -> PublishRequest | str:
            lyrics = parse_lrc(saved)
            if not saved.strip() or not lyrics.synced:
                return _tr("Only synced lyrics you saved can be shared: sync them first (Edit…).")
            duration = fetcher.query(song_id).duration_s
            if duration is None:
                return _tr("Link the song's audio file first: LRCLIB needs its length.")
            return PublishRequest(
                track=song.title,
                artist=catalog.performer_names(song),
                album=drama.title if drama else "",
                duration_s=duration,
                plain=lyrics.plain_text(),
                synced=saved.strip(),
            )

        return self.tasks.run(f"online-lyrics-share-{song_id}", job)

    def share(self, request: PublishRequest) -> Task | None:
        """Publish (after the user saw exactly what is sent). Progress: hashes tried for the
        server's proof of work; cancel stops it; failure carries the server's one line."""
        publisher, url = self._publisher, self.server
        if publisher is None:
            return None

        def job(ctx: TaskContext) -> None:
            publisher(
                url,
                request,
                ctx.check,
                lambda n: ctx.progress(n, 0, fill(_tr("%1 tries"), f"{n:,}")),
            )

        return self.tasks.run("online-lyrics-publish", job)
