"""One window per library, and a remote: later launches and commands talk to the running one.

The running app listens on a local socket named after its data folder, in the user's runtime
folder (``$XDG_RUNTIME_DIR``, private to the user; a 0700 folder in the temporary directory
when there is none). A second ``ostplayer`` sends ``raise`` (or ``open`` with its files) and
exits; ``ostplayer toggle``, ``now``, ``songs``, ``link``… send their command and print the
answer. One JSON line each way: ``{"command": ..., "args": {...}}`` and
``{"code": 0, "out": "...", "err": "..."}``.

The client side is the standard library's ``socket``: no Qt import, so ``ostplayer now`` is
answered in tens of milliseconds. The server is a :class:`QLocalServer` on the GUI thread;
a handler answers at once or later (an import runs as a task and replies when it ends).

The socket names the library (one per data folder, as the lock does), not the desktop
session: MPRIS's single bus name could not tell two libraries apart.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

CONNECT_TIMEOUT_S = 2.0
#: An import of a big library file can take a while; the client waits for its answer.
REPLY_TIMEOUT_S = 600.0
MAX_REQUEST_BYTES = 1 << 20

Reply = Callable[[int, str, str], None]
Handler = Callable[[dict[str, Any], Reply], None]


#: Unix socket paths stop at 107 bytes (108 with the NUL): longer ones cannot be bound.
MAX_SOCKET_PATH = 100


def runtime_dir() -> Path:
    """The user's private runtime folder: ``$XDG_RUNTIME_DIR``, else a 0700 folder of ours in
    the temporary directory."""
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isabs(xdg) and os.path.isdir(xdg):
        return Path(xdg)
    return _private_temp_dir()


def _private_temp_dir() -> Path:
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"ostplayer-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.is_symlink():
        raise OSError(f"{folder} belongs to someone else: no remote control socket")
    return folder


def socket_path(data_dir: Path) -> Path:
    """The socket for the library in ``data_dir``: the same for every spelling of the folder,
    and short enough to bind (a long runtime folder falls back to the temporary one)."""
    key = hashlib.sha256(str(Path(data_dir).expanduser().resolve()).encode()).hexdigest()[:16]
    name = f"ostplayer-{key}.sock"
    path = runtime_dir() / name
    return path if len(str(path)) <= MAX_SOCKET_PATH else _private_temp_dir() / name


class NotRunning(Exception):
    """No instance answers for this library."""


def send_command(
    data_dir: Path,
    command: str,
    args: dict[str, Any] | None = None,
    *,
    timeout_s: float | None = REPLY_TIMEOUT_S,
) -> tuple[int, str, str]:
    """Run ``command`` in the instance that has ``data_dir`` open: (exit code, out, err).

    Raises :class:`NotRunning` when none listens (no socket, or a stale one left by a
    killed process: nobody accepts on it).
    """
    try:
        path = socket_path(data_dir)
    except OSError as exc:
        raise NotRunning(str(exc)) from None
    if not path.exists():
        raise NotRunning(str(path))
    # Imported here: every launch asks whether a copy runs, and most find none.
    import json
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_TIMEOUT_S)
        try:
            sock.connect(str(path))
        except OSError as exc:
            raise NotRunning(f"{path}: {exc}") from None
        request = json.dumps({"command": command, "args": args or {}}) + "\n"
        sock.sendall(request.encode())
        sock.settimeout(timeout_s)
        data = b""
        while not data.endswith(b"\n"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    finally:
        sock.close()
    if not data:
        raise NotRunning(f"{path}: the running instance closed the connection")
    answer = json.loads(data.decode())
    return int(answer.get("code", 1)), str(answer.get("out", "")), str(answer.get("err", ""))


def start_server(data_dir: Path, handlers: dict[str, Handler], parent: Any = None) -> Any:
    """Listen for commands; returns the server, or None when the socket cannot be made (the
    app then simply has no remote)."""
    from .single_instance_server import InstanceServer

    try:
        path = socket_path(data_dir)
    except OSError:
        return None
    server = InstanceServer(handlers, parent)
    return server if server.listen_at(path) else None


#: How long a second launch waits for a copy that is still starting (it holds the lock but
#: has not opened its socket yet) before saying it is already running.
HAND_OVER_WAIT_S = 3.0


def hand_over(data_dir: Path, files: list[str] | None = None, *, wait_s: float = 0.0) -> bool:
    """Pass a launch to the running instance: raise its window, or open ``files`` in it.
    True when it answered. ``wait_s`` > 0 retries while a starting copy opens its socket."""
    import time

    deadline = time.monotonic() + wait_s
    args = {"files": [str(Path(f).expanduser().absolute()) for f in files]} if files else {}
    while True:
        try:
            code, out, err = send_command(data_dir, "open" if files else "raise", args)
        except (NotRunning, ValueError):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)
            continue
        except OSError:
            return False
        _print(out, err)
        return code == 0


def _print(out: str, err: str) -> None:
    import sys

    if out:
        sys.stdout.write(out)
        sys.stdout.flush()
    if err:
        sys.stderr.write(err)


#: Command-line subcommands the running instance answers, and the arguments it needs.
FORWARDED = ("songs", "link", "import", "export", "scan", "fetch-lyrics")


def forward(args: Any, data_dir: Path) -> int | None:
    """Run a library command (``songs``, ``link``, ``import``, ``export``, ``scan``,
    ``fetch-lyrics``) in the running instance, printing its answer; None when no instance
    answers (the caller says why). A scan is started in the window, which shows its progress
    and what it found; a lyrics fetch runs there and answers with every song's line when done."""
    if args.command not in FORWARDED:
        return None
    # A dry-run scan reads the library as it is on disk; a dry-run fetch stores nothing, so
    # the window can run it.
    if args.command != "fetch-lyrics" and getattr(args, "dry_run", False):
        return None
    if args.command == "fetch-lyrics":
        from .lyrics_providers.lrclib import URL_ENVIRONMENT

        payload: dict[str, Any] = {
            "song_ids": list(args.song_ids),
            "all": bool(args.all),
            "replace": bool(args.replace),
            "dry_run": bool(args.dry_run),
            "json": bool(args.json),
            # This shell's $OSTPLAYER_LRCLIB_URL, not the window's: the user typed it here.
            "server": args.server or os.environ.get(URL_ENVIRONMENT) or None,
        }
    elif args.command == "scan":
        payload = {"dirs": [str(Path(d).expanduser().absolute()) for d in args.dirs]}
    elif args.command == "songs":
        payload = {"json": bool(args.json)}
    elif args.command == "link":
        payload = {
            "song_id": args.song_id,
            "file": str(Path(args.file).expanduser().absolute()),
            "replace": bool(args.replace),
        }
    else:
        payload = {"file": str(Path(args.file).expanduser().absolute())}
    # A fetch of every song at a few requests a second can take longer than any timeout.
    wait = None if args.command == "fetch-lyrics" else REPLY_TIMEOUT_S
    try:
        code, out, err = send_command(data_dir, args.command, payload, timeout_s=wait)
    except (NotRunning, ValueError, OSError):
        return None
    except KeyboardInterrupt:
        import sys

        print(
            "ostplayer: stopped waiting; the running window still finishes the command",
            file=sys.stderr,
        )
        return 130
    _print(out, err)
    return code


