"""Personal data that belongs to no song: the user's notes on dramas, and this library's own
id (the plays it exports carry it, see :mod:`ostplayer.domain.personal_merge`).

Kept in a small file of its own (personal_dramas.json) rather than as a second table of
personal.json: every writer of personal.json replaces that file with its song table, and a
note on a drama must not depend on all of them carrying a table they know nothing about.
Written the same crash-safe way (an atomic replacement, a backup, a checksum: see
:mod:`.store`); a file that cannot be read is moved aside, its backup is used, and the user
is told.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..domain.edit_record import Row, rebase_row
from ..domain.personal_export import LIBRARY_ID, MAX_NOTES
from ..domain.personal_keys import drama_key, drama_of
from .library_loading import backup_path, move_aside
from .store import TableFile, UnreadableFile

__all__ = ["DRAMAS_NAME", "DramaPersonal", "drama_key", "drama_of"]

DRAMAS_NAME = "personal_dramas.json"


class DramaPersonal:
    def __init__(self, path: Path, notices: list[str]) -> None:
        self.path = path
        self._lock = threading.RLock()  # the GUI thread writes notes, an import's thread too
        self.rows: dict[str, dict[str, Any]] = {}
        self._own_id: str | None = None
        self._load(notices)
        self._file = TableFile(path, backup_path(path))

    # --- reading ----------------------------------------------------------------------------

    def row(self, drama_id: str) -> dict[str, Any]:
        return dict(self.rows.get(drama_id, {}))

    def notes(self, drama_id: str) -> str:
        notes = self.rows.get(drama_id, {}).get("notes")
        return notes if isinstance(notes, str) else ""

    def own_id(self, *, create: bool = False) -> str | None:
        """This library's id; made (and saved) the first time an export needs one."""
        with self._lock:
            if self._own_id is None and create:
                self._own_id = uuid.uuid4().hex
                self._save(self.rows)
            return self._own_id

    # --- writing ----------------------------------------------------------------------------

    def write(self, changes: Mapping[str, tuple[Row, Row]]) -> None:
        """drama id -> (before, after), in one atomic write; as for songs, only the fields
        the change changed are set (an undo does not take back a later note's other fields)."""
        if not changes:
            return
        with self._lock:
            rows = dict(self.rows)
            for drama_id, (before, after) in changes.items():
                row = rebase_row(rows.get(drama_id), before, after)
                if row is None:
                    rows.pop(drama_id, None)
                else:
                    rows[drama_id] = {**row, "drama": drama_id}
            self._save(rows)
            self.rows = rows

    def _save(self, rows: Mapping[str, dict[str, Any]]) -> None:
        tables: dict[str, list[dict[str, Any]]] = {"dramas": list(rows.values())}
        if self._own_id is not None:
            tables["library"] = [{"id": self._own_id}]
        self._file.replace_all(tables)

    def close(self) -> None:
        self._file.close()

    # --- loading ----------------------------------------------------------------------------

    def _load(self, notices: list[str]) -> None:
        for attempt in (self.path, backup_path(self.path)):
            if not attempt.exists():
                continue
            try:
                tables = TableFile(attempt).read_all()
            except UnreadableFile as exc:
                moved = move_aside(attempt)
                what = "Your notes on dramas" if attempt == self.path else "Their backup"
                notices.append(f"{what} could not be read ({exc}); the file was moved to {moved}.")
                continue
            dropped = self._take(tables)
            if dropped:
                notices.append(
                    f"{dropped} note(s) on dramas held values that cannot be right and were"
                    " left out; every other note was kept."
                )
            if attempt != self.path:
                notices.append("Your notes on dramas were restored from their backup.")
                with contextlib.suppress(OSError):  # kept in memory; saved with the next note
                    TableFile(self.path, backup_path(self.path)).replace_all(
                        {"dramas": list(self.rows.values())}
                        | ({"library": [{"id": self._own_id}]} if self._own_id else {})
                    )
            return

    def _take(self, tables: Mapping[str, list[dict[str, Any]]]) -> int:
        dropped = 0
        for row in tables.get("dramas", []):
            drama, notes = row.get("drama"), row.get("notes", "")
            if not isinstance(drama, str) or not drama:
                dropped += 1
                continue
            if not isinstance(notes, str) or len(notes) > MAX_NOTES:
                dropped += 1
                row = {k: v for k, v in row.items() if k != "notes"}
            self.rows[drama] = row
        for row in tables.get("library", [])[:1]:
            ident = row.get("id")
            if isinstance(ident, str) and LIBRARY_ID.match(ident):
                self._own_id = ident
        return dropped
