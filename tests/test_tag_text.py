"""Album and title tags as they are written in the wild, and what a whole file means.

The spellings come from music sites (Melon, Genie, Bugs, Spotify, Apple Music), taggers and
video rips; each table row is one real way of writing a soundtrack. Credits, file names and
folders are in test_tag_names.py."""

from __future__ import annotations

import unicodedata

import pytest

from ostplayer.domain.tag_album import parse_album
from ostplayer.domain.tag_text import TagReader, understand
from ostplayer.domain.tag_titles import parse_title
from ostplayer.domain.track_facts import TrackFacts


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (album tag, drama spellings, OST part)
OST_ALBUMS = [
    ("이태원 클라쓰 OST Part.2", ("이태원 클라쓰",), 2),
    ("나의 아저씨 OST", ("나의 아저씨",), None),
    ("나의 아저씨 OST Part.2", ("나의 아저씨",), 2),
    ("도깨비 OST Part 9", ("도깨비",), 9),
    ("사랑의 불시착 OST Part.11", ("사랑의 불시착",), 11),
    ("사랑의 불시착 OST 파트 11", ("사랑의 불시착",), 11),
    ("OST Part 3", (), 3),
    ("OST Pt.3", (), 3),
    ("Part.3", (), 3),
    ("ＯＳＴ　Ｐａｒｔ．２", (), 2),
    ("Itaewon Class (Original Television Soundtrack)", ("Itaewon Class",), None),
    ("Weak Hero Class 1 (Original Soundtrack)", ("Weak Hero Class 1",), None),
    (
        "Crash Landing on You (Original Television Soundtrack), Pt. 11",
        ("Crash Landing on You",),
        11,
    ),
    ("Crash Landing on You(Original Television Soundtrack), Pt. 4", ("Crash Landing on You",), 4),
    ("Itaewon Class, Pt. 2 (Original Television Soundtrack)", ("Itaewon Class",), 2),
    ("ITAEWON CLASS (Original Television Soundtrack) Pt. 12", ("ITAEWON CLASS",), 12),
    ("Our Beloved Summer (Original Television Soundtrack), Pt.5", ("Our Beloved Summer",), 5),
    ("Guardian (Original Television Soundtrack), Pt. 1", ("Guardian",), 1),
    (
        "Moonlovers - Scarlet Heart Ryeo (Original Television Soundtrack), Pt. 2",
        ("Moonlovers - Scarlet Heart Ryeo",),
        2,
    ),
    ("Reply 1988 (Original Television Soundtrack), Pt. 3", ("Reply 1988",), 3),
    ("Squid Game (Music from the Netflix Series)", ("Squid Game",), None),
    ("도깨비 OST Special", ("도깨비",), None),
    ("OST Special", (), None),
    ("Special OST", (), None),
    ("Special Labor Inspector OST Part.1", ("Special Labor Inspector",), 1),
    ("나의 아저씨 (My Mister) OST Part.2", ("나의 아저씨", "My Mister"), 2),
    ("My Mister (나의 아저씨) OST", ("My Mister", "나의 아저씨"), None),
    ("호텔 델루나 (Hotel Del Luna) OST Part.1", ("호텔 델루나", "Hotel Del Luna"), 1),
    ("이태원 클라쓰 (梨泰院Class) OST", ("이태원 클라쓰", "梨泰院Class"), None),
    ("라라 (Live Again, Love Again) OST", ("라라", "Live Again, Love Again"), None),
    ("Goblin OST / 도깨비 OST (Piano Version)", ("Goblin", "도깨비"), None),
    ("이태원 클라쓰 OST Part.2 (tvN 수목드라마)", ("이태원 클라쓰",), 2),
    ("JTBC 금토드라마 이태원 클라쓰 OST", ("이태원 클라쓰",), None),
    ("KBS2 월화드라마 '동백꽃 필 무렵' OST Part.1", ("동백꽃 필 무렵",), 1),
    ("KBS2 주말드라마 '황금빛 내 인생' OST Part.1", ("황금빛 내 인생",), 1),
    ("MBC 수목미니시리즈 '그녀는 예뻤다' OST Part.3", ("그녀는 예뻤다",), 3),
    ("[MV] 손디아 - 어른 [나의 아저씨 OST Part.2]", ("나의 아저씨",), 2),
    ("[MV] Gaho(가호) _ Start Over(시작) (Itaewon Class OST Part.2)", ("Itaewon Class",), 2),
    ("이태원 클라쓰 OST Part.12 - Sweet Night", ("이태원 클라쓰",), 12),
    ("[OST] 이태원 클라쓰 Part.2", ("이태원 클라쓰",), 2),
    ("이태원 클라쓰 O.S.T Part.2", ("이태원 클라쓰",), 2),
    ("이태원클라쓰OST", ("이태원클라쓰",), None),
    ("Itaewon Class OST - Part.2", ("Itaewon Class",), 2),
    ("추리의 여왕 시즌2 OST Part.3", ("추리의 여왕 시즌2",), 3),
    ("미술관 옆 동물원 (Original Soundtrack) [Special Edition]", ("미술관 옆 동물원",), None),
    ("What's Wrong with Secretary Kim OST Part.5", ("What's Wrong with Secretary Kim",), 5),
    ("Crash Landing on You (Original Tel", ("Crash Landing on You",), None),  # ID3v1: 30 bytes
    ("Live OST Part.1", ("Live",), 1),
    ("Drama 606 (Original Television Soundtrack)", ("Drama 606",), None),
    ("The 4th Love Revolution OST Part.1", ("The 4th Love Revolution",), 1),
    (
        "Final Life: Even if You Disappear Tomorrow OST PT. 1",
        ("Final Life: Even if You Disappear Tomorrow",),
        1,
    ),
    (nfd("이태원 클라쓰 OST Part.2"), ("이태원 클라쓰",), 2),
]


