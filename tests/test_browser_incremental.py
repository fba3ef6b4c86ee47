"""Changes reach the browser and the search without rebuilding them: a changed song's rows
are found through its groups (every grouping, searching or not), saved lyrics are patched
into the search index, and the online-lyrics client is made on the task's thread, not the
window's (each of these held the window up while a bulk fetch or a scan ran)."""

from __future__ import annotations

import threading

from ui_support import make_context, make_window

from ostplayer.domain.grouping import Grouping
from ostplayer.services.online_lyrics import OnlineLyricsService
from ostplayer.services.settings import Keys
from ostplayer.ui.browser_model import ID_ROLE


def shown_rows(model, song_id: str) -> list[tuple[int, int]]:
    """Every (group row, row) showing the song, by walking the tree as a view would."""
    rows = []
    for g in range(model.group_count()):
        group = model.group_index(g)
        for r in range(model.rowCount(group)):
            if model.index(r, 0, group).data(ID_ROLE) == song_id:
                rows.append((g, r))
    return rows


def repainted_rows(model, *song_ids: str) -> set[tuple[int, int]]:
    spans = []
    model.dataChanged.connect(lambda top, bottom, *_: spans.append((top, bottom)))
    model.refresh_songs(list(song_ids))
    model.dataChanged.disconnect()
    return {
        (top.parent().row() - model.smart_row_count(), r)
        for top, bottom in spans
        for r in range(top.row(), bottom.row() + 1)
    }


def test_a_changed_song_repaints_exactly_its_rows_in_every_grouping_and_search(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "data")
    model = w.model
    ids = list(w.library.catalog.songs)
    for grouping in Grouping:
        w.browser.set_grouping(grouping)
        for query in ("", "o", "tears", "nothing matches this"):
            w.browser.search.setText(query)
            for song_id in ids:
                rows = shown_rows(model, song_id)
                assert repainted_rows(model, song_id) == set(rows), (grouping, query, song_id)
                # The lookup through the song's groups (taken for a few songs of many).
                assert sorted(model._rows_of(song_id)) == rows, (grouping, query, song_id)
                found = model.find_song(song_id)
                if rows:
                    group_row = found.parent().row() - model.smart_row_count()
                    assert (group_row, found.row()) == rows[0]
                    assert found.data(ID_ROLE) == song_id
                else:
                    assert not found.isValid()
            every = {row for song_id in ids for row in shown_rows(model, song_id)}
            assert repainted_rows(model, *ids) == every


def test_saved_lyrics_are_found_by_search_at_once_and_forgotten_when_removed(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "data")
    w.library.set_saved_lyrics("our-tears", "zyxwv under the streetlight")
    qtbot.keyClicks(w.browser.search, "zyxwv")
    assert w.model.visible_song_ids() == ["our-tears"]
    w.browser.search.clear()
    w.library.set_saved_lyrics("our-tears", None)
    qtbot.keyClicks(w.browser.search, "zyxwv")
    assert w.model.visible_song_ids() == []
    w.browser.search.clear()
    qtbot.keyClicks(w.browser.search, "our tears")  # its own words still find it
    assert w.model.visible_song_ids() == ["our-tears"]


class _Nothing:
    name = "stand-in"
    label = "Stand-in"

    def candidates(self, query, check=None):
        return []


def test_the_lyrics_client_is_made_on_the_tasks_thread_not_the_windows(qtbot, tmp_path):
    context = make_context(tmp_path / "data")
    context.settings.set(Keys.ONLINE_LYRICS, True)
    made_on: list[threading.Thread] = []

    def make(_url: str) -> _Nothing:
        made_on.append(threading.current_thread())
        return _Nothing()

    service = OnlineLyricsService(
        context.library, context.tasks, context.settings, make, tmp_path / "cache.jsonl"
    )
    task = service.fetch_missing()
    qtbot.waitUntil(lambda: not task.is_running(), timeout=10_000)
    assert len(made_on) == 1 and made_on[0] is not threading.main_thread()
    lookup = service.lookup("start-over", again=True)
    qtbot.waitUntil(lambda: not lookup.is_running(), timeout=10_000)
    assert len(made_on) == 1  # one client for the service's server
    context.shutdown()
