"""Header pieces of the lyrics view: where the lyrics come from, in one elided line."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ostplayer.lyrics_sources import FoundLyrics, LyricsOrigin

__all__ = ["ElidedLabel", "origin_text"]


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
