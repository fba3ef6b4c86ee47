"""The queue panel: what plays now and what comes next; play, play next, reorder, remove, clear.

Activating a row (double-click, Enter, or "Play" in its context menu) jumps to that song
and keeps the queue: the songs before it are passed over, not dropped.

With nothing queued, the list's place says what would fill it (an :class:`EmptyState` in the
same place, so nothing moves when the first song is queued) and the list's buttons are off.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .empty_state import EmptyState
from .i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole + 2


class UpcomingModel(QAbstractListModel):
    """The upcoming songs of a PlayQueue, described by ``describe(song_id)``."""

    def __init__(self, upcoming: Callable[[], list[str]], describe: Callable[[str], str]) -> None:
        super().__init__()
        self._upcoming = upcoming
        self._describe = describe
        self._ids: list[str] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._upcoming()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        song_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {self._describe(song_id)}"
        if role == ID_ROLE:
            return song_id
        return None


class QueuePanel(QWidget):
    move_requested = Signal(int, int)  # from, to (upcoming indexes)
    remove_requested = Signal(int)
    clear_requested = Signal()
    play_requested = Signal(int)  # jump to this upcoming index
    play_next_requested = Signal(int)  # move this upcoming index to the front

    def __init__(self, model: UpcomingModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.model = model
        self.now = QLabel(tr("QueuePanel", "Nothing playing"))
        self.now.setTextFormat(Qt.TextFormat.PlainText)
        self.now.setWordWrap(True)
        self.view = QListView()
        self.view.setModel(model)
        self.view.setObjectName("queueList")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        play_next = QPushButton(tr("QueuePanel", "Play next"))
        play_next.setObjectName("queuePlayNext")
        play_next.setToolTip(tr("QueuePanel", "Move the selected song to the front of the queue"))
        up = QPushButton(tr("QueuePanel", "Move up"))
        down = QPushButton(tr("QueuePanel", "Move down"))
        remove = QPushButton(tr("QueuePanel", "Remove"))
        clear = QPushButton(tr("QueuePanel", "Clear"))
        buttons = QHBoxLayout()
        for b in (play_next, up, down, remove, clear):
            buttons.addWidget(b)
        self._list_buttons = (play_next, up, down, remove, clear)
        self.empty = EmptyState(
            tr("QueuePanel", "The queue is empty."),
            detail=tr(
                "QueuePanel",
                "Play a song, or choose Play next or Add to queue from a song's menu in the"
                " library.",
            ),
            icon="view-media-playlist",
        )
        self.empty.setObjectName("queueEmpty")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel(f"<b>{tr('QueuePanel', 'Now playing')}</b>"))
        layout.addWidget(self.now)
        layout.addWidget(QLabel(f"<b>{tr('QueuePanel', 'Up next')}</b>"))
        layout.addWidget(self._stack, 1)
        layout.addLayout(buttons)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._show_empty)
        self._show_empty()
        play_next.clicked.connect(lambda: self._play_next(self.view.currentIndex().row()))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(+1))
        remove.clicked.connect(lambda: self._remove())
        clear.clicked.connect(self.clear_requested)
        self.view.activated.connect(lambda i: self.play_requested.emit(i.row()))
        QShortcut(QKeySequence.StandardKey.Delete, self.view, lambda: self._remove())
        QShortcut(QKeySequence("Alt+Up"), self.view, lambda: self._move(-1))
        QShortcut(QKeySequence("Alt+Down"), self.view, lambda: self._move(+1))

    def menu_for_row(self, row: int) -> QMenu | None:
        """The context menu of an upcoming row (built, not shown: tests read it)."""
        if not 0 <= row < self.model.rowCount():
            return None
        menu = QMenu(self.view)
        menu.addAction(tr("QueuePanel", "Play"), lambda: self.play_requested.emit(row))
        play_next = menu.addAction(tr("QueuePanel", "Play next"), lambda: self._play_next(row))
        play_next.setEnabled(row > 0)
        menu.addAction(tr("QueuePanel", "Remove from queue"), lambda: self._remove(row))
        return menu

    def _show_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = self.menu_for_row(index.row())
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _play_next(self, row: int) -> None:
        if 0 < row < self.model.rowCount():
            self.play_next_requested.emit(row)
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _move(self, delta: int) -> None:
        row = self.view.currentIndex().row()
        target = row + delta
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        self.move_requested.emit(row, target)
        self.view.setCurrentIndex(self.model.index(target, 0))

    def _remove(self, row: int | None = None) -> None:
        if row is None:
            row = self.view.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.remove_requested.emit(row)
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def set_now_playing(self, text: str) -> None:
        self.now.setText(text)

    @property
    def is_empty(self) -> bool:
        """True while the panel shows its empty state instead of the list."""
        return self._stack.currentWidget() is self.empty

    def _show_empty(self, *_args) -> None:
        empty = self.model.rowCount() == 0
        self._stack.setCurrentWidget(self.empty if empty else self.view)
        for button in self._list_buttons:
            button.setEnabled(not empty)
