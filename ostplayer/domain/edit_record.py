"""One user action as the library writes it: the catalog's part and the personal data
(saved lyrics, links, notes, play counts) it moves, each as before and after, so that
undoing it is writing the befores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .catalog_edits import CatalogEdit

Row = dict[str, Any] | None
Stats = tuple[int, float | None]


@dataclass(frozen=True)
class Edit:
    """One user action as written: the catalog's part and the personal data it moved.
    ``personal``/``plays``: song id -> (before, after)."""

    catalog: CatalogEdit
    personal: Mapping[str, tuple[Row, Row]] = field(default_factory=dict)
    plays: Mapping[str, tuple[Stats, Stats]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.catalog.label

    def reversed(self) -> Edit:
        return Edit(
            self.catalog.reversed(),
            {k: (a, b) for k, (b, a) in self.personal.items()},
            {k: (a, b) for k, (b, a) in self.plays.items()},
        )


def rebase_row(current: Row, before: Row, after: Row) -> Row:
    """The row to write for an edit from ``before`` to ``after`` when the row is now
    ``current``: only the fields the edit changed are set, so whatever else changed the
    row since (a file linked, lyrics saved, a scan) survives an undo or a redo."""
    if current == before:
        return after
    old, new = before or {}, after or {}
    row = dict(current or {})
    for key in old.keys() | new.keys():
        if old.get(key) != new.get(key) or (key in old) != (key in new):
            if key in new:
                row[key] = new[key]
            else:
                row.pop(key, None)
    return row if row.keys() - {"song"} else None
