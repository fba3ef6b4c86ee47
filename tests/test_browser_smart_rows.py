"""The smart lists at the top of the browser (Favourites, Recently played, Most played,
Never played, Recently added): counted, kept current by hearts, plays and the library, shown
as their page when selected, played as a list on Enter; and what the browser says instead of
an empty tree (a search that found nothing, a library with no songs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from ui_support import make_window
from vlc_support import make_wav

from ostplayer.domain.models import Catalog
from ostplayer.services.smart_lists import SMART_KEYS, smart_list
from ostplayer.ui.browser import BrowserPanel
from ostplayer.ui.browser_model import ID_ROLE, KIND_ROLE, BrowserModel
from ostplayer.ui.browser_window import install_browser
from ostplayer.ui.search_service import SearchService


def smart_window(qtbot, tmp_path, player=None):
    w = make_window(qtbot, tmp_path / "data", player)
    install_browser(w)
    # The counts are asked for by the first paint and worked out just after it.
    qtbot.waitUntil(lambda: w.browser_ties.rows.counts.ready)
    return w


def top_rows(model) -> list[tuple[str, str, str]]:
    return [
        (
            model.index(r, 0).data(KIND_ROLE),
            model.index(r, 0).data(ID_ROLE),
            model.index(r, 0).data(),
        )
        for r in range(model.rowCount())
    ]


def row_text(w, key: str) -> str:
    return w.model.find_smart(key).data()


def watch(model) -> dict[str, list]:
    """What the model told its views: resets, and the top rows repainted."""
    seen: dict[str, list] = {"resets": [], "repainted": []}
    model.modelReset.connect(lambda: seen["resets"].append(1))
    model.dataChanged.connect(
        lambda top, bottom, *_: seen["repainted"].extend(
            model.index(r, 0).data(ID_ROLE)
            for r in range(top.row(), bottom.row() + 1)
            if not top.parent().isValid()
        )
    )
    return seen


def test_the_five_smart_lists_sit_above_the_dramas_with_icons_and_counts(qtbot, tmp_path):
    w = smart_window(qtbot, tmp_path)
    rows = top_rows(w.model)
    assert [kind for kind, _, _ in rows[:5]] == ["smart"] * 5
    assert [key for _, key, _ in rows[:5]] == list(SMART_KEYS)
    assert rows[5][0] == "group"  # the dramas follow
    total = len(w.library.catalog.songs)
    assert row_text(w, "favourites") == "Favourites · 0"
    assert row_text(w, "never") == f"Never played · {min(total, 200)}"
    assert row_text(w, "added") == f"Recently added · {min(total, 200)}"
    for r in range(5):
        assert not w.model.index(r, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
        assert not w.model.hasChildren(w.model.index(r, 0))
    # A second install (the window may call it too) adds nothing.
    assert install_browser(w) is w.browser_ties
    assert w.model.rowCount() == len(rows)


def test_counts_follow_hearts_and_plays_by_repainting_only_their_rows(qtbot, tmp_path):
    w = smart_window(qtbot, tmp_path)
    seen = watch(w.model)
    never = int(row_text(w, "never").rsplit(" ", 1)[1])
    w.editing.personal.set_favourite("its-you", True)
    assert row_text(w, "favourites") == "Favourites · 1"
    assert seen["repainted"].count("favourites") == 1
    assert "most" not in seen["repainted"]
    w.library.record_play("our-tears")
    w.library.record_play("our-tears")  # a second play: no count changes
    assert row_text(w, "recent") == "Recently played · 1"
    assert row_text(w, "most") == "Most played · 1"
    assert row_text(w, "never") == f"Never played · {never - 1}"
    assert seen["repainted"].count("most") == 1
    w.editing.history.undo()  # the heart goes again
    assert row_text(w, "favourites") == "Favourites · 0"
    assert seen["resets"] == []  # never a rebuilt tree for a count


def test_counts_match_the_lists_they_play(qtbot, tmp_path):
    w = smart_window(qtbot, tmp_path)
    w.editing.personal.set_favourite("its-you", True)
    w.editing.personal.set_favourite("start-over", True)
    w.library.record_play("our-tears")
    w.library.record_play("its-you")
    for key in SMART_KEYS:
        songs, _ = smart_list(w.library, key)
        assert w.browser_ties.rows.counts.counts()[key] == len(songs), key


def test_selecting_a_smart_row_shows_its_page_and_enter_plays_it_as_a_list(qtbot, tmp_path):
    from ostplayer.playback.fake_backend import FakePlayer

    w = smart_window(qtbot, tmp_path, FakePlayer(speed=2.0))
    for song_id in ("its-you", "start-over"):
        w.actions_.link(song_id, str(make_wav(tmp_path / f"{song_id}.wav", 3.0)))
        w.editing.personal.set_favourite(song_id, True)
    w.browser.select_smart("favourites")
    assert w.reading.current == ("smart", "favourites")
    assert "Play all 2" in w.page_view.toPlainText()
    w.browser.tree.setFocus()
    qtbot.keyClick(w.browser.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.session.current_song_id is not None)
    favourites = [s.id for s in smart_list(w.library, "favourites")[0]]
    assert w.session.current_song_id == favourites[0]
    assert w.session.queue.upcoming()[: len(favourites) - 1] == favourites[1:]


def test_the_row_menu_plays_or_shows_the_list(qtbot, tmp_path):
    w = smart_window(qtbot, tmp_path)
    played = []
    w.editing.personal.play_list = played.append  # what Play calls, whatever the player
    menu = w.browser_ties.row_menu("most")
    actions = {a.objectName(): a for a in menu.actions()}
    assert actions["smart-play"].text() == "Play" and menu.defaultAction() is actions["smart-play"]
    actions["smart-show"].trigger()
    assert w.reading.current == ("smart", "most")
    w.browser_ties.play_list = w.editing.personal.play_list
    actions["smart-play"].trigger()
    assert played == ["most"]


def test_a_search_puts_the_smart_rows_aside_and_brings_them_back(qtbot, tmp_path):
    w = smart_window(qtbot, tmp_path)
    w.browser.select_smart("recent")
    qtbot.keyClicks(w.browser.search, "tears")
    assert all(kind != "smart" for kind, _, _ in top_rows(w.model))
    assert w.reading.current == ("smart", "recent")  # the page shown stays put
    w.browser.search.clear()
    assert [key for _, key, _ in top_rows(w.model)[:5]] == list(SMART_KEYS)


def test_keyboard_from_the_search_runs_through_the_smart_rows_into_the_dramas(qtbot, tmp_path):
    w = smart_window(qtbot, tmp_path)
    w.browser.focus_search()
    qtbot.keyClick(w.browser.search, Qt.Key.Key_Down)
    tree = w.browser.tree
    assert tree.hasFocus() and tree.currentIndex().data(ID_ROLE) == "favourites"
    assert w.reading.current == ("smart", "favourites")
    for _ in range(5):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data(KIND_ROLE) == "group"
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert tree.currentIndex().data(ID_ROLE) == "added"


def test_a_search_that_finds_nothing_says_so_and_offers_to_clear_it(qtbot, tmp_path):
    w = smart_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: w.search.indexed)
    qtbot.keyClicks(w.browser.search, "zzqqxx")
    empty = w.browser.empty
    assert empty.isVisible() and empty.title.text() == "No songs match “zzqqxx”"
    assert "spelling" in empty.hint.text()
    qtbot.keyClick(w.browser.search, Qt.Key.Key_Down)  # the way on is the button
    assert empty.button.hasFocus() and empty.button.text() == "Clear search"
    qtbot.keyClick(empty.button, Qt.Key.Key_Space)
    assert w.browser.search.text() == "" and not empty.isVisible()
    assert w.model.rowCount() > 5


def test_an_empty_library_says_what_would_fill_it_and_offers_add_music_folder(qtbot):
    model = BrowserModel(Catalog(), lambda _song_id: "none")
    panel = BrowserPanel(model, SearchService(Catalog(), start=False))
    qtbot.addWidget(panel)
    add_folder = QAction("&Add music folder…", panel)
    asked = []
    add_folder.triggered.connect(lambda: asked.append(True))
    panel.set_add_folder_action(add_folder)
    panel.show()
    qtbot.waitExposed(panel)
    empty = panel.empty
    assert empty.isVisible() and empty.title.text() == "Your library is empty"
    assert empty.button.text() == "Add music folder…"
    empty.button.click()
    assert asked == [True]


def test_the_first_frame_names_the_lists_and_their_counts_follow_it(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "data")
    install_browser(w)
    # Nothing is counted while the rows are laid out: on 100,000 songs that is a walk over
    # every favourite and play, and the library's first appearance does not wait for it.
    assert w.model.find_smart("never").data() == "Never played"
    assert not w.browser_ties.rows.counts.ready
    qtbot.waitUntil(lambda: w.browser_ties.rows.counts.ready)
    assert w.model.find_smart("never").data().startswith("Never played · ")
    assert w.model.smart_row_count() == 5
