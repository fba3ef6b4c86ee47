"""Playback as a user drives it from the window, through real libVLC."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton
from ui_support import make_window
from vlc_support import VLC_TEST_ARGS, make_junk_mp3, make_wav, require_vlc

from ostplayer.playback.base import PlayerState
from ostplayer.services.playback_state import ResumePoint
from ostplayer.ui import menus
from ostplayer.ui.browser_model import AUDIO_ROLE
from ostplayer.ui.transport import format_ms


def vlc_window(qtbot, tmp_path):
    """For what libVLC itself makes of files (undecodable, deleted while playing)."""
    require_vlc()
    from ostplayer.playback.vlc_backend import VlcPlayer

    window = make_window(qtbot, tmp_path / "data", VlcPlayer(VLC_TEST_ARGS))
    return window


def fake_window(qtbot, tmp_path, speed: float = 2.0):
    """The window's own behaviour, on a player that keeps time like libVLC, twice as fast."""
    from ostplayer.playback.fake_backend import FakePlayer

    return make_window(qtbot, tmp_path / "data", FakePlayer(speed=speed))


def test_enter_on_a_song_plays_it_and_the_drama_plays_on(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 3.0)))
    # Same drama grouping is one song per drama here, so group by actor: Park Seo-joon's five.
    w.browser.set_grouping(w.model.grouping.ACTOR)
    w.actions_.link("start-over", str(make_wav(tmp_path / "start-over.wav", 3.0)))
    w.browser.select_song("start-over")
    tree = w.browser.tree
    tree.setFocus()
    with qtbot.waitSignal(w.session.now_playing, timeout=5000) as started:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert started.args == ["start-over"]
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING, timeout=5000)
    assert w.transport.title.text() == "Start Over"
    assert w.transport.subtitle.text() == "Gaho"
    assert w.transport.now.drama.text().startswith("Itaewon Class (2020)")
    # Unlinked songs in the list were skipped; the next linked one follows at the end.
    assert w.session.queue.upcoming() == ["its-you"]
    with qtbot.waitSignal(w.session.now_playing, timeout=10_000) as advanced:
        pass
    assert advanced.args == ["its-you"]
    # The finished song counted as played, and its page says so.
    assert w.library.play_stats("start-over").count == 1
    w.browser.select_song("start-over")
    assert "Played once" in w.page_view.toPlainText()
    w.session.stop()


def test_synced_lyrics_follow_the_music(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 4.0)))
    w.library.set_saved_lyrics(
        "its-you", "[00:00.00]It's you\n[00:01.50]Even when I close my eyes", reset_offset=False
    )
    w.browser.select_song("its-you")
    # Looked up off the GUI thread; the page says where they came from once they are back.
    qtbot.waitUntil(lambda: "Lyrics from your library (synced)" in w.page_view.toPlainText())
    # When the highlight moves, and how often the panel wakes up to check.
    moved_at, ticks = {}, []
    view, panel = w.lyrics.view, w.lyrics
    set_current = view._set_current
    tick = panel._tick

    def spy_set_current(index, **kw):
        moved_at.setdefault(index, w.session.position_ms())
        set_current(index, **kw)

    def spy_tick():
        ticks.append(w.session.position_ms())
        tick()

    view._set_current = spy_set_current
    panel._timer.timeout.disconnect()
    panel._timer.timeout.connect(spy_tick)
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: w.lyrics.view.current_group_index == 0, timeout=5000)
    qtbot.waitUntil(lambda: w.lyrics.view.current_group_index == 1, timeout=5000)
    # On time (the second line is due at 1.5 s), never early, by the playback clock...
    assert 1500 <= moved_at[1] <= 1560, moved_at
    # ...from a timer armed for the line, not a 60 Hz poll (that would be ~90 wake-ups).
    assert len([t for t in ticks if t < 1500]) < 15, ticks
    w.session.stop()


