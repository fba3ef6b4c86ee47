"""Online lyrics in the real window, against a stand-in LRCLIB on 127.0.0.1: nothing is sent
while the feature is off; looked-up and bulk-fetched lyrics show in the lyrics panel; a bulk
fetch cancelled part way resumes where it stopped and asks nothing twice."""

from __future__ import annotations

import pytest
from lrclib_standin import Fault, StandIn, record
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_support import make_context

from ostplayer.catalog.lyrics_lookup_cache import LookupCache
from ostplayer.domain.lyrics_fetch import FETCHED_KEY
from ostplayer.integrations.lyrics_providers.http_json import HttpPolicy
from ostplayer.integrations.lyrics_providers.lrclib import LrclibClient, LrclibProvider
from ostplayer.integrations.lyrics_providers.lrclib_publish import publish
from ostplayer.services.online_lyrics import OnlineLyricsService
from ostplayer.services.settings import Keys

FAST = HttpPolicy(total_timeout_s=3.0, retries=1, backoff_s=0.05, requests_per_second=1000.0)

RECORDS = [
    record(1, "Start Over", "Kim Feel", "", 202.0),  # same title, another singer
    record(
        2,
        "시작",
        "가호",
        "이태원 클라쓰 OST Part.2",
        202.0,
        synced="[00:01.00]시작 첫 줄\n[00:04.00]둘째 줄",
    ),
    record(3, "It's You", "Jeong Se-woon", "", 213.0, synced=None, plain="It's you, it's you"),
    record(4, "한 걸음 더", "기현 (몬스타엑스)", "그녀는 예뻤다 OST", 230.0),
    record(5, "Ambiguous", "Another Band", "", 190.0),  # a namesake, not BTOB's
]


@pytest.fixture
def standin():
    with StandIn(RECORDS) as server:
        yield server


