"""The window as a user sees it: pages, browsing, search, grouping, state, safety."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QApplication
from ui_support import make_window, visible_song_titles
from vlc_support import make_wav

from ostplayer.domain.grouping import Grouping
from ostplayer.ui.browser_model import AUDIO_ROLE, ID_ROLE, KIND_ROLE


def page_text(window) -> str:
    return window.page_view.toPlainText()


def test_first_launch_shows_the_feature_article(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    text = page_text(w)
    assert "K-Drama Flashback: Five Hit OSTs of Park Seo-joon" in text
    assert "including one that he has sung himself" in text
    for title in ("One More Step", "Our Tears", "Ambiguous", "It’s You", "Start Over"):
        assert title in text
    # The article's order, not the browser's newest-first order.
    assert text.index("One More Step") < text.index("Our Tears") < text.index("Start Over")
    assert w.reading.current == ("feature", "k-drama-flashback-park-seo-joon")


def test_feature_card_opens_the_song(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.page_view.anchorClicked.emit(QUrl("ost:song/our-tears"))
    assert w.reading.current == ("song", "our-tears")
    text = page_text(w)
    assert "Sung by the drama’s own star: Park Seo-joon" in text
    assert "You and I became tears for each other\nOn that dazzling day across time" in text
    assert "No audio file linked yet" in text


def test_browser_groups_dramas_newest_first_with_songs_under_them(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    model = w.model
    labels = [model.group_index(g).data() for g in range(model.group_count())]
    assert labels[0] == "Itaewon Class (2020)"
    assert labels[-1] == "She Was Pretty (2015)"
    first = model.group_index(0)
    assert model.rowCount(first) == 1
    song = model.index(0, 0, first)
    assert song.data(KIND_ROLE) == "song" and song.data(ID_ROLE) == "start-over"
    assert song.data(AUDIO_ROLE) == "none"
    w.browser.order_button.setChecked(True)  # oldest first
    assert model.group_index(0).data() == "She Was Pretty (2015)"


def test_selecting_a_drama_shows_its_cast_and_songs(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.browser.select_group("fight-for-my-way")
    text = page_text(w)
    assert text.startswith("Fight for My Way")
    assert "Park Seo-joon as Ko Dong-man" in text
    assert "Kim Ji-won as Choi Ae-ra" in text
    assert "Ambiguous" in text and "BTOB (Seo Eun-kwang, Lim Hyun-sik and Yook Sung-jae)" in text
    # The drama page's song link selects the song in the browser.
    w.page_view.anchorClicked.emit(QUrl("ost:song/ambiguous"))
    assert w.model.song_at(w.browser.tree.currentIndex()).id == "ambiguous"


def test_search_filters_as_you_type_and_esc_clears(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    search = w.browser.search
    w.browser.focus_search()
    qtbot.keyClicks(search, "kim")
    assert sorted(visible_song_titles(w)) == ["Ambiguous", "It’s You", "One More Step"]
    assert w.browser.count_label.text() == "3 of 5 songs match"
    qtbot.keyClicks(search, " choi")  # Kim Ji-won plays Choi Ae-ra
    assert visible_song_titles(w) == ["Ambiguous"]
    assert w.browser.count_label.text() == "1 of 5 songs match"
    search.clear()
    qtbot.keyClicks(search, "stars in the night")  # a lyric
    assert visible_song_titles(w) == ["It’s You"]
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert len(visible_song_titles(w)) == 5
    assert w.browser.count_label.text() == "5 songs in 5 groups"


def test_ctrl_f_focuses_search(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.browser.tree.setFocus()
    qtbot.keyClick(w.browser.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.browser.search.hasFocus())


def test_keyboard_navigation_in_the_tree_opens_pages(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    tree = w.browser.tree
    tree.setFocus()
    tree.setCurrentIndex(w.model.group_index(0))
    assert w.reading.current == ("group", "itaewon-class")
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert w.reading.current == ("song", "start-over")
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert w.reading.current == ("group", "whats-wrong-with-secretary-kim")


def test_grouping_switch(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    box = w.browser.grouping_box
    box.setCurrentIndex(box.findData(Grouping.ARTIST))
    labels = [w.model.group_index(g).data() for g in range(w.model.group_count())]
    assert labels == ["BTOB", "Gaho", "Jeong Se-woon", "Kihyun (Monsta X)", "Park Seo-joon"]
    box.setCurrentIndex(box.findData(Grouping.ACTOR))
    labels = [w.model.group_index(g).data() for g in range(w.model.group_count())]
    assert "Park Seo-joon" in labels and "Go Ara" in labels
    park = w.model.find_group("park-seo-joon")
    assert w.model.rowCount(park) == 5
    box.setCurrentIndex(box.findData(Grouping.YEAR))
    assert [w.model.group_index(g).data() for g in range(w.model.group_count())] == [
        "2020",
        "2018",
        "2017",
        "2016",
        "2015",
    ]
    w.browser.select_group("2016")
    assert "Our Tears" in page_text(w)


def test_state_is_remembered_between_runs(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.resize(790, 520)  # the offscreen screen is 800x600
    w.splitter.setSizes([200, 590])
    sizes = w.splitter.sizes()
    w.browser.select_song("its-you")
    w.browser.grouping_box.setCurrentIndex(w.browser.grouping_box.findData(Grouping.YEAR))
    w.close()
    w2 = make_window(qtbot, tmp_path)
    assert w2.size().height() == 520
    assert w2.splitter.sizes() == sizes
    assert w2.model.grouping is Grouping.YEAR
    assert w2.reading.current == ("song", "its-you")
    assert w2.model.song_at(w2.browser.tree.currentIndex()).id == "its-you"


def test_markup_in_an_imported_catalog_is_shown_as_text(qtbot, tmp_path):
    hostile = {
        "format": "ostplayer-catalog",
        "format_version": 1,
        "people": [{"id": "evil", "name": "<b>Bold</b> <a href='http://x'>link</a>"}],
        "dramas": [
            {
                "id": "evil-drama",
                "title": "<img src='http://127.0.0.1:9/x.png'>",
                "year": 2024,
                "cast": [{"id": "c", "actor": "evil", "character": "<script>alert(1)</script>"}],
            }
        ],
        "songs": [
            {
                "id": "evil-song",
                "title": "<img src=x onerror=alert(1)>",
                "drama": "evil-drama",
                "performers": [{"person": "evil"}],
                "lyrics_excerpt": "<i>not italic</i>\n&amp; stays",
                "commentary": ["<a href='file:///etc/passwd'>click</a>"],
                "characters": ["c"],
            }
        ],
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile))
    data = tmp_path / "data"
    w = make_window(qtbot, data)
    w.library.import_file(path)
    QApplication.processEvents()  # the library's change reaches the window
    w.browser.select_song("evil-song")
    text = page_text(w)
    assert "<img src=x onerror=alert(1)>" in text
    assert "<b>Bold</b> <a href='http://x'>link</a>" in text
    assert "<script>alert(1)</script>" in text
    assert "<i>not italic</i>\n&amp; stays" in text
    assert "<a href='file:///etc/passwd'>click</a>" in text
    html = w.page_view.toHtml()
    assert "<img" not in html.replace("&lt;img", "")
    assert "file:///etc/passwd" not in html.replace("&#x27;file:///etc/passwd", "").replace(
        "'file:///etc/passwd", ""
    )
    row = w.model.find_song("evil-song")
    assert row.data() == "<img src=x onerror=alert(1)> — <b>Bold</b> <a href='http://x'>link</a>"


def test_dropping_a_file_on_a_song_row_links_it(qtbot, tmp_path):
    audio = make_wav(tmp_path / "its-you.wav", 0.2)
    w = make_window(qtbot, tmp_path / "data")
    index = w.model.find_song("its-you")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(audio))])
    assert w.model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, index)
    assert w.model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, index)
    assert w.library.audio_path("its-you") == str(audio)
    assert w.model.find_song("its-you").data(AUDIO_ROLE) == "linked"
    w.browser.select_song("its-you")
    assert f"Audio file: {audio}" in page_text(w)
    # The file disappears: the song shows it, offers Relink, and keeps its link.
    audio.unlink()
    w.library.check_audio(["its-you"])
    qtbot.waitUntil(lambda: w.model.find_song("its-you").data(AUDIO_ROLE) == "missing")
    assert "The linked file is missing" in page_text(w) and "Relink…" in page_text(w)


def test_dropping_a_file_on_the_song_page_links_it(qtbot, tmp_path):
    audio = make_wav(tmp_path / "tears.wav", 0.2)
    w = make_window(qtbot, tmp_path / "data")
    w.browser.select_song("our-tears")
    w.page_view.file_dropped.emit(str(audio))
    assert w.library.audio_path("our-tears") == str(audio)
    assert "Replace…" in page_text(w) and "Show in folder" in page_text(w)


def test_no_libvlc_means_browsing_works_and_transport_is_off(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    assert not w.transport.play_button.isEnabled()
    assert "libvlc5" in w.transport.subtitle.text()
    w.browser.select_song("start-over")
    assert "Playback is off: libVLC is not installed" in page_text(w)


def test_a_broken_library_is_reported_in_the_window(qtbot, tmp_path):
    (tmp_path / "library.json").write_text('{"songs": {"1": {"id": "trunc')
    w = make_window(qtbot, tmp_path)
    w.show_notices(w.library.notices)
    assert w.notice_banner.isVisible()
    assert "could not be read" in w.notice_banner.label.text()
    assert "library.broken-" in w.notice_banner.label.text()
    assert len(w.library.catalog.songs) == 5


def _generated(n_songs: int, n_dramas: int) -> dict:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate_catalog import generate

    return generate(n_songs, n_dramas, seed=5)


def test_file_import_runs_in_the_background_with_progress(qtbot, tmp_path):
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_generated(6000, 300)))
    w = make_window(qtbot, tmp_path / "data")
    with qtbot.waitSignal(w.library.changed, timeout=60_000):
        w.io.import_file(path)
        assert w.io.dialog.labelText() == "Importing big.json…"
    assert w.io.dialog.maximum() >= 6000  # progress was reported
    assert len(w.library.catalog.songs) == 6005
    assert len(w.model.songs) == 6005
    qtbot.waitUntil(lambda: "Imported big.json: 6,000 new songs" in w.statusBar().currentMessage())


def test_a_bad_import_file_changes_nothing_and_says_where(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "ostplayer-catalog",
                "format_version": 1,
                "songs": [{"id": "x", "title": "X", "drama": "nope", "performers": []}],
            }
        )
    )
    w = make_window(qtbot, tmp_path / "data")
    before = (tmp_path / "data" / "library.json").read_bytes()
    task = w.io.import_file(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    task.wait()
    assert "songs[0] 'x': field 'drama': unknown drama 'nope'" in shown[0]
    assert (tmp_path / "data" / "library.json").read_bytes() == before


def test_a_hangul_font_is_installed(qapp):
    import os

    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    if not families and not os.environ.get("CI"):
        import pytest

        pytest.skip("no Hangul font here; `make test` installs fonts-nanum")
    assert families, "no font can render Hangul: titles would show as boxes"


def test_a_selected_group_is_restored_with_its_grouping_and_menu_checks(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.browser.select_group("fight-for-my-way")
    w.close()
    w2 = make_window(qtbot, tmp_path)
    assert w2.model.group_at(w2.browser.tree.currentIndex()).key == "fight-for-my-way"
    assert page_text(w2).startswith("Fight for My Way")
    # An artist in artist grouping, oldest first: the tree and the View menu agree.
    w2.browser.set_grouping(Grouping.ARTIST, newest_first=False)
    w2.browser.select_group("btob")
    w2.close()
    w3 = make_window(qtbot, tmp_path)
    assert w3.model.grouping is Grouping.ARTIST and not w3.model.newest_first
    assert w3.model.group_at(w3.browser.tree.currentIndex()).key == "btob"
    assert w3.menu_actions["group-artist"].isChecked()
    assert not w3.menu_actions["group-drama"].isChecked()
    assert not w3.menu_actions["newest"].isChecked()
    w3.menu_actions["newest"].trigger()  # one click is enough to flip it back
    assert w3.model.newest_first and w3.browser.order_button.text() == "Newest first"


def test_group_tooltips_show_library_markup_as_text(qtbot, tmp_path):
    from PySide6.QtGui import QTextDocument

    path = tmp_path / "hostile.json"
    hostile = {
        "format": "ostplayer-catalog",
        "format_version": 1,
        "dramas": [{"id": "d", "title": "<img src='/usr/share/pixmaps/x.png'>", "year": 2024}],
        "songs": [{"id": "s", "title": "S", "drama": "d", "performers": [{"person": "gaho"}]}],
    }
    path.write_text(json.dumps(hostile))
    w = make_window(qtbot, tmp_path / "data")
    w.library.import_file(path)
    QApplication.processEvents()  # the library's change reaches the window
    tip = w.model.find_group("d").data(Qt.ItemDataRole.ToolTipRole)
    doc = QTextDocument()
    doc.setHtml(tip)  # what QToolTip does with text Qt takes for rich text
    assert doc.toPlainText() == "<img src='/usr/share/pixmaps/x.png'>: 1 song"


def test_enter_on_a_search_result_queues_all_results(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    started = []
    w.browser.song_activated.connect(lambda sid, ids: started.append((sid, ids)))
    w.browser.search.setText("park seo-joon")
    results = w.model.visible_song_ids()
    assert len(results) == 5  # one per drama, five dramas
    index = w.model.find_song("its-you")
    w.browser.tree.activated.emit(index)
    assert started == [("its-you", results)]
    # Without a search, a song plays on through its own group only.
    w.browser.search.clear()
    w.browser.tree.activated.emit(w.model.find_song("its-you"))
    assert started[-1] == ("its-you", ["its-you"])


def test_enter_on_a_group_starts_at_its_first_song_with_audio(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "data")
    w.browser.set_grouping(Grouping.ACTOR)
    audio = tmp_path / "tears.wav"
    audio.write_bytes(b"x")
    w.library.link("ambiguous", audio)
    QApplication.processEvents()
    started = []
    w.browser.song_activated.connect(lambda sid, ids: started.append((sid, ids)))
    group = w.model.find_group("park-seo-joon")
    w.browser.tree.activated.emit(group)
    sid, ids = started[0]
    assert sid == "ambiguous" and ids[0] != "ambiguous" and len(ids) == 5


def test_a_drop_between_rows_links_nothing(qtbot, tmp_path):
    audio = tmp_path / "x.mp3"
    audio.write_bytes(b"x")
    w = make_window(qtbot, tmp_path / "data")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(audio))])
    drama = w.model.find_group("itaewon-class")
    # Qt reports a drop on a row's lower edge as "between rows": row 1 under the drama.
    assert w.browser.tree.dragDropOverwriteMode()
    assert not w.model.canDropMimeData(mime, Qt.DropAction.CopyAction, 1, 0, drama)
    assert not w.model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, drama)
    assert w.library.linked_song_ids() == []


def test_arrow_keys_move_a_focused_volume_slider_instead_of_seeking(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    seeks = []
    w.session.seek_relative = seeks.append
    volume = w.transport.volume
    volume.setEnabled(True)
    volume.setFocus()
    before = volume.value()
    qtbot.keyClick(volume, Qt.Key.Key_Left)
    assert volume.value() < before and seeks == []
    w.browser.tree.setFocus()
    w.browser.select_song("its-you")
    w._arrow(5000)
    assert seeks == [5000]


def test_playback_off_stays_in_the_status_bar(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.show_status("Something else happened")
    assert w.playback_off.isVisible()
    assert "sudo apt install libvlc5 vlc-plugin-base" in w.playback_off.text()


def test_a_second_import_waits_for_the_first_and_quit_asks(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "big.json"
    path.write_text(json.dumps(_generated(6000, 300)))
    w = make_window(qtbot, tmp_path / "data")
    messages = []
    w.io.message.connect(messages.append)
    task = w.io.import_file(path)
    assert w.io.dialog.windowModality() == Qt.WindowModality.WindowModal
    assert w.io.import_file(path) is None
    assert "Wait for the running import" in messages[-1]
    # Quit while it runs: "No" keeps the window; "Yes" cancels, waits, then closes.
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    if task.is_running():
        assert not w.close() and w.isVisible() and asked
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        assert w.close()
        assert not task.is_running()
    task.wait()
    assert not list((tmp_path / "data").glob(".*.tmp"))


def test_quitting_with_unsaved_lyrics_asks_and_can_save_them(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    b = QMessageBox.StandardButton
    w = make_window(qtbot, tmp_path)
    w.lyrics.edit("our-tears")
    editor = w.lyrics._editor
    editor.set_text("[00:01.00]My own line")
    answers = [b.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert not w.close() and w.isVisible() and editor.isVisible()
    answers[:] = [b.Save]
    assert w.close()
    assert w.library.saved_lyrics("our-tears").strip() == "[00:01.00]My own line"


def test_quitting_can_discard_unsaved_lyrics(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    w = make_window(qtbot, tmp_path)
    before = w.library.saved_lyrics("our-tears")
    w.lyrics.edit("our-tears")
    w.lyrics._editor.set_text("typed but not wanted")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert w.close()
    assert w.library.saved_lyrics("our-tears") == before


def _big_window(qtbot, tmp_path, n_songs=6000, n_dramas=600):
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_generated(n_songs, n_dramas)))
    data = tmp_path / "data"
    from ostplayer.catalog.library import Library
    from ostplayer.paths import BUNDLED_CATALOG, resource_path

    library = Library(data, resource_path(BUNDLED_CATALOG))
    library.import_file(path)
    library.close()
    return make_window(qtbot, data)


def test_a_broad_search_shows_the_first_groups_and_a_row_for_the_rest(qtbot, tmp_path):
    from ostplayer.ui.browser_model import GROUP_LIMIT

    w = _big_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: w.search.indexed, timeout=30_000)
    w.browser.search.setText("a")
    model = w.model
    assert model.match_count > 1000
    assert model.rowCount() == GROUP_LIMIT + 1
    more = model.index(GROUP_LIMIT, 0)
    assert more.data(KIND_ROLE) == "more"
    assert more.data().startswith("More dramas match")
    assert "(first 200 dramas)" in w.browser.count_label.text()
    # Enter on a result queues every match, not only the shown groups.
    started = []
    w.browser.song_activated.connect(lambda sid, ids: started.append(ids))
    w.browser.tree.activated.emit(model.index(0, 0, model.index(0, 0)))
    assert len(started[0]) == model.match_count
    # Enter on the "more" row shows them all, and the cursor stays where it was.
    w.browser.tree.activated.emit(more)
    assert model.rowCount() > GROUP_LIMIT + 1
    assert model.index(model.rowCount() - 1, 0).data(KIND_ROLE) == "group"
    assert w.browser.tree.currentIndex().row() == GROUP_LIMIT
    # A narrower query matches fewer groups: no "more" row.
    w.browser.search.setText("one more step")
    assert all(model.index(r, 0).data(KIND_ROLE) == "group" for r in range(model.rowCount()))


def test_typing_before_the_search_index_is_ready_waits_for_it(qtbot, tmp_path):
    w = _big_window(qtbot, tmp_path, n_songs=3000, n_dramas=200)
    w.search._index = None  # as if the background build had not finished yet
    w.search._started = False
    w.browser.search.setText("our tears")
    assert "Preparing search over 3,005 songs" in w.browser.count_label.text()
    with qtbot.waitSignal(w.search.ready, timeout=30_000):
        w.search.start()
    from ostplayer.domain.search import linear_search

    expected = linear_search(w.library.catalog, "our tears")
    assert "Our Tears" in visible_song_titles(w)
    assert len(visible_song_titles(w)) == len(expected)
    assert f"{len(expected):,} of 3,005 songs match" in w.browser.count_label.text()
