"""The user's own marks in the window: heart, stars, notes, spoiler scenes, smart lists."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox
from test_edit_window import row_title, while_open
from ui_support import make_window

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, resource_path


def page_text(w) -> str:
    return w.page_view.toPlainText()


def click(w, url: str) -> None:
    w.page_view.anchorClicked.emit(QUrl(url))


def test_ctrl_d_hearts_the_song_on_its_page_and_in_the_browser_and_undo_takes_it_back(
    qtbot, tmp_path
):
    w = make_window(qtbot, tmp_path)
    click(w, "ost:song/its-you")
    assert "♡ Add to favourites" in page_text(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.page_view.setFocus()
    qtbot.keyClick(w.page_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "♥ Favourite" in page_text(w)
    assert row_title(w, "its-you").startswith("♥ It’s You — ")
    click(w, "ost:smart/favourites")
    assert "It’s You" in page_text(w) and "Play all 1" in page_text(w)
    w.editing.history.undo()
    assert "No songs here yet." in page_text(w)  # the list follows at once
    assert not row_title(w, "its-you").startswith("♥")


def test_stars_and_notes_are_kept_as_written(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    click(w, "ost:song/ambiguous")
    click(w, "ost:action/rate4/ambiguous")
    assert "Rating: ★ ★ ★ ★ ☆" in page_text(w)
    w.editing.personal.ask_notes = lambda _sid, _current: (
        "Episode 12, the rooftop.\n  — my favourite"
    )
    click(w, "ost:action/notes/ambiguous")
    assert "Episode 12, the rooftop.\n  — my favourite" in page_text(w)
    row = Library(tmp_path, resource_path(BUNDLED_CATALOG)).personal("ambiguous")
    assert row["rating"] == 4 and row["notes"] == "Episode 12, the rooftop.\n  — my favourite"


def test_a_spoiler_scene_stays_hidden_until_asked(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    click(w, "ost:song/start-over")

    def add_scenes(dialog):
        dialog.scenes.add_row(["1", "Opening titles", ""])
        dialog.scenes.add_row(["16", "He finally wins", "1"])
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    while_open(w, add_scenes)
    w.editing.edit_current()
    song = w.library.catalog.songs["start-over"]
    assert [(s.episode, s.spoiler) for s in song.scenes] == [(1, False), (16, True)]
    text = page_text(w)
    assert "Episode 1: Opening titles" in text and "Episode 16: spoiler: show" in text
    assert "He finally wins" not in text
    click(w, "ost:action/reveal/start-over")
    assert "Episode 16: He finally wins" in page_text(w)


def test_most_played_updates_while_it_is_shown(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    click(w, "ost:smart/most")
    assert "No songs here yet." in page_text(w)
    w.library.record_play("our-tears")
    w.library.record_play("our-tears")
    w.library.record_play("its-you")
    text = page_text(w)
    assert text.index("Our Tears") < text.index("It’s You") and "2 plays" in text
    click(w, "ost:smart/never")
    assert "Our Tears" not in page_text(w) and "Ambiguous" in page_text(w)
