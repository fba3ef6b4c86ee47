"""Lyrics ▸ Search lyrics online…: the song's title, artist and album prefilled and editable,
the records found (title, artist, album, length; synced / plain / instrumental; how sure),
a preview, and Apply. The search runs off the GUI thread; the dialog never waits on it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.lyrics_choice import Choice, Scored
from ..domain.lyrics_fetch import clock
from ..services.online_lyrics import OnlineLyricsService
from .i18n import fill, say, tr, tr_count

__all__ = ["SearchDialog"]


def _tr(text: str) -> str:
    return tr("OnlineLyrics", text)


def _row_text(s: Scored) -> str:
    c = s.candidate
    album = f" — {c.album}" if c.album else ""
    if s.rejected:
        sure = fill(_tr("not this song: %1"), say(s.rejected, "OnlineLyrics"))
    else:
        sure = fill(_tr("%1 sure"), f"{s.confidence:.0%}")
    kinds = {"synced": _tr("synced"), "plain": _tr("plain"), "instrumental": _tr("instrumental")}
    kind = kinds.get(c.kind, c.kind)
    return f"{c.track} — {c.artist}{album} — {clock(c.duration_s)} — {kind} ({sure})"


class SearchDialog(QDialog):
    applied = Signal()

    def __init__(self, service: OnlineLyricsService, song_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("onlineLyricsSearch")
        self.setWindowTitle(_tr("Search lyrics online"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.service = service
        self.song_id = song_id
        catalog = service.library.catalog
        song = catalog.songs[song_id]
        drama = catalog.dramas.get(song.drama) if song.drama else None
        self.track = QLineEdit(song.title_original or song.title)
        self.artist = QLineEdit(catalog.performer_names(song))
        self.album = QLineEdit(drama.title if drama else "")
        form = QFormLayout()
        form.addRow(_tr("Title"), self.track)
        form.addRow(_tr("Artist"), self.artist)
        form.addRow(_tr("Album (drama)"), self.album)
        self.search_button = QPushButton(_tr("Search"))
        self.search_button.setObjectName("onlineLyricsSearchButton")
        self.search_button.clicked.connect(self.search)
        self.status = QLabel(fill(_tr("Asks %1 for these words."), service.server))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.results = QListWidget()
        self.results.setObjectName("onlineLyricsResults")
        self.results.currentItemChanged.connect(self._preview)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.close)
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(self.search_button)
        col.addWidget(self.status)
        col.addWidget(self.results, 1)
        col.addWidget(self.preview, 1)
        col.addWidget(self.buttons)
        service.searched.connect(self._on_results)
        service.search_failed.connect(self._on_failed)
        self.resize(640, 520)
        self.search()

    def search(self) -> None:
        task = self.service.search(
            self.song_id, self.track.text(), self.artist.text(), self.album.text()
        )
        if task is None:
            self.status.setText(_tr("Online lyrics are off (Lyrics ▸ Online lyrics)."))
            return
        self.status.setText(_tr("Searching…"))
        self.search_button.setEnabled(False)

    def _on_results(self, song_id: str, choice: Choice) -> None:
        if song_id != self.song_id:
            return
        self.search_button.setEnabled(True)
        self.results.clear()
        for scored in choice.scored:
            item = QListWidgetItem(_row_text(scored))
            item.setData(Qt.ItemDataRole.UserRole, scored)
            if scored.rejected:
                item.setForeground(self.palette().placeholderText())
            self.results.addItem(item)
        n = len(choice.scored)
        self.status.setText(
            tr_count("OnlineLyrics", n, "%n record found.", "%n records found.")
            if n
            else _tr("Nothing found.")
        )
        if n:
            self.results.setCurrentRow(0)

    def _on_failed(self, song_id: str, message: str) -> None:
        if song_id == self.song_id:
            self.search_button.setEnabled(True)
            self.status.setText(fill(_tr("The search failed: %1"), message))

    def _selected(self) -> Scored | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _preview(self, *_: object) -> None:
        s = self._selected()
        c = s.candidate if s is not None else None
        text = (c.synced or c.plain or _tr("(instrumental)")) if c is not None else ""
        self.preview.setPlainText(text)
        self.apply_button.setEnabled(c is not None and c.has_lyrics)

    def apply(self) -> None:
        s = self._selected()
        if s is None or not s.candidate.has_lyrics:
            return
        # The user's choice: a rejected or a doubtful record is theirs to take.
        self.service.apply(self.song_id, s.candidate, s.confidence)
        self.applied.emit()
        self.close()
