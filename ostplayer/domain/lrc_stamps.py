"""LRC time stamps as written in the wild, and how they are written back.

Forms read (brackets ``[]`` for line stamps; ``[]`` or ``<>`` for stamps inside a line):

* ``mm:ss``, ``mm:ss.f`` … ``mm:ss.ffffff``: minutes of any width (``0:07``, ``123:04``),
  1 to 6 fraction digits (``.5`` is half a second, ``.4567`` 456.7 ms, rounded);
* ``mm:ss:cc``: a colon before the fraction (old Windows tools; ``[00:00:00]``);
* ``h:mm:ss.ff``: hours (long mixes, audiobooks); only with a ``.`` fraction, because
  ``[01:02:03]`` is the colon-fraction form above;
* ``ss.ff``: seconds only (``[12.50]``), as some karaoke exporters write; a fraction is required,
  so ``[2]`` (a verse number) is never a time;
* spaces just inside the brackets (``[ 00:12.00 ]``).

Anything else is not a stamp: seconds of 60 or more, minutes of 60 or more next to hours, and
any time past :data:`MAX_TIME_MS` (``[9999:00]`` would be almost seven days in). Such text stays
lyric text, never a time.
"""

from __future__ import annotations

import re

__all__ = [
    "INLINE_STAMP_RE",
    "LINE_STAMP_RE",
    "MAX_TIME_MS",
    "format_precise",
    "format_timestamp",
    "parse_offset",
    "stamp_ms",
]

#: No song, mix or live recording is a day long; a larger "time" is text that looks like one.
MAX_TIME_MS = 24 * 3600 * 1000

_TIME = (
    r"\s*(?:"
    r"(?P<h>\d{1,2}):(?P<hm>\d{1,2}):(?P<hs>\d{1,2})\.(?P<hf>\d{1,6})"
    r"|(?P<m>\d{1,4}):(?P<s>\d{1,2})(?:[.:](?P<f>\d{1,6}))?"
    r"|(?P<so>\d{1,5})\.(?P<sf>\d{1,6})"
    r")\s*"
)
#: One ``[time]``; the caller checks :func:`stamp_ms` for validity.
LINE_STAMP_RE = re.compile(r"\[" + _TIME + r"\]")
#: A stamp inside a line, ``[time]`` or ``<time>``; the group ``open`` tells which bracket.
INLINE_STAMP_RE = re.compile(r"(?P<open>[\[<])" + _TIME + r"(?P<close>[\]>])")
_OFFSET_RE = re.compile(r"\s*([+-]?\d{1,9})")


def stamp_ms(match: re.Match[str]) -> int | None:
    """Milliseconds of a :data:`LINE_STAMP_RE`/:data:`INLINE_STAMP_RE` match; None if invalid."""
    if "open" in match.re.groupindex and _PAIRS.get(match.group("open")) != match.group("close"):
        return None  # "[00:01>" is not a stamp
    if match.group("h") is not None:
        hours, minutes = int(match.group("h")), int(match.group("hm"))
        seconds, fraction = int(match.group("hs")), match.group("hf")
        if minutes >= 60:
            return None
        minutes += hours * 60
    elif match.group("m") is not None:
        minutes, seconds, fraction = int(match.group("m")), int(match.group("s")), match.group("f")
    else:
        minutes, seconds, fraction = 0, int(match.group("so")), match.group("sf")
    if seconds >= 60 and match.group("so") is None:
        return None
    ms = (minutes * 60 + seconds) * 1000
    if fraction:
        scale = 10 ** len(fraction)
        ms += (int(fraction) * 1000 + scale // 2) // scale  # rounded to the millisecond
    return ms if ms <= MAX_TIME_MS else None


_PAIRS = {"[": "]", "<": ">"}


def parse_offset(raw: str) -> int:
    """``[offset:]`` value in ms: ``+250``, ``-100``, `` 500 ``; 0 when unreadable."""
    match = _OFFSET_RE.match(raw)
    return int(match.group(1)) if match else 0


def format_timestamp(ms: int) -> str:
    """``mm:ss.xx`` rounded to the centisecond; minutes grow past 99 as needed."""
    centis = (max(0, int(ms)) + 5) // 10
    minutes, centis = divmod(centis, 6000)
    seconds, centis = divmod(centis, 100)
    return f"{minutes:02d}:{seconds:02d}.{centis:02d}"


def format_precise(ms: int) -> str:
    """Like :func:`format_timestamp`, with milliseconds (``mm:ss.xxx``) when they matter."""
    ms = max(0, int(ms))
    if ms % 10 == 0:
        return format_timestamp(ms)
    minutes, rest = divmod(ms, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{minutes:02d}:{seconds:02d}.{millis:03d}"
