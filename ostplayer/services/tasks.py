"""Work off the GUI thread: one helper for every background job, as Picard's ``util/thread.py``.

A job is a plain function taking a :class:`TaskContext`. From its own thread it reports
progress (``ctx.progress(done, total, text)``), hands over partial results as they come
(``ctx.partial(item)``), and stops at its next checkpoint once the user cancels (both calls
raise :class:`Cancelled` then). Everything it reports reaches the GUI thread through queued
signals of a :class:`Task`, batched so that a scan finding thousands of files a second does
not flood the event loop: progress at most every 50 ms, partial results in lists.

The GUI thread never waits on a job, except :meth:`TaskRunner.shutdown` at quit, bounded.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from .dispatch import GuiDispatcher
from .workers import Workers

FLUSH_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised inside a job by its context once the task was cancelled."""


class TaskContext:
    """What a job sees of its task, on the job's own thread."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._pending: list[Any] = []
        self._progress: tuple[int, int, str] | None = None
        self._last_flush = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.check()
        with self._lock:
            self._progress = (done, total, text)
        self._maybe_flush()

    def partial(self, item: Any) -> None:
        self.check()
        with self._lock:
            self._pending.append(item)
        self._maybe_flush()

    def _maybe_flush(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_flush < FLUSH_INTERVAL_S:
            return
        self._last_flush = now
        with self._lock:
            items, self._pending = self._pending, []
            progress, self._progress = self._progress, None
        task = self._task
        if items:
            task.dispatcher.post(task, task.partial.emit, items)
        if progress is not None:
            task.dispatcher.post(task, task.progressed.emit, *progress)


class Task(QObject):
    """One job's life, seen from the GUI thread."""

    progressed = Signal(int, int, str)  # done, total, what it is doing now
    partial = Signal(list)  # items handed over since the last batch
    finished = Signal(object)  # the job's return value
    failed = Signal(object)  # the exception (with ``__traceback_text__``)
    cancelled = Signal()
    done = Signal()  # after any of the three above

    def __init__(
        self,
        name: str,
        job: Callable[[TaskContext], Any],
        dispatcher: GuiDispatcher,
        parent: QObject,
        workers: Workers,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._job = job
        self.dispatcher = dispatcher
        self.context = TaskContext(self)
        self._workers = workers
        self._ended = threading.Event()
        self._running = False

    def start(self) -> None:
        self._running = True
        self._workers.submit(self._run)

    def cancel(self) -> None:
        self.context._cancel.set()

    def is_running(self) -> bool:
        return self._running and not self._ended.is_set()

    @property
    def is_cancelled(self) -> bool:
        return self.context.cancelled

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Block until the job has ended; only for quitting. True if it did."""
        return self._ended.wait(timeout_s)

    def _run(self) -> None:
        thread = threading.current_thread()
        thread.name, pool_name = f"task-{self.name}", thread.name  # for logs and profiles
        try:
            result = self._job(self.context)
        except Cancelled:
            outcome, value = "cancelled", None
        except BaseException as exc:  # reported on the GUI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            outcome, value = "failed", exc
        else:
            outcome, value = "finished", result
        finally:
            thread.name = pool_name
        self.context._maybe_flush(force=True)
        self._ended.set()
        self.dispatcher.post(self, self._on_end, outcome, value)

    def _on_end(self, outcome: str, value: Any) -> None:
        self._running = False
        if outcome == "finished":
            self.finished.emit(value)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
        self.done.emit()


class TaskRunner(QObject):
    """Starts tasks and knows which still run (quit asks to cancel them)."""

    started = Signal(object)  # Task

    def __init__(self, dispatcher: GuiDispatcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dispatcher = dispatcher
        self.workers = Workers()
        self._tasks: list[Task] = []
        self._abandoned: list[Task] = []

    def run(self, name: str, job: Callable[[TaskContext], Any]) -> Task:
        task = Task(name, job, self.dispatcher, self, self.workers)
        self._tasks.append(task)
        task.done.connect(lambda: self._forget(task))
        task.start()
        self.started.emit(task)
        return task

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        # Deleted later: slots of this emission may still be running.
        QTimer.singleShot(0, task.deleteLater)

    def running(self, name: str | None = None) -> list[Task]:
        return [t for t in self._tasks if t.is_running() and (name is None or t.name == name)]

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Cancel everything and give the jobs a moment to reach a checkpoint."""
        deadline = time.monotonic() + timeout_s
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            if not task.wait(max(0.0, deadline - time.monotonic())):
                # Still in a blocking call (a hung mount): it may emit later, so its Task
                # must outlive the window instead of being destroyed under it.
                task.setParent(None)
                self._abandoned.append(task)
        self.workers.close()
