"""Sliders that go where they are clicked: the seek bar and the volume.

Qt's slider moves one page towards a click; a player's bars jump to it (as every player the
issue names does). The seek bar also seeks only once, on release, so a drag does not stutter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider

__all__ = ["JumpSlider", "SeekSlider", "format_ms", "slider_value_at"]


def format_ms(ms: int) -> str:
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def slider_value_at(slider: QSlider, x: float) -> int:
    """The value whose handle centre is at ``x`` (a horizontal slider's own coordinates)."""
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    style = slider.style()
    groove = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, slider
    )
    handle = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider
    )
    # The handle's centre follows the pointer over the groove minus the handle.
    span = max(1, groove.width() - handle.width())
    offset = int(x) - groove.x() - handle.width() // 2
    return QStyle.sliderValueFromPosition(
        slider.minimum(), slider.maximum(), max(0, min(offset, span)), span
    )


class JumpSlider(QSlider):
    """A press puts the handle under the pointer, then drags it from there (the volume)."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.setValue(slider_value_at(self, event.position().x()))
        # With the handle now under the pointer, Qt's own press starts dragging it.
        super().mousePressEvent(event)


class SeekSlider(QSlider):
    """A press anywhere puts the handle there (not a page step) and starts a drag; the
    release seeks, once, to where the handle is. A click is a press and a release at
    the same spot: one seek. While the handle is held, :attr:`sliderMoved` follows the
    pointer (the elapsed-time label shows it) and playback does not move the handle.
    """

    seek_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setRange(0, 0)
        self.setObjectName("seek")
        self._dragging = False
        # Keyboard/wheel drags by Qt itself (not the mouse path below) end here too.
        self.sliderReleased.connect(self._on_released)

    def _value_at(self, x: float) -> int:
        return slider_value_at(self, x)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.maximum() <= 0:
            super().mousePressEvent(event)
            return
        event.accept()
        self._dragging = True
        self.setSliderDown(True)
        self.setSliderPosition(self._value_at(event.position().x()))  # emits sliderMoved

    def mouseMoveEvent(self, event) -> None:
        if not self._dragging:
            super().mouseMoveEvent(event)
            return
        event.accept()
        self.setSliderPosition(self._value_at(event.position().x()))

    def mouseReleaseEvent(self, event) -> None:
        if not self._dragging or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        self.setSliderPosition(self._value_at(event.position().x()))
        self.setSliderDown(False)  # emits sliderReleased: the one seek

    def _on_released(self) -> None:
        self._dragging = False
        self.seek_requested.emit(self.sliderPosition())
