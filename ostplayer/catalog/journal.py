"""Catalog edits in an append-only journal beside the library file.

Rewriting a 100,000-song library for every fixed title costs seconds (TinyDB itself rewrites
the whole file for one document update). An edit is instead one line appended here and
fsynced: its cost does not grow with the library. On load the lines are replayed over the
library file; at a quiet moment (closing, or once the journal is long) the catalog is written
whole and the folded lines are dropped.

Every line is a list of operations, each a whole entry or a removal by id. The first line
names the library file the edits apply to (its "written" stamp): a crash after the file was
rewritten whole (a fold, an import) but before the journal was emptied leaves a journal whose
stamp is not the file's, and it is ignored instead of replaying old edits over an import. A
power cut can at worst cut the last line short; the loader skips it (never acknowledged).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..media.regular_read import NotARegularFile, read_regular_file
from .store import aside_path, atomic_write_bytes, fsync_dir

# Folded every 200 edits; even a merge of thousands of songs is far below this.
MAX_JOURNAL_BYTES = 512 * 1024 * 1024

Op = dict[str, Any]  # {"put": section, "doc": {...}} or {"del": section, "id": "..."}


class EditJournal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.skipped_lines = 0
        # Lines before the last that could not be read: damage, not a crash mid-append.
        self.damaged_lines = 0
        self.damaged_copy: Path | None = None  # the journal as it was, when lines were damaged
        self.unusable: str | None = None  # why the whole file was moved aside, for a notice
        self._ends_mid_line = False
        self.base: float | None = None  # the library file's stamp the edits apply to
        self.edits: list[list[Op]] = self._read()
        if self.damaged_lines:
            # The next fold rewrites the journal without them: keep them for the user first.
            copy = aside_path(path)
            try:
                shutil.copy2(path, copy)
            except OSError:
                copy = None
            self.damaged_copy = copy

    def __len__(self) -> int:
        return len(self.edits)

    def _read(self) -> list[list[Op]]:
        try:
            raw = read_regular_file(self.path, MAX_JOURNAL_BYTES)
        except FileNotFoundError:
            return []
        except NotARegularFile as exc:
            # A FIFO would hang start-up, a device never end: it is no journal of ours.
            moved = aside_path(self.path)
            os.replace(self.path, moved)
            self.unusable = (
                f"The catalog edit journal could not be read ({exc}); it was moved to {moved}"
                " and the library opened as last saved."
            )
            return []
        self._ends_mid_line = bool(raw) and not raw.endswith(b"\n")
        out: list[list[Op]] = []
        lines = [line for line in raw.splitlines() if line.strip()]
        for number, line in enumerate(lines, 1):
            try:
                # Bounded: a line nested thousands deep is a damaged line, not a crash.
                entry = bounded_json.loads(line.decode("utf-8", "surrogatepass"))
                if not out and "base" in entry and self.base is None:
                    self.base = float(entry["base"])
                    continue
                ops = entry["edit"]
                if not isinstance(ops, list) or not all(_valid_op(op) for op in ops):
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                self.skipped_lines += 1
                if number < len(lines):
                    self.damaged_lines += 1
                continue
            out.append(ops)
        return out

    def append(self, ops: Sequence[Op], base: float | None = None) -> None:
        """Write one edit durably: when this returns, the edit survives a crash. ``base``:
        the library file's stamp, written first when the journal starts."""
        line = json.dumps({"edit": list(ops)}, ensure_ascii=False, separators=(",", ":"))
        if not self.edits and base is not None and not self._has_content():
            line = json.dumps({"base": base}) + "\n" + line
            self.base = base
        data = (line + "\n").encode("utf-8", "surrogatepass")
        if self._ends_mid_line:  # never glue an edit onto a line a power cut left unfinished
            data = b"\n" + data
            self._ends_mid_line = False
        created = not self.path.exists()
        with open(self.path, "ab") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if created:  # the new file's name must survive a power cut too
            fsync_dir(self.path.parent)
        self.edits.append(list(ops))

    def _has_content(self) -> bool:
        try:
            return self.path.stat().st_size > 0
        except FileNotFoundError:
            return False

    def drop_first(self, count: int, base: float | None = None) -> None:
        """Forget the first ``count`` edits (now in the library file stamped ``base``),
        keeping later ones."""
        rest = self.edits[count:]
        if not rest and not self.path.exists():
            self.edits = []
            return
        lines = [
            json.dumps({"edit": ops}, ensure_ascii=False, separators=(",", ":")) for ops in rest
        ]
        if rest and base is not None:
            lines.insert(0, json.dumps({"base": base}))
        payload = "".join(f"{line}\n" for line in lines).encode("utf-8", "surrogatepass")
        atomic_write_bytes(self.path, payload)
        self.edits = rest
        self.base = base if rest else None
        self._ends_mid_line = False
        self.skipped_lines = 0


def file_stamp(path: Path) -> float | None:
    """The "written" stamp of a library file (its first document, the meta row), read from
    its first bytes; None when it has none."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    found = _WRITTEN.search(head)
    return float(found.group(1)) if found else None


_WRITTEN = re.compile(r'"written"\s*:\s*([0-9.eE+-]+)')


def _valid_op(op: Any) -> bool:
    if not isinstance(op, dict):
        return False
    if "put" in op:
        return isinstance(op["put"], str) and isinstance(op.get("doc"), dict)
    return isinstance(op.get("del"), str) and isinstance(op.get("id"), str)