def test_a_missing_file_is_reported_and_marked(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    audio = make_wav(tmp_path / "gone.wav", 3.0)
    w.actions_.link("ambiguous", str(audio))
    audio.unlink()
    messages = []
    w.statusBar().messageChanged.connect(messages.append)
    w.library.check_audio(w.library.linked_song_ids())
    # The row already shows it; playing it anyway names the file and loses nothing.
    qtbot.waitUntil(lambda: w.library.audio_state("ambiguous") == "missing")
    w.session.play_list(["ambiguous"], 0)
    qtbot.waitUntil(lambda: any("gone.wav" in m for m in messages), timeout=5000)
    assert w.library.audio_path("ambiguous") == str(audio)


def test_volume_and_the_last_song_are_remembered_and_resume_is_offered(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("our-tears", str(make_wav(tmp_path / "tears.wav", 9.0)))
    w.transport.volume.setValue(35)
    w.play_songs("our-tears", ["our-tears"])
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING, timeout=5000)
    w.session.seek(6000)
    qtbot.waitUntil(lambda: w.session.position_ms() > 6200, timeout=5000)
    w.session.play_pause()
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PAUSED, timeout=5000)
    w.close()
    w2 = fake_window(qtbot, tmp_path)
    assert w2.transport.volume.value() == 35
    w2.offer_resume()
    assert w2.resume_banner.isVisible()
    assert "Resume “Our Tears”" in w2.resume_banner.label.text()


def test_play_next_puts_a_song_first_in_the_queue_panel(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    for song in ("its-you", "start-over", "ambiguous"):
        w.actions_.link(song, str(make_wav(tmp_path / f"{song}.wav", 4.0)))
    w.play_songs("its-you", ["its-you", "start-over"])
    qtbot.waitUntil(lambda: w.session.current_song_id == "its-you", timeout=5000)
    w.queue_song("ambiguous", next_up=True)
    assert w.queue_dock.isVisible()
    assert w.session.queue.upcoming()[0] == "ambiguous"
    assert w.upcoming.index(0, 0).data().startswith("1. Ambiguous")
    with qtbot.waitSignal(w.session.now_playing, timeout=5000) as nxt:
        w.session.next()
    assert nxt.args == ["ambiguous"]
    w.session.stop()


def status_text(w) -> str:
    return w.statusBar().currentMessage()


def test_a_skipped_song_stays_in_sight_while_the_next_plays(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    gone = make_wav(tmp_path / "gone.wav", 3.0)
    w.actions_.link("ambiguous", str(gone))
    gone.unlink()
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 4.0)))
    w.session.play_list(["ambiguous", "its-you"], 0)
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING, timeout=5000)
    qtbot.wait(300)  # the next song's start must not wipe the reason out
    text = status_text(w)
    assert text.startswith("Skipped “Ambiguous” (File not found: ")
    assert "gone.wav" in text and text.endswith("· Playing “It’s You”")
    # The strip above the transport keeps saying it until dismissed.
    notice = w.playback_notice
    assert notice.isVisible()
    assert notice.label.text() == f"Skipped “Ambiguous”: File not found: {gone}"
    [dismiss] = [b for b in notice.findChildren(QPushButton) if b.text() == "Dismiss"]
    dismiss.click()
    assert not notice.isVisible()
    w.session.stop()


