"""Composition root: builds the context and its services once, then the window."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from .paths import AppPaths

# Long enough for the window to settle and the search index to build first.
RESCAN_AFTER_START_MS = 4000
# Background work (a scan's matching, the search index) runs on Python threads. Handing the
# GIL over every 1 ms instead of Python's 5 keeps a keystroke's many Qt-to-Python calls from
# queueing behind them (keystroke waits during a scan: benchmarks/bench_scan.py).
GUI_SWITCH_INTERVAL_S = 0.001


def run_gui(paths: AppPaths, files: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .catalog.lock import AlreadyRunning, DataDirLock
    from .services.settings import Settings
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationName("OST Player")
    app.setOrganizationName("ostplayer")
    app.setDesktopFileName("io.github.ostplayer.OSTPlayer")

    lock = DataDirLock(paths.data)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        from .integrations.single_instance import HAND_OVER_WAIT_S, hand_over

        # A copy that is still starting opens its socket once assembled: give it a moment.
        if hand_over(paths.data, files, wait_s=HAND_OVER_WAIT_S):
            return 0
        print(f"ostplayer: {exc}", file=sys.stderr)
        QMessageBox.information(None, "OST Player is already running", str(exc))
        return 1
    except OSError as exc:
        print(f"ostplayer: cannot use the data folder {paths.data}: {exc}", file=sys.stderr)
        QMessageBox.critical(
            None, "OST Player cannot start", f"Cannot use the data folder {paths.data}:\n{exc}"
        )
        return 2
    try:
        migrated = paths.migrate()
        paths.make()
        settings = Settings(paths.settings_file)
        # Light or dark before the first window, so it never paints in the other. The
        # language and the icon come right after the first frame (it holds no translated
        # text): importing them cost ~10 ms of the first paint (benchmarks/bench_startup.py).
        from .ui.theme import ThemeManager

        ThemeManager.of(app, settings)
        translators: list = []  # kept alive with the app
        # The bare window paints first; the library, libVLC and the window's parts load
        # right after, so the user never stares at nothing while they do.
        window = MainWindow(settings)
        failure: list[int] = []
        contexts: list = []
        desktops: list = []

        def fail(title: str, message: str) -> None:
            print(f"ostplayer: {message}", file=sys.stderr)
            QMessageBox.critical(window, title, message)
            failure.append(2)
            window.close()

        def assemble() -> None:
            from .integrations.desktop import app_icon
            from .ui.i18n import install_translator

            # Before any part of the window is built, so every part is in the language.
            translators.extend(install_translator(app, settings))
            app.setWindowIcon(app_icon())
            from concurrent.futures import ThreadPoolExecutor

            from .catalog.library import Library, LibraryError, LibraryTooNew
            from .paths import BUNDLED_CATALOG, resource_path

            # The library opens on a thread of its own while this one loads libVLC and the
            # services: reading the file, and libVLC loading its plugins, leave the GIL free,
            # so a big library and libVLC no longer wait for each other. No Qt object is made
            # there; the window only takes the library once it is open.
            with ThreadPoolExecutor(1, thread_name_prefix="open-library") as opener:
                opening = opener.submit(
                    _open_library, Library, paths, resource_path(BUNDLED_CATALOG)
                )
                from .integrations.lyrics_providers.wiring import make_online_lyrics
                from .playback import create_player
                from .services.context import AppContext

                player = create_player()
                try:
                    library = opening.result()
                except LibraryTooNew as exc:
                    player.close()
                    fail("OST Player needs an update", str(exc))
                    return
                except OSError as exc:
                    player.close()
                    fail(
                        "OST Player cannot open the library",
                        f"Cannot open the library in {paths.data}: {exc}",
                    )
                    return
                except LibraryError as exc:  # anything unforeseen: names the file
                    player.close()
                    fail("OST Player cannot open the library", str(exc))
                    return
            context = AppContext.create(paths, library, player, settings, window)
            contexts.append(context)

            context.online_lyrics = make_online_lyrics(context, window)  # off until turned on
            window.assemble(context)
            # MPRIS, the remote-control socket, the tray and notifications.
            from .cli_library import library_commands
            from .integrations.desktop import DesktopIntegration

            desktops.append(
                DesktopIntegration(
                    window, context, quit_app=app.quit, library_commands=library_commands()
                )
            )
            desktops[0].open_paths(files or [])
            window.show_notices([*context.notices, *migrated])
            QTimer.singleShot(0, window.offer_resume)
            # New, changed, moved and deleted files since the last run, in the background.
            QTimer.singleShot(RESCAN_AFTER_START_MS, context.scan.rescan)
            # What exists now lives as long as the window: keep the collector off it.
            gc.freeze()

        window.first_painted.connect(lambda: QTimer.singleShot(0, assemble))
        _benchmark_hooks(window)
        window.show()
        code = app.exec()
        for desktop in desktops:
            desktop.shutdown()
        window.shutdown()
        for context in contexts:
            context.shutdown()
        return failure[0] if failure else code
    finally:
        lock.release()


def _open_library(library_class: type, paths: AppPaths, bundled: Path):
    """The library, with the collector off while it opens and its objects then frozen: they
    live as long as the app, and the first collections after a 100,000-song library loaded
    walked them all (76 ms at once, more over the window's building)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        library = library_class(paths.data, bundled, paths.state)
        gc.freeze()
        return library
    finally:
        if was_enabled:
            gc.enable()


def _benchmark_hooks(window) -> None:
    """For benchmarks and smoke tests: OSTPLAYER_EXIT_AFTER_PAINT=FILE writes the wall time of
    the first paint (the bare window) and, on a second line, of the first paint with the
    library in it, to FILE and quits; with OSTPLAYER_WAIT_FOR_INDEX=1 it quits only once the
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

    stamps: list[str] = []
    window.first_painted.connect(lambda: stamps.append(f"{time.time():.6f}"))

    def painted() -> None:
        stamps.append(f"{time.time():.6f}")
        Path(target).write_text("\n".join(stamps) + "\n")
        quit_when_indexed()

    window.content_painted.connect(painted)
