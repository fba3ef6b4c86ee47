"""First run and empty states, as a new user meets them: the front page asks for the music
folder until the library has a file of the user's, and the queue and the lyrics say what
would fill them instead of showing blank space."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import make_window
from vlc_support import make_wav

from ostplayer.ui import scan_ui


def page_text_top(w) -> float:
    """Where the page's own text starts, in the page's viewport."""
    doc = w.page_view.document()
    top = doc.documentLayout().blockBoundingRect(doc.begin()).top()
    return top - w.page_view.verticalScrollBar().value()


def welcome_shown(w) -> bool:
    card = w.welcome.card
    return card.isVisible() and card.add.isVisible()


def test_an_empty_library_asks_for_the_music_folder_and_the_button_adds_one(
    qtbot, tmp_path, monkeypatch
):
    music = tmp_path / "Music"
    music.mkdir()
    asked: list[str] = []

    def choose(_parent, title, _start):
        asked.append(title)
        return str(music)

    monkeypatch.setattr(scan_ui.QFileDialog, "getExistingDirectory", choose)
    w = make_window(qtbot, tmp_path / "data")
    assert w.library.linked_song_ids() == []
    assert w.reading.current[0] == "feature"
    card = w.welcome.card
    qtbot.waitUntil(lambda: welcome_shown(w))
    assert card.title.text() == "Add your music folder"
    assert "nothing is copied or uploaded" in card.text.text()
    assert card.add.text() == "Add music folder…"
    assert card.secondary.text() == "Import catalog…"
    # The card sits in room kept above the page: it covers none of the page's text.
    assert card.geometry().bottom() < page_text_top(w)

    with qtbot.waitSignal(w.ctx.scan.finished, timeout=30_000):
        qtbot.mouseClick(card.add, Qt.MouseButton.LeftButton)
    assert asked == ["Add a music folder"]  # the window's own Add music folder… dialog
    assert w.ctx.scan.music_folders() == [str(music)]
    # An empty folder gives no files: the card still asks.
    assert welcome_shown(w)


def test_a_linked_file_ends_the_call_to_action_without_moving_the_page(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "data")
    qtbot.waitUntil(lambda: welcome_shown(w))
    text_top = page_text_top(w)

    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 0.5)))
    QApplication.processEvents()
    card = w.welcome.card
    assert not card.add.isVisible()  # no more "Add music folder…"
    assert card.title.text() == "Your music is in the library"
    assert page_text_top(w) == text_top  # said in the same room: nothing jumped

    w.browser.select_song("its-you")
    w.reading.home()
    assert not card.isVisible()  # the next time the front page shows, it is the page alone
    assert page_text_top(w) < text_top

    # With every file unlinked again, the front page asks again.
    w.actions_.unlink("its-you")
    QApplication.processEvents()
    qtbot.waitUntil(lambda: welcome_shown(w))
    assert card.geometry().bottom() < page_text_top(w)


def test_the_queue_says_what_fills_it_until_a_song_is_queued(qtbot, tmp_path):
    from ostplayer.playback.fake_backend import FakePlayer

    w = make_window(qtbot, tmp_path / "data", FakePlayer(speed=2.0))
    panel = w.queue_panel
    w.set_queue_visible(True)
    assert panel.is_empty and panel.empty.isVisible() and not panel.view.isVisible()
    assert panel.empty.text() == "The queue is empty."
    assert "Play next" in panel.empty.detail.text()
    for song in ("its-you", "start-over"):
        w.actions_.link(song, str(make_wav(tmp_path / f"{song}.wav", 4.0)))
    w.play_songs("its-you", ["its-you", "start-over"])
    qtbot.waitUntil(lambda: w.session.current_song_id == "its-you", timeout=5000)
    assert not panel.is_empty and panel.view.isVisible() and not panel.empty.isVisible()
    w.session.clear_queue()
    qtbot.waitUntil(lambda: panel.is_empty)
    assert panel.empty.isVisible()
    w.session.stop()


def test_the_lyrics_say_what_would_fill_them(qtbot, tmp_path):
    catalog = {
        "format": "ostplayer-catalog",
        "format_version": 1,
        "people": [{"id": "singer", "name": "Singer"}],
        "dramas": [{"id": "quiet", "title": "Quiet Drama", "year": 2024}],
        "songs": [
            {"id": "wordless", "title": "Wordless", "drama": "quiet", "performers": []},
        ],
    }
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog))
    w = make_window(qtbot, tmp_path / "data")
    state = w.lyrics.empty.state
    assert state.isVisible() and state.text() == "Choose a song to see its lyrics."
    assert state.button is None or not state.button.isVisible()  # no song to add them to

    w.library.import_file(path)
    QApplication.processEvents()
    w.lyrics.show_song("wordless")
    qtbot.waitUntil(lambda: state.text() == "No lyrics for this song yet.")
    assert state.isVisible() and ".lrc" in state.detail.text()
    assert state.button.isVisible() and state.button.text() == "Add lyrics…"
    state.button.click()  # the view's own "Add lyrics…": the editor opens for this song
    qtbot.waitUntil(lambda: w.lyrics._editor is not None)
    assert w.lyrics._editor.song_id == "wordless"
    w.lyrics._editor.discard()
