"""The MPRIS root and Player interfaces as Qt adaptors: their declared properties are the
introspection data (the values are served, typed, by :mod:`.mpris_marshal`), their slots are
the methods, and ``Seeked`` is relayed by Qt as the ``int64`` it is declared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import ClassInfo, Property, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusObjectPath

from . import mpris_metadata as mm

if TYPE_CHECKING:
    from .mpris import MprisService

APP_ID = "io.github.ostplayer.OSTPlayer"
IDENTITY = "OST Player"


ROOT_PROPERTIES = (
    "CanQuit",
    "CanRaise",
    "Fullscreen",
    "CanSetFullscreen",
    "HasTrackList",
    "Identity",
    "DesktopEntry",
    "SupportedUriSchemes",
    "SupportedMimeTypes",
)
PLAYER_PROPERTIES = (
    "PlaybackStatus",
    "LoopStatus",
    "Shuffle",
    "Volume",
    "Rate",
    "MinimumRate",
    "MaximumRate",
    "Position",
    "Metadata",
    "CanGoNext",
    "CanGoPrevious",
    "CanPlay",
    "CanPause",
    "CanSeek",
    "CanControl",
)
PLAYER_WRITABLE = frozenset({"LoopStatus", "Shuffle", "Volume", "Rate"})


# The spec's own introspection, argument names and all; Qt's generated XML would name them
# arg_0 and say every property emits PropertiesChanged (Position does not, by the spec).
_TYPES = {
    "PlaybackStatus": "s", "LoopStatus": "s", "Shuffle": "b", "Volume": "d", "Rate": "d",
    "MinimumRate": "d", "MaximumRate": "d", "Position": "x", "Metadata": "a{sv}",
    "Identity": "s", "DesktopEntry": "s", "SupportedUriSchemes": "as",
    "SupportedMimeTypes": "as",
}  # fmt: skip
_NO_SIGNAL = frozenset({"Position", "CanControl"})
_METHODS = {
    mm.ROOT_INTERFACE: '<method name="Raise"/><method name="Quit"/>',
    mm.PLAYER_INTERFACE: (
        '<method name="Next"/><method name="Previous"/><method name="Pause"/>'
        '<method name="PlayPause"/><method name="Stop"/><method name="Play"/>'
        '<method name="Seek"><arg direction="in" name="Offset" type="x"/></method>'
        '<method name="SetPosition"><arg direction="in" name="TrackId" type="o"/>'
        '<arg direction="in" name="Position" type="x"/></method>'
        '<method name="OpenUri"><arg direction="in" name="Uri" type="s"/></method>'
        '<signal name="Seeked"><arg name="Position" type="x"/></signal>'
    ),
}


def introspection(interface: str, names: tuple[str, ...], writable: frozenset[str]) -> str:
    props = []
    for name in names:
        access = "readwrite" if name in writable else "read"
        prop = f'<property name="{name}" type="{_TYPES.get(name, "b")}" access="{access}"'
        if name in _NO_SIGNAL:
            prop += '><annotation name="org.freedesktop.DBus.Property.EmitsChangedSignal"'
            prop += ' value="false"/></property>'
        else:
            prop += "/>"
        props.append(prop)
    return f'  <interface name="{interface}">{_METHODS[interface]}{"".join(props)}</interface>\n'


ROOT_XML = introspection(mm.ROOT_INTERFACE, ROOT_PROPERTIES, frozenset())
PLAYER_XML = introspection(mm.PLAYER_INTERFACE, PLAYER_PROPERTIES, PLAYER_WRITABLE)


@ClassInfo({"D-Bus Interface": mm.ROOT_INTERFACE, "D-Bus Introspection": ROOT_XML})
class RootAdaptor(QDBusAbstractAdaptor):
    def __init__(self, parent: QObject, service: MprisService) -> None:
        super().__init__(parent)
        self._service = service

    def _true(self) -> bool:
        return True

    def _false(self) -> bool:
        return False

    def _identity(self) -> str:
        return IDENTITY

    def _desktop_entry(self) -> str:
        return APP_ID

    def _schemes(self) -> list[str]:
        return ["file"]

    def _mime_types(self) -> list[str]:
        return list(mm.SUPPORTED_MIME_TYPES)

    CanQuit = Property(bool, _true)
    CanRaise = Property(bool, _true)
    Fullscreen = Property(bool, _false)
    CanSetFullscreen = Property(bool, _false)
    HasTrackList = Property(bool, _false)
    Identity = Property(str, _identity)
    DesktopEntry = Property(str, _desktop_entry)
    SupportedUriSchemes = Property("QStringList", _schemes)
    SupportedMimeTypes = Property("QStringList", _mime_types)

    @Slot()
    def Raise(self) -> None:
        self._service.raise_window()

    @Slot()
    def Quit(self) -> None:
        # After the reply has gone out, or the caller waits for a reply that never comes.
        QTimer.singleShot(0, self._service.quit_app)


@ClassInfo({"D-Bus Interface": mm.PLAYER_INTERFACE, "D-Bus Introspection": PLAYER_XML})
class PlayerAdaptor(QDBusAbstractAdaptor):
    Seeked = Signal("qlonglong")

    def __init__(self, parent: QObject, service: MprisService) -> None:
        super().__init__(parent)
        self._service = service
        self._s = service.session
        self.setAutoRelaySignals(True)

    # --- properties -------------------------------------------------------------------------

    def _status(self) -> str:
        return mm.playback_status(self._s.state())

    def _loop(self) -> str:
        return mm.loop_status(self._s.repeat)

    def _set_loop(self, value: str) -> None:
        mode = mm.repeat_mode(str(value))
        if mode is not None and self._service.can_control():
            self._s.set_repeat(mode)

    def _shuffle(self) -> bool:
        return self._s.shuffle

    def _set_shuffle(self, value: bool) -> None:
        if self._service.can_control():
            self._s.set_shuffle(bool(value))

    def _volume(self) -> float:
        return mm.volume_to_mpris(self._s.volume(), self._s.is_muted())

    def _set_volume(self, value: float) -> None:
        if not self._service.can_control():
            return
        percent = mm.volume_from_mpris(value)
        if percent > 0 and self._s.is_muted():
            self._s.set_muted(False)
        self._s.set_volume(percent)

    def _rate(self) -> float:
        return 1.0

    def _set_rate(self, _value: float) -> None:
        pass  # only 1.0 is supported; the spec says to ignore other values

    def _position(self) -> int:
        return max(0, self._s.position_ms()) * 1000 if self._s.is_active() else 0

    def _metadata(self) -> dict:
        return self._service.metadata_for_dbus()

    def _can_go_next(self) -> bool:
        return self._service.can_control() and self._s.can_go_next()

    def _can_go_previous(self) -> bool:
        return self._service.can_control() and self._s.can_go_previous()

    def _can_play(self) -> bool:
        return self._service.can_control() and (
            self._s.current_song_id is not None or self._s.can_go_next()
        )

    def _can_pause(self) -> bool:
        return self._service.can_control() and self._s.is_active()

    def _can_seek(self) -> bool:
        return self._service.can_control() and self._s.can_seek()

    def _can_control(self) -> bool:
        return self._service.can_control()

    PlaybackStatus = Property(str, _status)
    LoopStatus = Property(str, _loop, _set_loop)
    Shuffle = Property(bool, _shuffle, _set_shuffle)
    Volume = Property(float, _volume, _set_volume)
    Rate = Property(float, _rate, _set_rate)
    MinimumRate = Property(float, _rate)
    MaximumRate = Property(float, _rate)
    Position = Property("qlonglong", _position)
    Metadata = Property("QVariantMap", _metadata)
    CanGoNext = Property(bool, _can_go_next)
    CanGoPrevious = Property(bool, _can_go_previous)
    CanPlay = Property(bool, _can_play)
    CanPause = Property(bool, _can_pause)
    CanSeek = Property(bool, _can_seek)
    CanControl = Property(bool, _can_control)

    # --- methods ----------------------------------------------------------------------------

    @Slot()
    def Play(self) -> None:
        self._s.play()

    @Slot()
    def Pause(self) -> None:
        self._s.pause()

    @Slot()
    def PlayPause(self) -> None:
        self._s.play_pause()

    @Slot()
    def Stop(self) -> None:
        self._s.stop()

    @Slot()
    def Next(self) -> None:
        self._s.next()

    @Slot()
    def Previous(self) -> None:
        self._s.previous()

    @Slot("qlonglong")
    def Seek(self, offset_us: int) -> None:
        if not self._s.can_seek():
            return
        target = self._s.position_ms() + int(offset_us) // 1000
        length = self._s.length_ms()
        if length > 0 and target > length:
            self._s.next()  # the spec: seeking past the end acts like Next
            return
        self._s.seek(max(0, target))

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, track: QDBusObjectPath, position_us: int) -> None:
        # A stale track id (the song changed since the client looked) is ignored, per spec.
        if track.path() != mm.track_id(self._s.current_song_id):
            return
        length = self._s.length_ms()
        ms = int(position_us) // 1000
        if ms < 0 or (length > 0 and ms > length):
            return
        self._s.seek(ms)

    @Slot(str)
    def OpenUri(self, uri: str) -> None:
        path = mm.path_from_uri(uri)
        if path is not None:
            self._service.open_paths([path])
