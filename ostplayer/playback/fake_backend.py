"""A player that plays nothing but keeps time like a real one, for fast tests.

It behaves as the libVLC backend does from the outside (see ``tests/test_player_contract.py``,
which runs the same suite against both): events arrive on a thread of its own, Playing comes a
moment after ``play()``, time is reported every ~250 ms of media time, the end is reported as
``END_REACHED`` and a file that cannot be played as ``ERROR``. Tests script what a file does
(:class:`FakeMedia`: its length, an error at open or part-way, a slow start, a stream that never
reports its time) and may run the clock faster than the wall (``speed``) so that a four-second
song ends in a fraction of a second.
"""

from __future__ import annotations

import os
import threading
import time
import wave
from dataclasses import dataclass

from ostplayer.playback.base import EventHandler, EventKind, PlayerEvent, PlayerState
from ostplayer.playback.kept_volume import KeptVolume

DEFAULT_LENGTH_MS = 3000
TIME_REPORT_MS = 250  # libVLC reports time in steps of 250-300 ms


@dataclass(frozen=True)
class FakeMedia:
    length_ms: int = DEFAULT_LENGTH_MS
    open_delay_ms: int = 5  # play() to Playing, in wall time
    error_at_open: str = ""  # an ERROR with this message instead of Playing
    error_at_ms: int | None = None  # an ERROR part-way through (a damaged stream)
    reports_time: bool = True  # False: like some old Ogg files under libVLC, no time at all


