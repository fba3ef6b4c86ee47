"""Linking audio files to songs: dialogs, drops, "show in folder", and the link status cache.

The link is personal data of the song (by its stable id); replacing or relinking a file never
touches the song's lyrics, offsets or play history.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ..catalog.library import Library

# What VLC's stock plugins play; the dialog filter, and a sanity check on drops.
AUDIO_EXTENSIONS = [
    "mp3",
    "flac",
    "ogg",
    "oga",
    "opus",
    "m4a",
    "mp4",
    "aac",
    "wav",
    "wma",
    "ape",
    "wv",
    "mka",
    "aiff",
    "aif",
    "alac",
    "ac3",
    "dts",
    "mpc",
    "amr",
    "webm",
]
AUDIO_FILTER = (
    "Audio files ("
    + " ".join(f"*.{e} *.{e.upper()}" for e in AUDIO_EXTENSIONS)
    + ");;All files (*)"
)


class LinkStatus:
    """Caches each song's audio state, so painting a row never touches the disk.

    "linked" (a file is there), "missing" (the linked path is gone), "unplayable" (VLC
    failed to play the file, or the path is a folder) or "none". "Unplayable" sticks to
    the path that failed: relinking (even to the same file), or playing it through to
    the end, clears it.
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self._state: dict[str, str] = {}
        self._unplayable: dict[str, str] = {}  # song id -> the path VLC could not play
        self.refresh_all()

    def refresh_all(self) -> None:
        self._state = {sid: self._check(sid) for sid in self.library.linked_song_ids()}

    def refresh(self, song_id: str) -> str:
        state = self._check(song_id)
        if state == "none":
            self._state.pop(song_id, None)
        else:
            self._state[song_id] = state
        return state

    def mark_missing(self, song_id: str) -> None:
        if self.library.audio_path(song_id):
            self._state[song_id] = "missing"

    def mark_unplayable(self, song_id: str) -> str:
        """VLC could not play the song's file: remember it until the link changes."""
        path = self.library.audio_path(song_id)
        if path:
            self._unplayable[song_id] = path
        return self.refresh(song_id)

    def clear_unplayable(self, song_id: str) -> str:
        self._unplayable.pop(song_id, None)
        return self.refresh(song_id)

    def _check(self, song_id: str) -> str:
        path = self.library.audio_path(song_id)
        if not path:
            return "none"
        if os.path.isdir(path):
            return "unplayable"
        if not os.path.isfile(path):
            return "missing"
        return "unplayable" if self._unplayable.get(song_id) == path else "linked"

    def __call__(self, song_id: str) -> str:
        return self._state.get(song_id, "none")

    def counts(self) -> tuple[int, int]:
        states = list(self._state.values())
        return states.count("linked"), states.count("missing")


class SongActions(QObject):
    changed = Signal(str)  # song id whose link changed
    message = Signal(str)  # for the status bar

    def __init__(self, library: Library, status: LinkStatus, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.library = library
        self.status = status
        self._parent = parent_widget
        self._last_dir = str(Path.home())

    def choose_and_link(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        current = self.library.audio_path(song_id)
        start = str(Path(current).parent) if current else self._last_dir
        if current and not Path(start).is_dir():
            start = self._last_dir
        path, _ = QFileDialog.getOpenFileName(
            self._parent, f"Link an audio file to “{song.title}”", start, AUDIO_FILTER
        )
        if path:
            self.link(song_id, path)

    def link(self, song_id: str, path: str) -> bool:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return False
        file = Path(path)
        if not file.is_file():
            self.message.emit(f"Not linked: {path} is not a file.")
            return False
        suffix = file.suffix.lower().lstrip(".")
        self._last_dir = str(file.parent)
        self.library.link(song_id, file)
        self.status.clear_unplayable(song_id)  # a (re)link deserves another try
        note = "" if suffix in AUDIO_EXTENSIONS else " (this does not look like an audio file)"
        self.message.emit(f"Linked “{song.title}” to {file.name}{note}.")
        self.changed.emit(song_id)
        return True

    def unlink(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        self.library.unlink(song_id)
        self.status.clear_unplayable(song_id)
        self.message.emit(f"Unlinked the audio file from “{song.title}”.")
        self.changed.emit(song_id)

    def show_in_folder(self, song_id: str) -> None:
        path = self.library.audio_path(song_id)
        if not path:
            return
        folder = Path(path).parent
        if not folder.is_dir():
            self.message.emit(f"The folder {folder} no longer exists.")
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.message.emit(f"Could not open a file manager; the file is in {folder}.")
