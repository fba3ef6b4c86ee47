"""Comparison forms of Korean (and any) text: folded, jamo, initial consonants, sound.

Tags come from many tools: macOS file names arrive decomposed (NFD), some Windows taggers write
full-width letters, sites disagree on brackets and quotes. Everything that compares names goes
through these forms so that such differences never decide a match. They are built from
translation tables made once at import, because the search index and the scanner call them for
every title and name of a 100,000-song library.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .romanize import has_hangul

__all__ = [
    "compact",
    "fold",
    "initials",
    "is_initials_query",
    "jamo",
    "script_of",
    "sound_key",
]

_SYLLABLE_FIRST = 0xAC00
_SYLLABLE_COUNT = 11172
# Compatibility jamo (the ones a keyboard types), in the order of the syllable formula.
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONGSEONG = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")


def _syllable_tables() -> tuple[dict[int, str], dict[int, str]]:
    to_jamo: dict[int, str] = {}
    to_initial: dict[int, str] = {}
    for index in range(_SYLLABLE_COUNT):
        lead, rest = divmod(index, 21 * 28)
        vowel, tail = divmod(rest, 28)
        code = _SYLLABLE_FIRST + index
        to_jamo[code] = _CHOSEONG[lead] + _JUNGSEONG[vowel] + _JONGSEONG[tail]
        to_initial[code] = _CHOSEONG[lead]
    return to_jamo, to_initial


_TO_JAMO, _TO_INITIAL = _syllable_tables()
_INITIAL_CONSONANTS = frozenset(_CHOSEONG)

# NFKC turns the compatibility jamo people type (ㄱ, ㅎ) into conjoining jamo (U+1100…), which
# render alike but compare unequal; lone jamo are put back as the compatibility ones.
_CONJOINING_TO_COMPAT = {
    ord(unicodedata.normalize("NFKC", chr(c))): chr(c)
    for c in range(0x3131, 0x318F)
    if len(unicodedata.normalize("NFKC", chr(c))) == 1
}
_HAS_CONJOINING = re.compile(r"[\u1100-\u11ff]")

# Every ASCII character that is not a letter or digit separates words; apostrophes join
# ("It's" is "its", as in search). Beyond ASCII the regex below does the same for any
# punctuation or symbol: brackets 「」《》【】, quotes “”, dots · ・, dashes – —, tildes ～.
_ASCII_FOLD = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()} | {"'": None})
_APOSTROPHES = str.maketrans({"’": None, "‘": None, "ʼ": None, "`": None, "´": None})
_NON_WORD = re.compile(r"[\W_]+")
_SYLLABLES_AND_ASCII = re.compile(r"[\x00-\x7f\uac00-\ud7a3]*")
_LATIN_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The comparison form: NFKC, case-folded, punctuation and brackets as single spaces.

    ``fold("시작 (Start Over)") == "시작 start over"``; NFD and full-width input fold equal to
    their composed, half-width forms; accents on Latin letters are dropped ("Beyoncé").
    """
    if text.isascii() or _SYLLABLES_AND_ASCII.fullmatch(text):
        # Composed syllables and ASCII are already in NFKC: most names take this path.
        return " ".join(text.translate(_ASCII_FOLD).lower().split())
    text = unicodedata.normalize("NFKC", text)
    if _HAS_CONJOINING.search(text):
        text = text.translate(_CONJOINING_TO_COMPAT)
    if _LATIN_ACCENTED.search(text):
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
        )
    text = text.translate(_APOSTROPHES).replace("'", "").casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=1 << 16)  # names repeat across a library: artists, albums, dramas
def compact(text: str) -> str:
    """``fold`` without spaces: the key under which names are indexed ("이태원클라쓰")."""
    return fold(text).replace(" ", "")


def jamo(text: str) -> str:
    """Hangul syllables spelled out in compatibility jamo, everything else unchanged.

    ``jamo("시작") == "ㅅㅣㅈㅏㄱ"``: a typo in one letter (시잭) then costs one jamo, not a
    whole syllable, when two names are scored. The input is composed first (NFD → NFC).
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_TO_JAMO)


def initials(text: str) -> str:
    """The initial consonant of each syllable; spaces and non-Hangul characters are kept.

    ``initials("이태원 클라쓰") == "ㅇㅌㅇ ㅋㄹㅆ"``; double consonants (ㄲ ㄸ ㅃ ㅆ ㅉ) stay double.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_TO_INITIAL)