@pytest.mark.parametrize(("album", "titles", "part"), OST_ALBUMS)
def test_soundtrack_albums_name_their_drama_and_part(
    album: str, titles: tuple[str, ...], part: int | None
) -> None:
    meaning = parse_album(album)
    assert meaning.is_ost
    assert meaning.titles == titles
    assert meaning.part == part


@pytest.mark.parametrize(
    ("album", "network"),
    [
        ("이태원 클라쓰 OST Part.2 (tvN 수목드라마)", "tvN"),
        ("JTBC 금토드라마 이태원 클라쓰 OST", "JTBC"),
        ("KBS2 월화드라마 '동백꽃 필 무렵' OST Part.1", "KBS2"),
    ],
)
def test_the_broadcaster_note_is_kept_as_the_network(album: str, network: str) -> None:
    assert parse_album(album).network == network


def test_a_piano_cover_album_is_a_version_not_the_drama_recordings() -> None:
    meaning = parse_album("Goblin OST / 도깨비 OST (Piano Version)")
    assert meaning.version == "piano version"


@pytest.mark.parametrize(
    "album",
    [
        "Melon Top 100",
        "멜론(Melon) 03월 13일 실시간 Top100 [20시 기준]",
        "The Red - The 1st Album",
        "The ReVe Festival: Finale",
        "Love Yourself 結 'Answer'",
        "NCT RESONANCE Pt.1",
        "Everything Not Saved Will Be Lost Pt. 1",
        "STATION X 4 LOVEs for Winter Part.2",
        "비오는날 듣기 좋은 첼로, 바이올린 (뉴에이지, 영화, 드라마, 애니메이션, OST)",
        "Best of K-Drama OST",
        "드라마 OST 모음",
        "Best OST 2020",
        "K-Drama OST",
        "",
    ],
)
def test_albums_that_are_not_a_drama_soundtrack(album: str) -> None:
    meaning = parse_album(album)
    assert not meaning.is_ost
    assert meaning.drama_titles == ()


# (title tag, title, alternate spelling, instrumental, version)
TITLES = [
    ("시작 (Start Over)", "시작", "Start Over", False, ""),
    ("Start Over (시작)", "Start Over", "시작", False, ""),
    ("어른 (Grown Ups)", "어른", "Grown Ups", False, ""),
    ("Maybe (메이비)", "Maybe", "메이비", False, ""),
    ("시작 (Inst.)", "시작", "", True, "inst"),
    ("시작 (Instrumental)", "시작", "", True, "inst"),
    ("어른 (MR)", "어른", "", True, "inst"),
    ("Start Over - Instrumental", "Start Over", "", True, "inst"),
    ("시작 (Start Over) (Inst.)", "시작", "Start Over", True, "inst"),
    ("All of My Life (Acoustic Ver.)", "All of My Life", "", False, "acoustic ver"),
    ("Beautiful (Piano Ver.)", "Beautiful", "", False, "piano ver"),
    ("Love Story (Taylor's Version)", "Love Story", "", False, "taylors version"),
    ("Dynamite - Slowed", "Dynamite", "", False, "slowed"),
    ("Stay With Me (Cover)", "Stay With Me", "", False, "cover"),
    ("It's You", "It's You", "", False, ""),
    ("우리의 밤, 우린 친구뿐일까, Maybe", "우리의 밤, 우린 친구뿐일까, Maybe", "", False, ""),
    ("[MV] 시작", "시작", "", False, ""),
    ("시작 (Start Over", "시작", "Start Over", False, ""),  # cut off by a 30-byte ID3v1 field
    (nfd("시작 (Start Over)"), "시작", "Start Over", False, ""),
]


