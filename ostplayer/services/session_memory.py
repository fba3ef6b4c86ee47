"""What the playback session remembers between runs: volume, mute, shuffle, repeat, the
queue, and the point to resume from (the session's persistence half, kept apart so the
session module stays about playing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..playback.base import PlayerState
from .playback_state import ResumePoint
from .settings import Keys

if TYPE_CHECKING:
    from .playback_session import PlaybackSession

#: Below this there is nothing worth resuming: starting over costs the user nothing.
RESUME_MIN_MS = 5000


class SessionMemory:
    """Mixed into :class:`PlaybackSession`; uses its player, queue, settings and store."""

    def _restore(self: PlaybackSession, known_song: Callable[[str], bool]) -> None:
        s = self._settings
        self._player.set_volume(s.get(Keys.VOLUME))
        self._player.set_muted(s.get(Keys.MUTED))
        self._queue.restore(self._state.queue, known_song)
        self._queue.shuffle = s.get(Keys.SHUFFLE)
        self._queue.repeat = s.get(Keys.REPEAT)

    def _save_state(self: PlaybackSession) -> None:
        self._state.queue = self._queue.snapshot()
        self._store.save(self._state)

    def save_position(self: PlaybackSession) -> None:
        """Remember where the current song is, while it plays or is paused."""
        song = self._queue.current
        if song is None or self.state() not in (PlayerState.PLAYING, PlayerState.PAUSED):
            return  # stopped or finished: what was saved (or cleared) stands
        self._state.resume = ResumePoint(song, self.position_ms())
        self._save_state()

    def _forget_position(self: PlaybackSession) -> None:
        self._state.resume = None
        self._save_state()

    def resume_offer(self: PlaybackSession) -> tuple[str, int] | None:
        """The song and position the user left off at, if worth resuming and not dismissed."""
        point = self._state.resume
        if point is None or point.position_ms < RESUME_MIN_MS or point.dismissed:
            return None
        if not self._player.available or self._resolve(point.song_id) is None:
            return None
        return point.song_id, point.position_ms

    def dismiss_resume(self: PlaybackSession) -> None:
        """The user said no: not offered again for this song and position."""
        if self._state.resume is not None:
            self._state.resume = ResumePoint(
                self._state.resume.song_id, self._state.resume.position_ms, dismissed=True
            )
            self._save_state()

    def resume(
        self: PlaybackSession, song_id: str, position_ms: int, song_ids: Sequence[str] = ()
    ) -> None:
        """Play ``song_id`` from ``position_ms``: in the restored queue when it is current
        there (the queue is the user's), else with ``song_ids`` queued after it."""
        if self._queue.current == song_id:
            self._play_from(song_id, start_ms=max(0, position_ms))
            return
        ids = list(song_ids) if song_id in song_ids else [song_id]
        self.play_list(ids, ids.index(song_id), start_ms=max(0, position_ms))
