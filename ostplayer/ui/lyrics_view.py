"""The lyrics panel: follows playback, highlights the current group, seeks on click.

Layout: a header (title, where the lyrics come from, "not synced" note), a scroll
area with one ``_GroupView`` per lyric group, and a footer with the offset control.

Performance: the lead calls :meth:`LyricsView.set_position` every 16-30 ms. When the
group has not changed that is one bisect and a comparison. A group change restyles
only the old and the new group (colour only: same font, so no text re-wraps) and
starts one scroll animation.

Safety: lyric text is user/file content, so every label showing it is
``Qt.PlainText``. Word-by-word (enhanced LRC) lines need two colours and use rich
text, built only from ``html.escape``-d segments.

Following: our own scrolling goes through ``setValue`` (animation), which never
emits ``actionTriggered``; wheel, keys and scrollbar drags do. That is how a user
scroll is told apart from ours, and it pauses following for ``follow_resume_ms``.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPropertyAnimation,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ostplayer.domain.lyrics import LyricGroup, LyricLine, Lyrics
from ostplayer.domain.romanize import has_hangul, romanize
from ostplayer.lyrics_sources import FoundLyrics, LyricsOrigin

__all__ = ["LyricsView"]

OFFSET_STEP_MS = 100
PAUSE_MARK = "♪"
_LETTERS_RE = re.compile(r"[^a-z]")
_SYLLABLE_RE = re.compile(r"[\uac00-\ud7a3]")


def _button(text: str, tip: str, slot: Callable[[], object] | SignalInstance) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)  # PySide drops the "checked" argument for 0-arg slots
    return button


def _row(*items: QWidget | tuple[QWidget, int]) -> QWidget:
    """A margin-less horizontal strip; ``(widget, stretch)`` items stretch."""
    strip = QWidget()
    row = QHBoxLayout(strip)
    row.setContentsMargins(0, 0, 0, 0)
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        row.addWidget(widget, stretch)
    return strip


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way towards ``b`` (0 = a, 1 = b)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def origin_text(found: FoundLyrics) -> str:
    """Header line saying where the lyrics come from."""
    origin = found.origin
    if origin is LyricsOrigin.LIBRARY:
        return "Lyrics saved in your library"
    if origin in (LyricsOrigin.SIDECAR_LRC, LyricsOrigin.SIDECAR_TXT):
        return f"From the file {found.detail}"
    if origin is LyricsOrigin.EMBEDDED:
        return f"Embedded in the audio file ({found.detail})"
    return "Catalog excerpt (may be incomplete)"


def _romanization(line: LyricLine, group: LyricGroup) -> str:
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


class _ElidedLabel(QLabel):
    """One-line label that elides in the middle (long sidecar paths) instead of widening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        # Tooltips auto-detect rich text: hand them escaped HTML so a path is never markup.
        self.setToolTip(f"<p>{html.escape(text)}</p>" if text else "")
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(10, self.width())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))


class _GroupView(QFrame):
    """All lines of one lyric group (plus romanizations); clicking it seeks there."""

    def __init__(self, view: LyricsView, index: int, group: LyricGroup, synced: bool) -> None:
        super().__init__()
        self._view = view
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
        parts = ['<span style="white-space:pre-wrap">']
        for i, word in enumerate(line.words):
            text = html.escape(word.text, quote=False)
            parts.append(
                f'<span style="color:{self._view.accent_name}">{text}</span>' if i < sung else text
            )
        parts.append("</span>")
        return "".join(parts)

    def set_romanized(self, enabled: bool) -> None:
        if enabled and not self.romans:
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            for line, label in list(self.lines):
                roman = _romanization(line, self.group)
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
        pressed, self._press_y = self._press_y, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and pressed is not None
            and abs(event.position().y() - pressed) < 8
            and self.rect().contains(event.position().toPoint())
        ):
            self._view._group_clicked(self.index)
        super().mouseReleaseEvent(event)


