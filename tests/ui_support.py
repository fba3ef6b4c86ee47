"""Builds a real MainWindow on a temporary library for pytest-qt tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, resource_path
from ostplayer.playback.null_backend import NullPlayer


def make_window(qtbot, data_dir: Path, player=None):
    from ostplayer.ui.main_window import MainWindow

    library = Library(data_dir, resource_path(BUNDLED_CATALOG))
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    player = player or NullPlayer(
        "libVLC is not installed: sudo apt install libvlc5 vlc-plugin-base"
    )
    window = MainWindow(library, player, settings)
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
