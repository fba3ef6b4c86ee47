"""Linking audio files to songs: dialogs, drops and "show in folder".

The link is personal data of the song (by its stable id); replacing or relinking a file never
touches the song's lyrics, offsets or play history. A file is linked only when its content is
audio, and an existing link is replaced only after asking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..services.library_service import LibraryService
from .plain_text import as_html

# What VLC's stock plugins play; the dialog's filter.
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


class SongActions(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, library: LibraryService, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.library = library
        self._parent = parent_widget
        self._last_dir = str(Path.home())

    def choose_and_link(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        current = self.library.audio_path(song_id)
        start = str(Path(current).parent) if current else self._last_dir
        path, _ = QFileDialog.getOpenFileName(
            self._parent, f"Link an audio file to “{song.title}”", start, AUDIO_FILTER
        )
        if path:
            # Chosen in the dialog as a replacement: no second question.
            self.link(song_id, path, confirm_replace=False)

    def link(self, song_id: str, path: str, *, confirm_replace: bool = True) -> bool:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return False
        problem = self.library.link_problem(path)
        if problem is not None:
            self.message.emit(f"Not linked: {problem}.")
            return False
        file = Path(path)
        self._last_dir = str(file.parent)
        current = self.library.audio_path(song_id)
        if confirm_replace and current and current != str(file.absolute()):
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self._parent,
                "Replace the audio file?",
                as_html(
                    f"“{song.title}” is linked to {Path(current).name}. Link it to {file.name}"
                    " instead? Its lyrics, offsets and plays stay with the song."
                ),
                buttons.Yes | buttons.No,
                buttons.No,
            )
            if answer != buttons.Yes:
                self.message.emit(f"Kept the link of “{song.title}” to {Path(current).name}.")
                return False
        try:
            self.library.link(song_id, file)
        except OSError as exc:
            self.message.emit(f"Could not link “{song.title}”: {exc.strerror or exc}.")
            return False
        self.message.emit(f"Linked “{song.title}” to {file.name}.")
        return True

    def unlink(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        try:
            self.library.unlink(song_id)
        except OSError as exc:
            self.message.emit(f"Could not unlink “{song.title}”: {exc.strerror or exc}.")
            return
        self.message.emit(f"Unlinked the audio file from “{song.title}”.")

    def show_in_folder(self, song_id: str) -> None:
        path = self.library.audio_path(song_id)
        if not path:
            return
        folder = Path(path).parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.message.emit(f"Could not open a file manager; the file is in {folder}.")
