"""The background threads are reused (handing a job over never waits for a thread to
start, after the first), and the cyclic collector's full collections are held back while
bulk work runs (they paused the window 40-110 ms each during a scan), then restored."""

from __future__ import annotations

import gc
import threading

from ostplayer.domain.collector import full_collections_held, holds
from ostplayer.services.workers import Workers


def _run_jobs(workers: Workers, count: int) -> list[str]:
    names: list[str] = []
    for _ in range(count):
        done = threading.Event()

        def job(done: threading.Event = done) -> None:
            names.append(threading.current_thread().name)
            done.set()

        workers.submit(job)
        assert done.wait(10)
    return names


def test_jobs_one_after_another_reuse_the_same_threads() -> None:
    workers = Workers("test")
    names = _run_jobs(workers, 20)
    assert len(names) == 20
    # One thread for the jobs and one spare waiting for the next: not one per job.
    assert workers.threads <= 3
    workers.close()


def test_jobs_at_once_each_get_a_thread_and_all_finish() -> None:
    workers = Workers("test")
    release = threading.Event()
    started = threading.Semaphore(0)
    finished: list[int] = []

    def job(n: int) -> None:
        started.release()
        release.wait(10)
        finished.append(n)

    for n in range(5):
        workers.submit(lambda n=n: job(n))
    for _ in range(5):
        assert started.acquire(timeout=10)  # five jobs running side by side
    release.set()
    for _ in range(100):
        if len(finished) == 5:
            break
        threading.Event().wait(0.05)
    assert sorted(finished) == [0, 1, 2, 3, 4]
    workers.close()


def test_a_failing_job_does_not_take_its_thread_down() -> None:
    workers = Workers("test")
    workers.submit(lambda: 1 / 0)
    assert len(_run_jobs(workers, 3)) == 3
    workers.close()


def test_closed_workers_let_their_threads_end() -> None:
    workers = Workers("closing")
    _run_jobs(workers, 3)
    workers.close()
    for thread in threading.enumerate():
        if thread.name.startswith("closing-"):
            thread.join(10)
            assert not thread.is_alive()


def _no_other_holds() -> None:
    # A search index still being built by an earlier test's window holds the collector too.
    for _ in range(600):
        if holds() == 0:
            return
        threading.Event().wait(0.05)
    raise AssertionError("the collector is still held by something else")


def test_full_collections_are_held_while_bulk_work_runs_and_restored_after() -> None:
    _no_other_holds()
    before = gc.get_threshold()
    with full_collections_held():
        assert gc.get_threshold()[2] > 1_000_000
        assert gc.get_threshold()[:2] == before[:2]  # young collections still run
        with full_collections_held():  # a second hold at once (the search index)
            assert holds() >= 2
        assert gc.get_threshold()[2] > 1_000_000  # the first is still on
    _no_other_holds()
    assert gc.get_threshold() == before


def test_what_bulk_work_built_is_frozen_when_the_hold_ends() -> None:
    _no_other_holds()
    frozen = gc.get_freeze_count()
    with full_collections_held():
        kept = [[n] for n in range(1000)]  # lists: always tracked by the collector
    _no_other_holds()
    assert gc.get_freeze_count() >= frozen + len(kept)
    gc.unfreeze()  # the rest of the test session as it was
