"""Catalog edits as the window makes them: every edit undoable and redoable, across the window.

Each edit goes through here (not straight to the library) so it lands on the undo stack; undo
applies the edit's befores as a new journalled edit, so an undone edit is as durable as any.
An entry changed since by something else (an import) is not overwritten by an undo: the undo
is refused and says why.

The journal is folded into the library file at a quiet moment: once it holds many edits and
nothing was edited for a while, on a worker thread (the write takes a second or two at 100k).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..catalog.edits import FOLD_AFTER, Edit
from ..catalog.merges import MERGES
from ..domain.catalog_edits import CatalogEdit, EditRefused
from ..domain.phrases import Phrase
from .library_service import LibraryService
from .tasks import TaskRunner
from .texts import fill, say, tr


def _tr(text: str) -> str:
    return tr("Edit", text)


QUIET_MS = 20_000

LIMIT = 200  # edits kept for undo


class EditHistory(QObject):
    changed = Signal()  # the undo/redo stacks changed (menus relabel themselves)
    message = Signal(str)  # "Undid: Edit song “…”"

    def __init__(
        self, library: LibraryService, tasks: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._fold_if_long)

    @property
    def edits(self):
        return self.library.library.edits

    def apply(self, edit: CatalogEdit | Edit) -> Edit:
        """Write an edit (raises EditRefused, naming the field) and remember it for undo.
        A write the disk refuses (full, read-only) is refused in words too: every editor
        already shows an EditRefused, so none of them lets an OSError reach Qt."""
        try:
            done = self.edits.apply(edit)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise EditRefused(Phrase("It could not be saved: %1", reason)) from exc
        if not done.catalog.changes and not done.personal and not done.plays:
            return done  # nothing changed: nothing to undo either
        self._undo.append(done)
        del self._undo[:-LIMIT]
        self._redo.clear()
        self._after_write()
        return done

    def merge_edit(self, section: str, source_id: str, target_id: str) -> Edit:
        """The merge of ``source_id`` into ``target_id``, with the personal data it moves
        (not yet applied: ``apply`` it)."""
        return MERGES[section](self.library.library, source_id, target_id)

    def personal_edit(self, song_id: str, label: str, **fields: object) -> Edit:
        """A change of the song's own data (favourite, rating, notes), undoable like any
        edit and written in one write of the personal file."""
        before = self.library.personal(song_id)
        after = {**before, **fields, "song": song_id}
        return Edit(CatalogEdit(label, ()), {song_id: (before or None, after)})

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def undo(self) -> bool:
        return self._step(self._undo, self._redo, undo=True)

    def redo(self) -> bool:
        return self._step(self._redo, self._undo, undo=False)

    def _step(self, source: list[Edit], target: list[Edit], *, undo: bool) -> bool:
        if not source:
            return False
        edit = source[-1]
        forward = edit.reversed() if undo else edit
        # Whole sentences for each verb: a translation orders the words its own way.
        cannot = _tr("Cannot undo “%1”: %2") if undo else _tr("Cannot redo “%1”: %2")
        label = say(edit.label)
        conflict = self._conflict(forward)
        if conflict:
            self.message.emit(fill(cannot, label, fill(_tr("%1 changed since."), conflict)))
            return False
        try:
            self.edits.apply(forward)
        except EditRefused as exc:
            self.message.emit(fill(cannot, label, say(exc.message)))
            return False
        except OSError as exc:
            self.message.emit(fill(cannot, label, exc.strerror or str(exc)))
            return False
        target.append(source.pop())
        self._after_write()
        self.message.emit(fill(_tr("Undid: %1") if undo else _tr("Redid: %1"), label))
        return True

    def _conflict(self, edit: Edit) -> str:
        """What the edit expects to find but does not (something else changed it)."""
        catalog = self.library.catalog
        for c in edit.catalog.changes:
            if getattr(catalog, c.section).get(c.id) != c.before:
                return _entry(c.section, c.id)
        return ""

    def _after_write(self) -> None:
        self.changed.emit()
        self._quiet.start()

    def _fold_if_long(self) -> None:
        if self.edits.pending() < FOLD_AFTER:
            return
        edits = self.edits
        self.tasks.run("fold-edits", lambda _ctx: edits.fold())


def _entry(section: str, ident: str) -> str:
    """An entry an undo found changed ("song 'its-you'"), in the interface's language."""
    kinds = {
        "songs": _tr("song %1"),
        "dramas": _tr("drama %1"),
        "people": _tr("person %1"),
        "features": _tr("feature %1"),
    }
    return fill(kinds.get(section, "%1"), repr(ident))
