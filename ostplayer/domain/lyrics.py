"""Lyrics model and parsers: LRC (incl. enhanced word stamps) and plain text.

Pure Python on purpose: no Qt and no file access, so the parser can be tested
exhaustively and reused by any front end. Parsing is total: every ``str`` gives a
``Lyrics`` value; anything that is not valid LRC syntax is kept as lyric text.

Design choices worth knowing:

* Lines sharing a timestamp form one ``LyricGroup`` (Hangul + romanization +
  translation are highlighted together). Blank timed lines are pauses: a group with
  one empty line. A blank line next to real text at the same time is dropped.
* In a synced file, an untimed non-blank line (malformed stamp, continuation text)
  is appended to the group(s) of the previous timed line, i.e. shown together with
  it. Untimed lines before the first timed line go to a group at 0 ms. Untimed blank
  lines in a synced file are only layout and are dropped.
* A whole-line ``[key:value]`` is a tag when the key is a well-known one, or, in a
  synced file's header (before the first timed line), any all-lowercase key
  (``[id:…]``, ``[tool:…]``). Annotations such as ``[Hook: Jimin]`` or
  ``[Chorus: All]`` stay lyric text.
* Enhanced-LRC word stamps are absolute. A line with several timestamps gets one copy
  per time, each with its word stamps moved to its own time.
* Decoding file bytes lives in :mod:`ostplayer.domain.lyrics_encoding`.
* ``to_lrc`` keeps ``[offset:N]`` as a tag and writes the times as parsed (offset
  not folded in), which makes ``parse_lrc(x.to_lrc()) == x`` exact for synced
  lyrics. Times are written as ``mm:ss.xx`` unless they need millisecond precision,
  then as ``mm:ss.xxx`` (a form every LRC reader we know accepts).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from ostplayer.domain.lyrics_encoding import decode_lyrics_bytes

__all__ = [
    "KNOWN_TAGS",
    "LyricGroup",
    "LyricLine",
    "Lyrics",
    "Word",
    "decode_lyrics_bytes",
    "format_timestamp",
    "lyrics_from_excerpt",
    "lyrics_from_timed_lines",
    "parse_lrc",
    "parse_lyrics",
]

KNOWN_TAGS: tuple[str, ...] = ("ti", "ar", "al", "au", "length", "by", "re", "ve", "offset")

# Minutes are capped at 6 digits: int() refuses very long digit strings and no
# song is longer than that anyway. The fraction may be separated by "." or ":".
_TIME = r"(\d{1,6}):(\d{1,2})(?:[.:](\d{1,3}))?"
_LINE_STAMP_RE = re.compile(r"\s*\[" + _TIME + r"\]")
_WORD_STAMP_RE = re.compile(r"<" + _TIME + r">")
_TAG_RE = re.compile(r"\[([A-Za-z][A-Za-z0-9_-]*):(.*)\]")
_OFFSET_RE = re.compile(r"\s*([+-]?\d{1,9})")
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Word:
    """An enhanced-LRC word stamp: ``text`` starts highlighting at ``time_ms``.

    ``text`` is the segment as written up to the next stamp (trailing spaces
    included) so that words can be drawn one after another; a final stamp with
    empty text marks the end of the last word.
    """

    time_ms: int
    text: str


@dataclass(frozen=True)
class LyricLine:
    text: str
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class LyricGroup:
    time_ms: int | None
    lines: tuple[LyricLine, ...]

    @property
    def is_blank(self) -> bool:
        """True for a pause (synced) or a stanza break (plain)."""
        return not any(line.text for line in self.lines)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


_BLANK_LINE = LyricLine("")


@dataclass(frozen=True)
class Lyrics:
    groups: tuple[LyricGroup, ...] = ()
    synced: bool = False
    # Excluded from hashing because a mapping is unhashable; still compared.
    tags: Mapping[str, str] = field(default_factory=dict, hash=False)
    offset_ms: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "groups", tuple(self.groups))
        object.__setattr__(self, "tags", MappingProxyType(dict(self.tags)))

    def __reduce__(self) -> tuple[type[Lyrics], tuple[object, ...]]:
        # The read-only mapping proxy cannot be pickled or deep-copied; rebuild instead.
        return (Lyrics, (self.groups, self.synced, dict(self.tags), self.offset_ms))

    @cached_property
    def _times(self) -> tuple[int, ...]:
        return tuple(g.time_ms if g.time_ms is not None else 0 for g in self.groups)

    @property
    def line_count(self) -> int:
        """Number of non-empty lyric lines (pauses and stanza breaks excluded)."""
        return sum(1 for g in self.groups for line in g.lines if line.text)

    @property
    def is_empty(self) -> bool:
        return self.line_count == 0

    def group_index_at(self, position_ms: int, extra_offset_ms: int = 0) -> int:
        """Index of the group to highlight at ``position_ms``; -1 before the first.

        Always -1 for unsynced lyrics. Assumes ``groups`` sorted by time, which the
        parsers guarantee.
        """
        if not self.synced or not self.groups:
            return -1
        # effective_time(i) <= position  <=>  time_i <= position + offset + extra
        return bisect_right(self._times, position_ms + self.offset_ms + extra_offset_ms) - 1

    def effective_time(self, group_index: int, extra_offset_ms: int = 0) -> int:
        """Playback position (ms) at which ``groups[group_index]`` highlights.

        Raises ``ValueError`` for an untimed (plain) group, ``IndexError`` for a
        bad index.
        """
        time_ms = self.groups[group_index].time_ms
        if time_ms is None:
            raise ValueError("group has no timestamp (unsynced lyrics)")
        return time_ms - self.offset_ms - extra_offset_ms

    def to_lrc(self) -> str:
        """Serialize as LRC: header tags first, then one ``[time]`` line per lyric line.

        Unsynced lyrics are written as tags followed by plain lines.
        """
        out = [f"[{key}:{_one_line(value)}]" for key, value in self._tags_for_lrc()]
        for group in self.groups:
            stamp = f"[{_format_precise(group.time_ms or 0)}]" if self.synced else ""
            out.extend(stamp + _line_to_lrc(line) for line in group.lines)
        return "\n".join(out) + "\n" if out else ""

    def plain_text(self) -> str:
        """Lyric text only, one line per line, a single blank line between stanzas."""
        out: list[str] = []
        for group in self.groups:
            if group.is_blank:
                if out and out[-1]:
                    out.append("")
            else:
                out.extend(line.text for line in group.lines if line.text)
        while out and not out[-1]:
            out.pop()
        return "\n".join(out)

    def _tags_for_lrc(self) -> list[tuple[str, str]]:
        tags = dict(self.tags)
        raw_offset = tags.pop("offset", None)
        # Keep the raw spelling ("+500") when it still means offset_ms.
        if raw_offset is None or _parse_offset(raw_offset) != self.offset_ms:
            raw_offset = str(self.offset_ms) if self.offset_ms else None
        if raw_offset is not None:
            tags["offset"] = raw_offset
        known = [(k, tags[k]) for k in KNOWN_TAGS if k in tags]
        return known + [(k, v) for k, v in tags.items() if k not in KNOWN_TAGS]


# --------------------------------------------------------------------------- time


def format_timestamp(ms: int) -> str:
    """``mm:ss.xx`` rounded to the centisecond; minutes grow past 99 as needed."""
    centis = (max(0, int(ms)) + 5) // 10
    minutes, centis = divmod(centis, 6000)
    seconds, centis = divmod(centis, 100)
    return f"{minutes:02d}:{seconds:02d}.{centis:02d}"


def _format_precise(ms: int) -> str:
    ms = max(0, int(ms))
    if ms % 10 == 0:
        return format_timestamp(ms)
    minutes, rest = divmod(ms, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{minutes:02d}:{seconds:02d}.{millis:03d}"


def _stamp_ms(match: re.Match[str]) -> int | None:
    minutes, seconds, fraction = match.group(1), match.group(2), match.group(3)
    if int(seconds) >= 60:
        return None
    ms = (int(minutes) * 60 + int(seconds)) * 1000
    if fraction:
        # ".5" is half a second, ".05" five centiseconds, ".005" five ms.
        ms += int(fraction) * 10 ** (3 - len(fraction))
    return ms


def _parse_offset(raw: str) -> int:
    match = _OFFSET_RE.match(raw)
    return int(match.group(1)) if match else 0


# ------------------------------------------------------------------------ parsing


def parse_lyrics(source: str | bytes) -> Lyrics:
    """Parse LRC or plain lyrics from text or raw file bytes. Never raises."""
    if isinstance(source, bytes | bytearray | memoryview):
        text = decode_lyrics_bytes(bytes(source))
    else:
        text = _strip_bom(str(source))
    return parse_lrc(text)


def parse_lrc(text: str) -> Lyrics:
    """Parse LRC text; without any valid timestamp the result is plain lyrics."""
    tags: dict[str, str] = {}
    items: list[tuple[tuple[int, ...] | None, str]] = []  # (times or None, text)
    header = True  # no timed line yet
    for raw in _NEWLINE_RE.split(_strip_bom(text)):
        line = raw.strip()
        times, rest = _leading_stamps(line)
        if times:
            items.append((times, rest))
            header = False
            continue
        tag = _TAG_RE.fullmatch(line)
        if tag and _is_tag(tag.group(1), header):
            tags[tag.group(1).lower()] = tag.group(2).strip()
        else:
            items.append((None, line))
    if any(times for times, _ in items):
        return _build_synced(items, tags)
    # Plain lyrics: only well-known header keys count as tags, the rest is text.
    plain_tags: dict[str, str] = {}
    lines: list[str] = []
    for raw in _NEWLINE_RE.split(_strip_bom(text)):
        tag = _TAG_RE.fullmatch(raw.strip())
        if tag and tag.group(1).lower() in KNOWN_TAGS:
            plain_tags[tag.group(1).lower()] = tag.group(2).strip()
        else:
            lines.append(raw)
    return Lyrics(
        _plain_groups(lines), False, plain_tags, _parse_offset(plain_tags.get("offset", ""))
    )


def _is_tag(key: str, in_header: bool) -> bool:
    """Known keys anywhere; other machine-style keys (``[id:…]``, ``[tool:…]``) only in
    the header. Capitalized or mid-song ones ("[Chorus: All]") are lyric annotations."""
    lowered = key.lower()
    return lowered in KNOWN_TAGS or (in_header and key == lowered)


def _strip_bom(text: str) -> str:
    return text.lstrip("\ufeff")


def lyrics_from_excerpt(text: str) -> Lyrics:
    """Plain lyrics from catalog text, line by line; no tag or timestamp handling."""
    return Lyrics(_plain_groups(_NEWLINE_RE.split(_strip_bom(text or ""))), False, {})


def lyrics_from_timed_lines(
    entries: Iterable[tuple[int, str | LyricLine]],
    tags: Mapping[str, str] | None = None,
    offset_ms: int = 0,
) -> Lyrics:
    """Synced lyrics from ``(time_ms, text_or_line)`` pairs (e.g. an ID3 SYLT frame).

    Same grouping rules as the LRC parser: equal times merge, order is by time.
    """
    buckets: dict[int, list[LyricLine]] = {}
    for time_ms, item in entries:
        line = item if isinstance(item, LyricLine) else LyricLine(" ".join(str(item).split()))
        buckets.setdefault(max(0, int(time_ms)), []).append(line)
    return Lyrics(_groups_from_buckets(buckets), True, dict(tags or {}), offset_ms)


def _leading_stamps(line: str) -> tuple[tuple[int, ...], str]:
    times: list[int] = []
    pos = 0
    while match := _LINE_STAMP_RE.match(line, pos):
        ms = _stamp_ms(match)
        if ms is None:
            break
        times.append(ms)
        pos = match.end()
    # dict.fromkeys: "[00:12][00:12]x" must not show the line twice.
    return tuple(dict.fromkeys(times)), line[pos:].strip()


def _build_synced(items: list[tuple[tuple[int, ...] | None, str]], tags: dict[str, str]) -> Lyrics:
    buckets: dict[int, list[LyricLine]] = {}
    last_times: tuple[int, ...] = (0,)
    for times, text in items:
        if times:
            last_times = times
        elif not text:
            continue  # untimed blank line: layout only
        line = _parse_words(text, last_times[0])
        # Word stamps were written against one of the line's times; each copy of a
        # repeated line ([00:10][00:40]) moves them to its own time.
        ref = _word_reference(line, last_times)
        for time_ms in last_times:
            buckets.setdefault(time_ms, []).append(_shifted(line, time_ms - ref))
    return Lyrics(_groups_from_buckets(buckets), True, tags, _parse_offset(tags.get("offset", "")))


def _word_reference(line: LyricLine, times: tuple[int, ...]) -> int:
    """The line time the word stamps belong to: the latest one not after the first word."""
    if not line.words or len(times) == 1:
        return times[0]
    first = line.words[0].time_ms
    before = [t for t in times if t <= first]
    return max(before) if before else min(times)


def _shifted(line: LyricLine, shift: int) -> LyricLine:
    if not shift or not line.words:
        return line
    words = tuple(Word(max(0, w.time_ms + shift), w.text) for w in line.words)
    return LyricLine(line.text, words)


def _groups_from_buckets(buckets: dict[int, list[LyricLine]]) -> tuple[LyricGroup, ...]:
    groups = []
    for time_ms in sorted(buckets):
        lines = tuple(line for line in buckets[time_ms] if line.text)
        groups.append(LyricGroup(time_ms, lines or (_BLANK_LINE,)))
    return tuple(groups)


def _parse_words(text: str, line_time: int) -> LyricLine:
    stamps = [(m, ms) for m in _WORD_STAMP_RE.finditer(text) if (ms := _stamp_ms(m)) is not None]
    if not stamps:
        return LyricLine(text) if text else _BLANK_LINE
    words: list[Word] = []
    before = text[: stamps[0][0].start()]
    if before:
        # Text before the first word stamp starts with the line itself.
        words.append(Word(line_time, before))
    for i, (match, ms) in enumerate(stamps):
        end = stamps[i + 1][0].start() if i + 1 < len(stamps) else len(text)
        words.append(Word(ms, text[match.end() : end]))
    clean = " ".join("".join(w.text for w in words).split())
    return LyricLine(clean, tuple(words)) if clean else _BLANK_LINE


def _plain_groups(lines: Iterable[str]) -> tuple[LyricGroup, ...]:
    groups: list[LyricGroup] = []
    pending_break = False
    for raw in lines:
        text = raw.strip()
        if not text:
            pending_break = bool(groups)
            continue
        if pending_break:
            groups.append(LyricGroup(None, (_BLANK_LINE,)))
            pending_break = False
        groups.append(LyricGroup(None, (LyricLine(text),)))
    return tuple(groups)


def _line_to_lrc(line: LyricLine) -> str:
    if line.words:
        return _one_line("".join(f"<{_format_precise(w.time_ms)}>{w.text}" for w in line.words))
    return _one_line(line.text)


def _one_line(text: str) -> str:
    return _NEWLINE_RE.sub(" ", text)
