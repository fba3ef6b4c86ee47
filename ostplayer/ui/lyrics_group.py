"""What the lyrics view draws for a lyric group: its lines, their romanization, its colours.

No widgets here: :mod:`ostplayer.ui.lyrics_document` puts all groups into one text
document, because one widget per line took seconds to build for long lyrics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtGui import QColor

from ostplayer.domain.lyrics import LyricGroup, LyricLine
from ostplayer.domain.romanize import has_hangul, romanize

__all__ = ["PAUSE_MARK", "LyricsColors", "blend", "display_text", "romanization"]

PAUSE_MARK = "♪"
_LETTERS_RE = re.compile(r"[^a-z]")
_HANGUL_RUN_RE = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+")


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way towards ``b`` (0 = a, 1 = b)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


@dataclass(frozen=True)
class LyricsColors:
    """Synced lyrics: the current group in full text colour (and larger), the lines to come
    soft (``dim``), the lines sung already dimmer still (``past``); plain lyrics are all in
    full text colour. Sung words (enhanced LRC) take the accent. ``dim`` keeps 4.5:1 against
    the background in both palettes (tested); ``past`` is history, deliberately quieter."""

    text: QColor
    dim: QColor
    roman: QColor
    roman_current: QColor
    accent: QColor
    past: QColor
    roman_past: QColor

    @classmethod
    def from_palette(cls, text: QColor, window: QColor, accent: QColor) -> LyricsColors:
        return cls(
            text,
            blend(text, window, 0.35),
            blend(text, window, 0.42),
            blend(text, window, 0.25),
            accent,
            blend(text, window, 0.62),
            blend(text, window, 0.68),
        )


def display_text(line: LyricLine) -> tuple[str, tuple[int, ...]]:
    """The text shown for ``line`` and, for word-stamped lines, where each word ends.

    Word-stamped lines show their segments as written (so the karaoke colouring can
    follow them), minus the outer spaces.
    """
    if not line.words:
        return line.text, ()
    raw = "".join(w.text for w in line.words)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    ends, pos = [], 0
    for word in line.words:
        pos += len(word.text)
        ends.append(max(0, min(len(text), pos - lead)))
    return text, tuple(ends)


def romanization(line: LyricLine, group: LyricGroup) -> str:
    """Romanized ``line`` (Hangul romanized, everything else kept), or "" for none."""
    text = line.text
    if not has_hangul(text):
        return ""
    roman = romanize(text)
    if not roman or roman == text:
        return ""
    # Many K-drama LRCs ship their own romanization line; a second, slightly
    # different spelling under it would be noise. Compare the romanized Hangul only
    # (English in a mixed line is no evidence), letters only, loosely, because
    # romanization systems disagree on details (sipda / shipda).
    key = _LETTERS_RE.sub("", romanize(" ".join(_HANGUL_RUN_RE.findall(text))).lower())
    for other in group.lines:
        other_key = _LETTERS_RE.sub("", other.text.lower())
        if (
            key
            and other_key
            and not has_hangul(other.text)
            and (
                (len(key) >= 4 and key in other_key)
                or SequenceMatcher(None, key, other_key).ratio() >= 0.75
            )
        ):
            return ""
    return roman
