"""The real app in a subprocess, on a private D-Bus session bus, driven from outside.

``private_bus()`` starts a ``dbus-daemon --session`` of its own (never the user's bus) and
``RunningApp`` starts ``tests/desktop_app.py`` (the real ``ostplayer`` with the fake or the
libVLC-dummy player) on a library with two songs linked to generated WAV files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, resource_path

HERE = Path(__file__).parent
APP = HERE / "desktop_app.py"
SONG_A, SONG_B = "one-more-step", "our-tears"
TITLE_A, TITLE_B = "One More Step", "Our Tears"


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    if os.environ.get("CI") or os.environ.get("OSTPLAYER_REQUIRE_VLC"):
        pytest.fail(f"{tool} is missing: `make test` should have installed it")
    pytest.skip(f"{tool} not installed")


@contextmanager
def private_bus() -> Iterator[str]:
    """A session bus of our own; yields its address."""
    daemon = need("dbus-daemon")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def make_library(data: Path) -> dict[str, Path]:
    """Two songs linked to 4-second WAVs, in folders of their own (one with a cover.jpg)."""
    from vlc_support import make_wav

    data.mkdir(parents=True, exist_ok=True)
    (data / "a").mkdir()
    (data / "b").mkdir()
    a = make_wav(data / "a" / "a.wav", 4.0)
    b = make_wav(data / "b" / "b.wav", 4.0, freq=660.0)
    # A minimal JPEG header is enough for the cover finder (it names the file, never decodes).
    (data / "a" / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    library = Library(data, resource_path(BUNDLED_CATALOG), data)
    library.link(SONG_A, a)
    library.link(SONG_B, b)
    library.close()
    return {SONG_A: a, SONG_B: b}


def wait_for(check: Callable[[], object], timeout: float = 20.0, what: str = "") -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.05)


class RunningApp:
    def __init__(self, tmp: Path, bus: str | None, backend: str = "fake") -> None:
        self.data = tmp / "data"
        self.files = make_library(self.data)
        runtime = tmp / "run"
        runtime.mkdir(mode=0o700)
        self.env = dict(os.environ)
        self.env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
        if bus is None:
            self.env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp}/no-bus-here"
        else:
            self.env["DBUS_SESSION_BUS_ADDRESS"] = bus
        self.backend = backend
        self.proc: subprocess.Popen | None = None

    def start(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            self.command(*args),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # Ready once the remote answers (it opens after the window is assembled).
        try:
            wait_for(lambda: self.cli("now").returncode == 0 or self._died(), what="the app")
        except AssertionError:
            self.proc.kill()  # never leave a window running behind a failed test
            raise AssertionError(f"the app did not come up: {self.proc.communicate()}") from None
        assert self.proc.poll() is None, self.proc.communicate()

    def _died(self) -> bool:
        return self.proc is not None and self.proc.poll() is not None

    def command(self, *args: str) -> list[str]:
        return [sys.executable, str(APP), self.backend, "--data-dir", str(self.data), *args]

    def cli(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        """``ostplayer --data-dir DATA ARGS…`` as a user types it (no playback backend)."""
        return subprocess.run(
            [sys.executable, "-m", "ostplayer", "--data-dir", str(self.data), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def stop(self) -> tuple[int, str]:
        if self.proc is None:
            return 0, ""
        if self.proc.poll() is None:
            self.cli("quit")
        try:
            _out, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _out, err = self.proc.communicate()
        return self.proc.returncode, err
