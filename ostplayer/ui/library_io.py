"""File ▸ Import and Export: dialogs, and the work itself on a background thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGridLayout, QMessageBox, QWidget

from ..domain.catalog_format import CatalogFormatError
from ..services.library_service import LibraryService, import_summary_text
from ..services.tasks import Task, TaskRunner
from .i18n import fill, say, tr
from .plain_text import as_html
from .task_progress import TaskProgress

FILTER = "OST Player catalog (*.json);;All files (*)"


def _tr(text: str) -> str:
    return tr("LibraryIo", text)


class LibraryIo(QObject):
    message = Signal(str)

    def __init__(self, library: LibraryService, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._parent = parent
        self.task: Task | None = None
        self.dialog: TaskProgress | None = None

    def busy(self) -> bool:
        return self.task is not None and self.task.is_running()

    def finish_before_quit(self) -> bool:
        """Called on quit: False keeps the window open while an import or export writes.

        A cancelled import stops at its next checkpoint; one already writing finishes its
        (atomic) write, so the library is the old or the new version, never half of one.
        """
        if not self.busy():
            return True
        answer = QMessageBox.question(
            self._parent,
            _tr("OST Player is still working"),
            _tr("An import or export is still running. Cancel it and quit?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        assert self.task is not None
        self.task.cancel()
        self.task.wait(120)
        return True

    def _refuse_when_busy(self) -> bool:
        if self.busy():
            self.message.emit(_tr("Wait for the running import or export to finish first."))
            return True
        return False

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, _tr("Import a catalog"), "", _tr(FILTER)
        )
        if path:
            self.import_file(Path(path))

    def export_dialog(self) -> tuple[QFileDialog, QCheckBox]:
        """The save dialog, with the choice to include personal data (unticked: a shared
        catalog never carries someone's files, notes or plays by accident)."""
        dialog = QFileDialog(
            self._parent, _tr("Export the catalog"), "ost-catalog.json", _tr(FILTER)
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.selectFile("ost-catalog.json")
        # Qt's own dialog: a platform one has no room for the checkbox.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        box = QCheckBox(
            _tr("Include my personal data (favourites, ratings, notes, plays, file paths)"),
            dialog,
        )
        box.setObjectName("export-personal")
        box.setChecked(False)
        layout = dialog.layout()
        if isinstance(layout, QGridLayout):
            layout.addWidget(box, layout.rowCount(), 0, 1, -1)
        elif layout is not None:
            layout.addWidget(box)
        return dialog, box

    def choose_export(self) -> None:
        dialog, box = self.export_dialog()
        try:
            if dialog.exec() and dialog.selectedFiles():
                path = Path(dialog.selectedFiles()[0])
                self.export_file(path, include_personal=box.isChecked())
        finally:
            dialog.deleteLater()

    def import_file(self, path: Path) -> Task | None:
        if self._refuse_when_busy():
            return None
        library = self.library
        task = self.tasks.run("import", lambda ctx: library.import_file(path, ctx))
        self._replace_dialog()
        self.dialog = TaskProgress(task, fill(_tr("Importing %1…"), path.name), self._parent)
        task.finished.connect(lambda summary: self._imported(path, summary))
        task.failed.connect(lambda exc: self._failed("import", path, exc))
        task.cancelled.connect(
            lambda: self.message.emit(
                fill(_tr("Import of %1 cancelled; nothing was changed."), path.name)
            )
        )
        self.task = task
        return task

    def export_file(self, path: Path, *, include_personal: bool = False) -> Task | None:
        if self._refuse_when_busy():
            return None
        library = self.library
        if include_personal:
            # The service's export knows the catalog only; the library itself writes both.
            own = library.library
            task = self.tasks.run(
                "export", lambda _ctx: own.export_file(path, include_personal=True)
            )
            what = _tr("with your personal data: favourites, ratings, notes, plays, file paths")
        else:
            task = self.tasks.run("export", lambda _ctx: library.export_file(path))
            what = _tr("catalog only: no file paths, no listening history")
        self._replace_dialog()
        self.dialog = TaskProgress(
            task, fill(_tr("Exporting to %1…"), path.name), self._parent, cancellable=False
        )
        task.finished.connect(
            lambda _r: self.message.emit(
                fill(
                    _tr("Exported %1 songs to %2 (%3)."),
                    f"{len(library.catalog.songs):,}",
                    path,
                    what,
                )
            )
        )
        task.failed.connect(lambda exc: self._failed("export", path, exc))
        self.task = task
        return task

    def _replace_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _imported(self, path: Path, summary) -> None:
        # The library tells every view what the import changed; only the summary is ours.
        self.message.emit(fill(_tr("Imported %1: %2."), path.name, import_summary_text(summary)))

    def _failed(self, what: str, path: Path, exc: BaseException) -> None:
        importing = what == "import"
        if isinstance(exc, CatalogFormatError):
            # The location names the entry and field (as in the file); the problem is said.
            problem = say(exc.message)
            problem = f"{exc.location}: {problem}" if exc.location else problem
            text = fill(_tr("Nothing was imported from %1."), path.name) + "\n\n" + problem
        elif isinstance(exc, OSError):
            # strerror names the folder and the reason (disk full, read-only…), never Python's
            # own wording.
            text = fill(
                _tr("Could not import %1: %2." if importing else "Could not export %1: %2."),
                path.name,
                exc.strerror or exc,
            )
            if importing:
                text += "\n\n" + _tr("Your library is as it was; try again once that is fixed.")
        else:
            text = fill(
                _tr(
                    "Could not import %1: an unexpected error (%2)."
                    if importing
                    else "Could not export %1: an unexpected error (%2)."
                ),
                path.name,
                type(exc).__name__,
            )
        self.message.emit(text.replace("\n\n", " "))
        title = _tr("OST Player: import failed" if importing else "OST Player: export failed")
        QMessageBox.warning(self._parent, title, as_html(text))
