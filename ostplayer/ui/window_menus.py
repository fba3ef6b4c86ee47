"""The main window's menu bar: its commands, bound to the window's parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..services.settings import Keys
from .actions import WindowCommands, create_actions
from .menus import build_menus

if TYPE_CHECKING:
    from .main_window import MainWindow


def install_menus(window: MainWindow) -> None:
    commands = WindowCommands(
        import_catalog=lambda: window.io.choose_import(),
        export_catalog=lambda: window.io.choose_export(),
        link_current=window._link_current,
        quit=window.close,
        home=window.reading.home,
        focus_search=window.browser.focus_search,
        set_grouping=lambda g: window.browser.set_grouping(g),
        set_newest_first=lambda on: window.browser.set_grouping(window.model.grouping, on),
        set_lyrics_visible=window.set_lyrics_visible,
        set_lyrics_mode=window.set_lyrics_mode,
        set_romanization=window.lyrics.set_romanization,
        set_queue_visible=window.set_queue_visible,
        set_follow_playing=lambda on: window.settings.set(Keys.FOLLOW_PLAYING, bool(on)),
        seek_back=lambda: window._arrow(-5000),
        seek_forward=lambda: window._arrow(5000),
        about=window._about,
        add_folder=window.scan_ui.add_folder,
        rescan=window.scan_ui.rescan,
        edit_folders=window.scan_ui.edit_folders,
        review=window.scan_ui.review,
        play_pause=window.playback.play_pause,
    )
    window.menu_actions = create_actions(
        window,
        window.session,
        commands,
        grouping=window.model.grouping,
        newest_first=window.model.newest_first,
        lyrics_visible=window.settings.get(Keys.LYRICS_VISIBLE),
        romanization=window.lyrics.romanization,
        follow_playing=window.settings.get(Keys.FOLLOW_PLAYING),
    )
    build_menus(window.menuBar(), window.menu_actions)
    from .online_lyrics_ui import install_online_lyrics

    install_online_lyrics(window)  # the Lyrics menu and the panel's row, when wired (app.py)
