"""The transport bar: what plays (cover, title, performers, drama), the controls, the volume.

It only displays and asks; the window connects its requests to the playback session.

Three columns: the now-playing area on the left and the volume on the right take equal
widths whatever their text, so the buttons and the seek bar in the middle stay centred and
never move when a title changes length. Every button is an icon in a fixed-size square.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.queue import RepeatMode
from ..playback.base import PlayerState
from ..services.texts import say_known
from .icons import IconSet
from .now_playing import NowPlayingArea
from .sliders import JumpSlider, SeekSlider, format_ms

__all__ = ["SeekSlider", "TransportBar", "format_ms", "playback_off_reason"]

#: Why the player cannot play, as the playback layer words it (in English: it is below Qt).
OFF_REASONS = (
    "libVLC is not installed: %1",
    "Playback is turned off (%1=1).",
    "python-vlc is not installed (%1): pip install python-vlc, and install libVLC: %2",
    "libVLC could not be loaded (%1). Install it: %2",
    "libVLC failed to start (%1). Install it: %2",
    "libVLC could not start: its plugins are missing or an option is not supported (%1)."
    " Install it: %2",
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Transport", text)


def playback_off_reason(reason: str) -> str:
    """The player's reason for being off, in the interface's language."""
    return say_known(reason, OFF_REASONS, "Transport")


class TransportBar(QFrame):
    play_pause = Signal()
    stop = Signal()
    previous = Signal()
    next = Signal()
    seek = Signal(int)
    volume_changed = Signal(int)
    mute_toggled = Signal(bool)
    shuffle_toggled = Signal(bool)
    repeat_changed = Signal(object)  # RepeatMode
    stage_requested = Signal()  # the full-screen lyrics button
    favourite_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transport")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.icons = IconSet(self.palette().color(QPalette.ColorRole.ButtonText))
        self._playing = False
        self._repeat = RepeatMode.OFF
        self._buttons: dict[str, tuple[QToolButton, str]] = {}

        self.now = NowPlayingArea(self.icons)
        self.now.favourite_toggled.connect(self.favourite_toggled)
        self.title = self.now.title
        self.subtitle = self.now.performers

        self.shuffle_button = self._button("shuffle", "media-playlist-shuffle", tr("Shuffle"))
        self.shuffle_button.setCheckable(True)
        self.prev_button = self._button("previous", "media-skip-backward", tr("Previous"))
        self.play_button = self._button("playPause", "media-playback-start", tr("Play"), 40, 26)
        self.next_button = self._button("next", "media-skip-forward", tr("Next"))
        self.repeat_button = self._button("repeat", "media-playlist-repeat", tr("Repeat"))
        self.repeat_button.setCheckable(True)
        self.stop_button = self._button("stop", "media-playback-stop", tr("Stop"))
        self.stage_button = self._button("lyricsStage", "view-fullscreen", tr("Lyrics stage"))
        self.mute_button = self._button("mute", "audio-volume-high", tr("Mute"))
        self.mute_button.setCheckable(True)

        self.elapsed = QLabel("0:00")
        self.elapsed.setObjectName("elapsed")
        self.total = QLabel("0:00")  # the time left, "−m:ss"
        self.total.setObjectName("remaining")
        for label, align in (
            (self.elapsed, Qt.AlignmentFlag.AlignRight),
            (self.total, Qt.AlignmentFlag.AlignLeft),
        ):
            label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
            # Wide enough for "−1:00:00" in tabular digits: the bar never shifts as time runs.
            label.setFixedWidth(label.fontMetrics().horizontalAdvance("−0:00:00") + 4)
        self.slider = SeekSlider()
        self.slider.setAccessibleName(tr("Position"))
        self.volume = JumpSlider()
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFixedWidth(110)
        self.volume.setObjectName("volume")
        self.volume.setAccessibleName(tr("Volume"))
        self._length = 0

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addStretch(1)
        for b in (
            self.shuffle_button,
            self.prev_button,
            self.play_button,
            self.next_button,
            self.repeat_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        seek_row = QHBoxLayout()
        seek_row.addWidget(self.elapsed)
        seek_row.addWidget(self.slider, 1)
        seek_row.addWidget(self.total)
        center = QWidget()
        center.setObjectName("transportControls")
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(buttons)
        column.addLayout(seek_row)
        center.setMinimumWidth(320)
        center.setMaximumWidth(720)
        center.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        right = QWidget()
        right.setObjectName("transportExtras")
        row = QHBoxLayout(right)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for w in (self.stop_button, self.stage_button, self.mute_button, self.volume):
            row.addWidget(w)
        right.setMinimumWidth(right.minimumSizeHint().width())
        self.now.setMinimumWidth(160)
        right.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(16)
        layout.addWidget(self.now, 3)
        layout.addWidget(center, 4)
        layout.addWidget(right, 3)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self.play_button.clicked.connect(self.play_pause)
        self.stop_button.clicked.connect(self.stop)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.stage_button.clicked.connect(self.stage_requested)
        self.slider.seek_requested.connect(self.seek)
        self.slider.sliderMoved.connect(self._show_dragged)
        self.volume.valueChanged.connect(self.volume_changed)
        self.volume.valueChanged.connect(self._update_volume_text)
        self.mute_button.toggled.connect(self._on_mute)
        self.shuffle_button.toggled.connect(self.shuffle_toggled)
        self.repeat_button.clicked.connect(self._cycle_repeat)
        self._update_tips()
        self._update_volume_text(self.volume.value())

    def _button(
        self, name: str, icon: str, label: str, side: int = 32, icon_px: int = 20
    ) -> QToolButton:
        b = QToolButton()
        b.setObjectName(name)
        b.setAutoRaise(True)
        b.setFixedSize(side, side)
        b.setIconSize(QSize(icon_px, icon_px))
        b.setAccessibleName(label)
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._buttons[name] = (b, icon)
        b.setIcon(self.icons.icon(icon))
        return b

    def _set_icon(self, name: str, icon: str) -> None:
        button, _old = self._buttons[name]
        self._buttons[name] = (button, icon)
        button.setIcon(self.icons.icon(icon))

    # --- display ----------------------------------------------------------------------------

    def set_state(self, state: PlayerState) -> None:
        self._playing = state in (PlayerState.PLAYING, PlayerState.OPENING)
        self._set_icon(
            "playPause", "media-playback-pause" if self._playing else "media-playback-start"
        )
        self._update_tips()
        if state in (PlayerState.STOPPED, PlayerState.ENDED, PlayerState.ERROR):
            self.set_position(0, self.slider.maximum())

    def set_position(self, ms: int, length_ms: int) -> None:
        length = max(0, length_ms)
        if self.slider.maximum() != length:
            self.slider.setRange(0, length)
            self._length = length
            self.total.setToolTip(tr("Length: %1").replace("%1", format_ms(length)))
        if self.slider.isSliderDown():
            return  # the handle and the elapsed time show where the user drags to
        # Move the handle only when it would move by a pixel: each move repaints the bar, and
        # at ~9 time reports a second that is most of the window's CPU while playing.
        pixel_ms = max(1, self.slider.maximum() // max(1, self.slider.width()))
        if abs(ms - self.slider.value()) >= pixel_ms or ms in (0, self.slider.maximum()):
            self.slider.setValue(ms)
        self._show_time(ms)

    def _show_time(self, ms: int) -> None:
        text = format_ms(ms)
        if self.elapsed.text() != text:
            self.elapsed.setText(text)
        left = f"−{format_ms(max(0, self._length - ms))}" if self._length else "0:00"
        if self.total.text() != left:
            self.total.setText(left)

    def _show_dragged(self, ms: int) -> None:
        self._show_time(ms)

    def set_song(
        self, song_id: str, title: str, performers: str, drama: str, drama_title: str = ""
    ) -> None:
        self.now.show_song(song_id, title, performers, drama, drama_title)

    def set_nothing(self, text: str | None = None, detail: str = "") -> None:
        self.now.show_nothing(text, detail)

    def set_cover(self, image: QImage | None) -> None:
        if image is not None and not image.isNull():
            self.now.cover.set_image(image)

    def set_favourite(self, on: bool) -> None:
        self.now.set_favourite(on)

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
            self.set_nothing(tr("Playback is off"), playback_off_reason(reason))

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
        self._set_icon("mute", "audio-volume-muted" if muted else "audio-volume-high")
        self._update_tips()
        self.mute_toggled.emit(muted)

    def _cycle_repeat(self) -> None:
        order = [RepeatMode.OFF, RepeatMode.ALL, RepeatMode.ONE]
        self._repeat = order[(order.index(self._repeat) + 1) % len(order)]
        self._update_repeat()
        self.repeat_changed.emit(self._repeat)

    def _update_repeat(self) -> None:
        self.repeat_button.setChecked(self._repeat is not RepeatMode.OFF)
        one = self._repeat is RepeatMode.ONE
        self._set_icon("repeat", "media-playlist-repeat-song" if one else "media-playlist-repeat")
        self._update_tips()

    def _update_volume_text(self, value: int) -> None:
        self.volume.setToolTip(tr("Volume: %1%").replace("%1", str(value)))
        self.volume.setAccessibleDescription(self.volume.toolTip())

    def _update_tips(self) -> None:
        repeat = {
            RepeatMode.OFF: tr("Repeat: off"),
            RepeatMode.ALL: tr("Repeat: all"),
            RepeatMode.ONE: tr("Repeat: one"),
        }[self._repeat]
        tips = {
            "previous": tr("Previous (Ctrl+Left)"),
            "playPause": tr("Pause (Space)") if self._playing else tr("Play (Space)"),
            "next": tr("Next (Ctrl+Right)"),
            "stop": tr("Stop"),
            "shuffle": tr("Shuffle (Ctrl+H)"),
            "repeat": repeat + " — " + tr("click to cycle: off, all, one"),
            "mute": tr("Unmute (Ctrl+M)") if self.mute_button.isChecked() else tr("Mute (Ctrl+M)"),
            "lyricsStage": tr("Full-screen lyrics (F11)"),
        }
        for name, tip in tips.items():
            button = self._buttons[name][0]
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
        self.play_button.setAccessibleName(tr("Pause") if self._playing else tr("Play"))
        self.repeat_button.setAccessibleName(repeat)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "now"):
            if self.icons.set_color(self.palette().color(QPalette.ColorRole.ButtonText)):
                for button, icon in self._buttons.values():
                    button.setIcon(self.icons.icon(icon))
                self.now.refresh_icons()
