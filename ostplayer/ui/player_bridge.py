"""Moves player events from libVLC's thread onto the GUI thread.

libVLC calls its event callbacks on its own input thread, where calling back into
the player deadlocks (stop/set_media in EndReached, set_time in TimeChanged). So the
handler given to the player does exactly one thing: emit :attr:`event_received`,
which is connected with ``Qt.QueuedConnection``. Qt posts the event to this object's
thread (the GUI thread) and :meth:`_on_event` runs there, where it is safe to load the
next track, seek, or touch widgets.

Events carry the generation of the media they belong to; an event from a track that
was replaced in the meantime is dropped, so a late "ended" from the previous song
cannot skip the one that just started.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ostplayer.domain.clock import PlaybackClock
from ostplayer.playback.base import EventKind, Player, PlayerEvent, PlayerState

log = logging.getLogger(__name__)

DEFAULT_POLL_INTERVAL_MS = 200

# -- PySide6 6.12 emit() refcount bug ---------------------------------------------------------
# Measured with PySide6 6.12.0 on CPython 3.11: every Python-side ``SignalInstance.emit()``
# returns ``True`` without owning a reference, so each emit drops True's refcount by one.
# True starts near 600 references in a Qt process, so after a few hundred emits the
# interpreter aborts ("bool_dealloc: deallocating True or False"). CPython >= 3.12 makes
# bools immortal, which hides the bug. The guard detects the leak at run time and, only
# then, gives True and False a huge refcount (what 3.12 does), so nothing can free them.
_PIN_REFS = 1 << 40
_guard_state: bool | None = None


class _EmitProbe(QObject):
    sig = Signal()


def _emit_leaks_true() -> bool:
    probe = _EmitProbe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.sig.emit()
    return sys.getrefcount(True) <= before - 8


def ensure_emit_refcount_guard() -> bool:
    """Neutralise the PySide6 emit() refcount leak if this build has it; idempotent.

    Call once at start-up before emitting signals in bulk (the app's main and the test
    suite's conftest should); PlayerBridge calls it too. Returns True if the leak was
    found and pinned.
    """
    global _guard_state
    if _guard_state is not None:
        return _guard_state
    leaks = sys.implementation.name == "cpython" and _emit_leaks_true()
    if leaks:
        for obj in (True, False):
            before = sys.getrefcount(obj)
            # ob_refcnt is the first field of every object in CPython release builds;
            # verify the write landed where expected and undo it if not.
            cell = ctypes.c_ssize_t.from_address(id(obj))
            cell.value += _PIN_REFS
            if sys.getrefcount(obj) - before != _PIN_REFS:
                cell.value -= _PIN_REFS
                log.error("could not pin %r; PySide6 emit() leak is unmitigated", obj)
                leaks = False
        if leaks:
            log.info("PySide6 emit() leaks a reference to True; pinned True/False")
    _guard_state = leaks
    return leaks


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
        ensure_emit_refcount_guard()
        self._player = player
        self._clock = clock or PlaybackClock()
        self._generation = 0
        self._state = PlayerState.STOPPED
        self._length = 0
        self._shut_down = False
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

    def load(self, path: str) -> int:
        """Load ``path`` in the player; events of earlier media are ignored from now on."""
        self._poll.stop()
        self._generation = self._player.load(path)
        self._clock.reset()
        self._length = 0
        self._set_state(PlayerState.STOPPED)
        return self._generation

    def play(self) -> None:
        self._player.play()

    def pause(self) -> None:
        self._player.pause()
        # Freeze now rather than when the Paused event arrives, so the display
        # stops exactly where the user clicked.
        if self._state in (PlayerState.PLAYING, PlayerState.OPENING):
            self._poll.stop()
            self._clock.pause()

    def resume(self) -> None:
        self._player.resume()

    def stop(self) -> None:
        self._player.stop()
        self._poll.stop()
        self._clock.reset()
        self._set_state(PlayerState.STOPPED)

    def seek(self, ms: int) -> None:
        self._player.seek(ms)
        self._clock.seek(max(0, min(ms, self._length)) if self._length > 0 else max(0, ms))
        self.time_changed.emit(self.position_ms())

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
            self._clock.report(event.time_ms)
            self.time_changed.emit(self.position_ms())
            return
        if kind is EventKind.LENGTH_CHANGED:
            if event.length_ms != self._length:
                self._length = event.length_ms
                self.length_changed.emit(self._length)
            return
        state = _STATE_FOR_KIND[kind]
        if state is PlayerState.PLAYING:
            self._clock.resume()
            self._poll.start()
            if event.length_ms > 0 and event.length_ms != self._length:
                self._length = event.length_ms
                self.length_changed.emit(self._length)
        else:
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
        self._clock.report(self._player.time_ms())
        self.time_changed.emit(self.position_ms())

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
