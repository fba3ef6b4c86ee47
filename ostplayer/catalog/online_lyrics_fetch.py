"""Fetching lyrics online for songs of the library: which songs need them, asking (through
the cache), and keeping what was found. No Qt: the window runs it on a task's thread, and
``ostplayer fetch-lyrics`` runs it directly.

``library`` is the catalog :class:`~.library.Library` or the services' wrapper of it: both
have ``catalog``, ``personal``, ``update_personal``, ``saved_lyrics`` and ``audio_path``.
Lyrics the user saved, a sidecar's and a tag's are never replaced: fetched lyrics are kept
apart (:data:`~ostplayer.domain.lyrics_fetch.FETCHED_KEY`) and shown only when there are none
of those.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from typing import Any

from ..domain.lrc_reader import parse_lrc
from ..domain.lyrics_fetch import FETCHED_KEY, FetchOutcome, fetch_one, fetched_record
from ..domain.lyrics_lookup import LyricsCandidate, LyricsProvider, LyricsQuery, query_for_song
from ..media.lyrics_files import export_lrc_next_to, lrc_target, resolve_lyrics
from ..media.tags import read_track
from .lyrics_lookup_cache import LookupCache

__all__ = ["LyricsFetcher", "utc_now"]

CACHED = ("not_found", "needs_review")
# A bulk run keeps what it found in batches: the personal file is rewritten whole on each
# write, so a write per song would make a run over n songs cost O(n²).
BATCH_SONGS = 50
BATCH_SECONDS = 2.0
# A breath between songs: against a fast server (one of your own, on this machine) the
# worker never waits on the network and would hold the GIL for most of each keystroke the
# window handles meanwhile (benchmarks/bench_online_lyrics.py, on a loaded 2-core machine:
# 140 ms without it, 58 ms with it, as much as typing with no fetch). 3 s per 1,000 songs.
PAUSE_S = 0.003


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class LyricsFetcher:
    def __init__(self, library: Any, provider: LyricsProvider, cache: LookupCache) -> None:
        self.library = library
        self.provider = provider
        self.cache = cache
        # The preference "also write an .lrc next to the audio file" (never over one).
        self.write_lrc = False

    # --- what a song has --------------------------------------------------------------------

    def fetched(self, song_id: str) -> dict[str, Any] | None:
        record = self.library.personal(song_id).get(FETCHED_KEY)
        return record if isinstance(record, dict) else None

    def own_lyrics(self, song_id: str) -> str | None:
        """Where the song's own lyrics are, when it has some: "saved", "file" (disk read)."""
        if self.library.saved_lyrics(song_id):
            return "saved"
        audio = self.library.audio_path(song_id)
        if audio and resolve_lyrics(None, audio, None) is not None:
            return "file"
        return None

    def query(self, song_id: str) -> LyricsQuery:
        """Reads the linked file's length (a disk read: call off the GUI thread)."""
        duration = None
        audio = self.library.audio_path(song_id)
        if audio:
            facts = read_track(audio)
            ms = getattr(facts, "duration_ms", None)
            duration = ms / 1000 if ms else None
        return query_for_song(self.library.catalog, song_id, duration)

    def missing(self, song_ids: Iterable[str] | None = None) -> list[str]:
        """Songs with no lyrics of their own and none fetched (disk reads for linked ones)."""
        ids = list(self.library.catalog.songs) if song_ids is None else list(song_ids)
        return [s for s in ids if self.fetched(s) is None and self.own_lyrics(s) is None]

    # --- asking -----------------------------------------------------------------------------

    def lookup(
        self,
        song_id: str,
        *,
        check: Callable[[], None] | None = None,
        use_cache: bool = True,
        store: bool = True,
        into: dict[str, dict[str, Any]] | None = None,
    ) -> FetchOutcome:
        """``into``: collect what is kept there (written later, in a batch) instead."""
        query = self.query(song_id)
        key = f"{self.provider.name}\x1e{query.key()}"
        if use_cache:
            entry = self.cache.get(song_id, key)
            if entry is not None:
                when = time.strftime("%Y-%m-%d", time.localtime(float(entry["at"])))
                note = entry.get("message") or f"not found when asked on {when}"
                return FetchOutcome(song_id, entry["status"], self.provider.name, message=note)
        outcome = fetch_one(query, self.provider, check)
        if outcome.status in CACHED and store:
            self.cache.put(song_id, key, outcome.status, outcome.message)
        if outcome.stores and store and outcome.candidate is not None:
            self.keep(song_id, outcome.candidate, outcome.confidence or 0.0, into)
        return outcome

    def keep(
        self,
        song_id: str,
        candidate: LyricsCandidate,
        confidence: float,
        into: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """Store a candidate as the song's fetched lyrics (also the user's "Apply")."""
        record = fetched_record(candidate, round(confidence, 3), utc_now())
        self._write_lrc(song_id, record)
        if into is not None:
            into[song_id] = {FETCHED_KEY: record}
        else:
            self.library.update_personal(song_id, **{FETCHED_KEY: record})

    def _write_lrc(self, song_id: str, record: dict[str, Any]) -> None:
        audio = self.library.audio_path(song_id) if self.write_lrc else None
        if not audio or not record.get("synced"):
            return
        _target, exists = lrc_target(audio)
        if exists:
            return  # never over a file that is there: it may be the user's own
        # Only a convenience copy for other players: the library keeps the lyrics anyway.
        with contextlib.suppress(OSError):
            export_lrc_next_to(audio, parse_lrc(record["text"]))

    def remove(self, song_id: str) -> None:
        """ "Remove fetched lyrics"; the cache forgets the song too, so it may be asked again."""
        self.library.update_personal(song_id, **{FETCHED_KEY: None})
        self.cache.forget(song_id)

    def run(
        self,
        song_ids: Iterable[str],
        *,
        replace: bool = False,
        dry_run: bool = False,
        check: Callable[[], None] | None = None,
        report: Callable[[FetchOutcome, int, int], None] | None = None,
    ) -> list[FetchOutcome]:
        """Each song in turn; stops asking once the server cannot be reached at all.

        What is found is written in batches, and whatever is pending when the run ends, is
        cancelled or fails, is written before it returns or raises."""
        ids = list(dict.fromkeys(song_ids))
        outcomes: list[FetchOutcome] = []
        unreachable: str | None = None
        pending: dict[str, dict[str, Any]] = {}
        written = time.monotonic()
        try:
            for n, song_id in enumerate(ids, 1):
                if check is not None:
                    check()
                outcome = self._one(song_id, replace, dry_run, unreachable, check, pending)
                if outcome.unreachable and unreachable is None:
                    unreachable = outcome.message
                outcomes.append(outcome)
                if len(pending) >= BATCH_SONGS or (
                    pending and time.monotonic() - written > BATCH_SECONDS
                ):
                    self._write(pending)
                    written = time.monotonic()
                if report is not None:
                    report(outcome, n, len(ids))
                if outcome.status != "skipped":
                    time.sleep(PAUSE_S)
        finally:
            self._write(pending)
        return outcomes

    def _write(self, pending: dict[str, dict[str, Any]]) -> None:
        if pending:
            batch = dict(pending)
            pending.clear()
            self.library.update_personal_many(batch)

    def _one(
        self,
        song_id: str,
        replace: bool,
        dry_run: bool,
        unreachable: str | None,
        check: Callable[[], None] | None,
        pending: dict[str, dict[str, Any]],
    ) -> FetchOutcome:
        name = self.provider.name
        if song_id not in self.library.catalog.songs:
            return FetchOutcome(song_id, "error", None, message="there is no song with this id")
        own = self.own_lyrics(song_id)
        if own == "saved":
            return FetchOutcome(song_id, "skipped", None, message="lyrics you saved are kept")
        if not replace and (own or self.fetched(song_id) is not None or song_id in pending):
            where = "fetched already" if own is None else "has lyrics from its file"
            return FetchOutcome(song_id, "skipped", None, message=where)
        if unreachable is not None:
            return FetchOutcome(
                song_id, "error", name, message=f"not asked: {unreachable}", unreachable=True
            )
        return self.lookup(
            song_id, check=check, use_cache=not replace, store=not dry_run, into=pending
        )
