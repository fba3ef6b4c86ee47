"""Composition root: builds every part once and passes it where it is needed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def run_gui(data_dir: Path) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .catalog.library import Library, LibraryTooNew
    from .catalog.lock import AlreadyRunning, DataDirLock
    from .paths import BUNDLED_CATALOG, resource_path
    from .playback.base import create_player
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("OST Player")
    app.setOrganizationName("ostplayer")
    app.setDesktopFileName("ostplayer")

    lock = DataDirLock(data_dir)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        print(f"ostplayer: {exc}", file=sys.stderr)
        QMessageBox.information(None, "OST Player is already running", str(exc))
        return 1
    try:
        try:
            library = Library(data_dir, resource_path(BUNDLED_CATALOG))
        except LibraryTooNew as exc:
            print(f"ostplayer: {exc}", file=sys.stderr)
            QMessageBox.critical(None, "OST Player needs an update", str(exc))
            return 2
        settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
        player = create_player()
        window = MainWindow(library, player, settings)
        _benchmark_hooks(window)
        window.show()
        window.show_notices(library.notices)
        QTimer.singleShot(0, window.offer_resume)
        code = app.exec()
        window.shutdown()
        player.close()
        library.close()
        return code
    finally:
        lock.release()


def _benchmark_hooks(window) -> None:
    """For benchmarks and smoke tests: OSTPLAYER_EXIT_AFTER_PAINT=FILE writes the wall time of
    the first paint to FILE and quits; with OSTPLAYER_WAIT_FOR_INDEX=1 it quits only once the
    search index is built too, so a run's peak memory includes it."""
    target = os.environ.get("OSTPLAYER_EXIT_AFTER_PAINT")
    if not target:
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    wait_for_index = os.environ.get("OSTPLAYER_WAIT_FOR_INDEX") == "1"

    def quit_when_indexed() -> None:
        if not wait_for_index or window.search.indexed:
            QTimer.singleShot(0, QApplication.quit)
        else:
            window.search.ready.connect(lambda: QTimer.singleShot(0, QApplication.quit))

    def painted() -> None:
        Path(target).write_text(f"{time.time():.6f}\n")
        quit_when_indexed()

    window.first_painted.connect(painted)