def test_a_folder_and_an_undecodable_file_show_as_unplayable(qtbot, tmp_path, monkeypatch):
    w = vlc_window(qtbot, tmp_path)
    album = make_wav(tmp_path / "album", 1.0)
    w.actions_.link("ambiguous", str(album))
    album.unlink()
    album.mkdir()  # the linked path is now a folder
    # Linked directly: the window refuses what is not audio by its content, but a file can
    # look like audio and still not decode.
    w.library.link("our-tears", str(make_junk_mp3(tmp_path / "tears.mp3")))
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 4.0)))
    w.browser.set_grouping(w.model.grouping.ACTOR)
    with qtbot.waitSignal(
        w.session.now_playing, timeout=10_000, check_params_cb=lambda s: s == "its-you"
    ):
        w.session.play_list(["ambiguous", "our-tears", "its-you"], 0)
    notice = w.playback_notice.label.text()
    assert f"Skipped “Ambiguous”: {album} is a folder, not an audio file" in notice
    assert "File not found" not in notice
    assert "Skipped “Our Tears”: Could not play" in notice
    icons = menus.audio_icons(w.style())
    for song in ("ambiguous", "our-tears"):
        assert w.library.audio_state(song) == "unplayable"
        index = w.model.find_song(song)
        assert index.data(AUDIO_ROLE) == "unplayable"
        assert "VLC could not play" in index.data(Qt.ItemDataRole.ToolTipRole)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        assert icon is not None
        assert icon.pixmap(16).toImage() == icons["unplayable"].pixmap(16).toImage()
    # Relinking gives the song another chance (after saying which link it replaces).
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    w.actions_.link("our-tears", str(make_wav(tmp_path / "tears.wav", 1.0)))
    assert asked and "tears.mp3" in asked[0]
    assert w.library.audio_state("our-tears") == "linked"
    w.session.stop()


def test_a_file_deleted_while_it_plays_is_reported_and_marked_missing(qtbot, tmp_path):
    w = vlc_window(qtbot, tmp_path)
    audio = make_wav(tmp_path / "its-you.wav", 2.5)
    w.actions_.link("its-you", str(audio))
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING, timeout=5000)
    with qtbot.waitSignal(w.session.song_failed, timeout=10_000) as failed:
        audio.unlink()
    assert failed.args == ["its-you", f"{audio} was deleted or moved"]
    qtbot.waitUntil(lambda: w.library.audio_state("its-you") == "missing")
    assert w.model.find_song("its-you").data(AUDIO_ROLE) == "missing"
    assert "was deleted or moved" in w.playback_notice.label.text()
    assert w.library.audio_path("its-you") == str(audio)  # the link is kept for a relink


def test_resume_starts_the_song_at_the_saved_position(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("our-tears", str(make_wav(tmp_path / "tears.wav", 9.0)))
    w.session._state.resume = ResumePoint("our-tears", 6000)
    w.offer_resume()
    assert "(0:06)" in w.resume_banner.label.text()
    times: list[int] = []
    w.session.bridge.time_changed.connect(times.append)
    [resume] = [b for b in w.resume_banner.findChildren(QPushButton) if b.text() == "Resume"]
    resume.click()
    assert w.session.position_ms() == 6000
    assert w.transport.elapsed.text() == "0:06"
    qtbot.waitUntil(lambda: w.session.player.time_ms() > 6300, timeout=5000)
    assert w.session.state() is PlayerState.PLAYING
    assert min(times) >= 6000  # the song's opening was never played
    w.session.stop()


def test_resume_is_not_offered_for_a_start_a_finished_song_or_after_stop(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("our-tears", str(make_wav(tmp_path / "tears.wav", 9.0)))
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 1.5)))
    w.session._state.resume = ResumePoint("our-tears", 3000)
    assert w.session.resume_offer() is None  # under 5 s: starting over costs nothing
    w.play_songs("our-tears", ["our-tears"])
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING, timeout=5000)
    w.session.seek(6000)
    qtbot.waitUntil(lambda: w.session.position_ms() > 6100, timeout=5000)
    w.session.save_position()
    assert w.session.resume_offer() == ("our-tears", pytest.approx(6100, abs=400))
    w.session.stop()
    w.save_state()  # what quitting does
    assert w.session.resume_offer() is None
    with qtbot.waitSignal(w.session.play_finished, timeout=10_000):
        w.play_songs("its-you", ["its-you"])
    w.save_state()
    assert w.session.resume_offer() is None


