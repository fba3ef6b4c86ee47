"""Read the tags (and optionally fingerprints) of many files on every core, streaming results.

mutagen is pure Python, so threads would share one core through the GIL; worker processes read
in parallel (how they are started: :mod:`ostplayer.media.reader_processes`).

Paths go out in chunks (a few hundred files, so the cost of passing results between processes is
spread; one file per chunk for fingerprints, which take far longer), with at most two chunks
per worker in flight, so memory stays bounded however many paths the iterable yields. Results
come back to ``on_result`` in the calling thread as each chunk finishes (completion order, not
input order). ``cancel`` is polled several times a second; after it returns True no further
result is delivered and the call returns at once (workers finish their current chunk and exit).

A file that crashes a worker (a segfault in a C library, the OOM killer) takes the pool down;
the files that were in flight are then retried one at a time in a new pool, so only the one
that crashes again is reported, as an ``UnreadableFile``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from ostplayer.domain.track_facts import TrackFacts, UnreadableFile
from ostplayer.media.fingerprint import fingerprint
from ostplayer.media.reader_processes import reader_context

__all__ = ["ReadResult", "ReadSummary", "read_one", "read_tracks"]

ReadResult = TrackFacts | UnreadableFile
_POLL_S = 0.1
_START_TIMEOUT_S = 60.0
_CRASHED = "made the tag reader crash (a damaged file?)"


@dataclass(frozen=True, slots=True)
class ReadSummary:
    read: int  # TrackFacts delivered
    unreadable: int  # UnreadableFile delivered
    cancelled: bool
    seconds: float
    workers: int  # 0: read in the calling thread


def read_one(path: str, fingerprints: bool = False, timeout_s: float = 30.0) -> ReadResult:
    """One file's facts, with its fingerprint when asked for and fpcalc can make one."""
    # Imported here: the workers have it loaded already (the fork server's preload), and
    # the process that only hands out files does not pay for importing mutagen.
    from ostplayer.media.tags import read_track

    result = read_track(path)
    if fingerprints and isinstance(result, TrackFacts):
        found = fingerprint(path, timeout_s)
        if found is not None:
            result = dataclasses.replace(result, fingerprint=found.compressed)
    return result


Reader = Callable[[str, bool, float], ReadResult]


def _read_chunk(
    reader: Reader, paths: list[str], fingerprints: bool, timeout_s: float
) -> list[ReadResult]:
    return [reader(path, fingerprints, timeout_s) for path in paths]


def _lower_priority() -> None:
    # A scan is background work: the window (and the music playing) comes first.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)


def read_tracks(
    paths: Iterable[str | os.PathLike[str]],
    workers: int | None = None,
    on_result: Callable[[ReadResult], None] = lambda result: None,
    cancel: Callable[[], bool] | None = None,
    *,
    fingerprints: bool = False,
    fingerprint_timeout_s: float = 30.0,
    chunk_size: int | None = None,
    reader: Reader = read_one,
) -> ReadSummary:
    """Read every path, calling ``on_result`` for each as results arrive.

    ``workers`` defaults to ``os.cpu_count()``; 0 reads in the calling thread (no processes:
    for a handful of files, or tests). ``reader`` (a module-level function, so that worker
    processes can import it) replaces :func:`read_one`, e.g. to read more per file.
    """
    started = time.perf_counter()
    workers = (os.cpu_count() or 1) if workers is None else max(0, workers)
    should_stop = cancel or (lambda: False)
    counts = {"read": 0, "unreadable": 0}

    def deliver(result: ReadResult) -> None:
        counts["read" if isinstance(result, TrackFacts) else "unreadable"] += 1
        on_result(result)

    names: Iterator[str] = (os.fspath(path) for path in paths)
    if workers > 0:
        size = chunk_size or (1 if fingerprints else 256)
        pool = _Pool(workers, (reader, fingerprints, fingerprint_timeout_s))
        try:
            cancelled = pool.run(_chunks(names, size), deliver, should_stop)
        except _PoolUnusable:
            # No semaphores in a sandbox, an unimportable main module: read in this thread
            # rather than not at all. Nothing was taken from ``names`` yet.
            workers = 0
    if workers == 0:
        arguments = (fingerprints, fingerprint_timeout_s)
        cancelled = _read_here(names, deliver, should_stop, reader, arguments)
    return ReadSummary(
        counts["read"], counts["unreadable"], cancelled, time.perf_counter() - started, workers
    )


