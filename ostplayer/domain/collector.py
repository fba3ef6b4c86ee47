"""Python's cyclic garbage collector, held back while bulk work builds what will live on.

A full collection walks every tracked object that is not frozen. While a scan or a search
index build creates hundreds of thousands of objects, CPython 3.11 starts one each time the
old generation has grown by a quarter: 40-110 ms each, holding the GIL, so the GUI thread's
keystrokes waited behind them (bench_scan's window part logged four in one scan), and each
freed nothing. Under a hold the young collections still run (a cycle made and dropped at
once is still freed); what the work built is frozen when the last hold ends, as the app
freezes what the library loaded at start-up.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


# The collector is one per process, and so is the count of the holds on it: two holds at
# once (a scan while the search index builds) must not end each other's.
class _Holds:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.threshold: tuple[int, int, int] = gc.get_threshold()


_holds = _Holds()
_NEVER = 1 << 30  # full collections wait for this many young ones: never, in practice


@contextmanager
def full_collections_held() -> Iterator[None]:
    """Within this block no full collection runs, in any thread; at the end of the last
    block, everything alive is frozen (out of later full collections' walk)."""
    with _holds.lock:
        if _holds.count == 0:
            _holds.threshold = gc.get_threshold()
            young, middle, _old = _holds.threshold
            gc.set_threshold(young, middle, _NEVER)
        _holds.count += 1
    try:
        yield
    finally:
        with _holds.lock:
            _holds.count -= 1
            if _holds.count == 0:
                gc.freeze()
                gc.set_threshold(*_holds.threshold)


def holds() -> int:
    """How many blocks hold the collector now (for tests)."""
    return _holds.count
