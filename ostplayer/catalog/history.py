"""Play counts and last-played times in an append-only journal.

Recording a play happens every few minutes for the rest of the app's life; rewriting a
100,000-song library (or even a TinyDB file of every played song) for each one would cost a
full file write. Appending one line and fsyncing it costs the same whatever the library size.
A power cut can at worst truncate the last line, which the loader skips. The journal is
compacted into one summary line per song when it grows much longer than that.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from .store import aside_path, atomic_write_bytes


@dataclass(slots=True)
class PlayStats:
    count: int = 0
    last_played: float | None = None  # seconds since the epoch


class PlayHistory:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.stats: dict[str, PlayStats] = {}
        self.skipped_lines = 0
        self.damaged_copy: Path | None = None  # where the unreadable journal was kept
        self._lines = 0
        self._ends_mid_line = False
        self._load()
        if self.skipped_lines:
            # Rewrite without the damaged lines (a power cut mid-append), so the next append
            # does not land on a broken line and the damage is reported once, not every launch.
            # The journal as it was is kept first: the lines we could not read may be plays.
            self.damaged_copy = aside_path(path)
            shutil.copy2(path, self.damaged_copy)
            self.compact()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        self._ends_mid_line = bool(raw) and not raw.endswith(b"\n")
        for line in raw.splitlines():
            if not line.strip():
                continue
            self._lines += 1
            try:
                entry = json.loads(line)
                song = entry["song"]
                at = float(entry["at"])
                count = int(entry.get("count", 1))
                if not isinstance(song, str) or count < 1:
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                self.skipped_lines += 1
                continue
            stats = self.stats.setdefault(song, PlayStats())
            stats.count += count
            if stats.last_played is None or at > stats.last_played:
                stats.last_played = at

    def get(self, song_id: str) -> PlayStats:
        return self.stats.get(song_id) or PlayStats()

    def record(self, song_id: str, at: float | None = None) -> PlayStats:
        at = time.time() if at is None else at
        line = json.dumps({"song": song_id, "at": round(at, 3)}, ensure_ascii=False) + "\n"
        if self._ends_mid_line:  # never glue a play onto a line a power cut left unfinished
            line = "\n" + line
            self._ends_mid_line = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as fh:
            fh.write(line.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        self._lines += 1
        stats = self.stats.setdefault(song_id, PlayStats())
        stats.count += 1
        stats.last_played = at if stats.last_played is None else max(stats.last_played, at)
        if self._lines > 1000 and self._lines > 4 * len(self.stats):
            self.compact()
        return stats

    def compact(self) -> None:
        lines = [
            json.dumps(
                {"song": sid, "at": s.last_played or 0, "count": s.count}, ensure_ascii=False
            )
            for sid, s in self.stats.items()
        ]
        payload = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        atomic_write_bytes(self.path, payload)
        self._lines = len(lines)
        self._ends_mid_line = False
