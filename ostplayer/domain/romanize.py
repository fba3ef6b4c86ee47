"""Romanization of the Korean in lyric lines, names and place names. Pure Python.

The default is the Revised Romanization of Korean (Ministry of Culture and Tourism notice
2000-8, as amended in 2014): the standard pronunciation, spelt with plain Latin letters
(:mod:`ostplayer.domain.romanize_rules` works the pronunciation out). Also offered: the
notice's own letter-for-letter transliteration (Chapter 3, Article 8) and the Yale system.

Only precomposed Hangul syllables are romanized, one word at a time (a run of syllables),
so sound changes never cross a space, and Latin text, digits, punctuation and spacing come
back untouched. Decomposed (NFD) Hangul is composed first, so it romanizes like NFC.
Compatibility jamo on their own, the emoticons of Korean text (ㅋㅋ, ㅠㅠ, ㅎㅎ), and old
Hangul that has no precomposed form are left as they are: they are not words, and
"kk" or "yuyu" under a lyric would read as noise.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from enum import Enum

from .romanize_rules import FINALS, INITIALS, VOWELS, decompose, neutralised, pronounce

__all__ = [
    "ROMANIZATION_AVAILABLE",
    "Scheme",
    "has_hangul",
    "romanize",
    "romanize_name",
    "romanize_place",
]

# Kept for callers written when romanization depended on an optional package.
ROMANIZATION_AVAILABLE: bool = True


class Scheme(Enum):
    """How Hangul is written in Latin letters."""

    REVISED = "revised"  # Revised Romanization: the pronunciation (the default)
    REVISED_TRANSLITERATION = "revised-transliteration"  # RR Article 8: letter for letter
    YALE = "yale"  # Martin's Yale system (modern Korean): letter for letter


_CONJOINING = "\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff"
# A syllable followed by a conjoining vowel or final is the start of an old-Hangul block
# (가 + ᇰ) that has no precomposed form: it is left alone with the rest of its block.
_SYLLABLE_RUN_RE = re.compile("(?:[\uac00-\ud7a3](?![\u1160-\u11ff\ud7b0-\ud7ff]))+")
_CONJOINING_RE = re.compile(f"[{_CONJOINING}]")
_COMPOSABLE_RUN_RE = re.compile(f"[\uac00-\ud7a3{_CONJOINING}]+")
# Syllables plus conjoining and compatibility jamo, for detection only.
_ANY_HANGUL_RE = re.compile(f"[\u3131-\u318e\uac00-\ud7a3{_CONJOINING}]")
_TRAILING_DIGITS_RE = re.compile(r"^(.*?)(\d+)$")


def _letters(jamo: str, spelt: str) -> dict[str, str]:
    """A letter table: the jamo in ``jamo`` against the space-separated ``spelt``."""
    return dict(zip(jamo, spelt.split(" "), strict=True))


# An empty spelling (two spaces) is the silent initial ㅇ.
_RR_INITIAL = _letters(INITIALS, "g kk n d tt r m b pp s ss  j jj ch k t p h")
_RR_VOWEL = _letters(VOWELS, "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
_RR_FINAL = {"": "", "ㄱ": "k", "ㄴ": "n", "ㄷ": "t", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p", "ㅇ": "ng"}

# Transliteration (RR Article 8): ㄱ ㄷ ㅂ ㄹ are always g d b l; a double final is its
# two letters (값 gabs).
_TR_CONSONANT = _letters(INITIALS, "g kk n d tt l m b pp s ss ng j jj ch k t p h")
_DOUBLE_FINALS = {
    "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ",
    "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ",
}  # fmt: skip

_YALE_CONSONANT = _letters(INITIALS, "k kk n t tt l m p pp s ss ng c cc ch kh th ph h")
_YALE_VOWEL = _letters(VOWELS, "a ay ya yay e ey ye yey o wa way oy yo wu we wey wi yu u uy i")
# Modern Korean has no ㅡ after ㅁ ㅂ ㅃ ㅍ, so Yale writes ㅜ there as plain u (물 mul).
_LABIALS = frozenset("ㅁㅂㅃㅍ")

# Two-syllable family names, so that 남궁민 splits as Namgung Min.
_DOUBLE_SURNAMES = frozenset(
    ("남궁", "황보", "제갈", "사공", "선우", "서문", "독고", "동방", "어금", "망절", "공손")
)


def _spelt_finals(consonants: dict[str, str]) -> dict[str, str]:
    return {
        final: "".join(consonants[c] for c in _DOUBLE_FINALS.get(final, final)) for final in FINALS
    }


_TR_FINAL = _spelt_finals(_TR_CONSONANT)
_YALE_FINAL = _spelt_finals(_YALE_CONSONANT)


def _syllable_strings(onsets: set[str], vowels: set[str], codas: set[str]) -> frozenset[str]:
    return frozenset(o + v + c for o in onsets for v in vowels for c in codas)


# Every Latin spelling a single syllable can have, to tell where a reader could cut a
# romanized word differently (the hyphen rules).
_RR_SYLLABLES = _syllable_strings(
    set(_RR_INITIAL.values()) | {"l"}, set(_RR_VOWEL.values()), set(_RR_FINAL.values())
)
_TR_SYLLABLES = _syllable_strings(
    {v for k, v in _TR_CONSONANT.items() if k != "ㅇ"} | {""},
    set(_RR_VOWEL.values()),
    set(_TR_FINAL.values()),
)


def has_hangul(text: str) -> bool:
    """Whether ``text`` contains any Hangul (syllables or jamo)."""
    return bool(_ANY_HANGUL_RE.search(text or ""))


def romanize(text: str, scheme: Scheme = Scheme.REVISED, *, hyphenate: bool = False) -> str:
    """Romanize the Hangul words in ``text``, keeping everything else as it is.

    Output is lower case (lyrics are not proper nouns). ``hyphenate`` puts a hyphen where
    the Revised Romanization could be read with a different syllable cut (RR Chapter 3,
    Article 2: 중앙 jung-ang, 해운대 hae-undae); the transliteration always marks its
    syllable cuts as Article 8 requires, and Yale never does. Never raises on any string.
    """
    if not isinstance(text, str) or not text:
        return ""
    render = _RENDERERS[Scheme(scheme)]
    return _SYLLABLE_RUN_RE.sub(lambda m: render(m.group(), hyphenate), _compose(text))


def romanize_name(text: str, *, hyphenate: bool = False) -> str:
    """A person's name in Revised Romanization: family name, space, given name.

    RR Chapter 3, Article 4: no sound changes between the syllables of a given name
    (한복남 Han Boknam, not Han Bongnam; with ``hyphenate``, Han Bok-nam). The family name is
    the first word when the name is spaced, else its first syllable (two for 남궁, 황보 and
    the other double family names); it is spelt by the same rules, since the notice left
    customary spellings such as Kim or Lee to a separate decision (Gim, I).
    """
    words = _compose(text).split() if isinstance(text, str) else []
    if not words:
        return ""
    if len(words) > 1:
        family, given = words[0], "".join(words[1:])
    else:
        size = 2 if len(words[0]) > 2 and words[0][:2] in _DOUBLE_SURNAMES else 1
        family, given = words[0][:size], words[0][size:]
    spelt = (_by_syllable(family, ""), _by_syllable(given, "-" if hyphenate else ""))
    return " ".join(_capitalised(p) for p in spelt if p)


def romanize_place(text: str, *, admin_unit: bool = False, drop_unit: bool = False) -> str:
    """A place name in Revised Romanization, each word capitalised (RR Chapter 3, Art. 3).

    With ``admin_unit`` the last syllable is an administrative unit (도 시 군 구 읍 면 리 동
    가 …): it is joined with a hyphen and no sound change crosses it (Article 5: 인왕리
    Inwang-ri, not Inwangni; 종로 2가 Jongno 2-ga). ``drop_unit`` leaves the unit out, which
    the notice allows for 시, 군 and 읍 (청주시 Cheongju).
    """
    words = _compose(text).split() if isinstance(text, str) else []
    unit = ""
    if admin_unit and words and _SYLLABLE_RUN_RE.fullmatch(words[-1][-1]):
        unit, words[-1] = words[-1][-1], words[-1][:-1]
        split = _TRAILING_DIGITS_RE.match(words[-1])
        if split and split.group(1):  # 봉천1동: Bongcheon 1-dong
            words[-1:] = [split.group(1), split.group(2)]
    out = " ".join(_capitalised(romanize(w)) for w in words if w)
    if unit and not drop_unit:
        spelt = _by_syllable(unit, "")
        out = f"{out}-{spelt}" if out else _capitalised(spelt)
    return out


def _compose(text: str) -> str:
    if not _CONJOINING_RE.search(text):
        return text
    return _COMPOSABLE_RUN_RE.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)


def _capitalised(word: str) -> str:
    """``word`` with its first letter in capitals ("(seoul)" -> "(Seoul)")."""
    for index, ch in enumerate(word):
        if ch.isalpha():
            return word[:index] + ch.upper() + word[index + 1 :]
    return word


def _by_syllable(text: str, separator: str) -> str:
    """Each syllable spelt on its own (no sound changes between them), as names are."""
    out: list[str] = []
    previous_final: str | None = None  # None: the previous character is not a syllable
    for ch in text:
        if not _SYLLABLE_RUN_RE.fullmatch(ch):
            out.append(ch)
            previous_final = None
            continue
        initial, vowel, final = decompose(ch)[0]
        final = neutralised(final, ch)
        if previous_final is not None:
            out.append(separator)
        # ㄹㄹ is spelt ll (RR Chapter 2, Article 2): a spelling rule, not a sound change.
        if initial == "ㄹ" and previous_final == "ㄹ" and not separator:
            onset = "l"
        else:
            onset = _RR_INITIAL[initial]
        out.append(onset + _RR_VOWEL[vowel] + _RR_FINAL[final])
        previous_final = final
    return "".join(out)


def _revised(word: str, hyphenate: bool) -> str:
    parts: list[tuple[str, str, str]] = []
    previous_final = ""
    for initial, vowel, final in pronounce(word):
        onset = "l" if initial == "ㄹ" and previous_final == "ㄹ" else _RR_INITIAL[initial]
        parts.append((onset, _RR_VOWEL[vowel], _RR_FINAL[final]))
        previous_final = final
    if not hyphenate:
        return "".join("".join(p) for p in parts)
    out = ["".join(parts[0])]
    for prev, cur in itertools.pairwise(parts):
        left, right = "".join(prev), "".join(cur)
        if _rr_cut_in_doubt(prev, cur) and _readable_otherwise(left, right, _RR_SYLLABLES, True):
            out.append("-")
        out.append(right)
    return "".join(out)


def _rr_cut_in_doubt(prev: tuple[str, str, str], cur: tuple[str, str, str]) -> bool:
    """Cuts Article 2 is about: vowel meeting vowel (se-un), n before g (ban-gu), ng before
    a vowel (jung-ang), and a doubled k, t or p that could be one tense consonant."""
    coda, onset = prev[2], cur[0]
    if not onset:
        return coda in ("", "ng")
    return (coda == "n" and onset.startswith("g")) or (
        coda in ("k", "t", "p") and onset.startswith(coda)
    )


def _readable_otherwise(
    left: str, right: str, syllables: frozenset[str], vowel_start: bool
) -> bool:
    """Whether ``left + right`` also reads as one syllable, or as two cut elsewhere.

    ``vowel_start`` says whether a second syllable may start with a vowel letter (not in
    the transliteration, where a silent ㅇ is always marked).
    """
    whole = left + right
    if whole in syllables:
        return True
    return any(
        whole[:cut] in syllables
        and whole[cut:] in syllables
        and (vowel_start or whole[cut] not in "aeiouwy")
        for cut in range(1, len(whole))
        if cut != len(left)
    )


def _transliterated(word: str, hyphenate: bool) -> str:
    out: list[str] = []
    previous = ""
    for index, (initial, vowel, final) in enumerate(decompose(word)):
        onset = "" if initial == "ㅇ" else _TR_CONSONANT[initial]
        syllable = onset + _RR_VOWEL[vowel] + _TR_FINAL[final]
        # A silent ㅇ inside a word, and any cut that could be read another way, take a
        # hyphen (물엿 mul-yeos, 없었습니다 eobs-eoss-seubnida).
        if index and (not onset or _readable_otherwise(previous, syllable, _TR_SYLLABLES, False)):
            out.append("-")
        out.append(syllable)
        previous = syllable
    return "".join(out)


def _yale(word: str, hyphenate: bool) -> str:
    out: list[str] = []
    for initial, vowel, final in decompose(word):
        onset = "" if initial == "ㅇ" else _YALE_CONSONANT[initial]
        nucleus = "u" if vowel == "ㅜ" and initial in _LABIALS else _YALE_VOWEL[vowel]
        out.append(onset + nucleus + _YALE_FINAL[final])
    return "".join(out)


_RENDERERS: dict[Scheme, Callable[[str, bool], str]] = {
    Scheme.REVISED: _revised,
    Scheme.REVISED_TRANSLITERATION: _transliterated,
    Scheme.YALE: _yale,
}
