"""A progress dialog for a background task: done / total, what it does now, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..services.tasks import Task
from .i18n import tr


class TaskProgress(QProgressDialog):
    def __init__(
        self, task: Task, label: str, parent: QWidget | None, *, cancellable: bool = True
    ) -> None:
        super().__init__(label, tr("TaskProgress", "Cancel") if cancellable else "", 0, 0, parent)
        self.task = task
        self._label = label
        self.setWindowTitle("OST Player")
        # Window-modal: a second import or a quit must not start while this one writes.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoReset(False)
        self.setAutoClose(False)
        if not cancellable:
            self.setCancelButton(None)
        self.canceled.connect(self._cancel)
        task.progressed.connect(self._on_progress)
        task.done.connect(self._close)

    def _cancel(self) -> None:
        self.task.cancel()
        self.setLabelText(tr("TaskProgress", "Cancelling…"))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.setMaximum(max(0, total))
        self.setValue(min(done, total) if total else 0)
        if text:
            self.setLabelText(f"{self._label}\n{text}")

    def _close(self) -> None:
        # Kept (hidden) until the next task replaces it: what it showed stays readable.
        self.reset()
        self.hide()
