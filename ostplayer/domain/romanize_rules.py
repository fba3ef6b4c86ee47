"""How a written Hangul word is pronounced, as far as Revised Romanization writes it.

Revised Romanization (Ministry of Culture and Tourism notice 2000-8) spells the standard
pronunciation, not the letters: 백마 is said [뱅마] and written Baengma. This module turns
the syllables of one word into the syllables that are pronounced, following the standard
pronunciation rules (표준 발음법) that the notice's Chapter 3, Article 1 names: liaison,
nasal assimilation, lateralisation, palatalisation, aspiration with ㅎ, ㄴ insertion and the
neutralisation of finals. Tensification is left out because the notice does not write it.

Sound changes stop at word boundaries (spaces), so callers pass one word at a time.

A few changes depend on what the word *is* (a compound, a noun, a Sino-Korean suffix),
which letters alone cannot tell. Those are decided here by small lists and by the
heuristics documented next to them, chosen so that lyric lines come out as a reader
would say them.
"""

from __future__ import annotations

__all__ = [
    "FINALS",
    "INITIALS",
    "VOWELS",
    "Jamo",
    "decompose",
    "neutralised",
    "pronounce",
]

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = (
    "", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
    "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
)  # fmt: skip

# One syllable as [initial, vowel, final]; a list so the rules can rewrite it in place.
Jamo = list[str]

_SYLLABLE_BASE = 0xAC00
_LAST_SYLLABLE = 0xD7A3

# The seven finals that can be pronounced, and what every written final becomes before a
# consonant or at the end of a word (standard pronunciation, articles 8-11).
_NEUTRAL = {
    "": "", "ㄱ": "ㄱ", "ㄲ": "ㄱ", "ㅋ": "ㄱ", "ㄳ": "ㄱ", "ㄺ": "ㄱ",
    "ㄴ": "ㄴ", "ㄵ": "ㄴ", "ㄶ": "ㄴ",
    "ㄷ": "ㄷ", "ㅅ": "ㄷ", "ㅆ": "ㄷ", "ㅈ": "ㄷ", "ㅊ": "ㄷ", "ㅌ": "ㄷ", "ㅎ": "ㄷ",
    "ㄹ": "ㄹ", "ㄼ": "ㄹ", "ㄽ": "ㄹ", "ㄾ": "ㄹ", "ㅀ": "ㄹ",
    "ㅁ": "ㅁ", "ㄻ": "ㅁ",
    "ㅂ": "ㅂ", "ㅍ": "ㅂ", "ㅄ": "ㅂ", "ㄿ": "ㅂ",
    "ㅇ": "ㅇ",
}  # fmt: skip

# Double finals before a vowel: the first letter stays, the second starts the next syllable
# (읽어 [일거], 앉아 [안자], 없어 [업서]).
_SPLIT = {
    "ㄳ": ("ㄱ", "ㅅ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄺ": ("ㄹ", "ㄱ"), "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"), "ㄽ": ("ㄹ", "ㅅ"), "ㄾ": ("ㄹ", "ㅌ"), "ㄿ": ("ㄹ", "ㅍ"),
    "ㅄ": ("ㅂ", "ㅅ"),
}  # fmt: skip

# Finals holding ㅎ and what is left of them once the ㅎ is gone (좋아 [조아], 않아 [아나]).
_WITHOUT_H = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}

# A final followed by ㅎ: (what stays in the first syllable, the plain stop that merges
# with ㅎ into an aspirate). ㅅ, ㅆ, ㅊ, ㅌ are [ㄷ] first (standard pronunciation, art. 12).
_BEFORE_H = {
    "ㄱ": ("", "ㄱ"), "ㄲ": ("", "ㄱ"), "ㅋ": ("", "ㄱ"), "ㄳ": ("", "ㄱ"), "ㄺ": ("ㄹ", "ㄱ"),
    "ㄷ": ("", "ㄷ"), "ㅅ": ("", "ㄷ"), "ㅆ": ("", "ㄷ"), "ㅊ": ("", "ㄷ"), "ㅌ": ("", "ㄷ"),
    "ㄽ": ("ㄹ", "ㄷ"), "ㄾ": ("ㄹ", "ㄷ"),
    "ㅈ": ("", "ㅈ"), "ㄵ": ("ㄴ", "ㅈ"),
    "ㅂ": ("", "ㅂ"), "ㅍ": ("", "ㅂ"), "ㅄ": ("", "ㅂ"), "ㄼ": ("ㄹ", "ㅂ"), "ㄿ": ("ㄹ", "ㅂ"),
}  # fmt: skip
_ASPIRATED = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}
_NASAL = {"ㄱ": "ㅇ", "ㄷ": "ㄴ", "ㅂ": "ㅁ"}
# Nouns ending in ㄺ, which is [ㄱ] even before ㄱ (the [ㄹ] rule is for verb stems).
_NOUNS_WITH_RG = frozenset("닭흙칡")

