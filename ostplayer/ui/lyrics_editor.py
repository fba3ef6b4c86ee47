"""Per-song lyrics editor: edit or import LRC/plain text, tap-to-sync, export .lrc.

The text box is the single source of truth: Save parses it. The tap-to-sync page
works on a :class:`TapSyncSession` built from that text and writes its LRC back
into the box when the user leaves the page or saves (only if something was tapped
or nudged, so merely looking at the page never rewrites hand-made text).

The dialog never plays audio itself: the lead passes ``position_source`` (the
interpolated playback position), ``seek`` and optionally ``play_pause``. It should
be opened non-modally (``show()``) or with those callables, because a modal dialog
blocks the main window's transport controls.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ostplayer.domain.lyrics import Lyrics, decode_lyrics_bytes, format_timestamp, parse_lyrics
from ostplayer.domain.tap_sync import TapSyncSession
from ostplayer.lyrics_sources import MAX_SIDECAR_BYTES, export_lrc_next_to

__all__ = ["LyricsEditorDialog"]

NUDGE_MS = 100
STEP_BACK_REWIND_MS = 2000  # after "step back", replay a little lead-in to re-tap
_POSITION_REFRESH_MS = 50
_TAP_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _SyncPage(QWidget):
    """Takes the keyboard on the sync tab; its children never take focus."""

    def __init__(self, dialog: LyricsEditorDialog) -> None:
        super().__init__()
        self._dialog = dialog
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _TAP_KEYS and not event.isAutoRepeat():
            self._dialog.tap()
        elif event.key() == Qt.Key.Key_Backspace:
            self._dialog.step_back()
        else:
            super().keyPressEvent(event)


class LyricsEditorDialog(QDialog):
    def __init__(
        self,
        song_title: str,
        initial: Lyrics | None,
        position_source: Callable[[], int] | None,
        seek: Callable[[int], None] | None,
        parent: QWidget | None = None,
        *,
        export_target: str | None = None,
        play_pause: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Lyrics — {song_title}" if song_title else "Lyrics")
        self.resize(640, 560)
        self._position_source = position_source
        self._seek = seek
        self._export_target = export_target
        self._session: TapSyncSession | None = None
        self._session_text = ""
        self._session_dirty = False
        self._result_text = ""
        initial_text = initial.to_lrc() if initial is not None and not initial.is_empty else ""
        self._initial_text = initial_text

        # -- text page
        self._text = QPlainTextEdit()
        self._text.setPlaceholderText(
            "Paste or type the lyrics: plain text, or LRC with [mm:ss.xx] timestamps."
        )
        self._text.setPlainText(initial_text)
        self._text.textChanged.connect(self._update_text_status)
        self._text_status = QLabel()
        import_button = QPushButton("Import .lrc/.txt…")
        import_button.clicked.connect(self._choose_import)
        text_page = QWidget()
        tcol = QVBoxLayout(text_page)
        tcol.addWidget(self._text, 1)
        trow = QHBoxLayout()
        trow.addWidget(import_button)
        trow.addWidget(self._text_status, 1)
        tcol.addLayout(trow)

        # -- tap-to-sync page
        self._sync_page = _SyncPage(self)
        scol = QVBoxLayout(self._sync_page)
        help_text = QLabel(
            "Play the song and press Space or Enter (or Tap) as each line starts. "
            "Blank lines are pauses: tap them when the singing stops. Backspace redoes "
            "the previous line and rewinds 2 s."
        )
        help_text.setWordWrap(True)
        scol.addWidget(help_text)
        self._position_label = QLabel()
        scol.addWidget(self._position_label)
        self._list = QTreeWidget()
        self._list.setHeaderLabels(["", "Time", "Line"])
        self._list.setRootIsDecorated(False)
        self._list.setUniformRowHeights(True)
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._list.itemDoubleClicked.connect(lambda *_: self.play_from_selected())
        scol.addWidget(self._list, 1)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self._tap_button = self._button("Tap", self.tap, row1, "Stamp the current line (Space)")
        self._tap_button.setMinimumHeight(40)
        self._button("Step back", self.step_back, row1, "Un-stamp the previous line (Backspace)")
        self._button("Nudge −0.1 s", lambda: self.nudge(-NUDGE_MS), row1, "Earlier")
        self._button("Nudge +0.1 s", lambda: self.nudge(NUDGE_MS), row1, "Later")
        self._button("Restart from here", self.restart_from_selected, row2, "Redo from this line")
        self._play_here = self._button("Play from here", self.play_from_selected, row2, "")
        if play_pause is not None:
            self._button("Play/Pause", play_pause, row2, "Play or pause the song")
        row2.addStretch(1)
        scol.addLayout(row1)
        scol.addLayout(row2)
        if position_source is None:
            self._position_label.setText("Playback is not available, so lines cannot be tapped.")
            self._tap_button.setEnabled(False)
        self._play_here.setEnabled(seek is not None)
        self._timer = QTimer(self)
        self._timer.setInterval(_POSITION_REFRESH_MS)
        self._timer.timeout.connect(self._show_position)

        self._tabs = QTabWidget()
        self._tabs.addTab(text_page, "Text")
        self._tabs.addTab(self._sync_page, "Tap to sync")
        self._tabs.currentChanged.connect(self._tab_changed)

        # -- bottom: export + save/cancel
        self._status = QLabel()
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        export = buttons.addButton(
            "Export .lrc next to the audio file", QDialogButtonBox.ButtonRole.ActionRole
        )
        export.setEnabled(export_target is not None)
        export.setToolTip(
            "Write the lyrics as an .lrc file beside the song, for other players"
            if export_target
            else "No audio file is linked to this song"
        )
        for b in (save, export, buttons.button(QDialogButtonBox.StandardButton.Cancel)):
            b.setAutoDefault(False)  # Enter is a tap on the sync page, never "Save"
        save.clicked.connect(self.save)
        export.clicked.connect(self.export_lrc)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addWidget(self._tabs, 1)
        col.addWidget(self._status)
        col.addWidget(buttons)
        self._update_text_status()

    def _button(
        self, text: str, slot: Callable[[], object], row: QHBoxLayout, tip: str
    ) -> QPushButton:
        b = QPushButton(text)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys must reach the sync page
        b.setToolTip(tip)
        b.clicked.connect(lambda: slot())
        row.addWidget(b)
        return b

    # ------------------------------------------------------------------ results

    def result_text(self) -> str:
        """Text to store: LRC for synced lyrics, as typed for plain ones. "" = no lyrics."""
        return self._result_text

    def result_lyrics(self) -> Lyrics:
        return parse_lyrics(self._result_text)

    @property
    def session(self) -> TapSyncSession | None:
        return self._session

    def show_sync_page(self) -> None:
        """Open on "Tap to sync" (for the lyrics view's "Sync them…" button)."""
        self._tabs.setCurrentWidget(self._sync_page)

    def text(self) -> str:
        return self._text.toPlainText()

    def set_text(self, text: str) -> None:
        self._text.setPlainText(text)

    # ------------------------------------------------------------------ text page

    def _update_text_status(self) -> None:
        lyrics = parse_lyrics(self._text.toPlainText())
        if lyrics.is_empty:
            self._text_status.setText("No lyrics")
        else:
            kind = "Synced (LRC)" if lyrics.synced else "Plain lyrics, not synced"
            self._text_status.setText(f"{kind}, {lyrics.line_count} lines")

    def _choose_import(self) -> None:
        start = str(Path(self._export_target).parent) if self._export_target else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Import lyrics", start, "Lyrics (*.lrc *.txt);;All files (*)"
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Replace the text with a file's lyrics (any common encoding); False on error."""
        try:
            if Path(path).stat().st_size > MAX_SIDECAR_BYTES:
                raise OSError(f"{Path(path).name} is too large to be a lyrics file")
            data = Path(path).read_bytes()
        except (OSError, ValueError) as exc:
            self._status.setText(f"Could not import: {exc}")
            return False
        self._text.setPlainText(decode_lyrics_bytes(data).replace("\r\n", "\n"))
        self._tabs.setCurrentIndex(0)
        self._status.setText(f"Imported {path}")
        return True

    # ------------------------------------------------------------------ sync page

    def _tab_changed(self, index: int) -> None:
        if self._tabs.widget(index) is self._sync_page:
            text = self._text.toPlainText()
            if self._session is None or text != self._session_text:
                self._session = TapSyncSession.from_text(text)
                self._session_text = text
                self._session_dirty = False
            self._refresh_list()
            self._sync_page.setFocus()
            if self._position_source is not None:
                self._timer.start()
                self._show_position()
        else:
            self._timer.stop()
            self._commit_session()

    def _commit_session(self) -> None:
        # Only after a tap or nudge: looking at the page must not rewrite the text.
        if self._session is not None and self._session_dirty:
            self._session_text = self._session.to_lrc()
            self._session_dirty = False
            self._text.setPlainText(self._session_text)

    def _now(self) -> int:
        return max(0, int(self._position_source())) if self._position_source else 0

    def _show_position(self) -> None:
        self._position_label.setText(f"Song position {format_timestamp(self._now())}")

    def tap(self) -> None:
        session = self._session
        if session is None or self._position_source is None or session.done:
            return
        session.tap(self._now())
        self._session_dirty = True
        self._refresh_list()

    def step_back(self) -> None:
        session = self._session
        if session is None:
            return
        old = session.stamps[session.current - 1] if session.current else None
        if session.step_back() is None:
            return
        self._session_dirty = True
        if self._seek is not None and old is not None:
            self._seek(max(0, old - STEP_BACK_REWIND_MS))
        self._refresh_list()

    def _selected_or_last(self) -> int:
        row = self.selected_row()
        if row < 0 and self._session is not None:
            row = self._session.current - 1
        return row

    def nudge(self, delta_ms: int) -> None:
        session = self._session
        row = self._selected_or_last()
        if session is None or row < 0 or session.stamps[row] is None:
            self._status.setText("Select a stamped line to nudge it.")
            return
        session.nudge(row, delta_ms)
        self._session_dirty = True
        self._refresh_list(keep_row=row)

    def restart_from_selected(self) -> None:
        session = self._session
        row = self.selected_row()
        if session is None or row < 0:
            return
        old = session.stamps[row]
        session.restart_from(row)
        self._session_dirty = True
        if self._seek is not None and old is not None:
            self._seek(max(0, old - STEP_BACK_REWIND_MS))
        self._refresh_list()

    def play_from_selected(self) -> None:
        session = self._session
        row = self.selected_row()
        if session is None or self._seek is None or row < 0:
            return
        stamp = session.stamps[row]
        if stamp is not None:
            self._seek(stamp)

    def selected_row(self) -> int:
        item = self._list.currentItem()
        return self._list.indexOfTopLevelItem(item) if item is not None else -1

    def select_row(self, row: int) -> None:
        self._list.setCurrentItem(self._list.topLevelItem(row))

    def _refresh_list(self, keep_row: int | None = None) -> None:
        session = self._session
        self._list.clear()
        if session is None:
            return
        bold = QFont(self._list.font())
        bold.setBold(True)
        for i in range(len(session)):
            stamp = session.stamps[i]
            text = (
                "♪ (pause)" if session.is_pause(i) else session.entry_text(i).replace("\n", " / ")
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
        row = keep_row if keep_row is not None else min(session.current, len(session) - 1)
        if row >= 0:
            self.select_row(row)
            self._list.scrollToItem(
                self._list.topLevelItem(row), QTreeWidget.ScrollHint.PositionAtCenter
            )
        left = len(session) - session.current
        self._status.setText(
            "All lines are stamped. Save, or select a line to nudge or redo it."
            if session.done
            else f"{left} line{'s' if left != 1 else ''} left to tap."
        )

    # ------------------------------------------------------------------ save / export

    def _current_text(self) -> str:
        self._commit_session()
        return self._text.toPlainText()

    def save(self) -> None:
        text = self._current_text()
        session = self._session
        if (
            session is not None
            and text == self._session_text
            and 0 < session.current < len(session)
            and not self._confirm(
                "Not all lines are synced",
                f"{len(session) - session.current} lines have no time yet; they will show "
                "together with the last synced line. Save anyway?",
            )
        ):
            return
        self._result_text = text if text.strip() else ""
        self.accept()

    def export_lrc(self) -> Path | None:
        """Write ``<audio base>.lrc``; shows the path or the error. Returns the path."""
        if self._export_target is None:
            return None
        lyrics = parse_lyrics(self._current_text())
        if lyrics.is_empty:
            self._status.setText("Nothing to export: the lyrics are empty.")
            return None
        target = Path(self._export_target).with_suffix(".lrc")
        if target.exists() and not self._confirm(
            "Replace file?", f"{target} already exists. Replace it?"
        ):
            return None
        try:
            path = export_lrc_next_to(self._export_target, lyrics)
        except OSError as exc:
            self._status.setText(f"Could not export the .lrc file: {exc}")
            return None
        note = "" if lyrics.synced else " (plain lyrics: not synced)"
        self._status.setText(f"Exported to {path}{note}")
        return path

    def _confirm(self, title: str, question: str) -> bool:
        # Message boxes auto-detect rich text; a file name must never be markup.
        answer = QMessageBox.question(self, title, f"<p>{html.escape(question)}</p>")
        return answer == QMessageBox.StandardButton.Yes

    def has_unsaved_changes(self) -> bool:
        return self._session_dirty or self._text.toPlainText() != self._initial_text

    def reject(self) -> None:
        if self.has_unsaved_changes() and not self._confirm(
            "Discard changes?", "Close without saving the lyrics?"
        ):
            return
        self.discard()

    def discard(self) -> None:
        """Close without asking and without saving."""
        self._timer.stop()
        super().reject()

    def done(self, result: int) -> None:
        self._timer.stop()
        super().done(result)
