"""Running a function on the GUI thread, from any thread, safely.

A worker thread must never emit a signal of an object the GUI thread may delete meanwhile
(a window closed while a lookup runs): Qt would touch freed memory. So every hand-off from a
worker goes through one dispatcher that lives as long as the application (it is a child of
the QCoreApplication), and the function it runs there checks that its target still exists.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class GuiDispatcher(QObject):
    _posted = Signal(object, object, tuple)  # target, function, arguments

    def __init__(self) -> None:
        app = QCoreApplication.instance()
        super().__init__(app)
        if app is not None:
            self.moveToThread(app.thread())
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, target: QObject | None, fn: Callable[..., Any], *args: Any) -> None:
        """Call ``fn(*args)`` on the GUI thread, unless ``target`` was deleted by then."""
        self._posted.emit(target, fn, args)

    @Slot(object, object, tuple)
    def _run(self, target: QObject | None, fn: Callable[..., Any], args: tuple) -> None:
        if target is not None and not shiboken6.isValid(target):
            return  # its owner is gone (a closed window): nobody is waiting for this
        try:
            fn(*args)
        except Exception:
            log.exception("a hand-off to the GUI thread failed")
