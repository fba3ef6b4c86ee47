"""All lyric groups in one read-only text document: built once, highlighted by colour only.

Why one document: a widget (and a style sheet polish) per line took ~3 s to show 5,000
lines; a document built with one edit block takes a fraction of that, and its layout
is done by Qt in C++.

Why extra selections for the highlight: they are painted over the laid-out text, so
moving the highlight (or colouring sung words) changes no layout and restyles nothing
but the two groups involved.

Safety: lyric text goes in with ``insertText`` only, never as HTML, so markup in a
file is shown as the characters it is.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextEdit

from ostplayer.domain.lyrics import LyricLine, Lyrics

from .lyrics_group import PAUSE_MARK, LyricsColors, display_text, romanization

__all__ = ["PAGE_MARGIN", "LyricsDocumentView"]

PAGE_MARGIN = 12  # px around plain lyrics, and beside synced ones
_LINE_GAP = 2  # px between the lines of one group
_ROMAN_SCALE = 0.72  # our romanization line, against the line it romanizes
_SECOND_SCALE = 0.8  # a group's further lines (the file's translation, romanization)


class _Line:
    """One block of the document: a lyric line or its romanization."""

    __slots__ = ("block", "ends", "line", "pt", "roman", "times")

    def __init__(
        self, block: int, line: LyricLine | None, ends: tuple[int, ...], pt: float
    ) -> None:
        self.block = block
        self.line = line
        self.roman = line is None
        self.pt = pt  # its type size when not current
        self.ends = ends  # character end of each word (enhanced LRC), else ()
        self.times = tuple(w.time_ms for w in line.words) if line is not None and ends else ()


class LyricsDocumentView(QTextEdit):
    """The scrolling lyrics. The owner decides what is current; this draws it."""

    group_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
        self._groups: list[list[_Line]] = []
        self._synced = False
        self._current = -1
        self._sung: tuple[int, int] = (-1, 0)  # (group, words sung in it)
        self._painted: list[_Line] = []  # karaoke lines coloured in the document
        self._colors: LyricsColors | None = None
        self._pad = 0
        self._press: QPointF | None = None
        self._past: set[int] = set()  # groups coloured as sung already
        self._enlarged = -1  # the group set in the larger current-line size
        self._line_pt = 12.0
        self._roman_pt = 9.0

    # ------------------------------------------------------------------ building

    def build(
        self,
        lyrics: Lyrics | None,
        colors: LyricsColors,
        base_pt: float,
        *,
        large: bool,
        romanized: bool,
    ) -> None:
        """Replace the document with ``lyrics`` (None: empty)."""
        self._colors = colors
        self._synced = lyrics is not None and lyrics.synced
        self._groups = []
        self._sung = (-1, 0)
        self._painted = []
        line_pt = base_pt * (2.3 if large else 1.3)
        self._line_pt, self._roman_pt = line_pt, line_pt * _ROMAN_SCALE
        second_pt = line_pt * _SECOND_SCALE
        self._past = set()
        self._enlarged = -1
        line_fmt = QTextCharFormat()
        line_fmt.setFontPointSize(line_pt)
        # Normal weight: DejaVu (Latin) has no semibold, so any bolder weight turns
        # English lines heavy next to the Hangul (Nanum) ones.
        line_fmt.setFontWeight(QFont.Weight.Normal)
        line_fmt.setForeground(colors.dim if self._synced else colors.text)
        roman_fmt = QTextCharFormat(line_fmt)
        roman_fmt.setFontPointSize(self._roman_pt)
        roman_fmt.setForeground(colors.roman)
        # A group's further lines (the file's translation or romanization under the line
        # sung) are set smaller, so the sung line leads.
        second_fmt = QTextCharFormat(line_fmt)
        second_fmt.setFontPointSize(second_pt)
        if self._synced:
            gap = 26 if large else 14
        else:
            gap = 10 if large else 4

        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(0)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        block = 0

        def add(text: str, fmt: QTextCharFormat, top: int) -> None:
            nonlocal block
            bf = QTextBlockFormat()
            bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            bf.setTopMargin(top)
            if block:
                cursor.insertBlock(bf, fmt)
            else:
                cursor.setBlockFormat(bf)
                cursor.setBlockCharFormat(fmt)
            cursor.insertText(text, fmt)
            block += 1

        for index, group in enumerate(lyrics.groups if lyrics is not None else ()):
            entries: list[_Line] = []
            lines = group.lines
            if group.is_blank:
                # Synced: a timed pause, shown as a note. Plain: a stanza break.
                lines = (LyricLine(PAUSE_MARK if self._synced else ""),)
            for k, line in enumerate(lines):
                text, ends = display_text(line)
                fmt, pt = (second_fmt, second_pt) if k else (line_fmt, line_pt)
                add(text, fmt, gap if index and not k else _LINE_GAP if k else 0)
                entries.append(_Line(block - 1, line, ends, pt))
                roman = romanization(line, group) if romanized else ""
                if roman:
                    add(roman, roman_fmt, _LINE_GAP)
                    entries.append(_Line(block - 1, None, (), self._roman_pt))
            self._groups.append(entries)
        cursor.endEditBlock()
        self.setDocument(doc)
        self._apply_margins()
        self._show_current()

    def _apply_margins(self) -> None:
        doc = self.document()
        fmt = doc.rootFrame().frameFormat()
        vertical = self._pad if self._synced else PAGE_MARGIN
        fmt.setTopMargin(vertical)
        fmt.setBottomMargin(vertical)
        fmt.setLeftMargin(PAGE_MARGIN)
        fmt.setRightMargin(PAGE_MARGIN)
        doc.rootFrame().setFrameFormat(fmt)

    def set_padding(self, pad: int) -> None:
        """Synced lyrics get ``pad`` px above the first and below the last line, so both
        can be centred; plain lyrics start at the top, after a page margin."""
        if pad != self._pad:
            self._pad = pad
            if self._synced:
                self._apply_margins()

    # ------------------------------------------------------------------ highlight

    @property
    def group_count(self) -> int:
        return len(self._groups)

    def has_words(self, index: int) -> bool:
        return 0 <= index < len(self._groups) and any(e.times for e in self._groups[index])

    def set_current(self, index: int) -> None:
        self._current = index
        self._sung = (-1, 0)
        if self._synced and self._colors is not None:
            self._color_past(max(0, index))
            self._enlarge(index)
        self._show_current()

    _PAST_SPAN = 40  # groups before the current one drawn as sung (the rest: as to come)

    def _color_past(self, past_end: int) -> None:
        """The groups just before ``past_end`` dimmer (sung), the others soft (to come).

        Only a span of them: recolouring thousands of lines after a seek to the end of a long
        file took seconds, and lines that far up are off screen anyway."""
        colors = self._colors
        new = set(range(max(0, past_end - self._PAST_SPAN), min(past_end, len(self._groups))))
        old = self._past
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one layout pass for the whole change
        for index, past in [(i, False) for i in old - new] + [(i, True) for i in new - old]:
            if index >= len(self._groups):
                continue
            for entry in self._groups[index]:
                block = doc.findBlockByNumber(entry.block)
                if entry.roman:
                    color = colors.roman_past if past else colors.roman
                else:
                    color = colors.past if past else colors.dim
                if entry.times and index == self._current:
                    continue  # a karaoke line being sung is coloured by _show_current
                self._color_range(
                    block.position(), block.position() + block.length() - 1, color, cursor
                )
        cursor.endEditBlock()
        self._past = new

    _CURRENT_SCALE = 1.14  # the current line a little larger, as on a stage

    def _enlarge(self, index: int) -> None:
        if index == self._enlarged:
            return
        for group, scale in ((self._enlarged, 1.0), (index, self._CURRENT_SCALE)):
            if not 0 <= group < len(self._groups):
                continue
            doc = self.document()
            for entry in self._groups[group]:
                block = doc.findBlockByNumber(entry.block)
                cursor = QTextCursor(doc)
                cursor.setPosition(block.position())
                cursor.setPosition(
                    block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
                )
                fmt = QTextCharFormat()
                fmt.setFontPointSize(entry.pt * scale)
                cursor.mergeCharFormat(fmt)
        self._enlarged = index

    def update_words(self, position_key: int) -> None:
        """Colour the current group's sung words; ``position_key`` is in the file's time."""
        if not self.has_words(self._current):
            return
        sung = sum(
            1 + bisect_right(e.times, position_key) for e in self._groups[self._current] if e.times
        )
        if (self._current, sung) != self._sung:
            self._sung = (self._current, sung)
            self._show_current(position_key)

    def _show_current(self, position_key: int | None = None) -> None:
        colors = self._colors
        selections: list[QTextEdit.ExtraSelection] = []
        painted: list[_Line] = []
        doc = self.document()
        if colors is not None and self._synced and 0 <= self._current < len(self._groups):
            for entry in self._groups[self._current]:
                block = doc.findBlockByNumber(entry.block)
                start, end = block.position(), block.position() + block.length() - 1
                if entry.times:
                    # Two extra selections on one line do not both paint (Qt draws one),
                    # so a karaoke line is coloured in the document itself.
                    sung = 0 if position_key is None else bisect_right(entry.times, position_key)
                    split = start + (entry.ends[sung - 1] if sung else 0)
                    self._color_range(start, split, colors.accent)
                    self._color_range(split, end, colors.text)
                    painted.append(entry)
                    continue
                color = colors.roman_current if entry.roman else colors.text
                selections.append(self._selection(start, end, color))
        first_current = (
            self._groups[self._current][0].block if 0 <= self._current < len(self._groups) else 0
        )
        for entry in self._painted:
            if entry not in painted and colors is not None and entry.block < doc.blockCount():
                block = doc.findBlockByNumber(entry.block)
                color = colors.past if entry.block < first_current else colors.dim
                self._color_range(block.position(), block.position() + block.length() - 1, color)
        self._painted = painted
        self.setExtraSelections(selections)

    def _color_range(
        self, start: int, end: int, color: QColor, cursor: QTextCursor | None = None
    ) -> None:
        if end <= start:
            return
        cursor = cursor or QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setForeground(color)
        cursor.mergeCharFormat(fmt)

    def _selection(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setForeground(color)
        sel.format = fmt
        return sel

    def colored_text(self, color: QColor | str) -> str:
        """Text the highlight draws in ``color`` (what a user sees lit up)."""
        name = QColor(color).name()
        out = [
            s.cursor.selectedText()
            for s in self.extraSelections()
            if s.format.foreground().color().name() == name
        ]
        for entry in self._painted:
            it = self.document().findBlockByNumber(entry.block).begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().foreground().color().name() == name:
                    out.append(fragment.text())
                it += 1
        return "".join(out)

    # ------------------------------------------------------------------ geometry

    def group_rect(self, index: int) -> QRectF:
        """Group ``index`` in document coordinates (y 0 = top of the scrolled content)."""
        entries = self._groups[index]
        doc = self.document()
        layout = doc.documentLayout()
        first = layout.blockBoundingRect(doc.findBlockByNumber(entries[0].block))
        last = layout.blockBoundingRect(doc.findBlockByNumber(entries[-1].block))
        return first.united(last)

    def group_viewport_rect(self, index: int) -> QRectF:
        return self.group_rect(index).translated(0, -self.verticalScrollBar().value())

    def group_at(self, viewport_pos: QPointF) -> int:
        """The group under a viewport position, -1 for none (padding, margins)."""
        doc = self.document()
        y = viewport_pos.y() + self.verticalScrollBar().value()
        position = doc.documentLayout().hitTest(
            QPointF(viewport_pos.x(), y), Qt.HitTestAccuracy.FuzzyHit
        )
        if position < 0:
            return -1
        number = doc.findBlock(position).blockNumber()
        for index, entries in enumerate(self._groups):
            if entries[0].block <= number <= entries[-1].block:
                rect = self.group_rect(index)
                return index if rect.top() <= y <= rect.bottom() else -1
        return -1

    # ------------------------------------------------------------------ input

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A press and release close together is a click; a longer drag is someone
        # scrolling by touch/drag and must not seek.
        pressed, self._press = self._press, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and pressed is not None
            and abs(event.position().y() - pressed.y()) < 8
        ):
            index = self.group_at(event.position())
            if index >= 0:
                self.group_clicked.emit(index)
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._synced:
            over = self.group_at(event.position()) >= 0
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
            self.viewport().setCursor(shape)
        super().mouseMoveEvent(event)
