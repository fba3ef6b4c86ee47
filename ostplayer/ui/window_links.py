"""Where the main window's clicks and drops lead: the page's links (songs, dramas and the
song's action links), the browser's row menu, and files dropped on the page or the window."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QDragEnterEvent, QDropEvent

if TYPE_CHECKING:
    from .main_window import MainWindow


def follow_page_link(window: MainWindow, kind: str, ident: str) -> None:
    """A link on the reading page: an action on the song, or another page to show."""
    if kind.startswith("action/"):
        name = kind.partition("/")[2]
        actions = window.actions_
        handlers = {
            "link": actions.choose_and_link,
            "unlink": actions.unlink,
            "show": actions.show_in_folder,
            "play": lambda sid: window.play_songs(sid, window._context_list(sid)),
            "lyrics": window.edit_lyrics,
        }
        if name in handlers:
            handlers[name](ident)
        return
    # Pages the browser can show are selected there, so the tree and the page agree.
    if kind == "song" and window.browser.select_song(ident):
        return
    if kind == "drama" and window.model.grouping.value == "drama":
        if window.browser.select_group(ident):
            return
    window.reading.show(kind, ident)


def show_row_menu(window: MainWindow, pos: QPoint) -> None:
    """The browser's context menu for the song under ``pos``."""
    from .i18n import translate_menu
    from .menus import row_menu

    tree = window.browser.tree
    song = window.model.song_at(tree.indexAt(pos))
    if song is None:
        return
    menu = row_menu(
        tree,
        song.id,
        window.library.audio_state(song.id),
        bool(window.library.audio_path(song.id)),
        window.session.available,
        window._row_commands,
    )
    translate_menu(menu)  # menus.row_menu words its actions in English
    window.editing.extend_row_menu(menu, song.id)
    menu.exec(tree.viewport().mapToGlobal(pos))
    menu.deleteLater()


def drop_on_page(window: MainWindow, path: str) -> None:
    """A file dropped on a song's page links it; anything else is scanned."""
    kind, ident = window.reading.current
    if kind == "song" and not os.path.isdir(path):
        window.actions_.link(ident, path)
    else:
        window.scan_ui.scan_dropped([path])


def accept_local_drag(event: QDragEnterEvent) -> None:
    if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
        event.acceptProposedAction()


def drop_on_window(window: MainWindow, event: QDropEvent) -> None:
    """Folders or files dropped anywhere but on a song: scanned, as Add music folder."""
    paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
    if paths:
        event.acceptProposedAction()
        window.scan_ui.scan_dropped(paths)
