"""What changed in the library, told to whoever listens (Quod Libet's library signals).

Plain Python, so the command line and tests use the library without Qt; the services layer
turns these into Qt signals on the GUI thread. A change may be announced on a worker thread
(an import, a scan): listeners must only hand it on, not touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..domain.changes import LibraryChange, ids

__all__ = ["ChangeHub", "LibraryChange", "ids"]

log = logging.getLogger(__name__)


Listener = Callable[[LibraryChange], None]


@dataclass
class ChangeHub:
    _listeners: list[Listener] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _holding: threading.local = field(default_factory=threading.local)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    @contextmanager
    def held(self) -> Iterator[None]:
        """Changes this thread announces inside are told once, merged, when it ends: a scan's
        new songs and their links are one update of every view instead of two."""
        if getattr(self._holding, "changes", None) is not None:
            yield  # already held further up: that one tells
            return
        self._holding.changes = []
        try:
            yield
        finally:
            changes, self._holding.changes = self._holding.changes, None
            if changes:
                self.announce(_merged(changes))

    def announce(self, change: LibraryChange) -> None:
        held = getattr(self._holding, "changes", None)
        if held is not None:
            held.append(change)
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:
                # One broken listener must not stop the others, nor undo the write that
                # already happened.
                log.exception("library change listener failed")


def _merged(changes: list[LibraryChange]) -> LibraryChange:
    def union(name: str) -> frozenset[str]:
        return frozenset().union(*(getattr(c, name) for c in changes))

    names = ("added", "changed", "removed", "dramas", "people", "personal", "played")
    return LibraryChange(
        **{name: union(name) for name in names},
        catalog_replaced=any(c.catalog_replaced for c in changes),
    )
