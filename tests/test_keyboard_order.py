"""Keyboard use of the main window: Tab goes search → browser → page → lyrics → transport, no
two menu actions share a shortcut, the common ones have one, and every button drawn as an
icon alone has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from ui_support import make_window


def tab_walk(qtbot, window, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_search_browser_page_lyrics_transport(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=3000)
    seen = tab_walk(qtbot, w, w.browser.search, 40)
    parts = [
        w.browser.search,
        w.browser.tree,
        w.page_view,
        w.lyrics.view,
        w.transport,
    ]

    def part_of(widget: QWidget | None) -> int | None:
        for n, part in enumerate(parts):
            if widget is part or (widget is not None and part.isAncestorOf(widget)):
                return n
        return None

    # The page is a text browser: Tab steps through its links before leaving it.
    order = []
    for widget in seen:
        n = part_of(widget)
        if n is not None and (not order or order[-1] != n):
            order.append(n)
    assert order[:5] == [0, 1, 2, 3, 4], [type(x).__name__ for x in seen]


def test_the_lyrics_buttons_follow_their_places_top_to_bottom(qtbot, tmp_path):
    from ostplayer.ui.window_focus import layout_order

    w = make_window(qtbot, tmp_path)
    chain = list(layout_order(w.lyrics.view))
    texts = [b.text() for b in chain if isinstance(b, QAbstractButton)]
    # The encoding button sits under the source line: before the lyrics' footer buttons.
    assert texts.index("Encoding ▸") < texts.index("Edit…") < texts.index("Earlier")
    assert chain.index(w.lyrics.view.text_view) < chain.index(
        next(b for b in chain if isinstance(b, QAbstractButton) and b.text() == "Edit…")
    )


def shortcuts(window) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for action in window.findChildren(type(window.menu_actions["play"])):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            if text:
                found.setdefault(text, []).append(action.objectName() or action.text())
    return found


def test_menu_shortcuts_are_unique_and_the_common_ones_exist(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    found = shortcuts(w)
    clashes = {key: names for key, names in found.items() if len(set(names)) > 1}
    assert clashes == {}
    for key in ("Space", "Ctrl+F", "Ctrl+Left", "Ctrl+Right", "Ctrl+Z", "Ctrl+N", "Ctrl+Q", "F11"):
        assert key in found, key
    assert w.menu_actions["romanization"].shortcut().toString() == "Ctrl+Shift+R"


def test_every_icon_only_button_has_an_accessible_name(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    unnamed = []
    for button in w.findChildren(QAbstractButton):
        if button.objectName().startswith("qt_"):
            continue  # Qt's own (dock float/close, menu bar extension) name themselves
        words = "".join(ch for ch in button.text() if ch.isalpha())
        if not words and not button.accessibleName():
            unnamed.append(button.objectName() or repr(button))
    assert unnamed == []
    assert w.transport.mute_button.accessibleName() == "Mute"
    assert w.transport.now.heart.accessibleName() == "Favourite"


def test_f1_lists_every_shortcut_by_menu(qtbot, tmp_path):
    from ostplayer.ui.shortcuts_help import ShortcutsDialog

    w = make_window(qtbot, tmp_path)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w.browser.tree, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: w.findChild(ShortcutsDialog) is not None)
    dialog = w.findChild(ShortcutsDialog)
    rows = {}
    for i in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(i)
        for j in range(group.childCount()):
            item = group.child(j)
            rows[item.text(0)] = (group.text(0), item.text(1))
    assert rows["Keyboard shortcuts"] == ("Help", "F1")
    assert any(keys == "Ctrl+F" for _, keys in rows.values())  # search, from the View menu
    assert any(menu == "Edit" for menu, _ in rows.values())  # parts added later show too
    dialog.close()
