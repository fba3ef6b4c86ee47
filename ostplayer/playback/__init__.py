"""Audio playback behind one small :class:`Player` protocol.

Backends: libVLC (:mod:`.vlc_backend`, the only importer of ``vlc``), a silent stand-in when
libVLC cannot be loaded (:mod:`.null_backend`), and a fake that really advances time for fast
tests (:mod:`.fake_backend`). :func:`create_player` picks the one the app runs with.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from ostplayer.playback.base import (
    INSTALL_HINT,
    EventHandler,
    EventKind,
    PlaybackUnavailable,
    Player,
    PlayerEvent,
    PlayerState,
)
from ostplayer.playback.null_backend import NullPlayer

__all__ = [
    "INSTALL_HINT",
    "NO_VLC_ENV",
    "EventHandler",
    "EventKind",
    "NullPlayer",
    "PlaybackUnavailable",
    "Player",
    "PlayerEvent",
    "PlayerState",
    "create_player",
]

log = logging.getLogger(__name__)

#: Setting this to "1" forces the silent backend (headless runs, demos, CI without audio).
NO_VLC_ENV = "OSTPLAYER_NO_VLC"


def create_player(vlc_args: Sequence[str] = ()) -> Player:
    """Return a libVLC player, or a :class:`NullPlayer` saying why playback is off.

    Never raises for a missing or broken libVLC: the app must still start so the
    user can browse their catalogue and read how to fix audio.
    """
    if os.environ.get(NO_VLC_ENV) == "1":
        return NullPlayer(f"Playback is turned off ({NO_VLC_ENV}=1).")
    try:
        from ostplayer.playback.vlc_backend import VlcPlayer

        return VlcPlayer(vlc_args)
    except PlaybackUnavailable as exc:
        log.warning("playback unavailable: %s", exc)
        return NullPlayer(str(exc))
