"""Revised Romanization of Korean: the notice's own examples, the sound changes a reader of
lyrics hears, and lyric lines coming back readable (spacing, punctuation, English kept)."""

from __future__ import annotations

import ast
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostplayer.domain import romanize as romanize_module
from ostplayer.domain.romanize import (
    ROMANIZATION_AVAILABLE,
    Scheme,
    has_hangul,
    romanize,
    romanize_name,
    romanize_place,
)

sys.path.insert(0, str(Path(__file__).parent / "data" / "romanization"))
from romanization_examples import CHECKS, Example, matches, read_examples, romanized

EXAMPLES = read_examples()


# ------------------------------------------------------------------ the official examples


def test_the_examples_file_covers_every_article() -> None:
    assert len(EXAMPLES) >= 150
    assert {e.kind for e in EXAMPLES} == set(CHECKS)
    articles = {e.article.split()[0] for e in EXAMPLES}
    for article in ("2.1", "2.2", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1", "3.2", "3.3"):
        assert article in articles
    for article in ("3.4", "3.5", "3.6", "3.8"):
        assert article in articles


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.hangul}-{e.kind}" for e in EXAMPLES])
def test_official_example(example: Example) -> None:
    assert matches(example), (
        f"{example.hangul} ({example.article}): "
        f"got {romanized(example)!r}, the notice writes {example.expected!r}"
    )


def test_accuracy_on_the_official_examples_is_at_least_95_percent() -> None:
    wrong = [e.hangul for e in EXAMPLES if not matches(e)]
    accuracy = 1 - len(wrong) / len(EXAMPLES)
    assert accuracy >= 0.95, f"{accuracy:.1%}; wrong: {wrong}"


# ------------------------------------------------- sound changes beyond the notice's lists

# Everyday words of song lyrics, with the standard pronunciation (표준 발음법) each spelling
# follows. Grouped by the rule that decides it.
PRONOUNCED = [
    # liaison, double finals carried over, ㅎ silent before a vowel
    ("읽어", "ilgeo"), ("앉아", "anja"), ("닮아", "dalma"), ("핥아", "halta"),
    ("읊어", "eulpeo"), ("없어", "eopseo"), ("넋이", "neoksi"), ("값이", "gapsi"),
    ("닭이", "dalgi"), ("밝은", "balgeun"), ("젊은", "jeolmeun"), ("넓은", "neolbeun"),
    ("있어", "isseo"), ("밖에", "bakke"), ("부엌에", "bueoke"), ("옷을", "oseul"),
    ("꽃이", "kkochi"), ("끝에", "kkeute"), ("좋아", "joa"), ("놓아", "noa"),
    ("않아", "ana"), ("괜찮아", "gwaenchana"), ("많이", "mani"), ("싫어", "sireo"),
    ("강아지", "gangaji"), ("영원", "yeongwon"),
    # neutralisation of finals
    ("흙", "heuk"), ("삶", "sam"), ("여덟", "yeodeol"), ("없다", "eopda"),
    ("맑다", "makda"), ("앉다", "anda"), ("꽃", "kkot"), ("있잖아", "itjana"),
    ("읽고", "ilgo"), ("읽다", "ikda"), ("맑게", "malge"), ("닭고기", "dakgogi"),
    ("닭갈비", "dakgalbi"), ("흙과", "heukgwa"), ("짧은", "jjalbeun"), ("짧다", "jjalda"),
    # nasal assimilation
    ("있는", "inneun"), ("없는", "eomneun"), ("웃는", "unneun"), ("끝나", "kkeunna"),
    ("빛나는", "binnaneun"), ("읽는", "ingneun"), ("밟는", "bamneun"), ("옛날", "yennal"),
    ("콧물", "konmul"), ("앞날", "amnal"), ("국물", "gungmul"), ("작년", "jangnyeon"),
    ("십만", "simman"), ("입니다", "imnida"), ("감사합니다", "gamsahamnida"),
    ("독립", "dongnip"), ("협력", "hyeomnyeok"), ("대통령", "daetongnyeong"),
    ("심리", "simni"), ("강릉", "gangneung"),
    # lateralisation, and its Sino-Korean-suffix exception
    ("진리", "jilli"), ("원래", "wollae"), ("연락", "yeollak"), ("설날", "seollal"),
    ("칼날", "kallal"), ("뚫는", "ttulleun"), ("생산량", "saengsannyang"),
    ("결단력", "gyeoldannyeok"),
    # palatalisation
    ("밭이", "bachi"), ("끝이", "kkeuchi"), ("굳이", "guji"), ("닫혀", "dachyeo"),
    # ㅎ: aspiration in verbs and adjectives, h kept after nouns and sonorants
    ("그렇게", "geureoke"), ("어떻게", "eotteoke"), ("좋네", "jonne"), ("놓는", "nonneun"),
    ("싫다", "silta"), ("많다", "manta"), ("생각해", "saenggakae"),
    ("행복해", "haengbokae"), ("행복한", "haengbokan"), ("못해", "motae"),
    ("깨끗해", "kkaekkeutae"), ("잊혀", "ichyeo"), ("밝혀", "balkyeo"),
    ("넓혀", "neolpyeo"), ("앉혀", "anchyeo"), ("솔직히", "soljiki"),
    ("생각합니다", "saenggakamnida"), ("국화", "gukhwa"), ("백합", "baekhap"),
    ("급행", "geuphaeng"), ("북한산", "bukhansan"), ("박하사탕", "bakhasatang"),
    ("영원히", "yeongwonhi"), ("결혼", "gyeolhon"),
    ("전화", "jeonhwa"),
    # ㄴ insertion in compounds, and none before particles or in Sino-Korean words
    ("꽃잎", "kkonnip"), ("나뭇잎", "namunnip"), ("한여름", "hannyeoreum"),
    ("담요", "damnyo"), ("식용유", "sigyongnyu"), ("서울역", "seoullyeok"),
    ("솜이불", "somnibul"), ("스물여섯", "seumullyeoseot"), ("열여덟", "yeollyeodeol"),
    ("인연", "inyeon"), ("금요일", "geumyoil"), ("석유", "seogyu"), ("절약", "jeoryak"),
    ("월요일", "woryoil"), ("사랑이", "sarangi"), ("눈물이", "nunmuri"),
    # compounds whose second part is a word: the final is neutralised first
    ("맛없다", "madeopda"), ("겉옷", "geodot"), ("첫인상", "cheodinsang"),
    ("맛있다", "masitda"),
    # ㅢ is ui wherever it stands
    ("의사", "uisa"), ("희망", "huimang"), ("너의", "neoui"), ("사랑의", "sarangui"),
]  # fmt: skip