@pytest.mark.parametrize(("text", "title", "alternate", "instrumental", "version"), TITLES)
def test_titles(text: str, title: str, alternate: str, instrumental: bool, version: str) -> None:
    meaning = parse_title(text)
    assert (meaning.title, meaning.alternate) == (title, alternate)
    assert meaning.instrumental is instrumental
    assert meaning.version == version


@pytest.mark.parametrize(
    ("text", "title", "featuring", "producers"),
    [
        ("Some (Feat. Lil Boi)", "Some", ("Lil Boi",), ()),
        ("Snow Flower (feat. Peakboy)", "Snow Flower", ("Peakboy",), ()),
        ("처음부터 너와 나 (Feat. 김종완 of NELL)", "처음부터 너와 나", ("김종완 of NELL",), ()),
        ("Winter Ahead (with PARK HYO SHIN)", "Winter Ahead", ("PARK HYO SHIN",), ()),
        ("Hello feat. Someone", "Hello", ("Someone",), ()),
        ("Stay Alive (Prod. SUGA of BTS)", "Stay Alive", (), ("SUGA of BTS",)),
    ],
)
def test_featuring_and_producer_notes_leave_the_title(
    text: str, title: str, featuring: tuple[str, ...], producers: tuple[str, ...]
) -> None:
    meaning = parse_title(text)
    assert meaning.title == title
    assert meaning.featuring == featuring
    assert meaning.producers == producers


@pytest.mark.parametrize(
    ("text", "title", "dramas", "part"),
    [
        ('Grown Ups - From "My Mister"', "Grown Ups", ("My Mister",), None),
        (
            'Stay With Me - From "Goblin" (Original Television Soundtrack)',
            "Stay With Me",
            ("Goblin",),
            None,
        ),
        ('어른 (드라마 "나의 아저씨" OST)', "어른", ("나의 아저씨",), None),
        ("어른 (나의 아저씨 OST Part.2)", "어른", ("나의 아저씨",), 2),
    ],
)
def test_a_title_can_name_its_drama(
    text: str, title: str, dramas: tuple[str, ...], part: int | None
) -> None:
    meaning = parse_title(text)
    assert (meaning.title, meaning.dramas, meaning.ost_part) == (title, dramas, part)


# --- the whole file ---------------------------------------------------------------------------


def test_tags_say_what_the_file_is_and_where_each_piece_came_from() -> None:
    meaning = understand(
        TrackFacts("/m/a.mp3", title="시작", artist="가호", album="이태원 클라쓰 OST Part.2")
    )
    assert meaning.title == "시작"
    assert [p.name for p in meaning.performers] == ["가호"]
    assert (meaning.dramas, meaning.ost_part, meaning.from_drama) == (("이태원 클라쓰",), 2, True)
    assert "drama 이태원 클라쓰 from the album tag" in meaning.evidence
    assert "performers 가호 from the artist tag" in meaning.evidence


def test_an_untagged_file_is_read_from_its_name_and_folder() -> None:
    meaning = understand(TrackFacts("/m/My Mister OST/CD1/01 어른.flac"))
    assert (meaning.title, meaning.track_number) == ("어른", 1)
    assert meaning.dramas == ("My Mister",)
    assert "drama My Mister from the folder name 'My Mister OST'" in meaning.evidence
    named = understand(TrackFacts("/m/나의 아저씨 OST/03. 손디아 - 어른.mp3"))
    assert [p.name for p in named.performers] == ["손디아"]
    assert "title '어른' from the file name" in named.evidence


