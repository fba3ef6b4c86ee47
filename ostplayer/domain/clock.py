"""Smooth playback time from libVLC's coarse reports.

libVLC reports time in steps of 250-300 ms (events and ``get_time()`` alike), which
makes a progress bar or synced lyrics stutter. :class:`PlaybackClock` keeps the last
reported time plus a monotonic clock started at that report, and interpolates.

Rules, in order of precedence:

* ``seek(ms)`` always jumps (the user asked for that position).
* ``report(ms)`` re-syncs to the backend's time. If the report is *behind* the
  interpolated value by at most ``correction_window_ms`` it is absorbed: the clock
  holds the value it already showed until real time catches up, so the display never
  steps backwards because of jitter. A report further behind is a real jump (a seek
  made elsewhere, a loop) and is followed. Reports ahead are followed at once.
* Interpolation stops ``max_extrapolation_ms`` after the last report, so a stalled
  backend (buffering, a hung decoder) does not make the time run away.
* ``pause()`` freezes the value; ``resume()`` continues from it.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class PlaybackClock:
    def __init__(
        self,
        monotonic: Callable[[], float] = time.monotonic,
        *,
        correction_window_ms: int = 400,
        max_extrapolation_ms: int = 1500,
    ) -> None:
        self._monotonic = monotonic
        self.correction_window_ms = correction_window_ms
        self.max_extrapolation_ms = max_extrapolation_ms
        self._base_ms = 0  # last reported (or seeked) time
        self._anchor = monotonic()  # monotonic seconds at _base_ms
        self._running = False
        # Lowest value now_ms() may return: what was already shown when a slightly
        # late report arrived. Cleared by seek() and by a large backwards report.
        self._floor_ms = 0

    @property
    def running(self) -> bool:
        return self._running

    def _interpolated(self) -> int:
        if not self._running:
            return self._base_ms
        elapsed = round((self._monotonic() - self._anchor) * 1000)
        elapsed = max(0, min(elapsed, self.max_extrapolation_ms))
        return self._base_ms + elapsed

    def now_ms(self) -> int:
        return max(self._interpolated(), self._floor_ms)

    def report(self, time_ms: int) -> None:
        """Re-sync with a time reported by the backend."""
        time_ms = max(0, int(time_ms))
        shown = self.now_ms()
        if time_ms < shown - self.correction_window_ms:
            self._floor_ms = 0  # a genuine jump backwards
        elif time_ms < shown:
            self._floor_ms = shown  # jitter: hold what is shown until time catches up
        else:
            self._floor_ms = 0
        self._base_ms = time_ms
        self._anchor = self._monotonic()

    def seek(self, time_ms: int) -> None:
        """Jump to ``time_ms`` unconditionally."""
        self._base_ms = max(0, int(time_ms))
        self._anchor = self._monotonic()
        self._floor_ms = 0

    def pause(self) -> None:
        if self._running:
            self._base_ms = self.now_ms()
            self._floor_ms = 0
            self._running = False

    def resume(self) -> None:
        if not self._running:
            self._anchor = self._monotonic()
            self._running = True

    def reset(self) -> None:
        """Back to 0 and stopped (a new track)."""
        self._running = False
        self.seek(0)