def online_window(qtbot, tmp_path, url: str, *, on: bool, player=None):
    from ostplayer.ui.main_window import MainWindow

    context = make_context(tmp_path / "data", player)
    context.settings.set(Keys.ONLINE_LYRICS, on)
    context.settings.set(Keys.LRCLIB_URL, url)
    context.online_lyrics = OnlineLyricsService(
        context.library,
        context.tasks,
        context.settings,
        lambda u: LrclibProvider(LrclibClient(u, FAST)),
        LookupCache(context.paths.cache / "online-lyrics.jsonl"),
        publisher=lambda u, request, check, progress: publish(
            LrclibClient(u, FAST), request, check, progress
        ),
    )
    window = MainWindow(context.settings, context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def answer_next_box(button_text: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, click)


def test_nothing_is_sent_while_online_lyrics_are_off(qtbot, tmp_path, standin) -> None:
    w = online_window(qtbot, tmp_path, standin.url, on=False)
    ui = w.online_lyrics_ui
    for song_id in ("start-over", "our-tears", "its-you"):
        w.lyrics.show_song(song_id)
        w.browser.song_selected.emit(song_id)
        qtbot.waitUntil(lambda s=song_id: w.ctx.lyrics.cached(s) is not None)
    assert w.ctx.online_lyrics.fetch_missing() is None
    assert w.ctx.online_lyrics.lookup("start-over") is None
    answer_next_box("Not now")  # the consent question: declined
    w.menu_actions["fetch-lyrics"].trigger()
    qtbot.wait(200)
    assert not w.ctx.online_lyrics.enabled
    assert standin.connections == 0 and standin.requests == []
    # The panel offers the search instead of looking things up.
    assert ui.row.isVisible() and ui.row.buttons["search"].isVisible()


def test_a_song_shown_without_lyrics_gets_them_from_lrclib(qtbot, tmp_path, standin) -> None:
    w = online_window(qtbot, tmp_path, standin.url, on=True)
    w.browser.song_selected.emit("start-over")
    w.lyrics.show_song("start-over")
    qtbot.waitUntil(lambda: "LRCLIB" in w.lyrics.describe_source("start-over"), timeout=5000)
    assert w.lyrics.describe_source("start-over") == "Lyrics from LRCLIB (synced)."
    lyrics = w.lyrics.view.lyrics
    assert lyrics.synced and lyrics.groups[0].lines[0].text == "시작 첫 줄"
    assert (
        w.lyrics.view._origin._full
        == "Lyrics from LRCLIB #2, " + w.library.personal("start-over")[FETCHED_KEY]["at"][:10]
    )
    assert all(r["headers"]["User-Agent"].startswith("OSTPlayer/") for r in standin.requests)
    # A song LRCLIB does not have: said so, with a search offered.
    w.lyrics.show_song("our-tears")
    w.browser.song_selected.emit("our-tears")
    ui = w.online_lyrics_ui
    qtbot.waitUntil(lambda: ui.row.label.text() == "No lyrics found online.", timeout=5000)
    assert ui.row.buttons["search"].isVisible()


def test_bulk_fetch_saves_lyrics_that_show_in_the_panel(qtbot, tmp_path, standin) -> None:
    w = online_window(qtbot, tmp_path, standin.url, on=True)
    ui = w.online_lyrics_ui
    w.menu_actions["fetch-lyrics"].trigger()
    task = w.ctx.online_lyrics.bulk
    assert task is not None
    qtbot.waitUntil(lambda: ui.last_report is not None, timeout=15000)
    report = ui.last_report
    assert report.total == 5 and report.counts == {"synced": 2, "plain": 1, "not_found": 2}
    stored = {
        s: w.library.personal(s).get(FETCHED_KEY, {}).get("provider_id")
        for s in ("start-over", "its-you", "one-more-step", "ambiguous", "our-tears")
    }
    assert stored == {
        "start-over": 2,
        "its-you": 3,
        "one-more-step": 4,
        "ambiguous": None,
        "our-tears": None,
    }
    w.lyrics.show_song("its-you")
    qtbot.waitUntil(
        lambda: w.lyrics.describe_source("its-you") == "Lyrics from LRCLIB (not synced)."
    )
    # A second run asks nothing: found songs have lyrics, "not found" is remembered.
    asked = len(standin.requests)
    ui.last_report = None
    w.menu_actions["fetch-lyrics"].trigger()
    qtbot.waitUntil(lambda: ui.last_report is not None, timeout=5000)
    assert ui.last_report.total == 2 and len(standin.requests) == asked


def test_a_cancelled_bulk_fetch_keeps_what_it_found_and_resumes(qtbot, tmp_path, standin) -> None:
    w = online_window(qtbot, tmp_path, standin.url, on=True)
    service = w.ctx.online_lyrics
    standin.fault("*", *[Fault(stall_s=0.1) for _ in range(40)])  # a slow server
    outcomes: list = []
    task = service.fetch_missing()
    task.partial.connect(outcomes.extend)
    qtbot.waitUntil(lambda: len(outcomes) >= 1, timeout=10000)
    task.cancel()
    qtbot.waitUntil(lambda: not task.is_running(), timeout=10000)
    first = {o.song_id for o in outcomes}
    assert 1 <= len(first) < 5
    # A restart: a new service on the same library and cache.
    again = OnlineLyricsService(
        w.library,
        w.ctx.tasks,
        w.settings,
        lambda u: LrclibProvider(LrclibClient(u, FAST)),
        LookupCache(w.ctx.paths.cache / "online-lyrics.jsonl"),
    )
    standin.requests.clear()
    done = []
    task = again.fetch_missing()
    task.finished.connect(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=15000)
    assert done[0].total == 5 - len(first)
    titles_asked = {r["params"].get("track_name") for r in standin.requests}
    for song_id in first:
        assert w.library.catalog.songs[song_id].title not in titles_asked


def test_a_doubtful_match_is_offered_not_applied(qtbot, tmp_path, standin) -> None:
    standin.records = [record(9, "Start Over", "Gaho", "", 202.0)]
    w = online_window(qtbot, tmp_path, standin.url, on=True)
    # The file's length is known and 4 s off: "Are these the lyrics of this song?"
    from ostplayer.catalog import online_lyrics_fetch

    real = online_lyrics_fetch.LyricsFetcher.query

    def with_length(self, song_id):
        q = real(self, song_id)
        return type(q)(**{**{f: getattr(q, f) for f in q.__slots__}, "duration_s": 206.0})

    online_lyrics_fetch.LyricsFetcher.query = with_length
    try:
        w.lyrics.show_song("start-over")
        w.browser.song_selected.emit("start-over")
        ui = w.online_lyrics_ui
        qtbot.waitUntil(lambda: ui.row.buttons["use"].isVisible(), timeout=5000)
    finally:
        online_lyrics_fetch.LyricsFetcher.query = real
    assert ui.row.label.text().startswith("Are these the lyrics of this song? Start Over by Gaho")
    assert FETCHED_KEY not in w.library.personal("start-over")
    ui.row.buttons["use"].click()
    qtbot.waitUntil(lambda: "LRCLIB" in w.lyrics.describe_source("start-over"), timeout=5000)


def test_sharing_shows_what_is_sent_and_publishes_only_on_yes(qtbot, tmp_path, standin) -> None:
    from vlc_support import make_wav

    standin.target = "00" + "F" * 62  # an easy proof of work for the test
    w = online_window(qtbot, tmp_path, standin.url, on=False)  # sharing needs no lookups
    said: list[str] = []
    w.online_lyrics_ui.message.connect(said.append)
    w.library.link("start-over", str(make_wav(tmp_path / "start.wav", 3.0)))
    w.library.set_saved_lyrics("start-over", "[00:00.50]시작 첫 줄\n[00:02.00]둘째 줄")
    w.lyrics.show_song("start-over")
    shown: list[str] = []

    def read_then(answer: str) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, click)
                return
            shown.append(box.text() + "\n" + box.detailedText())
            (button,) = [b for b in box.buttons() if b.text() == answer]
            button.click()

        QTimer.singleShot(0, click)

    read_then("Cancel")
    w.menu_actions["share-lyrics"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert '"syncedLyrics": "[00:00.50]시작 첫 줄\\n[00:02.00]둘째 줄"' in shown[0]
    assert '"duration": 3' in shown[0] and "Start Over by Gaho" in shown[0]
    qtbot.wait(100)
    assert standin.requests == []  # Cancel: nothing at all was sent
    read_then("Publish")
    w.menu_actions["share-lyrics"].trigger()
    qtbot.waitUntil(lambda: "Shared on LRCLIB. Thank you!" in said, timeout=10000)
    assert standin.published[0]["trackName"] == "Start Over"
    assert standin.published[0]["plainLyrics"] == "시작 첫 줄\n둘째 줄"
    assert [r["path"] for r in standin.requests] == ["/api/request-challenge", "/api/publish"]


def test_playing_a_song_without_lyrics_asks_once_then_shows_them(qtbot, tmp_path, standin) -> None:
    from vlc_support import make_wav

    from ostplayer.playback.fake_backend import FakePlayer

    # The file is 3 s long: only a record of that length is this recording.
    standin.records = [
        record(7, "시작", "가호", "", 202.0),
        record(8, "시작", "가호", "", 3.4, synced="[00:00.50]시작 첫 줄"),
    ]
    w = online_window(qtbot, tmp_path, standin.url, on=False, player=FakePlayer())
    w.library.link("start-over", str(make_wav(tmp_path / "start.wav", 3.0)))
    w.play_songs("start-over", ["start-over"])
    banner = w.online_lyrics_ui.banner
    qtbot.waitUntil(lambda: banner.isVisible() and "has no lyrics" in banner.label.text())
    assert standin.url in banner.label.text()
    assert standin.connections == 0  # asking sends nothing
    (turn_on,) = [b for b in banner._buttons if b.text() == "Turn on online lyrics"]
    turn_on.click()
    qtbot.waitUntil(lambda: "LRCLIB" in w.lyrics.describe_source("start-over"), timeout=5000)
    assert w.lyrics.view.lyrics.groups[0].lines[0].text == "시작 첫 줄"
    assert w.settings.get(Keys.ONLINE_LYRICS) and w.settings.get(Keys.ONLINE_LYRICS_ASKED)
    # The request carried the file's length, as LRCLIB's duration match wants.
    assert any(r["params"].get("duration") == "3" for r in standin.requests)
    assert w.library.personal("start-over")[FETCHED_KEY]["provider_id"] == 8


def test_the_search_dialog_lists_candidates_previews_and_applies(qtbot, tmp_path, standin) -> None:
    w = online_window(qtbot, tmp_path, standin.url, on=True)
    w.lyrics.show_song("start-over")
    ui = w.online_lyrics_ui
    ui.search_online()
    dialog = ui.dialog
    assert (dialog.track.text(), dialog.artist.text()) == ("시작", "Gaho")
    qtbot.waitUntil(lambda: dialog.results.count() >= 1 and dialog.search_button.isEnabled())
    rows = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert rows[0].startswith("시작 — 가호 — 이태원 클라쓰 OST Part.2 — 3:22 — synced")
    assert dialog.preview.toPlainText().startswith("[00:01.00]시작 첫 줄")
    # Edited by the user: the English title, which only another singer's record carries.
    dialog.track.setText("Start Over")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled())
    rows = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert rows == ["Start Over — Kim Feel — 3:22 — synced (not this song: another singer)"]
    dialog.track.setText("시작")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled() and dialog.results.count() == 1)
    dialog.results.setCurrentRow(0)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: "LRCLIB" in w.lyrics.describe_source("start-over"), timeout=5000)
    assert w.library.personal("start-over")[FETCHED_KEY]["provider_id"] == 2


def test_a_failing_server_gives_one_line_and_changes_nothing(qtbot, tmp_path, standin) -> None:
    standin.fault("*", *[Fault(500) for _ in range(20)])
    w = online_window(qtbot, tmp_path, standin.url, on=True)
    said: list[str] = []
    w.online_lyrics_ui.message.connect(said.append)
    before = w.library.personal("start-over")
    w.lyrics.show_song("start-over")
    w.browser.song_selected.emit("start-over")
    row = w.online_lyrics_ui.row
    qtbot.waitUntil(lambda: row.label.text().startswith("Lyrics could not be looked up"))
    assert "answered 500" in row.label.text() and "\n" not in row.label.text()
    assert row.buttons["again"].isVisible()
    assert said and said[-1].startswith("Online lyrics: ") and "500" in said[-1]
    assert w.library.personal("start-over") == before
    # The catalog's excerpt is still what the panel shows.
    assert "excerpt" in w.lyrics.describe_source("start-over")
