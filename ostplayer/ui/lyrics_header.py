"""Header and footer pieces of the lyrics view: where the lyrics come from (one elided
line), how a lyrics file was read (with the Encoding ▸ menu that re-reads it), and the small
buttons and button rows around the lyrics."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.lyrics_encoding import (
    AUTO,
    ENCODING_CHOICES,
    LOW_CONFIDENCE,
)

__all__ = ["ElidedLabel", "EncodingRow", "make_button", "make_row", "origin_text"]

AUTOMATIC = "Automatic"  # the menu's name for detection (AUTO)
_FILES = (LyricsOrigin.SIDECAR_LRC, LyricsOrigin.SIDECAR_TXT)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LyricsView", text)


def origin_text(found: FoundLyrics) -> str:
    """Header line saying where the lyrics come from (the path or source as it is)."""
    origin = found.origin
    if origin is LyricsOrigin.LIBRARY:
        return _tr("Lyrics saved in your library")
    if origin in (LyricsOrigin.SIDECAR_LRC, LyricsOrigin.SIDECAR_TXT):
        return _tr("From the file %1").replace("%1", found.detail)
    if origin is LyricsOrigin.EMBEDDED:
        return _tr("Embedded in the audio file (%1)").replace("%1", found.detail)
    if origin is LyricsOrigin.ONLINE:
        return _tr("Lyrics from %1").replace("%1", found.detail)  # "LRCLIB #123, 2026-12-02"
    return _tr("Catalog excerpt (may be incomplete)")


def reading_text(
    encoding: str, confidence: float | None, *, chosen: bool = False, can_choose: bool = True
) -> str:
    """ "Read as CP949 (not sure) — Encoding ▸ to change", in the interface's language."""
    if chosen:
        text = _tr("Read as %1 (your choice)")
    elif confidence is not None and confidence < LOW_CONFIDENCE:
        text = _tr(
            "Read as %1 (not sure) — Encoding ▸ to change"
            if can_choose
            else "Read as %1 (not sure)"
        )
    else:
        text = _tr("Read as %1")
    return text.replace("%1", encoding)


class ElidedLabel(QLabel):
    """One-line label that elides in the middle (long sidecar paths) instead of widening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        # Tooltips auto-detect rich text: hand them escaped HTML so a path is never markup.
        self.setToolTip(f"<p>{html.escape(text)}</p>" if text else "")
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(10, self.width())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))


def make_button(
    text: str, tip: str, slot: Callable[[], object] | SignalInstance, compact: bool = False
) -> QAbstractButton:
    # Compact (tool) buttons lack a push button's minimum width, so the offset row
    # does not force the side panel wide and squeeze the song page.
    button: QAbstractButton = QToolButton() if compact else QPushButton()
    button.setText(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)  # PySide drops the "checked" argument for 0-arg slots
    return button


def make_row(*items: QWidget | tuple[QWidget, int]) -> QWidget:
    """A margin-less horizontal strip; ``(widget, stretch)`` items stretch."""
    strip = QWidget()
    row = QHBoxLayout(strip)
    row.setContentsMargins(0, 0, 0, 0)
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        row.addWidget(widget, stretch)
    return strip


class EncodingRow(QWidget):
    """ "Read as GBK" and the Encoding ▸ menu, under the source line.

    Shown for lyrics read from a file (menu included) and for tag lyrics whose encoding was
    guessed (the notice alone: a tag cannot be re-read another way from here). The menu only
    says what the user picked (:attr:`chosen`, a name of ``ENCODING_CHOICES``); the panel
    re-reads the file.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.menu = QMenu(_tr("Encoding"), self)
        group = QActionGroup(self)
        self._actions: dict[str, QAction] = {}
        for name in ENCODING_CHOICES:
            action = self.menu.addAction(_tr(AUTOMATIC) if name == AUTO else name)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, n=name: self.chosen.emit(n))
            self._actions[name] = action
            if name == AUTO:
                self.menu.addSeparator()
        self.button = QToolButton()
        self.button.setText(_tr("Encoding \u25b8"))
        self.button.setToolTip(_tr("Read the lyrics file again in another encoding"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.show_reading(None)

    def show_reading(self, found: FoundLyrics | None, chosen: str | None = None) -> None:
        """Say how ``found`` was read; hidden when there is nothing worth saying."""
        from_file = found is not None and found.origin in _FILES
        guessed = (
            found is not None and found.confidence is not None and found.confidence < LOW_CONFIDENCE
        )
        if found is None or found.encoding is None or not (from_file or guessed):
            self.setVisible(False)
            return
        self.label.setText(
            reading_text(
                found.encoding, found.confidence, chosen=chosen is not None, can_choose=from_file
            )
        )
        # The details (a damaged byte, a mislabelled file) in full, escaped: tooltips are HTML.
        notes = "<br>".join(html.escape(w) for w in found.warnings)
        self.label.setToolTip(notes)
        self.button.setVisible(from_file)
        self._actions.get(chosen or AUTO, self._actions[AUTO]).setChecked(True)
        self.setVisible(True)
