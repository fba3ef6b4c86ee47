"""The tray icon's menu and close-to-tray, and song-change notifications over D-Bus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop_support import SONG_A, SONG_B, TITLE_A, TITLE_B, RunningApp, private_bus
from PySide6.QtGui import QIcon
from ui_support import make_window
from vlc_support import make_wav

from ostplayer.integrations.notifications import should_notify
from ostplayer.integrations.tray import Tray
from ostplayer.playback.base import PlayerState
from ostplayer.services.settings import Keys


def tray_window(qtbot, tmp_path):
    from ostplayer.playback.fake_backend import FakePlayer

    w = make_window(qtbot, tmp_path / "data", FakePlayer(speed=2.0))
    w.actions_.link(SONG_A, str(make_wav(tmp_path / "a.wav", 3.0)))
    quits: list[bool] = []
    tray = Tray(w, w.session, w.library, w.settings, QIcon(), quit_app=lambda: quits.append(True))
    tray.show()
    return w, tray, quits


def labels(tray: Tray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if a.text()]


def test_the_tray_menu_follows_playback_and_drives_it(qtbot, tmp_path):
    w, tray, quits = tray_window(qtbot, tmp_path)
    assert tray.now.text() == "Nothing playing"
    assert labels(tray)[:4] == ["Nothing playing", "Play", "Previous", "Next"]
    w.play_songs(SONG_A, [SONG_A])
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING)
    qtbot.waitUntil(lambda: tray.play_pause.text() == "Pause")
    assert TITLE_A in tray.now.text() and TITLE_A in tray.icon.toolTip()
    tray.play_pause.trigger()
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PAUSED)
    assert tray.play_pause.text() == "Play"
    tray.menu.actions()[-1].trigger()  # Quit
    assert quits == [True]


def test_show_hide_and_close_to_tray_only_when_asked(qtbot, tmp_path):
    w, tray, _quits = tray_window(qtbot, tmp_path)
    tray.toggle_window()
    assert not w.isVisible() and tray.show_hide.text() == "Show window"
    tray.toggle_window()
    assert w.isVisible() and tray.show_hide.text() == "Hide window"
    # Off by default: closing closes.
    assert not w.settings.get(Keys.CLOSE_TO_TRAY)
    assert not tray.closes_to_tray()
    tray.keep.trigger()  # the user ticks "Keep playing in the tray when closed"
    assert w.settings.get(Keys.CLOSE_TO_TRAY)
    w.play_songs(SONG_A, [SONG_A])
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING)
    told = []
    tray.icon.showMessage = lambda *args: told.append(args[1])
    w.close()
    assert not w.isVisible()
    assert w.session.state() is PlayerState.PLAYING  # the music goes on
    assert told and "keeps playing" in told[0]
    assert w.settings.get(Keys.CLOSE_TO_TRAY_TOLD)
    tray.show_window()
    w.close()
    assert len(told) == 1  # said once


def test_notifications_are_for_a_hidden_window_by_default():
    assert should_notify("hidden", window_visible=False)
    assert not should_notify("hidden", window_visible=True)
    assert should_notify("always", window_visible=True)
    assert not should_notify("never", window_visible=False)


def test_a_song_change_notifies_the_desktop_with_the_cover(tmp_path):
    with private_bus() as bus:
        app = RunningApp(tmp_path, bus)
        # The window is on screen in this test: ask for a notification on every change.
        settings = app.data / "settings.ini"
        settings.write_text("[desktop]\nnotifications=always\n")
        server = subprocess.Popen(
            [sys.executable, str(Path(__file__).parent / "fake_notifications.py")],
            env=app.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            assert server.stdout.readline().strip() == "ready"
            app.start()
            assert app.cli("play", SONG_A).returncode == 0
            first = json.loads(server.stdout.readline())
            assert first["summary"] == TITLE_A
            assert "Kihyun" in first["body"] and "She Was Pretty OST" in first["body"]
            assert first["app"] == "OST Player" and first["replaces"] == 0
            cover = app.files[SONG_A].parent / "cover.jpg"
            assert first["hints"]["image-path"] == str(cover)
            assert app.cli("play", SONG_B).returncode == 0
            second = json.loads(server.stdout.readline())
            # It replaces the first bubble instead of piling up.
            assert second["summary"] == TITLE_B and second["replaces"] == 1
        finally:
            code, err = app.stop()
            server.terminate()
            server.wait(timeout=10)
        assert code == 0, err


def test_the_application_icon_comes_in_the_hicolor_sizes(qapp):
    from ostplayer.integrations.desktop import app_icon

    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {22, 48, 128} <= sizes
