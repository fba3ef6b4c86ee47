"""The window's side of scanning: Library menu commands, a progress strip in the status bar,
folders and files dropped on the window, the music folders dialog and the review dialog."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.scan_service import ScanReport, ScanService, applied_text
from .i18n import fill, tr, tr_count
from .plain_text import as_html
from .review_dialog import ReviewDialog


def _tr(text: str) -> str:
    return tr("Scan", text)


class ScanProgress(QWidget):
    """Files done / found, what is being read, and Cancel: stays out of the way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanProgress")
        self.label = QLabel()
        self.label.setObjectName("scanProgressText")
        self.label.setMaximumWidth(420)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(_tr("Cancel"))
        self.cancel.setObjectName("cancelScan")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def show_progress(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total))
        text = (
            fill(
                _tr("Scanning: %1 of %2"),
                f"{done:,}",
                tr_count("Scan", total, "%n file", "%n files"),
            )
            if total
            else _tr("Scanning…")
        )
        self.label.setText(text)
        self.label.setToolTip(as_html(what))  # a file's path: plain text
        self.show()


class ScanUi(QObject):
    message = Signal(str)

    def __init__(self, service: ScanService, progress: ScanProgress, window: QWidget) -> None:
        super().__init__(window)
        self.service = service
        self.progress = progress
        self.window = window
        progress.cancel.clicked.connect(service.cancel)
        service.started.connect(lambda: progress.show_progress(0, 0, ""))
        service.progressed.connect(progress.show_progress)
        service.found.connect(
            lambda n: progress.label.setText(
                fill(_tr("Scanning: %1 found"), tr_count("Scan", n, "%n file", "%n files"))
            )
        )
        service.finished.connect(self._on_finished)
        service.decided.connect(
            lambda applied: self.message.emit(
                fill(_tr("Review applied: %1."), applied_text(applied))
            )
        )
        service.decide_failed.connect(
            lambda why: self.message.emit(
                fill(_tr("The review could not be applied (%1); it waits for you again."), why)
            )
        )

    def add_folder(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MusicLocation)
        folder = QFileDialog.getExistingDirectory(self.window, _tr("Add a music folder"), start)
        if folder:
            self.service.add_folders([folder])

    def rescan(self) -> None:
        if self.service.is_running():
            self.message.emit(_tr("A scan is already running."))
        elif self.service.rescan() is None:
            self.message.emit(_tr("No music folders yet: use Library ▸ Add music folder…."))

    def scan_dropped(self, paths: list[str]) -> None:
        """Folders dropped on the window are kept and scanned; files are scanned."""
        folders = [p for p in paths if os.path.isdir(p)]
        files = [p for p in paths if not os.path.isdir(p)]
        if folders:
            self.service.folders.add(*folders)
        if self.service.scan([*folders, *files]) is None:
            self.message.emit(_tr("Wait for the running scan to finish, then drop them again."))

    def _on_finished(self, report: ScanReport) -> None:
        self.progress.hide()
        self.message.emit(report.summary())

    def review(self) -> None:
        items = list(self.service.review)
        if not items:
            self.message.emit(_tr("Nothing to review: every scanned file found its song."))
            return
        dialog = ReviewDialog(items, self.service.library.catalog, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            decisions = dialog.decisions()
            if decisions:  # written on a worker; the message follows when it is in
                self.service.decide(decisions)

    def edit_folders(self) -> None:
        FoldersDialog(self.service, self, self.window).exec()


class FoldersDialog(QDialog):
    """The kept music folders: add, remove (which deletes nothing), rescan."""

    def __init__(self, service: ScanService, ui: ScanUi, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Music folders"))
        self.setObjectName("foldersDialog")
        self.service = service
        self.list = QListWidget()
        self.list.setObjectName("folderList")
        self.list.setAccessibleName(_tr("Music folders"))
        add = QPushButton(_tr("Add…"))
        add.clicked.connect(lambda: (ui.add_folder(), self._reload()))
        remove = QPushButton(_tr("Remove"))
        remove.setToolTip(_tr("Stop scanning it. Its songs, links, lyrics and plays stay."))
        remove.clicked.connect(self._remove)
        rescan = QPushButton(_tr("Rescan now"))
        rescan.clicked.connect(ui.rescan)
        note = QLabel(_tr("Removing a folder deletes nothing: its songs, lyrics and plays stay."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        for b in (add, remove, rescan):
            row.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(close)
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        folders = self.service.music_folders()
        self.list.addItems(folders)
        if not folders:
            self.list.addItem(_tr("No folders yet: add the folder you keep your music in."))

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.text() in self.service.music_folders():
            self.service.remove_folder(item.text())
            self._reload()
