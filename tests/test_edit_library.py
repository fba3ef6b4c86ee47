"""Catalog edits without Qt: what is written, what survives reopening, what a merge keeps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ostplayer.catalog.edits import JOURNAL_NAME
from ostplayer.catalog.library import Library
from ostplayer.catalog.merges import song_merge
from ostplayer.domain.catalog_edits import (
    EditRefused,
    delete_drama,
    delete_person,
    delete_song,
    entry_from_raw,
    put_entry,
)
from ostplayer.domain.catalog_merge import merge_dramas, merge_people
from ostplayer.domain.models import Catalog, Drama
from ostplayer.paths import BUNDLED_CATALOG, resource_path

SEED = resource_path(BUNDLED_CATALOG)


def open_library(path) -> Library:
    return Library(path, SEED)


def rename_song(lib: Library, song_id: str, title: str):
    return lib.edits.apply(put_entry(lib.catalog, replace(lib.catalog.songs[song_id], title=title)))


def test_an_edit_is_one_journal_line_and_leaves_the_library_file_alone(tmp_path):
    lib = open_library(tmp_path)
    before = (tmp_path / "library.json").read_bytes()
    seen = []
    lib.events.subscribe(seen.append)
    rename_song(lib, "our-tears", "Our Tears (2016 mix)")
    assert (tmp_path / "library.json").read_bytes() == before
    journal = (tmp_path / JOURNAL_NAME).read_text().splitlines()
    assert journal[0].startswith('{"base": ')  # the file the edits apply to
    assert len(journal) == 2 and journal[1].startswith('{"edit":')
    assert lib.catalog.songs["our-tears"].title == "Our Tears (2016 mix)"
    assert seen[-1].changed == {"our-tears"} and not seen[-1].catalog_replaced
    rename_song(lib, "our-tears", "Again")
    assert len((tmp_path / JOURNAL_NAME).read_text().splitlines()) == 3


def test_edits_survive_a_crash_and_are_folded_into_the_file_on_close(tmp_path):
    lib = open_library(tmp_path)
    rename_song(lib, "our-tears", "Renamed")
    # No close: as after a crash, the journal is replayed over the old file.
    again = open_library(tmp_path)
    assert again.catalog.songs["our-tears"].title == "Renamed"
    assert again.notices == []
    again.close()
    assert not (tmp_path / JOURNAL_NAME).read_text().strip()
    assert "Renamed" in (tmp_path / "library.json").read_text()
    assert open_library(tmp_path).catalog.songs["our-tears"].title == "Renamed"


def test_replaying_a_journal_already_folded_changes_nothing(tmp_path):
    lib = open_library(tmp_path)
    rename_song(lib, "ambiguous", "First")
    lib.edits.apply(delete_drama(lib.catalog, "hwarang"))
    rename_song(lib, "ambiguous", "Second")
    journal = (tmp_path / JOURNAL_NAME).read_bytes()
    lib.edits.fold()
    # A crash after the file was written and before the journal was trimmed:
    (tmp_path / JOURNAL_NAME).write_bytes(journal)
    again = open_library(tmp_path)
    assert again.catalog.songs["ambiguous"].title == "Second"
    assert "hwarang" not in again.catalog.dramas and "our-tears" not in again.catalog.songs
    assert again.notices == []


def test_a_crash_between_an_import_and_the_journal_trim_keeps_the_import(tmp_path):
    lib = open_library(tmp_path)
    rename_song(lib, "start-over", "Edited")
    journal = (tmp_path / JOURNAL_NAME).read_bytes()
    song = lib.catalog.songs["start-over"]
    lib.import_catalog(Catalog(songs={song.id: replace(song, title="Imported")}))
    (tmp_path / JOURNAL_NAME).write_bytes(journal)  # as if killed before the trim
    again = open_library(tmp_path)
    assert again.catalog.songs["start-over"].title == "Imported"
    rename_song(again, "its-you", "Later")  # a journal started again works as before
    assert open_library(tmp_path).catalog.songs["its-you"].title == "Later"


def test_a_torn_last_line_is_skipped_and_said(tmp_path):
    lib = open_library(tmp_path)
    rename_song(lib, "its-you", "Kept")
    with open(tmp_path / JOURNAL_NAME, "ab") as fh:
        fh.write(b'{"edit":[{"put":"songs","doc":{"id":"its-you","ti')
    again = open_library(tmp_path)
    assert again.catalog.songs["its-you"].title == "Kept"
    assert any("unfinished edit" in n for n in again.notices)
    rename_song(again, "its-you", "After")  # never glued onto the torn line
    assert open_library(tmp_path).catalog.songs["its-you"].title == "After"


def test_an_import_after_edits_is_not_overwritten_by_the_journal(tmp_path):
    lib = open_library(tmp_path)
    rename_song(lib, "start-over", "Edited")
    song = lib.catalog.songs["start-over"]
    lib.import_catalog(Catalog(songs={song.id: replace(song, title="Imported")}))
    assert open_library(tmp_path).catalog.songs["start-over"].title == "Imported"


def test_rules_are_the_imports_and_name_the_field(tmp_path):
    cat = open_library(tmp_path).catalog
    raw = {"id": "new-drama", "title": " ", "year": 2020, "cast": []}
    with pytest.raises(EditRefused) as empty:
        entry_from_raw(cat, "dramas", raw)
    assert (empty.value.field, empty.value.message) == ("title", "must not be empty")
    with pytest.raises(EditRefused) as year:
        entry_from_raw(cat, "dramas", dict(raw, title="X", year=3000))
    assert year.value.field == "year" and "outside 1900..2200" in year.value.message
    cast = [{"id": "a", "actor": "nobody-here", "character": "A"}]
    with pytest.raises(EditRefused) as actor:
        entry_from_raw(cat, "dramas", dict(raw, title="X", cast=cast))
    assert actor.value.field == "cast[0].actor" and "unknown person" in actor.value.message


def test_ids_stay_when_titles_change_and_dropped_cast_leaves_the_songs(tmp_path):
    lib = open_library(tmp_path)
    drama = lib.catalog.dramas["fight-for-my-way"]
    lib.edits.apply(
        put_entry(lib.catalog, replace(drama, title="쌈, 마이웨이", cast=drama.cast[:1]))
    )
    assert lib.catalog.dramas["fight-for-my-way"].title == "쌈, 마이웨이"
    assert lib.catalog.songs["ambiguous"].characters == ("ko-dong-man",)  # choi-ae-ra went
    assert open_library(tmp_path).catalog.songs["ambiguous"].characters == ("ko-dong-man",)


def test_new_entry_gets_a_readable_slug(tmp_path):
    lib = open_library(tmp_path)
    edit = lib.edits.apply(put_entry(lib.catalog, Drama("my-mister", "My Mister", 2018)))
    assert edit.label == "New drama “My Mister”"
    assert "my-mister" in open_library(tmp_path).catalog.dramas


def test_delete_drama_takes_its_songs_and_keeps_their_personal_data(tmp_path):
    lib = open_library(tmp_path)
    lib.set_saved_lyrics("our-tears", "my lyrics")
    lib.record_play("our-tears")
    lib.edits.apply(delete_drama(lib.catalog, "hwarang"))
    again = open_library(tmp_path)
    assert "hwarang" not in again.catalog.dramas and "our-tears" not in again.catalog.songs
    assert "our-tears" not in again.catalog.features["k-drama-flashback-park-seo-joon"].songs
    assert again.personal("our-tears")["lyrics"] == "my lyrics"
    assert again.play_stats("our-tears").count == 1


def test_delete_person_removes_credits_and_cast_places(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(delete_person(lib.catalog, "lim-hyun-sik"))
    lib.edits.apply(delete_person(lib.catalog, "park-min-young"))
    cat = open_library(tmp_path).catalog
    assert [c.person for c in cat.songs["ambiguous"].performers] == [
        "seo-eun-kwang",
        "yook-sung-jae",
    ]
    assert "lim-hyun-sik" not in cat.people["btob"].members
    assert [m.id for m in cat.dramas["whats-wrong-with-secretary-kim"].cast] == ["lee-young-joon"]
    assert cat.songs["its-you"].characters == ("lee-young-joon",)


def test_merge_songs_keeps_links_lyrics_notes_plays_and_aliases_and_undo_restores(tmp_path):
    lib = open_library(tmp_path)
    lib.link("our-tears", tmp_path / "tears.flac")
    lib.update_personal("our-tears", lyrics="tears lyrics", notes="from the finale")
    lib.update_personal("one-more-step", notes="first heard in 2015")
    lib.record_play("our-tears", at=100.0)
    lib.record_play("our-tears", at=200.0)
    lib.record_play("one-more-step", at=150.0)
    done = lib.edits.apply(song_merge(lib, "our-tears", "one-more-step"))

    again = open_library(tmp_path)
    kept = again.catalog.songs["one-more-step"]
    assert "our-tears" not in again.catalog.songs
    assert "Our Tears" in kept.aliases and "서로의 눈물이 되어" in kept.aliases
    row = again.personal("one-more-step")
    assert row["audio"].endswith("tears.flac") and row["lyrics"] == "tears lyrics"
    assert row["notes"] == "first heard in 2015\n\nfrom the finale"
    assert again.play_stats("one-more-step").count == 3
    assert again.play_stats("one-more-step").last_played == 200.0
    assert (
        again.catalog.features["k-drama-flashback-park-seo-joon"].songs.count("one-more-step") == 1
    )

    lib.edits.undo(done)
    back = open_library(tmp_path)
    assert back.catalog.songs["our-tears"].title == "Our Tears"
    assert "Our Tears" not in back.catalog.songs["one-more-step"].aliases
    assert back.personal("one-more-step") == {
        "song": "one-more-step",
        "notes": "first heard in 2015",
    }
    assert back.play_stats("our-tears").count == 2 and back.play_stats("one-more-step").count == 1


def test_merge_dramas_moves_songs_and_cast(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(merge_dramas(lib.catalog, "hwarang", "she-was-pretty"))
    cat = open_library(tmp_path).catalog
    drama = cat.dramas["she-was-pretty"]
    assert "hwarang" not in cat.dramas and cat.songs["our-tears"].drama == "she-was-pretty"
    assert "Hwarang: The Poet Warrior Youth" in drama.aliases
    assert set(cat.songs["our-tears"].characters) <= {m.id for m in drama.cast}
    assert {m.actor for m in drama.cast} >= {"go-ara", "hwang-jung-eum"}


def test_merge_people_points_every_reference_at_the_survivor(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(merge_people(lib.catalog, "gaho", "jeong-se-woon"))
    cat = open_library(tmp_path).catalog
    assert "gaho" not in cat.people
    assert cat.songs["start-over"].performers[0].person == "jeong-se-woon"
    assert "Gaho" in cat.people["jeong-se-woon"].aliases


def test_delete_song_then_undo_brings_it_back_in_its_features(tmp_path):
    lib = open_library(tmp_path)
    done = lib.edits.apply(delete_song(lib.catalog, "its-you"))
    assert "its-you" not in lib.catalog.features["k-drama-flashback-park-seo-joon"].songs
    lib.edits.undo(done)
    cat = open_library(tmp_path).catalog
    assert "its-you" in cat.songs
    assert "its-you" in cat.features["k-drama-flashback-park-seo-joon"].songs


def test_network_episodes_and_scenes_survive_the_file_and_an_export(tmp_path):
    from ostplayer.catalog.library import read_catalog_file
    from ostplayer.domain.models import Scene

    lib = open_library(tmp_path)
    drama = replace(lib.catalog.dramas["itaewon-class"], network="JTBC", episodes=16)
    lib.edits.apply(put_entry(lib.catalog, drama))
    scenes = (Scene(1, "Opening titles"), Scene(16, "The last scene", spoiler=True))
    song = replace(lib.catalog.songs["start-over"], scenes=scenes)
    lib.edits.apply(put_entry(lib.catalog, song))
    lib.close()
    again = open_library(tmp_path)
    assert again.catalog.dramas["itaewon-class"].network == "JTBC"
    assert again.catalog.dramas["itaewon-class"].episodes == 16
    assert again.catalog.songs["start-over"].scenes == scenes
    again.export_file(tmp_path / "shared.json")
    exported = read_catalog_file(tmp_path / "shared.json")
    assert exported.songs["start-over"].scenes == scenes
