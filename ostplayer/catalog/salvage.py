"""Reading back what can still be read from a damaged library file.

Used only when the library file and its backup both failed: rather than a fresh copy of the
bundled catalog (losing every import), every entry on an intact line is kept, as long as what
it refers to was kept too. An entry whose drama, singer or group was on a damaged line goes
with it; the damaged file itself stays where it was moved, untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.catalog_format import SECTIONS, CatalogBuilder, CatalogFormatError
from ..domain.models import Catalog
from ..media.regular_read import read_regular_file
from .store import MAX_STORE_BYTES, salvage_tables

__all__ = ["Salvaged", "salvage_catalog"]


@dataclass(frozen=True)
class Salvaged:
    catalog: Catalog
    kept: int  # entries kept
    left_out: int  # damaged lines and entries that could not be kept

    def notice(self, source: Path) -> str:
        return (
            f"{self.kept} entries of your library were read back from {source} and kept;"
            f" {self.left_out} damaged or dependent part(s) could not be and were left out"
            " (they stay in that file); the bundled catalog filled in its own songs. Import"
            " again the catalogs you had imported to fill any other gaps."
        )


def salvage_catalog(path: Path, schema_version: int) -> Salvaged | None:
    """The intact entries of ``path``, or None when nothing of it is usable."""
    try:
        tables, lost = salvage_tables(read_regular_file(path, MAX_STORE_BYTES))
    except OSError:
        return None
    # Documents under a torn table name (or none): placed by their fields.
    for name in [n for n in tables if n not in ("meta", *SECTIONS)]:
        for doc in tables.pop(name):
            section = _section_of(doc)
            if section is not None:
                tables.setdefault(section, []).append(doc)
    meta = tables.get("meta") or [{}]
    version = meta[0].get("schema_version", schema_version)  # a torn meta line: ours
    if version != schema_version:
        return None  # an older or newer layout: not ours to guess at
    builder = CatalogBuilder()
    kept = 0
    for section in SECTIONS:
        add = getattr(builder, f"add_{section}")
        docs: list[Any] = tables.get(section, [])
        for i, doc in enumerate(docs):
            try:
                add(doc, i)
            except CatalogFormatError:
                lost += 1
                continue
            kept += 1
        if section == "people":
            dropped = builder.drop_broken_groups()
            kept -= dropped
            lost += dropped
    return Salvaged(builder.finish(), kept, lost)


def _section_of(doc: dict[str, Any]) -> str | None:
    """Which table a document whose table name was torn belongs to, by its fields."""
    if "schema_version" in doc:
        return "meta"
    if "performers" in doc or "ost_order" in doc:
        return "songs"
    if "cast" in doc:
        return "dramas"
    if "introduction" in doc:
        return "features"
    if "name" in doc and "id" in doc:
        return "people"
    return None
