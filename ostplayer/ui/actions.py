"""Every command of the window as one QAction, built once (Picard's ``mainwindow/actions.py``).

Menus, context menus, shortcuts and the tray all use these same actions, so a command has one
text, one shortcut and one enabled state wherever it appears. The window hands in what it can
do as plain callables (:class:`WindowCommands`); playback commands go straight to the session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from ..domain.grouping import Grouping
from ..domain.queue import RepeatMode
from ..services.playback_session import PlaybackSession

Slot = Callable[..., object]


@dataclass(frozen=True)
class WindowCommands:
    import_catalog: Slot
    export_catalog: Slot
    link_current: Slot
    quit: Slot
    home: Slot
    focus_search: Slot
    set_grouping: Callable[[Grouping], object]
    set_newest_first: Callable[[bool], object]
    set_lyrics_visible: Callable[[bool], object]
    set_lyrics_mode: Callable[[bool], object]
    set_romanization: Callable[[bool], object]
    set_queue_visible: Callable[[bool], object]
    set_follow_playing: Callable[[bool], object]
    seek_back: Slot
    seek_forward: Slot
    about: Slot
    add_folder: Slot
    rescan: Slot
    edit_folders: Slot
    review: Slot
    # ▶ / Space through the window (it plays the selected song when nothing is queued).
    play_pause: Slot | None = None


class Actions:
    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._all: dict[str, QAction] = {}

    def add(
        self,
        key: str,
        text: str,
        slot: Slot,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        *,
        checkable: bool = False,
        checked: bool = False,
        tip: str = "",
        extra_shortcuts: tuple[QKeySequence, ...] = (),
    ) -> QAction:
        action = QAction(text, self._parent)
        action.setObjectName(f"action-{key}")
        keys = [QKeySequence(shortcut)] if shortcut is not None else []
        keys.extend(extra_shortcuts)
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.setChecked(checked)
        action.triggered.connect(slot)
        # A window-wide shortcut only works when the action is part of the window.
        self._parent.addAction(action)
        self._all[key] = action
        return action

    def __getitem__(self, key: str) -> QAction:
        return self._all[key]

    def __contains__(self, key: str) -> bool:
        return key in self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def set_checked_quietly(self, key: str, checked: bool) -> None:
        """Show a state that changed elsewhere; commands run on ``triggered`` (the user's
        click), not on ``toggled``, so this never runs the command again."""
        self._all[key].setChecked(checked)


def create_actions(
    parent: QWidget,
    session: PlaybackSession,
    commands: WindowCommands,
    *,
    grouping: Grouping,
    newest_first: bool,
    lyrics_visible: bool,
    romanization: bool,
    follow_playing: bool,
) -> Actions:
    a = Actions(parent)
    c = commands
    a.add("import", "&Import catalog…", c.import_catalog, "Ctrl+I")
    a.add("export", "&Export catalog…", c.export_catalog, "Ctrl+Shift+E")
    a.add("link", "&Link audio file to this song…", c.link_current, "Ctrl+L")
    # Ctrl+Q as every Linux desktop has it, also where the platform theme names no Quit key.
    a.add("quit", "&Quit", c.quit, "Ctrl+Q")

    a.add(
        "add-folder",
        "&Add music folder…",
        c.add_folder,
        "Ctrl+O",
        tip="Find the music in a folder, link the catalog's songs and add the others",
    )
    a.add("rescan", "&Rescan music folders", c.rescan, "F5")
    a.add("folders", "Music &folders…", c.edit_folders)
    a.add("review", "Re&view scan matches…", c.review)
    a.add("home", "&Featured article", c.home, "Alt+Home")
    a.add("find", "&Search", c.focus_search, QKeySequence.StandardKey.Find)
    group = QActionGroup(parent)
    for n, g in enumerate(Grouping, start=1):
        action = a.add(
            f"group-{g.value}",
            g.label,
            lambda _=False, g=g: c.set_grouping(g),
            f"Ctrl+{n}",
            checkable=True,
            checked=g is grouping,
        )
        group.addAction(action)
    a.add("newest", "&Newest first", c.set_newest_first, checkable=True, checked=newest_first)
    a.add(
        "lyrics",
        "&Lyrics beside the page",
        c.set_lyrics_visible,
        "Ctrl+Shift+L",
        checkable=True,
        checked=lyrics_visible,
    )
    a.add("lyrics-mode", "Lyrics &mode (full window)", c.set_lyrics_mode, "F11", checkable=True)
    a.add(
        "romanization",
        "&Romanization under Hangul",
        c.set_romanization,
        "Ctrl+Shift+R",
        checkable=True,
        checked=romanization,
    )
    a.add("queue", "&Queue", c.set_queue_visible, "Ctrl+Shift+Q", checkable=True)
    a.add(
        "follow",
        "&Follow playing song",
        c.set_follow_playing,
        "Ctrl+J",
        checkable=True,
        checked=follow_playing,
        tip="Show the page of the song that is playing, whenever a new one starts",
    )

    media = QKeySequence
    a.add(
        "play",
        "Play/Pause",
        c.play_pause or session.play_pause,
        "Space",
        extra_shortcuts=(
            media(Qt.Key.Key_MediaTogglePlayPause),
            media(Qt.Key.Key_MediaPlay),
            media(Qt.Key.Key_MediaPause),
        ),
    )
    a.add("stop", "Stop", session.stop, media(Qt.Key.Key_MediaStop))
    a.add(
        "previous",
        "Previous",
        session.previous,
        "Ctrl+Left",
        extra_shortcuts=(media(Qt.Key.Key_MediaPrevious),),
    )
    a.add(
        "next", "Next", session.next, "Ctrl+Right", extra_shortcuts=(media(Qt.Key.Key_MediaNext),)
    )
    a.add("seek-back", "Back 5 seconds", c.seek_back, "Left")
    a.add("seek-forward", "Forward 5 seconds", c.seek_forward, "Right")
    a.add(
        "shuffle",
        "S&huffle",
        session.set_shuffle,
        "Ctrl+H",
        checkable=True,
        checked=session.shuffle,
    )
    a.add("repeat", "&Repeat: off, all, one", lambda: _cycle_repeat(session), "Ctrl+R")
    a.add("volume-up", "Volume up", lambda: session.set_volume(session.volume() + 5), "Ctrl+Up")
    a.add(
        "volume-down", "Volume down", lambda: session.set_volume(session.volume() - 5), "Ctrl+Down"
    )
    a.add("mute", "&Mute", session.set_muted, "Ctrl+M", checkable=True, checked=session.is_muted())
    session.shuffle_changed.connect(lambda on: a.set_checked_quietly("shuffle", on))
    session.muted_changed.connect(lambda on: a.set_checked_quietly("mute", on))
    for key in ("play", "stop", "previous", "next", "seek-back", "seek-forward"):
        a[key].setEnabled(session.available)

    a.add("about", "&About OST Player", c.about)
    return a


def _cycle_repeat(session: PlaybackSession) -> None:
    order = [RepeatMode.OFF, RepeatMode.ALL, RepeatMode.ONE]
    session.set_repeat(order[(order.index(session.repeat) + 1) % len(order)])
