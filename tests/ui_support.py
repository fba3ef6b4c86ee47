"""Builds a real MainWindow (and its application context) on a temporary library."""

from __future__ import annotations

from pathlib import Path

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path
from ostplayer.playback.null_backend import NullPlayer
from ostplayer.services.context import AppContext
from ostplayer.services.settings import Settings

NO_VLC = "libVLC is not installed: sudo apt install libvlc5 vlc-plugin-base"


def make_context(data_dir: Path, player=None, parent=None) -> AppContext:
    """Everything in ``data_dir``, as ``ostplayer --data-dir`` keeps it."""
    paths = AppPaths.single(data_dir)
    paths.make()
    library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    settings = Settings(paths.settings_file)
    return AppContext.create(paths, library, player or NullPlayer(NO_VLC), settings, parent)


def make_window(qtbot, data_dir: Path, player=None):
    from ostplayer.ui.main_window import MainWindow

    context = make_context(data_dir, player)
    window = MainWindow(context.settings, context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def visible_song_titles(window) -> list[str]:
    model = window.model
    return [model.songs[i].title for i in _positions(window)]


def _positions(window):
    model = window.model
    for _group, songs in model._groups:
        yield from songs
