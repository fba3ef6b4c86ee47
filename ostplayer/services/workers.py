"""The threads background tasks run on: started once, then reused.

``threading.Thread.start()`` waits until the new thread runs, and while other threads keep
the interpreter busy (a scan, the search index being built) that wait took the GUI thread
4-25 ms per task; a scan's end starts three. A thread that finished its job waits here for
the next one instead, and a thread taking the last idle one's place starts a spare itself,
so handing over a job is putting it in a queue. The threads are daemons, as the tasks' own
threads were: a job stuck in a blocking call (a hung mount) never keeps the app from
quitting.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Workers:
    def __init__(self, name: str = "task") -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0
        self._started = 0
        self._closed = False

    def submit(self, job: Callable[[], None]) -> None:
        """Run ``job()`` on a worker thread; starts a thread only if none is idle (the
        first time: a thread taking a job starts a spare itself, so the caller's thread
        does not wait for one to start next time)."""
        with self._lock:
            start = self._idle == 0
            if start:
                self._started += 1
            else:
                self._idle -= 1  # that thread is as good as taken: the job is for it
        self._jobs.put(job)
        if start:
            self._start()

    def _keep_one_spare(self) -> None:
        with self._lock:
            spare = self._idle == 0 and not self._closed
            if spare:
                self._started += 1
                self._idle += 1  # counted at once: it will be waiting for the next job
        if spare:
            self._start()

    def _start(self) -> None:
        name = f"{self._name}-{self._started}"
        threading.Thread(target=self._work, name=name, daemon=True).start()

    def close(self) -> None:
        """Let the idle threads end, and the busy ones once their job is done."""
        with self._lock:
            idle, self._idle, self._closed = self._idle, 0, True
        for _ in range(idle):
            self._jobs.put(None)

    @property
    def threads(self) -> int:
        """Threads started so far."""
        return self._started

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            self._keep_one_spare()
            try:
                job()
            except Exception:  # a task reports its own failures: this is a bug in one
                log.exception("a background job failed outside its task")
            with self._lock:
                if self._closed:
                    return
                self._idle += 1
