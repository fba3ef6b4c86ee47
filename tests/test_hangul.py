"""Comparison forms of names: what makes two spellings of one name compare equal, and what
keeps two different names apart."""

from __future__ import annotations

import unicodedata

import pytest

from ostplayer.domain.hangul import (
    compact,
    fold,
    initials,
    is_initials_query,
    jamo,
    script_of,
    sound_key,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (as one tool wrote it, as another did): the same name, which must fold equal.
SAME_WHEN_FOLDED = [
    (nfd("시작"), "시작"),  # macOS file names are decomposed
    (nfd("이태원 클라쓰 OST"), "이태원 클라쓰 OST"),
    ("ＯＳＴ Ｐａｒｔ．２", "OST Part.2"),  # full-width, from an old Windows tagger
    ("START OVER", "Start Over"),
    ("It’s You", "It's You"),  # curly apostrophe from a music site
    ("It's You", "Its You"),
    ("시작 (Start Over)", "시작 [Start Over]"),
    ("「시작」", "시작"),
    ("Beyoncé", "Beyonce"),
    ("Jeong  Se-woon", "Jeong Se woon"),
    ("손디아·Sondia", "손디아 Sondia"),
]


@pytest.mark.parametrize(("one", "other"), SAME_WHEN_FOLDED)
def test_spellings_that_differ_only_in_form_fold_equal(one: str, other: str) -> None:
    assert fold(one) == fold(other)


def test_fold_keeps_words_apart_and_compact_joins_them() -> None:
    assert fold("이태원 클라쓰 (Itaewon Class)") == "이태원 클라쓰 itaewon class"
    assert compact("이태원  클라쓰") == compact("이태원클라쓰") == "이태원클라쓰"
    assert compact("What’s Wrong with Secretary Kim") == "whatswrongwithsecretarykim"


def test_typed_jamo_survive_full_width_folding() -> None:
    # NFKC alone would turn the typed ㄱ into a conjoining jamo that looks the same.
    assert fold("ㄱㅎ") == "ㄱㅎ"
    assert fold("ＡＢＣ ㅇㅌㅇ") == "abc ㅇㅌㅇ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("시작", "ㅅㅣㅈㅏㄱ"),
        ("시잭", "ㅅㅣㅈㅐㄱ"),
        ("닭", "ㄷㅏㄺ"),  # a double final stays one letter
        ("가호 Gaho", "ㄱㅏㅎㅗ Gaho"),
        (nfd("시작"), "ㅅㅣㅈㅏㄱ"),
    ],
)
def test_jamo_spells_syllables_out(text: str, expected: str) -> None:
    assert jamo(text) == expected


def test_a_one_letter_typo_costs_one_jamo_not_a_syllable() -> None:
    typo = sum(a != b for a, b in zip(jamo("시작"), jamo("시잭"), strict=True))
    assert typo == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("가호", "ㄱㅎ"),
        ("이태원 클라쓰", "ㅇㅌㅇ ㅋㄹㅆ"),
        ("까치", "ㄲㅊ"),
        ("떡볶이", "ㄸㅂㅇ"),
        ("빠른 쓰기 짜장", "ㅃㄹ ㅆㄱ ㅉㅈ"),
        ("BTS 방탄소년단", "BTS ㅂㅌㅅㄴㄷ"),
        (nfd("나의 아저씨"), "ㄴㅇ ㅇㅈㅆ"),
        ("", ""),
    ],
)
def test_initials(text: str, expected: str) -> None:
    assert initials(text) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ㅇㅌㅇ", True),
        ("ㅇㅌㅇ ㅋㄹㅆ", True),
        ("ㄲㅊ", True),
        ("\u1100\u1112", True),  # conjoining jamo, as some input methods send them
        ("이태원", False),
        ("ㅇ원", False),
        ("ㅏㅓ", False),  # vowels are not initials
        ("abc", False),
        ("", False),
        ("   ", False),
    ],
)
def test_is_initials_query(query: str, expected: bool) -> None:
    assert is_initials_query(query) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("시작", "hangul"),
        ("Start Over", "latin"),
        ("이태원 Class", "hangul"),
        ("梨泰院Class", "mixed"),
        ("梨泰院", "cjk"),
        ("1988", ""),
    ],
)
def test_script_of(text: str, expected: str) -> None:
    assert script_of(text) == expected


# A Hangul name and the English spelling its owner uses (from Melon and Spotify credits).
SAME_SOUND = [
    ("가호", "Gaho"),
    ("손디아", "Sondia"),
    ("시작", "Sijak"),
    ("이태원 클라쓰", "Itaewon Class"),
    ("기현", "Kihyun"),
    ("정세운", "Jeong Se-woon"),
    ("박서준", "Park Seo-joon"),
    ("몬스타엑스", "Monsta X"),
    ("서은광", "Seo Eun-kwang"),
    ("임현식", "Lim Hyun-sik"),
    ("육성재", "Yook Sung-jae"),
    ("화랑", "Hwarang"),
    ("레드벨벳", "Red Velvet"),
    ("웬디", "Wendy"),
    ("김필", "Kim Feel"),
    ("하현우", "Ha Hyun-woo"),
    ("윤미래", "Yoon Mi-rae"),
    ("백예린", "Baek Yerin"),
    ("이하이", "Lee Hi"),
    ("악뮤", "AKMU"),
    ("국카스텐", "Guckkasten"),
    ("승관", "Seungkwan"),
]


@pytest.mark.parametrize(("hangul", "latin"), SAME_SOUND)
def test_a_name_sounds_the_same_in_both_alphabets(hangul: str, latin: str) -> None:
    assert sound_key(hangul) == sound_key(latin)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("시작", "Start Over"),  # a translation, not a spelling
        ("나의 아저씨", "My Mister"),
        ("가호", "Gummy"),
        ("승관", "SEVENTEEN"),
        ("도깨비", "Goblin"),
    ],
)
def test_different_names_sound_different(one: str, other: str) -> None:
    assert sound_key(one) != sound_key(other)


def test_comparison_forms_of_many_distinct_names_stay_distinct() -> None:
    # Speed is measured by benchmarks/bench_search_view.py (the index builds these forms).
    names = [f"이태원 클라쓰 {i} Itaewon Class 시작 가호" for i in range(2_000)]
    assert len({jamo(name) for name in names}) == len(names)
    assert {initials(name).split()[0] for name in names} == {"ㅇㅌㅇ"}
