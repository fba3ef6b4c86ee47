"""The left pane: search field, grouping switch and the tree: the smart lists on top, then
the dramas (or artists, years, actors) and their songs; a message instead of an empty tree."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..domain.grouping import Grouping
from .browser_empty import EmptyState
from .browser_model import BrowserModel
from .browser_smart import SmartRows
from .i18n import fill, tr, tr_count
from .search_service import SearchService

# Expanding thousands of groups costs more than a keystroke may; past this, matches stay
# collapsed under their group (whose label shows the count) and only the first few open.
EXPAND_LIMIT = 60
EXPAND_ROWS = 120
EXPAND_ALL_ROWS = 600  # rows (groups and songs) up to which the whole tree opens
REPAINT_ALL_SONGS = 200  # songs with something new past which the whole tree is repainted

# A new palette (light ↔ dark): the panel is told before its children have theirs.
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)

GROUPING_NAMES = {
    Grouping.DRAMA: "By drama",
    Grouping.ARTIST: "By artist",
    Grouping.YEAR: "By year",
    Grouping.ACTOR: "By actor",
}


def _tr(text: str) -> str:
    return tr("Browser", text)


class SearchField(QLineEdit):
    """Esc clears the search; Down moves into the results."""

    leave_down = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Escape):
            self.leave_down.emit()
            return
        super().keyPressEvent(event)


class BrowserPanel(QWidget):
    song_selected = Signal(str)
    group_selected = Signal(str)  # group key (drama id in drama grouping)
    song_activated = Signal(str, list)  # song id, the list it was started from
    grouping_changed = Signal(object, bool)  # Grouping, newest first
    smart_selected = Signal(str)  # a smart list's key: show its page
    smart_activated = Signal(str)  # Enter or double-click on a smart list: play it

    def __init__(self, model: BrowserModel, search: SearchService, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.search_service = search
        self.search = SearchField()
        # Short enough to show whole in the browser's width; the shortcut is in the tooltip.
        self.search.setPlaceholderText(_tr("Search songs, dramas, people, lyrics…"))
        self.search.setToolTip(
            _tr("Search as you type (Ctrl+F); Esc clears, Down moves to results")
        )
        self.search.setAccessibleName(_tr("Search"))
        self.search.setObjectName("search")
        self.count_label = QLabel()
        self.count_label.setObjectName("matchCount")
        self.grouping_box = QComboBox()
        for grouping in Grouping:
            self.grouping_box.addItem(_tr(GROUPING_NAMES[grouping]), grouping)
        self.grouping_box.setToolTip(_tr("Group the songs by drama, artist, year or actor"))
        self.grouping_box.setAccessibleName(_tr("Group by"))
        self.order_button = QToolButton()
        self.order_button.setCheckable(True)
        self.order_button.setToolTip(_tr("Newest first / oldest first"))
        self._update_order_text()

        self.tree = QTreeView()
        self.tree.setModel(model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(False)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropOverwriteMode(True)  # a drop lands on a row, never between
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setObjectName("browserTree")
        self.empty = EmptyState(self.tree.viewport())
        self.empty.clear_search.connect(self.search.clear)

        controls = QHBoxLayout()
        controls.addWidget(self.grouping_box, 1)
        controls.addWidget(self.order_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search)
        layout.addLayout(controls)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self.apply_search)
        self.search.leave_down.connect(self._focus_tree)
        self.search.returnPressed.connect(self._focus_tree)
        search.ready.connect(self._on_index_ready)
        self.grouping_box.currentIndexChanged.connect(self._on_grouping)
        self.order_button.toggled.connect(self._on_order)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.activated.connect(self._on_activated)
        model.modelReset.connect(self._update_empty)  # a new catalog: empty, or no longer
        self._expand_default()
        self._update_count()
        self._update_empty()

    # --- smart lists and the empty library --------------------------------------------------

    def attach_smart(self, rows: SmartRows) -> None:
        """Show the smart lists at the top of the tree."""
        rows.set_icon_colour(*self._icon_colours())
        self.model.set_smart(rows)

    def set_add_folder_action(self, action: QAction) -> None:
        """What an empty library's "Add music folder…" button does."""
        self.empty.set_add_folder_action(action)

    def select_smart(self, key: str) -> bool:
        index = self.model.find_smart(key)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def repaint_songs(self, song_ids: frozenset[str]) -> None:
        """These songs' rows show something new (their file's state, not their size)."""
        if len(song_ids) > REPAINT_ALL_SONGS:
            # A scan's thousands: QTreeView answers each changed range by finding it in its
            # list of shown rows (a linear search) and measuring every row in it again,
            # 60-200 ms for a scan's hundreds of groups; one repaint reads what is shown.
            self.tree.viewport().update()
        else:
            self.model.refresh_songs(song_ids)

    def _update_empty(self) -> None:
        query = self.search.text().strip()
        if not self.model.songs and not query:
            self.empty.show_empty_library()
        elif query and self.search_service.indexed and self.model.match_count == 0:
            self.empty.show_no_match(query)
        else:
            self.empty.clear()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in _PALETTE_EVENTS and self.model.smart is not None:
            self.model.smart.set_icon_colour(*self._icon_colours())

    def _icon_colours(self) -> tuple[QColor, QColor]:
        palette = self.palette()
        return palette.color(QPalette.ColorRole.Text), palette.color(
            QPalette.ColorRole.HighlightedText
        )

    # --- search -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_search(self, text: str | None = None) -> None:
        query = self.search.text() if text is None else text
        current = self.current_song_id()
        searching = bool(query.strip())
        if searching and self.model.smart_key(self.tree.currentIndex()) is not None:
            # The smart rows go: Qt would make their neighbour current and show its page.
            self.tree.selectionModel().clearCurrentIndex()
        self.model.set_filter(self.search_service.search_positions(query), searching)
        if searching:
            self._expand_matches()
        else:
            self._expand_default()
        self._update_count()
        self._update_empty()
        if current:
            self.select_song(current, scroll=False)

    def _on_index_ready(self) -> None:
        if self.search.text().strip():
            self.apply_search()

    def _update_count(self) -> None:
        total = len(self.model.songs)
        groups = self.model.group_count()
        if self.search.text().strip() and not self.search_service.indexed:
            songs = tr_count("Browser", total, "%n song", "%n songs")
            self.count_label.setText(_tr("Preparing search over %1…").replace("%1", songs))
        elif self.search.text().strip():
            n = self.model.match_count
            text = _tr("%1 of %2 match")
            songs = tr_count("Browser", total, "%n song", "%n songs")
            text = text.replace("%1", f"{n:,}").replace("%2", songs)
            if self.model.more_groups:
                # Only ever many groups (the cap is 200): the plural alone will do.
                plural = _tr(self.model.grouping.label_plural)
                first = fill(_tr("first %1 %2"), f"{groups:,}", plural)
                text += f" ({first})"
            self.count_label.setText(text)
        else:
            songs = tr_count("Browser", total, "%n song", "%n songs")
            groups_text = tr_count("Browser", groups, "%n group", "%n groups")
            self.count_label.setText(
                _tr("%1 in %2").replace("%1", songs).replace("%2", groups_text)
            )

    def _expand_matches(self) -> None:
        # Open groups until about a screenful of rows: each opened row is laid out on every
        # keystroke, and a screenful is what the user can see anyway.
        rows = 0
        for row in range(self.model.group_count()):
            if rows >= EXPAND_ROWS:
                break
            index = self.model.group_index(row)
            self.tree.expand(index)
            rows += 1 + self.model.rowCount(index)

    def _expand_default(self) -> None:
        # A small catalog opens fully; a large one opens only its first few groups. Large is
        # many rows, not only many groups: a scan can put thousands of songs in a few dramas,
        # and laying out every row of them would hold the window up.
        groups = self.model.group_count()
        if groups <= 200 and groups + len(self.model.songs) <= EXPAND_ALL_ROWS:
            self.tree.expandAll()
            return
        rows = 0
        for row in range(min(EXPAND_LIMIT, groups)):
            if rows >= EXPAND_LIMIT * 20:
                break
            index = self.model.group_index(row)
            self.tree.expand(index)
            rows += 1 + self.model.rowCount(index)

    # --- grouping ---------------------------------------------------------------------------

    def _update_order_text(self) -> None:
        self.order_button.setText(
            _tr("Oldest first") if self.order_button.isChecked() else _tr("Newest first")
        )

    def _on_grouping(self, _row: int) -> None:
        self.set_grouping(self.grouping_box.currentData())

    def _on_order(self, _checked: bool) -> None:
        self._update_order_text()
        self.set_grouping(self.model.grouping)

    def set_grouping(self, grouping: Grouping, newest_first: bool | None = None) -> None:
        if newest_first is not None:
            self.order_button.blockSignals(True)
            self.order_button.setChecked(not newest_first)
            self.order_button.blockSignals(False)
            self._update_order_text()
        row = self.grouping_box.findData(grouping)
        if row != self.grouping_box.currentIndex():
            self.grouping_box.blockSignals(True)
            self.grouping_box.setCurrentIndex(row)
            self.grouping_box.blockSignals(False)
        current = self.current_song_id()
        self.model.set_grouping(grouping, newest_first=not self.order_button.isChecked())
        self.apply_search()
        if current:
            self.select_song(current)
        self.grouping_changed.emit(grouping, self.model.newest_first)

    # --- selection --------------------------------------------------------------------------

    def current_song_id(self) -> str | None:
        song = self.model.song_at(self.tree.currentIndex())
        return song.id if song else None

    def select_song(self, song_id: str, scroll: bool = True) -> bool:
        index = self.model.find_song(song_id)
        if not index.isValid():
            return False
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        if scroll:
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def select_group(self, key: str) -> bool:
        index = self.model.find_group(key)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.expand(index)
        self.tree.scrollTo(index)
        return True

    def _focus_tree(self) -> None:
        if self.empty.isVisible() and self.empty.button.isVisible():
            self.empty.button.setFocus(Qt.FocusReason.OtherFocusReason)  # the way on
            return
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.tree.currentIndex().isValid() and self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.model.smart_key(current)
        if key is not None:
            self.smart_selected.emit(key)
            return
        song = self.model.song_at(current)
        if song is not None:
            self.song_selected.emit(song.id)
            return
        group = self.model.group_at(current)
        if group is not None:
            self.group_selected.emit(group.key)

    def _on_activated(self, index: QModelIndex) -> None:
        if self.model.is_more_row(index):
            row = index.row()
            self.model.show_all_groups()
            self._update_count()
            self.tree.setCurrentIndex(self.model.index(row, 0))
            return
        key = self.model.smart_key(index)
        if key is not None:
            self.smart_activated.emit(key)
            return
        song = self.model.song_at(index)
        if song is not None:
            # From search results the results play on, across groups; otherwise the group.
            searching = bool(self.search.text().strip())
            ids = (
                self.model.all_matching_song_ids()
                if searching
                else self.model.sibling_song_ids(index)
            )
            self.song_activated.emit(song.id, ids)
        elif self.model.group_at(index) is not None:
            ids = self.model.sibling_song_ids(index)
            # Start at the first song the user can hear, not at a song with no file.
            playable = [i for i in ids if self.model.audio_state(i) == "linked"]
            if ids:
                self.song_activated.emit(playable[0] if playable else ids[0], ids)
