"""Reading LRC in every dialect in use, and plain lyrics.

Parsing is total: every ``str`` gives a :class:`~ostplayer.domain.lyrics_model.Lyrics`; what is
not valid LRC syntax is kept as lyric text. The rules, each with the dialect it comes from
(the tests are named after them):

* **Classic LRC** (lyric sites): ``[mm:ss.xx]text``; several stamps on one line
  (``[00:10][01:20]chorus``) give one copy per time. Lines sharing a time form one
  ``LyricGroup`` (Hangul + romanization + translation are highlighted together). Blank timed
  lines are pauses; a blank line next to real text at the same time is dropped. Stamp forms:
  :mod:`ostplayer.domain.lrc_stamps`.
* **Header tags** (``ti ar al au by length offset re ve tool #`` and the lyric-site ones in
  :data:`KNOWN_TAGS`), case-insensitive, anywhere in the file: read, never shown. Other
  ``[word:value]`` lines are tags too (hidden) when the key is lower-case (machine-written:
  ``[xtra:…]``, ``[lr:…]``) or, before the first timed line, when the value follows the colon
  without a space (``[Encoding:windows-1252]``, ``[Title:…]``). Bracketed lyric text stays text:
  ``[Chorus]``, ``[Verse 2]``, ``[Hook: Jimin]``, ``[Intro:]``.
* **``[offset:]`` anywhere**, also in front of a line's stamps (``[offset:+250][00:01.50]text``,
  NetEase/QQ exports); the last one wins. A positive offset shows lines earlier.
* **Enhanced LRC** (Walaoke A2, Apple-Music-like tools): ``<mm:ss.xx>`` word stamps, and
  **foobar2000/ESLyric** ``[mm:ss.xx]`` stamps inside a line, become word timing, never text.
  Word stamps are absolute; a repeated line moves them to each copy's time.
* **End stamps** (ESLyric): a line whose only inner stamp ends it (``text[01:06.40]``) has that
  as its end (``LyricLine.end_ms``); in a word-timed line the last, empty word marks the end.
* **Walaoke A2 singer marks** (``M:``, ``F:``, ``D:`` before a timed line's text) are dropped.
* **Comments**: ``#`` and ``//`` lines of a timed file are hidden; in a plain file only before
  the first lyric line, and ``#`` only followed by a space or another ``#`` (a plain lyric may
  well be "#1 in my heart").
* **Stray untimed lines** inside a timed file (a translation without a stamp, a broken stamp)
  are kept with the previous timed line, shown with it. Before the first timed line they go to
  a group at 0 ms, except a ``Title - Artist`` line that only repeats the ``[ti]``/``[ar]``/
  ``[al]`` tags, which many sites put on top and which is not lyrics. Untimed blank lines of a
  timed file are layout only and dropped.
* CR, LF and CRLF all end lines; a BOM is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ostplayer.domain.lrc_stamps import INLINE_STAMP_RE, LINE_STAMP_RE, parse_offset, stamp_ms
from ostplayer.domain.lyrics_model import KNOWN_TAGS, LyricGroup, LyricLine, Lyrics, Word

__all__ = ["lyrics_from_excerpt", "lyrics_from_timed_lines", "parse_lrc"]

_TAG_RE = re.compile(r"\[\s*(#|[A-Za-z][A-Za-z0-9_-]*)\s*:(.*)\]", re.DOTALL)
_LEADING_OFFSET_RE = re.compile(r"\[\s*offset\s*:([^\]]*)\]", re.IGNORECASE)
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
# "# note", "## ---", "// by": not "#1 in my heart", which may be the first lyric of a .txt.
_PLAIN_COMMENT_RE = re.compile(r"//|#(?:[\s#]|$)")
# Not before a bracket or another mark: "M: [offset:+250]" or "M: F: …" stay as they are, or
# writing the line back (without the mark) would read as something else.
_SINGER_RE = re.compile(r"[MFD]:\s+(?=[^\s\[])(?![MFD]:(?:\s|\[|$))")
_WORD_TOKEN_RE = re.compile(r"\w+")
_BLANK_LINE = LyricLine("")
_KNOWN = frozenset(KNOWN_TAGS)


@dataclass(frozen=True)
class _Item:
    """One source line: its stamps (empty when untimed) and the text after them."""

    times: tuple[int, ...]
    text: str


def parse_lrc(text: str) -> Lyrics:
    """Parse LRC text; without any valid line stamp the result is plain lyrics."""
    lines = _NEWLINE_RE.split(text.lstrip("\ufeff"))
    tags: dict[str, str] = {}
    items: list[_Item] = []
    header = True  # no timed line yet
    for raw in lines:
        times, rest = _leading_stamps(raw.strip(), tags)
        if times:
            items.append(_Item(times, rest))
            header = False
        elif rest and not _take_tag(rest, header, tags):
            items.append(_Item((), rest))
    if not any(item.times for item in items):
        return _parse_plain(lines)
    return _build_synced(items, tags)


def lyrics_from_excerpt(text: str) -> Lyrics:
    """Plain lyrics from catalog text, line by line; no tag or timestamp handling."""
    return Lyrics(_plain_groups(_NEWLINE_RE.split((text or "").lstrip("\ufeff"))), False, {})


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


# ------------------------------------------------------------------------- lines


def _leading_stamps(line: str, tags: dict[str, str]) -> tuple[tuple[int, ...], str]:
    """The line's leading stamps and the rest; an ``[offset:]`` among them goes to ``tags``."""
    times: list[int] = []
    pos = 0
    while True:
        while pos < len(line) and line[pos].isspace():
            pos += 1
        match = LINE_STAMP_RE.match(line, pos)
        if match is not None and (ms := stamp_ms(match)) is not None:
            times.append(ms)
            pos = match.end()
            continue
        offset = _LEADING_OFFSET_RE.match(line, pos)
        if offset is None:
            break
        tags["offset"] = offset.group(1).strip()
        pos = offset.end()
    # dict.fromkeys: "[00:12][00:12]x" must not show the line twice.
    return tuple(dict.fromkeys(times)), line[pos:].strip()


