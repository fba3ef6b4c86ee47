"""Reading tags from real files in every format, tagged the way real taggers tag them.

The files that cannot be used at all are in ``test_media_unreadable.py``."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from audio_files import (
    CP949_WARNING,
    AudioMaker,
    add_riff_info,
    make_monkeys_audio,
    read_facts,
    tag_apev2,
    tag_asf,
    tag_id3,
    tag_mp4,
    tag_vorbis,
)

from ostplayer.media.tag_values import parse_disc, parse_track, parse_year
from ostplayer.media.tags import read_track

pytest_plugins = ("audio_files",)
facts = read_facts


# --- every format, tagged as its usual tagger does ----------------------------------------------


def test_mp3_id3v24_utf8_with_everything(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "03. 어른.mp3", "mp3")
    tag_id3(
        path,
        {
            "title": "어른",
            "artist": "손디아(Sondia)",
            "album": "나의 아저씨 OST Part.2",
            "album_artist": "Various Artists",
            "track": "3/12",
            "disc": "1/1",
            "year": "2018-03-21",
            "genre": "OST",
        },
        cover=audio.image(),
        lyrics="나는 어른이 되어",
        mb_recording="7c3a9f3e-0000-4000-8000-000000000001",
        mb_release="1f1e2d3c-0000-4000-8000-000000000002",
    )
    track = facts(path)
    assert (track.title, track.artist, track.album) == (
        "어른",
        "손디아(Sondia)",
        "나의 아저씨 OST Part.2",
    )
    assert track.album_artist == "Various Artists"
    assert (track.track_number, track.disc_number, track.year) == (3, 1, 2018)
    assert track.genre == "OST"
    assert track.format == "mp3"
    assert 900 <= track.duration_ms <= 1200
    assert track.musicbrainz_recording_id == "7c3a9f3e-0000-4000-8000-000000000001"
    assert track.musicbrainz_release_id == "1f1e2d3c-0000-4000-8000-000000000002"
    assert track.has_lyrics and track.has_cover
    assert track.tag_kinds == ("ID3v2.4",)
    assert track.warnings == ()
    assert track.size == path.stat().st_size and track.mtime_ns == path.stat().st_mtime_ns


@pytest.mark.parametrize("fmt", ["flac", "ogg", "opus"])
def test_vorbis_comments_with_lower_case_keys(audio: AudioMaker, tmp_path: Path, fmt: str) -> None:
    path = audio.make(tmp_path / f"song.{fmt}", fmt)
    tag_vorbis(
        path,
        [
            ("title", "시작"),
            ("artist", "가호(Gaho)"),
            ("album", "이태원 클라쓰 OST Part.2"),
            ("albumartist", "Various Artists"),
            ("tracknumber", "02"),
            ("discnumber", "1"),
            ("date", "20200215"),
            ("genre", "Soundtrack"),
            ("musicbrainz_trackid", "rec-id"),
            ("musicbrainz_albumid", "rel-id"),
            ("lyrics", "새로운 시작"),
        ],
        cover=audio.image(),
    )
    track = facts(path)
    assert (track.title, track.artist, track.album_artist) == (
        "시작",
        "가호(Gaho)",
        "Various Artists",
    )
    assert (track.track_number, track.disc_number, track.year) == (2, 1, 2020)
    assert (track.musicbrainz_recording_id, track.musicbrainz_release_id) == ("rec-id", "rel-id")
    assert track.has_lyrics and track.has_cover
    assert track.tag_kinds == ("Vorbis",)
    assert track.format == {"flac": "flac", "ogg": "ogg", "opus": "opus"}[fmt]


def test_vorbis_upper_and_mixed_case_keys_are_the_same_fields(
    audio: AudioMaker, tmp_path: Path
) -> None:
    path = audio.make(tmp_path / "song.flac", "flac")
    tag_vorbis(
        path,
        [
            ("TITLE", "Start Over"),
            ("Artist", "Gaho"),
            ("ALBUM ARTIST", "VA"),
            ("TRACKNUMBER", "7/13"),
        ],
    )
    track = facts(path)
    assert (track.title, track.artist, track.album_artist, track.track_number) == (
        "Start Over",
        "Gaho",
        "VA",
        7,
    )


def test_mp4_atoms_and_picard_freeform_ids(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.m4a", "m4a")
    tag_mp4(
        path,
        {
            "©nam": "Sweet Night",
            "©ART": "V",
            "©alb": "Itaewon Class (Original Television Soundtrack) Pt. 12",
            "aART": "Various Artists",
            "trkn": [(1, 2)],
            "disk": [(1, 1)],
            "©day": "2020-03-13T08:00:00Z",
            "©gen": "K-Pop",
            "©lyr": "Do you remember",
            "----:com.apple.iTunes:MusicBrainz Track Id": "rec-mp4",
            "----:com.apple.iTunes:MusicBrainz Album Id": "rel-mp4",
        },
        cover=audio.image("png"),
    )
    track = facts(path)
    assert track.album == "Itaewon Class (Original Television Soundtrack) Pt. 12"
    assert (track.track_number, track.disc_number, track.year) == (1, 1, 2020)
    assert (track.musicbrainz_recording_id, track.musicbrainz_release_id) == ("rec-mp4", "rel-mp4")
    assert track.has_lyrics and track.has_cover
    assert (track.format, track.tag_kinds) == ("m4a", ("MP4",))


def test_wma_asf_attributes(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.wma", "wma")
    tag_asf(
        path,
        {
            "Title": "Stay With Me",
            "Author": ["찬열", "펀치"],
            "WM/AlbumTitle": "도깨비 OST Part.1",
            "WM/AlbumArtist": "Various Artists",
            "WM/TrackNumber": "1",
            "WM/PartOfSet": "1/1",
            "WM/Year": "2016",
            "WM/Genre": "OST",
            "WM/Lyrics": "그대가 나를",
            "MusicBrainz/Track Id": "rec-asf",
        },
        cover=audio.image(),
    )
    track = facts(path)
    # Several values of one field are joined with "; " so they can be told apart again.
    assert (track.title, track.artist, track.album) == (
        "Stay With Me",
        "찬열; 펀치",
        "도깨비 OST Part.1",
    )
    assert (track.track_number, track.disc_number, track.year) == (1, 1, 2016)
    assert track.musicbrainz_recording_id == "rec-asf"
    assert track.has_lyrics and track.has_cover
    assert (track.format, track.tag_kinds) == ("wma", ("ASF",))


def test_old_wm_track_counts_from_zero(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.wma", "wma")
    tag_asf(path, {"Title": "x", "WM/Track": 4})
    assert facts(path).track_number == 5


@pytest.mark.parametrize("fmt", ["wav", "aiff"])
def test_id3_chunk_in_wav_and_aiff(audio: AudioMaker, tmp_path: Path, fmt: str) -> None:
    path = audio.make(tmp_path / f"song.{fmt}", fmt)
    tag_id3(
        path,
        {"title": "돌덩이", "artist": "하현우 (국카스텐)", "track": "5"},
        version=3,
        encoding=1,
    )
    track = facts(path)
    assert (track.title, track.artist, track.track_number) == ("돌덩이", "하현우 (국카스텐)", 5)
    assert track.tag_kinds == ("ID3v2.3",)
    assert track.duration_ms == 1000


def test_wav_riff_info_in_cp949_from_korean_windows(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.wav", "wav")
    add_riff_info(
        path,
        {
            "INAM": "어른".encode("cp949"),
            "IART": "손디아".encode("cp949"),
            "ICRD": b"2018",
            "IPRD": b"My Mister OST",
        },
    )
    track = facts(path)
    assert (track.title, track.artist, track.album, track.year) == (
        "어른",
        "손디아",
        "My Mister OST",
        2018,
    )
    assert track.tag_kinds == ("RIFF INFO",)
    assert CP949_WARNING in track.warnings


def test_wav_with_id3_and_riff_info_prefers_id3(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.wav", "wav")
    tag_id3(path, {"title": "From ID3"})
    add_riff_info(path, {"INAM": b"From INFO", "IART": b"Only in INFO"})
    track = facts(path)
    assert (track.title, track.artist) == ("From ID3", "Only in INFO")
    assert track.tag_kinds == ("ID3v2.4", "RIFF INFO")


def test_monkeys_audio_with_apev2(audio: AudioMaker, tmp_path: Path) -> None:
    path = make_monkeys_audio(tmp_path / "song.ape", seconds=2.5)
    tag_apev2(
        path,
        {"Title": "그대라는 시", "Artist": "태연", "Track": "4", "Year": "2019", "Lyrics": "..."},
        cover=audio.image(),
    )
    track = facts(path)
    assert (track.title, track.artist, track.track_number, track.year) == (
        "그대라는 시",
        "태연",
        4,
        2019,
    )
    assert (track.format, track.tag_kinds, track.duration_ms) == ("ape", ("APEv2",), 2500)
    assert track.has_lyrics and track.has_cover


def test_nfd_text_from_macos_becomes_nfc(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.flac", "flac")
    tag_vorbis(
        path,
        [
            ("title", unicodedata.normalize("NFD", "그리워하다")),
            ("artist", unicodedata.normalize("NFD", "비투비")),
        ],
    )
    track = facts(path)
    assert track.title == "그리워하다" and len(track.title) == 5
    assert unicodedata.is_normalized("NFC", track.artist)


def test_untagged_files_still_give_format_and_duration(audio: AudioMaker, tmp_path: Path) -> None:
    for fmt in ("mp3", "flac", "m4a", "wav", "ogg"):
        track = facts(audio.make(tmp_path / f"rec_0031.{fmt}", fmt))
        assert track.title == "" and track.tag_kinds in ((), ("Vorbis",), ("MP4",))
        assert track.duration_ms and 900 <= track.duration_ms <= 1200


def test_a_flac_named_mp3_is_read_as_flac_with_a_warning(audio: AudioMaker, tmp_path: Path) -> None:
    path = tmp_path / "song.mp3"
    path.write_bytes(audio.clip("flac").read_bytes())
    track = facts(path)
    assert track.format == "flac"
    assert any("named .mp3" in warning for warning in track.warnings)


def test_adts_aac_with_an_id3_tag_in_front(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "radio.aac", "aac")
    tag_id3(path, {"title": "라디오 녹음", "artist": "가호"})
    track = facts(path)
    assert (track.format, track.title, track.artist) == ("aac", "라디오 녹음", "가호")
    assert track.tag_kinds == ("ID3v2.4",)


# --- values as taggers write them -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3", (3, None)),
        ("03", (3, None)),
        ("3/12", (3, None)),
        (" 7 / 13 ", (7, None)),
        ("1-03", (3, 1)),
        ("2.05", (5, 2)),
        ("A1", (1, None)),
        ("Track 05", (5, None)),
        ("0", (None, None)),
        ("abc", (None, None)),
        ("", (None, None)),
        ((4, 12), (4, None)),
        ((0, 0), (None, None)),
        (12, (12, None)),
    ],
)
def test_track_numbers(raw: object, expected: tuple) -> None:
    assert parse_track(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2018", 2018),
        ("2018-03-21", 2018),
        ("20180321", 2018),
        ("2018.03.21", 2018),
        ("21/03/2018", 2018),
        ("2020-03-13T08:00:00Z", 2020),
        ("0000", None),
        ("", None),
        ("unknown", None),
        ("1", None),
    ],
)
def test_years(raw: str, expected: int | None) -> None:
    assert parse_year(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", 1), ("1/2", 1), ("CD2", 2), ("Disc 2", 2), ((2, 2), 2), ("x", None)]
)
def test_disc_numbers(raw: object, expected: int | None) -> None:
    assert parse_disc(raw) == expected


def test_reading_every_format_twenty_times_gives_the_same_answer(
    audio: AudioMaker, tmp_path: Path
) -> None:
    # Speed is measured by benchmarks/bench_tag_reading.py; this checks that reading is stable.
    paths = []
    for fmt in ("mp3", "flac", "ogg", "opus", "m4a", "wav", "aiff", "wma"):
        path = audio.make(tmp_path / f"song.{fmt}", fmt)
        paths.append(str(path))
    tag_id3(Path(paths[0]), {"title": "어른", "artist": "손디아"}, cover=audio.image())
    first = [read_track(path) for path in paths]
    for _ in range(19):
        assert [read_track(path) for path in paths] == first
    assert first[0].title == "어른"
