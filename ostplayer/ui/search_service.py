"""Search for the browser: the word index is built off the GUI thread after the window shows.

Building the index for 100,000 songs takes seconds of Python work; doing it before the first
paint would hold the window back; until it is ready the browser says so and shows everything.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..domain.collector import full_collections_held
from ..domain.models import Catalog
from ..domain.search import SearchIndex
from ..domain.search_patch import PatchedIndex
from ..services.workers import Workers

ExtraText = Callable[[], Mapping[str, str]]
# Songs up to which the index is built on the spot (some 20 µs a song: 10 ms); a larger
# catalog is indexed on a worker thread (the browser searches again once it is ready).
BUILD_AT_ONCE = 500


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
        workers: Workers | None = None,
    ):
        """``extra``: text per song that is searched too but is not in the catalog (the
        user's saved lyrics), asked for at each build. ``workers``: the threads a large
        catalog is indexed on (the app's background threads; by default, its own)."""
        super().__init__(parent)
        self._index: SearchIndex | None = None
        self._builder = workers or Workers("search-index")
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
        if len(catalog.songs) <= BUILD_AT_ONCE:
            self._index = SearchIndex.build(catalog, self._extra())
        elif start or same:
            # On the next turn of the event loop: the window first takes in the change that
            # brought this catalog (a scan's end), without the build competing with it.
            QTimer.singleShot(0, self, lambda: self.start(force=same))

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
        # On a thread kept between jobs: starting a new one waited for it to run, up to
        # 25 ms of the GUI thread's while a scan's end kept the interpreter busy.
        self._builder.submit(lambda: carrier.built.emit(catalog, _built(catalog, extra)))

    def _on_built(self, catalog: Catalog, index: SearchIndex) -> None:
        if catalog is self._catalog:  # a newer catalog may have replaced it meanwhile
            self._index = index
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


def _built(catalog: Catalog, extra: Mapping[str, str]) -> SearchIndex:
    # The library and its index live as long as the window: built with full collections
    # held back and then frozen out of the collector's reach, or every full collection
    # walks 100,000 songs (pauses of 100+ ms in the middle of typing).
    with full_collections_held():
        return SearchIndex.build(catalog, extra)
