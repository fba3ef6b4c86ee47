"""Encoding detection of lyrics files: right when it can be, and saying so when it guesses.

The texts are short lyric-like lines (our own words, or public-domain poems and songs), encoded
the way the files users find are: Korean sites in CP949, Chinese ones in GBK or Big5, Japanese
players in Shift-JIS or EUC-JP, Western tools in Windows-1252 or Latin-1.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostplayer.domain.legacy_text import looks_korean, repair_latin1_mojibake
from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.domain.lyrics_encoding import (
    ENCODING_CHOICES,
    LOW_CONFIDENCE,
    DecodedText,
    decode_lyrics,
    decode_lyrics_bytes,
    lookup_codec,
)

KOREAN = (
    "[00:01.00]아리랑 아리랑 아라리요\n[00:05.00]아리랑 고개로 넘어간다\n"
    "[00:09.00]나를 버리고 가시는 님은\n[00:13.00]십리도 못 가서 발병 난다\n"
)
KOREAN_LRC = """[ti:너를 사랑해]
[ar:아이유]
[00:01.00]너를 사랑해
[00:01.00]neoreul saranghae
[00:01.00]I love you
[00:05.50]오늘도 그리워
"""
SIMPLIFIED = (
    "[00:01.00]床前明月光\n[00:04.00]疑是地上霜\n[00:07.00]举头望明月\n[00:10.00]低头思故乡\n"
)
TRADITIONAL = (
    "[00:01.00]床前明月光\n[00:04.00]疑是地上霜\n[00:07.00]舉頭望明月\n[00:10.00]低頭思故鄉\n"
)
JAPANESE = (
    "[00:01.00]春の小川は さらさら行くよ\n[00:05.00]岸のすみれや れんげの花に\n"
    "[00:09.00]すがたやさしく 色うつくしく\n"
)
FRENCH = (
    "[00:01.00]Au clair de la lune, mon ami Pierrot\n"
    "[00:05.00]Prête-moi ta plume pour écrire un mot\n"
    "[00:09.00]Ma chandelle est morte, je n’ai plus de feu\n"
    "[00:13.00]Ouvre-moi ta porte, pour l’amour de Dieu — à bientôt, mon cœur\n"
)

SAMPLES = [
    (KOREAN, "cp949", "CP949"),
    (KOREAN, "euc-kr", "CP949"),
    (SIMPLIFIED, "gbk", "GBK"),
    (SIMPLIFIED, "gb2312", "GBK"),
    (TRADITIONAL, "big5", "Big5"),
    (JAPANESE, "shift_jis", "Shift-JIS"),
    (JAPANESE, "euc_jp", "EUC-JP"),
    (FRENCH, "cp1252", "Windows-1252"),
]


@pytest.mark.parametrize(("text", "codec", "name"), SAMPLES)
def test_legacy_files_are_read_right_and_confidently(text: str, codec: str, name: str) -> None:
    found = decode_lyrics(text.encode(codec))
    assert (found.text, found.encoding) == (text, name)
    assert found.confidence >= LOW_CONFIDENCE and not found.guessed
    assert found.warnings == ()


@pytest.mark.parametrize(("text", "codec", "name"), SAMPLES[2:])
def test_other_scripts_are_never_shown_as_hangul(text: str, codec: str, name: str) -> None:
    # The bug this detector replaces: GBK, Shift-JIS and Windows-1252 files shown as CP949.
    found = decode_lyrics(text.encode(codec))
    assert found.encoding != "CP949"
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in found.text)


def test_latin1_french_without_curly_quotes() -> None:
    text = FRENCH.replace("’", "'").replace("—", "-").replace("œ", "oe")
    found = decode_lyrics(text.encode("latin-1"))
    assert found.text == text and found.encoding == "Windows-1252"  # the same text for these bytes


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-8-sig", "UTF-8"),
        ("utf-16", "UTF-16-LE"),
        ("utf-16-be", "UTF-16-BE"),
        ("utf-32", "UTF-32-LE"),
    ],
)
def test_boms(codec: str, name: str) -> None:
    data = ("\ufeff" + KOREAN).encode(codec.replace("-sig", "")) if codec != "utf-8-sig" else None
    data = data or KOREAN.encode(codec)
    found = decode_lyrics(data)
    assert (found.text, found.encoding, found.confidence) == (KOREAN, name, 1.0)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_without_a_bom(codec: str) -> None:
    found = decode_lyrics(KOREAN.encode(codec))
    assert found.text == KOREAN and found.encoding == codec.upper()
    assert found.confidence >= 0.9


def test_utf8_and_ascii() -> None:
    assert decode_lyrics(KOREAN.encode()) == DecodedText(KOREAN, "UTF-8", 1.0)
    assert decode_lyrics(b"[00:01.00]la la la\n") == DecodedText(
        "[00:01.00]la la la\n", "UTF-8", 1.0
    )
    assert decode_lyrics(b"") == DecodedText("", "UTF-8", 1.0)


def test_a_short_guess_says_it_is_one() -> None:
    found = decode_lyrics("你好".encode("gbk"))  # as good Big5 (夾n) as GBK
    assert found.text == "你好"
    assert found.confidence < LOW_CONFIDENCE and found.guessed
    assert found.warnings == (
        "The encoding was guessed (GBK, low confidence); "
        "choose one in Encoding \u25b8 if the text looks wrong.",
    )


def test_one_accented_letter_inside_words_is_enough_for_western() -> None:
    for text in ("café", "Alles schläft; einsam wacht"):
        found = decode_lyrics(text.encode("latin-1"))
        assert (found.text, found.encoding, found.guessed) == (text, "Windows-1252", False)


@pytest.mark.parametrize(("text", "codec", "name"), SAMPLES[:1] + SAMPLES[2:3] + SAMPLES[5:6])
def test_one_damaged_byte_loses_only_that_spot(text: str, codec: str, name: str) -> None:
    data = text.encode(codec)
    cut = data.index(b"\n[00:05") if b"\n[00:05" in data else data.index(b"\n[00:04")
    # A lone lead byte before the line end: invalid in every double-byte codec (Shift-JIS reads
    # any single byte as some character, so only a broken pair is damage there).
    damaged = data[:cut] + b"\x88" + data[cut:]
    found = decode_lyrics(damaged)
    assert found.encoding == name
    assert found.text.count("\ufffd") == 1
    assert found.text.splitlines()[1:] == text.splitlines()[1:]  # the rest is intact
    assert any("\ufffd" in w for w in found.warnings)


def test_the_files_own_encoding_tag_is_honoured() -> None:
    text = "[encoding:big5]\n[00:01.00]愛\n"
    found = decode_lyrics(text.encode("big5"))
    assert (found.text, found.encoding) == (text, "Big5")
    # A wrong tag (UTF-8 named, CP949 bytes) is ignored.
    wrong = "[encoding:utf-8]\n" + KOREAN
    assert decode_lyrics(wrong.encode("cp949")).text == wrong


# ----------------------------------------------------------------- the Encoding menu


def test_the_menu_choices() -> None:
    # Automatic first, then every encoding the wild lyrics come in (the corpus' ones).
    assert ENCODING_CHOICES[0] == "Auto"
    assert {"UTF-8", "UTF-16", "CP949", "GBK", "Big5", "Shift-JIS", "Windows-1252"} <= set(
        ENCODING_CHOICES
    )
    for choice in ENCODING_CHOICES[1:]:
        assert lookup_codec(choice) is not None, choice


@pytest.mark.parametrize(("text", "codec", "name"), SAMPLES)
def test_a_forced_encoding_is_used_as_is(text: str, codec: str, name: str) -> None:
    data = text.encode(codec)
    for choice in ENCODING_CHOICES[1:]:
        forced = decode_lyrics(data, choice)
        assert forced.confidence == 1.0 and isinstance(forced.text, str)
    if name in ENCODING_CHOICES:
        assert decode_lyrics(data, name).text == text
    assert decode_lyrics(data, "Auto") == decode_lyrics(data)
    assert decode_lyrics(data, codec).text == text  # any Python codec name works too


def test_forced_utf16_follows_the_bytes_order() -> None:
    assert decode_lyrics(KOREAN.encode("utf-16-be"), "UTF-16").text == KOREAN
    assert decode_lyrics(KOREAN.encode("utf-16"), "UTF-16").text == KOREAN
    assert decode_lyrics(("\ufeff" + KOREAN).encode(), "UTF-8").text == KOREAN


def test_an_unknown_forced_encoding_falls_back_to_detection() -> None:
    found = decode_lyrics(KOREAN.encode("cp949"), "klingon-8")
    assert found.text == KOREAN and found.encoding == "CP949"
    assert "klingon-8" in found.warnings[0]


def test_decode_lyrics_bytes_is_the_text() -> None:
    assert decode_lyrics_bytes(SIMPLIFIED.encode("gbk")) == SIMPLIFIED


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.sampled_from((None, *ENCODING_CHOICES)))
def test_any_bytes_decode_with_a_confidence(data: bytes, encoding: str | None) -> None:
    found = decode_lyrics(data, encoding)
    assert isinstance(found.text, str)
    assert 0.0 <= found.confidence <= 1.0
    assert found.guessed == (found.confidence < LOW_CONFIDENCE)
    if found.guessed:
        assert any("guessed" in w for w in found.warnings)


# -------------------------------------------------------------- the Korean rule


@pytest.mark.parametrize(
    "text",
    ["어른", "시작", "빈센조", "너를 사랑해 오늘도 그리워", "동해 물과 백두산이 마르고 닳도록"],
)
def test_korean_reads_as_korean(text: str) -> None:
    assert looks_korean(text)


@pytest.mark.parametrize(
    ("text", "codec"),
    [(SIMPLIFIED, "gbk"), (TRADITIONAL, "big5"), (JAPANESE, "shift_jis"), (JAPANESE, "euc_jp")],
)
def test_other_scripts_read_as_cp949_do_not(text: str, codec: str) -> None:
    assert not looks_korean(text.encode(codec).decode("cp949", errors="replace"))


def test_latin1_mojibake_repair_uses_the_same_rule() -> None:
    assert repair_latin1_mojibake("어른".encode("cp949").decode("latin-1")) == "어른"
    assert repair_latin1_mojibake("Prête-moi ta plume") == "Prête-moi ta plume"
    chinese = "举头望明月".encode("gbk").decode("latin-1")
    assert repair_latin1_mojibake(chinese) == chinese  # GBK is not CP949


def test_a_utf8_mark_on_cp949_bytes_is_not_believed() -> None:
    # Some editors add the BOM when saving without converting the text.
    found = decode_lyrics(b"\xef\xbb\xbf" + KOREAN.encode("cp949"))
    assert (found.text, found.encoding) == (KOREAN, "CP949")
    assert "marked as UTF-8" in found.warnings[0]


# ------------------------------------------- moved from the parser tests: bytes in, lyrics out


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
