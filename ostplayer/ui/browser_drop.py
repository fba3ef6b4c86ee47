"""Dropping an audio file on a song row of the browser links it to that song.

A mixin of :class:`~.browser_model.BrowserModel` (Qt asks the model itself about drops),
kept apart so the model's module stays about laying out the rows. The model provides
``song_at`` and the ``file_dropped`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt

from ..domain.models import Song


class FileDrops:
    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def _drop_target(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> Song | None:
        # Only a drop onto a row links: "between rows" (row >= 0) would pick the row below
        # the pointer, the wrong song for a drop on a row's lower edge.
        return self.song_at(parent) if row < 0 else None  # type: ignore[attr-defined]

    def canDropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:
        return (
            data.hasUrls()
            and self._drop_target(row, parent) is not None
            and any(u.isLocalFile() for u in data.urls())
        )

    def dropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:
        song = self._drop_target(row, parent)
        files = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
        if song is None or not files:
            return False
        self.file_dropped.emit(song.id, files[0])  # type: ignore[attr-defined]
        return True
