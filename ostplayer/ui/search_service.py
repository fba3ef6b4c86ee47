"""Search for the browser: the word index is built off the GUI thread after the window shows.

Building the index for 100,000 songs takes seconds of Python work; doing it before the first
paint would hold the window back; until it is ready the browser says so and shows everything.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QObject, Qt, Signal

from ..domain.models import Catalog
from ..domain.search import SearchIndex
from ..domain.search_patch import PatchedIndex

ExtraText = Callable[[], Mapping[str, str]]


class _Carrier(QObject):
    built = Signal(object, object)  # catalog, index: crosses from the worker thread


_CARRIERS: list[_Carrier] = []


class SearchService(QObject):
    ready = Signal()  # emitted on the GUI thread (queued) once the index is built

    def __init__(
        self,
        catalog: Catalog,
        parent: QObject | None = None,
        *,
        start: bool = True,
        extra: ExtraText | None = None,
    ):
        """``extra``: text per song that is searched too but is not in the catalog (the
        user's saved lyrics), asked for at each build."""
        super().__init__(parent)
        self._index: SearchIndex | None = None
        self._extra = extra or dict
        self.set_catalog(catalog, start=start)

    def set_catalog(self, catalog: Catalog, *, start: bool = True) -> None:
        """Use a new catalog; a large one is indexed in the background once ``start`` is
        called (the window calls it after its first paint, so the build never competes with
        the first frame for the interpreter). The same catalog again (saved lyrics changed)
        keeps answering from the old index until the new one is ready."""
        same = catalog is getattr(self, "_catalog", None)
        self._catalog = catalog
        if not same:
            self._index = None
        self._started = False
        if len(catalog.songs) <= 2000:
            self._index = SearchIndex.build(catalog, self._extra())
        elif start or same:
            self.start(force=same)

    def start(self, *, force: bool = False) -> None:
        if (self._index is not None and not force) or self._started:
            return
        self._started = True
        catalog = self._catalog
        extra = dict(self._extra())
        # The worker emits through a parentless carrier that outlives this service: if the
        # window (and this service) is destroyed mid-build, Qt drops the queued delivery
        # instead of the thread emitting from a deleted object (a crash). _CARRIERS keeps it
        # for the life of the process (one small object per index build), so its last
        # reference can never be dropped, and the object deleted, on the worker thread.
        carrier = _Carrier()
        _CARRIERS.append(carrier)
        carrier.built.connect(self._on_built, Qt.ConnectionType.QueuedConnection)
        worker = threading.Thread(
            target=lambda: carrier.built.emit(catalog, SearchIndex.build(catalog, extra)),
            name="search-index",
            daemon=True,
        )
        worker.start()

    def _on_built(self, catalog: Catalog, index: SearchIndex) -> None:
        if catalog is self._catalog:  # a newer catalog may have replaced it meanwhile
            self._index = index
            # The library and its index live as long as the window: move them out of the
            # cyclic collector's reach, or every full collection walks 100,000 songs
            # (pauses of 100+ ms in the middle of typing).
            gc.freeze()
            self.ready.emit()

    def patch(self, catalog: Catalog, positions: Collection[int]) -> None:
        """An edit changed the songs at these positions (none added or removed): answer for
        them from their new words and keep the rest of the index, instead of a rebuild."""
        if self._index is None:
            self.set_catalog(catalog)  # still building: build again from the new catalog
            return
        patched = PatchedIndex(self._index)
        patched.patch(catalog, positions, self._extra())
        self._catalog = catalog
        self._index = patched  # type: ignore[assignment]

    @property
    def indexed(self) -> bool:
        return self._index is not None

    def search_positions(self, query: str) -> frozenset[int] | None:
        """Matching song positions; None for "show everything": an empty query, or a big
        library whose index is still being built (a scan of 100,000 songs per keystroke
        would freeze the window; the browser searches again on ``ready``)."""
        if self._index is not None:
            return self._index.search_positions(query)
        return None
