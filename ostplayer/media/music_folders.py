"""The folders the user keeps their music in, as a small JSON file in the config folder.

Shared by the window and ``ostplayer scan`` (which has no Qt and so no QSettings): a folder
scanned from the command line is rescanned by the window at its next start. Removing a
folder never deletes anything else: catalog entries, lyrics, notes and plays stay.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

from ..domain import bounded_json
from .atomic import aside_path, atomic_write_bytes, json_bytes
from .regular_read import NotARegularFile, read_regular_file

MAX_BYTES = 1024 * 1024
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


class MusicFolders:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # What went wrong with the file, for the window's notices (each said once).
        self.notices: list[str] = []

    def load(self) -> list[str]:
        try:
            # Regular files only, with limits: a FIFO here must not hang the window.
            raw = read_regular_file(self.path, MAX_BYTES)
        except FileNotFoundError:
            return []
        except NotARegularFile as exc:
            return self._damaged(b"", str(exc))
        except OSError as exc:
            why = f"Your list of music folders could not be read ({exc.strerror or exc})."
            if why not in self.notices:
                self.notices.append(why)
            return []
        try:
            data = bounded_json.loads(raw)
        except (ValueError, RecursionError) as exc:
            return self._damaged(raw, str(exc))
        folders = data.get("folders") if isinstance(data, dict) else None
        if not isinstance(folders, list):
            return self._damaged(raw, "it holds no list of folders")
        return list(dict.fromkeys(f for f in folders if isinstance(f, str) and f))

    def _damaged(self, raw: bytes, why: str) -> list[str]:
        """A file that cannot be read would be overwritten by the next save, and the user's
        folder list lost: moved aside, told, and the folders still readable in it kept."""
        kept = _readable_folders(raw)
        try:
            moved = aside_path(self.path)
            os.replace(self.path, moved)
        except OSError:
            # Cannot move it (a read-only folder): work from what was read, save nothing.
            self.notices.append(f"Your list of music folders could not be read ({why}).")
            return kept
        with contextlib.suppress(OSError):  # the moved file keeps the list; a later save writes it
            self.save(kept)
        some = f" {len(kept)} folder(s) could still be read and were kept." if kept else ""
        self.notices.append(
            f"Your list of music folders could not be read ({why}); it was moved to {moved}"
            f" and nothing in it was deleted.{some} Add any missing folder again."
        )
        return kept

    def save(self, folders: list[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, json_bytes({"folders": list(dict.fromkeys(folders))}))

    def add(self, *folders: str | os.PathLike[str]) -> list[str]:
        current = self.load()
        for folder in folders:
            absolute = os.path.abspath(os.fspath(folder))
            # A folder inside one already kept is already scanned with it.
            if not any(_inside(absolute, kept) for kept in current):
                current = [k for k in current if not _inside(k, absolute)] + [absolute]
        self.save(current)
        return current

    def remove(self, folder: str) -> list[str]:
        current = [f for f in self.load() if f != folder]
        self.save(current)
        return current


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _readable_folders(raw: bytes) -> list[str]:
    """The absolute paths that stand whole in a damaged file (a torn write, a bad edit)."""
    text = raw.decode("utf-8", "replace")
    found: list[str] = []
    for literal in _STRING.findall(text):
        try:
            value = json.loads(literal)
        except ValueError:
            continue
        if isinstance(value, str) and os.path.isabs(value):
            found.append(value)
    return list(dict.fromkeys(found))