# Syllables in which an initial ㅎ belongs to a verb or adjective (하다 and its forms, the
# passive/causative 히/혀, the adverb ending 히). After ㄱ, ㄷ, ㅂ, ㅈ they merge into an
# aspirate (생각해 [생가캐], 잡혀 [자펴]); elsewhere the ㅎ starts a noun and the notice
# keeps the h (묵호 Mukho, 집현전 Jiphyeonjeon, 국화 gukhwa). 합 counts only in 합니다.
_VERBAL_H = frozenset("하해했한할함히혀혔힌힐")
# Nouns among those syllables: 북한(산) Bukhansan, 박하 bakha (peppermint).
_NOUN_H = ("북|한", "박|하")

# ㄴ insertion (standard pronunciation, art. 29) happens in compounds whose second part
# starts with 이/야/여/요/유, never before particles and endings (사랑이 sarangi, 인연
# inyeon). Letters cannot tell the two apart, so it is applied only where listed:
# "left|right" means "between these two parts, wherever the word contains them"; an empty
# left side means "after any final consonant".
_N_INSERTION = (
    "|잎", "|여름", "|여울", "|이불", "|연필", "|엿", "|윷", "|여섯", "|여덟",
    "알|약", "물|약", "담|요", "식용|유", "휘발|유", "서울|역", "맨|입", "영업|용",
    "늑막|염", "눈|요기", "옛|이야기", "첫|여름",
)  # fmt: skip

# Compounds whose second part is a word of its own: the first final is neutralised before
# it moves on (맛없다 [마덥따], 겉옷 [거돋], 첫인상 [처딘상]), standard pronunciation art. 15.
_NEUTRAL_LINK = ("맛|없", "멋|없", "겉|옷", "헛|웃", "첫|인상", "몇|억")

# ㄴ + ㄹ is normally [ㄹㄹ] (신라 Silla, 대관령 Daegwallyeong), but [ㄴㄴ] when the ㄹ
# starts a Sino-Korean suffix on a word of two or more syllables (신문로 Sinmunno, 생산량,
# 결단력, 이원론, 입원료; standard pronunciation art. 20). 령 is left out on purpose:
# mountain passes (대관령, 마천령) are [ㄹㄹ].
_NN_SUFFIXES = frozenset("란량력로론료류례")


