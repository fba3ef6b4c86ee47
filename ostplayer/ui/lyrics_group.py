"""One lyric group in the lyrics view: its lines, their romanization, karaoke colouring.

Safety: lyric text is user/file content, so every label showing it is
``Qt.PlainText``. Word-by-word (enhanced LRC) lines need two colours and use rich
text, built only from ``html.escape``-d segments.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ostplayer.domain.lyrics import LyricGroup, LyricLine
from ostplayer.domain.romanize import has_hangul, romanize

__all__ = ["PAUSE_MARK", "GroupView", "romanization"]

PAUSE_MARK = "♪"
_LETTERS_RE = re.compile(r"[^a-z]")
_SYLLABLE_RE = re.compile(r"[\uac00-\ud7a3]")


def romanization(line: LyricLine, group: LyricGroup) -> str:
    """Romanized ``line``, or "" when it should get none."""
    text = line.text
    # Mostly-Korean lines only: for "Just one more time (영원히)" a romanized copy
    # would repeat the English for the sake of one word.
    letters = sum(1 for ch in text if ch.isalpha())
    if not has_hangul(text) or len(_SYLLABLE_RE.findall(text)) * 2 < letters:
        return ""
    roman = romanize(text)
    # Many K-drama LRCs ship their own romanization line; a second, slightly
    # different spelling under it would be noise. Compare letters only, loosely,
    # because romanization systems disagree on details (sipda / shipda).
    key = _LETTERS_RE.sub("", roman.lower())
    for other in group.lines:
        other_key = _LETTERS_RE.sub("", other.text.lower())
        if (
            key
            and not has_hangul(other.text)
            and SequenceMatcher(None, key, other_key).ratio() >= 0.75
        ):
            return ""
    return roman


class GroupView(QFrame):
    """All lines of one lyric group (plus romanizations); clicking it seeks there."""

    clicked = Signal(int)  # this group's index; synced or not (the view decides)

    def __init__(
        self, index: int, group: LyricGroup, synced: bool, accent: Callable[[], str]
    ) -> None:
        super().__init__()
        # A callable, not a colour: the palette (and so the accent) can change after
        # the group was built, and sung words must use the current one.
        self._accent = accent
        self.index = index
        self.group = group
        self._press_y: float | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.lines: list[tuple[LyricLine, QLabel]] = []
        self.romans: list[QLabel] = []
        self.word_times: list[tuple[int, ...]] = []  # per line with words
        self._word_state: list[int] = []
        if group.is_blank:
            # Synced: a timed pause, shown as a note. Plain: a stanza break.
            line = LyricLine(PAUSE_MARK if synced else "")
            self._add_line(layout, line)
        else:
            for line in group.lines:
                self._add_line(layout, line)
        if synced:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Click to play from here" if synced else "")

    def _add_line(self, layout: QVBoxLayout, line: LyricLine) -> None:
        label = QLabel()
        label.setProperty("lyr", "line")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if line.words:
            # Rich text only for karaoke colouring, from escaped segments only.
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(self._words_html(line, -1))
            self.word_times.append(tuple(w.time_ms for w in line.words))
            self._word_state.append(-1)
        else:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(line.text)
        layout.addWidget(label)
        self.lines.append((line, label))

    def _words_html(self, line: LyricLine, sung: int) -> str:
        accent = self._accent()
        parts = ['<span style="white-space:pre-wrap">']
        for i, word in enumerate(line.words):
            text = html.escape(word.text, quote=False)
            parts.append(f'<span style="color:{accent}">{text}</span>' if i < sung else text)
        parts.append("</span>")
        return "".join(parts)

    def set_romanized(self, enabled: bool) -> None:
        if enabled and not self.romans:
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            for line, label in list(self.lines):
                roman = romanization(line, self.group)
                if not roman:
                    continue
                rl = QLabel(roman)
                rl.setProperty("lyr", "roman")
                rl.setTextFormat(Qt.TextFormat.PlainText)
                rl.setWordWrap(True)
                rl.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                layout.insertWidget(layout.indexOf(label) + 1, rl)
                self.romans.append(rl)
        for rl in self.romans:
            rl.setVisible(enabled)

    def set_current(self, current: bool) -> None:
        for widget in [label for _, label in self.lines] + self.romans:
            widget.setProperty("cur", current)
            # Property selectors are evaluated at polish time only.
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if not current:
            self.update_words(None)

    def update_words(self, position_key: int | None) -> None:
        """Colour sung words; ``position_key`` is in the file's time base (None: none)."""
        k = 0
        for line, label in self.lines:
            if not line.words:
                continue
            sung = -1 if position_key is None else bisect_right(self.word_times[k], position_key)
            if sung != self._word_state[k]:
                self._word_state[k] = sung
                label.setText(self._words_html(line, sung))
            k += 1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_y = event.position().y()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A press and release close together is a click; a longer drag is someone
        # scrolling by touch/drag and must not seek.
        pressed, self._press_y = self._press_y, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and pressed is not None
            and abs(event.position().y() - pressed) < 8
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit(self.index)
        super().mouseReleaseEvent(event)
