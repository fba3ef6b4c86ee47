"""What changed in the library, told to whoever listens (Quod Libet's library signals).

Plain Python, so the command line and tests use the library without Qt; the services layer
turns these into Qt signals on the GUI thread. A change may be announced on a worker thread
(an import, a scan): listeners must only hand it on, not touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ..domain.changes import LibraryChange, ids

__all__ = ["ChangeHub", "LibraryChange", "ids"]

log = logging.getLogger(__name__)


Listener = Callable[[LibraryChange], None]


@dataclass
class ChangeHub:
    _listeners: list[Listener] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def announce(self, change: LibraryChange) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:
                # One broken listener must not stop the others, nor undo the write that
                # already happened.
                log.exception("library change listener failed")
