"""Search for the browser: the word index is built off the GUI thread after the window shows.

Building the index for 100,000 songs takes seconds of Python work; doing it before the first
paint would hold the window back, so until it is ready queries fall back to a linear scan.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from ..domain.models import Catalog
from ..domain.search import SearchIndex, query_terms, song_words


class SearchService(QObject):
    ready = Signal()  # emitted on the GUI thread (queued) once the index is built
    _built = Signal(object, object)  # catalog, index: crosses from the worker thread

    def __init__(self, catalog: Catalog, parent: QObject | None = None, *, start: bool = True):
        super().__init__(parent)
        self._built.connect(self._on_built)
        self._index: SearchIndex | None = None
        self.set_catalog(catalog, start=start)

    def set_catalog(self, catalog: Catalog, *, start: bool = True) -> None:
        """Use a new catalog; a large one is indexed in the background once ``start`` is
        called (the window calls it after its first paint, so the build never competes with
        the first frame for the interpreter)."""
        self._catalog = catalog
        self._index = None
        self._started = False
        if len(catalog.songs) <= 2000:
            self._index = SearchIndex.build(catalog)
        elif start:
            self.start()

    def start(self) -> None:
        if self._index is not None or self._started:
            return
        self._started = True
        catalog = self._catalog
        worker = threading.Thread(
            target=lambda: self._built.emit(catalog, SearchIndex.build(catalog)),
            name="search-index",
            daemon=True,
        )
        worker.start()

    def _on_built(self, catalog: Catalog, index: SearchIndex) -> None:
        if catalog is self._catalog:  # a newer catalog may have replaced it meanwhile
            self._index = index
            self.ready.emit()

    @property
    def indexed(self) -> bool:
        return self._index is not None

    def search_positions(self, query: str) -> frozenset[int] | None:
        if self._index is not None:
            return self._index.search_positions(query)
        terms = query_terms(query)
        if not terms:
            return None
        catalog = self._catalog
        return frozenset(
            i
            for i, song in enumerate(catalog.songs.values())
            if all(
                any(w.startswith(t) for w in words)
                for words in (song_words(song, catalog),)
                for t in terms
            )
        )
