"""The resume point and the queue, kept across restarts in ``$XDG_STATE_HOME/ostplayer``.

State, not settings: it changes every few seconds while music plays and is worthless to copy
to another machine. Written atomically (the old or the new version, never half), read with
limits: a damaged file is moved aside and playback starts with an empty queue, saying so.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..media.atomic import aside_path, atomic_write_bytes, json_bytes
from ..media.regular_read import read_regular_file
from .texts import fill, tr

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return tr("PlaybackUi", text)


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
    def __init__(self, path: Path | None, *, background: bool = False) -> None:
        """``path`` None keeps nothing (tests, benchmarks). ``background``: writes (an fsync
        every few seconds while playing) happen on a writer thread, never on the GUI
        thread; the newest state wins, and :meth:`flush` waits for it (at quit)."""
        self.path = path
        self.notices: list[str] = []
        self.last_error: str | None = None
        self._background = background
        self._wake = threading.Condition()
        self._pending: bytes | None = None
        self._writing = False
        self._writer: threading.Thread | None = None

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
                where = " " + fill(_tr("It was moved to %1."), str(moved))
            except OSError:
                where = ""
            unread = _tr(
                "The saved queue and resume point could not be read (%1);"
                " playback starts with an empty queue."
            )
            self.notices.append(fill(unread, reason) + where)
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
        if self._background:
            with self._wake:
                self._pending = json_bytes(data)
                if self._writer is None:
                    self._writer = threading.Thread(
                        target=self._write_loop, name="playback-state", daemon=True
                    )
                    self._writer.start()
                self._wake.notify_all()
            return self.last_error is None
        return self._write(json_bytes(data))

    def flush(self, timeout: float = 5.0) -> None:
        """Wait until the newest state is on disk (or ``timeout`` seconds have gone)."""
        with self._wake:
            self._wake.wait_for(lambda: self._pending is None and not self._writing, timeout)

    def _write_loop(self) -> None:
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._pending is not None)
                data, self._pending, self._writing = self._pending, None, True
            try:
                self._write(data)
            finally:
                with self._wake:
                    self._writing = False
                    self._wake.notify_all()

    def _write(self, data: bytes) -> bool:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, data)
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
