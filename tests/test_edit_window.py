"""Editing in the window: editors validate as you type, a save updates the browser row, the
search and the page at once (no rebuild), and Ctrl+Z / Ctrl+Shift+Z undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QDialogButtonBox
from ui_support import make_window

from ostplayer.ui.browser_model import ID_ROLE


def row_title(w, song_id: str) -> str:
    index = w.model.find_song(song_id)
    assert index.isValid() and index.data(ID_ROLE) == song_id
    return index.data(Qt.ItemDataRole.DisplayRole)


def while_open(w, act) -> list:
    """Run ``act(dialog)`` once the editor is shown (its exec() blocks the test)."""
    seen = []

    def step():
        dialog = w.editing.open_dialog
        if dialog is None:
            QTimer.singleShot(10, step)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, step)
    return seen


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_ctrl_e_renames_a_song_and_every_view_follows_without_a_reset(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.page_view.anchorClicked.emit(QUrl("ost:song/our-tears"))
    resets = []
    w.model.modelAboutToBeReset.connect(lambda: resets.append(1))

    def rename(dialog):
        dialog.title.setText("Tears of Silla")
        save_button(dialog).click()

    while_open(w, rename)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.page_view.setFocus()
    qtbot.keyClick(w.page_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert w.library.catalog.songs["our-tears"].title == "Tears of Silla"
    assert row_title(w, "our-tears").startswith("Tears of Silla — ")
    assert resets == []  # the row changed in place, the user's place in the tree is kept
    assert "Tears of Silla" in w.page_view.toPlainText()
    assert w.search.search_positions("silla") is not None
    assert [w.model.songs[p].id for p in w.search.search_positions("silla")] == ["our-tears"]

    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w.page_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row_title(w, "our-tears").startswith("Our Tears — ")
    assert "Our Tears" in w.page_view.toPlainText()
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(w.page_view, Qt.Key.Key_Z, redo)
    assert row_title(w, "our-tears").startswith("Tears of Silla — ")
    assert w.editing.actions["undo"].text() == "&Undo Edit song “Tears of Silla”"


def test_drama_editor_names_the_field_as_you_type(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.page_view.anchorClicked.emit(QUrl("ost:drama/itaewon-class"))
    messages = []

    def type_badly(dialog):
        dialog.title.setText("")
        messages.append((dialog.error.text(), save_button(dialog).isEnabled()))
        dialog.title.setText("이태원 클라쓰")
        dialog.year.setText("twenty")
        messages.append((dialog.error.text(), save_button(dialog).isEnabled()))
        dialog.year.setText("3020")
        messages.append((dialog.error.text(), save_button(dialog).isEnabled()))
        dialog.year.setText("2020")
        dialog.cast.add_row(["Nobody Known", "Jo Yi-seo"])
        messages.append((dialog.error.text(), save_button(dialog).isEnabled()))
        dialog.cast.table.item(1, 0).setText("Kim Ji-won")  # a name resolves to the person
        messages.append((dialog.error.text(), save_button(dialog).isEnabled()))
        save_button(dialog).click()

    while_open(w, type_badly)
    w.editing.edit_current()
    assert messages == [
        ("Title: must not be empty", False),
        ("Year: expected a whole number, got text", False),
        ("Year: 3020 is outside 1900..2200", False),
        (
            "Cast, row 2, actor: nobody called 'Nobody Known' is in the library"
            " (add them with Library ▸ New person)",
            False,
        ),
        ("", True),
    ]
    drama = w.library.catalog.dramas["itaewon-class"]  # the id stays with a new title
    assert drama.title == "이태원 클라쓰" and drama.cast[1].actor == "kim-ji-won"
    assert "Jo Yi-seo" in w.page_view.toPlainText()


def test_new_drama_and_song_from_the_library_menu_get_slug_ids(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)

    def new_drama(dialog):
        dialog.title.setText("My Mister")
        dialog.year.setText("2018")
        save_button(dialog).click()

    while_open(w, new_drama)
    w.editing.actions["new-drama"].trigger()
    assert w.library.catalog.dramas["my-mister"].year == 2018
    assert w.reading.current == ("drama", "my-mister")
    assert w.model.find_group("my-mister").isValid() is False  # no songs yet: no group row

    def new_song(dialog):
        assert dialog.drama.currentData() == "my-mister"  # from the drama's page
        dialog.title.setText("Adult")
        dialog.performers.add_row(["Sondia", ""])
        assert dialog.error.text().startswith("Performers, row 1, person: nobody called 'Sondia'")
        dialog.performers.table.item(0, 0).setText("Gaho")
        save_button(dialog).click()

    while_open(w, new_song)
    w.editing.actions["new-song"].trigger()
    song = w.library.catalog.songs["adult"]
    assert song.drama == "my-mister" and song.performers[0].person == "gaho"
    assert row_title(w, "adult") == "Adult — Gaho"
    assert w.search.search_positions("adult")


def test_delete_a_drama_then_undo_brings_its_songs_back(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    from ostplayer.ui.edit_ui import delete_summary

    text = delete_summary(w.library.catalog, "dramas", "fight-for-my-way")
    assert "Its 1 song goes with it (Ambiguous)." in text and "are kept" in text
    w.editing.delete("dramas", "fight-for-my-way", confirm=False)
    assert not w.model.find_song("ambiguous").isValid()
    w.editing.history.undo()
    assert row_title(w, "ambiguous").startswith("Ambiguous — ")


def test_renaming_a_person_updates_the_rows_that_credit_them(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.page_view.anchorClicked.emit(QUrl("ost:person/gaho"))

    def rename(dialog):
        dialog.name.setText("Gaho (가호)")
        save_button(dialog).click()

    while_open(w, rename)
    w.page_view.anchorClicked.emit(QUrl("ost:action/edit-person/gaho"))
    assert row_title(w, "start-over") == "Start Over — Gaho (가호)"
    assert w.search.search_positions("가호")


def test_a_song_rows_context_menu_offers_editing(qtbot, tmp_path):
    from PySide6.QtWidgets import QMenu

    w = make_window(qtbot, tmp_path)
    menu = QMenu()
    w.editing.extend_row_menu(menu, "its-you")
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "Favourite",
        "Edit song…",
        "New song in this drama…",
        "Merge song into…",
        "Delete song…",
    ]
    bar = [a.text() for a in w.menuBar().actions()]
    assert bar.index("&Edit") == bar.index("&Library") - 1


def test_renaming_a_drama_relabels_its_group_and_search_finds_it_at_once(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.page_view.anchorClicked.emit(QUrl("ost:drama/hwarang"))

    def rename(dialog):
        dialog.title.setText("Hwarang of Silla")
        save_button(dialog).click()

    while_open(w, rename)
    w.editing.edit_current()
    group = w.model.find_group("hwarang")
    assert group.data(Qt.ItemDataRole.DisplayRole) == "Hwarang of Silla (2016)"
    assert w.search.indexed  # patched, not rebuilt
    assert [w.model.songs[p].id for p in w.search.search_positions("silla")] == ["our-tears"]
    assert "Hwarang of Silla" in w.page_view.toPlainText()


def test_merging_two_songs_in_the_window_keeps_the_survivors_row_and_finds_both_names(
    qtbot, tmp_path
):
    w = make_window(qtbot, tmp_path)
    w.library.set_saved_lyrics("our-tears", "our own words")
    w.editing.merge("songs", "our-tears", into="one-more-step")
    assert not w.model.find_song("our-tears").isValid()
    assert row_title(w, "one-more-step").startswith("One More Step — ")
    qtbot.keyClicks(w.browser.search, "our tears")
    assert w.model.visible_song_ids() == ["one-more-step"]  # the old title is an alias now
    assert w.library.saved_lyrics("one-more-step") == "our own words"
    w.browser.search.clear()
    w.editing.history.undo()
    assert row_title(w, "our-tears").startswith("Our Tears — ")
