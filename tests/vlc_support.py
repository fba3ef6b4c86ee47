"""Helpers for tests that play real audio through libVLC.

Import from test modules (``from vlc_support import ...``). libVLC tests skip when
libVLC cannot be loaded, unless ``OSTPLAYER_REQUIRE_VLC=1`` is set: then a missing
libVLC is a failure, so CI on a machine that should have it cannot go green by skipping.
"""

from __future__ import annotations

import math
import os
import struct
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from ostplayer.playback.base import PlaybackUnavailable

VLC_TEST_ARGS: tuple[str, ...] = ("--aout=dummy", "--file-caching=100", "--no-video", "--quiet")
REQUIRE_ENV = "OSTPLAYER_REQUIRE_VLC"

_probe: str | bool | None = False  # False = not probed yet, None = usable, str = reason


def _vlc_problem() -> str | None:
    global _probe
    if _probe is False:
        try:
            from ostplayer.playback.vlc_backend import VlcPlayer

            VlcPlayer(VLC_TEST_ARGS).close()
            _probe = None
        except PlaybackUnavailable as exc:
            _probe = str(exc)
    assert _probe is not False
    return _probe


def require_vlc() -> None:
    """Skip (or fail under OSTPLAYER_REQUIRE_VLC=1) when libVLC cannot be used."""
    problem = _vlc_problem()
    if problem is None:
        return
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"libVLC is required ({REQUIRE_ENV}=1) but unusable: {problem}")
    pytest.skip(f"libVLC unavailable: {problem}")


def make_wav(path: Path, seconds: float = 4.0, *, freq: float = 440.0, rate: int = 22050) -> Path:
    """Write a mono 16-bit sine WAV and return its path."""
    n = int(seconds * rate)
    step = 2 * math.pi * freq / rate
    frames = b"".join(struct.pack("<h", int(12000 * math.sin(step * i))) for i in range(n))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return path


def make_junk_mp3(path: Path, size: int = 200_000) -> Path:
    """Random bytes with an audio extension: libVLC "plays" it and ends at once."""
    path.write_bytes(os.urandom(size))
    return path


def make_text_file(path: Path) -> Path:
    """Plain text; libVLC may open it as a silent 'video' (ffmpeg's tty demuxer)."""
    path.write_text("Some lyrics that are not audio\n" * 300, encoding="utf-8")
    return path


@pytest.fixture
def vlc_player() -> Iterator[object]:
    """A real VlcPlayer on the dummy audio output, closed after the test."""
    require_vlc()
    from ostplayer.playback.vlc_backend import VlcPlayer

    player = VlcPlayer(VLC_TEST_ARGS)
    try:
        yield player
    finally:
        player.close()
