"""Export with "include my personal data", and importing a file that has it.

The catalog part of a file is what it always was; the user's own marks (hearts, ratings,
notes on songs and dramas, plays, file paths) go into a separate ``personal`` section only
when asked for (:mod:`ostplayer.domain.personal_export` describes it, and
:mod:`ostplayer.domain.personal_merge` how it joins a library). An older OST Player ignores
the section and imports the catalog.

On import the whole file is checked first, the personal section included: a bad value
refuses the file before anything is written. Then the catalog is merged (one write), then the
personal data (one write of each file it touches, as one edit).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Container
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.catalog_edits import CatalogEdit
from ..domain.catalog_format import catalog_from_dict, catalog_to_dict
from ..domain.edit_record import Edit
from ..domain.models import Catalog
from ..domain.personal_export import (
    RATING_MAX,
    SECTION,
    PersonalSection,
    SongMarks,
    section_from_dict,
    section_to_dict,
)
from ..domain.personal_merge import (
    FILE,
    MISSING,
    OTHER,
    Counts,
    joined_notes,
    merged_song_row,
    own_plays,
)
from ..media.sniff import link_problem
from .library_loading import read_catalog_data
from .personal_dramas import drama_key

if TYPE_CHECKING:
    from .library import Library

__all__ = ["export_with_personal", "import_personal", "read_export_file"]


def read_export_file(
    path: Path, known: Catalog, progress: Callable[[int, int], None] | None = None
) -> tuple[Catalog, PersonalSection | None]:
    """The file's catalog and its checked personal section (None when it has none).
    Raises CatalogFormatError naming what is wrong, with the same words as a catalog import."""
    data = read_catalog_data(path)
    catalog = catalog_from_dict(data, known=known, progress=progress)
    if not isinstance(data, dict) or SECTION not in data:
        return catalog, None
    songs = _Either(known.songs, catalog.songs)
    dramas = _Either(known.dramas, catalog.dramas)
    return catalog, section_from_dict(data[SECTION], songs, dramas)


class _Either(Container[str]):
    def __init__(self, *parts: Container[str]) -> None:
        self.parts = parts

    def __contains__(self, item: object) -> bool:
        return any(item in part for part in self.parts)


def export_with_personal(library: Library, path: Path) -> None:
    """The catalog and the user's own data, in one file written atomically."""
    from ..media.atomic import json_bytes, write_file_atomically

    data = catalog_to_dict(library.catalog)
    own = library.drama_personal.own_id(create=True)
    assert own is not None
    songs: dict[str, SongMarks] = {}
    for song_id in library.catalog.songs:
        row = library.personal(song_id)
        stats = library.play_stats(song_id)
        plays = own_plays(row, stats.count)
        rating = row.get("rating")
        notes = row.get("notes")
        songs[song_id] = SongMarks(
            favourite=True if row.get("favourite") is True else None,
            rating=rating if isinstance(rating, int) and 0 < rating <= RATING_MAX else None,
            notes=notes if isinstance(notes, str) and notes else None,
            plays=plays,
            last_played=stats.last_played if plays else None,
            files=tuple(library.audio_files(song_id)),
        )
    dramas = {d: library.drama_personal.notes(d) for d in library.catalog.dramas}
    data[SECTION] = section_to_dict(own, songs, dramas)
    write_file_atomically(path, json_bytes(data, indent=1))


def import_personal(library: Library, section: PersonalSection) -> str:
    """Join a checked section to the library (after its catalog was merged); what changed,
    in words. Rows of songs or dramas gone meanwhile (an edit on another thread) are left out."""
    catalog = library.catalog
    own = library.drama_personal.own_id()
    marks_of = {s: m for s, m in section.songs.items() if s in catalog.songs}
    paths = {p for m in marks_of.values() for p in m.files}
    paths |= {a for s in marks_of if (a := library.audio_path(s))}
    kinds = {p: _on_disk(p) for p in paths}
    counts = Counts()
    personal: dict[str, Any] = {}
    plays: dict[str, Any] = {}
    for song_id, marks in marks_of.items():
        before = library.personal(song_id)
        stats = library.play_stats(song_id)
        was = (stats.count, stats.last_played)
        row, now = merged_song_row(
            before, marks, origin=section.library, own_id=own, stats=was, kinds=kinds,
            counts=counts,
        )  # fmt: skip
        row["song"] = song_id
        if row != {**before, "song": song_id}:
            personal[song_id] = (before or None, row)
        if now != was:
            plays[song_id] = (was, now)
    for drama_id, theirs in section.dramas.items():
        if drama_id not in catalog.dramas:
            continue
        before = library.drama_personal.row(drama_id)
        mine = before.get("notes") if isinstance(before.get("notes"), str) else ""
        notes = joined_notes(mine, theirs)
        if notes is not None:
            personal[drama_key(drama_id)] = (
                before or None,
                {**before, "drama": drama_id, "notes": notes},
            )
            counts.notes += 1
    if personal or plays:
        library.edits.apply(Edit(CatalogEdit("Import personal data", ()), personal, plays))
    return counts.describe()


def _on_disk(path: str) -> str:
    """FILE, MISSING or OTHER: asked on the import's worker thread, never the GUI's. A file
    is linked only when it is audio by its content, as a link the user makes must be (a
    shared file could name anything: a document, /proc/self/mem)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return MISSING
    if not stat.S_ISREG(mode):
        return OTHER
    return FILE if link_problem(path) is None else OTHER
