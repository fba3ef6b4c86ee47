"""Writing catalog edits: one journal line per edit, the catalog file rewritten only at a
quiet moment (see :mod:`.journal`), and the personal data a merge moves.

Owned by the :class:`~ostplayer.catalog.library.Library` (``library.edits``); kept apart from
it so the library's own module stays about loading, imports and personal data.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..domain.catalog_edits import (
    SECTION_ORDER,
    CatalogEdit,
    EditRefused,
    apply_edit,
    check_edit,
    to_dict,
)
from ..domain.catalog_format import CatalogBuilder, CatalogFormatError
from ..domain.edit_record import Edit, Row, Stats, rebase_row
from ..domain.models import Catalog
from .edit_refs import SongRefs
from .events import LibraryChange, ids
from .journal import EditJournal, Op, file_stamp
from .library_loading import move_aside

if TYPE_CHECKING:
    from .library import Library

JOURNAL_NAME = "library.edits.jsonl"
FOLD_AFTER = 200  # edits in the journal before a quiet moment folds them into the file


class CatalogEdits:
    def __init__(self, library: Library) -> None:
        self.library = library
        self._lock = threading.RLock()
        self._refs = SongRefs()
        path = library.data_dir / JOURNAL_NAME
        self.journal = EditJournal(path)
        if self.journal.unusable:
            library.notices.append(self.journal.unusable)
        torn = self.journal.skipped_lines - self.journal.damaged_lines
        if self.journal.damaged_lines:
            kept = self.journal.damaged_copy
            library.notices.append(
                f"{self.journal.damaged_lines} damaged line(s) of the catalog edit journal could"
                " not be read and were skipped; every other edit was kept."
                + (f" The journal as it was is in {kept}." if kept else "")
            )
        if torn:
            library.notices.append(
                f"{torn} unfinished edit(s) at the end of the edit journal"
                " were skipped (a crash while saving them); every other edit was kept."
            )
        stamp = file_stamp(library.library_path)
        if len(self.journal) and self.journal.base is not None and self.journal.base != stamp:
            # The file was written whole since (a fold or an import, then a crash before the
            # journal was emptied): the edits are in it. Or it was replaced by a backup or a
            # fresh catalog: then they are not, and are kept aside rather than replayed over it.
            reset = bool(library.notices)
            moved = move_aside(path)
            self.journal = EditJournal(path)
            if reset:
                library.notices.append(
                    f"Catalog edits made since the library was last saved whole were kept in"
                    f" {moved}; they were not applied to the restored library."
                )
        if len(self.journal):
            try:
                library.catalog = replay(library.catalog, self.journal.edits)
            except CatalogFormatError as exc:
                moved = move_aside(path)
                self.journal = EditJournal(path)
                library.notices.append(
                    f"Your recent catalog edits could not be applied ({exc}); they were moved to"
                    f" {moved} and the library opened as last saved."
                )

    # --- writing ----------------------------------------------------------------------------

    def apply(self, edit: Edit | CatalogEdit) -> Edit:
        """Check, write durably (one fsynced line) and announce. Raises EditRefused."""
        if isinstance(edit, CatalogEdit):
            edit = Edit(edit)
        lib = self.library
        with lib._write_lock, self._lock:
            before = lib.catalog
            after = apply_edit(before, edit.catalog)
            checked = check_edit(before, after, edit.catalog)
            # Personal data first: a crash before the journal line leaves both songs and the
            # target with the moved data as well; never the merge without the data.
            self._write_personal(edit.personal)
            self._write_plays(edit.plays)
            if checked.changes:
                # The file's stamp heads a new journal (see .journal); read only then.
                stamp = None if len(self.journal) else file_stamp(lib.library_path)
                self.journal.append(_ops(checked), stamp)
            lib.catalog = after
            self._refs.follow(before, after, checked)
            change = self._change(before, after, edit)
        lib.events.announce(change)
        return Edit(checked, edit.personal, edit.plays)

    def undo(self, edit: Edit) -> Edit:
        return self.apply(edit.reversed())

    def _write_personal(self, changes: Mapping[str, tuple[Row, Row]]) -> None:
        lib = self.library
        if not changes:
            return
        with lib._personal_lock:
            # One atomic write of whole rows (two writes could tear). Each row changes only
            # in the fields the edit changed: an undo must not take back a link or lyrics
            # saved after the edit it undoes.
            rows = dict(lib._personal)
            for song_id, (before, after) in changes.items():
                row = rebase_row(rows.get(song_id), before, after)
                if row is None:
                    rows.pop(song_id, None)
                else:
                    rows[song_id] = {**row, "song": song_id}
            lib._personal_file.replace_all({"songs": list(rows.values())})
            lib._personal = rows

    def _write_plays(self, plays: Mapping[str, tuple[Stats, Stats]]) -> None:
        if plays:
            self.library.history.set_counts(plays)  # the days of the plays move with them

    def _change(self, before: Catalog, after: Catalog, edit: Edit) -> LibraryChange:
        songs: dict[str, set[str]] = {"added": set(), "changed": set(), "removed": set()}
        dramas, people = set(), set()
        for c in edit.catalog.changes:
            if c.section == "songs":
                kind = "added" if c.before is None else "removed" if c.after is None else "changed"
                songs[kind].add(c.id)
            elif c.section == "dramas":
                dramas.add(c.id)
            elif c.section == "people":
                people.add(c.id)
        # Songs whose text comes from an edited drama or person change in every view too.
        touched = set(songs["changed"])
        if dramas or people:
            touched |= self._refs.songs_naming(after, dramas, people)
        touched -= songs["added"] | songs["removed"]
        return LibraryChange(
            added=ids(songs["added"]),
            changed=ids(touched),
            removed=ids(songs["removed"]),
            dramas=ids(dramas),
            people=ids(people),
            personal=ids(edit.personal),
            played=ids(edit.plays),
        )

    # --- folding ----------------------------------------------------------------------------

    def pending(self) -> int:
        return len(self.journal)

    def fold(self) -> bool:
        """Write the catalog whole and drop the journal lines it now holds. Safe on a worker
        thread; edits made meanwhile wait (the file write takes a second or two at 100k)."""
        lib = self.library
        with lib._write_lock, self._lock:
            count = len(self.journal)
            if not count:
                return False
            lib._write_catalog(lib.catalog)
            self.journal.drop_first(count, file_stamp(lib.library_path))
        return True

    def after_full_write(self) -> None:
        """The catalog file was just written whole (an import): the journal is in it."""
        with self._lock:
            if len(self.journal):
                self.journal.drop_first(len(self.journal), file_stamp(self.library.library_path))


def _ops(edit: CatalogEdit) -> list[Op]:
    return [
        {"del": c.section, "id": c.id}
        if c.after is None
        else {"put": c.section, "doc": to_dict(c.section, c.after)}
        for c in edit.changes
    ]


def replay(catalog: Catalog, edits: Iterable[list[Op]]) -> Catalog:
    """The catalog with journal edits applied: the last operation on each entry wins, so
    replaying edits already in the catalog changes nothing. Validated as an import."""
    last: dict[tuple[str, str], dict[str, Any] | None] = {}
    for ops in edits:
        for op in ops:
            if "put" in op:
                doc = op["doc"]
                last[(op["put"], str(doc.get("id")))] = doc
            else:
                last[(op["del"], op["id"])] = None
    if not last:
        return catalog
    sections = {s: dict(getattr(catalog, s)) for s in SECTION_ORDER}
    for (section, ident), doc in last.items():
        if section not in sections:
            raise CatalogFormatError("", f"unknown catalog section {section!r} in an edit")
        if doc is None:
            sections[section].pop(ident, None)
    base = Catalog(**sections)
    builder = CatalogBuilder(base)
    puts = sorted(
        ((s, d) for (s, _), d in last.items() if d is not None),
        key=lambda sd: SECTION_ORDER.index(sd[0]),
    )
    for i, (section, doc) in enumerate(puts):
        getattr(builder, f"add_{section}")(doc, i)
    built = builder.finish()
    for section in SECTION_ORDER:
        sections[section].update(getattr(built, section))
    return Catalog(**sections)


__all__ = ["CatalogEdits", "Edit", "EditRefused", "replay"]
