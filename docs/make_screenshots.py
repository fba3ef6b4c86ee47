"""Makes the README screenshots from the real window on the bundled catalog.

Run under a virtual display (what `make screenshots` does):
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_screenshots.py

Without arguments it runs itself once per variant: light and dark, English and Korean, and
the dark window at 2x (QT_SCALE_FACTOR=2). ``--variant NAME`` makes one variant's pictures.
"""

from __future__ import annotations

import argparse
import math
import os
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path
from ostplayer.playback import create_player
from ostplayer.services.context import AppContext
from ostplayer.services.settings import Settings
from ostplayer.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"


def tone(path: Path, seconds: float = 30.0, rate: int = 22050) -> Path:
    frames = b"".join(
        struct.pack("<h", int(6000 * math.sin(2 * math.pi * 330 * i / rate)))
        for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return path


#: variant -> (appearance, language, scale factor, which pictures)
VARIANTS = {
    "": ("light", "en", "1", "all"),
    "-dark": ("dark", "en", "1", "all"),
    "-ko": ("light", "ko", "1", "main"),
    "-dark-ko": ("dark", "ko", "1", "main"),
    "-dark@2x": ("dark", "en", "2", "main"),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant")
    args = parser.parse_args()
    if args.variant is None:
        for name, (_a, _l, scale, _w) in VARIANTS.items():
            env = {**os.environ, "QT_SCALE_FACTOR": scale}
            subprocess.run(
                [sys.executable, __file__, f"--variant={name or 'light'}"], env=env, check=True
            )
        return
    shoot(args.variant if args.variant != "light" else "")


def shoot(variant: str) -> None:
    from ostplayer.services.settings import Keys
    from ostplayer.ui.i18n import install_translator
    from ostplayer.ui.theme import ThemeManager

    appearance, language, _scale, which = VARIANTS[variant]
    os.environ.setdefault("OSTPLAYER_NO_VLC", "0")
    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    # A home of its own with a Music folder: the song page shows "~/Music/…", as it would
    # for a user, not a temporary directory.
    home = tmp / "home"
    os.environ["HOME"] = str(home)
    paths = AppPaths.single(tmp / "data")
    paths.make()
    library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    song = library.catalog.songs["its-you"]
    album = home / "Music" / f"{library.catalog.dramas[song.drama].title} OST"
    album.mkdir(parents=True)
    library.link("its-you", tone(album / f"{song.title}.wav"))
    library.record_play("its-you")
    # Synced lyrics as a user would make them with tap-to-sync: the excerpt, a line every 2.5 s.
    excerpt = library.catalog.songs["its-you"].lyrics_excerpt.splitlines()
    library.set_saved_lyrics(
        "its-you",
        "\n".join(f"[00:{1 + 2.5 * i:05.2f}]{line}" for i, line in enumerate(excerpt)),
    )
    settings = Settings(paths.settings_file)
    settings.set(Keys.APPEARANCE, appearance)
    settings.set(Keys.LANGUAGE, language)
    translators = install_translator(app, settings)  # noqa: F841 - alive while shooting
    ThemeManager.of(app, settings)
    # Built as app.py builds it, so the pictures show what users see.
    context = AppContext.create(paths, library, create_player(["--aout=dummy"]), settings)
    window = MainWindow(settings, context)
    window.resize(1280, 800)
    window.show()
    OUT.mkdir(exist_ok=True)
    steps = []

    def shot(name: str, main: bool = True):
        def run() -> None:
            if which == "all" or main:
                window.grab().save(str(OUT / f"{name}{variant}.png"))
                print(f"wrote {OUT / name}{variant}.png")

        return run

    # First run: no song of the user's has a file yet, so the front page asks for the folder.
    wav = library.audio_path("its-you")
    steps.append(lambda: library.unlink("its-you"))
    steps.append(shot("first-run"))
    steps.append(lambda: (library.link("its-you", wav), window.browser.select_song("its-you")))
    steps.append(window.reading.home)
    steps.append(shot("feature"))
    steps.append(lambda: window.browser.select_song("its-you"))
    steps.append(shot("song", main=False))
    steps.append(lambda: window.browser.search.setText("kim"))
    steps.append(shot("search", main=False))
    steps.append(lambda: (window.browser.search.clear(), window.browser.select_group("hwarang")))
    steps.append(shot("drama", main=False))
    steps.append(lambda: window.play_songs("its-you", ["its-you"]))
    # Let the song reach its third line, so the highlight sits mid-page.
    steps.extend([lambda: None] * 15)
    steps.append(lambda: window.browser.select_song("its-you"))
    steps.append(shot("playing"))
    steps.append(lambda: window.set_lyrics_mode(True))
    steps.extend([lambda: None] * 2)
    steps.append(shot("lyrics-mode"))
    steps.append(lambda: window.set_lyrics_mode(False))

    def run_steps() -> None:
        if not steps:
            window.shutdown()
            context.shutdown()
            app.quit()
            return
        steps.pop(0)()
        QTimer.singleShot(400, run_steps)

    QTimer.singleShot(500, run_steps)
    app.exec()


if __name__ == "__main__":
    main()
