"""Runs the real app (``ostplayer.cli.main``) with a chosen playback backend, for tests that
drive it from outside: ``python tests/desktop_app.py fake|vlc ARGS…``.

``fake`` is the fake player (real time, no audio device); ``vlc`` is libVLC with the dummy
audio output. Everything else is the app exactly as a user starts it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    backend, argv = sys.argv[1], sys.argv[2:]
    import ostplayer.playback as playback

    if backend == "fake":
        from ostplayer.playback.fake_backend import FakePlayer

        playback.create_player = lambda *_a, **_k: FakePlayer()
    elif backend == "vlc":
        sys.path.insert(0, str(Path(__file__).parent))
        from vlc_support import VLC_TEST_ARGS

        from ostplayer.playback.vlc_backend import VlcPlayer

        playback.create_player = lambda *_a, **_k: VlcPlayer(VLC_TEST_ARGS)
    from ostplayer.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
