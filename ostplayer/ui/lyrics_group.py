"""One lyric group in the lyrics view: its lines, their romanization, karaoke colouring,
and the style sheet that colours them (it selects the label properties set here).

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
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ostplayer.domain.lyrics import LyricGroup, LyricLine
from ostplayer.domain.romanize import has_hangul, romanize

__all__ = ["CONTENT_NAME", "PAUSE_MARK", "GroupView", "blend", "group_style_sheet", "romanization"]

PAUSE_MARK = "♪"
CONTENT_NAME = "lyricsContent"  # object name of the widget holding the groups
_LETTERS_RE = re.compile(r"[^a-z]")
_SYLLABLE_RE = re.compile(r"[\uac00-\ud7a3]")


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way towards ``b`` (0 = a, 1 = b)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def group_style_sheet(text: QColor, window: QColor, base_pt: float, large: bool) -> str:
    """Style sheet for the view holding the groups: dim lines, the current one in full
    text colour; plain lyrics (``synced`` false on the content widget) all in full."""
    dim = blend(text, window, 0.55).name()
    roman = blend(text, window, 0.5).name()
    roman_cur = blend(text, window, 0.3).name()
    line_pt = base_pt * (2.3 if large else 1.3)
    roman_pt = line_pt * 0.72
    # Normal weight: DejaVu (Latin) has no semibold, so any bolder weight turns
    # English lines heavy next to the Hangul (Nanum) ones.
    weight = 400
    return (
        f"QLabel[lyr='line'] {{ color: {dim}; font-size: {line_pt:.1f}pt;"
        f" font-weight: {weight}; }}\n"
        f"QLabel[lyr='line'][cur='true'] {{ color: {text.name()}; }}\n"
        f"#{CONTENT_NAME}[synced='false'] QLabel[lyr='line'] {{ color: {text.name()}; }}\n"
        f"QLabel[lyr='roman'] {{ color: {roman}; font-size: {roman_pt:.1f}pt; }}\n"
        f"QLabel[lyr='roman'][cur='true'] {{ color: {roman_cur}; }}\n"
    )


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
