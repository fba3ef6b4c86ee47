"""The one object that *is* playback, for every view of it: window, tray, MPRIS, remote.

It owns the player bridge (libVLC's events on the GUI thread), the play queue, and the
persistence of volume, mute, shuffle, repeat, the queue and the resume point. Whoever sets
the volume (the slider, a media key, ``playerctl``) goes through here, and everyone showing
it hears :attr:`volume_changed`.

Failure policy: a song that cannot be played (not linked, file missing, VLC error, file
deleted while playing) is reported with :attr:`song_failed`, marked unplayable in the queue
and skipped; playback moves on to the next playable song and stops only when none is left.
A file VLC opened but could not decode is also reported with :attr:`song_unplayable`.

Next and Previous go on past the end of the list a song was started from, through whatever
order the browser shows (:meth:`set_continuation`): Next never just stops while anything
playable follows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.phrases import Phrase
from ..domain.queue import PlayQueue, RepeatMode
from ..playback.base import Player, PlayerState
from .playable import file_problem
from .playback_state import PlaybackStateStore
from .player_bridge import PlayerBridge
from .session_memory import SessionMemory
from .session_queue import QueueEdits
from .settings import Keys, Settings

#: "Previous" restarts the current song when it has played longer than this.
PREVIOUS_RESTART_MS = 3000
#: An end this far before the known length, with the file gone, means the file was
#: pulled from under VLC (libVLC ends up to ~1 s early anyway because of file caching).
EARLY_END_SLACK_MS = 3000
POSITION_SAVE_INTERVAL_MS = 5000
#: How far the continuation looks for a playable song before giving up.
CONTINUATION_LIMIT = 5000
NOT_LINKED = "No audio file is linked"

ACTIVE = (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.OPENING)

Continuation = Callable[[str], Iterable[str]]


class PlaybackSession(SessionMemory, QueueEdits, QObject):
    state_changed = Signal(object)  # PlayerState
    now_playing = Signal(str)  # song id that started
    position_changed = Signal(int)  # ms: ~5 Hz while playing, and after every seek
    length_changed = Signal(int)
    seeked = Signal(int)
    volume_changed = Signal(int)
    muted_changed = Signal(bool)
    shuffle_changed = Signal(bool)
    repeat_changed = Signal(object)  # RepeatMode
    queue_changed = Signal()
    stopped = Signal()
    song_failed = Signal(str, object)  # song id, user-facing message (a Phrase) naming the file
    song_unplayable = Signal(str)  # song id whose existing file VLC could not play
    play_finished = Signal(str)  # song id that played to its natural end

    def __init__(
        self,
        player: Player,
        resolve_path: Callable[[str], str | None],
        settings: Settings,
        state_store: PlaybackStateStore,
        parent: QObject | None = None,
        *,
        known_song: Callable[[str], bool] = lambda _sid: True,
        queue: PlayQueue | None = None,
        bridge: PlayerBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._resolve = resolve_path
        self._settings = settings
        self._store = state_store
        self._queue = queue or PlayQueue()
        self._bridge = bridge or PlayerBridge(player, parent=self)
        self._current_path: str | None = None
        self._next_after: Continuation | None = None
        self._previous_before: Continuation | None = None
        self._continues = True  # the list in the queue goes on into the browser's order
        self._finished: str | None = None  # played to its end, with nothing after it
        self._bridge.ended.connect(self._on_ended)
        self._bridge.error.connect(self._on_error)
        self._bridge.state_changed.connect(self._on_state)
        self._bridge.time_changed.connect(self.position_changed)
        self._bridge.length_changed.connect(self.length_changed)
        self._bridge.seeked.connect(self.seeked)
        self._save_timer = QTimer(self)
        self._save_timer.setInterval(POSITION_SAVE_INTERVAL_MS)
        self._save_timer.timeout.connect(self.save_position)
        # The queue is saved once per burst of edits, not once per edit.
        self._queue_save = QTimer(self)
        self._queue_save.setSingleShot(True)
        self._queue_save.setInterval(500)
        self._queue_save.timeout.connect(self._save_state)
        self.queue_changed.connect(self._queue_save.start)
        self._state = self._store.load()
        self._restore(known_song)

    def shutdown(self) -> None:
        """Save everything, stop libVLC and detach its events before Qt tears down."""
        self.save_position()
        self._save_state()
        self._store.flush()
        self._bridge.shutdown()

    # --- read-only state --------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self._player.available

    @property
    def unavailable_reason(self) -> str:
        return self._player.unavailable_reason

    @property
    def player(self) -> Player:
        return self._player

    @property
    def queue(self) -> PlayQueue:
        return self._queue

    @property
    def bridge(self) -> PlayerBridge:
        return self._bridge

    @property
    def current_song_id(self) -> str | None:
        return self._queue.current

    @property
    def current_path(self) -> str | None:
        return self._current_path

    def state(self) -> PlayerState:
        return self._bridge.state()

    def is_active(self) -> bool:
        return self.state() in ACTIVE

    def position_ms(self) -> int:
        return self._bridge.position_ms()

    def length_ms(self) -> int:
        return self._bridge.length_ms()

    def volume(self) -> int:
        return self._player.volume()

    def is_muted(self) -> bool:
        return self._player.is_muted()

    @property
    def shuffle(self) -> bool:
        return self._queue.shuffle

    @property
    def repeat(self) -> RepeatMode:
        return self._queue.repeat

    def can_go_next(self) -> bool:
        return bool(self._queue.upcoming()) or self._next_after is not None

    def can_go_previous(self) -> bool:
        return self._queue.current is not None

    # --- settings the user changes ----------------------------------------------------------

    def set_volume(self, percent: int) -> None:
        percent = max(0, min(100, int(percent)))
        if percent == self._player.volume():
            return
        self._player.set_volume(percent)
        self._settings.set(Keys.VOLUME, percent)
        self.volume_changed.emit(percent)

    def set_muted(self, muted: bool) -> None:
        muted = bool(muted)
        if muted == self._player.is_muted():
            return
        self._player.set_muted(muted)
        self._settings.set(Keys.MUTED, muted)
        self.muted_changed.emit(muted)

    def set_shuffle(self, on: bool) -> None:
        on = bool(on)
        if on == self._queue.shuffle:
            return
        self._queue.shuffle = on
        self._settings.set(Keys.SHUFFLE, on)
        self.shuffle_changed.emit(on)
        self.queue_changed.emit()

    def set_repeat(self, mode: RepeatMode) -> None:
        if mode is self._queue.repeat:
            return
        self._queue.repeat = mode
        self._settings.set(Keys.REPEAT, mode)
        self.repeat_changed.emit(mode)
        self.queue_changed.emit()

    def set_continuation(self, next_after: Continuation, previous_before: Continuation) -> None:
        """Where Next and Previous go past the queue: the songs after (before) a song in the
        order the user browses. Each yields song ids, nearest first."""
        self._next_after = next_after
        self._previous_before = previous_before

    # --- commands ---------------------------------------------------------------------------

    @property
    def finished_song(self) -> str | None:
        """The song that played to its very end with nothing after it (the tap-to-sync
        editor still stamps its last lines then)."""
        return self._finished

    def play_list(
        self,
        song_ids: Sequence[str],
        index: int,
        *,
        start_ms: int = 0,
        continue_past_end: bool = True,
    ) -> None:
        """Play ``song_ids[index]`` and queue the rest of the list after it.

        With ``continue_past_end`` False the music stops at the end of the list instead of
        going on into the browser's order (syncing one song's lyrics).
        """
        self._continues = continue_past_end
        ids = list(song_ids)
        chosen = ids[index] if 0 <= index < len(ids) else None
        first = self._queue.start(ids, index, self._is_linked)
        if chosen is not None and chosen != first and not self._is_linked(chosen):
            self.song_failed.emit(chosen, Phrase(NOT_LINKED))
        if first is None:
            first = self._continue_from(ids[-1] if ids else None)
        if first is None:
            self.queue_changed.emit()
            self._halt()
            return
        self._play_from(first, start_ms=start_ms if first == chosen else 0)

    def play(self) -> None:
        if self.state() is PlayerState.PAUSED:
            self._bridge.resume()
        elif self.state() not in (PlayerState.PLAYING, PlayerState.OPENING):
            song = self._queue.current or self._queue.next(user=True)
            if song is not None:
                self._play_from(song)

    def pause(self) -> None:
        if self.state() in (PlayerState.PLAYING, PlayerState.OPENING):
            self._bridge.pause()

    def play_pause(self) -> None:
        if self.state() in (PlayerState.PLAYING, PlayerState.OPENING):
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self._halt()

    def next(self) -> None:
        song = self._queue.next(user=True) or self._continue_from(self._queue.current)
        if song is None:
            self._halt()
        else:
            self._play_from(song)

    def previous(self) -> None:
        active = self.is_active()
        if active and self.position_ms() > PREVIOUS_RESTART_MS:
            self.seek(0)
            return
        song = self._queue.previous()
        if song is None and self._queue.current is not None:
            song = self._continue_from(self._queue.current, backwards=True)
        if song is not None:
            self._play_from(song)
        elif active:
            self.seek(0)
        elif self._queue.current is not None:
            self._play_from(self._queue.current)

    def can_seek(self) -> bool:
        return self.is_active()

    def seek(self, ms: int) -> bool:
        """Move the playing (or paused) song to ``ms``; ignored, False, when stopped."""
        if not self.can_seek():
            return False
        self._bridge.seek(max(0, int(ms)))
        return True

    def seek_relative(self, delta_ms: int) -> bool:
        return self.seek(self.position_ms() + int(delta_ms))

    # --- internals --------------------------------------------------------------------------

    def _is_linked(self, song_id: str) -> bool:
        return self._resolve(song_id) is not None

    def _continue_from(self, song_id: str | None, *, backwards: bool = False) -> str | None:
        """The nearest playable song past ``song_id`` in browser order, made current."""
        source = self._previous_before if backwards else self._next_after
        if source is None or song_id is None or self._queue.repeat is not RepeatMode.OFF:
            return None
        if not self._continues:
            return None
        for n, candidate in enumerate(source(song_id)):
            if n >= CONTINUATION_LIMIT:
                break
            if self._is_linked(candidate):
                if backwards:
                    self._queue.play_before_current(candidate)
                    return self._queue.previous()
                self._queue.enqueue(candidate)
                return self._queue.next(user=True)
        return None

    def _play_from(self, song_id: str | None, *, start_ms: int = 0) -> None:
        """Start ``song_id`` (already current in the queue), skipping failures forward."""
        if not self._player.available:
            if song_id is not None:
                self.song_failed.emit(song_id, self._player.unavailable_reason)
            self.queue_changed.emit()
            self._halt()
            return
        # Bounded: every failure marks one song unplayable, so next() runs out.
        while song_id is not None:
            problem = self._try_start(song_id, start_ms)
            start_ms = 0  # only ever for the song that was asked for
            if problem is None:
                self.queue_changed.emit()
                return
            failed = song_id
            self._queue.mark_unplayable(failed)
            self.song_failed.emit(failed, problem)
            song_id = self._queue.next(user=True) or self._continue_from(failed)
        self.queue_changed.emit()
        self._halt()

    def _try_start(self, song_id: str, start_ms: int = 0) -> str | None:
        """Load and play; returns a message when the song cannot even be handed to VLC."""
        path = self._resolve(song_id)
        if path is None:
            return Phrase(NOT_LINKED)
        problem = file_problem(path)
        if problem is not None:
            if problem.endswith("not an audio file"):
                self.song_unplayable.emit(song_id)
            return problem
        self._current_path = path
        self._finished = None
        self._bridge.load(path, start_ms)
        self._bridge.play()
        self._state.resume = None  # a new song: the old resume point is done with
        self.now_playing.emit(song_id)
        return None

    def _halt(self) -> None:
        was_active = self.is_active()
        self._bridge.stop()
        if was_active:
            self._forget_position()  # Stop (or the end of the list): nothing to resume
        self.stopped.emit()

    def _fail_and_advance(self, song_id: str, message: str) -> None:
        self._queue.mark_unplayable(song_id)
        self.song_failed.emit(song_id, message)
        nxt = self._queue.next(user=True) or self._continue_from(song_id)
        if nxt is None:
            self.queue_changed.emit()
            self._halt()
        else:
            self._play_from(nxt)

    def _file_gone(self) -> bool:
        return self._current_path is not None and not os.path.exists(self._current_path)

    def _gone_message(self) -> str:
        return Phrase("%1 was deleted or moved", self._current_path)

    def _on_state(self, state: PlayerState) -> None:
        if state is PlayerState.PLAYING:
            self._save_timer.start()
        else:
            self._save_timer.stop()
            if state is PlayerState.PAUSED:
                self.save_position()
        self.state_changed.emit(state)

    def _on_ended(self) -> None:
        song = self._queue.current
        if song is None:
            return
        length = self.length_ms()
        early = length > 0 and self.position_ms() < length - EARLY_END_SLACK_MS
        gone = self._file_gone()
        if early and gone:
            self._fail_and_advance(song, self._gone_message())
            return
        self._state.resume = None  # a finished song is not something to resume
        self.play_finished.emit(song)
        if gone:
            # It played to the end from the still-open file, but it is gone now:
            # count the play, then report and mark it like any other missing file.
            self._fail_and_advance(song, self._gone_message())
            return
        nxt = self._queue.next() or self._continue_from(song)
        if nxt is None:
            self._finished = song  # before the stop is announced: listeners ask for it
            self._halt()
        else:
            self._play_from(nxt)

    def _on_error(self, message: str) -> None:
        song = self._queue.current
        if song is None:
            return
        if self._file_gone():
            text = self._gone_message()
        else:
            text = Phrase("Could not play %1: %2", self._current_path, message)
            self.song_unplayable.emit(song)
        self._fail_and_advance(song, text)
