"""Volume and mute held in the player object itself, for the backends that have no audio
output to hand them to (the null and fake players): they still answer what was set, as the
player contract asks of every backend."""

from __future__ import annotations


class KeptVolume:
    _volume = 100
    _muted = False

    def set_volume(self, percent: int) -> None:
        self._volume = max(0, min(100, int(percent)))

    def volume(self) -> int:
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)

    def is_muted(self) -> bool:
        return self._muted
