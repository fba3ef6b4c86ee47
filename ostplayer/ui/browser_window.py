"""The browser's ties to the rest of the window: the smart lists' rows (their page when
selected, played as a list on Enter or from their menu) and the empty library's
"Add music folder…".

Installed by the window with one call after the editing (whose personal part plays the smart
lists); it reaches the window only through its public parts, and reimplements nothing: the
pages and the playing are :class:`~.personal_ui.PersonalUi`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMenu

from .browser_smart import SmartRows, row_icon, title
from .i18n import fill, tr

if TYPE_CHECKING:
    from .main_window import MainWindow


def _tr(text: str) -> str:
    return tr("Browser", text)


def install_browser(window: MainWindow) -> BrowserTies:
    """Once per window (a second call returns the first ties)."""
    ties = getattr(window, "browser_ties", None)
    if ties is None:
        ties = window.browser_ties = BrowserTies(window)
    return ties


class BrowserTies(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        browser = window.browser
        self.rows = SmartRows(window.library, self)
        browser.attach_smart(self.rows)
        browser.set_add_folder_action(window.menu_actions["add-folder"])
        browser.smart_selected.connect(self.show_list)
        browser.smart_activated.connect(self.play_list)
        # Beside the window's own row menu, which answers song rows only.
        browser.tree.customContextMenuRequested.connect(self._row_menu)

    def show_list(self, key: str) -> None:
        self.window.reading.show("smart", key)

    def play_list(self, key: str) -> None:
        self.window.editing.personal.play_list(key)

    def _row_menu(self, pos: QPoint) -> None:
        tree = self.window.browser.tree
        index = tree.indexAt(pos)
        key = self.window.model.smart_key(index)
        if key is None:
            return
        menu = self.row_menu(key)
        menu.exec(tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def row_menu(self, key: str) -> QMenu:
        """Play and Show for one smart list (built apart from showing it: tests read it)."""
        menu = QMenu(self.window.browser.tree)
        menu.setObjectName("smartRowMenu")
        colour = menu.palette().color(QPalette.ColorRole.WindowText)
        play = menu.addAction(row_icon("media-playback-start", colour), _tr("Play"))
        play.setObjectName("smart-play")
        play.setData(key)
        play.triggered.connect(self._on_play)
        show = menu.addAction(fill(_tr("Show “%1”"), title(key)))
        show.setObjectName("smart-show")
        show.setData(key)
        show.triggered.connect(self._on_show)
        menu.setDefaultAction(play)
        return menu

    def _on_play(self) -> None:
        action = self.sender()
        self.play_list(action.data())  # type: ignore[attr-defined]

    def _on_show(self) -> None:
        action = self.sender()
        self.show_list(action.data())  # type: ignore[attr-defined]
