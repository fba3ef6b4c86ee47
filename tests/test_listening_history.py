"""The listening history: each play's day is kept (and survives compaction, old files and
merges), the per-day/per-week/top-N questions, and Library ▸ Listening history in the window."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QToolTip
from ui_support import make_window

from ostplayer.catalog import history as history_mod
from ostplayer.catalog import store as store_mod
from ostplayer.catalog.history import PlayHistory
from ostplayer.catalog.library import Library
from ostplayer.catalog.merges import song_merge
from ostplayer.domain.listening_stats import (
    Period,
    plays_per_day,
    plays_per_week,
    summarize,
    top_dramas,
    top_songs,
)
from ostplayer.paths import BUNDLED_CATALOG, resource_path
from ostplayer.ui.history_page import HistoryPage


def at(day: date, hour: int = 12) -> float:
    """A local time on ``day``."""
    return datetime(day.year, day.month, day.day, hour).timestamp()


D1, D2, D3 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 20)


def by_day(history: PlayHistory) -> dict[date, dict[str, int]]:
    return {date.fromordinal(d): dict(s) for d, s in history.days.by_day.items()}


# --- the store ------------------------------------------------------------------------------


def test_each_play_day_is_kept_through_reopening_and_compaction(tmp_path: Path) -> None:
    journal = tmp_path / "history.jsonl"
    history = PlayHistory(journal)
    for day, song in ((D1, "a"), (D1, "a"), (D1, "b"), (D2, "a"), (D3, "b")):
        history.record(song, at(day))
    expected = {D1: {"a": 2, "b": 1}, D2: {"a": 1}, D3: {"b": 1}}
    assert by_day(PlayHistory(journal)) == expected
    history.compact()
    assert len(journal.read_bytes().splitlines()) == 2  # one line per song, days and all
    reloaded = PlayHistory(journal)
    assert by_day(reloaded) == expected
    assert (reloaded.get("a").count, reloaded.get("a").last_played) == (3, at(D2))
    reloaded.record("a", at(D3, 20))  # a play after compaction is one more line
    assert len(journal.read_bytes().splitlines()) == 3
    assert by_day(PlayHistory(journal))[D3] == {"b": 1, "a": 1}


def test_a_history_compacted_before_days_were_kept_still_loads(tmp_path: Path) -> None:
    journal = tmp_path / "history.jsonl"
    # The old summary form: a total and the last play's time, no day.
    old = {"song": "a", "at": at(D2), "count": 5}
    journal.write_text(json.dumps(old) + "\n" + json.dumps({"song": "a", "at": at(D3)}) + "\n")
    history = PlayHistory(journal)
    assert history.get("a").count == 6 and history.skipped_lines == 0
    # The last play of the old summary is known to be on its day; the other four are not.
    assert by_day(history) == {D2: {"a": 1}, D3: {"a": 1}}
    assert history.days.undated == {"a": 4}
    history.compact()
    again = PlayHistory(journal)
    assert (again.get("a").count, by_day(again), again.days.undated) == (
        6,
        {D2: {"a": 1}, D3: {"a": 1}},
        {"a": 4},
    )


def test_a_damaged_day_is_a_skipped_line(tmp_path: Path) -> None:
    journal = tmp_path / "history.jsonl"
    d1 = D1.isoformat()
    good = {"song": "a", "at": at(D1), "count": 2, "days": f"{d1}:2"}
    bad_days = [
        "2026-13-40:1",  # no such date
        f"{d1}:0",
        f"{d1}:3",  # more plays on days than in all
        f"{d1}:1 {d1}:1",  # the same day twice
        "0001-01-01:1",
        f"{d1}:-1",
        f"{d1}:١",  # a digit, but not an ASCII one
        {d1: 2},
    ]
    lines = [good] + [{**good, "days": days} for days in bad_days]
    journal.write_text("".join(json.dumps(line) + "\n" for line in lines))
    history = PlayHistory(journal)
    assert history.get("a").count == 2 and history.skipped_lines == len(bad_days)
    assert by_day(history) == {D1: {"a": 2}}


def test_automatic_compaction_keeps_the_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1,400 fsyncs would only slow the test; durability is not what is checked here.
    monkeypatch.setattr(history_mod.os, "fsync", lambda fd: None)
    monkeypatch.setattr(store_mod.os, "fsync", lambda fd: None)
    journal = tmp_path / "history.jsonl"
    history = PlayHistory(journal)
    for n in range(1400):
        history.record(f"s{n % 7}", at(D1 + timedelta(days=n // 100)))
    assert len(journal.read_bytes().splitlines()) < 1000  # compacted on the way
    reloaded = PlayHistory(journal)
    assert by_day(reloaded) == by_day(history)
    assert len(reloaded.days.by_day) == 14 and reloaded.days.undated == {}
    assert sum(sum(s.values()) for s in reloaded.days.by_day.values()) == 1400


def test_a_merge_moves_the_days_of_the_plays_and_undo_moves_them_back(tmp_path: Path) -> None:
    lib = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    lib.record_play("our-tears", at(D1))
    lib.record_play("our-tears", at(D2))
    lib.record_play("its-you", at(D2))
    edit = song_merge(lib, "our-tears", "its-you")
    lib.history.set_counts(edit.plays)
    assert by_day(lib.history) == {D1: {"its-you": 1}, D2: {"its-you": 2}}
    lib.history.set_counts(edit.reversed().plays)
    assert by_day(lib.history) == {D1: {"our-tears": 1}, D2: {"our-tears": 1, "its-you": 1}}
    lib.close()
    reopened = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    assert by_day(reopened.history) == {D1: {"our-tears": 1}, D2: {"our-tears": 1, "its-you": 1}}
    reopened.close()


def test_counts_set_from_outside_keep_the_days_adding_up(tmp_path: Path) -> None:
    history = PlayHistory(tmp_path / "history.jsonl")
    for day in (D1, D2, D3):
        history.record("a", at(day))
    history.stats["a"].count = 1  # an edit lowered it: the oldest days go
    history.stats.pop("b", None)
    history.compact()
    assert by_day(PlayHistory(tmp_path / "history.jsonl")) == {D3: {"a": 1}}


# --- the questions --------------------------------------------------------------------------

TODAY = date(2026, 12, 3)  # a Thursday
PLAYS = {
    TODAY.toordinal(): {"a": 3, "b": 1},
    (TODAY - timedelta(days=1)).toordinal(): {"b": 2},
    (TODAY - timedelta(days=29)).toordinal(): {"c": 1},
    (TODAY - timedelta(days=30)).toordinal(): {"a": 9},  # just outside 30 days
    (TODAY - timedelta(weeks=11)).toordinal(): {"gone": 4},
}
DRAMA_OF = {"a": "d1", "b": "d2", "c": "d1", "x": None}


def test_plays_per_day_are_the_last_30_days_today_last() -> None:
    bars = plays_per_day(PLAYS, TODAY, 30)
    assert len(bars) == 30 and bars[-1].first == TODAY and bars[0].first == TODAY - timedelta(29)
    assert [b.plays for b in bars[-2:]] == [2, 4] and bars[0].plays == 1
    assert sum(b.plays for b in bars) == 7


def test_plays_per_week_run_monday_to_sunday_this_week_to_today() -> None:
    bars = plays_per_week(PLAYS, TODAY, 12)
    assert len(bars) == 12
    assert (bars[-1].first, bars[-1].last) == (date(2026, 11, 30), TODAY)
    assert all(b.first.weekday() == 0 for b in bars)
    assert bars[-1].plays == 6  # Monday to today: the day before and today
    assert bars[0].plays == 4  # eleven weeks back, the Monday-started week holding it
    assert sum(b.plays for b in bars) == 6 + 1 + 9 + 4


def test_top_songs_and_dramas_of_a_period() -> None:
    first = TODAY - timedelta(days=29)
    # "gone" is not in the catalog (deleted): it has plays but no page to open.
    assert top_songs(PLAYS, first, TODAY, DRAMA_OF) == [("a", 3), ("b", 3), ("c", 1)]
    assert top_songs(PLAYS, first, TODAY, DRAMA_OF, n=1) == [("a", 3)]
    assert top_dramas(PLAYS, first, TODAY, DRAMA_OF) == [("d1", 4), ("d2", 3)]
    weeks = summarize(PLAYS, DRAMA_OF, TODAY, Period.WEEKS)
    assert weeks.top_songs[0] == ("a", 12) and weeks.plays == 20
    assert summarize({}, DRAMA_OF, TODAY, Period.DAYS).plays == 0


# --- the window -----------------------------------------------------------------------------


def open_history(w) -> HistoryPage:
    w.menu_actions["history"].trigger()
    return w.findChild(HistoryPage)


def test_the_history_page_shows_plays_as_they_are_recorded(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path)
    action = w.menu_actions["history"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+H")
    clashing = [
        a.text()
        for a in w.findChildren(type(action))
        if a is not action and a.shortcut() == action.shortcut()
    ]
    assert clashing == []
    page = open_history(w)
    qtbot.waitExposed(page)
    assert page.windowTitle() == "Listening history"
    assert page.stack.currentWidget() is page.empty
    assert "Play some songs" in page.empty_message.text()

    for song in ("its-you", "its-you", "our-tears"):
        w.library.record_play(song)
    assert page.stack.currentWidget() is not page.empty
    bars = page.chart.bars
    assert len(bars) == 30 and bars[-1].plays == 3 and bars[-1].first == date.today()
    assert "3 plays" in page.chart.tooltip_for(29)
    centre = page.chart.bar_rect(29).center().toPoint()
    assert page.chart.bar_at(centre) == 29
    QApplication.sendEvent(
        page.chart, QHelpEvent(QEvent.Type.ToolTip, centre, page.chart.mapToGlobal(centre))
    )
    assert QToolTip.text().endswith(": 3 plays")  # hovering a bar tells its count
    assert page.chart.accessibleName() == "Plays per day"
    assert "3 plays in all" in page.chart.accessibleDescription()
    page.chart.setFocus()
    qtbot.keyClick(page.chart, Qt.Key.Key_Left)  # from the keyboard: the newest bar first
    assert page.chart.selected == 29 and page.chart.accessibleDescription().endswith("3 plays")
    assert "3 plays" in page.total.text()
    songs = [page.songs.topLevelItem(i).text(0) for i in range(page.songs.topLevelItemCount())]
    assert songs[0].startswith("It’s You") and songs[1].startswith("Our Tears")
    assert page.songs.topLevelItem(0).text(1) == "2"
    dramas = [page.dramas.topLevelItem(i).text(0) for i in range(page.dramas.topLevelItemCount())]
    assert dramas == ["What’s Wrong with Secretary Kim", "Hwarang: The Poet Warrior Youth"]

    page.weeks_button.click()
    assert len(page.chart.bars) == 12 and page.chart.bars[-1].plays == 3
    assert "12 weeks" in page.total.text()
    w.library.record_play("our-tears")
    assert page.chart.bars[-1].plays == 4

    # Enter (or a double-click) on a row opens its page in the window.
    page.songs.setCurrentItem(page.songs.topLevelItem(0))
    page.songs.setFocus()
    qtbot.keyClick(page.songs, Qt.Key.Key_Return)
    assert w.reading.current == ("song", "its-you")  # two plays each: the first by id
    page.dramas.itemActivated.emit(page.dramas.topLevelItem(0), 0)
    assert w.reading.current[0] == "drama"

    # Closed, it is brought up to date when opened again.
    page.close()
    w.library.record_play("start-over")
    assert open_history(w) is page and page.chart.bars[-1].plays == 5
