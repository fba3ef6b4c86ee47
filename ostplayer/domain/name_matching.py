"""Comparing two spellings of a name, in one alphabet or across Hangul and Latin.

``compare_names`` looks at folded text, Hangul jamo (a one-letter typo costs one jamo), the
sound of both spellings (가호 = Gaho, 이태원 클라쓰 = Itaewon Class) and the romanizer's output
(Sijak = 시작), and says whether the two could be compared at all: "시작" and "Start Over" share
no alphabet, so a low score there means "cannot tell", not "different". ``NameIndex`` finds a
spelling among many without comparing it with each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from .hangul import compact, jamo, script_of, sound_key
from .romanize import has_hangul, romanize

__all__ = [
    "AGREE",
    "SOUND_MIN",
    "Found",
    "NameIndex",
    "compare_names",
    "name_similarity",
]

AGREE = 0.90  # at or above: the same name
SOUND_MIN = 3  # shorter sound keys ("a", "la") say too little to tie two alphabets
_LONG_SOUND = 5  # sound keys this long tie two alphabets by themselves
_SHORT_SOUND_SPELLING = 0.35  # else the romanized spellings must be this alike too
# A person or a drama found by sound alone is taken only if this alike when spelled out:
# "가라이" sounds like "Go Ara" (both "kala") but is not her.
_SHORT_NAME_SPELLING = 0.75
_NUMBERS = re.compile(r"\d+")


@lru_cache(maxsize=1 << 14)
def _romanized(text: str) -> str:
    return compact(romanize(text)) if has_hangul(text) else ""


def compare_names(a: str, b: str) -> tuple[float, str, bool]:
    """(similarity, how, comparable): comparable is False for two alphabets with nothing in
    common, where a low score means "cannot tell", not "different"."""
    ca, cb = compact(a), compact(b)
    if not ca or not cb:
        return 0.0, "", False
    if ca == cb:
        return 1.0, "", True
    if _NUMBERS.findall(ca) != _NUMBERS.findall(cb):
        return 0.5, "another number", True  # "Pop 3-1" and "Pop 3-10", "Reply 1988" and "1994"
    sa, sb = script_of(a), script_of(b)
    if sa == sb or "mixed" in (sa, sb):
        score = ratio(ca, cb) / 100
        if sa == "hangul":
            score = max(score, ratio(jamo(ca), jamo(cb)) / 100)
            return score, "by jamo", True
        return score, "", True
    best, how = 0.0, ""
    ka, kb = sound_key(a), sound_key(b)
    hangul, latin = (ca, cb) if has_hangul(ca) else (cb, ca)
    romanized = _romanized(hangul) if latin.isascii() else ""
    spelled = ratio(romanized, latin) / 100 if romanized else 0.0
    if len(ka) >= SOUND_MIN and len(kb) >= SOUND_MIN:
        best, how = 0.97 * ratio(ka, kb) / 100, "by sound"
        if romanized and not _sound_is_enough(ka, kb, spelled):
            best = min(best, AGREE - 0.01)
    if 0.97 * spelled > best:
        best, how = 0.97 * spelled, "romanized"
    return best, how, best >= AGREE


def _sound_is_enough(ka: str, kb: str, spelled: float) -> bool:
    """A short sound key ties unrelated words ("이다쓰" and "Our Tears" are both "atas"): under
    five letters the romanized spellings must also look somewhat alike (메이비/Maybe do).
    Without a romanizer (``romanize`` gives "") the sound decides alone."""
    return min(len(ka), len(kb)) >= _LONG_SOUND or spelled >= _SHORT_SOUND_SPELLING


def name_similarity(a: str, b: str) -> float:
    """0..1, Hangul-aware: ``name_similarity("시작", "Sijak")`` and ``("이태원 클라쓰", "Itaewon
    Class")`` are high, ``("시작", "시잭")`` is a one-jamo typo, ``("시작", "Start Over")`` low."""
    return compare_names(a, b)[0]


class NameIndex:
    """Spellings of people or dramas: exact keys, and sound keys to cross alphabets."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[str]] = {}
        self.by_sound: dict[str, set[tuple[str, str, str]]] = {}
        self.scripts: dict[str, set[str]] = {}

    def add(self, ident: str, text: str) -> None:
        key = compact(text)
        if not key:
            return
        self.by_key.setdefault(key, set()).add(ident)
        script = script_of(text)
        self.scripts.setdefault(ident, set()).add(script)
        sound = sound_key(text)
        if len(sound) >= SOUND_MIN:
            self.by_sound.setdefault(sound, set()).add((ident, script, text))

    def find(self, text: str, *, by_sound: bool = True) -> Found | None:
        """The entries with this spelling or, in another alphabet, this sound; several for a
        name two entries share ("Kim Min-ji", a remade drama's title)."""
        ids = self.by_key.get(compact(text))
        if ids:
            return Found(frozenset(ids), "", text)
        sound = sound_key(text) if by_sound else ""
        if len(sound) < SOUND_MIN:
            return None
        script = script_of(text)
        hits = frozenset(
            ident
            for ident, s, spelling in self.by_sound.get(sound, ())
            if s != script and (len(sound) >= _LONG_SOUND or _spelled_alike(text, spelling))
        )
        how = "Hangul name" if script == "hangul" else "romanized name"
        return Found(hits, how, text) if hits else None


def _spelled_alike(a: str, b: str) -> bool:
    hangul, latin = (a, b) if has_hangul(a) else (b, a)
    romanized = _romanized(compact(hangul))
    if not romanized:
        return True  # no romanizer to ask: the sound decides alone
    return ratio(romanized, compact(latin)) / 100 >= _SHORT_NAME_SPELLING


@dataclass(frozen=True, slots=True)
class Found:
    ids: frozenset[str]
    how: str  # "" (same spelling), "Hangul name", "romanized name", "close spelling"
    spelling: str  # the spelling that was looked up
