"""The lyrics footer's timing control: Earlier · "0.3 s earlier" · Later · Reset.

Positive offsets show the lyrics earlier (they lagged behind the singing). The control only
says what the user asked for (:attr:`requested`); the view applies and saves it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .lyrics_header import make_button

__all__ = ["OFFSET_STEP_MS", "OffsetControl", "offset_text"]

OFFSET_STEP_MS = 100


def _tr(text: str) -> str:
    return QCoreApplication.translate("LyricsView", text)


def offset_text(ms: int) -> str:
    """ "On time", "0.3 s earlier", "1.2 s later"."""
    if ms == 0:
        return _tr("On time")
    template = _tr("%1 s earlier") if ms > 0 else _tr("%1 s later")
    return template.replace("%1", f"{abs(ms) / 1000:.1f}")


class OffsetControl(QWidget):
    """Earlier / Later in steps of :data:`OFFSET_STEP_MS`, and Reset (to the file's timing)."""

    requested = Signal(int)  # ms, the offset the user asked for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offset = 0
        step = OFFSET_STEP_MS
        self.label = QLabel()
        widest = max(offset_text(-9900), offset_text(9900), offset_text(0), key=len)
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        earlier = make_button(
            _tr("Earlier"),
            _tr("Show the lyrics 0.1 s earlier (they lag behind the singing)"),
            lambda: self.requested.emit(self._offset + step),
            True,
        )
        later = make_button(
            _tr("Later"),
            _tr("Show the lyrics 0.1 s later (they run ahead of the singing)"),
            lambda: self.requested.emit(self._offset - step),
            True,
        )
        self.reset = make_button(
            _tr("Reset"),
            _tr("Back to the timing in the lyrics file"),
            lambda: self.requested.emit(0),
            True,
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (earlier, self.label, later, self.reset):
            row.addWidget(widget)
        self.show_offset(0)

    def show_offset(self, ms: int) -> None:
        self._offset = ms
        self.label.setText(offset_text(ms))
        self.reset.setEnabled(ms != 0)