@pytest.mark.parametrize(("hangul", "expected"), PRONOUNCED, ids=[h for h, _ in PRONOUNCED])
def test_words_are_spelt_as_they_are_pronounced(hangul: str, expected: str) -> None:
    assert romanize(hangul) == expected


def test_given_names_keep_each_syllable_as_written() -> None:
    # As an ordinary word 홍빛나 would be said [홍빈나]; as a name it is not.
    assert romanize("홍빛나") == "hongbinna"
    assert romanize_name("홍빛나") == "Hong Bitna"
    assert romanize_name("한 복남") == "Han Boknam"  # spaced as some forms write it
    assert romanize_name("남궁민수") == "Namgung Minsu"  # two-syllable family name
    assert romanize_name("황보 혜정", hyphenate=True) == "Hwangbo Hye-jeong"
    assert romanize_name("김") == "Gim"
    assert romanize_name("") == ""


def test_place_names_are_capitalised_word_by_word() -> None:
    assert romanize_place("남한산성") == "Namhansanseong"
    assert romanize_place("종로 2가", admin_unit=True) == "Jongno 2-ga"
    assert romanize_place("도", admin_unit=True) == "Do"
    assert romanize_place("(서울)") == "(Seoul)"
    assert romanize_place("") == ""


# ------------------------------------------------------------------ lyric lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("너를 사랑해 (Love you) 2024!", "neoreul saranghae (Love you) 2024!"),
        ("Baby 보고 싶어 oh", "Baby bogo sipeo oh"),
        ("  그대여,  내 곁에…  ", "  geudaeyeo,  nae gyeote…  "),
        ("\t하늘 ~ 바다 ♡", "\thaneul ~ bada ♡"),
        ("「눈물」 — 'Rain'", "「nunmul」 — 'Rain'"),
        ("사랑love", "saranglove"),  # no space invented between the scripts
        ("ㅋㅋㅋ 진짜 ㅠㅠ", "ㅋㅋㅋ jinjja ㅠㅠ"),  # emoticon jamo are left as they are
        ("OST Part.2 - 시작", "OST Part.2 - sijak"),
        ("", ""),
        ("hello", "hello"),
    ],
)
def test_lyric_lines_keep_everything_but_the_hangul(line: str, expected: str) -> None:
    assert romanize(line) == expected


def test_sound_changes_stop_at_spaces_and_punctuation() -> None:
    assert romanize("밥먹어") == "bammeogeo"
    assert romanize("밥 먹어") == "bap meogeo"
    assert romanize("신라") == "silla"
    assert romanize("신 라") == "sin ra"
    assert romanize("꽃,이") == "kkot,i"


def test_output_is_lower_case_even_for_place_names() -> None:
    assert romanize("부산에서 서울까지") == "busaneseo seoulkkaji"