REMOTE_COMMANDS = ("play", "pause", "toggle", "next", "previous", "stop", "now", "quit")


def run_remote(args: Any, data_dir: Path) -> int:
    """``ostplayer play [SONG_ID]``, ``pause``, ``toggle``, ``next``, ``previous``, ``stop``,
    ``now``: sent to the running instance."""
    import sys

    payload = {"song_id": args.song_id} if getattr(args, "song_id", None) else {}
    try:
        code, out, err = send_command(data_dir, args.command, payload, timeout_s=10.0)
    except (NotRunning, ValueError, OSError):
        print(
            "ostplayer: OST Player is not running with this library; start it with `ostplayer`",
            file=sys.stderr,
        )
        return 1
    _print(out, err)
    return code


def add_remote_parsers(sub: Any) -> None:
    """The remote's subcommands, on the command line's subparsers."""
    p = sub.add_parser("play", help="play (or play SONG_ID) in the running window")
    p.add_argument("song_id", nargs="?")
    sub.add_parser("pause", help="pause the running window's playback")
    sub.add_parser("toggle", help="play or pause in the running window")
    sub.add_parser("next", help="skip to the next song in the running window")
    sub.add_parser("previous", help="go back to the previous song in the running window")
    sub.add_parser("stop", help="stop the running window's playback")
    sub.add_parser("now", help="what the running window plays, where, and the lyric line")
    sub.add_parser("quit", help="close the running window")


def split_launch_files(argv: list[str], commands: Any) -> tuple[list[str], list[str]]:
    """``ostplayer [--data-dir D] FILE…``: the options, and the files (none when the first
    word is a subcommand). A file is a word that is no command and names something that
    exists (or is a ``file:`` URI); any other word is left to argparse to refuse."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--data-dir":
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        if word in commands or not (word.startswith("file:") or os.path.exists(word)):
            return argv, []  # a command, or a typo argparse will name
        return argv[:i], [_local(w) for w in argv[i:]]
    return argv, []


def _local(word: str) -> str:
    """A ``file://`` URI (file managers pass them) as a path; anything else as it is."""
    from urllib.parse import unquote, urlsplit

    if word.startswith("file:"):
        return unquote(urlsplit(word).path) or word
    return word