def test_mute_is_remembered(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.transport.mute_button.click()
    assert w.session.player.is_muted()
    w.close()
    w2 = fake_window(qtbot, tmp_path)
    assert w2.transport.mute_button.isChecked()
    assert w2.session.player.is_muted()
    w2.transport.mute_button.click()
    w2.close()
    w3 = fake_window(qtbot, tmp_path)
    assert not w3.transport.mute_button.isChecked() and not w3.session.player.is_muted()


def test_queue_panel_play_play_next_and_remove(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    songs = ["its-you", "start-over", "ambiguous", "our-tears"]
    for song in songs:
        w.actions_.link(song, str(make_wav(tmp_path / f"{song}.wav", 5.0)))
    w.play_songs("its-you", songs)
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PLAYING, timeout=5000)
    panel = w.queue_panel
    menu = panel.menu_for_row(2)
    assert [a.text() for a in menu.actions()] == ["Play", "Play next", "Remove from queue"]
    play_next = menu.actions()[1]
    play_next.trigger()
    assert w.session.queue.upcoming() == ["our-tears", "start-over", "ambiguous"]
    assert w.upcoming.index(0, 0).data().startswith("1. Our Tears")
    panel.menu_for_row(2).actions()[2].trigger()  # remove "ambiguous"
    assert w.session.queue.upcoming() == ["our-tears", "start-over"]
    # The "Play next" button does the same for the selected row.
    panel.view.setCurrentIndex(w.upcoming.index(1, 0))
    [button] = [b for b in panel.findChildren(QPushButton) if b.text() == "Play next"]
    button.click()
    assert w.session.queue.upcoming() == ["start-over", "our-tears"]
    # Activating a later row plays it and keeps the one before it (now history).
    with qtbot.waitSignal(w.session.now_playing, timeout=5000) as started:
        panel.view.activated.emit(w.upcoming.index(1, 0))
    assert started.args == ["our-tears"]
    assert w.session.queue.history() == ["its-you", "start-over"]
    with qtbot.waitSignal(w.session.now_playing, timeout=5000) as back:
        w.session.previous()
    assert back.args == ["start-over"]
    w.session.stop()


def test_after_stop_the_song_and_its_length_stay_and_seeking_is_ignored(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 4.0)))
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: w.session.position_ms() > 500, timeout=5000)
    w.transport.stop_button.click()
    assert w.session.state() is PlayerState.STOPPED
    assert w.transport.total.text() == "−0:04"  # the time left, all of it
    assert w.transport.elapsed.text() == "0:00"
    assert w.transport.title.text() == "It’s You"
    slider = w.transport.slider
    with qtbot.assertNotEmitted(w.session.now_playing, wait=400):
        qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=slider.rect().center())
    assert w.session.state() is PlayerState.STOPPED
    assert slider.value() == 0 and w.transport.elapsed.text() == "0:00"
    assert w.transport.total.text() == "−0:04"  # the time left, all of it


def test_a_click_on_the_position_slider_seeks_once_and_a_drag_shows_its_time(qtbot, tmp_path):
    w = fake_window(qtbot, tmp_path)
    w.actions_.link("our-tears", str(make_wav(tmp_path / "tears.wav", 9.0)))
    w.play_songs("our-tears", ["our-tears"])
    slider = w.transport.slider
    qtbot.waitUntil(lambda: slider.maximum() > 0, timeout=5000)
    y = slider.height() // 2
    seeks: list[int] = []
    w.transport.seek.connect(seeks.append)
    x_mid = slider.width() // 2
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x_mid, y))
    assert len(seeks) == 1
    assert seeks[0] == pytest.approx(4500, abs=600)
    assert w.session.position_ms() == pytest.approx(seeks[0], abs=100)
    # Dragging: the elapsed time follows the handle; playback moves on release only.
    x_late = slider.width() * 8 // 9
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=QPoint(x_mid, y))
    qtbot.mouseMove(slider, QPoint(x_late, y))
    target = slider.sliderPosition()
    assert target > 7000
    assert w.transport.elapsed.text() == format_ms(target)
    qtbot.wait(400)  # position updates do not pull the handle back meanwhile
    assert w.transport.elapsed.text() == format_ms(target)
    assert len(seeks) == 1
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(x_late, y))
    assert seeks[1:] == [target]
    w.session.stop()
