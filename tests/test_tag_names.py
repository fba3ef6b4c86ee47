"""Artist tags, file names and folders as they are written in the wild, and what they mean:
who sings (one person in two alphabets, a member and her group, several singers), and what a
file's name and folders say when its tags are empty."""

from __future__ import annotations

import unicodedata

import pytest

from ostplayer.domain.tag_credits import parse_credits
from ostplayer.domain.tag_paths import (
    folders_above,
    is_placeholder_title,
    parse_file_name,
    parse_folder,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (artist tag, [(name, alternate, group)])
CREDITS = [
    ("손디아(Sondia)", [("손디아", "Sondia", "")]),
    ("Sondia (손디아)", [("Sondia", "손디아", "")]),
    ("Gaho(가호)", [("Gaho", "가호", "")]),
    ("크러쉬(Crush)", [("크러쉬", "Crush", "")]),
    ("란 (RAN)", [("란", "RAN", "")]),
    ("심규선 (Lucia)", [("심규선", "Lucia", "")]),  # a stage name, not a group
    ("BTS (방탄소년단)", [("BTS", "방탄소년단", "")]),
    ("BIG Naughty (서동현)", [("BIG Naughty", "서동현", "")]),
    ("웬디 (레드벨벳)", [("웬디", "", "레드벨벳")]),
    ("WENDY (Red Velvet)", [("WENDY", "", "Red Velvet")]),
    ("하현우 (국카스텐)", [("하현우", "", "국카스텐")]),
    ("기현 (몬스타엑스)", [("기현", "", "몬스타엑스")]),
    ("Kihyun (MONSTA X)", [("Kihyun", "", "MONSTA X")]),
    ("승관 (SEVENTEEN)", [("승관", "", "SEVENTEEN")]),
    ("김우성(The Rose)", [("김우성", "", "The Rose")]),
    ("SUGA of BTS", [("SUGA", "", "BTS")]),
    ("김종완 of NELL", [("김종완", "", "NELL")]),
    ("ITZY(있지) 예지", [("예지", "", "ITZY")]),
    ("기현 (Kihyun) (몬스타엑스)", [("기현", "Kihyun", "몬스타엑스")]),
    (
        "비투비 (서은광, 임현식, 육성재)",
        [("서은광", "", "비투비"), ("임현식", "", "비투비"), ("육성재", "", "비투비")],
    ),
    (
        "BTOB (Seo Eun-kwang, Lim Hyun-sik, Yook Sung-jae)",
        [
            ("Seo Eun-kwang", "", "BTOB"),
            ("Lim Hyun-sik", "", "BTOB"),
            ("Yook Sung-jae", "", "BTOB"),
        ],
    ),
    ("가호, 김필", [("가호", "", ""), ("김필", "", "")]),
    ("Gaho & Kim Feel", [("Gaho", "", ""), ("Kim Feel", "", "")]),
    ("Gaho X Kim Feel", [("Gaho", "", ""), ("Kim Feel", "", "")]),
    ("Gaho x Kim Feel", [("Gaho", "", ""), ("Kim Feel", "", "")]),
    ("Gaho feat. Kim Feel", [("Gaho", "", ""), ("Kim Feel", "", "")]),
    ("가호/김필", [("가호", "", ""), ("김필", "", "")]),
    ("가호、김필", [("가호", "", ""), ("김필", "", "")]),
    ("가호; 김필", [("가호", "", ""), ("김필", "", "")]),  # a multi-valued tag, joined
    ("SOYOU, Junggigo, LIL BOI", [("SOYOU", "", ""), ("Junggigo", "", ""), ("LIL BOI", "", "")]),
    ("(G)I-DLE", [("(G)I-DLE", "", "")]),
    ("(여자)아이들", [("(여자)아이들", "", "")]),
    ("AKMU", [("AKMU", "", "")]),
    ("Monsta X", [("Monsta X", "", "")]),
    ("Monsta X, 기현", [("Monsta X", "", ""), ("기현", "", "")]),
    ("Various Artists", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CREDITS)
def test_credits(text: str, expected: list[tuple[str, str, str]]) -> None:
    performers = parse_credits(text).performers
    assert [(p.name, p.alternate, p.group) for p in performers] == expected


def test_a_featured_singer_is_marked_and_a_split_at_ampersand_is_said() -> None:
    parsed = parse_credits("Ailee & Yang Da-il")
    assert [p.name for p in parsed.performers] == ["Ailee", "Yang Da-il"]
    assert any("&" in note for note in parsed.notes)
    featured = parse_credits("가호 (Feat. 김필)").performers
    assert [(p.name, p.featured) for p in featured] == [("가호", False), ("김필", True)]


class _Book:
    """A catalog that knows one name with a separator inside."""

    def knows_person(self, name: str) -> bool:
        return name in ("Earth, Wind & Fire", "Ailee & Yang Da-il")

    def knows_group(self, name: str) -> bool:
        return False

    def knows_drama(self, title: str) -> bool:
        return title == "Itaewon Class"


def test_a_name_the_catalog_knows_is_not_split() -> None:
    assert [p.name for p in parse_credits("Earth, Wind & Fire", _Book()).performers] == [
        "Earth, Wind & Fire"
    ]


# (file name, track, disc, artist, title, drama spellings from the name)
FILE_NAMES = [
    ("03. 손디아 - 어른.mp3", 3, None, "손디아", "어른", ()),
    ("Sondia - Grown Ups (My Mister OST).flac", None, None, "Sondia", "Grown Ups", ("My Mister",)),
    ("01 어른.flac", 1, None, "", "어른", ()),
    ("03 - 손디아 - 어른.mp3", 3, None, "손디아", "어른", ()),
    ("1-03 어른.flac", 3, 1, "", "어른", ()),
    ("3. 어른.flac", 3, None, "", "어른", ()),
    ("24 Hours.mp3", None, None, "", "24 Hours", ()),  # a title that starts with a number
    ("Sondia_-_Grown_Ups.mp3", None, None, "Sondia", "Grown Ups", ()),
    ("Artist - Title [Official Audio].m4a", None, None, "Artist", "Title", ()),
    (
        "[MV] 손디아 - 어른 [나의 아저씨 OST Part.2].mp4",
        None,
        None,
        "손디아",
        "어른",
        ("나의 아저씨",),
    ),
    (
        "[MV] Gaho(가호) _ Start Over(시작) (Itaewon Class OST Part.2).m4a",
        None,
        None,
        "Gaho(가호)",
        "Start Over(시작)",
        ("Itaewon Class",),
    ),
    (
        "가호 (Gaho) - 시작 (Start Over) [Itaewon Class OST Part 2] [ENG SUB] [dQw4w9WgXcQ].opus",
        None,
        None,
        "가호 (Gaho)",
        "시작 (Start Over)",
        ("Itaewon Class",),
    ),
    ("[나의 아저씨 OST Part.2] 손디아 - 어른.mp3", None, None, "손디아", "어른", ("나의 아저씨",)),
    ("손디아 - 나의 아저씨 OST - 03 - 어른.flac", 3, None, "손디아", "어른", ("나의 아저씨",)),
    ("Gaho - Start Over (Official Lyric Video).webm", None, None, "Gaho", "Start Over", ()),
    (nfd("03. 손디아 - 어른.mp3"), 3, None, "손디아", "어른", ()),
]


@pytest.mark.parametrize(("name", "track", "disc", "artist", "title", "dramas"), FILE_NAMES)
def test_file_names(
    name: str,
    track: int | None,
    disc: int | None,
    artist: str,
    title: str,
    dramas: tuple[str, ...],
) -> None:
    meaning = parse_file_name(name)
    assert (meaning.track, meaning.disc, meaning.artist, meaning.title) == (
        track,
        disc,
        artist,
        title,
    )
    assert (meaning.album.titles if meaning.album else ()) == dramas


@pytest.mark.parametrize(
    "title", ["rec 0031", "rec_0031", "Track 03", "New Recording 2", "01", "Unknown"]
)
def test_names_a_recorder_made_up_are_no_title(title: str) -> None:
    assert is_placeholder_title(title)
    assert not is_placeholder_title("어른")


@pytest.mark.parametrize(
    ("folder", "titles", "part", "artist"),
    [
        ("나의 아저씨 OST", ("나의 아저씨",), None, ""),
        ("My Mister OST", ("My Mister",), None, ""),
        ("[2018] 나의 아저씨 OST", ("나의 아저씨",), None, ""),
        ("[FLAC, MP3] Various Artists - 마더 OST [OST] (2018.03.16)", ("마더",), None, ""),
        ("[FLAC, MP3]란 (RAN) - 인형의 집 OST Part.2 [2018.03.16]", ("인형의 집",), 2, "란 (RAN)"),
        ("그_냥 - 시작은 키스 OST [2018.03.15]", ("시작은 키스",), None, "그_냥"),
    ],
)
def test_release_folders(
    folder: str, titles: tuple[str, ...], part: int | None, artist: str
) -> None:
    meaning = parse_folder(folder)
    assert meaning is not None
    assert (meaning.album.titles, meaning.album.part, meaning.artist) == (titles, part, artist)


@pytest.mark.parametrize(
    "folder", ["CD1", "Disc 2", "Music", "The Red - The 1st Album", "K-Drama OST"]
)
def test_folders_that_name_no_soundtrack(folder: str) -> None:
    assert parse_folder(folder) is None


def test_disc_folders_are_passed_over() -> None:
    assert folders_above("/home/u/Music/My Mister OST/CD1/01 어른.flac") == [
        "My Mister OST",
        "Music",
        "u",
    ]
