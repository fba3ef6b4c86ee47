"""A player that plays nothing, used when libVLC cannot be loaded.

It keeps the app usable (browsing, editing, lyrics) and carries the reason so the UI
can tell the user how to get sound back. Volume and mute are remembered so the
controls behave consistently even though nothing is heard.
"""

from __future__ import annotations

from ostplayer.playback.base import EventHandler, PlayerState


class NullPlayer:
    available: bool = False

    def __init__(self, reason: str = "Playback is unavailable.") -> None:
        self.unavailable_reason = reason
        self._generation = 0
        self._volume = 100
        self._muted = False

    def set_event_handler(self, handler: EventHandler | None) -> None:
        # Nothing will ever be reported, so there is nothing to keep.
        pass

    def load(self, path: str, start_ms: int = 0) -> int:
        self._generation += 1
        return self._generation

    def play(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def seek(self, ms: int) -> None:
        pass

    def time_ms(self) -> int:
        return 0

    def length_ms(self) -> int:
        return 0

    def state(self) -> PlayerState:
        return PlayerState.STOPPED

    def set_volume(self, percent: int) -> None:
        self._volume = max(0, min(100, int(percent)))

    def volume(self) -> int:
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)

    def is_muted(self) -> bool:
        return self._muted

    def close(self) -> None:
        pass
