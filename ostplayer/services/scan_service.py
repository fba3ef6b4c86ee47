"""Scanning the user's music folders from the window: in the background, with progress, cancel
and results as they come, then applied in one write; uncertain matches wait for review.

One scan at a time. A rescan of the kept folders runs shortly after start-up (only new and
changed files are read). Whatever thread a scan runs on, the library it changes tells every
view about it; this service only reports progress and what was found.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ..catalog.scan_apply import (
    NEW_SONG,
    Applied,
    Decision,
    apply_scan,
    load_review,
    merge_review,
    plan_for_scan,
    readings_for_scan,
    still_asked,
)
from ..catalog.scan_apply import save_review as write_review
from ..catalog.scan_declined import DeclinedFiles, declined_path
from ..domain.collector import full_collections_held
from ..domain.library_growth import ReviewItem, ScanPlan
from ..domain.track_facts import TrackFacts, UnreadableFile
from ..media.music_folders import MusicFolders
from ..media.music_scan import ScanCache, fingerprint_rest, scan_music
from ..paths import AppPaths
from .library_service import LibraryService
from .tasks import Task, TaskContext
from .texts import fill, tr

__all__ = ["NEW_SONG", "Decision", "ScanReport", "ScanService", "applied_text"]


def _tr(text: str) -> str:
    return tr("Scan", text)


@dataclass
class ScanReport:
    """What one scan did, for the status line and the report dialog."""

    found: int = 0
    read: int = 0
    unchanged: int = 0
    gone: int = 0
    unreadable: list[UnreadableFile] = field(default_factory=list)
    applied: Applied | None = None
    review: list[ReviewItem] = field(default_factory=list)
    scanned: list[str] = field(default_factory=list)  # every path the scan looked at
    # For the fingerprint pass that follows the scan (not shown to anyone).
    tracks: list[TrackFacts] = field(default_factory=list, repr=False)
    cache: ScanCache | None = field(default=None, repr=False)
    seconds: float = 0.0
    cancelled: bool = False

    def summary(self) -> str:
        """The status line's sentence, in the interface's language."""
        if self.cancelled:
            return _tr("Scan cancelled; nothing was changed.")
        counts = (f"{n:,}" for n in (self.found, self.read, self.unchanged))
        text = fill(_tr("Scanned %1 files (%2 read, %3 unchanged)"), *counts)
        if self.applied is not None:
            text += f": {applied_text(self.applied)}"
        if self.unreadable:
            text += "; " + fill(_tr("%1 files could not be used"), f"{len(self.unreadable):,}")
        if self.review:
            text += "; " + fill(_tr("%1 matches to review"), f"{len(self.review):,}")
        return text + "."


def applied_text(applied: Applied) -> str:
    """What a scan or a review wrote, in the interface's language; in English the words
    of ``str(applied)`` (which the CLI prints)."""
    a = applied
    parts = [
        fill(_tr("%1 files linked to %2 songs"), f"{a.files_linked:,}", f"{a.songs_linked:,}"),
        fill(_tr("%1 new songs"), f"{a.songs_added:,}"),
        fill(_tr("%1 new dramas"), f"{a.dramas_added:,}"),
        fill(_tr("%1 new artists"), f"{a.people_added:,}"),
    ]
    shown_when_any = (
        (a.files_moved, _tr("%1 moved files followed")),
        (a.files_unlinked, _tr("%1 deleted files unlinked")),
        (a.kept_for_review, _tr("%1 to review")),
        (a.files_declined, _tr("%1 files left out (not asked again)")),
    )
    parts += [fill(template, f"{n:,}") for n, template in shown_when_any if n]
    return ", ".join(parts)


class ScanService(QObject):
    started = Signal()
    progressed = Signal(int, int, str)  # files done, files found, what it is doing
    found = Signal(int)  # audio files found so far (results as they come)
    finished = Signal(object)  # ScanReport
    review_changed = Signal(int)  # how many matches wait for review
    decided = Signal(object)  # Applied: the review's answers are written
    decide_failed = Signal(str)  # why they could not be (the items wait in the review again)
    folders_changed = Signal(list)

    def __init__(self, paths: AppPaths, library: LibraryService, parent: QObject | None = None):
        super().__init__(parent)
        self.paths = paths
        self.library = library
        self.folders = MusicFolders(paths.music_folders_file)
        # Read once now (a small, capped file): a damaged list is moved aside and said at
        # start-up, before any save could overwrite it.
        self.folders.load()
        self.task: Task | None = None
        self.fingerprints: Task | None = None  # the background pass after a scan
        self._review_version = 0
        self._review_lock = threading.Lock()
        self._declined_lock = threading.Lock()
        self.review: list[ReviewItem] = load_review(paths.scan_review_file, library.catalog)

    # --- folders ----------------------------------------------------------------------------

    @property
    def notices(self) -> list[str]:
        """What went wrong with the music-folders file, to show the user."""
        return self.folders.notices

    def music_folders(self) -> list[str]:
        return self.folders.load()

    def add_folders(self, folders: Sequence[str]) -> None:
        """Keep these folders and scan them now."""
        kept = self.folders.add(*folders)
        self.folders_changed.emit(kept)
        self.scan(folders)

    def remove_folder(self, folder: str) -> None:
        """Stop scanning it. Nothing is deleted: songs, links, lyrics and plays stay."""
        self.folders_changed.emit(self.folders.remove(folder))

    # --- scanning ---------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def rescan(self) -> Task | None:
        """Every kept folder, reading only what changed since the last scan."""
        folders = [f for f in self.music_folders() if os.path.isdir(f)]
        return self.scan(folders) if folders else None

    def scan(self, roots: Sequence[str]) -> Task | None:
        if self.is_running() or not roots:
            return None
        if self.fingerprints is not None and self.fingerprints.is_running():
            self.fingerprints.cancel()  # the next pass takes up where this one stopped
        library = self.library.library
        cache_path = self.paths.scan_cache_file
        declined_file = declined_path(self.paths.scan_review_file)
        review = list(self.review)  # what the user is being asked now (read on this thread)

        def job(ctx: TaskContext) -> ScanReport:
            # Full collections held back: each walked the scan's growing heap (40-110 ms,
            # holding the GIL), and a keystroke in the window waited for it.
            with full_collections_held():
                return scanned(ctx)

        def scanned(ctx: TaskContext) -> ScanReport:
            cache = ScanCache(cache_path)
            readings = readings_for_scan(library)

            def arrived(track: TrackFacts) -> None:
                readings.add(track)
                ctx.partial(1)

            result = scan_music(
                list(roots),
                cache,
                progress=ctx.progress,
                cancel=lambda: ctx.cancelled,
                on_track=arrived,
            )
            report = ScanReport(
                found=result.found,
                read=result.read,
                unchanged=result.unchanged,
                gone=len(result.gone),
                unreadable=result.unreadable,
                seconds=result.seconds,
                cancelled=result.cancelled,
            )
            if result.cancelled:
                return report
            ctx.progress(result.found, result.found, _tr("Matching the files with the catalog"))
            with self._declined_lock:  # not half-written by a review being applied
                declined = DeclinedFiles(declined_file)
            # The files still waiting for the user's answer (unchanged) wait on.
            asked = still_asked(review, result.unchanged_paths)
            tracks = [t for t in result.tracks if t.path not in asked]
            plan, moves = plan_for_scan(
                library, tracks, result.gone, result.gone_tracks, declined, readings
            )
            ctx.check()  # the last moment a cancel changes nothing
            report.applied = apply_scan(library, plan, (), result.gone, moves)
            report.review = plan.review
            report.scanned = [*(t.path for t in tracks), *result.gone]
            report.tracks, report.cache = result.tracks, cache
            return report

        task = self.library.tasks.run("scan", job)
        found = [0]

        def on_partial(items: list) -> None:
            found[0] += len(items)
            self.found.emit(found[0])

        task.partial.connect(on_partial)
        task.progressed.connect(self.progressed)
        task.finished.connect(self._on_finished)
        task.cancelled.connect(lambda: self.finished.emit(ScanReport(cancelled=True)))
        task.failed.connect(lambda exc: self.finished.emit(_failed(exc)))
        self.task = task
        self.started.emit()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_finished(self, report: ScanReport) -> None:
        # The scan's items replace those about the files it looked at (since linked, deleted
        # or asked again); the items about other folders stay.
        before = self.review
        self.review = merge_review(self.review, report.review, report.scanned)
        if self.review != before:
            self._save_review()
        self.finished.emit(report)
        if report.tracks and report.cache is not None:
            self._fingerprint_rest(report.tracks, report.cache)
        report.tracks, report.cache = [], None

    def _fingerprint_rest(self, tracks: list[TrackFacts], cache: ScanCache) -> None:
        """Fingerprints for the files that have none, after the scan has shown its result:
        they let the next scans follow moved files and join copies in other formats."""

        def job(ctx: TaskContext) -> int:
            return fingerprint_rest(tracks, cache, lambda: ctx.cancelled)

        self.fingerprints = self.library.tasks.run("fingerprints", job)

    # --- review -----------------------------------------------------------------------------

    def decide(self, decisions: Sequence[Decision]) -> Task:
        """Apply the user's answers off the GUI thread (links and new songs are a library
        write); ``decided`` tells when they are in. The items answered leave the review list
        at once, and come back if the write fails. A "no" is remembered by file identity
        (see scan_declined): the next rescan does not ask about that file again."""
        decisions = list(decisions)
        answered = {id(d.item) for d in decisions}
        items = [d.item for d in decisions]
        self.review = [item for item in self.review if id(item) not in answered]
        self._save_review()
        library = self.library.library
        declined_file = declined_path(self.paths.scan_review_file)

        def job(_ctx: TaskContext) -> Applied:
            with self._declined_lock:
                declined = DeclinedFiles(declined_file)
                return apply_scan(library, ScanPlan(), decisions, declined=declined)

        def failed(exc: BaseException) -> None:
            kept = {id(item) for item in self.review}
            self.review = [*self.review, *(i for i in items if id(i) not in kept)]
            self._save_review()
            self.decide_failed.emit(str(exc))

        task = self.library.tasks.run("apply review", job)
        task.finished.connect(self.decided)
        task.failed.connect(failed)
        return task

    def _save_review(self) -> None:
        """Write the review off the GUI thread; only the newest of overlapping saves lands."""
        self._review_version += 1
        version, items, path = self._review_version, list(self.review), self.paths.scan_review_file

        def job(_ctx: TaskContext) -> None:
            with self._review_lock:
                if version == self._review_version:
                    # On a full disk the review stays in memory for this session.
                    with contextlib.suppress(OSError):
                        write_review(path, items)

        self.library.tasks.run("save review", job)
        self.review_changed.emit(len(self.review))


def _failed(exc: BaseException) -> ScanReport:
    report = ScanReport(cancelled=True)
    report.unreadable = [UnreadableFile("", fill(_tr("the scan stopped: %1"), str(exc)))]
    return report
