"""After an edit, the browser and the search index change only the rows the edit touched.

Rebuilding the browser and the search index for 100,000 songs because one title changed
would take seconds and lose the user's place; an edit that adds or removes no song and moves
no song to another group is patched in place: the rows repaint with their new text and the
index answers for the edited songs from their new words. Anything bigger (a drama renamed,
which re-sorts the dramas; a song added) is rebuilt as an import is.
"""

from __future__ import annotations

from ..domain.changes import LibraryChange
from ..domain.grouping import Grouping
from ..domain.models import Catalog, Song
from .browser_model import BrowserModel
from .search_service import SearchService


class ViewPatcher:
    def __init__(self, model: BrowserModel, search: SearchService) -> None:
        self.model = model
        self.search = search
        self._positions: dict[str, int] = {}
        self._for: list[Song] | None = None

    def _position_of(self, song_id: str) -> int | None:
        if self._for is not self.model.songs:  # regrouped or a new catalog: look again
            self._positions = {s.id: p for p, s in enumerate(self.model.songs)}
            self._for = self.model.songs
        return self._positions.get(song_id)

    def patch(self, change: LibraryChange, catalog: Catalog) -> str:
        """Apply the change in place: "rows" when the browser rows were patched, "regroup"
        when only the search index could be (the browser must regroup: a drama renamed moves
        in the list), "" when it needs the full rebuild."""
        if change.catalog_replaced or change.added or change.removed:
            return ""
        model = self.model
        old = model.catalog
        if len(old.songs) != len(catalog.songs):
            return ""
        positions = []
        for song_id in change.changed:
            p = self._position_of(song_id)
            if p is None or song_id not in catalog.songs:
                return ""
            positions.append(p)
        # No song came or went, so positions are the same in the new catalog.
        self.search.patch(catalog, positions)
        if not self._rows_stay(change, old, catalog):
            return "regroup"
        model.catalog = catalog
        for p in positions:
            model.songs[p] = catalog.songs[model.songs[p].id]
        model.refresh_songs(change.changed)
        return "rows"

    def _rows_stay(self, change: LibraryChange, old: Catalog, new: Catalog) -> bool:
        """Every edited song stays in its group and place, and no group label changes."""
        grouping = self.model.grouping
        if change.people and grouping in (Grouping.ARTIST, Grouping.ACTOR):
            return False  # the groups are named after people
        for drama_id in change.dramas:
            before, after = old.dramas.get(drama_id), new.dramas.get(drama_id)
            if before is None or after is None:
                return False
            if (before.title, before.year) != (after.title, after.year):
                return False  # group label and order
            if grouping is Grouping.ACTOR and before.cast != after.cast:
                return False
        for song_id in change.changed:
            was, now = old.songs[song_id], new.songs[song_id]
            if (was.drama, was.ost_order) != (now.drama, now.ost_order):
                return False
            if grouping is Grouping.ARTIST and was.performers != now.performers:
                return False
        return True