def _take_tag(line: str, header: bool, tags: dict[str, str]) -> bool:
    """True (and ``tags`` updated) when the untimed ``line`` is a tag or a comment."""
    if line.startswith(("#", "//")):
        return True
    key, value = _tag_of(line, header)
    if key is None:
        return False
    tags[key] = value
    return True


def _tag_of(line: str, header: bool) -> tuple[str | None, str]:
    match = _TAG_RE.fullmatch(line)
    if match is None:
        return None, ""
    key, value = match.group(1), match.group(2)
    lowered = key.lower()
    machine = key == lowered or (header and value[:1] not in ("", " ", "\t"))
    if lowered in _KNOWN or machine:
        return lowered, value.strip()
    return None, ""


def _parse_body(text: str, line_time: int) -> LyricLine:
    """The text after a line's stamps: word stamps and an end stamp taken out."""
    stamps = [(m, ms) for m in INLINE_STAMP_RE.finditer(text) if (ms := stamp_ms(m)) is not None]
    if not stamps:
        return LyricLine(text) if text else _BLANK_LINE
    first, first_ms = stamps[0]
    if len(stamps) == 1 and not text[first.end() :].strip():
        before = text[: first.start()].strip()
        return LyricLine(before, (), first_ms) if before else _BLANK_LINE
    words: list[Word] = []
    before = text[: first.start()]
    if before:
        # Text before the first word stamp starts with the line itself.
        words.append(Word(line_time, before))
    for i, (match, ms) in enumerate(stamps):
        end = stamps[i + 1][0].start() if i + 1 < len(stamps) else len(text)
        words.append(Word(ms, text[match.end() : end]))
    clean = " ".join("".join(w.text for w in words).split())
    if not clean:
        return _BLANK_LINE
    last = words[-1]
    return LyricLine(clean, tuple(words), None if last.text.strip() else last.time_ms)


# ------------------------------------------------------------------------ synced


def _build_synced(items: list[_Item], tags: dict[str, str]) -> Lyrics:
    buckets: dict[int, list[LyricLine]] = {}
    last_times: tuple[int, ...] = (0,)
    header = True
    for item in items:
        text = item.text
        if item.times:
            last_times, header = item.times, False
        singer = _SINGER_RE.match(text)
        if singer is not None:
            text = text[singer.end() :]
        line = _parse_body(text, last_times[0])
        if header and _repeats_tags(line.text, tags):
            continue  # "Title - Artist" above the lyrics
        ref = _reference(line, last_times)
        for time_ms in last_times:
            placed = _shifted(line, time_ms - ref)
            if placed.end_ms is not None and placed.end_ms <= time_ms:
                placed = LyricLine(placed.text, placed.words)  # an "end" before the start
            buckets.setdefault(time_ms, []).append(placed)
    return Lyrics(_groups_from_buckets(buckets), True, tags, parse_offset(tags.get("offset", "")))


def _repeats_tags(text: str, tags: Mapping[str, str]) -> bool:
    words = set(_WORD_TOKEN_RE.findall(text.casefold()))
    known = " ".join(tags.get(key, "") for key in ("ti", "ar", "al")).casefold()
    return bool(words) and words <= set(_WORD_TOKEN_RE.findall(known))


def _reference(line: LyricLine, times: tuple[int, ...]) -> int:
    """The line time its inner stamps belong to: the latest one not after the first of them."""
    first = line.words[0].time_ms if line.words else line.end_ms
    if first is None or len(times) == 1:
        return times[0]
    before = [t for t in times if t <= first]
    return max(before) if before else min(times)


def _shifted(line: LyricLine, shift: int) -> LyricLine:
    if not shift or (not line.words and line.end_ms is None):
        return line
    words = tuple(Word(max(0, w.time_ms + shift), w.text) for w in line.words)
    end = None if line.end_ms is None else max(0, line.end_ms + shift)
    return LyricLine(line.text, words, end)


def _groups_from_buckets(buckets: dict[int, list[LyricLine]]) -> tuple[LyricGroup, ...]:
    groups = []
    for time_ms in sorted(buckets):
        lines = tuple(line for line in buckets[time_ms] if line.text)
        groups.append(LyricGroup(time_ms, lines or (_BLANK_LINE,)))
    return tuple(groups)


# ------------------------------------------------------------------------- plain


def _parse_plain(lines: list[str]) -> Lyrics:
    """Plain lyrics: known tags anywhere, other tags and comments only above the lyrics."""
    tags: dict[str, str] = {}
    kept: list[str] = []
    header = True
    for raw in lines:
        line = raw.strip()
        if not line:
            kept.append("")
            continue
        key, value = _tag_of(line, header)
        if key is not None and (header or key in _KNOWN):
            tags[key] = value
            continue
        if header and _PLAIN_COMMENT_RE.match(line):
            continue
        header = False
        # Stamps inside a line of an untimed file have no line to belong to: drop them.
        kept.append(_parse_body(line, 0).text)
    return Lyrics(_plain_groups(kept), False, tags, parse_offset(tags.get("offset", "")))


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
