"""MPRIS2 on the session bus: desktops, media keys, headsets and ``playerctl`` control playback.

Registered as ``org.mpris.MediaPlayer2.ostplayer`` at ``/org/mpris/MediaPlayer2`` with the
root and Player interfaces, built on the one :class:`PlaybackSession` every view shares: a
``playerctl next`` and the window's Next button run the same code.

The adaptors' declared properties give the introspection data; their values are served by
:class:`~.mpris_marshal.PropertiesAdaptor` with the D-Bus types the spec names (``int64``
positions and lengths inside ``a{sv}``, which PySide alone would send as ``int32``). Qt
sends ``Seeked`` (declared ``qlonglong``) itself; ``PropertiesChanged`` is sent by
:class:`MprisService`, once per burst of changes, with what changed.

No session bus (a bare X session, CI, a container) means no MPRIS and nothing else: the app
says nothing about it beyond a log line.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVariant,
)

from ..services.library_service import LibraryService
from ..services.lyrics_service import LyricsResult, LyricsService
from ..services.playback_session import PlaybackSession
from . import mpris_metadata as mm
from .mpris_adaptors import (
    APP_ID,
    IDENTITY,
    PLAYER_PROPERTIES,
    PLAYER_WRITABLE,
    ROOT_PROPERTIES,
    PlayerAdaptor,
    RootAdaptor,
)
from .mpris_art import cover_file
from .mpris_marshal import Int64Maker, Marshaller, PropertiesAdaptor, empty_string_array

__all__ = ["APP_ID", "IDENTITY", "MprisService"]

log = logging.getLogger(__name__)


class MprisService(QObject):
    """Owns the bus name and the adaptors; turns the session's signals into D-Bus signals."""

    def __init__(
        self,
        session: PlaybackSession,
        library: LibraryService,
        lyrics: LyricsService | None,
        cache_dir: Path,
        *,
        raise_window: Callable[[], None],
        quit_app: Callable[[], None],
        open_paths: Callable[[list[Path]], None],
        connection: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        self.lyrics = lyrics
        self.cache_dir = cache_dir
        self.raise_window = raise_window
        self.quit_app = quit_app
        self.open_paths = open_paths
        self._bus = connection
        self.registered = False
        self.bus_name = mm.BUS_NAME
        # The song MPRIS shows: from its start to a stop, so a client asking while libVLC
        # moves between two songs (a moment of Stopped) still sees one.
        self._track: str | None = session.current_song_id if session.is_active() else None
        self._dirty: set[str] = set()
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._send_changes)
        self._art: dict[str, str | None] = {}  # song id -> cover file (None: none)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mpris-art")
        self._object = QObject(self)
        self._root = RootAdaptor(self._object, self)
        self._player = PlayerAdaptor(self._object, self)
        self._int64: Int64Maker | None = None
        self._marshal = Marshaller(self._make_int64)
        self._props = PropertiesAdaptor(
            self._object,
            lambda: self._bus,
            self._marshal,
            {
                mm.ROOT_INTERFACE: (ROOT_PROPERTIES, self._read_root, self._write_root),
                mm.PLAYER_INTERFACE: (PLAYER_PROPERTIES, self._read_player, self._write_player),
            },
        )

    # --- bus --------------------------------------------------------------------------------

    def start(self) -> bool:
        """Register on the session bus; False (and a log line only) when there is none.

        A second library's window (``--data-dir``) finds the name taken and registers as
        ``org.mpris.MediaPlayer2.ostplayer.instance<pid>``, as the spec suggests for several
        instances: clients list both."""
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no D-Bus session bus: MPRIS is off (%s)", bus.lastError().message())
            return False
        options = QDBusConnection.RegisterOption.ExportAdaptors
        self._int64 = Int64Maker(bus, self)
        if not bus.registerObject(mm.OBJECT_PATH, self._object, options):
            log.info("MPRIS object not registered: %s", bus.lastError().message())
            return False
        for name in (mm.BUS_NAME, f"{mm.BUS_NAME}.instance{os.getpid()}"):
            if bus.registerService(name):
                self.bus_name = name
                break
        else:
            log.info("MPRIS name %s not available: %s", mm.BUS_NAME, bus.lastError().message())
            bus.unregisterObject(mm.OBJECT_PATH)
            return False
        self._bus = bus
        self.registered = True
        self._connect()
        return True

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self.registered and self._bus is not None:
            self._bus.unregisterService(self.bus_name)
            self._bus.unregisterObject(mm.OBJECT_PATH)
            self.registered = False
        if self._int64 is not None:
            self._int64.close()
            self._int64 = None

    # --- properties -------------------------------------------------------------------------

    def _make_int64(self, n: int) -> QDBusVariant:
        return self._int64.make(n) if self._int64 is not None else QDBusVariant(int(n))

    def _read_root(self, name: str) -> object:
        return getattr(self._root, name)

    def _write_root(self, _name: str, _value: object) -> bool:
        return False  # Fullscreen cannot be set; everything else is read-only

    def _read_player(self, name: str) -> object:
        if name == "Metadata":
            return self.metadata_for_dbus()
        return getattr(self._player, name)

    def _write_player(self, name: str, value: object) -> bool:
        if name not in PLAYER_WRITABLE:
            return False
        setattr(self._player, name, value)
        return True

    def _connect(self) -> None:
        s = self.session
        s.state_changed.connect(
            lambda _st: self._changed("PlaybackStatus", "CanPause", "CanSeek", "CanPlay")
        )
        s.now_playing.connect(self._on_now_playing)
        s.length_changed.connect(lambda _ms: self._changed("Metadata"))
        s.seeked.connect(self._on_seeked)
        s.volume_changed.connect(lambda _v: self._changed("Volume"))
        s.muted_changed.connect(lambda _m: self._changed("Volume"))
        s.shuffle_changed.connect(lambda _on: self._changed("Shuffle"))
        s.repeat_changed.connect(lambda _mode: self._changed("LoopStatus", "CanGoNext"))
        s.queue_changed.connect(lambda: self._changed("CanGoNext", "CanGoPrevious", "CanPlay"))
        s.stopped.connect(self._on_stopped)
        if self.lyrics is not None:
            self.lyrics.resolved.connect(self._on_lyrics)

    def can_control(self) -> bool:
        return self.session.available

    # --- metadata ---------------------------------------------------------------------------

    def metadata(self) -> dict[str, object]:
        """The current Metadata map as plain values (the trackid as a str)."""
        s = self.session
        song = self._track
        if song is None:
            return mm.build_metadata(self.library.catalog, None)
        return mm.build_metadata(
            self.library.catalog,
            song,
            length_ms=s.length_ms(),
            file_path=s.current_path,
            lyrics_text=self._lyrics_text(song),
            art_path=self._art.get(song),
        )

    def metadata_for_dbus(self) -> dict[str, object]:
        meta = self.metadata()
        meta["mpris:trackid"] = QDBusObjectPath(str(meta["mpris:trackid"]))
        return meta

    def _lyrics_text(self, song_id: str) -> str:
        saved = self.library.saved_lyrics(song_id)
        if self.lyrics is not None:
            result = self.lyrics.cached(song_id)
            if result is None and not self.lyrics.is_pending(song_id):
                result = self.lyrics.request(song_id)
            if result is not None and result.found is not None:
                return result.found.lyrics.plain_text()
        return saved or ""

    def _on_lyrics(self, result: LyricsResult) -> None:
        if result.song_id == self.session.current_song_id:
            self._changed("Metadata")

    def _on_stopped(self) -> None:
        self._track = None
        self._changed("PlaybackStatus", "Metadata", "CanSeek", "CanPause")

    def _on_now_playing(self, song_id: str) -> None:
        self._track = song_id
        self._changed("Metadata", "PlaybackStatus", "CanGoNext", "CanGoPrevious", "CanSeek")
        path = self.session.current_path
        if song_id in self._art or not path:
            return
        future = self._pool.submit(cover_file, path, self.cache_dir)
        dispatcher = self.library.tasks.dispatcher

        def done(f) -> None:
            found = None if f.cancelled() or f.exception() else f.result()
            dispatcher.post(self, self._art_found, song_id, str(found) if found else None)

        future.add_done_callback(done)

    def _art_found(self, song_id: str, path: str | None) -> None:
        self._art[song_id] = path
        if path and song_id == self.session.current_song_id:
            self._changed("Metadata")

    def art_for(self, song_id: str) -> str | None:
        """The cover file found for a song, once looked up (notifications show it too)."""
        return self._art.get(song_id)

    # --- signals ----------------------------------------------------------------------------

    def _on_seeked(self, ms: int) -> None:
        self._player.Seeked.emit(max(0, int(ms)) * 1000)

    def _changed(self, *names: str) -> None:
        self._dirty.update(names)
        self._flush.start()

    def _send_changes(self) -> None:
        if not self.registered or self._bus is None or not self._dirty:
            return
        names, self._dirty = sorted(self._dirty), set()
        changed = {}
        for name in names:
            if name == "Metadata":
                changed[name] = self.metadata_for_dbus()
            else:
                changed[name] = self._read_player(name)
        message = QDBusMessage.createSignal(
            mm.OBJECT_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        message.setArguments(
            [mm.PLAYER_INTERFACE, self._marshal.map(changed), empty_string_array()]
        )
        self._bus.send(message)
