"""Help ▸ Keyboard shortcuts (F1): every shortcut the window answers, read from its actions.

The list is built from the actions themselves when it is opened, so a shortcut added by any
part of the window (editing, favourites, online lyrics) shows without being listed twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from .main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every action of the window that has a shortcut."""
    menus: dict[QAction, str] = {}
    for menu in window.findChildren(QMenu):
        for action in menu.actions():
            menus.setdefault(action, menu.title().replace("&", ""))
    rows = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys or id(action) in seen:
            continue
        seen.add(id(action))
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append((menus.get(action, tr("Window")), text.rstrip("…").strip(), shown))
    return sorted(rows, key=lambda r: (r[0], r[1].casefold()))


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(520, 560)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Command"), tr("Keys")])
        self.tree.setRootIsDecorated(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, text, keys in shortcut_rows(window):
            group = groups.get(menu)
            if group is None:
                group = groups[menu] = QTreeWidgetItem(self.tree, [menu])
                group.setFirstColumnSpanned(True)
            QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)


def install_shortcuts_help(window: MainWindow) -> None:
    action = window.menu_actions.add(
        "shortcuts", "&Keyboard shortcuts", lambda _=False: show_shortcuts(window), "F1"
    )
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    help_menu = window.menuBar().findChild(QMenu, "helpMenu")
    if help_menu is not None:
        help_menu.insertAction(help_menu.actions()[0] if help_menu.actions() else None, action)


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
