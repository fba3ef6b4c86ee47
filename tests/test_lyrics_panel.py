"""LyricsPanel in the real window: the editor's link to playback, saving, the highlight timer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from ui_support import make_window
from vlc_support import VLC_TEST_ARGS, make_wav, require_vlc

from ostplayer.playback.base import PlayerState


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def vlc_window(qtbot, tmp_path):
    require_vlc()
    from ostplayer.playback.vlc_backend import VlcPlayer

    return make_window(qtbot, tmp_path / "data", VlcPlayer(VLC_TEST_ARGS))


def messages_of(w) -> list[str]:
    out: list[str] = []
    w.lyrics.message.connect(out.append)
    return out


def tap_button(editor) -> QPushButton:
    (b,) = [b for b in editor.findChildren(QPushButton) if b.text() == "Tap"]
    return b


def test_sync_without_audio_says_to_link_a_file_first(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path)
    said = messages_of(w)
    w.lyrics.edit("its-you", sync=True)
    assert w.lyrics._editor is None  # no useless editor
    assert said and said[-1].startswith("Link an audio file first")
    gone = make_wav(tmp_path / "gone.wav", 0.2)
    w.actions_.link("its-you", str(gone))
    gone.unlink()
    w.library.check_audio(["its-you"])
    qtbot.waitUntil(lambda: w.library.audio_state("its-you") == "missing")
    w.lyrics.edit("its-you", sync=True)
    assert w.lyrics._editor is None and "missing" in said[-1] and str(gone) in said[-1]


def test_saving_the_unchanged_excerpt_stores_no_copy(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path)
    said = messages_of(w)
    assert w.library.catalog.songs["our-tears"].lyrics_excerpt
    w.lyrics.edit("our-tears")
    w.lyrics._editor.save()
    assert w.library.saved_lyrics("our-tears") is None
    assert said[-1] == "No changes to save."
    qtbot.waitUntil(lambda: "the catalog (an excerpt)" in w.lyrics.describe_source("our-tears"))


def test_saving_new_lyrics_resets_the_songs_offset(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path)
    said = messages_of(w)
    w.library.set_lyrics_offset("our-tears", 700)
    w.lyrics.show_song("our-tears")
    w.lyrics.edit("our-tears")
    w.lyrics._editor.set_text("[00:01.00]new timing\n[00:03.00]second\n")
    w.lyrics._editor.save()
    assert w.library.saved_lyrics("our-tears") == "[00:01.00]new timing\n[00:03.00]second\n"
    assert w.library.lyrics_offset("our-tears") == 0
    assert w.lyrics.view.offset_ms == 0  # the view shows the new timings as they are
    assert "offset is back to 0" in said[-1]


def test_an_ignored_sidecar_is_reported(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path)
    said = messages_of(w)
    audio = tmp_path / "tears.mp3"
    audio.write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 100)
    (tmp_path / "tears.lrc").write_bytes(audio.read_bytes())  # a copy renamed .lrc
    w.actions_.link("our-tears", str(audio))
    w.lyrics.show_song("our-tears")
    qtbot.waitUntil(
        lambda: any("tears.lrc" in m and "MP3 audio file, not lyrics" in m for m in said)
    )


def test_editor_follows_only_its_own_song(qtbot, tmp_path) -> None:
    w = vlc_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 6.0)))
    w.actions_.link("our-tears", str(make_wav(tmp_path / "tears.wav", 6.0)))
    w.lyrics.edit("its-you")
    editor = w.lyrics._editor
    editor.set_text("one\ntwo\nthree")
    editor.show_sync_page()
    assert not editor.is_live and not tap_button(editor).isEnabled()  # nothing plays
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: tap_button(editor).isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: w.session.position_ms() > 300, timeout=5000)
    editor.tap()
    first = editor.session.stamps[0]
    assert first is not None and first > 300
    w.play_songs("our-tears", ["our-tears"])  # another song: the editor goes dead
    qtbot.waitUntil(lambda: not tap_button(editor).isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: w.session.position_ms() > 1500, timeout=5000)
    editor.tap()
    assert editor.session.stamps == (first, None, None)  # not stamped with this song's time
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: tap_button(editor).isEnabled(), timeout=5000)
    w.session.stop()
    qtbot.waitUntil(lambda: not editor.is_live, timeout=5000)
    editor.discard()


def test_highlight_timer_runs_only_for_visible_synced_lyrics_of_the_playing_song(
    qtbot, tmp_path
) -> None:
    w = vlc_window(qtbot, tmp_path)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 8.0)))
    w.library.set_saved_lyrics("its-you", "[00:00.00]It's you\n[00:05.00]Later")
    panel = w.lyrics
    assert not panel.highlight_timer_active
    w.play_songs("its-you", ["its-you"])
    qtbot.waitUntil(lambda: panel.highlight_timer_active, timeout=5000)
    w.set_lyrics_visible(False)
    assert not panel.highlight_timer_active  # hidden: nothing to paint
    w.set_lyrics_visible(True)
    assert panel.highlight_timer_active
    w.session.play_pause()
    qtbot.waitUntil(lambda: w.session.state() is PlayerState.PAUSED, timeout=5000)
    assert not panel.highlight_timer_active
    w.session.play_pause()
    qtbot.waitUntil(lambda: panel.highlight_timer_active, timeout=5000)
    w.library.set_saved_lyrics("its-you", "plain words\nnot synced")
    panel.reload()
    assert not panel.highlight_timer_active  # plain lyrics have no line to follow
    w.session.stop()
    qtbot.waitUntil(lambda: not panel.highlight_timer_active, timeout=5000)
