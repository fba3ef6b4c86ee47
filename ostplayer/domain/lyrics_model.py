"""The lyrics model: words, lines, groups of lines shown together, and LRC output.

Pure values (frozen dataclasses). The readers live in :mod:`ostplayer.domain.lrc_reader`;
:mod:`ostplayer.domain.lyrics` is the public face of both.

``to_lrc`` keeps ``[offset:N]`` as a tag and writes the times as parsed (offset not folded
in), which makes ``parse_lrc(x.to_lrc()) == x`` exact for synced lyrics. Times are written as
``mm:ss.xx`` unless they need millisecond precision, then as ``mm:ss.xxx`` (a form every LRC
reader we know accepts). A line's end is written as a trailing stamp (``text[00:12.00]``), the
ESLyric/foobar2000 form, or as the last word stamp of a word-timed line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from ostplayer.domain.lrc_stamps import format_precise, parse_offset

__all__ = ["KNOWN_TAGS", "LyricGroup", "LyricLine", "Lyrics", "Word"]

#: Header tags read and never shown, case-insensitive, in the order ``to_lrc`` writes them.
#: Beyond the classic set: ``tool`` (LRC makers), ``#`` (comments), ``kana`` (NetEase/QQ
#: furigana), ``language``, ``id``, ``hash``, ``sign``, ``qq``, ``total`` (lyric-site
#: bookkeeping) and ``encoding`` (which the decoder also honours).
KNOWN_TAGS: tuple[str, ...] = (
    "ti",
    "ar",
    "al",
    "au",
    "length",
    "by",
    "re",
    "ve",
    "tool",
    "offset",
    "#",
    "kana",
    "language",
    "id",
    "hash",
    "sign",
    "qq",
    "total",
    "encoding",
)

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
    """A lyric line; ``end_ms`` is when its singing ends, when the file says so (else None)."""

    text: str
    words: tuple[Word, ...] = ()
    end_ms: int | None = None


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
            stamp = f"[{format_precise(group.time_ms or 0)}]" if self.synced else ""
            out.extend(stamp + _line_to_lrc(line, self.synced) for line in group.lines)
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
        if raw_offset is None or parse_offset(raw_offset) != self.offset_ms:
            raw_offset = str(self.offset_ms) if self.offset_ms else None
        if raw_offset is not None:
            tags["offset"] = raw_offset
        known = [(k, tags[k]) for k in KNOWN_TAGS if k in tags]
        return known + [(k, v) for k, v in tags.items() if k not in KNOWN_TAGS]


def _line_to_lrc(line: LyricLine, synced: bool) -> str:
    if not synced:
        return _one_line(line.text)
    if line.words:
        out = "".join(f"<{format_precise(w.time_ms)}>{w.text}" for w in line.words)
        last = line.words[-1]
        if line.end_ms is not None and (last.text.strip() or last.time_ms != line.end_ms):
            out += f"<{format_precise(line.end_ms)}>"
        return _one_line(out)
    if line.end_ms is not None and line.text:
        return _one_line(line.text) + f"[{format_precise(line.end_ms)}]"
    return _one_line(line.text)


def _one_line(text: str) -> str:
    return _NEWLINE_RE.sub(" ", text)
