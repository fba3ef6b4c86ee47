"""Library ▸ Listening history (Ctrl+Shift+H): plays per day or week in a bar chart, and the
most played songs and dramas of that period; Enter or a double-click opens one's page.

The plays per day are in memory (the play history is read when the library opens), and the
page reads only the days of its period, so it is drawn on the GUI thread without waiting on
a file. It follows the library: a play recorded, or a song renamed or merged, redraws it (at
once when shown, when next shown otherwise). Ctrl+H was already Shuffle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.changes import LibraryChange
from ..domain.listening_stats import Period, Summary, summarize
from ..domain.models import Song
from ..services.library_service import LibraryService
from .actions import Actions
from .history_chart import HistoryChart, plays_text
from .i18n import fill

SHORTCUT = "Ctrl+Shift+H"
TOP = 10


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


class _DramaOf(Mapping[str, str | None]):
    """song id -> drama id, read from the catalog as asked (not copied: 100,000 songs)."""

    def __init__(self, songs: Mapping[str, Song]) -> None:
        self._songs = songs

    def __getitem__(self, song_id: str) -> str | None:
        return self._songs[song_id].drama

    def __contains__(self, song_id: object) -> bool:
        return song_id in self._songs

    def __iter__(self) -> Iterator[str]:
        return iter(self._songs)

    def __len__(self) -> int:
        return len(self._songs)


class HistoryPage(QWidget):
    def __init__(
        self,
        library: LibraryService,
        open_page: Callable[[str, str], object],
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("historyPage")
        self.setWindowTitle(tr("Listening history"))
        self.library = library
        self.open_page = open_page
        self.today = today
        self.period = Period.DAYS
        self.summary: Summary | None = None
        self._stale = True

        self.days_button = QPushButton(tr("Last 30 days"))
        self.weeks_button = QPushButton(tr("Last 12 weeks"))
        self.period_buttons = QButtonGroup(self)
        for button, period in ((self.days_button, Period.DAYS), (self.weeks_button, Period.WEEKS)):
            button.setCheckable(True)
            button.setObjectName(f"history-{period.value}")
            self.period_buttons.addButton(button)
        self.days_button.setChecked(True)
        self._mark_period()
        self.days_button.setToolTip(tr("Plays per day"))
        self.weeks_button.setToolTip(tr("Plays per week"))
        self.period_buttons.buttonClicked.connect(self._on_period_clicked)
        self.total = QLabel()
        self.total.setObjectName("historyTotal")

        self.chart = HistoryChart()
        self.songs = self._top_list(tr("Song"), tr("Top songs"))
        self.dramas = self._top_list(tr("Drama"), tr("Top dramas"))
        self.empty = self._empty_state()

        top = QHBoxLayout()
        top.addWidget(self.days_button)
        top.addWidget(self.weeks_button)
        top.addSpacing(12)
        top.addWidget(self.total, 1)
        lists = QHBoxLayout()
        for label, tree in ((tr("Top songs"), self.songs), (tr("Top dramas"), self.dramas)):
            column = QVBoxLayout()
            title = QLabel(f"<b>{label}</b>")
            title.setBuddy(tree)
            column.addWidget(title)
            column.addWidget(tree)
            lists.addLayout(column)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.chart, 3)
        body.addLayout(lists, 2)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.resize(720, 560)
        library.changed.connect(self._on_library_changed)

    def _empty_state(self) -> QWidget:
        empty = QWidget()
        empty.setObjectName("historyEmpty")
        message = QLabel(tr("Play some songs and your listening shows up here."))
        message.setObjectName("historyEmptyMessage")
        font = message.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        message.setFont(font)
        detail = QLabel(
            tr(
                "A song counts once it has played to the end: this page then shows your plays"
                " per day and week, and your most played songs and dramas."
            )
        )
        detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column = QVBoxLayout(empty)
        column.addStretch(1)
        for label in (message, detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
        column.addStretch(1)
        self.empty_message = message
        return empty

    def _top_list(self, heading: str, name: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(name)
        tree.setHeaderLabels([heading, tr("Plays")])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # itemActivated: a double-click, or Enter on the current row.
        tree.itemActivated.connect(self._on_item_activated)
        return tree

    # --- following the library --------------------------------------------------------------

    def _on_library_changed(self, change: LibraryChange) -> None:
        if not (change.played or change.catalog_changed):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # drawn when next shown, not for every play while closed

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def set_period(self, period: Period) -> None:
        self.period = period
        button = self.days_button if period is Period.DAYS else self.weeks_button
        button.setChecked(True)
        self._mark_period()
        self.refresh()

    def _mark_period(self) -> None:
        # A checked button barely differs from an unchecked one in some styles (dark Fusion).
        for button in (self.days_button, self.weeks_button):
            font = button.font()
            font.setBold(button.isChecked())
            button.setFont(font)

    def _on_period_clicked(self, button: QPushButton) -> None:
        self.set_period(Period.DAYS if button is self.days_button else Period.WEEKS)

    # --- drawing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        catalog = self.library.catalog
        by_day = self.library.plays_by_day()
        summary = summarize(by_day, _DramaOf(catalog.songs), self.today(), self.period, TOP)
        self.summary = summary
        days = self.period is Period.DAYS
        self.chart.set_bars(summary.bars, tr("Plays per day") if days else tr("Plays per week"))
        span = tr("%1 in the last 30 days") if days else tr("%1 in the last 12 weeks")
        self.total.setText(fill(span, plays_text(summary.plays)))
        self.stack.setCurrentWidget(self.empty if summary.plays == 0 else self.stack.widget(0))
        self._fill(
            self.songs,
            [("song", sid, self.library.describe(sid), n) for sid, n in summary.top_songs],
        )
        self._fill(
            self.dramas,
            [("drama", did, _drama_title(catalog, did), n) for did, n in summary.top_dramas],
        )

    def _fill(self, tree: QTreeWidget, rows: list[tuple[str, str, str, int]]) -> None:
        current = tree.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        tree.clear()
        for kind, ident, text, plays in rows:
            item = QTreeWidgetItem(tree, [text, f"{plays:,}"])
            item.setData(0, Qt.ItemDataRole.UserRole, (kind, ident))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, f"{text}: {plays_text(plays)}")
            if (kind, ident) == keep:
                tree.setCurrentItem(item)  # a live update keeps the row the user is on

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind, ident = item.data(0, Qt.ItemDataRole.UserRole)
        self.open_page(kind, ident)


def _drama_title(catalog, drama_id: str) -> str:
    drama = catalog.dramas.get(drama_id)
    return drama.title if drama is not None else drama_id


class HistoryOpener(QObject):
    """Opens the one history page of a window (made on first use) and shows the pages its
    lists open in that window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("historyOpener")
        self.window = window
        self.page: HistoryPage | None = None

    def open(self) -> HistoryPage:
        if self.page is None:
            self.page = HistoryPage(self.window.library, self.open_page, self.window)
        self.page.show()
        self.page.raise_()
        self.page.activateWindow()
        return self.page

    def open_page(self, kind: str, ident: str) -> None:
        if self.window.reading.show(kind, ident):
            self.window.raise_()
            self.window.activateWindow()


def history_action(a: Actions, window: QWidget) -> QAction:
    """The Listening history command, added to the window's actions (the menus call this)."""
    opener = HistoryOpener(window)
    action = a.add(
        "history",
        "Listening &history…",
        opener.open,
        QKeySequence(SHORTCUT),
        tip="Plays per day and week, and your most played songs and dramas",
    )
    return action
