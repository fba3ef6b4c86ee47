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
