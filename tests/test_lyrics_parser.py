"""Tests for ostplayer.domain.lyrics (pure parser) and ostplayer.domain.romanize."""

from __future__ import annotations

import copy
import os
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ostplayer.domain import romanize as romanize_mod
from ostplayer.domain.lyrics import (
    LyricGroup,
    LyricLine,
    Lyrics,
    Word,
    decode_lyrics_bytes,
    format_timestamp,
    lyrics_from_excerpt,
    lyrics_from_timed_lines,
    parse_lrc,
    parse_lyrics,
)

KOREAN_LRC = """[ti:너를 사랑해]
[ar:아이유]
[00:01.00]너를 사랑해
[00:01.00]neoreul saranghae
[00:01.00]I love you
[00:05.50]오늘도 그리워
"""


def texts(lyrics: Lyrics) -> list[tuple[int | None, tuple[str, ...]]]:
    return [(g.time_ms, tuple(line.text for line in g.lines)) for g in lyrics.groups]


# ------------------------------------------------------------------ timestamps


@pytest.mark.parametrize(
    ("stamp", "ms"),
    [
        ("[01:02]", 62_000),
        ("[01:02.5]", 62_500),
        ("[01:02.05]", 62_050),
        ("[01:02.345]", 62_345),
        ("[01:02:34]", 62_340),  # colon before centiseconds
        ("[1:02.00]", 62_000),  # one-digit minutes
        ("[123:04.00]", 123 * 60_000 + 4_000),  # minutes past 99
        ("[00:00.00]", 0),
    ],
)
def test_timestamp_forms(stamp: str, ms: int) -> None:
    lyrics = parse_lyrics(f"{stamp}hello")
    assert lyrics.synced
    assert texts(lyrics) == [(ms, ("hello",))]


def test_format_timestamp() -> None:
    assert format_timestamp(0) == "00:00.00"
    assert format_timestamp(62_345) == "01:02.35"  # rounded to the centisecond
    assert format_timestamp(59_999) == "01:00.00"
    assert format_timestamp(123 * 60_000) == "123:00.00"
    assert format_timestamp(-5) == "00:00.00"


def test_lines_out_of_order_are_sorted() -> None:
    lyrics = parse_lyrics("[00:20]c\n[00:05]a\n[00:10]b\n")
    assert texts(lyrics) == [(5000, ("a",)), (10000, ("b",)), (20000, ("c",))]


def test_repeated_chorus_with_offset_highlights() -> None:
    text = "[offset:500]\n[00:10.00]verse\n[00:20.00][01:00.00]chorus\n[00:40.00]bridge\n"
    lyrics = parse_lyrics(text)
    assert lyrics.offset_ms == 500
    assert texts(lyrics) == [
        (10000, ("verse",)),
        (20000, ("chorus",)),
        (40000, ("bridge",)),
        (60000, ("chorus",)),
    ]
    # Positive offset shows lyrics 500 ms earlier.
    assert lyrics.group_index_at(0) == -1
    assert lyrics.group_index_at(9_499) == -1
    assert lyrics.group_index_at(9_500) == 0
    assert lyrics.group_index_at(19_499) == 0
    assert lyrics.group_index_at(19_500) == 1
    assert lyrics.group_index_at(59_600) == 3
    assert lyrics.group_index_at(10_000_000) == 3
    assert lyrics.effective_time(1) == 19_500
    # The user's extra offset has the same sign as [offset].
    assert lyrics.group_index_at(9_000, extra_offset_ms=500) == 0
    assert lyrics.effective_time(1, extra_offset_ms=500) == 19_000
    assert lyrics.group_index_at(9_600, extra_offset_ms=-200) == -1


def test_negative_offset() -> None:
    lyrics = parse_lyrics("[offset:-250]\n[00:01.00]a\n")
    assert lyrics.offset_ms == -250
    assert lyrics.group_index_at(1_000) == -1
    assert lyrics.group_index_at(1_250) == 0


def test_plain_lyrics_never_highlight() -> None:
    lyrics = parse_lyrics("just words\nmore words")
    assert lyrics.group_index_at(5_000) == -1
    with pytest.raises(ValueError):
        lyrics.effective_time(0)


# -------------------------------------------------------------------- structure


