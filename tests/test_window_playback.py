"""Playback as a user drives it from the window, through real libVLC."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import make_window
from vlc_support import VLC_TEST_ARGS, make_wav, require_vlc

from ostplayer.playback.base import PlayerState


def vlc_window(qtbot, tmp_path):
    require_vlc()
    from ostplayer.playback.vlc_backend import VlcPlayer

    window = make_window(qtbot, tmp_path / "data", VlcPlayer(VLC_TEST_ARGS))
    return window


def test_enter_on_a_song_plays_it_and_the_drama_plays_on(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 3.0)))
    # Same drama grouping is one song per drama here, so group by actor: Park Seo-joon's five.
    w.browser.set_grouping(w.model.grouping.ACTOR)
    w.actions_.link("start-over", str(make_wav(tmp_path / "start-over.wav", 3.0)))
    w.browser.select_song("start-over")
    tree = w.browser.tree
    tree.setFocus()
    with qtbot.waitSignal(w.controller.now_playing, timeout=5000) as started:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert started.args == ["start-over"]
    qtbot.waitUntil(lambda: w.controller.state() is PlayerState.PLAYING, timeout=5000)
    assert w.transport.title.text() == "Start Over"
    assert "Gaho · Itaewon Class (2020)" in w.transport.subtitle.text()
    # Unlinked songs in the list were skipped; the next linked one follows at the end.
    assert w.controller.queue.upcoming() == ["its-you"]
    with qtbot.waitSignal(w.controller.now_playing, timeout=10_000) as advanced:
        pass
    assert advanced.args == ["its-you"]
    # The finished song counted as played, and its page says so.
    assert w.library.play_stats("start-over").count == 1
    w.browser.select_song("start-over")
    assert "Played once" in w.page_view.toPlainText()
    w.controller.stop()


def test_synced_lyrics_follow_the_music(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 4.0)))
    w.library.set_saved_lyrics("its-you", "[00:00.00]It's you\n[00:01.50]Even when I close my eyes")
    w.browser.select_song("its-you")
    assert "Lyrics from your library (synced)" in w.page_view.toPlainText()
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: w.lyrics.view.current_group_index == 0, timeout=5000)
    qtbot.waitUntil(lambda: w.lyrics.view.current_group_index == 1, timeout=5000)
    assert w.controller.position_ms() >= 1400
    w.controller.stop()


def test_a_missing_file_is_reported_and_marked(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    audio = make_wav(tmp_path / "gone.wav", 3.0)
    w.actions_.link("ambiguous", str(audio))
    audio.unlink()
    messages = []
    w.statusBar().messageChanged.connect(messages.append)
    w.status.refresh_all()
    # The row already shows it; playing it anyway names the file and loses nothing.
    assert w.status("ambiguous") == "missing"
    w.controller.play_list(["ambiguous"], 0)
    qtbot.waitUntil(lambda: any("gone.wav" in m for m in messages), timeout=5000)
    assert w.library.audio_path("ambiguous") == str(audio)


def test_volume_and_the_last_song_are_remembered_and_resume_is_offered(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    w.actions_.link("our-tears", str(make_wav(tmp_path / "tears.wav", 9.0)))
    w.transport.volume.setValue(35)
    w.play_songs("our-tears", ["our-tears"])
    qtbot.waitUntil(lambda: w.controller.state() is PlayerState.PLAYING, timeout=5000)
    w.controller.seek(6000)
    qtbot.waitUntil(lambda: w.controller.position_ms() > 6200, timeout=5000)
    w.controller.play_pause()
    qtbot.waitUntil(lambda: w.controller.state() is PlayerState.PAUSED, timeout=5000)
    w.close()
    w2 = vlc_window(qtbot, tmp_path)
    assert w2.transport.volume.value() == 35
    w2.offer_resume()
    assert w2.resume_banner.isVisible()
    assert "Resume “Our Tears”" in w2.resume_banner.label.text()


def test_play_next_puts_a_song_first_in_the_queue_panel(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    for song in ("its-you", "start-over", "ambiguous"):
        w.actions_.link(song, str(make_wav(tmp_path / f"{song}.wav", 4.0)))
    w.play_songs("its-you", ["its-you", "start-over"])
    qtbot.waitUntil(lambda: w.controller.current_song_id == "its-you", timeout=5000)
    w.queue_song("ambiguous", next_up=True)
    assert w.queue_dock.isVisible()
    assert w.controller.queue.upcoming()[0] == "ambiguous"
    assert w.upcoming.index(0, 0).data().startswith("1. Ambiguous")
    with qtbot.waitSignal(w.controller.now_playing, timeout=5000) as nxt:
        w.controller.next()
    assert nxt.args == ["ambiguous"]
    w.controller.stop()
