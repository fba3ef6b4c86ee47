"""How much a decoded text looks like real writing in the script its codec is made for.

Legacy double-byte codecs accept most byte pairs, so a Chinese file read as Shift-JIS or Big5
read as GBK still "decodes"; what gives a wrong reading away is *which* characters come out.
Each CJK character set was laid out by frequency: GB2312 level 1 (lead bytes B0-D7) holds the
3,755 characters of everyday simplified Chinese, Big5 level 1 (A440-C67E) the 5,401 common
traditional ones, JIS X 0208 level 1 (Shift-JIS 889F-9872) the common kanji. Bytes of another
script land mostly outside those blocks (in extension areas, half-width katakana, Cyrillic and
box-drawing rows), so the share of non-ASCII characters inside the right block separates a right
reading from a wrong one even for a few lines. The codecs themselves are the frequency tables.

Western single-byte text is judged by shape instead: accented letters come one or two at a
time inside words ("été", "Grüße"), while double-byte text read as Windows-1252 turns into runs
of symbols and capitals ("ÎÒ°®Äã").
"""

from __future__ import annotations

import enum
import re
from functools import lru_cache

__all__ = ["Script", "plausible_share"]


class Script(enum.Enum):
    SIMPLIFIED_CHINESE = "zh-hans"
    TRADITIONAL_CHINESE = "zh-hant"
    JAPANESE = "ja"
    WESTERN = "latin"


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Punctuation every CJK character set has and real text uses: ideographic space and marks,
# full-width forms, curly quotes, ellipsis, middle dot, dashes.
_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff5e\u2010-\u2026\u00b7\u30fb]")
_KANA = re.compile(r"[\u3041-\u3096\u309b-\u309e\u30a1-\u30fa\u30fc-\u30fe]")
# Typographic marks of Western text, allowed on their own between words.
_WESTERN_MARKS = frozenset("\u00a0«»‘’‚“”„–—…€°¿¡·•′″©®™×÷£¥§¶")


def plausible_share(text: str, script: Script) -> tuple[int, int]:
    """``(plausible, total)`` non-ASCII characters of ``text`` (U+FFFD not counted)."""
    if script is Script.WESTERN:
        return _western_share(text)
    good = total = kana = low_trail = 0
    for run in _NON_ASCII_RUN.findall(text):
        for ch in run:
            if ch == "\ufffd":
                continue
            total += 1
            good += _is_common(ch, script)
            kana += bool(_KANA.match(ch))
            low_trail += script is Script.TRADITIONAL_CHINESE and _big5_low_trail(ch)
    if script is Script.JAPANESE:
        # Japanese is never written without kana (particles, endings); Chinese read as EUC-JP
        # comes out as kanji alone.
        good = round(good * min(1.0, kana / (0.1 * max(1, total))))
    elif script is Script.TRADITIONAL_CHINESE and total >= 6:
        # Big5 puts ~40 % of its common characters on trail bytes 40-7E, which GB2312 and
        # EUC-JP never use: their text read as Big5 has (almost) none.
        good = round(good * min(1.0, low_trail / (0.15 * total)))
    return good, total


@lru_cache(maxsize=16384)
def _is_common(ch: str, script: Script) -> bool:
    """True when ``ch`` is everyday writing in ``script`` (see the module docstring)."""
    if _CJK_PUNCTUATION.match(ch):
        return True
    if script is Script.JAPANESE:
        return bool(_KANA.match(ch)) or _in_block(ch, "cp932", (0x8140, 0x81FF), (0x889F, 0x9872))
    if script is Script.SIMPLIFIED_CHINESE:
        return _in_block(ch, "gb2312", (0xA1A1, 0xA3FE), (0xB0A1, 0xD7FE))
    return _in_block(ch, "cp950", (0xA140, 0xA3BF), (0xA440, 0xC67E))


def _big5_low_trail(ch: str) -> bool:
    try:
        raw = ch.encode("cp950")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and raw[1] < 0xA1


def _in_block(ch: str, codec: str, *blocks: tuple[int, int]) -> bool:
    try:
        raw = ch.encode(codec)
    except UnicodeEncodeError:
        return False
    if len(raw) != 2:
        return False
    code = int.from_bytes(raw, "big")
    return any(low <= code <= high for low, high in blocks)


def _western_share(text: str) -> tuple[int, int]:
    good = total = 0
    for match in _NON_ASCII_RUN.finditer(text):
        run = match.group().replace("\ufffd", "")
        if not run:
            continue
        total += len(run)
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        touches_word = bool(_ASCII_LETTER.match(before) or _ASCII_LETTER.match(after))
        if len(run) <= 2 and all(ch.isalpha() for ch in run) and touches_word:
            good += len(run)  # "é" in "été", "üß" in "Grüße"
        elif len(run) == 1 and (run.isalpha() or run in _WESTERN_MARKS):
            good += 1  # a word of its own ("à", "À la"), a quote, dash or euro sign
        elif run.isalpha() and run.islower() and len(run) <= 3:
            good += len(run)
    return good, total
