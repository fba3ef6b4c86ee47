"""A stand-in for the desktop's notification daemon on a private bus: prints each Notify
call as one JSON line (``python tests/fake_notifications.py``, with DBUS_SESSION_BUS_ADDRESS
set). It declares the spec's exact signature, so a call with other types does not reach it."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QDBusAbstractAdaptor):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.count = 0

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.count += 1
        line = {"app": app, "replaces": replaces, "icon": icon, "summary": summary}
        line.update(body=body, hints={k: str(v) for k, v in hints.items()}, timeout=timeout)
        print(json.dumps(line), flush=True)
        return self.count

    @Slot(result="QStringList")
    def GetCapabilities(self):
        return ["body", "body-markup"]


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    root = QObject()
    Notifications(root)
    ok = bus.registerObject(
        "/org/freedesktop/Notifications", root, QDBusConnection.RegisterOption.ExportAdaptors
    )
    if not (ok and bus.registerService("org.freedesktop.Notifications")):
        print("cannot register", file=sys.stderr)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
