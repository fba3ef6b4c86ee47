"""Backend-neutral playback types: states, events and the Player protocol.

Types only: nothing here imports PySide6, ``vlc`` or a backend. ``create_player`` (in the
package ``__init__``) decides which backend the app gets.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

#: Shown to the user whenever playback is unavailable; Debian/Ubuntu package names.
INSTALL_HINT = "sudo apt install libvlc5 vlc-plugin-base"


class PlayerState(enum.Enum):
    STOPPED = "stopped"
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


class EventKind(enum.Enum):
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    STOPPED = "stopped"
    TIME_CHANGED = "time_changed"
    LENGTH_CHANGED = "length_changed"
    END_REACHED = "end_reached"
    ERROR = "error"


@dataclass(frozen=True)
class PlayerEvent:
    """One thing the backend reported.

    ``generation`` is the value :meth:`Player.load` returned for the media the event
    belongs to. Events cross threads through a queue, so one from the previous track
    can arrive after the next track was loaded; the receiver compares generations to
    drop it instead of, say, skipping the new track because the old one "ended".
    """

    kind: EventKind
    generation: int
    time_ms: int = 0
    length_ms: int = 0
    message: str = ""


EventHandler = Callable[[PlayerEvent], None]


class PlaybackUnavailable(RuntimeError):
    """Raised by a backend constructor when it cannot play; the message is user-facing."""


@runtime_checkable
class Player(Protocol):
    """What the UI needs from an audio backend.

    Every method must be called from one thread (the GUI thread). Only the event
    handler is called from elsewhere: it may run on any thread and must do nothing
    but hand the event off (e.g. emit a queued Qt signal).
    """

    available: bool
    unavailable_reason: str

    def set_event_handler(self, handler: EventHandler | None) -> None: ...

    def load(self, path: str, start_ms: int = 0) -> int:
        """Stop whatever plays, prepare ``path``; returns the new generation.

        The next :meth:`play` starts at ``start_ms`` (resuming where the user left off);
        a later play of the same media, after it ended, starts from the beginning.
        """
        ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...

    def seek(self, ms: int) -> None: ...

    def time_ms(self) -> int: ...

    def length_ms(self) -> int: ...

    def state(self) -> PlayerState: ...

    def set_volume(self, percent: int) -> None: ...

    def volume(self) -> int: ...

    def set_muted(self, muted: bool) -> None: ...

    def is_muted(self) -> bool: ...

    def close(self) -> None:
        """Stop, detach the event handler and release resources; idempotent."""
        ...
