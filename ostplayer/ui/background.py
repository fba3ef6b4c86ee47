"""Long work off the GUI thread, with progress and cancel, its result handed back to the GUI.

A job is a plain function taking a ``progress(done, total)`` callback; calling that callback
after the user pressed Cancel raises ``Cancelled`` inside the job, so the job stops at its next
checkpoint without any Qt in it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    pass


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, job: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._job = job
        self.cancel_event = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_event.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which reports it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            # Quit from here, not from the GUI's queued slot: a GUI thread blocked in wait()
            # (quitting mid-import) would otherwise wait for a quit it can never deliver.
            self.thread().quit()


class BackgroundTask(QObject):
    """Runs one job in a QThread; ``finished(result)`` or ``failed(exc)`` arrive on the GUI."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        job: Callable[[Callable[[int, int], None]], Any],
        label: str,
        parent: QWidget | None = None,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(job)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_success)
        self._worker.failed.connect(self._on_failure)
        self.dialog = QProgressDialog(label, "Cancel" if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle("OST Player")
        # Window-modal: a second import or a quit must not start while this one writes.
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel_event.set()
        self.dialog.setLabelText("Cancelling…")

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def _on_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _finish(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self._thread.quit()
        self._thread.wait()

    def _on_success(self, result: Any) -> None:
        self._finish()
        self.finished.emit(result)

    def _on_failure(self, exc: BaseException) -> None:
        self._finish()
        self.failed.emit(exc)