def test_header_tags_and_unknown_tags() -> None:
    text = "[ti:Title]\n[AR: Artist ]\n[al:Album]\n[au:Writer]\n[length: 03:45]\n"
    text += "[by:me]\n[re:tool]\n[ve:1.0]\n[xtra:kept]\n[00:01]line\n"
    lyrics = parse_lyrics(text)
    assert dict(lyrics.tags) == {
        "ti": "Title",
        "ar": "Artist",
        "al": "Album",
        "au": "Writer",
        "length": "03:45",
        "by": "me",
        "re": "tool",
        "ve": "1.0",
        "xtra": "kept",
    }
    assert texts(lyrics) == [(1000, ("line",))]


def test_shared_timestamp_forms_one_group_in_file_order() -> None:
    lyrics = parse_lyrics(KOREAN_LRC)
    assert lyrics.groups[0] == LyricGroup(
        1000,
        (LyricLine("너를 사랑해"), LyricLine("neoreul saranghae"), LyricLine("I love you")),
    )
    assert lyrics.line_count == 4
    assert lyrics.group_index_at(1_200) == 0
    assert lyrics.tags["ti"] == "너를 사랑해"


def test_blank_timed_lines_are_pauses() -> None:
    lyrics = parse_lyrics("[00:01]a\n[00:10]\n[00:10]   \n[00:20]b\n[00:20]\n")
    assert texts(lyrics) == [(1000, ("a",)), (10000, ("",)), (20000, ("b",))]
    assert lyrics.groups[1].is_blank
    assert lyrics.group_index_at(12_000) == 1
    assert lyrics.plain_text() == "a\n\nb"


def test_enhanced_lrc_words() -> None:
    lyrics = parse_lyrics("[00:12.00]<00:12.00>Hello <00:12.50> world<00:13.20>\n")
    (group,) = lyrics.groups
    line = group.lines[0]
    assert line.text == "Hello world"
    assert line.words == (
        Word(12_000, "Hello "),
        Word(12_500, " world"),
        Word(13_200, ""),
    )


def test_enhanced_lrc_text_before_first_word_starts_with_line() -> None:
    line = parse_lyrics("[00:05.00]So <00:05.40>long").groups[0].lines[0]
    assert line.text == "So long"
    assert line.words == (Word(5_000, "So "), Word(5_400, "long"))


def test_bom_crlf_cr_and_whitespace() -> None:
    text = "\ufeff  [ti:x]  \r\n  [00:01.00]  a  \r[00:02.00]b\n\n"
    lyrics = parse_lyrics(text)
    assert dict(lyrics.tags) == {"ti": "x"}
    assert texts(lyrics) == [(1000, ("a",)), (2000, ("b",))]


def test_whitespace_between_stamps() -> None:
    assert texts(parse_lyrics("[00:01] [00:03]x")) == [(1000, ("x",)), (3000, ("x",))]


@pytest.mark.parametrize(
    "bad",
    ["[ab:cd]text", "[12:3x]text", "[00:12.00 unterminated", "[00:75]sixty+", "plain <no"],
)
def test_malformed_lines_kept_as_text_in_previous_group(bad: str) -> None:
    lyrics = parse_lyrics(f"[00:01]first\n{bad}\n[00:09]next\n")
    assert lyrics.synced
    assert texts(lyrics) == [(1000, ("first", bad)), (9000, ("next",))]


def test_untimed_lines_before_first_stamp_go_to_zero() -> None:
    lyrics = parse_lyrics("intro text\n[00:03]a\n")
    assert texts(lyrics) == [(0, ("intro text",)), (3000, ("a",))]


def test_continuation_follows_repeated_line() -> None:
    lyrics = parse_lyrics("[00:01][00:30]chorus\ncontinued\n")
    assert texts(lyrics) == [(1000, ("chorus", "continued")), (30000, ("chorus", "continued"))]


def test_plain_lyrics_stanzas() -> None:
    lyrics = parse_lyrics("\n\nline one\nline two\n\n\n[Hook: Jimin]\nline three\n\n")
    assert not lyrics.synced
    assert texts(lyrics) == [
        (None, ("line one",)),
        (None, ("line two",)),
        (None, ("",)),
        (None, ("[Hook: Jimin]",)),  # not a known tag: plain text stays text
        (None, ("line three",)),
    ]
    assert lyrics.plain_text() == "line one\nline two\n\n[Hook: Jimin]\nline three"
    assert lyrics.line_count == 4


def test_plain_lyrics_known_tags_extracted() -> None:
    lyrics = parse_lyrics("[ti:Song]\nhello")
    assert dict(lyrics.tags) == {"ti": "Song"}
    assert texts(lyrics) == [(None, ("hello",))]