def _split_patterns(patterns: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((p.split("|")[0], p.split("|")[1]) for p in patterns)


_N_INSERTION_PARTS = _split_patterns(_N_INSERTION)
_NEUTRAL_LINK_PARTS = _split_patterns(_NEUTRAL_LINK)
_NOUN_H_PARTS = _split_patterns(_NOUN_H)


def decompose(word: str) -> list[Jamo]:
    """Each precomposed syllable of ``word`` as [initial, vowel, final] (final may be "")."""
    out: list[Jamo] = []
    for ch in word:
        code = ord(ch) - _SYLLABLE_BASE
        if not 0 <= code <= _LAST_SYLLABLE - _SYLLABLE_BASE:
            raise ValueError(f"not a Hangul syllable: {ch!r}")
        out.append([INITIALS[code // 588], VOWELS[(code % 588) // 28], FINALS[code % 28]])
    return out


def neutralised(final: str, syllable: str = "") -> str:
    """``final`` as pronounced at the end of a word: one of ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ or ""."""
    if final == "ㄼ" and syllable == "밟":  # the one verb whose ㄼ is said [ㅂ] (밟다 [밥따])
        return "ㅂ"
    return _NEUTRAL[final]


def pronounce(word: str) -> list[Jamo]:
    """The pronounced syllables of one Hangul word (precomposed syllables only).

    Finals in the result are "" or one of ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ; initials are any of the 19.
    """
    syllables = decompose(word)
    for i in range(len(syllables) - 1):
        _junction(syllables[i], syllables[i + 1], word, i)
    if syllables:
        last = syllables[-1]
        last[2] = neutralised(last[2], word[-1])
    return syllables


def _parts_meet(word: str, cut: int, parts: tuple[tuple[str, str], ...]) -> bool:
    """Whether one of ``parts`` ("left", "right") meets at ``cut`` (an index into word)."""
    return any(word.startswith(right, cut) and word.endswith(left, 0, cut) for left, right in parts)


def _junction(a: Jamo, b: Jamo, word: str, i: int) -> None:
    """Apply the sound changes between syllable ``a`` (word[i]) and ``b`` (word[i + 1])."""
    final = a[2]
    if not final:
        return
    initial = b[0]
    if initial == "ㅇ":
        if _parts_meet(word, i + 1, _N_INSERTION_PARTS) and b[1] in "ㅣㅑㅕㅛㅠㅒㅖ":
            b[0] = "ㄴ"
            _consonants(a, b, word, i)
        elif _parts_meet(word, i + 1, _NEUTRAL_LINK_PARTS):
            _liaison(a, b, neutralised(final, word[i]), palatalise=False)
        else:
            _liaison(a, b, final)
    elif initial == "ㅎ":
        _before_h(a, b, word, i)
    elif final in _WITHOUT_H:
        _after_h(a, b, word, i)
    else:
        _consonants(a, b, word, i)


def _liaison(a: Jamo, b: Jamo, final: str, *, palatalise: bool = True) -> None:
    """Carry ``final`` over to ``b``, which starts with a silent ㅇ (연음)."""
    if final == "ㅇ":
        return  # ㅇ is a sound of its own and stays: 강아지 gangaji
    if final in _WITHOUT_H:
        a[2] = _WITHOUT_H[final]
        if a[2]:
            a[2], b[0] = "", a[2]
        return
    first, second = _SPLIT.get(final, ("", final))
    a[2], b[0] = first, second
    # Palatalisation: ㄷ, ㅌ before 이 are [지], [치] (해돋이 haedoji, 같이 gachi).
    if palatalise and b[1] == "ㅣ" and second in ("ㄷ", "ㅌ"):
        b[0] = "ㅈ" if second == "ㄷ" else "ㅊ"


def _before_h(a: Jamo, b: Jamo, word: str, i: int) -> None:
    """A final followed by ㅎ: aspiration in verbs, h kept after nouns and sonorants."""
    final = a[2]
    if final in _WITHOUT_H:
        a[2] = _WITHOUT_H[final]
        return
    if final not in _BEFORE_H:  # ㄴ ㄹ ㅁ ㅇ ㄻ: the h is written (영원히 yeongwonhi)
        a[2] = neutralised(final)
        return
    nxt = word[i + 2] if i + 2 < len(word) else ""
    verbal = word[i + 1] in _VERBAL_H or (word[i + 1] == "합" and nxt == "니")
    if not verbal or _parts_meet(word, i + 1, _NOUN_H_PARTS):
        a[2] = neutralised(final, word[i])
        return
    rest, stop = _BEFORE_H[final]
    a[2], b[0] = rest, _ASPIRATED[stop]
    # 굳히다 [구치다], 닫혀 [다쳐]: the new ㅌ palatalises like ㄷ + 이.
    if b[0] == "ㅌ" and b[1] in "ㅣㅕ":
        b[0] = "ㅊ"


def _after_h(a: Jamo, b: Jamo, word: str, i: int) -> None:
    """A final holding ㅎ (ㅎ ㄶ ㅀ) before a consonant other than ㅎ."""
    rest = _WITHOUT_H[a[2]]
    initial = b[0]
    if initial in ("ㄱ", "ㄷ", "ㅈ"):  # 좋고 [조코], 않다 [안타], 싫지 [실치]
        a[2], b[0] = rest, _ASPIRATED[initial]
    elif initial == "ㅅ":  # 좋소 [조쏘]: the tense ㅆ is not written
        a[2] = rest
    elif initial == "ㄴ" and not rest:  # 놓는 [논는]
        a[2] = "ㄴ"
    else:
        a[2] = rest or "ㄷ"
        _consonants(a, b, word, i)


def _consonants(a: Jamo, b: Jamo, word: str, i: int) -> None:
    """Neutralisation, then nasal assimilation and lateralisation between two consonants."""
    final, initial = a[2], b[0]
    if final == "ㄺ" and initial == "ㄱ" and word[i] not in _NOUNS_WITH_RG:
        sound = "ㄹ"  # verb stems: 읽고 [일꼬], 맑게 [말께]; nouns keep [ㄱ]: 닭고기 [닥꼬기]
    else:
        sound = neutralised(final, word[i])
    if initial == "ㄹ":
        if sound in _NASAL:  # 왕십리 [왕심니], 독립 [동닙]
            sound, b[0] = _NASAL[sound], "ㄴ"
        elif sound in ("ㅁ", "ㅇ"):  # 종로 [종노], 침략 [침냑]
            b[0] = "ㄴ"
        elif sound == "ㄴ":
            if i >= 1 and word[i + 1] in _NN_SUFFIXES:
                b[0] = "ㄴ"  # 신문로 [신문노]
            else:
                sound = "ㄹ"  # 신라 [실라]
    elif initial in ("ㄴ", "ㅁ"):
        if sound in _NASAL:  # 백마 [뱅마], 있는 [인는]
            sound = _NASAL[sound]
        elif sound == "ㄹ" and initial == "ㄴ":  # 별내 [별래], 설날 [설랄]
            b[0] = "ㄹ"
    a[2] = sound