def test_a_video_title_in_the_title_tag_is_read_like_a_file_name() -> None:
    # youtube-dl writes the video's title, and the channel as the artist.
    meaning = understand(
        TrackFacts(
            "/m/dl/v.m4a", title="[MV] 손디아 - 어른 [나의 아저씨 OST Part.2]", artist="1theK"
        )
    )
    assert (meaning.title, meaning.dramas, meaning.ost_part) == ("어른", ("나의 아저씨",), 2)
    assert [p.name for p in meaning.performers] == ["손디아"]
    rip = understand(
        TrackFacts(
            "/m/v.m4a", title="[MV] Gaho(가호) _ Start Over(시작) (Itaewon Class OST Part.2)"
        )
    )
    assert (rip.title, rip.title_alternate) == ("Start Over", "시작")
    assert [(p.name, p.alternate) for p in rip.performers] == [("Gaho", "가호")]


def test_a_title_with_a_dash_by_the_tagged_artist_is_not_split() -> None:
    meaning = understand(TrackFacts("/m/a.mp3", title="Love - Reprise", artist="Sondia"))
    assert [p.name for p in meaning.performers] == ["Sondia"]


def test_a_plain_album_is_not_from_a_drama() -> None:
    meaning = understand(
        TrackFacts(
            "/m/k/a.mp3", title="Psycho", artist="Red Velvet", album="The ReVe Festival: Finale"
        )
    )
    assert not meaning.from_drama
    assert meaning.dramas == ()


def test_an_instrumental_says_so() -> None:
    meaning = understand(
        TrackFacts(
            "/m/a.mp3", title="시작 (Inst.)", artist="가호", album="이태원 클라쓰 OST Part.2"
        )
    )
    assert meaning.instrumental
    assert meaning.version_note == "Inst."


def test_featured_singers_join_the_performers() -> None:
    meaning = understand(
        TrackFacts("/m/a.mp3", title="Some (Feat. Lil Boi)", artist="SOYOU, Junggigo")
    )
    assert [(p.name, p.featured) for p in meaning.performers] == [
        ("SOYOU", False),
        ("Junggigo", False),
        ("Lil Boi", True),
    ]


class _Book:
    """A catalog that knows one drama."""

    def knows_person(self, name: str) -> bool:
        return False

    def knows_group(self, name: str) -> bool:
        return False

    def knows_drama(self, title: str) -> bool:
        return title == "Itaewon Class"


def test_a_known_drama_name_as_album_is_its_soundtrack() -> None:
    track = TrackFacts("/m/a.mp3", title="Start Over", artist="Gaho", album="Itaewon Class")
    assert not understand(track).from_drama
    assert understand(track, _Book()).dramas == ("Itaewon Class",)


@pytest.mark.parametrize("genre", ["국내드라마", "발라드, 국내드라마", "OST", "Soundtrack"])
def test_a_soundtrack_genre_alone_never_makes_a_drama(genre: str) -> None:
    # Taggers put "OST" on K-pop albums' songs: only the album, a folder or the catalog tell.
    meaning = understand(
        TrackFacts("/m/a.mp3", title="Blueming", artist="IU", album="Love poem", genre=genre)
    )
    assert not meaning.from_drama and meaning.dramas == ()
    web = understand(
        TrackFacts("/m/a.mp3", title="Be My Love", album="Love Playlist 4 Part.1", genre=genre)
    )
    assert not web.from_drama
    known = TrackFacts("/m/a.mp3", title="Start Over", album="Itaewon Class", genre=genre)
    assert understand(known, _Book()).dramas == ("Itaewon Class",)


def test_decomposed_and_composed_tags_mean_the_same() -> None:
    composed = TrackFacts(
        "/m/가호 - 시작.mp3", title="시작", artist="가호", album="이태원 클라쓰 OST"
    )
    decomposed = TrackFacts(
        nfd("/m/가호 - 시작.mp3"),
        title=nfd("시작"),
        artist=nfd("가호"),
        album=nfd("이태원 클라쓰 OST"),
    )
    a, b = understand(composed), understand(decomposed)
    assert (a.title, a.dramas, [p.name for p in a.performers]) == (
        b.title,
        b.dramas,
        [p.name for p in b.performers],
    )


def test_one_reader_gives_the_same_answers_as_separate_calls() -> None:
    reader = TagReader()
    tracks = [
        TrackFacts(f"/m/나의 아저씨 OST/0{i}. 손디아 - 어른.mp3", album="나의 아저씨 OST Part.2")
        for i in range(1, 4)
    ]
    assert [reader.understand(t) for t in tracks] == [understand(t) for t in tracks]