class LyricsView(QWidget):
    """Lyrics panel. Feed it :meth:`set_position` while playing; see the module doc."""

    seek_requested = Signal(int)  # ms, a group's effective time (offsets included)
    offset_changed = Signal(int)  # ms, by the user's offset buttons only
    sync_requested = Signal()  # "Sync them…" on plain lyrics
    edit_requested = Signal()  # "Add lyrics…" / "Edit…"

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        follow_resume_ms: int = 4000,
        scroll_duration_ms: int = 350,
    ) -> None:
        super().__init__(parent)
        self.scroll_duration_ms = scroll_duration_ms
        self._lyrics: Lyrics | None = None
        self._groups: list[_GroupView] = []
        self._current = -1
        self._position = 0
        self._offset = 0
        self._romanized = False
        self._large = False
        self._following = True
        self.accent_name = "#3daee9"

        self._title = QLabel()
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setWordWrap(True)
        self._origin = _ElidedLabel()
        self._note = _row(
            (QLabel("These lyrics are not synced"), 1),
            _button("Sync them…", "Tap along with the song to time each line", self.sync_requested),
        )

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.viewport().installEventFilter(self)
        bar = self._scroll.verticalScrollBar()
        bar.actionTriggered.connect(self._user_scrolled)
        bar.rangeChanged.connect(self._recenter)
        self._anim = QPropertyAnimation(bar, b"value", self)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._resume_timer = QTimer(self)
        self._resume_timer.setSingleShot(True)
        self._resume_timer.setInterval(follow_resume_ms)
        self._resume_timer.timeout.connect(self._resume_following)

        empty = QWidget()
        empty_col = QVBoxLayout(empty)
        empty_label = QLabel("No lyrics yet")
        empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_col.addStretch(1)
        empty_col.addWidget(empty_label)
        add = _button("Add lyrics…", "Type, paste or import lyrics", self.edit_requested)
        empty_col.addWidget(add, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_col.addStretch(2)
        self._stack = QStackedWidget()
        self._stack.addWidget(empty)
        self._stack.addWidget(self._scroll)

        step = OFFSET_STEP_MS
        self._offset_label = QLabel()
        self._offset_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0.0 s earlier  "))
        self._offset_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._reset = _button(
            "Reset", "Back to the timing in the lyrics file", lambda: self._user_offset(0)
        )
        self._offset_box = _row(
            _button(
                "Earlier",
                "Show the lyrics 0.1 s earlier (they lag behind the singing)",
                lambda: self._user_offset(self._offset + step),
            ),
            self._offset_label,
            _button(
                "Later",
                "Show the lyrics 0.1 s later (they run ahead of the singing)",
                lambda: self._user_offset(self._offset - step),
            ),
            self._reset,
        )
        self._footer = _row(
            (_button("Edit…", "Edit, import or sync these lyrics", self.edit_requested), 0),
            (QWidget(), 1),
            self._offset_box,
        )

        col = QVBoxLayout(self)
        col.addWidget(self._title)
        col.addWidget(self._origin)
        col.addWidget(self._note)
        col.addWidget(self._stack, 1)
        col.addWidget(self._footer)
        self._apply_style()
        self._update_offset_label()
        self.set_lyrics(None)

    # ------------------------------------------------------------------ public API

    @property
    def lyrics(self) -> Lyrics | None:
        return self._lyrics

    @property
    def current_group_index(self) -> int:
        """Highlighted group, -1 for none (before the first line, or unsynced)."""
        return self._current

    @property
    def offset_ms(self) -> int:
        return self._offset

    @property
    def is_following(self) -> bool:
        return self._following

    @property
    def follow_resume_ms(self) -> int:
        return self._resume_timer.interval()

    @follow_resume_ms.setter
    def follow_resume_ms(self, ms: int) -> None:
        self._resume_timer.setInterval(max(0, int(ms)))

    def group_widget(self, index: int) -> QWidget:
        """The widget showing group ``index`` (for tests and for positioning popups)."""
        return self._groups[index]

    def set_lyrics(self, found: FoundLyrics | None, song_title: str = "") -> None:
        """Show ``found`` (None: the empty state). Resets the offset to 0."""
        self._anim.stop()
        self._resume_timer.stop()
        self._following = True
        self._current = -1
        self._offset = 0
        self._update_offset_label()
        self._title.setText(song_title)
        self._title.setVisible(bool(song_title))
        lyrics = found.lyrics if found is not None and not found.lyrics.is_empty else None
        self._lyrics = lyrics
        self._origin.set_full_text(origin_text(found) if lyrics is not None and found else "")
        self._origin.setVisible(lyrics is not None)
        synced = lyrics is not None and lyrics.synced
        self._note.setVisible(lyrics is not None and not synced)
        self._footer.setVisible(lyrics is not None)
        self._offset_box.setVisible(synced)
        content = QWidget()
        content.setObjectName("lyricsContent")
        content.setProperty("synced", synced)
        col = QVBoxLayout(content)
        col.setSpacing(self._group_spacing())
        self._groups = []
        for i, group in enumerate(lyrics.groups if lyrics is not None else ()):
            gv = _GroupView(self, i, group, synced)
            if self._romanized:
                gv.set_romanized(True)
            col.addWidget(gv)
            self._groups.append(gv)
        self._scroll.setWidget(content)  # deletes the previous content widget
        self._update_padding()
        self._stack.setCurrentIndex(1 if lyrics is not None else 0)
        self._scroll.verticalScrollBar().setValue(0)
        if synced:
            self._set_current(lyrics.group_index_at(self._position, 0), animate=False)

    def set_position(self, ms: int) -> None:
        """Playback position (ms); cheap when the current group does not change."""
        self._position = ms
        lyrics = self._lyrics
        if lyrics is None or not lyrics.synced:
            return
        index = lyrics.group_index_at(ms, self._offset)
        if index != self._current:
            self._set_current(index, animate=True)
        if index >= 0 and self._groups[index].word_times:
            self._groups[index].update_words(ms + lyrics.offset_ms + self._offset)

    def set_offset(self, ms: int) -> None:
        """Restore a saved offset (positive: lyrics earlier). Does not emit."""
        self._offset = int(ms)
        self._update_offset_label()
        self.set_position(self._position)

    def set_romanization(self, enabled: bool) -> None:
        """Show a romanized line under each Hangul line."""
        self._romanized = bool(enabled)
        for gv in self._groups:
            gv.set_romanized(self._romanized)
        self._recenter_later()

    def set_large(self, enabled: bool) -> None:
        """Large type for the full-window lyrics mode."""
        self._large = bool(enabled)
        self._apply_style()
        content = self._scroll.widget()
        if content is not None and content.layout() is not None:
            content.layout().setSpacing(self._group_spacing())
        self._recenter_later()

    # ------------------------------------------------------------------ internals

    def _set_current(self, index: int, *, animate: bool) -> None:
        old, self._current = self._current, index
        if 0 <= old < len(self._groups):
            self._groups[old].set_current(False)
        if 0 <= index < len(self._groups):
            self._groups[index].set_current(True)
        if self._following:
            self._scroll_to_current(animate)

    def _target_value(self) -> int:
        bar = self._scroll.verticalScrollBar()
        if not 0 <= self._current < len(self._groups):
            return bar.minimum()
        gv = self._groups[self._current]
        centre = gv.y() + gv.height() // 2 - self._scroll.viewport().height() // 2
        return max(bar.minimum(), min(bar.maximum(), centre))

    def _scroll_to_current(self, animate: bool) -> None:
        bar = self._scroll.verticalScrollBar()
        target = self._target_value()
        self._anim.stop()
        if not animate or not self.isVisible() or self.scroll_duration_ms <= 0:
            bar.setValue(target)
        elif target != bar.value():
            self._anim.setDuration(self.scroll_duration_ms)
            self._anim.setStartValue(bar.value())
            self._anim.setEndValue(target)
            self._anim.start()

    def _recenter(self, *_: object) -> None:
        # Layout changed (resize, romanization, large type): keep the current line centred.
        if self._following:
            animating = self._anim.state() == QPropertyAnimation.State.Running
            self._scroll_to_current(animate=animating)

    def _recenter_later(self) -> None:
        QTimer.singleShot(0, self._recenter)

    def _user_scrolled(self, _action: int) -> None:
        self._anim.stop()
        self._following = False
        self._resume_timer.start()

    def _resume_following(self) -> None:
        if self._scroll.verticalScrollBar().isSliderDown():
            self._resume_timer.start()  # still holding the scrollbar
            return
        self._following = True
        self._scroll_to_current(animate=True)

    def _group_clicked(self, index: int) -> None:
        lyrics = self._lyrics
        if lyrics is None or not lyrics.synced:
            return
        ms = max(0, lyrics.effective_time(index, self._offset))
        self._resume_timer.stop()
        self._following = True
        self.seek_requested.emit(ms)
        # Highlight at once; the player's next position confirms it.
        self.set_position(ms)
        self._scroll_to_current(animate=True)  # also when it was already the current group

    def _user_offset(self, ms: int) -> None:
        if ms != self._offset:
            self.set_offset(ms)
            self.offset_changed.emit(self._offset)

    def _update_offset_label(self) -> None:
        ms = self._offset
        text = (
            "On time" if ms == 0 else f"{abs(ms) / 1000:.1f} s {'earlier' if ms > 0 else 'later'}"
        )
        self._offset_label.setText(text)
        self._reset.setEnabled(ms != 0)

    def _group_spacing(self) -> int:
        return 26 if self._large else 14

    def _update_padding(self) -> None:
        # Half a viewport above the first and below the last line, so both can centre.
        content = self._scroll.widget()
        if content is not None and content.layout() is not None:
            pad = self._scroll.viewport().height() // 2
            content.layout().setContentsMargins(12, pad, 12, pad)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._update_padding()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_origin"):
            self._apply_style()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self._recenter_later()

    def _apply_style(self) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        window = pal.color(QPalette.ColorRole.Window)
        self.accent_name = pal.color(QPalette.ColorRole.Accent).name()
        dim = _blend(text, window, 0.55).name()
        roman = _blend(text, window, 0.5).name()
        roman_cur = _blend(text, window, 0.3).name()
        base = max(9.0, self.font().pointSizeF())
        line_pt = base * (2.3 if self._large else 1.3)
        roman_pt = line_pt * 0.72
        # Normal weight: DejaVu (Latin) has no semibold, so any bolder weight turns
        # English lines heavy next to the Hangul (Nanum) ones.
        weight = 400
        self.setStyleSheet(
            f"QLabel[lyr='line'] {{ color: {dim}; font-size: {line_pt:.1f}pt;"
            f" font-weight: {weight}; }}\n"
            f"QLabel[lyr='line'][cur='true'] {{ color: {text.name()}; }}\n"
            f"#lyricsContent[synced='false'] QLabel[lyr='line'] {{ color: {text.name()}; }}\n"
            f"QLabel[lyr='roman'] {{ color: {roman}; font-size: {roman_pt:.1f}pt; }}\n"
            f"QLabel[lyr='roman'][cur='true'] {{ color: {roman_cur}; }}\n"
        )
        self._title.setStyleSheet(f"font-weight: 600; font-size: {base * 1.15:.1f}pt;")
        self._origin.setStyleSheet(f"color: {roman};")
