"""The folders the user keeps their music in, as a small JSON file in the config folder.

Shared by the window and ``ostplayer scan`` (which has no Qt and so no QSettings): a folder
scanned from the command line is rescanned by the window at its next start. Removing a
folder never deletes anything else: catalog entries, lyrics, notes and plays stay.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..domain import bounded_json
from .atomic import atomic_write_bytes, json_bytes
from .regular_read import read_regular_file

MAX_BYTES = 1024 * 1024


class MusicFolders:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def load(self) -> list[str]:
        try:
            # Regular files only, with limits: a FIFO here must not hang the window.
            data = bounded_json.loads(read_regular_file(self.path, MAX_BYTES))
        except (OSError, ValueError, RecursionError):
            return []
        folders = data.get("folders") if isinstance(data, dict) else None
        if not isinstance(folders, list):
            return []
        return list(dict.fromkeys(f for f in folders if isinstance(f, str) and f))

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
