"""Menus, icons and key handling for the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QTreeView

from .. import __version__
from ..domain.grouping import Grouping

if TYPE_CHECKING:
    from .browser_model import BrowserModel
    from .main_window import MainWindow


def _dot(color: str, hollow: bool = False) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(color))
    if not hollow:
        painter.setBrush(QColor(color))
    painter.drawEllipse(3, 3, 8, 8)
    painter.end()
    return QIcon(pixmap)


def audio_icons(style: QStyle) -> dict[str, QIcon]:
    """At a glance: filled = audio linked, hollow grey = none, red = the file is gone."""
    return {
        "linked": style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume),
        "none": _dot("#b8b0a6", hollow=True),
        "missing": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        "unplayable": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
    }


class TreeKeyFilter(QObject):
    """Left/Right seek while on a song row, but still fold and unfold a group row."""

    def __init__(self, tree: QTreeView, model: BrowserModel) -> None:
        super().__init__(tree)
        self.tree = tree
        self.model = model

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        ):
            if event.modifiers() == Qt.KeyboardModifier.NoModifier and self.model.group_at(
                self.tree.currentIndex()
            ):
                event.accept()  # the tree handles it instead of the seek shortcut
                return True
        return False


def build(w: MainWindow) -> dict[str, QAction]:
    bar = w.menuBar()
    actions: dict[str, QAction] = {}

    def add(menu, key: str, text: str, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(text, w)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        actions[key] = action
        return action

    file_menu = bar.addMenu("&File")
    add(file_menu, "import", "&Import catalog…", lambda: w.io.choose_import(), "Ctrl+I")
    add(file_menu, "export", "&Export catalog…", lambda: w.io.choose_export(), "Ctrl+E")
    file_menu.addSeparator()
    add(file_menu, "link", "&Link audio file to this song…", _link_current(w), "Ctrl+L")
    file_menu.addSeparator()
    add(file_menu, "quit", "&Quit", w.close, QKeySequence.StandardKey.Quit)

    view = bar.addMenu("&View")
    add(view, "home", "&Featured article", w.reading.home, "Alt+Home")
    add(view, "find", "&Search", w.browser.focus_search)
    view.addSeparator()
    group_menu = view.addMenu("&Group by")
    group = QActionGroup(w)
    for n, grouping in enumerate(Grouping, start=1):
        action = add(
            group_menu,
            f"group-{grouping.value}",
            grouping.label,
            lambda _=False, g=grouping: w.browser.set_grouping(g),
            f"Ctrl+{n}",
            checkable=True,
        )
        group.addAction(action)
        action.setChecked(grouping is w.model.grouping)

    def follow_grouping(grouping: Grouping, newest_first: bool) -> None:
        # Every path that regroups (box, button, menu, restored settings) ends here.
        actions[f"group-{grouping.value}"].setChecked(True)
        actions["newest"].setChecked(newest_first)

    newest = add(
        view,
        "newest",
        "&Newest first",
        lambda on: w.browser.set_grouping(w.model.grouping, on),
        checkable=True,
    )
    newest.setChecked(w.model.newest_first)
    w.browser.grouping_changed.connect(follow_grouping)
    view.addSeparator()
    lyrics = add(
        view, "lyrics", "&Lyrics beside the page", w.set_lyrics_visible, "Ctrl+Shift+L", True
    )
    lyrics.setChecked(w.settings.value("ui/lyrics_visible", True) not in (False, "false"))
    w.lyrics.view.setVisible(lyrics.isChecked())
    add(view, "lyrics-mode", "Lyrics &mode (full window)", w.set_lyrics_mode, "F11", True)
    roman = add(
        view, "romanization", "&Romanization under Hangul", w.lyrics.set_romanization, None, True
    )
    roman.setChecked(w.lyrics.romanization)
    queue = w.queue_dock.toggleViewAction()
    queue.setText("&Queue")
    queue.setShortcut(QKeySequence("Ctrl+Shift+Q"))
    view.addAction(queue)
    actions["queue"] = queue

    playback = bar.addMenu("&Playback")
    c = w.controller
    add(playback, "play", "Play/Pause", c.play_pause)
    add(playback, "stop", "Stop", c.stop)
    add(playback, "previous", "Previous", c.previous)
    add(playback, "next", "Next", c.next)
    for action in (actions["play"], actions["stop"], actions["previous"], actions["next"]):
        action.setEnabled(w.player.available)

    help_menu = bar.addMenu("&Help")
    add(help_menu, "about", "&About OST Player", lambda: about(w))
    return actions


def show_row_menu(w: MainWindow, pos) -> None:
    """Right-click on a song row: play it, queue it, or manage its audio file."""
    from PySide6.QtWidgets import QMenu

    tree = w.browser.tree
    index = tree.indexAt(pos)
    song = w.model.song_at(index)
    if song is None:
        return
    state = w.status(song.id)
    linked = state == "linked"
    menu = QMenu(tree)
    play = menu.addAction("Play", lambda: w.play_songs(song.id, w.model.sibling_song_ids(index)))
    play_next = menu.addAction("Play next", lambda: w.queue_song(song.id, next_up=True))
    enqueue = menu.addAction("Add to queue", lambda: w.queue_song(song.id, next_up=False))
    for action in (play, play_next, enqueue):
        action.setEnabled(linked and w.player.available)
    menu.addSeparator()
    menu.addAction(
        {"linked": "Replace audio file…", "none": "Link audio file…"}.get(state, "Relink…"),
        lambda: w.actions_.choose_and_link(song.id),
    )
    if w.library.audio_path(song.id):
        menu.addAction("Unlink", lambda: w.actions_.unlink(song.id))
        menu.addAction("Show in folder", lambda: w.actions_.show_in_folder(song.id))
    menu.addAction("Edit lyrics…", lambda: w.edit_lyrics(song.id))
    menu.exec(tree.viewport().mapToGlobal(pos))


def _link_current(w: MainWindow):
    def run() -> None:
        kind, ident = w.reading.current
        if kind == "song":
            w.actions_.choose_and_link(ident)
        else:
            w.show_status("Select a song first, then link the audio file you own.")

    return run


def about(w: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    playback = (
        "Playback through libVLC."
        if w.player.available
        else f"Playback is off: {w.player.unavailable_reason}"
    )
    QMessageBox.about(
        w,
        "About OST Player",
        f"<h3>OST Player {__version__}</h3>"
        "<p>A listening companion for K-drama soundtracks: browse the OSTs of your favourite"
        " dramas, read each song's lyrics and story, and play the audio files you own.</p>"
        f"<p>{playback}</p><p>Library: {w.library.data_dir}</p>",
    )
