"""Moves player events from libVLC's thread onto the GUI thread.

libVLC calls its event callbacks on its own input thread, where calling back into
the player deadlocks (stop/set_media in EndReached, set_time in TimeChanged). So the
handler given to the player does exactly one thing: emit :attr:`event_received`,
which is connected with ``Qt.QueuedConnection``. Qt posts the event to this object's
thread (the GUI thread) and :meth:`_on_event` runs there, where it is safe to load the
next track, seek, or touch widgets.

A pause asked for while the track is still opening (before libVLC reported Playing)
is remembered: the bridge shows PAUSED at once, and when Playing arrives it pauses
again from the GUI thread instead of letting the clock run.

Events carry the generation of the media they belong to; an event from a track that
was replaced in the meantime is dropped, so a late "ended" from the previous song
cannot skip the one that just started.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ostplayer.domain.clock import PlaybackClock
from ostplayer.playback.base import EventKind, Player, PlayerEvent, PlayerState

log = logging.getLogger(__name__)

DEFAULT_POLL_INTERVAL_MS = 200

# libVLC's TimeChanged events carry the freshest time; get_time() lags them by up to one
# ~250 ms step, so a poll only re-syncs the clock when events have gone quiet this long.
POLL_RESYNC_AFTER_S = 1.0


_STATE_FOR_KIND = {
    EventKind.OPENING: PlayerState.OPENING,
    EventKind.PLAYING: PlayerState.PLAYING,
    EventKind.PAUSED: PlayerState.PAUSED,
    EventKind.STOPPED: PlayerState.STOPPED,
    EventKind.END_REACHED: PlayerState.ENDED,
    EventKind.ERROR: PlayerState.ERROR,
}


class PlayerBridge(QObject):
    #: Internal hand-off; emitted from any thread, delivered queued on the GUI thread.
    event_received = Signal(object)

    state_changed = Signal(object)  # PlayerState
    time_changed = Signal(int)  # interpolated position, ms
    length_changed = Signal(int)
    seeked = Signal(int)  # ms, after every seek (MPRIS's Seeked)
    ended = Signal()
    error = Signal(str)

    def __init__(
        self,
        player: Player,
        *,
        clock: PlaybackClock | None = None,
        poll_interval_ms: int = DEFAULT_POLL_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._clock = clock or PlaybackClock()
        self._generation = 0
        self._state = PlayerState.STOPPED
        self._length = 0
        self._shut_down = False
        self._last_time_event = 0.0
        self._last_polled_time = -1
        self._pause_pending = False
        # Polling only while playing: an idle player must not wake the CPU.
        self._poll = QTimer(self)
        self._poll.setInterval(poll_interval_ms)
        self._poll.timeout.connect(self._on_poll)
        self.event_received.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        player.set_event_handler(self._handoff)

    # -- any thread ----------------------------------------------------------------------

    def _handoff(self, event: PlayerEvent) -> None:
        # Runs on libVLC's thread: nothing but the queued emit.
        self.event_received.emit(event)

    # -- GUI thread ----------------------------------------------------------------------

    @property
    def player(self) -> Player:
        return self._player

    @property
    def clock(self) -> PlaybackClock:
        return self._clock

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def is_polling(self) -> bool:
        return self._poll.isActive()

    def state(self) -> PlayerState:
        return self._state

    def position_ms(self) -> int:
        pos = self._clock.now_ms()
        return min(pos, self._length) if self._length > 0 else pos

    def length_ms(self) -> int:
        return self._length or self._player.length_ms()

    @property
    def pause_pending(self) -> bool:
        return self._pause_pending

    def load(self, path: str, start_ms: int = 0) -> int:
        """Load ``path`` in the player; events of earlier media are ignored from now on.

        Playback will start at ``start_ms``; the position shows it from now on.
        """
        self._poll.stop()
        self._pause_pending = False
        self._generation = self._player.load(path, start_ms)
        self._last_polled_time = -1
        self._clock.reset()
        if start_ms > 0:
            self._clock.seek(start_ms)
        self._length = 0
        self._set_state(PlayerState.STOPPED)
        if start_ms > 0:
            self.time_changed.emit(self.position_ms())  # show where it will start
        return self._generation

    def play(self) -> None:
        self._player.play()
        # The OPENING event is queued behind this call; take the state now so a
        # Pause pressed before it is delivered pauses instead of restarting.
        if self._state is not PlayerState.PAUSED and self._player.state() is PlayerState.OPENING:
            self._set_state(PlayerState.OPENING)

    def pause(self) -> None:
        self._player.pause()
        # Freeze now rather than when the Paused event arrives, so the display
        # stops exactly where the user clicked.
        if self._state in (PlayerState.PLAYING, PlayerState.OPENING):
            self._poll.stop()
            self._clock.pause()
            if self._state is PlayerState.OPENING:
                # libVLC has not said Playing yet: it must end paused, not playing.
                self._pause_pending = True
                self._set_state(PlayerState.PAUSED)

    def resume(self) -> None:
        if self._pause_pending:
            self._pause_pending = False
            self._set_state(PlayerState.OPENING)
        self._player.resume()

    def stop(self) -> None:
        self._pause_pending = False
        self._player.stop()
        self._poll.stop()
        self._clock.reset()
        self._set_state(PlayerState.STOPPED)

    def seek(self, ms: int) -> None:
        self._player.seek(ms)
        self._clock.seek(max(0, min(ms, self._length)) if self._length > 0 else max(0, ms))
        self._last_polled_time = -1
        self.time_changed.emit(self.position_ms())
        self.seeked.emit(self.position_ms())

    def shutdown(self) -> None:
        """Stop polling, detach from the player and close it. Call before Qt teardown."""
        if self._shut_down:
            return
        self._shut_down = True
        self._poll.stop()
        self._player.set_event_handler(None)
        self._player.close()
        # Events already queued may still be delivered; _on_event ignores them.

    @Slot(object)
    def _on_event(self, event: PlayerEvent) -> None:
        if self._shut_down or event.generation != self._generation:
            return
        kind = event.kind
        if kind is EventKind.TIME_CHANGED:
            self._last_time_event = time.monotonic()
            # Only corrects the clock: the poll tells the window, at a steady 5 Hz, so the
            # transport is not repainted for both (~9 times a second while playing).
            self._clock.report(event.time_ms)
            return
        if kind is EventKind.LENGTH_CHANGED:
            if event.length_ms != self._length:
                self._length = event.length_ms
                self.length_changed.emit(self._length)
            return
        state = _STATE_FOR_KIND[kind]
        if kind is EventKind.OPENING and self._pause_pending:
            return  # already shown as paused
        if state is PlayerState.PLAYING:
            if event.length_ms > 0 and event.length_ms != self._length:
                self._length = event.length_ms
                self.length_changed.emit(self._length)
            if self._pause_pending:
                # Paused before libVLC started: make sure it stays paused (the pause
                # asked for while opening is usually kept; this settles it if not).
                self._player.pause()
                return
            self._clock.resume()
            # The clock is fresh now: a poll re-syncs only if time reports go quiet, and only
            # with a backend time that has moved since this moment.
            self._last_time_event = time.monotonic()
            self._last_polled_time = self._player.time_ms()
            self._poll.start()
        else:
            self._pause_pending = False
            self._poll.stop()
            self._clock.pause()
            if state is PlayerState.STOPPED:
                self._clock.reset()
        # Signals last: a slot may load the next track, which must see our final state.
        self._set_state(state)
        if event.generation != self._generation:
            return  # a state_changed slot already moved on to other media
        if kind is EventKind.END_REACHED:
            self.ended.emit()
        elif kind is EventKind.ERROR:
            self.error.emit(event.message)

    def _on_poll(self) -> None:
        if time.monotonic() - self._last_time_event > POLL_RESYNC_AFTER_S:
            backend = self._player.time_ms()
            if backend != self._last_polled_time:
                self._clock.report(backend)  # the backend's time moves: it is the truth
            else:
                # Playing, but the backend's time stands still (some old Ogg Vorbis files
                # under libVLC never report one): keep our own time, so the lyrics and the
                # seek bar go on moving instead of freezing at the last report.
                self._clock.report(self._clock.now_ms())
            self._last_polled_time = backend
        self.time_changed.emit(self.position_ms())

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
