"""The transport bar: play/pause, stop, previous/next, seek, volume, shuffle/repeat, now playing.

It only displays and asks; the window connects its requests to the playback controller.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.queue import RepeatMode
from ..playback.base import PlayerState


def format_ms(ms: int) -> str:
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


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
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self
        )
        # The handle's centre follows the pointer over the groove minus the handle.
        span = max(1, groove.width() - handle.width())
        offset = int(x) - groove.x() - handle.width() // 2
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), max(0, min(offset, span)), span
        )

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


class TransportBar(QWidget):
    play_pause = Signal()
    stop = Signal()
    previous = Signal()
    next = Signal()
    seek = Signal(int)
    volume_changed = Signal(int)
    mute_toggled = Signal(bool)
    shuffle_toggled = Signal(bool)
    repeat_changed = Signal(object)  # RepeatMode

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transport")
        style = self.style()

        def button(icon: QStyle.StandardPixmap, tip: str, name: str) -> QToolButton:
            b = QToolButton()
            b.setIcon(style.standardIcon(icon))
            b.setToolTip(tip)
            b.setObjectName(name)
            b.setAutoRaise(True)
            return b

        sp = QStyle.StandardPixmap
        self.prev_button = button(sp.SP_MediaSkipBackward, "Previous (Ctrl+Left)", "previous")
        self.play_button = button(sp.SP_MediaPlay, "Play (Space)", "playPause")
        self.stop_button = button(sp.SP_MediaStop, "Stop", "stop")
        self.next_button = button(sp.SP_MediaSkipForward, "Next (Ctrl+Right)", "next")
        self.mute_button = button(sp.SP_MediaVolume, "Mute", "mute")
        self.mute_button.setCheckable(True)
        self.shuffle_button = QToolButton()
        self.shuffle_button.setText("Shuffle")
        self.shuffle_button.setCheckable(True)
        self.shuffle_button.setObjectName("shuffle")
        self.repeat_button = QToolButton()
        self.repeat_button.setObjectName("repeat")
        self._repeat = RepeatMode.OFF
        self._update_repeat()

        self.title = QLabel("Nothing playing")
        self.title.setObjectName("nowPlayingTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("nowPlayingSubtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.elapsed = QLabel("0:00")
        self.total = QLabel("0:00")
        self.slider = SeekSlider()
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFixedWidth(100)
        self.volume.setToolTip("Volume")
        self.volume.setObjectName("volume")

        now = QVBoxLayout()
        now.setSpacing(0)
        now.addWidget(self.title)
        now.addWidget(self.subtitle)
        seek_row = QHBoxLayout()
        seek_row.addWidget(self.elapsed)
        seek_row.addWidget(self.slider, 1)
        seek_row.addWidget(self.total)
        middle = QVBoxLayout()
        middle.addLayout(now)
        middle.addLayout(seek_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        for w in (self.prev_button, self.play_button, self.stop_button, self.next_button):
            layout.addWidget(w)
        layout.addLayout(middle, 1)
        for w in (self.shuffle_button, self.repeat_button, self.mute_button, self.volume):
            layout.addWidget(w)

        self.play_button.clicked.connect(self.play_pause)
        self.stop_button.clicked.connect(self.stop)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.slider.seek_requested.connect(self.seek)
        self.slider.sliderMoved.connect(lambda ms: self.elapsed.setText(format_ms(ms)))
        self.volume.valueChanged.connect(self.volume_changed)
        self.mute_button.toggled.connect(self._on_mute)
        self.shuffle_button.toggled.connect(self.shuffle_toggled)
        self.repeat_button.clicked.connect(self._cycle_repeat)

    # --- display ----------------------------------------------------------------------------

    def set_state(self, state: PlayerState) -> None:
        playing = state in (PlayerState.PLAYING, PlayerState.OPENING)
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip("Pause (Space)" if playing else "Play (Space)")
        if state in (PlayerState.STOPPED, PlayerState.ENDED, PlayerState.ERROR):
            self.set_position(0, self.slider.maximum())

    def set_position(self, ms: int, length_ms: int) -> None:
        if self.slider.maximum() != max(0, length_ms):
            self.slider.setRange(0, max(0, length_ms))
            self.total.setText(format_ms(length_ms))
        if self.slider.isSliderDown():
            return  # the handle and the elapsed time show where the user drags to
        # Move the handle only when it would move by a pixel: each move repaints the bar, and
        # at ~9 time reports a second that is most of the window's CPU while playing.
        pixel_ms = max(1, self.slider.maximum() // max(1, self.slider.width()))
        if abs(ms - self.slider.value()) >= pixel_ms or ms in (0, self.slider.maximum()):
            self.slider.setValue(ms)
        text = format_ms(ms)
        if self.elapsed.text() != text:
            self.elapsed.setText(text)

    def set_now_playing(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)

    def set_available(self, available: bool, reason: str = "") -> None:
        for w in (
            self.prev_button,
            self.play_button,
            self.stop_button,
            self.next_button,
            self.slider,
            self.volume,
            self.mute_button,
            self.shuffle_button,
            self.repeat_button,
        ):
            w.setEnabled(available)
        if not available:
            self.set_now_playing("Playback is off", reason)

    def set_volume(self, percent: int) -> None:
        self.volume.setValue(percent)

    def set_muted(self, muted: bool) -> None:
        self.mute_button.setChecked(muted)

    def set_shuffle(self, on: bool) -> None:
        self.shuffle_button.setChecked(on)

    def set_repeat(self, mode: RepeatMode) -> None:
        self._repeat = mode
        self._update_repeat()

    # --- requests ---------------------------------------------------------------------------

    def _on_mute(self, muted: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self.mute_button.setIcon(self.style().standardIcon(icon))
        self.mute_toggled.emit(muted)

    def _cycle_repeat(self) -> None:
        order = [RepeatMode.OFF, RepeatMode.ALL, RepeatMode.ONE]
        self._repeat = order[(order.index(self._repeat) + 1) % len(order)]
        self._update_repeat()
        self.repeat_changed.emit(self._repeat)

    def _update_repeat(self) -> None:
        text = {
            RepeatMode.OFF: "Repeat: off",
            RepeatMode.ALL: "Repeat: all",
            RepeatMode.ONE: "Repeat: one",
        }
        self.repeat_button.setText(text[self._repeat])
        self.repeat_button.setToolTip("Click to cycle: off, all, one")
