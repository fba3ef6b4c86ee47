"""The running instance's side of :mod:`.single_instance`: a QLocalServer on the GUI thread."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .single_instance import MAX_REQUEST_BYTES, Handler

log = logging.getLogger(__name__)


class InstanceServer(QObject):
    def __init__(self, handlers: dict[str, Handler], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handlers = handlers
        self.path: Path | None = None
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen_at(self, path: Path) -> bool:
        # We hold the data folder's lock, so a socket file still there was left by a copy
        # that died without cleaning up: nobody else can be serving this library.
        QLocalServer.removeServer(str(path))
        if not self._server.listen(str(path)):
            log.info("no remote control socket at %s: %s", path, self._server.errorString())
            return False
        self.path = path
        return True

    def close(self) -> None:
        self._server.close()
        if self.path is not None:
            QLocalServer.removeServer(str(self.path))
            self.path = None

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        if sock not in self._buffers:
            return
        data = self._buffers[sock] + bytes(sock.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_REQUEST_BYTES:
                self._forget(sock)
                sock.abort()
            else:
                self._buffers[sock] = data
            return
        line = data.split(b"\n", 1)[0]
        del self._buffers[sock]  # one request per connection
        try:
            request = json.loads(line.decode())
            command, args = str(request["command"]), dict(request.get("args") or {})
        except (ValueError, KeyError, TypeError, AttributeError):
            self._answer(sock, 2, "", "ostplayer: the running instance got a garbled request")
            return
        handler = self.handlers.get(command)
        if handler is None:
            self._answer(sock, 2, "", f"ostplayer: the running instance does not know {command!r}")
            return

        def reply(code: int, out: str = "", err: str = "") -> None:
            self._answer(sock, code, out, err)

        try:
            handler(args, reply)
        except Exception as exc:  # a remote command must never take the window down
            log.exception("remote command %s failed", command)
            reply(2, "", f"ostplayer: {command} failed in the running instance: {exc}")

    def _answer(self, sock: Any, code: int, out: str, err: str) -> None:
        try:
            if sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return
            payload = json.dumps({"code": code, "out": out, "err": err}) + "\n"
            sock.write(payload.encode())
            sock.flush()
            sock.disconnectFromServer()
        except RuntimeError:
            pass  # the client went away and Qt deleted its socket
