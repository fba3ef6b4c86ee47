"""Tags understood while a scan is still reading files.

Understanding a file's tags (``TagReader.understand``: which drama, which part, who sings) is
the costliest step of planning a scan. The scan's worker processes read tags while the thread
that started them mostly waits for results, so that thread understands each file as it arrives
(``add``) and ``plan_scan`` later takes the answers it finds here instead of starting over.
"""

from __future__ import annotations

from collections.abc import Container

from .matching import CatalogMatcher
from .models import Catalog
from .tag_text import TagReader, TrackMeaning
from .track_facts import TrackFacts

__all__ = ["TrackReadings"]


class TrackReadings:
    """``understand`` for a scan's files against one catalog, remembered by path.

    ``skip``: paths not to understand as they arrive (files already linked to their song:
    ``plan_scan`` does not read their tags either, and a rescan is mostly these).
    """

    def __init__(self, catalog: Catalog, skip: Container[str] = ()) -> None:
        self.catalog = catalog
        self.matcher = CatalogMatcher(catalog)
        self._reader = TagReader(self.matcher)
        self._skip = skip
        self._meanings: dict[str, tuple[TrackFacts, TrackMeaning]] = {}

    def add(self, track: TrackFacts) -> None:
        if track.path not in self._skip:
            self._meanings[track.path] = (track, self._reader.understand(track))

    def meaning(self, track: TrackFacts) -> TrackMeaning:
        """What the file's tags say; understood now unless it arrived with these facts."""
        found = self._meanings.get(track.path)
        if found is not None and found[0] == track:
            return found[1]
        return self._reader.understand(track)