def is_initials_query(text: str) -> bool:
    """True for text made only of initial consonants and spaces ("ㅇㅌㅇ", "ㄱ ㅎ")."""
    if not text:
        return False
    stripped = text.replace(" ", "")
    if stripped and all(c in _INITIAL_CONSONANTS for c in stripped):
        return True
    # Conjoining or full-width forms of the same letters, as some input methods send them.
    text = unicodedata.normalize("NFKC", text).translate(_CONJOINING_TO_COMPAT)
    stripped = text.replace(" ", "")
    return bool(stripped) and all(c in _INITIAL_CONSONANTS for c in stripped)


@lru_cache(maxsize=1 << 16)
def script_of(text: str) -> str:
    """ "hangul", "latin", "cjk" (Han or kana), "mixed" or "" (no letters): which alphabet a
    spelling is in, to tell "시작 (Start Over)" (two spellings) from "Love (Story)" (one)."""
    hangul = has_hangul(text)
    latin = _LATIN.search(text) is not None
    cjk = _CJK.search(text) is not None
    if hangul + latin + cjk > 1:
        # Hangul with a Latin word or two ("이태원 Class") is still a Hangul spelling.
        return "hangul" if hangul and not cjk else "mixed"
    return "hangul" if hangul else "latin" if latin else "cjk" if cjk else ""


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Spellings that sound alike are written alike here: a Hangul name and the English spelling
# its owner uses (가호/Gaho, 기현/Kihyun, 정세운/Jeong Se-woon, 박서준/Park Seo-joon). Hangul is
# read straight from its jamo (no romanizer: syllable boundaries matter, "세운" is se-un, not
# the "seun" a romanizer prints), Latin through digraphs then letter classes.
_LEAD_SOUND = (
    "k",
    "k",
    "n",
    "t",
    "t",
    "l",
    "m",
    "p",
    "p",
    "s",
    "s",
    "",
    "j",
    "j",
    "j",
    "k",
    "t",
    "p",
    "h",
)
# 으 is mostly the vowel Korean adds to loanwords (클라쓰 keul-la-sseu = Class): it is dropped.
_VOWEL_SOUND = tuple("" if v == "ㅡ" else "a" for v in _JUNGSEONG)
_TAIL_SOUND = (
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "nk",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
)
# Surnames whose English spelling is far from their sound: 이 is "Lee", 임 "Lim", 노 "Roh".
_SURNAMES = {"lee": "i", "yi": "i", "rhee": "i", "lim": "im", "rim": "im", "roh": "no", "ryu": "yu"}
_SOUND_DIGRAPHS = (
    ("eu", ""),  # the same loanword vowel, as romanized ("Seungkwan" is 승관)
    ("tch", "j"),
    ("ch", "j"),
    ("sh", "s"),
    ("ph", "p"),
    ("th", "t"),
    ("ck", "k"),
    ("x", "ks"),
)


def _sound_table() -> dict[int, str]:
    table = {ord(a): b for a, b in zip("gqcbfvdrzeiouyw", "kkkppptljaaaaaa", strict=True)}
    for index in range(_SYLLABLE_COUNT):
        lead, rest = divmod(index, 21 * 28)
        vowel, tail = divmod(rest, 28)
        table[_SYLLABLE_FIRST + index] = _LEAD_SOUND[lead] + _VOWEL_SOUND[vowel] + _TAIL_SOUND[tail]
    return table


_SOUND_LETTERS = _sound_table()
_R_BEFORE_CONSONANT = re.compile(r"r(?=[^aeiouyw]|$)")
_REPEATS = re.compile(r"(.)\1+")
_NOT_SOUND = re.compile(r"[^a-z]+")


@lru_cache(maxsize=1 << 16)
def sound_key(text: str) -> str:
    """A rough sound of a name in Latin letters, for Hangul and Latin spellings alike.

    Consonants are folded into classes (g/k, b/p/v/f, d/t, r/l, j/ch/z) and every vowel run
    becomes one "a", so ``sound_key("정세운") == sound_key("Jeong Se-woon")``. Lossy on purpose:
    it is evidence that two spellings may be one name, scored with a ratio, never an identity.
    "" when the text has neither Latin letters nor Hangul syllables.
    """
    folded = fold(text)
    words = folded.split()
    if len(words) > 1:  # a surname only where there is a given name beside it
        words = [_SURNAMES.get(w, w) for w in words]
    folded = "".join(words)
    folded = _R_BEFORE_CONSONANT.sub("", folded)  # "Park" is 박 (bak): an English r is silent
    for pattern, replacement in _SOUND_DIGRAPHS:
        if pattern in folded:
            folded = folded.replace(pattern, replacement)
    return _REPEATS.sub(r"\1", _NOT_SOUND.sub("", folded.translate(_SOUND_LETTERS)))
