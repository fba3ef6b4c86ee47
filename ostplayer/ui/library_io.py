"""File ▸ Import and Export: dialogs, and the work itself on a background thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..domain.catalog_format import CatalogFormatError
from ..services.library_service import LibraryService
from ..services.tasks import Task, TaskRunner
from .plain_text import as_html
from .task_progress import TaskProgress

FILTER = "OST Player catalog (*.json);;All files (*)"


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
            "OST Player is still working",
            "An import or export is still running. Cancel it and quit?",
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
            self.message.emit("Wait for the running import or export to finish first.")
            return True
        return False

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._parent, "Import a catalog", "", FILTER)
        if path:
            self.import_file(Path(path))

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent, "Export the catalog", "ost-catalog.json", FILTER
        )
        if path:
            self.export_file(Path(path))

    def import_file(self, path: Path) -> Task | None:
        if self._refuse_when_busy():
            return None
        library = self.library
        task = self.tasks.run("import", lambda ctx: library.import_file(path, ctx))
        self._replace_dialog()
        self.dialog = TaskProgress(task, f"Importing {path.name}…", self._parent)
        task.finished.connect(lambda summary: self._imported(path, summary))
        task.failed.connect(lambda exc: self._failed("import", path, exc))
        task.cancelled.connect(
            lambda: self.message.emit(f"Import of {path.name} cancelled; nothing was changed.")
        )
        self.task = task
        return task

    def export_file(self, path: Path) -> Task | None:
        if self._refuse_when_busy():
            return None
        library = self.library
        task = self.tasks.run("export", lambda _ctx: library.export_file(path))
        self._replace_dialog()
        self.dialog = TaskProgress(
            task, f"Exporting to {path.name}…", self._parent, cancellable=False
        )
        task.finished.connect(
            lambda _r: self.message.emit(
                f"Exported {len(library.catalog.songs):,} songs to {path} "
                "(catalog only: no file paths, no listening history)."
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
        self.message.emit(f"Imported {path.name}: {summary}.")

    def _failed(self, what: str, path: Path, exc: BaseException) -> None:
        if isinstance(exc, CatalogFormatError):
            text = f"Nothing was imported from {path.name}.\n\n{exc}"
        elif isinstance(exc, OSError):
            # strerror names the folder and the reason (disk full, read-only…), never Python's
            # own wording.
            text = f"Could not {what} {path.name}: {exc.strerror or exc}."
            if what == "import":
                text += "\n\nYour library is as it was; try again once that is fixed."
        else:
            text = f"Could not {what} {path.name}: an unexpected error ({type(exc).__name__})."
        self.message.emit(text.replace("\n\n", " "))
        QMessageBox.warning(self._parent, f"OST Player: {what} failed", as_html(text))
