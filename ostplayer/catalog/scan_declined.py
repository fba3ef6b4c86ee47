"""Files the user said are none of the scan's suggestions, so a rescan does not ask again.

Kept as ``scan-declined.json`` beside the review file: one entry per file, its path, size and
modification time, and its audio fingerprint when the scan had one. A file is not asked about
again while it is the same file (same path, size and time: unchanged), or the same recording
under another name (same fingerprint). Changing its tags changes its time, and the next scan
asks again with what the new tags say. Losing this file only means being asked again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..domain.library_growth import ScanPlan
from ..domain.track_facts import TrackFacts
from ..media.atomic import atomic_write_bytes, json_bytes
from ..media.regular_read import read_regular_file

__all__ = ["DeclinedFiles", "declined_path"]

MAX_DECLINED_BYTES = 32 * 1024 * 1024
MAX_ENTRIES = 100_000  # the oldest answers go first past this


def declined_path(review_file: Path) -> Path:
    return Path(review_file).with_name("scan-declined.json")


class DeclinedFiles:
    def __init__(self, path: Path | None) -> None:
        """``path`` None keeps nothing (``ostplayer scan --dry-run``)."""
        self.path = path
        self._entries: dict[str, dict[str, Any]] = {}  # path -> {"size", "mtime_ns", "fp"}
        if path is not None:
            self._load(path)
        self._fingerprints = {e["fp"] for e in self._entries.values() if e.get("fp")}

    def _load(self, path: Path) -> None:
        try:
            data = bounded_json.loads(read_regular_file(path, MAX_DECLINED_BYTES))
        except (OSError, ValueError):
            return  # missing or damaged: the files are asked about again, nothing worse
        for entry in data if isinstance(data, list) else ():
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                continue
            size, mtime = entry.get("size"), entry.get("mtime_ns")
            if isinstance(size, int) and isinstance(mtime, int):
                fp = entry.get("fp") if isinstance(entry.get("fp"), str) else ""
                self._entries[entry["path"]] = {"size": size, "mtime_ns": mtime, "fp": fp}

    def __len__(self) -> int:
        return len(self._entries)

    def covers(self, track: TrackFacts) -> bool:
        """True when the user already said no to this very file (or recording)."""
        if track.fingerprint and track.fingerprint in self._fingerprints:
            return True
        entry = self._entries.get(track.path)
        return (
            entry is not None
            and entry["size"] == track.size
            and entry["mtime_ns"] == track.mtime_ns
        )

    def add(self, paths: Iterable[str], fingerprints: Mapping[str, str] | None = None) -> int:
        """Remember these files as they are on disk now, and save; how many were kept (a file
        gone meanwhile is not). For a worker thread: it asks the disk."""
        kept = 0
        for path in paths:
            try:
                st = os.stat(path)
            except OSError:
                continue
            fp = (fingerprints or {}).get(path, "")
            self._entries.pop(path, None)  # re-added last: the newest answers are kept longest
            self._entries[path] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "fp": fp}
            if fp:
                self._fingerprints.add(fp)
            kept += 1
        while len(self._entries) > MAX_ENTRIES:
            self._entries.pop(next(iter(self._entries)))
        self._save()
        return kept

    def _save(self) -> None:
        if self.path is None:
            return
        data = [{"path": p, **e} for p, e in self._entries.items()]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # on a full disk the files are asked about again
            atomic_write_bytes(self.path, json_bytes(data))

    def drop_asked(self, plan: ScanPlan, tracks: Sequence[TrackFacts]) -> ScanPlan:
        """``plan`` without the review items about files the user declined (all of an item's
        files): they stay unlinked and are not asked about again."""
        if not self._entries or not plan.review:
            return plan
        by_path = {t.path: t for t in tracks}

        def declined(path: str) -> bool:
            track = by_path.get(path)
            return track is not None and self.covers(track)

        plan.review = [item for item in plan.review if not all(declined(p) for p in item.paths)]
        return plan
