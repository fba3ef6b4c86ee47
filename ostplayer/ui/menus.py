"""Menus, icons and key handling for the main window."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QTreeView, QWidget

from .. import __version__
from ..domain.grouping import Grouping
from .actions import Actions
from .browser_model import BrowserModel
from .history_page import history_action
from .i18n import fill, tr
from .transport import playback_off_reason


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
        "playing": style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
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


def build_menus(bar: QMenuBar, a: Actions) -> None:
    """The menu bar, laid out from the window's actions."""
    file_menu = bar.addMenu("&File")
    for key in ("import", "export", None, "link", None, "quit"):
        _add(file_menu, a, key)
    library = bar.addMenu("&Library")
    for key in ("add-folder", "rescan", "folders", None, "review"):
        _add(library, a, key)
    library.addSeparator()
    library.addAction(history_action(a, bar.window()))
    view = bar.addMenu("&View")
    view.setObjectName("viewMenu")  # Appearance and Language are added to it
    for key in ("home", "find", None):
        _add(view, a, key)
    group_menu = view.addMenu("&Group by")
    for grouping in Grouping:
        group_menu.addAction(a[f"group-{grouping.value}"])
    for key in ("newest", None, "lyrics", "lyrics-mode", "romanization", "queue", "follow"):
        _add(view, a, key)
    playback = bar.addMenu("&Playback")
    for key in (
        "play",
        "stop",
        "previous",
        "next",
        None,
        "seek-back",
        "seek-forward",
        None,
        "shuffle",
        "repeat",
        None,
        "volume-up",
        "volume-down",
        "mute",
    ):
        _add(playback, a, key)
    help_menu = bar.addMenu("&Help")
    help_menu.setObjectName("helpMenu")  # Keyboard shortcuts is added to it
    help_menu.addAction(a["about"])


def _add(menu: QMenu, a: Actions, key: str | None) -> None:
    if key is None:
        menu.addSeparator()
    else:
        menu.addAction(a[key])


@dataclass(frozen=True)
class RowCommands:
    """What a song row's context menu can do (the window's own commands)."""

    play: Callable[[str], object]
    queue: Callable[[str, bool], object]
    choose_and_link: Callable[[str], object]
    unlink: Callable[[str], object]
    show_in_folder: Callable[[str], object]
    edit_lyrics: Callable[[str], object]


def row_menu(
    parent: QWidget, song_id: str, state: str, linked_path: bool, playable: bool, c: RowCommands
) -> QMenu:
    """Right-click on a song row: play it, queue it, or manage its audio file."""
    menu = QMenu(parent)
    play = menu.addAction("Play", lambda: c.play(song_id))
    play_next = menu.addAction("Play next", lambda: c.queue(song_id, True))
    enqueue = menu.addAction("Add to queue", lambda: c.queue(song_id, False))
    for action in (play, play_next, enqueue):
        action.setEnabled(state == "linked" and playable)
    menu.addSeparator()
    menu.addAction(
        {"linked": "Replace audio file…", "none": "Link audio file…"}.get(state, "Relink…"),
        lambda: c.choose_and_link(song_id),
    )
    if linked_path:
        menu.addAction("Unlink", lambda: c.unlink(song_id))
        menu.addAction("Show in folder", lambda: c.show_in_folder(song_id))
    menu.addAction("Edit lyrics…", lambda: c.edit_lyrics(song_id))
    return menu


def _tr(text: str) -> str:
    return tr("About", text)


def about_text(playback_available: bool, unavailable_reason: str, data_dir: object) -> str:
    playback = (
        _tr("Playback through libVLC.")
        if playback_available
        else fill(_tr("Playback is off: %1"), playback_off_reason(unavailable_reason))
    )
    blurb = _tr(
        "A listening companion for K-drama soundtracks: browse the OSTs of your favourite"
        " dramas, read each song's lyrics and story, and play the audio files you own."
    )
    library = fill(_tr("Library: %1"), str(data_dir))
    # Translated first, escaped after: a reason or a folder may hold "<" or "&".
    return (
        f"<h3>OST Player {__version__}</h3>"
        f"<p>{html.escape(blurb, quote=False)}</p>"
        f"<p>{html.escape(playback)}</p><p>{html.escape(library)}</p>"
    )
