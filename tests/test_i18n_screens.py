"""Under ko_KR the rest of the window reads Korean too: the Edit menu and editors, the browser,
the lyrics header, the reading pages, the scan and online-lyrics dialogs and the tray. Library
data (titles, names, paths) stays as it is. In English, counts are in the right number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from ui_support import make_context, make_window

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.grouping import OTHER_MUSIC, UNLISTED, Group, Grouping
from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.ui.browser_model import group_label
from ostplayer.ui.i18n import fill, install_translator, tr_count
from ostplayer.ui.lyrics_header import EncodingRow, origin_text
from ostplayer.ui.pages import SongExtras, drama_page, song_page

HANGUL = range(0xAC00, 0xD7A4)


def has_hangul(text: str) -> bool:
    return any(ord(ch) in HANGUL for ch in text)


@pytest.fixture
def korean(tmp_path):
    before = QLocale()
    QLocale.setDefault(QLocale("ko_KR"))
    app = QApplication.instance()
    ctx = make_context(tmp_path / "settings-only")
    installed = install_translator(app, ctx.settings)
    assert installed
    yield
    for translator in installed:
        app.removeTranslator(translator)
    QLocale.setDefault(before)


def menu(window, title: str):
    (action,) = [a for a in window.menuBar().actions() if a.text() == title]
    return action.menu()


def test_the_edit_menu_and_the_browser_read_korean(qtbot, tmp_path, korean):
    w = make_window(qtbot, tmp_path / "data")
    qtbot.waitUntil(lambda: "편집(&E)" in [a.text() for a in w.menuBar().actions()], timeout=3000)
    edit = [a.text() for a in menu(w, "편집(&E)").actions() if not a.isSeparator()]
    assert "실행 취소(&U)" in edit and "이 항목 편집(&E)…" in edit
    assert w.editing.actions["undo"].shortcut().toString() == "Ctrl+Z"

    b = w.browser
    assert [b.grouping_box.itemText(i) for i in range(b.grouping_box.count())] == [
        "드라마별",
        "가수별",
        "연도별",
        "배우별",
    ]
    assert b.order_button.text() == "최신순"
    songs, groups = len(w.model.songs), w.model.group_count()
    assert b.count_label.text() == f"{groups}개 그룹에 {songs}곡"
    assert b.search.accessibleName() == "검색"
    # The app's own group headers are translated; a drama's title never is.
    assert group_label(Group(OTHER_MUSIC, "Other music", "not from a drama")) == (
        "기타 음악",
        "드라마 밖의 곡",
    )
    assert group_label(Group(UNLISTED, "Cast not listed"))[0] == "출연진 정보 없음"
    assert group_label(Group("hotel-del-luna", "Other music")) == ("Other music", "")


def test_the_lyrics_header_reads_korean_around_the_file_path(qtbot, korean):
    lyrics = parse_lyrics("[00:01.00]보고 싶다\n")
    saved = FoundLyrics(lyrics, LyricsOrigin.LIBRARY, "saved")
    assert origin_text(saved) == "보관함에 저장된 가사"
    path = "/home/me/Music/Other music %2.lrc"
    from_file = FoundLyrics(
        lyrics, LyricsOrigin.SIDECAR_LRC, path, encoding="CP949", confidence=0.3
    )
    assert origin_text(from_file) == f"파일: {path}"
    row = EncodingRow()
    qtbot.addWidget(row)
    row.show_reading(from_file)
    assert row.button.text() == "인코딩 ▸"
    assert row.label.text().startswith("CP949(으)로 읽음 (확실하지 않음)")
    assert row.menu.actions()[0].text() == "자동"


def test_the_reading_pages_fixed_headings_are_korean(tmp_path, korean):
    catalog = make_context(tmp_path).library.catalog
    song = next(s for s in catalog.songs.values() if s.characters and s.musical_character)
    html = song_page(
        catalog, song, SongExtras(audio_path="/home/me/Music/a.flac", audio_state="linked")
    )
    for heading in ("드라마 속에서", "음악", "오디오 파일: /home/me/Music/a.flac", "▶ 재생"):
        assert heading in html
    assert "In the drama" not in html and "Audio file" not in html
    assert song.title.replace("'", "&#x27;") in html  # data as it is
    if song.lyrics_excerpt:
        assert "가사 · 일부" in html
    drama = catalog.dramas[song.drama]
    assert "OST · " in drama_page(catalog, drama)


def test_the_scan_online_lyrics_and_tray_texts_are_korean(qtbot, tmp_path, korean):
    from ostplayer.integrations.tray import Tray
    from ostplayer.ui.scan_ui import FoldersDialog, ScanProgress

    w = make_window(qtbot, tmp_path / "data")
    progress = ScanProgress()
    qtbot.addWidget(progress)
    assert progress.cancel.text() == "취소"
    progress.show_progress(3, 1200, "/home/me/Music/a.flac")
    assert progress.label.text() == "검색 중: 1,200개 파일 중 3개"
    folders = FoldersDialog(w.ctx.scan, w.scan_ui, w)
    qtbot.addWidget(folders)
    assert folders.windowTitle() == "음악 폴더"
    tray = Tray(w, w.session, w.library, w.settings, QIcon(), quit_app=lambda: None)
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert "재생 중인 곡 없음" in texts and "끝내기" in texts and "창 숨기기" in texts
    assert all(has_hangul(t) for t in texts), texts
    from ostplayer.ui.window_offers import offer_review

    offer_review(w, 2)
    assert w.review_banner.label.text().startswith("검색한 파일 2개의 곡을")


def test_the_online_lyrics_menu_and_dialog_are_korean(qtbot, tmp_path, korean):
    from test_lrclib_window import online_window

    from ostplayer.ui.online_lyrics_dialog import SearchDialog

    # Off: nothing is sent, the address is never contacted.
    w = online_window(qtbot, tmp_path, "http://127.0.0.1:9", on=False)
    qtbot.waitUntil(lambda: "가사(&Y)" in [a.text() for a in w.menuBar().actions()])
    lyrics = [a.text() for a in menu(w, "가사(&Y)").actions() if not a.isSeparator()]
    assert "온라인에서 가사 찾기(&S)…" in lyrics
    dialog = SearchDialog(w.ctx.online_lyrics, next(iter(w.library.catalog.songs)), w)
    assert dialog.windowTitle() == "온라인에서 가사 찾기"
    assert dialog.search_button.text() == "찾기"
    dialog.close()


def test_counts_are_in_the_right_number_in_english():
    assert tr_count("Browser", 1, "%n song", "%n songs") == "1 song"
    assert tr_count("Browser", 1200, "%n song", "%n songs") == "1,200 songs"
    assert tr_count("LyricsView", 1, "%n line", "%n lines") == "1 line"
    # One pass: a title holding "%2" stays as written.
    assert fill("%1 by %2", "Song %2", "IU") == "Song %2 by IU"
    assert Grouping.DRAMA.label_plural == "dramas"


def test_a_file_in_the_home_folder_shows_as_tilde(tmp_path, monkeypatch):
    from ostplayer.ui.pages import shown_path

    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    assert shown_path(str(tmp_path / "me" / "Music" / "a.flac")) == "~/Music/a.flac"
    assert shown_path(str(tmp_path / "meadow" / "a.flac")) == str(tmp_path / "meadow" / "a.flac")
    assert shown_path("/srv/music/a.flac") == "/srv/music/a.flac"
