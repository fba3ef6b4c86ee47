"""The window follows the library and playback by itself, and never waits on the disk.

Selecting a song never waits on its files; linking shows at once in the page and the lyrics
panel; the playing song is marked in the browser and named in the title; Next goes on past a
drama's OST in the browser's order; banners never move the controls under the mouse.
"""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtWidgets import QApplication
from ui_support import make_window
from vlc_support import make_wav

from ostplayer.playback.fake_backend import FakeMedia, FakePlayer
from ostplayer.ui.browser_model import PLAYING_ROLE


def fake_window(qtbot, tmp_path, **songs: float):
    """A window on the fake player, with the given songs linked to files of these lengths."""
    player = FakePlayer(speed=8.0)
    w = make_window(qtbot, tmp_path / "data", player)
    for song_id, seconds in songs.items():
        path = make_wav(tmp_path / f"{song_id}.wav", 0.1)
        player.script(str(path), FakeMedia(length_ms=int(seconds * 1000)))
        w.library.link(song_id, path)
    return w


def test_a_lyrics_file_that_would_block_never_freezes_the_window(qtbot, tmp_path) -> None:
    w = fake_window(qtbot, tmp_path, **{"its-you": 3})
    os.mkfifo(tmp_path / "its-you.lrc")  # reading a FIFO blocks until someone writes
    started = time.monotonic()
    w.browser.select_song("its-you")
    assert time.monotonic() - started < 5  # returned: a blocked read would never return
    # The lookup comes back (the FIFO is skipped) and the panel leaves "Looking for lyrics…".
    qtbot.waitUntil(lambda: w.lyrics.lyrics.cached("its-you") is not None, timeout=5000)
    assert "Looking" not in w.lyrics.describe_source("its-you")


def test_linking_refreshes_the_page_and_the_lyrics_panel_at_once(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path / "data")
    w.browser.select_song("its-you")
    qtbot.waitUntil(lambda: w.lyrics.view.lyrics is not None, timeout=5000)
    assert "excerpt" in w.lyrics.view._origin.full_text()
    audio = make_wav(tmp_path / "its-you.wav", 0.2)
    (tmp_path / "its-you.lrc").write_text("[00:00.50]My own synced line\n", encoding="utf-8")
    w.actions_.link("its-you", str(audio))
    assert f"Audio file: {audio}" in w.page_view.toPlainText()  # the page, at once
    # The panel looks again by itself: the sidecar next to the new file, not the excerpt.
    qtbot.waitUntil(
        lambda: w.lyrics.view.lyrics is not None and w.lyrics.view.lyrics.synced, timeout=5000
    )
    assert w.lyrics.view.lyrics.groups[0].lines[0].text == "My own synced line"
    w.actions_.unlink("its-you")
    assert "No audio file linked yet" in w.page_view.toPlainText()
    qtbot.waitUntil(
        lambda: w.lyrics.view.lyrics is not None and not w.lyrics.view.lyrics.synced, timeout=5000
    )


def test_the_playing_song_is_marked_named_and_followed(qtbot, tmp_path) -> None:
    w = fake_window(qtbot, tmp_path, **{"its-you": 30, "start-over": 30})
    w.browser.select_song("start-over")
    w.menu_actions["follow"].trigger()  # View ▸ Follow playing song
    with qtbot.waitSignal(w.session.now_playing, timeout=5000):
        w.play_songs("its-you", ["its-you"])
    index = w.model.find_song("its-you")
    assert index.data(PLAYING_ROLE) is True
    assert w.model.find_song("start-over").data(PLAYING_ROLE) is False
    # Distinct from "has a file": both have one, only one plays.
    assert index.data(1) != w.model.find_song("start-over").data(1)  # DecorationRole
    assert (
        w.windowTitle().startswith("It’s You — Jeong Se-woon") and "OST Player" in w.windowTitle()
    )
    assert w.reading.current == ("song", "its-you")  # the page followed the music
    w.session.stop()
    assert w.windowTitle() == "OST Player"
    assert w.model.find_song("its-you").data(PLAYING_ROLE) is False


def test_next_on_a_one_song_drama_plays_the_next_dramas_song(qtbot, tmp_path) -> None:
    w = fake_window(qtbot, tmp_path, **{"start-over": 30, "ambiguous": 30, "our-tears": 30})
    order = w.model.visible_song_ids()  # By Drama, newest first: one song per drama
    first = order.index("start-over")
    with qtbot.waitSignal(w.session.now_playing, timeout=5000):
        w.browser.select_song("start-over")
        w.browser.tree.activated.emit(w.model.find_song("start-over"))
    assert w.session.queue.upcoming() == []  # its drama's OST is just this song
    expected = next(s for s in order[first + 1 :] if w.library.audio_path(s))
    with qtbot.waitSignal(w.session.now_playing, timeout=5000) as nxt:
        w.session.next()
    assert nxt.args == [expected]
    assert w.statusBar().currentMessage().startswith("Playing")
    w.session.stop()


@pytest.mark.parametrize("banner", ["notice_banner", "resume_banner", "playback_notice"])
def test_a_banner_never_moves_the_controls(qtbot, tmp_path, banner) -> None:
    w = make_window(qtbot, tmp_path / "data")
    QApplication.processEvents()
    controls = [w.transport.play_button, w.transport.slider, w.browser.tree, w.page_view]
    before = [c.mapTo(w, c.rect().topLeft()) for c in controls]
    getattr(w, banner).show_message("Something happened that you should know about.\nTwo lines.")
    QApplication.processEvents()
    assert getattr(w, banner).isVisible()
    assert [c.mapTo(w, c.rect().topLeft()) for c in controls] == before
    getattr(w, banner).hide()
    QApplication.processEvents()
    assert [c.mapTo(w, c.rect().topLeft()) for c in controls] == before
