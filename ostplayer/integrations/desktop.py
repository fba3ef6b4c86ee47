"""Everything that makes the window a desktop citizen, attached once the window is assembled:
MPRIS on the session bus, the remote-control socket, the tray icon and notifications.

Each part is optional and fails quietly: no session bus means no MPRIS (and no
notifications), no tray means no tray icon, and the window works the same without them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..paths import resource_path

# desktop_entry.APP_ID; not imported from there: this module loads before the first paint
# (for the window icon) and desktop_entry brings subprocess and friends with it.
APP_ID = "io.github.ostplayer.OSTPlayer"

if TYPE_CHECKING:
    from ..services.context import AppContext

log = logging.getLogger(__name__)

ICON_SIZES = (22, 24, 48, 64, 128, 512)


def app_icon() -> QIcon:
    """The application icon from the bundled hicolor files (the theme's, once installed)."""
    icon = QIcon()
    base = resource_path("icons/hicolor")
    # The drawn sizes first (crisp at tray and title-bar sizes), then the SVG for the rest.
    for size in ICON_SIZES:
        png = base / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    svg = base / "scalable" / "apps" / f"{APP_ID}.svg"
    if svg.exists():
        icon.addFile(str(svg))
    return icon if not icon.isNull() else QIcon.fromTheme(APP_ID)


class DesktopIntegration:
    def __init__(
        self,
        window: Any,
        ctx: AppContext,
        *,
        quit_app: Any,
        library_commands: dict[str, Any] | None = None,
    ) -> None:
        """``library_commands``: the command line's ``songs`` and ``link`` handlers, which
        the remote runs on this app's library (handed in by the composition root)."""
        from .mpris import MprisService
        from .notifications import SongNotifier
        from .remote_commands import build_handlers
        from .single_instance import start_server
        from .tray import Tray

        self.window, self.ctx = window, ctx
        self._quit = quit_app
        self.tray: Tray | None = None
        self.mpris = MprisService(
            ctx.playback,
            ctx.library,
            ctx.lyrics,
            ctx.paths.cache,
            raise_window=self.raise_window,
            quit_app=self.quit,
            open_paths=lambda paths: self.open_paths([str(p) for p in paths]),
            parent=window,
        )
        self.mpris.start()
        self.notifier = SongNotifier(
            ctx.playback,
            ctx.library,
            ctx.settings,
            window_visible=lambda: window.isVisible() and not window.isMinimized(),
            art_for=self.mpris.art_for,
            parent=window,
        )
        if Tray.available():
            self.tray = Tray(
                window,
                ctx.playback,
                ctx.library,
                ctx.settings,
                window.windowIcon(),
                quit_app=self.quit,
                notifier=self.notifier,
                parent=window,
            )
            self.tray.show()
        self.handlers = build_handlers(
            ctx,
            raise_window=self.raise_window,
            play_songs=window.play_songs,
            scan_paths=window.scan_ui.scan_dropped,
            status=window.show_status,
            quit_app=self.quit,
            library_commands=library_commands or {},
        )
        self.server = start_server(ctx.paths.data, self.handlers, window)

    def raise_window(self) -> None:
        w = self.window
        w.showNormal() if w.isMinimized() else w.show()
        w.raise_()
        w.activateWindow()

    def open_paths(self, files: list[str]) -> None:
        """Files from the command line or MPRIS OpenUri: play the linked, scan the rest."""
        if files:
            self.handlers["open"]({"files": files}, lambda *_a: None)

    def quit(self) -> None:
        """Quit from the tray or MPRIS: the window's close asks about unsaved lyrics first."""
        if self.tray is not None:
            self.tray.quitting = True
        if self.window.close():
            self._quit()
        elif self.tray is not None:
            self.tray.quitting = False
            self.raise_window()

    def shutdown(self) -> None:
        if self.server is not None:
            self.server.close()
        self.notifier.shutdown()
        self.mpris.stop()
        if self.tray is not None:
            self.tray.hide()


def files_from_args(files: list[str] | None) -> list[str]:
    return [str(Path(f).expanduser().absolute()) for f in files or []]
