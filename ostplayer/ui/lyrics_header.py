"""Header and footer pieces of the lyrics view: where the lyrics come from (one elided
line), and the small buttons and button rows around the lyrics."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin

__all__ = ["ElidedLabel", "make_button", "make_row", "origin_text"]


def origin_text(found: FoundLyrics) -> str:
    """Header line saying where the lyrics come from."""
    origin = found.origin
    if origin is LyricsOrigin.LIBRARY:
        return "Lyrics saved in your library"
    if origin in (LyricsOrigin.SIDECAR_LRC, LyricsOrigin.SIDECAR_TXT):
        return f"From the file {found.detail}"
    if origin is LyricsOrigin.EMBEDDED:
        return f"Embedded in the audio file ({found.detail})"
    return "Catalog excerpt (may be incomplete)"


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
