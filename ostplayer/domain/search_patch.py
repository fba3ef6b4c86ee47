"""A search index kept current after edits without rebuilding it.

Building the index for 100,000 songs takes seconds; an edit changes a few songs. The edited
songs' words are held beside the index and answer for those songs; every other song is
answered by the index as built. Positions are the catalog's song order, which an edit that
adds or removes no song leaves as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .models import Catalog
from .search import SearchIndex, query_terms, song_words


class PatchedIndex:
    def __init__(self, base: SearchIndex | PatchedIndex) -> None:
        if isinstance(base, PatchedIndex):
            self.base: SearchIndex = base.base
            self.words: dict[int, set[str]] = dict(base.words)
        else:
            self.base = base
            self.words = {}

    @property
    def song_ids(self) -> list[str]:
        return self.base.song_ids

    def patch(
        self, catalog: Catalog, positions: Iterable[int], extra: Mapping[str, str] | None = None
    ) -> None:
        songs = list(catalog.songs.values()) if positions else []
        more = extra or {}
        for p in positions:
            song = songs[p]
            self.words[p] = song_words(song, catalog, more.get(song.id, ""))

    def search_positions(self, query: str) -> frozenset[int] | None:
        found = self.base.search_positions(query)
        if found is None or not self.words:
            return found
        terms = query_terms(query)
        now = {
            p
            for p, words in self.words.items()
            if all(any(w.startswith(t) for w in words) for t in terms)
        }
        stale = [p for p in self.words if p in found and p not in now]
        if not stale and now <= found:
            return found
        return found.difference(stale) | now

    def search(self, query: str) -> set[str] | None:
        positions = self.search_positions(query)
        if positions is None:
            return None
        ids = self.song_ids
        return {ids[p] for p in positions}
