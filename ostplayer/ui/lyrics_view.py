"""The lyrics panel: follows playback, highlights the current group, seeks on click.

Layout: a header (title, where the lyrics come from, "not synced" note), the lyrics
themselves in one :class:`~ostplayer.ui.lyrics_document.LyricsDocumentView`, and a
footer with the offset control. Synced lyrics are padded by half a viewport so the
first and last lines can be centred; plain lyrics read like a page, from the top, and
are never scrolled by the view.

Following and its smooth scroll live in :mod:`~ostplayer.ui.lyrics_follow_scroll`, the
timing control in :mod:`~ostplayer.ui.lyrics_offset`, the painting in
:mod:`~ostplayer.ui.lyrics_document`, the header pieces in :mod:`~ostplayer.ui.lyrics_header`.

Performance: the lead calls :meth:`LyricsView.set_position` when a change is due. When the
group has not changed that is one bisect and a comparison. A group change moves the
highlight, dims the group just sung, sets the new one larger, and starts one scroll (or
jumps, with animation off). Enhanced LRC words are coloured as their stamps pass:
:meth:`ms_until_next_change` names the next word, so the lead's one-shot timer wakes once
per word, not once per frame.
Showing lyrics builds one document, so 5,000 lines appear in a fraction of a second.

Safety: lyric text (file content) goes in as plain text; title and source are PlainText.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ostplayer.domain.found_lyrics import FoundLyrics
from ostplayer.domain.lyrics import Lyrics
from ostplayer.domain.lyrics_follow import LyricsFollower

from .lyrics_document import PAGE_MARGIN, LyricsDocumentView
from .lyrics_follow_scroll import FollowScroller
from .lyrics_group import LyricsColors, blend
from .lyrics_header import ElidedLabel, origin_text
from .lyrics_header import make_button as _button
from .lyrics_header import make_row as _row
from .lyrics_offset import OffsetControl
from .lyrics_stage import stage_colors, stage_palette

__all__ = ["LyricsView"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LyricsView", text)


class LyricsView(QWidget):
    """Lyrics panel. Feed it :meth:`set_position` while playing; see the module doc."""

    seek_requested = Signal(int)  # ms, a group's effective time (offsets included)
    offset_changed = Signal(int)  # ms, by the user's offset buttons only
    sync_requested = Signal()  # _tr("Sync them…") on plain lyrics
    edit_requested = Signal()  # _tr("Add lyrics…") / _tr("Edit…")
    visibility_changed = Signal(bool)  # shown or hidden (the lead's highlight timer)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        follow_resume_ms: int = 4000,
        scroll_duration_ms: int = 350,
    ) -> None:
        super().__init__(parent)
        self._follow = LyricsFollower()
        self._romanized = False
        self._large = False
        self.accent_name = "#3daee9"
        self._colors: LyricsColors | None = None
        self._cover_color: QColor | None = None

        self._title = QLabel()
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setWordWrap(True)
        self._origin = ElidedLabel()
        sync_tip = _tr("Tap along with the song to time each line")
        sync = _button(_tr("Sync them…"), sync_tip, self.sync_requested)
        self._note = _row((QLabel(_tr("These lyrics are not synced")), 1), sync)

        self._doc = LyricsDocumentView()
        self._doc.group_clicked.connect(self._group_clicked)
        self._doc.viewport().installEventFilter(self)
        self._doc.viewport().setMouseTracking(True)
        self._scroller = FollowScroller(
            self._doc.verticalScrollBar(),
            self._target_value,
            self._synced,
            self.isVisible,
            resume_ms=follow_resume_ms,
            duration_ms=scroll_duration_ms,
            parent=self,
        )

        # The empty state sits at the top, where plain lyrics would start.
        empty = QWidget()
        empty_col = QVBoxLayout(empty)
        empty_col.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        self._empty_label = QLabel(_tr("No lyrics yet"))
        self._empty_label.setObjectName("lyricsEmpty")
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        empty_col.addWidget(self._empty_label)
        add = _button(_tr("Add lyrics…"), _tr("Type, paste or import lyrics"), self.edit_requested)
        empty_col.addWidget(add, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_col.addStretch(1)
        self._stack = QStackedWidget()
        self._stack.addWidget(empty)
        self._stack.addWidget(self._doc)

        self._offset_box = OffsetControl()
        self._offset_box.requested.connect(self._user_offset)
        edit_tip = _tr("Edit, import or sync these lyrics")
        edit = _button(_tr("Edit…"), edit_tip, self.edit_requested)
        self._footer = _row((edit, 0), (QWidget(), 1), self._offset_box)

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
        return self._follow.lyrics

    @property
    def follower(self) -> LyricsFollower:
        return self._follow

    # Shorthands for the follower's state, which is the one truth about the highlight.
    @property
    def _lyrics(self) -> Lyrics | None:
        return self._follow.lyrics

    @property
    def _current(self) -> int:
        return self._follow.current

    @property
    def _offset(self) -> int:
        return self._follow.offset_ms

    @property
    def current_group_index(self) -> int:
        """Highlighted group, -1 for none (before the first line, or unsynced)."""
        return self._current

    @property
    def offset_ms(self) -> int:
        return self._offset

    @property
    def is_following(self) -> bool:
        return self._scroller.following

    @property
    def follow_resume_ms(self) -> int:
        return self._scroller.resume_ms

    @follow_resume_ms.setter
    def follow_resume_ms(self, ms: int) -> None:
        self._scroller.resume_ms = ms

    @property
    def scroll_duration_ms(self) -> int:
        return self._scroller.duration_ms

    @scroll_duration_ms.setter
    def scroll_duration_ms(self, ms: int) -> None:
        self._scroller.duration_ms = int(ms)

    @property
    def animated(self) -> bool:
        """Whether a line change glides (the "Animate lyrics scrolling" preference)."""
        return self._scroller.animated

    def set_animated(self, on: bool) -> None:
        self._scroller.set_animated(on)

    @property
    def text_view(self) -> LyricsDocumentView:
        """The widget drawing the lyrics (for tests and for positioning popups)."""
        return self._doc

    def set_lyrics(self, found: FoundLyrics | None, song_title: str = "") -> None:
        """Show ``found`` (None: the empty state). Resets the offset to 0."""
        self._scroller.reset()
        self._empty_label.setText(_tr("No lyrics yet"))
        self._title.setText(song_title)
        self._title.setVisible(bool(song_title))
        lyrics = found.lyrics if found is not None and not found.lyrics.is_empty else None
        self._follow.set_lyrics(lyrics, 0)
        self._update_offset_label()
        self._origin.set_full_text(origin_text(found) if lyrics is not None and found else "")
        self._origin.setVisible(lyrics is not None)
        synced = lyrics is not None and lyrics.synced
        self._note.setVisible(lyrics is not None and not synced)
        self._footer.setVisible(lyrics is not None)
        self._offset_box.setVisible(synced)
        self._rebuild()
        self._stack.setCurrentIndex(1 if lyrics is not None else 0)
        self._doc.verticalScrollBar().setValue(0)
        if synced:
            self._set_current(self._follow.current, animate=False)

    def set_pending(self, song_title: str = "") -> None:
        """The song's lyrics are being looked up: say so instead of _tr("No lyrics yet")."""
        self.set_lyrics(None, song_title)
        self._empty_label.setText(_tr("Looking for lyrics…"))

    def _rebuild(self) -> None:
        if self._colors is None:
            self._apply_style()
        assert self._colors is not None
        self._update_padding()
        self._doc.build(
            self._lyrics,
            self._colors,
            self._base_pt(),
            large=self._large,
            romanized=self._romanized,
        )
        synced = self._synced()
        self._doc.viewport().setToolTip(_tr("Click to play from here") if synced else "")

    def set_position(self, ms: int) -> None:
        """Playback position (ms); cheap when the current group does not change."""
        follow = self._follow
        if follow.update(ms):
            self._set_current(follow.current, animate=True)
        if follow.current >= 0 and self._doc.has_words(follow.current):
            self._doc.update_words(follow.word_position())

    def ms_until_next_change(self) -> int | None:
        """From the last position set, how long until the highlight must move again: the
        next line, or the next word of a word-timed line (one wake per word, no frame poll)."""
        return self._follow.ms_until_next_change()

    def set_offset(self, ms: int) -> None:
        """Restore a saved offset (positive: lyrics earlier). Does not emit."""
        if self._follow.set_offset(ms):
            self._set_current(self._follow.current, animate=True)
        self._update_offset_label()

    def set_cover(self, result: object) -> None:
        """The playing song's CoverResult: its colour is the full-screen stage's."""
        self._cover_color = getattr(result, "color", None)
        if self._large:
            self._apply_style()
            self._rebuild_keeping_place()

    def set_romanization(self, enabled: bool) -> None:
        """Show a romanized line under each line with Hangul."""
        if bool(enabled) != self._romanized:
            self._romanized = bool(enabled)
            self._rebuild_keeping_place()

    def set_large(self, enabled: bool) -> None:
        """Large type for the full-window lyrics mode."""
        if bool(enabled) != self._large:
            self._large = bool(enabled)
            self._apply_style()
            self._rebuild_keeping_place()

    def _rebuild_keeping_place(self) -> None:
        bar = self._doc.verticalScrollBar()
        fraction = bar.value() / max(1, bar.maximum())
        self._rebuild()
        self._doc.set_current(self._current)
        if self._synced():
            self._doc.update_words(self._follow.word_position())
            self._scroller.recenter_later()
        else:
            bar.setValue(round(fraction * bar.maximum()))

    # ------------------------------------------------------------------ internals

    def _set_current(self, index: int, *, animate: bool) -> None:
        with self._scroller.line_changing():
            self._doc.set_current(index)
        if self._scroller.following:
            self._scroller.scroll(animate)

    def _target_value(self) -> int:
        bar = self._doc.verticalScrollBar()
        if not 0 <= self._current < self._doc.group_count:
            return bar.minimum()
        rect = self._doc.group_rect(self._current)
        centre = round(rect.center().y()) - self._doc.viewport().height() // 2
        return max(bar.minimum(), min(bar.maximum(), centre))

    def _synced(self) -> bool:
        return self._lyrics is not None and self._lyrics.synced

    def _group_clicked(self, index: int) -> None:
        lyrics = self._lyrics
        if lyrics is None or not lyrics.synced:
            return
        ms = self._follow.time_of(index)
        self._scroller.follow_now()
        self.seek_requested.emit(ms)
        # Highlight at once; the player's next position confirms it.
        self.set_position(ms)
        self._scroller.scroll(animate=True)  # also when it was already the current group

    def _user_offset(self, ms: int) -> None:
        if ms != self._offset:
            self.set_offset(ms)
            self.offset_changed.emit(self._offset)

    def _update_offset_label(self) -> None:
        self._offset_box.show_offset(self._offset)

    def _update_padding(self) -> None:
        self._doc.set_padding(self._doc.viewport().height() // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._doc.viewport() and event.type() == QEvent.Type.Resize:
            self._update_padding()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        restyle = not getattr(self, "_styling", True)  # not for our own setPalette
        if event.type() == QEvent.Type.PaletteChange and restyle:
            self._apply_style()
            self._rebuild_keeping_place()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self._scroller.recenter_later()
        self.visibility_changed.emit(True)

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)
        self.visibility_changed.emit(False)

    def _base_pt(self) -> float:
        return max(9.0, self.font().pointSizeF())

    def _apply_style(self) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        window = pal.color(QPalette.ColorRole.Window)
        accent = pal.color(QPalette.ColorRole.Accent)
        self._styling = True  # our own setPalette below must not restyle again
        self.setAutoFillBackground(self._large)
        self._doc.setVerticalScrollBarPolicy(  # the stage shows lyrics only, no scrollbar
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if self._large
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if self._large:
            window, text = stage_colors(self._cover_color)
            self._stage_palette = True
            self.setPalette(stage_palette(pal, window, text))
            accent = self.palette().color(QPalette.ColorRole.Accent)
        elif getattr(self, "_stage_palette", False):
            self._stage_palette = False
            self.setPalette(QPalette())  # back to the application's palette
            pal = self.palette()
            text = pal.color(QPalette.ColorRole.WindowText)
            window = pal.color(QPalette.ColorRole.Window)
            accent = pal.color(QPalette.ColorRole.Accent)
        self._styling = False
        self.accent_name = accent.name()
        self._colors = LyricsColors.from_palette(text, window, accent)
        # The lyrics sit on the panel, not in a white text box.
        doc_palette = self._doc.palette()
        doc_palette.setColor(QPalette.ColorRole.Base, window)
        self._doc.setPalette(doc_palette)
        base = self._base_pt()
        self._title.setStyleSheet(
            f"font-weight: 600; font-size: {base * 1.15:.1f}pt; color: {text.name()};"
        )
        self._origin.setStyleSheet(f"color: {blend(text, window, 0.5).name()};")
