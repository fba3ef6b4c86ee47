"""D-Bus types for MPRIS values, which PySide alone cannot give.

PySide turns a Python ``int`` into a D-Bus ``int32`` unless it does not fit one, and an empty
list into ``av``. MPRIS wants ``int64`` for ``Position`` and ``mpris:length`` (playerctl's
``duration()``, scrobblers and desktop shells check it), ``as`` for the invalidated list of
``PropertiesChanged``, and whole ``a{sv}`` maps with those types inside. Qt itself marshals
by the declared C++ type, so:

* an ``int64`` variant comes from Qt reading a property declared ``qlonglong``
  (:class:`Int64Maker`, a local call that never leaves the process);
* ``a{sv}`` maps are written entry by entry into a :class:`QDBusArgument`;
* ``org.freedesktop.DBus.Properties`` on the MPRIS object is our own adaptor
  (:class:`PropertiesAdaptor`): Qt routes a call to an object's adaptors before its
  built-in handlers, so Get, GetAll and Set answer with these types.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import ClassInfo, Property, QMetaType, QObject, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVariant,
)

INT64_INTERFACE = "io.github.ostplayer.OSTPlayer.Int64"
INT64_PATH = "/io/github/ostplayer/OSTPlayer/Int64"
PROPERTIES = "org.freedesktop.DBus.Properties"
#: Integers MPRIS types as int64 (property names and metadata keys); others are int32.
INT64_NAMES = frozenset({"Position", "mpris:length"})


@ClassInfo({"D-Bus Interface": INT64_INTERFACE})
class _Int64Adaptor(QDBusAbstractAdaptor):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.value = 0

    def _value(self) -> int:
        return self.value

    Value = Property("qlonglong", _value)


class Int64Maker:
    """``make(n)``: a QDBusVariant that Qt built holding a C++ ``qlonglong``.

    Qt answers a call to its own connection's object in-process, reading the property by its
    declared type, and hands back the variant it built; put into a message it stays int64.
    """

    def __init__(self, bus: QDBusConnection, parent: QObject) -> None:
        self._bus = bus
        self._object = QObject(parent)
        self._adaptor = _Int64Adaptor(self._object)
        self.ready = bus.registerObject(
            INT64_PATH, self._object, QDBusConnection.RegisterOption.ExportAdaptors
        )

    def make(self, n: int) -> QDBusVariant:
        if not self.ready:
            return QDBusVariant(int(n))
        self._adaptor.value = int(n)
        call = QDBusMessage.createMethodCall(self._bus.baseService(), INT64_PATH, PROPERTIES, "Get")
        call.setArguments([INT64_INTERFACE, "Value"])
        reply = self._bus.call(call)
        args = reply.arguments()
        if reply.type() == QDBusMessage.MessageType.ReplyMessage and args:
            if isinstance(args[0], QDBusVariant):
                return args[0]
        return QDBusVariant(int(n))

    def close(self) -> None:
        self._bus.unregisterObject(INT64_PATH)


class Marshaller:
    """Python values to D-Bus variants of the types MPRIS names."""

    def __init__(self, int64: Callable[[int], QDBusVariant]) -> None:
        self._int64 = int64

    def variant(self, name: str, value: object) -> QDBusVariant:
        if isinstance(value, QDBusVariant):
            return value
        if isinstance(value, bool):
            return QDBusVariant(value)
        if isinstance(value, int):
            return self._int64(value) if name in INT64_NAMES else QDBusVariant(value)
        if isinstance(value, Mapping):
            return QDBusVariant(self.map(value))
        if isinstance(value, (list, tuple)):
            items = [str(v) for v in value]
            return QDBusVariant(items if items else empty_string_array())
        return QDBusVariant(value)

    def map(self, values: Mapping[str, object]) -> QDBusArgument:
        """An ``a{sv}`` whose values keep the types :meth:`variant` gives them."""
        arg = QDBusArgument()
        arg.beginMap(QMetaType(QMetaType.Type.QString), QMetaType.fromName(b"QDBusVariant"))
        for key, value in values.items():
            arg.beginMapEntry()
            arg.appendVariant(str(key))  # `arg << str` would pick the string-list overload
            arg << self.variant(key, value)
            arg.endMapEntry()
        arg.endMap()
        return arg


def empty_string_array() -> QDBusArgument:
    arg = QDBusArgument()
    arg.beginArray(QMetaType(QMetaType.Type.QString))
    arg.endArray()
    return arg


def object_path(path: str) -> QDBusObjectPath:
    return QDBusObjectPath(path)


# Qt adds its own Properties interface to the introspection data; ours adds nothing to it.
@ClassInfo({"D-Bus Interface": PROPERTIES, "D-Bus Introspection": " "})
class PropertiesAdaptor(QDBusAbstractAdaptor):
    """Get, GetAll and Set for the MPRIS object's interfaces, typed by :class:`Marshaller`.

    ``sources`` maps an interface name to (names, read(name), write(name, value)).
    """

    def __init__(
        self,
        parent: QObject,
        bus: Callable[[], QDBusConnection],
        marshaller: Marshaller,
        sources: dict[str, tuple[tuple[str, ...], Callable[[str], object], Callable]],
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._m = marshaller
        self._sources = sources

    def _send(self, message: QDBusMessage) -> None:
        self._bus().send(message)

    def _unknown(self, msg: QDBusMessage, iface: str, name: str = "") -> None:
        what = f"{iface}.{name}" if name else iface
        self._send(
            msg.createErrorReply(
                "org.freedesktop.DBus.Error.UnknownProperty", f"No such property {what}"
            )
        )

    @Slot(str, str, QDBusMessage)
    def Get(self, iface: str, name: str, msg: QDBusMessage) -> None:
        msg.setDelayedReply(True)
        source = self._sources.get(iface)
        if source is None or name not in source[0]:
            self._unknown(msg, iface, name)
            return
        reply = msg.createReply()
        reply.setArguments([self._m.variant(name, source[1](name))])
        self._send(reply)

    @Slot(str, QDBusMessage)
    def GetAll(self, iface: str, msg: QDBusMessage) -> None:
        msg.setDelayedReply(True)
        source = self._sources.get(iface)
        if source is None:
            self._unknown(msg, iface)
            return
        reply = msg.createReply()
        reply.setArguments([self._m.map({n: source[1](n) for n in source[0]})])
        self._send(reply)

    @Slot(str, str, QDBusVariant, QDBusMessage)
    def Set(self, iface: str, name: str, value: QDBusVariant, msg: QDBusMessage) -> None:
        msg.setDelayedReply(True)
        source = self._sources.get(iface)
        if source is None or name not in source[0]:
            self._unknown(msg, iface, name)
            return
        if not source[2](name, value.variant()):
            self._send(
                msg.createErrorReply(
                    "org.freedesktop.DBus.Error.PropertyReadOnly", f"{name} is read-only"
                )
            )
            return
        self._send(msg.createReply())
