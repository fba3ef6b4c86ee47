"""The app's real main window for the benchmarks, built the way ``ostplayer/app.py`` builds it.

One place for the composition the benchmarks share, so a change of the window's constructor
is adapted here once. Everything (library, settings, state) lives in one data folder, as
``ostplayer --data-dir`` keeps it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path
from ostplayer.playback.base import Player
from ostplayer.services.context import AppContext
from ostplayer.services.settings import Settings

if TYPE_CHECKING:
    from ostplayer.ui.main_window import MainWindow

SEED = resource_path(BUNDLED_CATALOG)


def build_window(
    data_dir: Path, player: Player, library: Library | None = None
) -> tuple[MainWindow, AppContext]:
    """``MainWindow(settings, context)`` on ``data_dir`` (its library opened unless given)."""
    from ostplayer.ui.main_window import MainWindow

    paths = AppPaths.single(data_dir)
    paths.make()
    library = library or Library(paths.data, SEED, paths.state)
    settings = Settings(paths.settings_file)
    context = AppContext.create(paths, library, player, settings)
    return MainWindow(settings, context), context


def close_window(window: MainWindow, context: AppContext) -> None:
    """What the app does on quit: the window saves its layout, then the context stops."""
    window.shutdown()
    context.shutdown()
    window.close()
