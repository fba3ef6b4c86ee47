"""Linking audio files to songs: dialogs, drops and "show in folder".

The link is personal data of the song (by its stable id); replacing or relinking a file never
touches the song's lyrics, offsets or play history. A file is linked only when its content is
audio, and an existing link is replaced only after asking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..services.library_service import LibraryService
from ..services.texts import fill, say_known
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
AUDIO_PATTERNS = " ".join(f"*.{e} *.{e.upper()}" for e in AUDIO_EXTENSIONS)
#: Why a file cannot be linked, as ``media.sniff.link_problem`` words it (below Qt).
LINK_PROBLEMS = ("%1 does not exist", "%1 cannot be read: %2", "%1 is %2, not audio")
# What a refused file is ("%2" above): listed so the catalogue has each one.
NOT_AUDIO = (
    "an empty file",
    "a text file",
    "not a known audio format",
    "a folder",
    "a named pipe (FIFO)",
    "a device or special file",
    "an AVI video",
    "a PNG image",
    "a JPEG image",
    "a GIF image",
    "a BMP image",
    "a PDF document",
    "a ZIP archive",
    "a program",
    "a RAR archive",
    "a gzip archive",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SongActions", text)


def audio_filter() -> str:
    """The file dialog's filter, its names in the interface's language."""
    return f"{_tr('Audio files')} ({AUDIO_PATTERNS});;{_tr('All files')} (*)"


def link_problem_text(problem: str) -> str:
    return say_known(problem, LINK_PROBLEMS, "SongActions", known_parts=True)


REPLACE_QUESTION = (
    "“%1” is linked to %2. Link it to %3 instead? Its lyrics, offsets and plays stay with the song."
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
        title = fill(_tr("Link an audio file to “%1”"), song.title)
        path, _ = QFileDialog.getOpenFileName(self._parent, title, start, audio_filter())
        if path:
            # Chosen in the dialog as a replacement: no second question.
            self.link(song_id, path, confirm_replace=False)

    def link(self, song_id: str, path: str, *, confirm_replace: bool = True) -> bool:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return False
        problem = self.library.link_problem(path)
        if problem is not None:
            self.message.emit(fill(_tr("Not linked: %1."), link_problem_text(problem)))
            return False
        file = Path(path)
        self._last_dir = str(file.parent)
        current = self.library.audio_path(song_id)
        if confirm_replace and current and current != str(file.absolute()):
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self._parent,
                _tr("Replace the audio file?"),
                as_html(fill(_tr(REPLACE_QUESTION), song.title, Path(current).name, file.name)),
                buttons.Yes | buttons.No,
                buttons.No,
            )
            if answer != buttons.Yes:
                kept = fill(_tr("Kept the link of “%1” to %2."), song.title, Path(current).name)
                self.message.emit(kept)
                return False
        try:
            self.library.link(song_id, file)
        except OSError as exc:
            why = exc.strerror or str(exc)
            self.message.emit(fill(_tr("Could not link “%1”: %2."), song.title, why))
            return False
        self.message.emit(fill(_tr("Linked “%1” to %2."), song.title, file.name))
        return True

    def unlink(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        try:
            self.library.unlink(song_id)
        except OSError as exc:
            why = exc.strerror or str(exc)
            self.message.emit(fill(_tr("Could not unlink “%1”: %2."), song.title, why))
            return
        self.message.emit(fill(_tr("Unlinked the audio file from “%1”."), song.title))

    def show_in_folder(self, song_id: str) -> None:
        path = self.library.audio_path(song_id)
        if not path:
            return
        folder = Path(path).parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            where = fill(_tr("Could not open a file manager; the file is in %1."), str(folder))
            self.message.emit(where)
