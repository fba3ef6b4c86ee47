"""Which songs show a drama's or a person's name, kept current across edits.

An edit of a drama or a person changes the text of every song that shows it (rows, pages,
the search index), so those songs are announced too. Finding them by scanning 100,000 songs
per edit costs more than the whole edit; this index is built once (at the first such edit)
and then patched with each edit's own songs. A catalog replaced by other means (an import)
is noticed by identity and indexed again.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.catalog_edits import CatalogEdit
from ..domain.models import Catalog, Song


class SongRefs:
    def __init__(self) -> None:
        self._for: Catalog | None = None
        self._by_drama: dict[str | None, set[str]] = {}
        self._by_person: dict[str, set[str]] = {}

    def _build(self, catalog: Catalog) -> None:
        self._by_drama, self._by_person = {}, {}
        for song in catalog.songs.values():
            self._add(song)
        self._for = catalog

    def _add(self, song: Song) -> None:
        self._by_drama.setdefault(song.drama, set()).add(song.id)
        for credit in song.performers:
            for pid in (credit.person, credit.group):
                if pid:
                    self._by_person.setdefault(pid, set()).add(song.id)

    def _discard(self, song: Song) -> None:
        self._by_drama.get(song.drama, set()).discard(song.id)
        for credit in song.performers:
            for pid in (credit.person, credit.group):
                if pid:
                    self._by_person.get(pid, set()).discard(song.id)

    def follow(self, before: Catalog, after: Catalog, edit: CatalogEdit) -> None:
        """The catalog went from ``before`` to ``after`` by ``edit``."""
        if self._for is not before:
            self._for = None  # built lazily, for ``after``, when first asked
            return
        for c in edit.changes:
            if c.section != "songs":
                continue
            if c.before is not None:
                self._discard(c.before)
            if c.after is not None:
                self._add(c.after)
        self._for = after

    def songs_naming(self, catalog: Catalog, dramas: Iterable[str], people: set[str]) -> set[str]:
        """Songs of these dramas, credited to these people, or in dramas that cast them."""
        if self._for is not catalog:
            self._build(catalog)
        hit_dramas = set(dramas)
        if people:
            hit_dramas |= {
                d.id for d in catalog.dramas.values() if any(m.actor in people for m in d.cast)
            }
        out: set[str] = set()
        for drama_id in hit_dramas:
            out |= self._by_drama.get(drama_id, set())
        for pid in people:
            out |= self._by_person.get(pid, set())
        return out
