"""A desktop notification when the song changes (org.freedesktop.Notifications over QtDBus).

Off while the window is on screen (the window already shows the song), on while it is hidden
in the tray or minimised: the preference (:data:`Keys.NOTIFICATIONS`) is "hidden" by default,
or "always" / "never". Each notification replaces the previous one, so skipping through ten
songs leaves one bubble, not ten. The cover goes along as ``image-path`` when one was found.

The Notify call is made through a :class:`QDBusInterface`'s introspected method with typed
arguments (``Q_ARG("uint", …)``): PySide would send a Python int as ``i`` and the spec's
``replaces_id`` is ``u``, which notification daemons insist on. It runs on a worker thread:
a hung notification daemon never stalls the window.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QObject, Qt, QTimer
from PySide6.QtDBus import QDBusConnection, QDBusInterface

from ..services.library_service import LibraryService
from ..services.playback_session import PlaybackSession
from ..services.settings import Keys, Settings
from .mpris import APP_ID, IDENTITY
from .mpris_metadata import build_metadata

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
MODES = ("hidden", "always", "never")
#: Wait this long after a song starts for its cover lookup before notifying.
COVER_WAIT_MS = 300
EXPIRE_MS = 5000
CALL_TIMEOUT_MS = 2000


def should_notify(mode: str, window_visible: bool) -> bool:
    if mode == "always":
        return True
    if mode == "never":
        return False
    return not window_visible


class SongNotifier(QObject):
    def __init__(
        self,
        session: PlaybackSession,
        library: LibraryService,
        settings: Settings,
        *,
        window_visible: Callable[[], bool],
        art_for: Callable[[str], str | None] = lambda _sid: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        self.settings = settings
        self.window_visible = window_visible
        self.art_for = art_for
        self.sent: list[tuple[str, str]] = []  # (summary, body), for tests and the log
        self._last_id = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notify")
        self._pending: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COVER_WAIT_MS)
        self._timer.timeout.connect(self._fire)
        session.now_playing.connect(self._on_now_playing)

    @property
    def mode(self) -> str:
        mode = self.settings.get(Keys.NOTIFICATIONS)
        return mode if mode in MODES else "hidden"

    def set_mode(self, mode: str) -> None:
        if mode in MODES:
            self.settings.set(Keys.NOTIFICATIONS, mode)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _on_now_playing(self, song_id: str) -> None:
        self._pending = song_id
        self._timer.start()

    def _fire(self) -> None:
        song = self._pending
        if song is None or song != self.session.current_song_id:
            return
        if not should_notify(self.mode, self.window_visible()):
            return
        meta = build_metadata(self.library.catalog, song)
        summary = str(meta.get("xesam:title", song))
        artists = ", ".join(meta.get("xesam:artist", []))  # type: ignore[arg-type]
        album = str(meta.get("xesam:album", ""))
        # Daemons may read the body as markup (the spec allows <b>, <i>…): titles are text.
        body = html.escape("\n".join(x for x in (artists, album) if x), quote=False)
        art = self.art_for(song) or ""
        self.sent.append((summary, body))
        self._pool.submit(self._notify, summary, body, art)

    def _notify(self, summary: str, body: str, art: str) -> None:
        """On the worker thread: one blocking call, bounded by CALL_TIMEOUT_MS."""
        try:
            bus = QDBusConnection.sessionBus()
            if not bus.isConnected():
                return
            iface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
            iface.setTimeout(CALL_TIMEOUT_MS)
            if not iface.isValid():
                log.info("no notification service: %s", iface.lastError().message())
                return
            hints = {"desktop-entry": APP_ID, "category": "x-ostplayer.song"}
            if art:
                hints["image-path"] = art
            result = QMetaObject.invokeMethod(
                iface,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG(str, IDENTITY),
                Q_ARG("uint", self._last_id),
                Q_ARG(str, art or APP_ID),
                Q_ARG(str, summary),
                Q_ARG(str, body),
                Q_ARG("QStringList", []),
                Q_ARG("QVariantMap", hints),
                Q_ARG(int, EXPIRE_MS),
            )
            if isinstance(result, int) and result > 0:
                self._last_id = result
        except Exception:  # a notification is never worth an error dialog
            log.exception("desktop notification failed")
