"""The resume point and the queue, kept across restarts in ``$XDG_STATE_HOME/ostplayer``.

State, not settings: it changes every few seconds while music plays and is worthless to copy
to another machine. Written atomically (the old or the new version, never half), read with
limits: a damaged file is moved aside and playback starts with an empty queue, saying so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..media.atomic import aside_path, atomic_write_bytes, json_bytes
from ..media.regular_read import read_regular_file

log = logging.getLogger(__name__)

MAX_STATE_BYTES = 8 * 1024 * 1024  # a queue of 100,000 songs is ~3 MB of JSON
VERSION = 1


@dataclass(frozen=True)
class ResumePoint:
    song_id: str
    position_ms: int
    dismissed: bool = False  # the user said no to resuming this song at this position


@dataclass
class PlaybackState:
    resume: ResumePoint | None = None
    queue: dict[str, Any] = field(default_factory=dict)


class PlaybackStateStore:
    def __init__(self, path: Path | None) -> None:
        """``path`` None keeps nothing (tests, benchmarks)."""
        self.path = path
        self.notices: list[str] = []
        self.last_error: str | None = None

    def load(self) -> PlaybackState:
        if self.path is None:
            return PlaybackState()
        try:
            # Never blocks (a FIFO, a link to a device) and refuses what no state file holds.
            data = bounded_json.loads(read_regular_file(self.path, MAX_STATE_BYTES))
            return _parse(data)
        except FileNotFoundError:
            return PlaybackState()
        except (OSError, ValueError, TypeError, RecursionError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            try:
                moved = aside_path(self.path)
                self.path.rename(moved)
                where = f" It was moved to {moved}."
            except OSError:
                where = ""
            self.notices.append(
                f"The saved queue and resume point could not be read ({reason}); playback"
                f" starts with an empty queue.{where}"
            )
            return PlaybackState()

    def save(self, state: PlaybackState) -> bool:
        """False (and :attr:`last_error`) when the state folder cannot be written."""
        if self.path is None:
            return True
        data: dict[str, Any] = {"version": VERSION, "queue": state.queue}
        if state.resume is not None:
            data["resume"] = {
                "song": state.resume.song_id,
                "position_ms": state.resume.position_ms,
                "dismissed": state.resume.dismissed,
            }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json_bytes(data))
        except OSError as exc:
            self.last_error = f"{self.path.parent}: {exc.strerror or exc}"
            log.warning("could not save the playback state: %s", self.last_error)
            return False
        self.last_error = None
        return True


def _parse(data: Any) -> PlaybackState:
    if not isinstance(data, dict):
        raise ValueError("it does not hold an object")
    state = PlaybackState()
    queue = data.get("queue")
    state.queue = queue if isinstance(queue, dict) else {}
    resume = data.get("resume")
    if isinstance(resume, dict):
        song, position = resume.get("song"), resume.get("position_ms")
        if (
            isinstance(song, str)
            and isinstance(position, int)
            and not isinstance(position, bool)
            and 0 <= position < 24 * 3600 * 1000
        ):
            state.resume = ResumePoint(song, position, resume.get("dismissed") is True)
    return state
