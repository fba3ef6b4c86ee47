"""What the player buttons do: ties the PlayQueue, the PlayerBridge and the player.

Everything here runs on the GUI thread: the bridge delivers libVLC's events as
queued signals, so every call into the player happens from a GUI-thread slot.

Failure policy: a song that cannot be played (not linked, file missing, VLC error,
file deleted while playing) is reported with :attr:`song_failed`, marked unplayable
in the queue and skipped; playback moves on to the next playable song and stops
only when none is left. Missing files (and folders linked as files) are caught with
``os.path`` before VLC is asked. A file VLC opened but could not decode is also
reported with :attr:`song_unplayable`, so the browser can say so; a file that vanished
while it played is reported even when VLC still played it to the end (Linux keeps an
open file readable), after the play was counted.

Seeking only moves a song that is playing or paused: with nothing playing (stopped,
ended) a seek is ignored rather than starting anything.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal, Slot

from ostplayer.domain.queue import PlayQueue, RepeatMode
from ostplayer.playback.base import Player, PlayerState
from ostplayer.ui.player_bridge import PlayerBridge

#: "Previous" restarts the current song when it has played longer than this.
PREVIOUS_RESTART_MS = 3000
#: An end this far before the known length, with the file gone, means the file was
#: pulled from under VLC (libVLC ends up to ~1 s early anyway because of file caching).
EARLY_END_SLACK_MS = 3000

_ACTIVE = (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.OPENING)


class PlaybackController(QObject):
    now_playing = Signal(str)  # song id that started
    stopped = Signal()
    song_failed = Signal(str, str)  # song id, user-facing message naming the file
    song_unplayable = Signal(str)  # song id whose existing file VLC could not play
    play_finished = Signal(str)  # song id that played to its natural end
    queue_changed = Signal()

    def __init__(
        self,
        player: Player,
        bridge: PlayerBridge,
        resolve_path: Callable[[str], str | None],
        parent: QObject | None = None,
        *,
        queue: PlayQueue | None = None,
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._bridge = bridge
        self._resolve = resolve_path
        self._queue = queue or PlayQueue()
        self._current_path: str | None = None
        bridge.ended.connect(self._on_ended)
        bridge.error.connect(self._on_error)

    # -- read-only state -----------------------------------------------------------------

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

    def position_ms(self) -> int:
        return self._bridge.position_ms()

    def length_ms(self) -> int:
        return self._bridge.length_ms()

    # -- commands ------------------------------------------------------------------------

    def play_list(self, song_ids: Sequence[str], index: int, *, start_ms: int = 0) -> None:
        """Play ``song_ids[index]`` and queue the rest of the list after it.

        ``start_ms`` starts the first song there (resuming where the user left off)
        without first playing its opening for a moment.
        """
        ids = list(song_ids)
        chosen = ids[index] if 0 <= index < len(ids) else None
        first = self._queue.start(ids, index, self._is_linked)
        if chosen is not None and chosen != first and not self._is_linked(chosen):
            # Tell the user why the song they picked is not the one that plays.
            self.song_failed.emit(chosen, self._not_linked_message(chosen))
        if first is None:
            self.queue_changed.emit()
            self._halt()
            return
        self._play_from(first, start_ms=start_ms if first == chosen else 0)

    def play_pause(self) -> None:
        state = self._bridge.state()
        if state in (PlayerState.PLAYING, PlayerState.OPENING):
            self._bridge.pause()
        elif state is PlayerState.PAUSED:
            self._bridge.resume()
        else:
            song = self._queue.current or self._queue.next(user=True)
            if song is not None:
                self._play_from(song)

    def stop(self) -> None:
        self._halt()

    def next(self) -> None:
        song = self._queue.next(user=True)
        if song is None:
            self._halt()
        else:
            self._play_from(song)

    def previous(self) -> None:
        active = self._bridge.state() in _ACTIVE
        if active and self._bridge.position_ms() > PREVIOUS_RESTART_MS:
            self.seek(0)
            return
        song = self._queue.previous()
        if song is not None:
            self._play_from(song)
        elif active:
            self.seek(0)
        elif self._queue.current is not None:
            self._play_from(self._queue.current)

    def can_seek(self) -> bool:
        return self._bridge.state() in _ACTIVE

    def seek(self, ms: int) -> bool:
        """Move the playing (or paused) song to ``ms``; ignored, False, when stopped."""
        if not self.can_seek():
            return False
        self._bridge.seek(max(0, int(ms)))
        return True

    def seek_relative(self, delta_ms: int) -> bool:
        return self.seek(self._bridge.position_ms() + int(delta_ms))

    def set_volume(self, percent: int) -> None:
        self._player.set_volume(percent)

    def volume(self) -> int:
        return self._player.volume()

    def set_muted(self, muted: bool) -> None:
        self._player.set_muted(muted)

    def is_muted(self) -> bool:
        return self._player.is_muted()

    def set_shuffle(self, on: bool) -> None:
        self._queue.shuffle = on
        self.queue_changed.emit()

    def set_repeat(self, mode: RepeatMode) -> None:
        self._queue.repeat = mode
        self.queue_changed.emit()

    # Queue edits from the queue panel; upcoming indices as in PlayQueue.upcoming().
    def enqueue(self, song_id: str) -> None:
        self._queue.enqueue(song_id)
        self.queue_changed.emit()

    def play_next(self, song_id: str) -> None:
        self._queue.play_next(song_id)
        self.queue_changed.emit()

    def move_upcoming(self, from_idx: int, to_idx: int) -> None:
        self._queue.move(from_idx, to_idx)
        self.queue_changed.emit()

    def remove_upcoming(self, idx: int) -> None:
        self._queue.remove(idx)
        self.queue_changed.emit()

    def play_upcoming_next(self, idx: int) -> None:
        """Queue panel "Play next": the upcoming song at ``idx`` moves to the front."""
        if 0 < idx < len(self._queue.upcoming()):
            self.move_upcoming(idx, 0)

    def jump_to_upcoming(self, idx: int) -> None:
        """Play the upcoming song at ``idx`` now, keeping the queue.

        The songs between the current one and it are passed over, not dropped: they
        become history (Previous goes back through them, repeat-all comes round to them).
        """
        song = self._queue.jump(idx)
        if song is not None:
            self._play_from(song)

    def clear_queue(self) -> None:
        self._halt()
        self._queue.clear()
        self.queue_changed.emit()

    # -- internals -----------------------------------------------------------------------

    def _is_linked(self, song_id: str) -> bool:
        return self._resolve(song_id) is not None

    @staticmethod
    def _not_linked_message(song_id: str) -> str:
        return "No audio file is linked"

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
            self._queue.mark_unplayable(song_id)
            self.song_failed.emit(song_id, problem)
            song_id = self._queue.next(user=True)
        self.queue_changed.emit()
        self._halt()

    def _try_start(self, song_id: str, start_ms: int = 0) -> str | None:
        """Load and play; returns a message when the song cannot even be handed to VLC."""
        path = self._resolve(song_id)
        if path is None:
            return self._not_linked_message(song_id)
        if os.path.isdir(path):
            self.song_unplayable.emit(song_id)
            return f"{path} is a folder, not an audio file"
        if not os.path.isfile(path):
            return f"File not found: {path}"
        self._current_path = path
        # The player opens the file at start_ms: no moment of the song's opening first.
        self._bridge.load(path, start_ms)
        self._bridge.play()
        self.now_playing.emit(song_id)
        return None

    def _halt(self) -> None:
        self._bridge.stop()
        self.stopped.emit()

    def _fail_and_advance(self, song_id: str, message: str) -> None:
        self._queue.mark_unplayable(song_id)
        self.song_failed.emit(song_id, message)
        nxt = self._queue.next(user=True)
        if nxt is None:
            self.queue_changed.emit()
            self._halt()
        else:
            self._play_from(nxt)

    def _file_gone(self) -> bool:
        return self._current_path is not None and not os.path.exists(self._current_path)

    def _gone_message(self) -> str:
        return f"{self._current_path} was deleted or moved"

    @Slot()
    def _on_ended(self) -> None:
        song = self._queue.current
        if song is None:
            return
        length = self._bridge.length_ms()
        early = length > 0 and self._bridge.position_ms() < length - EARLY_END_SLACK_MS
        gone = self._file_gone()
        if early and gone:
            self._fail_and_advance(song, self._gone_message())
            return
        self.play_finished.emit(song)
        if gone:
            # It played to the end from the still-open file, but it is gone now:
            # count the play, then report and mark it like any other missing file.
            self._fail_and_advance(song, self._gone_message())
            return
        nxt = self._queue.next()
        if nxt is None:
            self._halt()
        else:
            self._play_from(nxt)

    @Slot(str)
    def _on_error(self, message: str) -> None:
        song = self._queue.current
        if song is None:
            return
        if self._file_gone():
            text = self._gone_message()
        else:
            text = f"Could not play {self._current_path}: {message}"
            self.song_unplayable.emit(song)
        self._fail_and_advance(song, text)
