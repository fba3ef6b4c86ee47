"""Tag values as taggers really write them, turned into clean text and numbers.

Track fields hold "3", "03", "3/12", "1-03" (disc 1, track 3, from some rippers), "A1" (vinyl
sides) or junk; years hold "2018", "2018-03-21", "20180321", "2018.03.21" or "21/03/2018".
Text arrives NFD-decomposed from macOS (Hangul split into jamo), padded with NULs and spaces,
or as mojibake: CP949 or UTF-8 bytes that a tagger declared Latin-1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ostplayer.domain.legacy_text import repair_latin1_mojibake

__all__ = [
    "REPAIRED_CP949",
    "REPAIRED_UTF8",
    "TextCleaner",
    "parse_disc",
    "parse_track",
    "parse_year",
]

REPAIRED_CP949 = "tags repaired from CP949 (Korean) stored as Latin-1"
REPAIRED_UTF8 = "tags repaired from UTF-8 stored as Latin-1"
MULTI_VALUE_SEPARATOR = "; "

_HIGH_LATIN1 = re.compile(r"[\x80-\xff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LEADING_NUMBER = re.compile(r"\d{1,4}")
_DISC_TRACK = re.compile(r"^\s*(\d{1,2})\s*[-.]\s*(\d{1,3})\s*$")
_SIDE_TRACK = re.compile(r"^\s*[A-Za-z]\s*(\d{1,3})\s*$")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)")
_COMPACT_DATE = re.compile(r"^(1[89]\d\d|20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")


class TextCleaner:
    """Cleans tag text and remembers which repairs it made (for the file's warnings)."""

    def __init__(self) -> None:
        self.repairs: set[str] = set()

    def text(self, value: object, *, cut: bool = False) -> str:
        """Clean text; ``cut`` when the field has a byte limit (ID3v1), so a CP949 character
        may have lost its second byte."""
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        text = text.replace("\x00", " ").strip()
        if text and _HIGH_LATIN1.search(text):
            repaired = self._repair(text)
            if repaired == text and cut and _HIGH_LATIN1.match(text[-1]):
                shorter = self._repair(text[:-1])
                repaired = shorter if shorter != text[:-1] else text
            text = repaired
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return text

    def joined(self, values: Iterable[object]) -> str:
        """Several values of one field (artists, genres) as one string, "; "-separated."""
        seen: dict[str, None] = {}
        for value in values:
            text = self.text(value)
            if text:
                seen.setdefault(text, None)
        return MULTI_VALUE_SEPARATOR.join(seen)

    def _repair(self, text: str) -> str:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            return text  # real Unicode beyond Latin-1: nothing was mis-declared
        korean = repair_latin1_mojibake(text)
        try:
            utf8 = raw.decode("utf-8")
        except UnicodeDecodeError:
            utf8 = ""
        # A short CP949 string can also be valid UTF-8 (as Latin letters): Hangul wins.
        if utf8 and (korean == text or _HANGUL.search(utf8)):
            self.repairs.add(REPAIRED_UTF8)
            return utf8
        if korean != text:
            self.repairs.add(REPAIRED_CP949)
        return korean


def _number(text: str, limit: int) -> int | None:
    found = _LEADING_NUMBER.search(text)
    if not found:
        return None
    value = int(found.group())
    return value if 0 < value <= limit else None


def parse_track(value: object) -> tuple[int | None, int | None]:
    """(track, disc hidden in the field) from "3", "03", "3/12", "1-03", "A1", "Track 5"."""
    if isinstance(value, tuple):  # MP4 trkn: (3, 12)
        return (value[0] or None) if value else None, None
    if isinstance(value, int):
        return (value if 0 < value <= 999 else None), None
    text = str(value).strip()
    if not text:
        return None, None
    disc_track = _DISC_TRACK.match(text)
    if disc_track:
        disc, track = int(disc_track.group(1)), int(disc_track.group(2))
        return (track or None), (disc or None)
    side = _SIDE_TRACK.match(text)
    if side:
        return (int(side.group(1)) or None), None
    head = text.split("/", 1)[0].split(" of ", 1)[0]
    return _number(head, 999), None


def parse_disc(value: object) -> int | None:
    """From "1", "1/2", "CD2", "Disc 2", MP4 (1, 2)."""
    if isinstance(value, tuple):
        return (value[0] or None) if value else None
    if isinstance(value, int):
        return value if 0 < value <= 99 else None
    return _number(str(value).split("/", 1)[0], 99)


def parse_year(value: object) -> int | None:
    """From "2018", "2018-03-21", "20180321", "2018.03.21", "21/03/2018", "2018-03-21T00:00"."""
    text = str(value).strip()
    if not text:
        return None
    compact = _COMPACT_DATE.match(text)
    if compact:
        return int(compact.group(1))
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None
