"""A player that plays nothing, used when libVLC cannot be loaded.

It keeps the app usable (browsing, editing, lyrics) and carries the reason so the UI
can tell the user how to get sound back. Volume and mute are remembered so the
controls behave consistently even though nothing is heard.
"""

from __future__ import annotations

from ostplayer.playback.base import EventHandler, PlayerState
from ostplayer.playback.kept_volume import KeptVolume


class NullPlayer(KeptVolume):
    available: bool = False

    def __init__(self, reason: str = "Playback is unavailable.") -> None:
        self.unavailable_reason = reason
        self._generation = 0

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

    def close(self) -> None:
        pass
