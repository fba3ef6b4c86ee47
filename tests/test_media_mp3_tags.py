"""MP3's many tag kinds, alone and together, as the taggers of the last twenty years wrote them:
ID3v2.4 and ID3v2.3 (with CP949 or UTF-8 bytes declared Latin-1), ID3v1, ID3v2.2 and APEv2."""

from __future__ import annotations

from pathlib import Path

import pytest
from audio_files import (
    CP949_WARNING,
    AudioMaker,
    append_id3v1,
    cp949_as_latin1,
    prepend_id3v22,
    read_facts,
    tag_apev2,
    tag_id3,
    utf8_as_latin1,
)

pytest_plugins = ("audio_files",)
facts = read_facts


def test_id3v23_latin1_frames_holding_cp949_come_out_as_hangul(
    audio: AudioMaker, tmp_path: Path
) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(
        path,
        {
            "title": cp949_as_latin1("어른"),
            "artist": cp949_as_latin1("손디아"),
            "album": cp949_as_latin1("나의 아저씨 OST Part.2"),
            "year": "2018",
        },
        version=3,
        encoding=0,
    )
    track = facts(path)
    assert (track.title, track.artist, track.album) == ("어른", "손디아", "나의 아저씨 OST Part.2")
    assert track.year == 2018 and track.tag_kinds == ("ID3v2.3",)
    assert CP949_WARNING in track.warnings


def test_latin1_text_that_really_is_latin1_stays(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(path, {"title": "Café del Mar", "artist": "Beyoncé"}, version=3, encoding=0)
    track = facts(path)
    assert (track.title, track.artist) == ("Café del Mar", "Beyoncé")
    assert track.warnings == ()


def test_utf8_bytes_declared_latin1_are_repaired(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(
        path,
        {"title": utf8_as_latin1("첫눈처럼 너에게 가겠다"), "artist": utf8_as_latin1("에일리")},
        version=3,
        encoding=0,
    )
    track = facts(path)
    assert (track.title, track.artist) == ("첫눈처럼 너에게 가겠다", "에일리")
    assert "tags repaired from UTF-8 stored as Latin-1" in track.warnings


def test_id3v1_only_in_cp949_with_a_character_cut_at_30_bytes(
    audio: AudioMaker, tmp_path: Path
) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    # 29 bytes of Hangul and ASCII, then the first byte of "다": ID3v1's 30-byte cut.
    title = "사랑했지만 그대를 보냅니다".encode("cp949")
    append_id3v1(
        path,
        title=title,
        artist="김광석".encode("cp949"),
        album=b"OST",
        year=b"1991",
        track=7,
        genre=24,
    )
    track = facts(path)
    assert track.title.startswith("사랑했지만 그대를 보냅니")
    assert "\ufffd" not in track.title and not any("\x80" <= ch <= "\xff" for ch in track.title)
    assert (track.artist, track.year, track.track_number, track.genre) == (
        "김광석",
        1991,
        7,
        "Soundtrack",
    )
    assert track.tag_kinds == ("ID3v1",)
    assert CP949_WARNING in track.warnings


def test_id3v2_wins_and_id3v1_fills_the_gaps(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(path, {"title": "Long title beyond thirty bytes of ID3v1"}, version=3, encoding=1)
    append_id3v1(
        path, title=b"Long title beyond thirty bytes", artist=b"Only v1 artist", year=b"2001"
    )
    track = facts(path)
    assert (track.title, track.artist, track.year) == (
        "Long title beyond thirty bytes of ID3v1",
        "Only v1 artist",
        2001,
    )
    assert track.tag_kinds == ("ID3v2.3", "ID3v1")


def test_hand_built_id3v22_from_old_itunes(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    prepend_id3v22(
        path,
        {"TT2": "하루하루", "TP1": "빅뱅", "TAL": "Stand Up", "TRK": "2/5", "TYE": "2008"},
        picture=audio.image(),
    )
    track = facts(path)
    assert (track.title, track.artist, track.album, track.track_number) == (
        "하루하루",
        "빅뱅",
        "Stand Up",
        2,
    )
    assert track.has_cover and track.tag_kinds == ("ID3v2.2",)


def test_apev2_on_mp3_from_foobar(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_apev2(
        path,
        {
            "Title": "Beautiful",
            "Artist": ["Crush"],
            "Album": "도깨비 OST Part.4",
            "Track": "1-04",
            "MUSICBRAINZ_TRACKID": "rec-ape",
        },
    )
    track = facts(path)
    assert (track.title, track.album, track.track_number, track.disc_number) == (
        "Beautiful",
        "도깨비 OST Part.4",
        4,
        1,
    )
    assert track.musicbrainz_recording_id == "rec-ape"
    assert track.tag_kinds == ("APEv2",)


def test_id3v2_and_apev2_and_id3v1_together(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(path, {"title": "ID3 title"})
    tag_apev2(path, {"Title": "APE title", "Artist": "APE artist"})
    append_id3v1(path, title=b"v1 title", artist=b"v1 artist", album=b"v1 album")
    track = facts(path)
    assert (track.title, track.artist, track.album) == ("ID3 title", "APE artist", "v1 album")
    assert track.tag_kinds == ("ID3v2.4", "APEv2", "ID3v1")


def test_multi_valued_artists_are_joined_and_single_values_kept_as_tagged(
    audio: AudioMaker, tmp_path: Path
) -> None:
    multi = audio.make(tmp_path / "multi.mp3", "mp3")
    tag_id3(multi, {"artist": ["거미", "펀치", "거미"]})  # ID3v2.4: NUL-separated values
    single = audio.make(tmp_path / "single.mp3", "mp3")
    tag_id3(single, {"artist": "Ha Hyun-woo, Kim Feel & Sondia"})
    assert facts(multi).artist == "거미; 펀치"
    assert facts(single).artist == "Ha Hyun-woo, Kim Feel & Sondia"


@pytest.mark.parametrize("year", ["20200315", "2020.03.15", "15/03/2020"])
def test_id3v23_years_that_are_not_plain_yyyy_are_kept(
    audio: AudioMaker, tmp_path: Path, year: str
) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(path, {"title": "x", "year": year}, version=3, encoding=1)
    assert facts(path).year == 2020


def test_an_apev2_header_128_bytes_from_the_end_is_not_id3v1(
    audio: AudioMaker, tmp_path: Path
) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_apev2(path, {"Title": "x" * 53})  # 32 + 67 + 32 bytes: its "TAG" sits at -128
    assert path.read_bytes()[-128:-125] == b"TAG"
    assert facts(path).tag_kinds == ("APEv2",)
