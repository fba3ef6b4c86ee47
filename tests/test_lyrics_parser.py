"""Tests for ostplayer.domain.lyrics (pure parser) and ostplayer.domain.romanize."""

from __future__ import annotations

import copy
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


# --------------------------------------------------------------------- encoding


def test_cp949_korean_lrc_bytes() -> None:
    data = KOREAN_LRC.encode("cp949")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert parse_lyrics(data) == parse_lyrics(KOREAN_LRC)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_encodings_with_and_without_bom(codec: str) -> None:
    # "utf-16"/"utf-32" write a BOM; the -le/-be variants do not.
    assert decode_lyrics_bytes(KOREAN_LRC.encode(codec)) == KOREAN_LRC
    assert parse_lyrics(KOREAN_LRC.encode(codec)) == parse_lyrics(KOREAN_LRC)


def test_decode_fallbacks() -> None:
    assert decode_lyrics_bytes(b"") == ""
    assert decode_lyrics_bytes("café".encode("latin-1")) == "café"
    assert decode_lyrics_bytes("\ufeffx".encode()) == "x"
    # Odd-length (truncated) UTF-16 still decodes.
    assert decode_lyrics_bytes("[00:01]사랑해".encode("utf-16-le") + b"\x00") == "[00:01]사랑해"


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


def test_romanize_without_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(romanize_mod, "Romanizer", None)
    assert romanize_mod.romanize("사랑") == ""


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("가힣각ㄱㅏㅣㄳ abc\n!"), max_size=20))
def test_romanize_never_raises(text: str) -> None:
    result = romanize_mod.romanize(text)
    assert isinstance(result, str)


# ------------------------------------------------------- gaps: tags, repeats, encodings


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


def test_stray_bytes_do_not_flip_the_encoding() -> None:
    korean = "[00:01.00]사랑해 너를\n[00:02.00]보고 싶다 오늘도\n" * 5
    # One byte of garbage in a CP949 file: CP949 still wins by far.
    data = korean.encode("cp949")
    assert decode_lyrics_bytes(data[:20] + b"\xff" + data[20:]).count("사랑해") == 5
    # One stray byte in a UTF-8 file must not turn it into CP949 mojibake.
    data = korean.encode("utf-8")
    decoded = decode_lyrics_bytes(data[:20] + b"\x80" + data[20:])
    assert decoded.count("보고 싶다") == 5 and decoded.count("\ufffd") == 1


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_even_for_mostly_hangul(codec: str) -> None:
    text = "가나다라 마바사\n가을 하늘 가득\n"  # few ASCII code units, 가 = U+AC00
    assert decode_lyrics_bytes(text.encode(codec)) == text


def test_binary_files_are_recognised() -> None:
    from ostplayer.domain.lyrics_encoding import MAX_LYRICS_BYTES, not_lyrics_reason

    assert not_lyrics_reason(b"ID3\x04\x00\x00\x00\x00\x00\x00rest") == "an MP3 audio file"
    assert not_lyrics_reason(b"\x89PNG\r\n\x1a\n\x00\x00") == "a PNG image"
    assert not_lyrics_reason(b"\x00\x01\x02\x03\xfe\x00\x00\x10") == "a binary file"
    assert not_lyrics_reason(b"FORM was the word\n") is None  # text that looks like magic
    assert not_lyrics_reason(KOREAN_LRC.encode("utf-16-le")) is None
    assert not_lyrics_reason(KOREAN_LRC.encode("utf-16")) is None
    assert not_lyrics_reason(KOREAN_LRC.encode("cp949")) is None
    too_big = not_lyrics_reason(b"x", size=MAX_LYRICS_BYTES + 1)
    assert too_big is not None and "too large" in too_big and "1 MB" in too_big
