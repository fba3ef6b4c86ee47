"""Grouping: every song appears under some group, whatever the catalog leaves out."""

from __future__ import annotations

import dataclasses

from ostplayer.catalog.library import Library
from ostplayer.domain.grouping import UNLISTED, Grouping, group_songs
from ostplayer.paths import BUNDLED_CATALOG, resource_path


def test_songs_of_a_drama_without_cast_are_under_cast_not_listed(tmp_path):
    catalog = Library(tmp_path, resource_path(BUNDLED_CATALOG)).catalog
    drama = next(iter(catalog.dramas.values()))
    catalog.dramas[drama.id] = dataclasses.replace(drama, cast=[])
    songs = list(catalog.songs.values())
    groups = group_songs(catalog, songs, Grouping.ACTOR)
    shown = {p for g in groups for p in g.songs}
    assert shown == set(range(len(songs)))
    assert groups[-1].key == UNLISTED and groups[-1].label == "Cast not listed"
    assert [songs[p].drama for p in groups[-1].songs] == [drama.id]


def test_every_grouping_shows_every_song(tmp_path):
    catalog = Library(tmp_path, resource_path(BUNDLED_CATALOG)).catalog
    songs = list(catalog.songs.values())
    for grouping in Grouping:
        groups = group_songs(catalog, songs, grouping)
        assert {p for g in groups for p in g.songs} == set(range(len(songs))), grouping


def test_the_cast_not_listed_group_has_a_page(qtbot, tmp_path):
    from ui_support import make_window

    w = make_window(qtbot, tmp_path)
    drama = w.library.catalog.dramas["itaewon-class"]
    w.library.catalog.dramas[drama.id] = dataclasses.replace(drama, cast=[])
    w.browser.set_grouping(Grouping.ACTOR)
    assert w.browser.select_group(UNLISTED)
    text = w.page_view.toPlainText()
    assert text.startswith("Actor") or "Cast not listed" in text
    assert "Start Over" in text