class FakePlayer(KeptVolume):
    """:class:`~ostplayer.playback.base.Player` with a scripted, really ticking clock."""

    available: bool = True
    unavailable_reason: str = ""

    def __init__(self, *, speed: float = 1.0, media: dict[str, FakeMedia] | None = None) -> None:
        self.speed = speed
        self.media: dict[str, FakeMedia] = dict(media or {})
        self.calls: list[str] = []  # method names in call order, for tests
        self._handler: EventHandler | None = None
        # Held while an event is handed over: once set_event_handler(None) or close()
        # returns, no thread is still inside the old handler (whose owner may be gone).
        self._emit_lock = threading.Lock()
        self._lock = threading.Condition()
        self._generation = 0
        self._path = ""
        self._script = FakeMedia()
        self._state = PlayerState.STOPPED
        self._start_ms = 0
        self._base_ms = 0  # media time when the clock last (re)started
        self._since = 0.0  # monotonic time of that start; meaningful while PLAYING
        self._closed = False
        self._opening_at: float | None = None  # when a play() being opened reports Playing
        self._pending: list[PlayerEvent] = []  # to be handed over from the player's thread
        self._thread = threading.Thread(target=self._run, name="fake-player", daemon=True)
        self._thread.start()

    # -- scripting ---------------------------------------------------------------------------

    def script(self, path: str, media: FakeMedia) -> None:
        self.media[str(path)] = media

    # -- the clock ---------------------------------------------------------------------------

    def _now_ms(self) -> int:
        if self._state is PlayerState.PLAYING:
            elapsed = (time.monotonic() - self._since) * 1000 * self.speed
            return min(self._script.length_ms, self._base_ms + int(elapsed))
        return self._base_ms

    def _emit(self, event: PlayerEvent) -> None:
        with self._emit_lock:
            handler = self._handler
            if handler is not None:
                handler(event)

    def _run(self) -> None:
        """The player's one thread, as libVLC's input thread: opens, ticks, ends."""
        last_report = -TIME_REPORT_MS
        while True:
            events: list[PlayerEvent] = []
            with self._lock:
                if self._closed:
                    return
                if self._opening_at is not None and time.monotonic() >= self._opening_at:
                    self._opening_at = None
                    events.append(self._open_locked())
                    last_report = -TIME_REPORT_MS
                elif self._state is PlayerState.PLAYING:
                    now = self._now_ms()
                    script = self._script
                    if script.error_at_ms is not None and now >= script.error_at_ms:
                        self._state, self._base_ms = PlayerState.ERROR, now
                        events.append(
                            PlayerEvent(EventKind.ERROR, self._generation, now, message="damaged")
                        )
                    elif now >= script.length_ms:
                        self._state, self._base_ms = PlayerState.ENDED, now
                        events.append(
                            PlayerEvent(
                                EventKind.END_REACHED, self._generation, now, script.length_ms
                            )
                        )
                    elif script.reports_time and now - last_report >= TIME_REPORT_MS:
                        last_report = now
                        events.append(
                            PlayerEvent(
                                EventKind.TIME_CHANGED, self._generation, now, script.length_ms
                            )
                        )
                events.extend(self._pending)
                self._pending.clear()
                if not events:
                    busy = self._state is PlayerState.PLAYING or self._opening_at is not None
                    self._lock.wait(0.02 if busy else 0.5)
            for event in events:
                self._emit(event)

    def _open_locked(self) -> PlayerEvent:
        script = self._script
        if script.error_at_open:
            self._state = PlayerState.ERROR
            return PlayerEvent(EventKind.ERROR, self._generation, message=script.error_at_open)
        self._state = PlayerState.PLAYING
        self._since = time.monotonic()
        return PlayerEvent(EventKind.PLAYING, self._generation, length_ms=script.length_ms)

    # -- Player ------------------------------------------------------------------------------

    def set_event_handler(self, handler: EventHandler | None) -> None:
        with self._emit_lock:
            self._handler = handler

    def load(self, path: str, start_ms: int = 0) -> int:
        self.calls.append("load")
        with self._lock:
            self._opening_at = None
            self._generation += 1
            self._path = str(path)
            self._script = self.media.get(self._path) or self._default_script(self._path)
            self._state = PlayerState.STOPPED
            self._start_ms = self._base_ms = max(0, int(start_ms))
            self._lock.notify_all()
            return self._generation

    @staticmethod
    def _default_script(path: str) -> FakeMedia:
        """An unscripted file: missing is an error; a WAV lasts as long as it really does."""
        if not os.path.isfile(path):
            return FakeMedia(error_at_open="VLC could not open or decode this file")
        try:
            with wave.open(path, "rb") as w:
                return FakeMedia(length_ms=int(w.getnframes() * 1000 / w.getframerate()))
        except (wave.Error, EOFError, OSError, ZeroDivisionError):
            return FakeMedia()

    def play(self) -> None:
        self.calls.append("play")
        with self._lock:
            if self._closed or not self._path:
                return
            if self._state is PlayerState.PAUSED:
                self._resume_locked()
                return
            if self._state in (PlayerState.PLAYING, PlayerState.OPENING):
                return
            if self._state in (PlayerState.ENDED, PlayerState.ERROR):
                self._base_ms = 0
            generation = self._generation
            self._state = PlayerState.OPENING
            self._opening_at = time.monotonic() + self._script.open_delay_ms / 1000
            self._lock.notify_all()
        self._emit(PlayerEvent(EventKind.OPENING, generation))

    def pause(self) -> None:
        self.calls.append("pause")
        with self._lock:
            if self._state is not PlayerState.PLAYING:
                return
            self._base_ms = self._now_ms()
            self._state = PlayerState.PAUSED
            generation = self._generation
        self._emit(PlayerEvent(EventKind.PAUSED, generation))

    def resume(self) -> None:
        self.calls.append("resume")
        with self._lock:
            if self._state is PlayerState.PAUSED:
                self._resume_locked()
                return
        if self._state in (PlayerState.STOPPED, PlayerState.ENDED, PlayerState.ERROR):
            self.play()

    def _resume_locked(self) -> None:
        self._state = PlayerState.PLAYING
        self._since = time.monotonic()
        # Reported from the player's thread, as libVLC does.
        self._pending.append(PlayerEvent(EventKind.PLAYING, self._generation))
        self._lock.notify_all()

    def stop(self) -> None:
        self.calls.append("stop")
        with self._lock:
            self._opening_at = None
            was = self._state
            self._state = PlayerState.STOPPED
            self._base_ms = 0
            generation = self._generation
            self._lock.notify_all()
        if was is not PlayerState.STOPPED:
            self._emit(PlayerEvent(EventKind.STOPPED, generation))

    def seek(self, ms: int) -> None:
        self.calls.append("seek")
        with self._lock:
            ms = max(0, min(int(ms), self._script.length_ms))
            self._base_ms = ms
            self._since = time.monotonic()

    def time_ms(self) -> int:
        with self._lock:
            return self._now_ms() if self._script.reports_time else 0

    def length_ms(self) -> int:
        return self._script.length_ms if self._path else 0

    def state(self) -> PlayerState:
        return self._state

    def close(self) -> None:
        with self._emit_lock:
            self._handler = None
        with self._lock:
            self._closed = True
            self._opening_at = None
            self._state = PlayerState.STOPPED
            self._lock.notify_all()
        if threading.current_thread() is not self._thread:
            self._thread.join(2.0)