def test_lyrics_from_excerpt_ignores_lrc_syntax() -> None:
    lyrics = lyrics_from_excerpt("[00:01]not a stamp here\r\nsecond")
    assert not lyrics.synced
    assert texts(lyrics) == [(None, ("[00:01]not a stamp here",)), (None, ("second",))]


def test_lyrics_from_timed_lines_merges_and_sorts() -> None:
    lyrics = lyrics_from_timed_lines([(2000, "b"), (1000, "a"), (2000, "  b2 "), (3000, "")])
    assert texts(lyrics) == [(1000, ("a",)), (2000, ("b", "b2")), (3000, ("",))]
    assert lyrics.synced


def test_lyrics_is_hashable_immutable_and_copyable() -> None:
    lyrics = parse_lyrics(KOREAN_LRC)
    hash(lyrics)
    lyrics.group_index_at(0)  # fills the cached time index; must not break copies
    assert pickle.loads(pickle.dumps(lyrics)) == lyrics
    assert copy.deepcopy(lyrics) == lyrics
    with pytest.raises(TypeError):
        lyrics.tags["ti"] = "x"  # type: ignore[index]


# ------------------------------------------------------------------ serializing


def test_to_lrc_keeps_offset_tag_and_round_trips() -> None:
    text = "[ar:A]\n[ti:T]\n[offset:+500]\n[00:01.005]a\n[00:01.005]b\n[00:03]\n[01:00][00:02]c\n"
    lyrics = parse_lyrics(text)
    out = lyrics.to_lrc()
    assert out.splitlines() == [
        "[ti:T]",
        "[ar:A]",
        "[offset:+500]",
        "[00:01.005]a",
        "[00:01.005]b",
        "[00:02.00]c",
        "[00:03.00]",
        "[01:00.00]c",
    ]
    assert parse_lrc(out) == lyrics


def test_to_lrc_round_trips_words_and_malformed() -> None:
    text = "[00:01]pre <00:01.50>w1 <00:02.00>w2\n[ab:cd]junk\n[00:05]<00:05.00>x<00:06.00>"
    lyrics = parse_lyrics(text)
    assert parse_lyrics(lyrics.to_lrc()) == lyrics


def test_to_lrc_from_constructed_lyrics_writes_offset() -> None:
    lyrics = Lyrics((LyricGroup(1000, (LyricLine("a"),)),), True, {}, offset_ms=-300)
    assert lyrics.to_lrc() == "[offset:-300]\n[00:01.00]a\n"
    assert parse_lyrics(lyrics.to_lrc()).offset_ms == -300


def test_plain_to_lrc_round_trips() -> None:
    lyrics = parse_lyrics("a\nb\n\nc")
    assert parse_lyrics(lyrics.to_lrc()) == lyrics


# -------------------------------------------------------------------- properties

_stamp = st.builds(
    lambda m, s, f, sep: f"{m:0{2}d}:{s:02d}{sep}{f}",
    st.integers(0, 130),
    st.integers(0, 65),
    st.sampled_from(["", "5", "05", "123", "xx", "9"]),
    st.sampled_from([".", ":"]),
)
_piece = st.one_of(
    _stamp.map(lambda s: f"[{s}]"),
    _stamp.map(lambda s: f"<{s}>"),
    st.sampled_from(["[ti:T]", "[offset:+500]", "[offset:-x]", "[ab:cd]", "[", "]", "<", ">"]),
    st.sampled_from([" ", "\t", "\r\n", "\n", "\r", "\ufeff", "\u2028", "\x0b", "\x00"]),
    st.sampled_from(["사랑해", "neoreul", "I love you", "ㅋㅋ", "..."]),
    st.text(max_size=5),
)
lrc_like = st.lists(_piece, max_size=40).map("".join)
# Line-structured variant: most lines start with stamps, so most files are synced
# and shared timestamps / continuation lines occur often.
_lrc_line = st.builds(
    lambda stamps, body: "".join(f"[{s}]" for s in stamps) + "".join(body),
    st.lists(st.sampled_from(["00:01.00", "00:02", "00:01:00", "01:00.5", "00:75"]), max_size=3),
    st.lists(_piece.filter(lambda p: "\n" not in p and "\r" not in p), max_size=4),
)
lrc_lines = st.lists(_lrc_line, max_size=12).map("\n".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(), lrc_like, lrc_lines))
def test_any_text_parses_and_synced_round_trips(text: str) -> None:
    lyrics = parse_lyrics(text)
    assert parse_lrc(text) == lyrics
    times = [g.time_ms for g in lyrics.groups]
    if lyrics.synced:
        assert all(isinstance(t, int) for t in times)
        assert times == sorted(set(times))  # sorted, equal times merged
        assert all(g.lines for g in lyrics.groups)
        assert parse_lyrics(lyrics.to_lrc()) == lyrics
    else:
        assert all(t is None for t in times)
    for position in (-1, 0, 1_000, 10**9):
        index = lyrics.group_index_at(position, extra_offset_ms=250)
        assert -1 <= index < max(1, len(lyrics.groups))
        if index >= 0:
            assert lyrics.effective_time(index, 250) <= position
    lyrics.plain_text()


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse(data: bytes) -> None:
    assert isinstance(decode_lyrics_bytes(data), str)
    parse_lyrics(data)


