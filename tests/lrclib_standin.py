"""A stand-in LRCLIB server on 127.0.0.1, fed with records the test writes.

It follows the behaviour of LRCLIB's own server (see the shared API note): names normalised
by ``prepare_input`` (lowercased, diacritics folded, punctuation to spaces, apostrophes
dropped), ``/api/get`` by exact normalised track and artist (album when given, duration within
2 s), ``/api/search`` by phrase on the track name (and terms of artist and album) or by ``q``,
at most 20 records, ``/api/get/{id}``, 404 ``TrackNotFound``, and the publish challenge.
Faults are queued per path: a status (429 with Retry-After, 500), a stall, a huge body, an
HTML page, malformed JSON.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

_PUNCT = re.compile(r"[`~!@#$%^&*()_|+\-=?;:\",.<>{}\[\]\\/]")


def prepare_input(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    folded = unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    )
    folded = folded.replace("'", "").replace("’", "")
    return " ".join(_PUNCT.sub(" ", folded).split())


def record(
    ident: int,
    track: str,
    artist: str,
    album: str = "",
    duration: float = 200.0,
    *,
    synced: str | None = "[00:01.00]first line\n[00:05.00]second line",
    plain: str | None = "first line\nsecond line",
    instrumental: bool = False,
) -> dict[str, Any]:
    if instrumental:
        synced = plain = None
    return {
        "id": ident,
        "name": track,
        "trackName": track,
        "artistName": artist,
        "albumName": album,
        "duration": duration,
        "instrumental": instrumental,
        "plainLyrics": plain,
        "syncedLyrics": synced,
    }


@dataclass
class Fault:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    content_type: str = "application/json"
    stall_s: float = 0.0
    drip_s: float = 0.0  # between bytes: a server that answers a byte at a time


class StandIn:
    def __init__(self, records: list[dict[str, Any]] | None = None) -> None:
        self.records: list[dict[str, Any]] = list(records or [])
        self.requests: list[dict[str, Any]] = []
        self.faults: dict[str, list[Fault]] = {}
        self.challenges: dict[str, str] = {}  # prefix -> target
        self.target = "000000FF" + "0" * 56
        self.published: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes: with Nagle's algorithm on, the body waits
            # for the client's delayed ACK (40 ms a request), which no real server has.
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                standin._handle(self, "GET")

            def do_POST(self) -> None:
                standin._handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.connections = 0  # every accepted connection, even one that sends no request

        def verify_request(request: Any, address: Any) -> bool:
            self.connections += 1
            return True

        self.server.verify_request = verify_request  # type: ignore[method-assign]
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> StandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fault(self, path: str, *faults: Fault) -> None:
        with self._lock:
            self.faults.setdefault(path, []).extend(faults)

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]

    # --- serving ----------------------------------------------------------------------------

    def _handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(h.path)
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        with self._lock:
            self.requests.append(
                {
                    "method": method,
                    "path": parts.path,
                    "params": params,
                    "headers": dict(h.headers.items()),
                    "body": body,
                    "at": time.monotonic(),
                }
            )
            queue = self.faults.get(parts.path) or self.faults.get("*")
            fault = queue.pop(0) if queue else None
        if fault is not None and (fault.status != 200 or fault.body is not None):
            self._send_fault(h, fault)
            return
        if fault is not None and fault.stall_s:
            time.sleep(fault.stall_s)  # slow, then the real answer
        status, payload = self._answer(method, parts.path, params, h.headers, body)
        self._send(h, status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def _send(self, h: BaseHTTPRequestHandler, status: int, data: bytes, **extra: Any) -> None:
        h.send_response(status)
        h.send_header("Content-Type", extra.get("content_type", "application/json"))
        for key, value in extra.get("headers", {}).items():
            h.send_header(key, value)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        with contextlib.suppress(OSError):
            h.wfile.write(data)

    def _send_fault(self, h: BaseHTTPRequestHandler, fault: Fault) -> None:
        if fault.stall_s:  # then the fault
            time.sleep(fault.stall_s)
        data = fault.body if fault.body is not None else b'{"code": 0, "message": "fault"}'
        if not fault.drip_s:
            self._send(
                h, fault.status, data, content_type=fault.content_type, headers=fault.headers
            )
            return
        h.send_response(fault.status)
        h.send_header("Content-Type", fault.content_type)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        try:
            for i in range(len(data)):
                h.wfile.write(data[i : i + 1])
                h.wfile.flush()
                time.sleep(fault.drip_s)
        except OSError:
            pass

    def _answer(
        self, method: str, path: str, p: dict[str, str], headers: Any, body: bytes
    ) -> tuple[int, Any]:
        not_found = {
            "code": 404,
            "name": "TrackNotFound",
            "message": "Failed to find specified track",
        }
        if method == "POST" and path == "/api/request-challenge":
            prefix = secrets.token_hex(16)
            self.challenges[prefix] = self.target
            return 200, {"prefix": prefix, "target": self.target}
        if method == "POST" and path == "/api/publish":
            return self._publish(headers, body)
        if path == "/api/get":
            track, artist = p.get("track_name", ""), p.get("artist_name", "")
            if not track.strip() or not artist.strip():
                return 400, {"code": 400, "name": "ValidationError", "message": "missing"}
            for r in sorted(self.records, key=lambda r: r["id"]):
                if prepare_input(r["trackName"]) != prepare_input(track):
                    continue
                if prepare_input(r["artistName"]) != prepare_input(artist):
                    continue
                if "album_name" in p and prepare_input(r["albumName"]) != prepare_input(
                    p["album_name"]
                ):
                    continue
                if "duration" in p and abs(r["duration"] - float(p["duration"])) > 2:
                    continue
                return 200, r
            return 404, not_found
        if path.startswith("/api/get/"):
            ident = path.rsplit("/", 1)[1]
            for r in self.records:
                if str(r["id"]) == ident:
                    return 200, r
            return 404, not_found
        if path == "/api/search":
            return 200, self._search(p)[:20]
        return 404, {"code": 404, "message": "no such route"}

    def _search(self, p: dict[str, str]) -> list[dict[str, Any]]:
        if p.get("q"):
            terms = prepare_input(p["q"]).split()
            return [
                r
                for r in self.records
                if all(
                    t
                    in prepare_input(f"{r['trackName']} {r['artistName']} {r['albumName']}").split()
                    for t in terms
                )
            ]
        if not p.get("track_name"):
            return []
        phrase = prepare_input(p["track_name"])
        out = []
        for r in self.records:
            if f" {phrase} " not in f" {prepare_input(r['trackName'])} ":
                continue
            ok = True
            for key, field_name in (("artist_name", "artistName"), ("album_name", "albumName")):
                if p.get(key):
                    words = prepare_input(r[field_name]).split()
                    ok = ok and all(t in words for t in prepare_input(p[key]).split())
            if ok:
                out.append(r)
        return out

    def _publish(self, headers: Any, body: bytes) -> tuple[int, Any]:
        token = headers.get("X-Publish-Token", "")
        prefix, _, nonce = token.partition(":")
        target = self.challenges.pop(prefix, None)
        if target is None:
            return 400, {"code": 400, "name": "IncorrectPublishTokenError", "message": "bad"}
        digest = hashlib.sha256((prefix + nonce).encode()).digest()
        if digest > bytes.fromhex(target):
            return 400, {"code": 400, "name": "IncorrectPublishTokenError", "message": "bad"}
        self.published.append(json.loads(body))
        return 201, None
