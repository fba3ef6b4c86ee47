"""Scanning the user's music folders: walk, read what changed, remember what was read.

No Qt: the window runs it in a background task, ``ostplayer scan`` in the foreground. The
cache (``scan-cache.jsonl`` in the cache folder) keeps every file's facts with its size and
modification time, so a rescan reads only new and changed files; a damaged cache is simply a
slower scan, never an error.

Fingerprints (Chromaprint's ``fpcalc``) are computed for the files whose tags and names cannot
place them (no title and no artist), during the scan; :func:`fingerprint_rest` does the others
afterwards, in the background, for moved files and copies in other formats.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from ..domain import bounded_json
from ..domain.track_facts import TrackFacts, UnreadableFile
from .atomic import atomic_write_bytes
from .fingerprint import available as fingerprints_available
from .fingerprint import fingerprint
from .regular_read import read_regular_file
from .scan_reader import read_tracks
from .walk import FolderProgress, FoundFile, NotSeen, display_path, walk_music

log = logging.getLogger(__name__)

CACHE_VERSION = 1
MAX_CACHE_BYTES = 512 * 1024 * 1024
_FEW = 64  # files to read below which they are read in the scanning thread, no processes

Progress = Callable[[int, int, str], None]  # files done, files found, what is happening


@dataclass
class ScanResult:
    tracks: list[TrackFacts] = field(default_factory=list)  # every audio file under the roots
    unreadable: list[UnreadableFile] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # cached files no longer found
    gone_tracks: list[TrackFacts] = field(default_factory=list)  # what the cache knew of them
    read: int = 0  # files whose tags were read this time
    unchanged: int = 0  # files the cache answered for
    unchanged_paths: set[str] = field(default_factory=set)  # those files
    fingerprinted: int = 0
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def found(self) -> int:
        return len(self.tracks) + len(self.unreadable)


class ScanCache:
    """Facts of every file the last scans read, by path, in one JSON-lines file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.tracks: dict[str, TrackFacts] = {}
        self._load()

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            raw = read_regular_file(self.path, MAX_CACHE_BYTES)  # never a FIFO's wait
        except OSError:
            return
        lines = raw.splitlines()
        try:
            header = bounded_json.loads(lines[0]) if lines else {}
        except ValueError:  # JSONLimitError too: a cache nested thousands deep is not ours
            return
        if not isinstance(header, dict) or header.get("version") != CACHE_VERSION:
            return  # another version's cache: scan afresh
        for line in lines[1:]:
            try:
                track = TrackFacts.from_json(bounded_json.loads(line))
            except (ValueError, TypeError, KeyError):
                continue  # a damaged line costs one file's re-read
            self.tracks[track.path] = track

    def known(self) -> dict[str, tuple[int, int]]:
        return {p: (t.size, t.mtime_ns) for p, t in self.tracks.items()}

    def save(self) -> None:
        if self.path is None:
            return
        lines = [json.dumps({"version": CACHE_VERSION})]
        lines.extend(json.dumps(t.to_json(), ensure_ascii=True) for t in self.tracks.values())
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, ("\n".join(lines) + "\n").encode("ascii"))
        except OSError as exc:
            # The cache only saves time: a full disk makes the next scan slower, nothing more.
            log.warning("could not save the scan cache %s: %s", self.path, exc)


def needs_fingerprint(track: TrackFacts) -> bool:
    """Tags say nothing: only the audio itself can tell which recording this is."""
    return not track.fingerprint and not (track.title.strip() or track.artist.strip())


def scan_music(
    roots: Sequence[str | os.PathLike[str]],
    cache: ScanCache,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
    fingerprints: bool = True,
    on_track: Callable[[TrackFacts], None] | None = None,
) -> ScanResult:
    """Every audio file under ``roots``, read or taken from the cache; updates ``cache``."""
    started = time.perf_counter()
    should_stop = cancel or (lambda: False)
    report = progress or (lambda _done, _found, _what: None)
    result = ScanResult()
    found_paths: list[str] = []
    known = cache.known()

    def to_read() -> Iterator[str]:
        # The walk goes on as the readers ask for more files: the folders are walked while
        # the first files are read (the walk alone took 0.2 s of 10,000 files' 2.5 s).
        for event in walk_music(list(roots), known, should_stop):
            if isinstance(event, FoundFile):
                found_paths.append(event.path)
                cached = cache.tracks.get(event.path) if event.unchanged else None
                if cached is None:
                    yield event.path
                    continue
                result.tracks.append(cached)
                result.unchanged += 1
                result.unchanged_paths.add(event.path)
                if on_track is not None:
                    on_track(cached)
            elif isinstance(event, UnreadableFile):
                result.unreadable.append(event)
            elif isinstance(event, FolderProgress):
                found = event.files_found
                report(result.unchanged, found, f"Looking in {display_path(event.folder)}")
            elif isinstance(event, NotSeen):
                result.gone = list(event.paths)
                # Kept so a moved or renamed file can be told from a new one (same audio, tags).
                result.gone_tracks = [cache.tracks[p] for p in result.gone if p in cache.tracks]

    def delivered(item: TrackFacts | UnreadableFile) -> None:
        if isinstance(item, TrackFacts):
            result.tracks.append(item)
            cache.tracks[item.path] = item
            result.read += 1
            if on_track is not None:
                on_track(item)
        else:
            result.unreadable.append(item)
            cache.tracks.pop(item.path, None)
        done = result.read + result.unchanged + len(result.unreadable)
        if done % 50 == 0:
            report(done, len(found_paths), f"Reading {display_path(item.path)}")

    paths = to_read()
    first = list(islice(paths, _FEW))  # a handful of files: no processes to start
    summary = read_tracks(
        chain(first, paths),
        workers=(0 if len(first) < _FEW else workers),
        on_result=delivered,
        cancel=should_stop,
    )
    total = len(found_paths)
    # What was read before a cancel is kept in the cache: the next scan goes on from there.
    result.cancelled = summary.cancelled or should_stop()
    # Workers answer in completion order; the plan takes the first file of a recording as its
    # main link and names new songs from it, so the same folder must give the same order.
    order = {path: i for i, path in enumerate(found_paths)}
    result.tracks.sort(key=lambda track: order.get(track.path, len(order)))
    for path in result.gone:
        cache.tracks.pop(path, None)
    if fingerprints and not result.cancelled and fingerprints_available():
        result.fingerprinted = _fingerprint(result, cache, needs_fingerprint, should_stop)
    cache.save()
    report(total, total, "Done")
    result.seconds = time.perf_counter() - started
    return result


def _fingerprint(
    result: ScanResult,
    cache: ScanCache,
    wanted: Callable[[TrackFacts], bool],
    cancel: Callable[[], bool],
) -> int:
    done = 0
    for i, track in enumerate(result.tracks):
        if cancel():
            break
        if not wanted(track):
            continue
        found = fingerprint(track.path)
        if found is None:
            continue
        updated = dataclasses.replace(track, fingerprint=found.compressed)
        result.tracks[i] = updated
        cache.tracks[track.path] = updated
        done += 1
    return done


def fingerprint_rest(
    tracks: Iterable[TrackFacts], cache: ScanCache, cancel: Callable[[], bool]
) -> int:
    """Fingerprint the files that have none yet (after a scan, in the background)."""
    if not fingerprints_available():
        return 0
    result = ScanResult(tracks=list(tracks))
    done = _fingerprint(result, cache, lambda t: not t.fingerprint, cancel)
    with contextlib.suppress(OSError):
        cache.save()
    return done