@settings(max_examples=200, deadline=None)
@given(lrc_like)
def test_lrc_like_utf16_bytes_decode_exactly(text: str) -> None:
    clean = text.replace("\x00", "").lstrip("\ufeff")
    assert parse_lyrics(("\ufeff" + clean).encode("utf-16")) == parse_lyrics(clean)


# ------------------------------------------------------------------ romanization


def test_romanize_only_hangul_runs() -> None:
    assert romanize_mod.has_hangul("사랑 love")
    assert not romanize_mod.has_hangul("love 123")
    if not romanize_mod.ROMANIZATION_AVAILABLE:
        pytest.skip("korean_romanizer not installed")
    assert (
        romanize_mod.romanize("너를 사랑해 (Love you) 2024!")
        == "neoreul saranghae (Love you) 2024!"
    )
    assert romanize_mod.romanize("hello") == "hello"
    assert romanize_mod.romanize("") == ""


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("가힣각ㄱㅏㅣㄳ abc\n!"), max_size=20))
def test_romanize_never_raises(text: str) -> None:
    result = romanize_mod.romanize(text)
    assert isinstance(result, str)


# ------------------------------------------------------------------ gaps: tags, repeats


def test_song_annotations_in_brackets_stay_lyrics() -> None:
    text = "[ti:Song]\n[id:abc123]\n[00:01.00]first\n[Chorus: All]\n[00:05.00]second\n"
    lyrics = parse_lyrics(text)
    assert dict(lyrics.tags) == {"ti": "Song", "id": "abc123"}
    assert texts(lyrics) == [(1000, ("first", "[Chorus: All]")), (5000, ("second",))]
    # A capitalized annotation at the very top is text too, not a header tag.
    top = parse_lyrics("[Verse 1: Jimin]\n[Intro:]\n[00:02.00]a\n")
    assert texts(top) == [(0, ("[Verse 1: Jimin]", "[Intro:]")), (2000, ("a",))]
    assert parse_lyrics(top.to_lrc()) == top


def test_repeated_line_moves_word_stamps_to_each_copy() -> None:
    lyrics = parse_lyrics("[00:10.00][00:40.00]<00:10.00>사랑 <00:10.50>해<00:11.00>\n")
    first, second = (g.lines[0].words for g in lyrics.groups)
    assert [w.time_ms for w in first] == [10_000, 10_500, 11_000]
    assert [w.time_ms for w in second] == [40_000, 40_500, 41_000]
    # Stamps written against the later copy are moved back for the earlier one.
    late = parse_lyrics("[00:10.00][00:40.00]<00:40.00>a <00:40.50>b\n")
    assert [w.time_ms for w in late.groups[0].lines[0].words] == [10_000, 10_500]
    assert parse_lyrics(lyrics.to_lrc()) == lyrics


# ------------------------------------------------------------ dialects in the wild
# Each test is named for the tool or site whose files show the rule.


def lines_of(lyrics: Lyrics) -> list[tuple[int | None, str, int | None]]:
    return [(g.time_ms, line.text, line.end_ms) for g in lyrics.groups for line in g.lines]


def test_netease_offset_in_front_of_the_stamps() -> None:
    lyrics = parse_lyrics("[offset:+250][00:01.50]first\n[00:03.00]second\n")
    assert lines_of(lyrics) == [(1500, "first", None), (3000, "second", None)]
    assert lyrics.offset_ms == 250
    assert lyrics.effective_time(0) == 1250  # a positive offset shows lines earlier


