"""A scan's bulk change reaches the window in pieces (each turn of the event loop short, so
typing goes on), and yet nothing sees a stale state: a song's file state is right the moment
it is asked for, and every song's new state is announced once, after the change itself."""

from __future__ import annotations

from pathlib import Path

from catalog_support import generated
from ui_support import make_context

from ostplayer.domain.catalog_format import catalog_from_dict
from ostplayer.services.library_service import LINKED


def _bulk(tmp_path: Path, songs: int = 1500):
    ctx = make_context(tmp_path / "data")
    catalog = catalog_from_dict(generated(n_songs=songs, n_dramas=40, seed=3))
    ctx.library.library.import_catalog(catalog)
    files = tmp_path / "music"
    files.mkdir()
    links = {}
    for n, song_id in enumerate(catalog.songs):
        path = files / f"{n:05}.ogg"
        path.write_bytes(b"OggS")
        links[song_id] = [str(path)]
    return ctx, links


def test_a_bulk_link_is_told_first_and_its_file_states_follow_in_slices(qtbot, tmp_path):
    ctx, links = _bulk(tmp_path)
    order: list[str] = []
    announced: set[str] = set()
    ctx.library.changed.connect(lambda change: order.append("changed"))

    def states(ids: frozenset[str]) -> None:
        order.append("states")
        announced.update(ids)

    ctx.library.audio_states_changed.connect(states)
    ctx.library.link_many(links)
    assert order == ["changed"]  # the change itself, at once; the states on later turns
    qtbot.waitUntil(lambda: set(links) <= announced, timeout=10_000)
    assert order[0] == "changed" and order.count("states") >= 2  # more than one turn
    assert all(ctx.library.audio_state(s) == LINKED for s in links)
    ctx.shutdown()


def test_a_state_asked_for_before_its_turn_is_already_right(qtbot, tmp_path):
    ctx, links = _bulk(tmp_path)
    ctx.library.link_many(links)
    last = list(links)[-1]  # in the last slice, not worked out yet
    assert ctx.library.audio_state(last) == LINKED
    linked, _missing = ctx.library.counts()
    assert linked >= len(links)
    ctx.shutdown()
