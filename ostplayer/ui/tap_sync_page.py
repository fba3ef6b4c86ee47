"""The editor's "Tap to sync" page: a list of lines stamped with the playback time.

The page works on a :class:`TapSyncSession` built from the editor's text. It never
plays audio itself: :meth:`TapSyncPage.set_playback` hands it the song's position,
seek and play/pause while that song is the one playing, and takes them away (None)
when another song starts, so a tap can never stamp a line with another song's time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ostplayer.domain.lyrics import format_timestamp
from ostplayer.domain.phrases import fill
from ostplayer.domain.tap_sync import TapSyncSession, TapTooEarly

__all__ = ["NUDGE_MS", "STEP_BACK_REWIND_MS", "TapSyncPage"]

NUDGE_MS = 100
STEP_BACK_REWIND_MS = 2000  # after "step back", replay a little lead-in to re-tap
_POSITION_REFRESH_MS = 50
_TAP_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
NOT_PLAYING_TEXT = "Play this song to tap along: the editor follows it only while it plays."


def _tr(text: str) -> str:
    return QCoreApplication.translate("LyricsEditor", text)


class TapSyncPage(QWidget):
    """Takes the keyboard on the sync tab (its children never take focus)."""

    message = Signal(str)  # for the dialog's status line

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session: TapSyncSession | None = None
        self.text = ""  # the editor text the session was built from
        self.dirty = False  # tapped or nudged since built
        self._position_source: Callable[[], int] | None = None
        self._seek: Callable[[int], None] | None = None
        self._is_playing: Callable[[], bool] | None = None
        self._play_pause: Callable[[], None] | None = None

        col = QVBoxLayout(self)
        help_text = QLabel(
            _tr(
                "Play the song and press Space or Enter (or Tap) as each line starts. "
                "Blank lines are pauses: tap them when the singing stops. Backspace redoes "
                "the previous line and rewinds 2 s."
            )
        )
        help_text.setWordWrap(True)
        col.addWidget(help_text)
        self._position_label = QLabel()
        col.addWidget(self._position_label)
        self._list = QTreeWidget()
        self._list.setHeaderLabels(["", _tr("Time"), _tr("Line")])
        self._list.setRootIsDecorated(False)
        self._list.setUniformRowHeights(True)
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._list.itemDoubleClicked.connect(lambda *_: self.play_from_selected())
        col.addWidget(self._list, 1)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self._tap_button = self._button(
            _tr("Tap"), self.tap, row1, _tr("Stamp the current line (Space)")
        )
        self._tap_button.setMinimumHeight(40)
        back_tip = _tr("Un-stamp the previous line (Backspace)")
        self._button(_tr("Step back"), self.step_back, row1, back_tip)
        self._button(_tr("Nudge −0.1 s"), lambda: self.nudge(-NUDGE_MS), row1, _tr("Earlier"))
        self._button(_tr("Nudge +0.1 s"), lambda: self.nudge(NUDGE_MS), row1, _tr("Later"))
        redo_tip = _tr("Redo from this line")
        self._button(_tr("Restart from here"), self.restart_from_selected, row2, redo_tip)
        self._play_here = self._button(_tr("Play from here"), self.play_from_selected, row2, "")
        self._play_pause_button = self._button(
            _tr("Play/Pause"),
            lambda: self._play_pause and self._play_pause(),
            row2,
            _tr("Play or pause"),
        )
        row2.addStretch(1)
        col.addLayout(row1)
        col.addLayout(row2)
        self._timer = QTimer(self)
        self._timer.setInterval(_POSITION_REFRESH_MS)
        self._timer.timeout.connect(self._show_position)
        self.set_playback(None, None)

    def _button(
        self, text: str, slot: Callable[[], object], row: QHBoxLayout, tip: str
    ) -> QPushButton:
        b = QPushButton(text)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys must reach the page
        b.setToolTip(tip)
        b.clicked.connect(lambda: slot())
        row.addWidget(b)
        return b

    # ------------------------------------------------------------------ playback link

    @property
    def is_live(self) -> bool:
        """True while the song is the one playing (position, seek and Tap available)."""
        return self._position_source is not None

    def set_playback(
        self,
        position_source: Callable[[], int] | None,
        seek: Callable[[int], None] | None,
        play_pause: Callable[[], None] | None = None,
        is_playing: Callable[[], bool] | None = None,
    ) -> None:
        """Link the page to the song's playback, or unlink it (all None)."""
        self._position_source = position_source
        self._seek = seek if position_source is not None else None
        self._play_pause = play_pause if position_source is not None else None
        self._is_playing = is_playing
        self._tap_button.setEnabled(self.is_live)
        self._play_here.setEnabled(self._seek is not None)
        self._play_pause_button.setEnabled(self._play_pause is not None)
        if self.is_live and self.isVisible():
            self._timer.start()
        elif not self.is_live:
            self._timer.stop()
        self._show_position()

    def _now(self) -> int:
        return max(0, int(self._position_source())) if self._position_source else 0

    def _playing(self) -> bool:
        # Without a state source (tests, simple callers) a live link counts as playing.
        return self.is_live and (self._is_playing is None or self._is_playing())

    def _show_position(self) -> None:
        if not self.is_live:
            self._position_label.setText(_tr(NOT_PLAYING_TEXT))
        else:
            where = _tr("Song position %1") if self._playing() else _tr("Song position %1 (paused)")
            self._position_label.setText(fill(where, format_timestamp(self._now())))

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.is_live:
            self._timer.start()
            self._show_position()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self._timer.stop()

    # ------------------------------------------------------------------ session

    def load(self, text: str) -> None:
        """Build the session from the editor's text, unless it is the one already shown."""
        if self.session is None or text != self.text:
            self.session = TapSyncSession.from_text(text)
            self.text = text
            self.dirty = False
        self._refresh_list()

    def commit(self) -> str | None:
        """The session's LRC when it was tapped or nudged since built, else None."""
        if self.session is None or not self.dirty:
            return None
        self.text = self.session.to_lrc()
        self.dirty = False
        return self.text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _TAP_KEYS and not event.isAutoRepeat():
            self.tap()
        elif event.key() == Qt.Key.Key_Backspace:
            self.step_back()
        else:
            super().keyPressEvent(event)

    def tap(self) -> None:
        session = self.session
        if session is None or session.done:
            return
        if not self.is_live:
            self.message.emit(_tr(NOT_PLAYING_TEXT))
            return
        if not self._playing():
            self.message.emit(_tr("The song is paused: press Play, then tap as each line starts."))
            return
        try:
            session.tap(self._now())
        except TapTooEarly as exc:
            too_early = _tr(
                "Not stamped: %1 is not after the previous line (%2). Play on, or step back"
                " to redo it."
            )
            stamps = format_timestamp(exc.ms), format_timestamp(exc.previous_ms)
            self.message.emit(fill(too_early, *stamps))
            return
        self.dirty = True
        self._refresh_list()

    def step_back(self) -> None:
        session = self.session
        if session is None:
            return
        old = session.stamps[session.current - 1] if session.current else None
        if session.step_back() is None:
            return
        self.dirty = True
        if self._seek is not None and old is not None:
            self._seek(max(0, old - STEP_BACK_REWIND_MS))
        self._refresh_list()

    def nudge(self, delta_ms: int) -> None:
        """Move the selected line's stamp; with nothing selected, the last stamped line's."""
        session = self.session
        row = self.selected_row()
        if row < 0 and session is not None:
            row = session.current - 1
        if session is None or row < 0 or session.stamps[row] is None:
            self.message.emit(_tr("Select a stamped line to nudge it."))
            return
        session.nudge(row, delta_ms)
        self.dirty = True
        self._refresh_list(keep_row=row)

    def restart_from_selected(self) -> None:
        session = self.session
        row = self.selected_row()
        if session is None or row < 0:
            return
        old = session.stamps[row]
        session.restart_from(row)
        self.dirty = True
        if self._seek is not None and old is not None:
            self._seek(max(0, old - STEP_BACK_REWIND_MS))
        self._refresh_list()

    def play_from_selected(self) -> None:
        session = self.session
        row = self.selected_row()
        if session is None or self._seek is None or row < 0:
            return
        stamp = session.stamps[row]
        if stamp is not None:
            self._seek(stamp)

    def selected_row(self) -> int:
        """The line the user picked; -1 when none (the "▶" next line is only a marker)."""
        items = self._list.selectedItems()
        return self._list.indexOfTopLevelItem(items[0]) if items else -1

    def select_row(self, row: int) -> None:
        self._list.setCurrentItem(self._list.topLevelItem(row))

    def _refresh_list(self, keep_row: int | None = None) -> None:
        session = self.session
        self._list.clear()
        if session is None:
            return
        bold = QFont(self._list.font())
        bold.setBold(True)
        for i in range(len(session)):
            stamp = session.stamps[i]
            text = (
                _tr("♪ (pause)")
                if session.is_pause(i)
                else session.entry_text(i).replace("\n", " / ")
            )
            item = QTreeWidgetItem(
                [
                    "▶" if i == session.current else "",
                    format_timestamp(stamp) if stamp is not None else "–",
                    text,  # QTreeWidgetItem text is always plain
                ]
            )
            if i == session.current:
                for column in range(3):
                    item.setFont(column, bold)
            self._list.addTopLevelItem(item)
        self._list.resizeColumnToContents(0)
        self._list.setColumnWidth(1, self._list.fontMetrics().horizontalAdvance("000:00.00") + 16)
        if keep_row is not None:
            self.select_row(keep_row)
        # After a tap nothing is selected, so Nudge means "the line just tapped".
        row = keep_row if keep_row is not None else min(session.current, len(session) - 1)
        if row >= 0:
            self._list.scrollToItem(
                self._list.topLevelItem(row), QTreeWidget.ScrollHint.PositionAtCenter
            )
        left = len(session) - session.current
        self.message.emit(
            _tr("All lines are stamped. Save, or select a line to nudge or redo it.")
            if session.done
            else _tr("%n line left to tap." if left == 1 else "%n lines left to tap.").replace(
                "%n", f"{left:,}"
            )
        )
