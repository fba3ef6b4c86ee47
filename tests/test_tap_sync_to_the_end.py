"""Tap-to-sync in the real window up to the very last line: the song ends, the last line is
still tapped (at the song's end), Play replays it with the session as it was, and every stamp
is in the saved lyrics and in the panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from ui_support import make_window
from vlc_support import make_wav

from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.playback.base import PlayerState
from ostplayer.playback.fake_backend import FakePlayer


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def tap_button(editor) -> QPushButton:
    (b,) = [b for b in editor.findChildren(QPushButton) if b.text() == "Tap"]
    return b


def test_the_last_line_is_tapped_after_the_song_ended_and_saved(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path / "data", FakePlayer(speed=2.0))
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 3.0)))
    w.library.set_saved_lyrics("its-you", "first line\nsecond line\nthe last line\n")
    panel, session = w.lyrics, w.session
    panel.show_song("its-you")
    qtbot.waitUntil(lambda: panel.find("its-you") is not None)
    panel.edit("its-you", sync=True)  # plays the song, and stops at its end
    editor = panel._editor
    qtbot.waitUntil(lambda: session.position_ms() > 300, timeout=5000)
    editor.tap()
    qtbot.waitUntil(lambda: session.position_ms() > 1200, timeout=5000)
    editor.tap()
    qtbot.waitUntil(lambda: session.finished_song == "its-you", timeout=10_000)
    assert session.state() is not PlayerState.PLAYING
    assert editor.is_live and tap_button(editor).isEnabled()  # the music stopped, Tap did not

    session.play_pause()  # replaying continues the same session
    qtbot.waitUntil(lambda: session.state() is PlayerState.PLAYING, timeout=5000)
    assert editor.session.current == 2 and editor.session.stamps[2] is None
    qtbot.waitUntil(lambda: session.finished_song == "its-you", timeout=10_000)

    editor.tap()  # the last line, after the end
    first, second, last = editor.session.stamps
    assert 300 < first < second < last == session.length_ms() == 3000
    editor.save()
    saved = parse_lyrics(w.library.saved_lyrics("its-you"))
    assert [(g.time_ms, g.text) for g in saved.groups] == [
        (first, "first line"),
        (second, "second line"),
        (3000, "the last line"),
    ]
    qtbot.waitUntil(lambda: panel.view.lyrics is not None and panel.view.lyrics.synced)
    assert [g.time_ms for g in panel.view.lyrics.groups][-1] == 3000
    w.close()
