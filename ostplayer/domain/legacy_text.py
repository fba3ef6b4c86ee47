"""Text that a tagger stored in the wrong encoding, put right.

Older Korean taggers (and Windows tools set to a Korean locale) wrote CP949 bytes into ID3v2.3
frames declared Latin-1, and into ID3v1, which has no encoding at all. Read as Latin-1, "어른"
comes out as "¾î¸¥". The bytes are all still there: encoding the text back to Latin-1 gives them
back, and decoding them as CP949 gives the Hangul, but only when the result reads as Korean is
the repair made; a French "é" must stay an "é".
"""

from __future__ import annotations

import re

__all__ = ["looks_korean", "repair_latin1_mojibake"]

_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
_HIGH_LATIN1 = re.compile(r"[\x80-\xff]")

# The syllables that make up most of ordinary Korean text (particles, endings, common words):
# CP949 mis-decodings of other scripts land mostly on rare syllables instead.
_COMMON = frozenset(
    "이다는의에가을를고하지서도한그나로으내사해기리있수것게어아자시라니요들면없대"
    "우말보주제만일까너정거저여오무마인던세네데중소된되부음때연장진상생전모날같않"
    "랑운두미알우린선신원간경심금문비난화성추억눈물별밤꿈길빛봄바람하늘마음사랑"
)


def looks_korean(text: str) -> bool:
    """True when ``text`` reads as Korean: Hangul syllables, and mostly common ones."""
    syllables = _HANGUL_SYLLABLE.findall(text)
    if not syllables:
        return False
    common = sum(1 for s in syllables if s in _COMMON)
    # Short titles ("어른", "시작") have few syllables: one common one is enough there.
    return common >= max(1, len(syllables) // 4)


def repair_latin1_mojibake(text: str) -> str:
    """``text`` decoded as CP949 when it was CP949 bytes read as Latin-1; else unchanged."""
    if not text or not _HIGH_LATIN1.search(text):
        return text
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return text  # holds characters Latin-1 cannot have: it was real Unicode
    try:
        fixed = raw.decode("cp949")
    except UnicodeDecodeError:
        return text
    return fixed if looks_korean(fixed) else text