def test_offset_at_the_end_of_the_file_still_counts() -> None:
    lyrics = parse_lyrics("[00:01.00]a\n[00:02.00]b\n[offset:-300]\n")
    assert lyrics.offset_ms == -300 and lyrics.line_count == 2


def test_foobar2000_eslyric_inline_word_stamps() -> None:
    lyrics = parse_lyrics("[00:20.00]Hello[00:21.30] world[00:22.10]\n")
    (line,) = lyrics.groups[0].lines
    assert line.text == "Hello world"
    assert line.words == (Word(20_000, "Hello"), Word(21_300, " world"), Word(22_100, ""))
    assert line.end_ms == 22_100


def test_walaoke_a2_angle_word_stamps_mid_line() -> None:
    (line,) = parse_lyrics("[00:30.00]word <00:31.20> word\n").groups[0].lines
    assert line.text == "word word"
    assert [w.time_ms for w in line.words] == [30_000, 31_200]
    assert line.end_ms is None


def test_walaoke_a2_singer_marks_are_not_shown() -> None:
    lyrics = parse_lyrics("[00:01.00]M: he sings\n[00:02.00]F: she sings\n[00:03.00]D: both\n")
    assert [t for _, t, _ in lines_of(lyrics)] == ["he sings", "she sings", "both"]


def test_eslyric_trailing_end_stamp_sets_the_end() -> None:
    lyrics = parse_lyrics("[01:02.00]text[01:06.40]\n[01:10.00]next\n")
    assert lines_of(lyrics) == [(62_000, "text", 66_400), (70_000, "next", None)]
    assert parse_lyrics(lyrics.to_lrc()) == lyrics


def test_end_stamp_follows_each_copy_of_a_repeated_line() -> None:
    lyrics = parse_lyrics("[00:10.00][00:40.00]chorus[00:15.00]\n")
    assert lines_of(lyrics) == [(10_000, "chorus", 15_000), (40_000, "chorus", 45_000)]


def test_an_end_before_the_start_is_no_end() -> None:
    assert lines_of(parse_lyrics("[00:10.00]x[00:05.00]")) == [(10_000, "x", None)]


def test_old_windows_tools_title_with_a_trailing_zero_stamp() -> None:
    lyrics = parse_lyrics("Spring Day[00:00:00]\n[ti:Spring Day]\n[00:05.00]first line\n")
    assert lines_of(lyrics) == [(5000, "first line", None)]


@pytest.mark.parametrize(
    ("stamp", "ms"),
    [
        ("[0:07.4]", 7_400),  # 1 digit
        ("[0:07.4567]", 7_457),  # 4 digits, rounded
        ("[00:07.45678]", 7_457),  # 5 digits
        ("[00:07.456789]", 7_457),  # 6 digits
        ("[7:07.00]", 427_000),  # no leading zero
        ("[1:02:03.45]", 3_723_450),  # hours
        ("[12.50]", 12_500),  # seconds only
        ("[ 00:12.00 ]", 12_000),  # spaces inside
    ],
)
def test_karaoke_exporters_stamp_forms(stamp: str, ms: int) -> None:
    assert texts(parse_lyrics(f"{stamp}hello")) == [(ms, ("hello",))]


@pytest.mark.parametrize("bad", ["[9999:00]", "[25:00:00.00]", "[1:60:00.00]", "[00:60.00]", "[2]"])
def test_times_past_a_day_or_out_of_range_are_text(bad: str) -> None:
    lyrics = parse_lyrics(f"[00:01.00]first\n{bad}text\n")
    assert texts(lyrics) == [(1000, ("first", f"{bad}text"))]


def test_lyric_site_header_tags_are_read_and_hidden() -> None:
    text = (
        "[Encoding:windows-1252]\n[re:LRC Editor]\n[ve:1.2]\n[#:made by hand]\n[kana:1き1く]\n"
        "[tool:x]\n[language:ko]\n[id:$00000000]\n[hash:ab12]\n[sign:s]\n[qq:1]\n[total:200]\n"
        "[Title:Spring]\n[lr:someone]\n[00:01.00]line\n"
    )
    lyrics = parse_lyrics(text)
    assert lines_of(lyrics) == [(1000, "line", None)]
    for key in ("encoding", "re", "ve", "#", "kana", "tool", "language", "id", "hash", "sign"):
        assert key in lyrics.tags
    assert lyrics.tags["title"] == "Spring" and lyrics.tags["lr"] == "someone"
    assert parse_lyrics(lyrics.to_lrc()) == lyrics