@pytest.mark.parametrize(
    "line",
    ["읽어 앉아 사랑해", "보고 싶다 I miss you", "꽃잎이 흩날리던 날", "ㅋㅋ 괜찮아", "해돋이"],
)
def test_decomposed_hangul_romanizes_like_composed(line: str) -> None:
    nfd = unicodedata.normalize("NFD", line)
    assert nfd != line
    assert romanize(nfd) == romanize(line)
    assert has_hangul(nfd)


def test_latin_combining_marks_are_left_decomposed() -> None:
    # Only Hangul is composed; the rest of the line is returned exactly as given.
    line = "cafe\u0301 사랑"
    assert romanize(line) == "cafe\u0301 sarang"


def test_old_hangul_without_a_precomposed_form_is_left_as_written() -> None:
    # Arae-a (ᆞ) and old finals (ᇰ) have no precomposed syllables: romanizing the modern
    # part of such a block alone would write a different word.
    assert romanize("\u1112\u119e\u11ab글") == "\u1112\u119e\u11abgeul"
    assert romanize("가\u11f0 사랑") == "가\u11f0 sarang"


def test_has_hangul() -> None:
    assert has_hangul("사랑 love")
    assert has_hangul("ㅠㅠ")
    assert has_hangul(unicodedata.normalize("NFD", "가"))
    assert not has_hangul("love 123")
    assert not has_hangul("")


def test_romanization_is_always_available() -> None:
    assert ROMANIZATION_AVAILABLE is True


# ------------------------------------------------------------------ the other schemes


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("서울", "sewul"),
        ("한글", "hankul"),
        ("사랑", "salang"),
        ("물", "mul"),  # ㅜ after a labial is plain u
        ("부산", "pusan"),
        ("의사", "uysa"),
        ("김치", "kimchi"),
        ("대학교", "tayhakkyo"),
        ("읽다", "ilkta"),
        ("값", "kaps"),
        ("좋다", "cohta"),
        ("꽃", "kkoch"),
        ("외국", "oykwuk"),
    ],
)
def test_yale(hangul: str, expected: str) -> None:
    assert romanize(hangul, Scheme.YALE) == expected


def test_transliteration_marks_silent_initials_and_ambiguous_cuts() -> None:
    tr = Scheme.REVISED_TRANSLITERATION
    assert romanize("아이", tr) == "a-i"
    assert romanize("옷소매", tr) == "os-somae"  # not o-ssomae
    assert romanize("사랑 love", tr) == "salang love"


def test_hyphen_only_where_the_cut_is_in_doubt() -> None:
    assert romanize("사랑해", hyphenate=True) == "saranghae"
    assert romanize("학여울", hyphenate=True) == "hangnyeoul"
    assert romanize("마음", hyphenate=True) == "ma-eum"  # else it reads as 매움
    assert romanize("부엌칼", hyphenate=True) == "bueok-kal"  # else kk, a tense ㄲ


def test_scheme_can_be_given_by_value() -> None:
    assert romanize("물", Scheme("yale")) == "mul"


# ------------------------------------------------------------------ robustness

HANGUL_ALPHABET = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # syllables
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),  # conjoining jamo
    st.characters(min_codepoint=0x3131, max_codepoint=0x318E),  # compatibility jamo
    st.characters(min_codepoint=0xA960, max_codepoint=0xA97F),
    st.characters(min_codepoint=0xD7B0, max_codepoint=0xD7FF),
    st.sampled_from(" \n\t.,!?~-()'\"…abcXYZ019\u0301\u302e"),
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=HANGUL_ALPHABET, max_size=30), st.sampled_from(list(Scheme)))
def test_no_exception_on_hangul_heavy_text(text: str, scheme: Scheme) -> None:
    for convert in (
        lambda t: romanize(t, scheme),
        lambda t: romanize(t, hyphenate=True),
        romanize_name,
        lambda t: romanize_place(t, admin_unit=True),
        lambda t: romanize(unicodedata.normalize("NFD", t), scheme),
    ):
        assert isinstance(convert(text), str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_no_exception_on_any_text_and_non_hangul_is_untouched(text: str) -> None:
    result = romanize(text)
    assert isinstance(result, str)
    if not re.search("[\uac00-\ud7a3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]", text):
        assert result == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1),
        min_size=1,
        max_size=5,
    )
)
def test_words_romanize_on_their_own(words: list[str]) -> None:
    line = " ".join(words)
    result = romanize(line)
    assert result == " ".join(romanize(w) for w in words)
    assert re.fullmatch("[a-z ]+", result)


def test_the_module_imports_only_the_standard_library() -> None:
    for module in ("romanize", "romanize_rules"):
        path = Path(romanize_module.__file__).with_name(f"{module}.py")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", (module, name)
