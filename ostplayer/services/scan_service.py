"""Scanning the user's music folders from the window: in the background, with progress, cancel
and results as they come, then applied in one write; uncertain matches wait for review.

One scan at a time. A rescan of the kept folders runs shortly after start-up (only new and
changed files are read). Whatever thread a scan runs on, the library it changes tells every
view about it; this service only reports progress and what was found.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ..catalog.scan_apply import (
    NEW_SONG,
    Applied,
    Decision,
    apply_scan,
    linked_files,
    load_review,
)
from ..catalog.scan_apply import save_review as write_review
from ..domain.library_growth import ReviewItem, ScanPlan, plan_scan
from ..domain.track_facts import UnreadableFile
from ..media.music_folders import MusicFolders
from ..media.music_scan import ScanCache, fingerprint_rest, scan_music
from ..paths import AppPaths
from .library_service import LibraryService
from .tasks import Task, TaskContext

__all__ = ["NEW_SONG", "Decision", "ScanReport", "ScanService"]


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
    seconds: float = 0.0
    cancelled: bool = False

    def summary(self) -> str:
        if self.cancelled:
            return "Scan cancelled; nothing was changed."
        text = f"Scanned {self.found:,} files ({self.read:,} read, {self.unchanged:,} unchanged)"
        if self.applied is not None:
            text += f": {self.applied}"
        if self.unreadable:
            text += f"; {len(self.unreadable):,} files could not be used"
        if self.review:
            text += f"; {len(self.review):,} matches to review"
        return text + "."


class ScanService(QObject):
    started = Signal()
    progressed = Signal(int, int, str)  # files done, files found, what it is doing
    found = Signal(int)  # audio files found so far (results as they come)
    finished = Signal(object)  # ScanReport
    review_changed = Signal(int)  # how many matches wait for review
    folders_changed = Signal(list)

    def __init__(self, paths: AppPaths, library: LibraryService, parent: QObject | None = None):
        super().__init__(parent)
        self.paths = paths
        self.library = library
        self.folders = MusicFolders(paths.music_folders_file)
        self.task: Task | None = None
        self.review: list[ReviewItem] = load_review(paths.scan_review_file, library.catalog)

    # --- folders ----------------------------------------------------------------------------

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
        catalog = self.library.catalog
        library = self.library.library
        cache_path = self.paths.scan_cache_file

        def job(ctx: TaskContext) -> ScanReport:
            cache = ScanCache(cache_path)
            result = scan_music(
                list(roots),
                cache,
                progress=ctx.progress,
                cancel=lambda: ctx.cancelled,
                on_track=lambda _t: ctx.partial(1),
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
            ctx.progress(result.found, result.found, "Matching the files with the catalog")
            plan = plan_scan(result.tracks, catalog, linked_files(library, result.gone))
            ctx.check()  # the last moment a cancel changes nothing
            report.applied = apply_scan(library, plan, (), result.gone)
            report.review = plan.review
            # Fingerprints for the rest, after the library is written: for moved files and
            # copies in other formats next time; never holds the scan's result back.
            fingerprint_rest(result.tracks, cache, lambda: ctx.cancelled)
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
        if report.review:
            # A path the user already answered for stays answered.
            known = {p for item in self.review for p in item.paths}
            self.review = [*self.review, *(r for r in report.review if r.paths[0] not in known)]
            self._save_review()
        self.finished.emit(report)

    # --- review -----------------------------------------------------------------------------

    def decide(self, decisions: Sequence[Decision]) -> Applied:
        """Apply the user's answers; the items answered leave the review list."""
        applied = apply_scan(self.library.library, ScanPlan(), decisions)
        answered = {id(d.item) for d in decisions}
        self.review = [item for item in self.review if id(item) not in answered]
        self._save_review()
        return applied

    def _save_review(self) -> None:
        # On a full disk the review stays in memory for this session.
        with contextlib.suppress(OSError):
            write_review(self.paths.scan_review_file, self.review)
        self.review_changed.emit(len(self.review))


def _failed(exc: BaseException) -> ScanReport:
    report = ScanReport(cancelled=True)
    report.unreadable = [UnreadableFile("", f"the scan stopped: {exc}")]
    return report
