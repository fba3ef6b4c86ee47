"""What changed in the library: a plain value, told by the catalog to whoever listens."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Songs past which a change is a scan's or an import's: whatever can follow it a moment later
# does so on a later turn of the event loop, so a keystroke does not wait for all of it.
BULK_SONGS = 500


@dataclass(frozen=True)
class LibraryChange:
    """Ids by what happened to them. ``personal``: audio links, saved lyrics, offsets;
    ``played``: a play was recorded. ``catalog_replaced``: so much changed (an import) that
    views should rebuild rather than patch."""

    added: frozenset[str] = frozenset()  # song ids
    changed: frozenset[str] = frozenset()  # song ids whose catalog entry changed
    removed: frozenset[str] = frozenset()  # song ids
    dramas: frozenset[str] = frozenset()  # drama ids added, changed or removed
    people: frozenset[str] = frozenset()  # person ids added, changed or removed
    personal: frozenset[str] = frozenset()  # song ids
    played: frozenset[str] = frozenset()  # song ids
    catalog_replaced: bool = False

    @property
    def catalog_changed(self) -> bool:
        return bool(
            self.catalog_replaced
            or self.added
            or self.changed
            or self.removed
            or self.dramas
            or self.people
        )

    @property
    def is_bulk(self) -> bool:
        """A scan's or an import's change (see :data:`BULK_SONGS`)."""
        sizes = (self.added, self.changed, self.removed, self.personal, self.played)
        return self.catalog_replaced or sum(map(len, sizes)) > BULK_SONGS

    def touches(self, song_id: str) -> bool:
        return any(
            song_id in ids
            for ids in (self.added, self.changed, self.removed, self.personal, self.played)
        )


def ids(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)
