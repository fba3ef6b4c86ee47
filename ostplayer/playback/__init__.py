"""Audio playback backends (libVLC or a silent stand-in) behind one Player protocol."""

from ostplayer.playback.base import (
    INSTALL_HINT,
    EventHandler,
    EventKind,
    PlaybackUnavailable,
    Player,
    PlayerEvent,
    PlayerState,
    create_player,
)
from ostplayer.playback.null_backend import NullPlayer

__all__ = [
    "INSTALL_HINT",
    "EventHandler",
    "EventKind",
    "NullPlayer",
    "PlaybackUnavailable",
    "Player",
    "PlayerEvent",
    "PlayerState",
    "create_player",
]
