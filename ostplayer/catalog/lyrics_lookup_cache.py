"""What online lookups answered, so a restart or a second bulk run asks nothing twice.

A JSON-lines file in the cache folder ($XDG_CACHE_HOME/ostplayer/online-lyrics.jsonl), one
line per answer, the last line for a song winning: appending is one small write per song
however large the library (a bulk fetch of thousands of songs), and a torn last line after a
crash only loses that answer. Entries expire (:data:`EXPIRY_S`), and are stale as soon as
what would be asked changes (the query's key: a new spelling, a newly linked file). Safe to
delete: it only saves requests.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..media.atomic import aside_path, atomic_write_bytes
from ..media.regular_read import NotARegularFile, read_regular_file

__all__ = ["EXPIRY_S", "LookupCache"]

EXPIRY_S = {"not_found": 14 * 86400, "needs_review": 14 * 86400, "instrumental": 90 * 86400}
_COMPACT_OVER = 4096  # lines; rewritten once on open when the file has grown past this
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a line is ~150 bytes: millions of answers


class LookupCache:
    def __init__(self, path: Path | None) -> None:
        """``path`` None keeps answers in memory only (tests, ``--dry-run``)."""
        self.path = Path(path) if path is not None else None
        self._lock = threading.Lock()
        self._entries: dict[str, dict[str, Any]] = {}
        self.unusable: str | None = None  # why the file was moved aside, for a notice
        lines = self._load()
        if lines > _COMPACT_OVER and lines > 2 * len(self._entries):
            self._compact()

    def _load(self) -> int:
        if self.path is None:
            return 0
        try:
            text = read_regular_file(self.path, MAX_CACHE_BYTES).decode("utf-8", "replace")
        except NotARegularFile as exc:
            # A FIFO would hang start-up (and the next append block on it): out of the way.
            self._move_aside(str(exc))
            return 0
        except OSError:
            return 0
        count = 0
        for line in text.splitlines():
            count += 1
            try:
                entry = bounded_json.loads(line)
            except ValueError:
                continue  # a torn or damaged line: that one answer is asked again
            if isinstance(entry, dict) and isinstance(entry.get("song"), str):
                if entry.get("status") is None:
                    self._entries.pop(entry["song"], None)
                else:
                    self._entries[entry["song"]] = entry
        return count

    def _move_aside(self, why: str) -> None:
        assert self.path is not None
        moved = aside_path(self.path)
        try:
            os.replace(self.path, moved)
        except OSError as exc:
            self.unusable = (
                f"The online lyrics cache {self.path} could not be read ({why}) nor moved"
                f" ({exc.strerror or exc}); lookups are not remembered until it is removed."
            )
            self.path = None
            return
        self.unusable = (
            f"The online lyrics cache could not be read ({why}); it was moved to {moved}."
            " Songs looked up before may be asked again."
        )

    def _compact(self) -> None:
        assert self.path is not None
        payload = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self._entries.values())
        with contextlib.suppress(OSError):  # only a cache
            atomic_write_bytes(self.path, payload.encode("utf-8"))

    def get(self, song_id: str, key: str, now: float | None = None) -> dict[str, Any] | None:
        """The cached answer for this song and query, unless expired or asked differently."""
        with self._lock:
            entry = self._entries.get(song_id)
        if entry is None or entry.get("key") != key:
            return None
        age = (time.time() if now is None else now) - float(entry.get("at", 0))
        if age > EXPIRY_S.get(str(entry.get("status")), 0) or age < 0:
            return None
        return entry

    def put(self, song_id: str, key: str, status: str, message: str | None = None) -> None:
        entry = {"song": song_id, "key": key, "status": status, "at": time.time()}
        if message:
            entry["message"] = message
        with self._lock:
            self._entries[song_id] = entry
            self._append(entry)

    def forget(self, song_id: str) -> None:
        """ "Try again now": the next lookup asks the provider."""
        with self._lock:
            if self._entries.pop(song_id, None) is not None:
                self._append({"song": song_id, "status": None})

    def forget_all(self) -> None:
        with self._lock:
            self._entries.clear()
            if self.path is not None:
                with contextlib.suppress(OSError):
                    self.path.unlink(missing_ok=True)

    def __len__(self) -> int:
        return len(self._entries)

    def _append(self, entry: dict[str, Any]) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
            finally:
                os.close(fd)
        except OSError:
            pass  # only a cache: the answer is asked again next time
