"""Notes on dramas as part of an undoable :class:`Edit`.

An Edit's personal part maps song ids to (before, after) rows; a drama's row rides in it
under ``drama:<id>``. Ids are slugs, which never hold ":", so the key can be no song's id,
and the undo stack, which knows nothing of dramas, reverses it with the rest
(``catalog.personal_edits`` writes it).
"""

from __future__ import annotations

from typing import Any

from .catalog_edits import CatalogEdit
from .edit_record import Edit

__all__ = ["DRAMA_KEY", "drama_key", "drama_notes_edit", "drama_of"]

DRAMA_KEY = "drama:"


def drama_key(drama_id: str) -> str:
    return DRAMA_KEY + drama_id


def drama_of(key: str) -> str | None:
    """The drama id of an Edit's personal key; None for a song's."""
    return key[len(DRAMA_KEY) :] if key.startswith(DRAMA_KEY) else None


def drama_notes_edit(label: str, drama_id: str, before: dict[str, Any], notes: str) -> Edit:
    """The edit that sets a drama's notes (``before``: its row now, {} when it has none)."""
    after = {**before, "drama": drama_id, "notes": notes}
    return Edit(CatalogEdit(label, ()), {drama_key(drama_id): (before or None, after)})
