"""The playback session's queue edits (upcoming indices as in ``PlayQueue.upcoming()``):
each edit tells everyone showing the queue through ``queue_changed``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .playback_session import PlaybackSession


class QueueEdits:
    """Mixed into :class:`PlaybackSession`."""

    def enqueue(self: PlaybackSession, song_id: str) -> None:
        self._queue.enqueue(song_id)
        self.queue_changed.emit()

    def play_next(self: PlaybackSession, song_id: str) -> None:
        self._queue.play_next(song_id)
        self.queue_changed.emit()

    def move_upcoming(self: PlaybackSession, from_idx: int, to_idx: int) -> None:
        self._queue.move(from_idx, to_idx)
        self.queue_changed.emit()

    def remove_upcoming(self: PlaybackSession, idx: int) -> None:
        self._queue.remove(idx)
        self.queue_changed.emit()

    def play_upcoming_next(self: PlaybackSession, idx: int) -> None:
        if 0 < idx < len(self._queue.upcoming()):
            self.move_upcoming(idx, 0)

    def jump_to_upcoming(self: PlaybackSession, idx: int) -> None:
        """Play the upcoming song at ``idx`` now; the ones before it become history."""
        song = self._queue.jump(idx)
        if song is not None:
            self._play_from(song)

    def clear_queue(self: PlaybackSession) -> None:
        self._halt()
        self._queue.clear()
        self.queue_changed.emit()