def _read_here(
    names: Iterator[str],
    deliver: Callable[[ReadResult], None],
    should_stop: Callable[[], bool],
    reader: Reader,
    arguments: tuple[bool, float],
) -> bool:
    for name in names:
        if should_stop():
            return True
        deliver(reader(name, *arguments))
    return False


def _chunks(names: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(islice(names, size)):
        yield chunk


class _PoolUnusable(Exception):
    """Worker processes cannot be started here."""


def _started() -> bool:
    return True


class _Pool:
    """A process pool fed lazily, replaced (with the in-flight files retried) if it breaks."""

    def __init__(self, workers: int, arguments: tuple[Reader, bool, float]) -> None:
        self._workers = workers
        self._reader, *self._args = arguments
        self._executor = self._new_executor()
        self._in_flight: dict[Future, list[str]] = {}
        self._suspects: deque[str] = deque()  # files in flight when a worker died
        self._suspect: Future | None = None  # the one suspect being retried on its own

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._workers, mp_context=reader_context(), initializer=_lower_priority
        )

    def run(
        self,
        chunks: Iterator[list[str]],
        deliver: Callable[[ReadResult], None],
        should_stop: Callable[[], bool],
    ) -> bool:
        """Deliver every chunk's results; True when stopped by ``should_stop``."""
        try:
            self._probe()
            self._fill(chunks)
            while self._in_flight:
                if should_stop():
                    return True
                done, _ = wait(self._in_flight, timeout=_POLL_S, return_when=FIRST_COMPLETED)
                for future in done:
                    self._collect(future, deliver)
                if should_stop():
                    return True
                self._fill(chunks)
            return False
        finally:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def _probe(self) -> None:
        # Tell "workers cannot start here" from "a file crashed a worker" before any file is
        # read: only the second may be blamed on a file, and only the first may fall back to
        # reading in this process (where a crashing file would take the app down).
        try:
            self._executor.submit(_started).result(timeout=_START_TIMEOUT_S)
        except (BrokenProcessPool, TimeoutError, OSError) as exc:
            self._executor.shutdown(wait=False, cancel_futures=True)
            raise _PoolUnusable() from exc

    def _fill(self, chunks: Iterator[list[str]]) -> None:
        if self._suspects:
            # One suspect at a time: if the pool breaks now, this file is the culprit.
            if not self._in_flight:
                self._suspect = self._submit([self._suspects.popleft()])
            return
        while len(self._in_flight) < 2 * self._workers:
            chunk = next(chunks, None)
            if chunk is None:
                return
            self._submit(chunk)

    def _submit(self, chunk: list[str]) -> Future:
        future = self._executor.submit(_read_chunk, self._reader, chunk, *self._args)
        self._in_flight[future] = chunk
        return future

    def _collect(self, future: Future, deliver: Callable[[ReadResult], None]) -> None:
        chunk = self._in_flight.pop(future, None)
        if chunk is None:
            return  # lost with a broken pool and already queued again
        try:
            results = future.result()
        except BrokenProcessPool:
            results = self._recover(future, chunk)
        except Exception as exc:  # a custom reader that raised, a result that would not pickle
            reason = f"could not be read ({type(exc).__name__})"
            results = [UnreadableFile(path, reason) for path in chunk]
        for result in results:
            deliver(result)

    def _recover(self, future: Future, chunk: list[str]) -> list[ReadResult]:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new_executor()
        if future is self._suspect:
            self._suspect = None
            return [UnreadableFile(chunk[0], _CRASHED)]
        # Every chunk in flight died with the pool; any of their files may be the cause.
        self._suspects.extend(chunk)
        for files in self._in_flight.values():
            self._suspects.extend(files)
        self._in_flight.clear()
        return []
