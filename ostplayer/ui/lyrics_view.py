"""The lyrics panel: follows playback, highlights the current group, seeks on click.

Layout: a header (title, where the lyrics come from, "not synced" note), a scroll
area with one :class:`~ostplayer.ui.lyrics_group.GroupView` per lyric group, and a
footer with the offset control. Synced lyrics are padded by half a viewport so the
first and last lines can be centred; plain lyrics read like a page, from the top, and
are never scrolled by the view.

Performance: the lead calls :meth:`LyricsView.set_position` every 16-30 ms. When the
group has not changed that is one bisect and a comparison. A group change restyles
only the old and the new group (colour only: same font, so no text re-wraps) and
starts one scroll animation.

Safety: lyric text is user/file content; see :mod:`ostplayer.ui.lyrics_group`. The
header's title and source are ``Qt.PlainText`` too.

Following: our own scrolling goes through ``setValue`` (animation), which never
emits ``actionTriggered``; wheel, keys and scrollbar drags do. That is how a user
scroll is told apart from ours, and it pauses following for ``follow_resume_ms``.
"""

from __future__ import annotations

from collections.abc import Callable

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
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ostplayer.domain.lyrics import Lyrics
from ostplayer.lyrics_sources import FoundLyrics

from .lyrics_group import CONTENT_NAME, GroupView, blend, group_style_sheet
from .lyrics_header import ElidedLabel, origin_text

__all__ = ["LyricsView"]

OFFSET_STEP_MS = 100
PAGE_MARGIN = 12  # px around plain lyrics and the empty state, and beside synced ones


def _button(
    text: str, tip: str, slot: Callable[[], object] | SignalInstance, compact: bool = False
) -> QAbstractButton:
    # Compact (tool) buttons lack a push button's minimum width, so the offset row
    # does not force the side panel wide and squeeze the song page.
    button: QAbstractButton = QToolButton() if compact else QPushButton()
    button.setText(text)
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
        self._groups: list[GroupView] = []
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
        self._origin = ElidedLabel()
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

        # The empty state sits at the top, where plain lyrics would start.
        empty = QWidget()
        empty_col = QVBoxLayout(empty)
        empty_col.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        empty_label = QLabel("No lyrics yet")
        empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        empty_col.addWidget(empty_label)
        add = _button("Add lyrics…", "Type, paste or import lyrics", self.edit_requested)
        empty_col.addWidget(add, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_col.addStretch(1)
        self._stack = QStackedWidget()
        self._stack.addWidget(empty)
        self._stack.addWidget(self._scroll)

        step = OFFSET_STEP_MS
        self._offset_label = QLabel()
        self._offset_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0.0 s earlier"))
        self._offset_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._reset = _button(
            "Reset", "Back to the timing in the lyrics file", lambda: self._user_offset(0), True
        )
        self._offset_box = _row(
            _button(
                "Earlier",
                "Show the lyrics 0.1 s earlier (they lag behind the singing)",
                lambda: self._user_offset(self._offset + step),
                True,
            ),
            self._offset_label,
            _button(
                "Later",
                "Show the lyrics 0.1 s later (they run ahead of the singing)",
                lambda: self._user_offset(self._offset - step),
                True,
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
        content.setObjectName(CONTENT_NAME)
        content.setProperty("synced", synced)
        col = QVBoxLayout(content)
        col.setSpacing(self._group_spacing())
        self._groups = []
        for i, group in enumerate(lyrics.groups if lyrics is not None else ()):
            gv = GroupView(i, group, synced, lambda: self.accent_name)
            gv.clicked.connect(self._group_clicked)
            if self._romanized:
                gv.set_romanized(True)
            col.addWidget(gv)
            self._groups.append(gv)
        # Short lyrics must not be spread over the viewport's height.
        col.addStretch(1)
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

    def _synced(self) -> bool:
        return self._lyrics is not None and self._lyrics.synced

    def _scroll_to_current(self, animate: bool) -> None:
        # Plain lyrics have no current line: the reader owns the scrollbar, so a resize
        # or the end of the follow pause must not send them back to the top.
        if not self._synced():
            return
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
        # Synced groups are apart so the moving highlight reads as one unit; plain
        # lyrics are a page of verse, so lines sit closer.
        if self._synced():
            return 26 if self._large else 14
        return 10 if self._large else 4

    def _update_padding(self) -> None:
        # Synced: half a viewport above the first and below the last line, so both can
        # centre. Plain: a page margin only, so the text starts at the top.
        content = self._scroll.widget()
        if content is not None and content.layout() is not None:
            pad = self._scroll.viewport().height() // 2 if self._synced() else PAGE_MARGIN
            content.layout().setContentsMargins(PAGE_MARGIN, pad, PAGE_MARGIN, pad)

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
        base = max(9.0, self.font().pointSizeF())
        self.setStyleSheet(group_style_sheet(text, window, base, self._large))
        self._title.setStyleSheet(f"font-weight: 600; font-size: {base * 1.15:.1f}pt;")
        self._origin.setStyleSheet(f"color: {blend(text, window, 0.5).name()};")
