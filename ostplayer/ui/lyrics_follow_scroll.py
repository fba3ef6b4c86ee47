"""Following playback in the lyrics: the smooth scroll to the current line, paused by the user.

Our scrolling (``setValue``) never emits ``actionTriggered``; the user's wheel, keys and drags
do. That pauses following for ``resume_ms`` (Spotify's behaviour), then the scroll glides back
to the current line. A line change scrolls for ``duration_ms`` at 60 frames a second and
nothing runs in between, so the CPU idles between lines (benchmarks/bench_frames.py).
With ``animated`` off (the "Animate lyrics scrolling" preference, for low-power machines)
a line change jumps: no frame timer runs at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEasingCurve, QObject, QTimeLine, QTimer
from PySide6.QtWidgets import QScrollBar

__all__ = ["SCROLL_FRAME_MS", "FollowScroller"]

# 60 frames a second while a line change scrolls (350 ms), nothing in between.
SCROLL_FRAME_MS = 16


class FollowScroller(QObject):
    """Scrolls ``bar`` to ``target()`` while following; the user's scrolling pauses it.

    ``active()`` says whether there is a line to follow (synced lyrics); plain lyrics belong
    to the reader, so a resize or the end of a pause never sends them back to the top.
    ``visible()`` says whether animating is worth it (hidden: jump); ``animated`` is the
    user's preference (off: always jump).
    """

    def __init__(
        self,
        bar: QScrollBar,
        target: Callable[[], int],
        active: Callable[[], bool],
        visible: Callable[[], bool],
        *,
        resume_ms: int,
        duration_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.duration_ms = duration_ms
        self.following = True
        self.animated = True
        self._changing = False
        self._bar = bar
        self._target = target
        self._active = active
        self._visible = visible
        self.anim = QTimeLine(max(1, duration_ms), self)
        self.anim.setUpdateInterval(SCROLL_FRAME_MS)
        self.anim.setEasingCurve(QEasingCurve(QEasingCurve.Type.OutCubic))
        self.anim.frameChanged.connect(bar.setValue)
        self.resume_timer = QTimer(self)
        self.resume_timer.setSingleShot(True)
        self.resume_timer.setInterval(resume_ms)
        self.resume_timer.timeout.connect(self._resume)
        bar.actionTriggered.connect(self._user_scrolled)
        bar.rangeChanged.connect(self.recenter)

    @property
    def resume_ms(self) -> int:
        return self.resume_timer.interval()

    @resume_ms.setter
    def resume_ms(self, ms: int) -> None:
        self.resume_timer.setInterval(max(0, int(ms)))

    def reset(self) -> None:
        """New lyrics: stop moving and follow again."""
        self.anim.stop()
        self.resume_timer.stop()
        self.following = True

    def follow_now(self) -> None:
        """The user chose a line (a click): follow again at once."""
        self.resume_timer.stop()
        self.following = True

    def scroll(self, animate: bool) -> None:
        """To the current line: gliding when ``animate`` and visible, else at once."""
        if not self._active():
            return
        target = self._target()
        self.anim.stop()
        if not animate or not self.animated or not self._visible() or self.duration_ms <= 0:
            self._bar.setValue(target)
        elif target != self._bar.value():
            self.anim.setDuration(self.duration_ms)
            self.anim.setFrameRange(self._bar.value(), target)
            self.anim.start()

    def set_animated(self, on: bool) -> None:
        """The preference changed; a glide under way ends at its line at once."""
        self.animated = bool(on)
        if not self.animated and self.anim.state() == QTimeLine.State.Running:
            self.anim.stop()
            if self._active():
                self._bar.setValue(self._target())

    @contextmanager
    def line_changing(self) -> Iterator[None]:
        """While the view restyles the old and the new line (sizes change, so the range
        does), do not jump to the new line: the owner's ``scroll()`` right after glides."""
        self._changing = True
        try:
            yield
        finally:
            self._changing = False

    def recenter(self, *_: object) -> None:
        # Layout changed (resize, romanization, large type): keep the current line centred.
        if self.following and not self._changing:
            self.scroll(animate=self.anim.state() == QTimeLine.State.Running)

    def recenter_later(self) -> None:
        QTimer.singleShot(0, self.recenter)

    def _user_scrolled(self, _action: int) -> None:
        self.anim.stop()
        self.following = False
        self.resume_timer.start()

    def _resume(self) -> None:
        if self._bar.isSliderDown():
            self.resume_timer.start()  # still holding the scrollbar
            return
        self.following = True
        self.scroll(animate=True)
