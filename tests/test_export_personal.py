"""Export with "include my personal data" and importing it, without Qt: the personal section
is there only when asked for, is checked like the catalog (a bad value refuses the whole file,
naming the field), and merges without counting a play twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ostplayer.catalog.library import Library
from ostplayer.domain.catalog_format import CatalogFormatError
from ostplayer.domain.personal_keys import drama_notes_edit
from ostplayer.paths import BUNDLED_CATALOG, resource_path


def open_library(path: Path) -> Library:
    return Library(path, resource_path(BUNDLED_CATALOG))


def shared_library(path: Path, music: Path) -> Library:
    """A library with a heart, a rating, notes on a song and a drama, plays and a link."""
    lib = open_library(path)
    music.mkdir(parents=True, exist_ok=True)
    (music / "its-you.mp3").write_bytes(b"ID3")
    lib.link("its-you", music / "its-you.mp3")
    lib.update_personal("its-you", favourite=True, rating=4, notes="Line one\n  indented")
    lib.update_personal("ambiguous", notes="ep. 3")
    lib.record_play("its-you", at=1_700_000_000)
    lib.record_play("its-you", at=1_700_000_100)
    lib.edits.apply(drama_notes_edit("Notes", "hwarang", {}, "꽃길만 걷자 🌸"))
    return lib


def test_an_export_without_personal_data_has_no_personal_section(tmp_path):
    lib = shared_library(tmp_path / "a", tmp_path / "music")
    out = tmp_path / "plain.json"
    lib.export_file(out)
    text = out.read_text("utf-8")
    assert "personal" not in json.loads(text)
    for secret in ("Line one", "꽃길만", str(tmp_path / "music"), "1700000100"):
        assert secret not in text


def test_an_export_with_personal_data_carries_it_in_its_own_section(tmp_path):
    lib = shared_library(tmp_path / "a", tmp_path / "music")
    out = tmp_path / "mine.json"
    lib.export_file(out, include_personal=True)
    data = json.loads(out.read_text("utf-8"))
    section = data["personal"]
    songs = {row["song"]: row for row in section["songs"]}
    assert songs["its-you"]["favourite"] is True and songs["its-you"]["rating"] == 4
    assert songs["its-you"]["notes"] == "Line one\n  indented"
    assert songs["its-you"]["plays"] == {"count": 2, "last_played": 1_700_000_100.0}
    assert songs["its-you"]["files"] == [str(tmp_path / "music" / "its-you.mp3")]
    assert section["dramas"] == [{"drama": "hwarang", "notes": "꽃길만 걷자 🌸"}]
    assert [s["id"] for s in data["songs"]][:2] == ["one-more-step", "our-tears"]  # catalog too


def test_importing_it_sets_marks_links_files_and_counts_plays_once(tmp_path):
    music = tmp_path / "music"
    source = shared_library(tmp_path / "a", music)
    out = tmp_path / "mine.json"
    source.export_file(out, include_personal=True)

    lib = open_library(tmp_path / "b")
    lib.update_personal("ambiguous", notes="my own note")
    lib.record_play("its-you", at=1_600_000_000)
    summary = lib.import_file(out)
    assert "favourite" in str(summary) and "2 play(s) added" in str(summary)
    row = lib.personal("its-you")
    assert (
        row["favourite"] is True and row["rating"] == 4 and row["notes"] == "Line one\n  indented"
    )
    assert lib.audio_path("its-you") == str(music / "its-you.mp3")
    assert lib.personal("ambiguous")["notes"] == "my own note\n\nep. 3"  # both kept
    assert lib.drama_notes("hwarang") == "꽃길만 걷자 🌸"
    assert lib.play_stats("its-you").count == 3
    assert lib.play_stats("its-you").last_played == 1_700_000_100

    lib.import_file(out)  # the same file again: nothing doubles
    assert lib.play_stats("its-you").count == 3
    assert lib.personal("ambiguous")["notes"] == "my own note\n\nep. 3"
    lib.close()
    again = open_library(tmp_path / "b")
    assert again.play_stats("its-you").count == 3 and again.notices == []

    # Back to where they came from: b exports only its own play, a counts it once.
    again.export_file(tmp_path / "back.json", include_personal=True)
    source.import_file(tmp_path / "back.json")
    assert source.play_stats("its-you").count == 3
    source.import_file(out)  # a's own export imported into a: adds nothing
    assert source.play_stats("its-you").count == 3


def test_a_path_with_no_file_here_is_kept_as_a_missing_link(tmp_path):
    source = shared_library(tmp_path / "a", tmp_path / "music")
    out = tmp_path / "mine.json"
    source.export_file(out, include_personal=True)
    (tmp_path / "music" / "its-you.mp3").unlink()
    lib = open_library(tmp_path / "b")
    summary = lib.import_file(out)
    assert lib.audio_path("its-you") == str(tmp_path / "music" / "its-you.mp3")
    assert "1 link(s) to missing files kept" in str(summary)


def test_a_local_link_that_works_is_not_replaced(tmp_path):
    source = shared_library(tmp_path / "a", tmp_path / "music")
    out = tmp_path / "mine.json"
    source.export_file(out, include_personal=True)
    lib = open_library(tmp_path / "b")
    mine = tmp_path / "mine" / "its-you.flac"
    mine.parent.mkdir()
    mine.write_bytes(b"fLaC")
    lib.link("its-you", mine)
    lib.import_file(out)
    assert lib.audio_path("its-you") == str(mine)
    assert lib.audio_files("its-you") == [str(mine), str(tmp_path / "music" / "its-you.mp3")]


def personal_file(tmp_path: Path, section: object) -> Path:
    path = tmp_path / "hostile.json"
    extra_song = {
        "id": "new-song",
        "title": "New Song",
        "drama": "hwarang",
        "ost_order": 9,
        "performers": [{"person": "park-seo-joon"}],
    }
    data = {"format": "ostplayer-catalog", "format_version": 1, "songs": [extra_song]}
    data["personal"] = section
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


LIB = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("section", "named"),
    [
        ([], "personal"),
        ({"songs": []}, "field 'library'"),
        ({"library": "../../etc", "songs": []}, "field 'library'"),
        ({"library": LIB, "songs": {}}, "personal.songs"),
        ({"library": LIB, "songs": [{"song": "no-such-song", "rating": 3}]}, "field 'song'"),
        ({"library": LIB, "songs": [{"song": "its-you", "rating": 6}]}, "field 'rating'"),
        ({"library": LIB, "songs": [{"song": "its-you", "rating": True}]}, "field 'rating'"),
        ({"library": LIB, "songs": [{"song": "its-you", "favourite": "yes"}]}, "'favourite'"),
        ({"library": LIB, "songs": [{"song": "its-you", "notes": 5}]}, "field 'notes'"),
        ({"library": LIB, "songs": [{"song": "its-you", "notes": "a\0b"}]}, "field 'notes'"),
        ({"library": LIB, "songs": [{"song": "its-you", "plays": {"count": -1}}]}, "plays.count"),
        ({"library": LIB, "songs": [{"song": "its-you", "plays": {"count": 10**12}}]}, "plays"),
        (
            {"library": LIB, "songs": [{"song": "its-you", "plays": {"last_played": 1e300}}]},
            "plays.last_played",
        ),
        ({"library": LIB, "songs": [{"song": "its-you", "files": ["relative.mp3"]}]}, "files[0]"),
        ({"library": LIB, "songs": [{"song": "its-you", "files": "/a.mp3"}]}, "field 'files'"),
        ({"library": LIB, "songs": [{"song": "its-you"}, {"song": "its-you"}]}, "twice"),
        ({"library": LIB, "dramas": [{"drama": "nowhere", "notes": "x"}]}, "field 'drama'"),
        ({"library": LIB, "dramas": [{"drama": "hwarang", "notes": ["x"]}]}, "field 'notes'"),
    ],
)
def test_a_bad_personal_section_refuses_the_whole_file_naming_the_field(tmp_path, section, named):
    lib = open_library(tmp_path / "b")
    lib.update_personal("its-you", rating=2)
    path = personal_file(tmp_path, section)
    with pytest.raises(CatalogFormatError) as refused:
        lib.import_file(path)
    assert named in str(refused.value)
    assert "new-song" not in lib.catalog.songs  # nothing half-imported: not even the catalog
    lib.close()
    again = open_library(tmp_path / "b")
    assert "new-song" not in again.catalog.songs and again.personal("its-you")["rating"] == 2


def test_a_song_new_in_the_same_file_may_carry_personal_data(tmp_path):
    lib = open_library(tmp_path / "b")
    path = personal_file(tmp_path, {"library": LIB, "songs": [{"song": "new-song", "rating": 5}]})
    lib.import_file(path)
    assert lib.personal("new-song")["rating"] == 5


def test_a_path_to_something_that_is_not_audio_is_not_linked(tmp_path):
    secret = tmp_path / "notes.txt"
    secret.write_text("not a song", encoding="utf-8")
    section = {
        "library": LIB,
        "songs": [
            {"song": "its-you", "files": [str(secret)]},
            {"song": "ambiguous", "files": [str(tmp_path)]},  # a folder
        ],
    }
    lib = open_library(tmp_path / "b")
    summary = lib.import_file(personal_file(tmp_path, section))
    assert lib.audio_path("its-you") is None and lib.audio_path("ambiguous") is None
    assert "2 path(s) not linked" in str(summary)