def test_genius_style_section_labels_stay_text() -> None:
    text = "[00:01.00]a\n[Chorus]\n[Verse 2]\n[Hook: Jimin]\n[Chorus: All]\n[00:02.00]b\n"
    lyrics = parse_lyrics(text)
    assert texts(lyrics) == [
        (1000, ("a", "[Chorus]", "[Verse 2]", "[Hook: Jimin]", "[Chorus: All]")),
        (2000, ("b",)),
    ]


def test_lrc_generator_comment_lines_are_hidden() -> None:
    text = "# Generated by LRC maker\n// synced by hand\n[00:01.00]a\n# note\n[00:02.00]b\n"
    assert texts(parse_lyrics(text)) == [(1000, ("a",)), (2000, ("b",))]


def test_plain_text_comments_only_above_the_lyrics() -> None:
    lyrics = parse_lyrics("// from a fan site\n\n#1 in my heart\nsecond line\n")
    assert texts(lyrics) == [(None, ("#1 in my heart",)), (None, ("second line",))]


def test_lyric_site_title_artist_line_above_the_stamps_is_hidden() -> None:
    text = "봄날 - 방탄소년단\n[ti:봄날]\n[ar:방탄소년단]\n[00:01.00]보고 싶다\n"
    assert texts(parse_lyrics(text)) == [(1000, ("보고 싶다",))]
    # A line above the stamps that is not the title stays (at 0 ms), as before.
    other = parse_lyrics("Lyrics: Kim\n[ti:봄날]\n[00:01.00]보고 싶다\n")
    assert texts(other)[0] == (0, ("Lyrics: Kim",))


def test_untimed_translation_lines_stay_with_their_line() -> None:
    lyrics = parse_lyrics("[00:01.00]보고 싶다\nI miss you\n\n[00:04.00]사랑해\nI love you\n")
    assert texts(lyrics) == [(1000, ("보고 싶다", "I miss you")), (4000, ("사랑해", "I love you"))]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_windows_mac_and_unix_line_ends(newline: str) -> None:
    text = newline.join(["[ti:x]", "[00:01.00]a", "[00:02.00]b", ""])
    assert texts(parse_lyrics(text)) == [(1000, ("a",)), (2000, ("b",))]


def test_stamps_inside_a_plain_file_are_not_shown() -> None:
    lyrics = parse_lyrics("first<00:03.00> line\nsecond[00:09.00]\n")
    assert not lyrics.synced
    assert lyrics.plain_text() == "first line\nsecond"


def test_line_end_defaults_to_none_and_tap_sync_lines_still_build() -> None:
    assert LyricLine("x") == LyricLine("x", (), None)
    assert LyricLine("x", (Word(0, "x"),)).end_ms is None


_wild_piece = st.one_of(
    _piece,
    st.sampled_from(
        [
            "[offset:+250]",
            "[12.50]",
            "[1:02:03.45]",
            "[9999:00]",
            "[0:07.4567]",
            "<00:01.123456>",
            "# c",
            "//",
            "M: ",
            "[Chorus]",
            "[Hook: Jimin]",
            "[Encoding:cp949]",
            "[kana:1き]",
            "[00:00:00]",
            " - ",
        ]
    ),
)
_wild_line = st.builds(
    lambda stamps, body: "".join(f"[{s}]" for s in stamps) + "".join(body),
    st.lists(st.sampled_from(["00:01.00", "00:02", "12.5", "0:00:03.25", "00:75"]), max_size=3),
    st.lists(_wild_piece.filter(lambda p: "\n" not in p and "\r" not in p), max_size=5),
)


@settings(
    max_examples=int(os.environ.get("OSTPLAYER_HYPOTHESIS_EXAMPLES", "200")),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
@given(st.lists(_wild_line, max_size=12).map("\n".join))
def test_wild_dialects_parse_sorted_and_round_trip(text: str) -> None:
    lyrics = parse_lyrics(text)
    if lyrics.synced:
        times = [g.time_ms for g in lyrics.groups]
        assert times == sorted(set(times))
        for group in lyrics.groups:
            for line in group.lines:
                assert line.end_ms is None or line.end_ms > group.time_ms
        assert parse_lyrics(lyrics.to_lrc()) == lyrics
