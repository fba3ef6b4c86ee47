"""Catalog edits that also carry notes on dramas: written, undone and redone like any edit.

An :class:`Edit`'s personal part maps song ids to (before, after) rows; a drama's row rides
in it under ``drama:<id>`` (:func:`.personal_dramas.drama_key`), so the undo stack, which
knows nothing of dramas, reverses it with the rest. Here those rows are taken out, written
to the drama file, and put back into the edit that is returned.

Merging two dramas keeps both notes on the survivor, as merging two songs does. A merge made
by :func:`ostplayer.catalog.merges.drama_merge` does not carry them (yet), so a drama merge
is recognised by its shape (one drama removed, its songs or titles moved to one other) and
the notes are joined in the same edit; an edit that already carries drama rows (a redo, or a
merge that brings its own via :func:`drama_notes_moves`) is written as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..domain.catalog_edits import CatalogEdit
from ..domain.edit_record import Edit, Row
from ..domain.personal_merge import joined_notes
from .edits import CatalogEdits
from .events import LibraryChange, ids
from .personal_dramas import drama_key, drama_of

if TYPE_CHECKING:
    from .library import Library

__all__ = ["PersonalCatalogEdits", "drama_notes_moves"]

log = logging.getLogger(__name__)


class PersonalCatalogEdits(CatalogEdits):
    library: Library

    def apply(self, edit: Edit | CatalogEdit) -> Edit:
        if isinstance(edit, CatalogEdit):
            edit = Edit(edit)
        songs, dramas = split(edit.personal)
        if not dramas:
            dramas = split(self._merged_notes(edit.catalog))[1]
        if edit.catalog.changes or songs or edit.plays or not dramas:
            done = super().apply(Edit(edit.catalog, songs, edit.plays))
        else:
            done = Edit(edit.catalog)  # a note alone: no journal line, no catalog event
        if dramas:
            # After the catalog's part: an edit the catalog refuses leaves the notes as they
            # were; a crash in between loses no note (the merged-away drama keeps its own).
            try:
                self.library.drama_personal.write(dramas)
            except OSError:
                if not (done.catalog.changes or done.personal or done.plays):
                    raise  # a note alone: refused, nothing changed
                # The catalog's part is written and undoable; the notes stay where they were.
                log.warning("notes on dramas not joined after %r", edit.label, exc_info=True)
                dramas = {}
            else:
                self.library.events.announce(LibraryChange(dramas=ids(dramas)))
        moved = {drama_key(d): v for d, v in dramas.items()}
        return Edit(done.catalog, {**done.personal, **moved}, done.plays)

    def _merged_notes(self, edit: CatalogEdit) -> dict[str, tuple[Row, Row]]:
        removed = [
            c.id
            for c in edit.changes
            if c.section == "dramas" and c.before is not None and c.after is None
        ]
        if len(removed) != 1:
            return {}
        targets = {
            c.id
            for c in edit.changes
            if c.section == "dramas" and c.before is not None and c.after is not None
        } | {
            c.after.drama
            for c in edit.changes
            if c.section == "songs"
            and c.before is not None
            and c.after is not None
            and c.before.drama == removed[0]
            and c.after.drama
        }
        targets.discard(removed[0])
        if len(targets) != 1:
            return {}  # a delete (its notes stay for an undo), or not a merge
        return drama_notes_moves(self.library, removed[0], targets.pop())


def drama_notes_moves(
    library: Library, source_id: str, target_id: str
) -> dict[str, tuple[Row, Row]]:
    """The personal part of merging drama ``source_id`` into ``target_id``: the target keeps
    both notes. The source's own row stays as it was (nothing the user wrote is dropped, and
    deleting or merging is undone by the catalog alone)."""
    source = library.drama_personal.notes(source_id)
    before = library.drama_personal.row(target_id)
    notes = joined_notes(
        before.get("notes") if isinstance(before.get("notes"), str) else "", source
    )
    if notes is None:
        return {}
    after = {**before, "drama": target_id, "notes": notes}
    return {drama_key(target_id): (before or None, after)}


def split(personal: Mapping[str, tuple[Row, Row]]) -> tuple[dict, dict]:
    """(song rows, drama rows by drama id) of an edit's personal part."""
    songs = {k: v for k, v in personal.items() if drama_of(k) is None}
    dramas = {d: v for k, v in personal.items() if (d := drama_of(k)) is not None}
    return songs, dramas
