"""Per-song lyrics editor: edit or import LRC/plain text, tap-to-sync, export .lrc.

The text box is the single source of truth: Save parses it. The tap-to-sync page
(:mod:`ostplayer.ui.tap_sync_page`) works on a session built from that text and
writes its LRC back into the box when the user leaves the page or saves (only if
something was tapped or nudged, so merely looking at the page never rewrites
hand-made text).

The dialog never plays audio itself and belongs to one song: the lead hands it the
song's position, seek and play/pause (:meth:`LyricsEditorDialog.set_playback`) only
while that song is the one playing. It should be opened non-modally (``show()``),
because a modal dialog blocks the main window's transport controls.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
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
    QVBoxLayout,
    QWidget,
)

from ostplayer.domain.lyrics import Lyrics, parse_lyrics
from ostplayer.domain.tap_sync import TapSyncSession
from ostplayer.services.lyrics_file_access import LyricsFileAccess, LyricsFileError

from .i18n import fill, tr, tr_count
from .tap_sync_page import NUDGE_MS, STEP_BACK_REWIND_MS, TapSyncPage


def _tr(text: str) -> str:
    return tr("LyricsEditor", text)


__all__ = ["NUDGE_MS", "STEP_BACK_REWIND_MS", "LyricsEditorDialog"]


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
        is_playing: Callable[[], bool] | None = None,
        song_id: str | None = None,
        files: LyricsFileAccess | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(_tr("Lyrics — %1"), song_title) if song_title else _tr("Lyrics"))
        self.resize(640, 560)
        self.song_id = song_id
        self._export_target = export_target
        self._files = files or LyricsFileAccess()
        self._result_text = ""
        initial_text = initial.to_lrc() if initial is not None and not initial.is_empty else ""
        self._initial_text = initial_text

        # -- text page
        self._text = QPlainTextEdit()
        self._text.setPlaceholderText(
            _tr("Paste or type the lyrics: plain text, or LRC with [mm:ss.xx] timestamps.")
        )
        self._text.setPlainText(initial_text)
        self._text.textChanged.connect(self._update_text_status)
        self._text_status = QLabel()
        import_button = QPushButton(_tr("Import .lrc/.txt…"))
        import_button.clicked.connect(self._choose_import)
        text_page = QWidget()
        tcol = QVBoxLayout(text_page)
        tcol.addWidget(self._text, 1)
        trow = QHBoxLayout()
        trow.addWidget(import_button)
        trow.addWidget(self._text_status, 1)
        tcol.addLayout(trow)

        # -- tap-to-sync page
        self._sync_page = TapSyncPage()
        self._sync_page.message.connect(self._status_text)
        self._sync_page.set_playback(position_source, seek, play_pause, is_playing)

        self._tabs = QTabWidget()
        self._tabs.addTab(text_page, _tr("Text"))
        self._tabs.addTab(self._sync_page, _tr("Tap to sync"))
        self._tabs.currentChanged.connect(self._tab_changed)

        # -- bottom: export + save/cancel
        self._status = QLabel()
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton(_tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        export = buttons.addButton(
            _tr("Export .lrc next to the audio file"), QDialogButtonBox.ButtonRole.ActionRole
        )
        export.setEnabled(export_target is not None)
        export.setToolTip(
            _tr("Write the lyrics as an .lrc file beside the song, for other players")
            if export_target
            else _tr("No audio file is linked to this song")
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

    # ------------------------------------------------------------------ results

    def result_text(self) -> str:
        """Text to store: LRC for synced lyrics, as typed for plain ones. "" = no lyrics."""
        return self._result_text

    def result_lyrics(self) -> Lyrics:
        return parse_lyrics(self._result_text)

    @property
    def session(self) -> TapSyncSession | None:
        return self._sync_page.session

    @property
    def sync_page(self) -> TapSyncPage:
        return self._sync_page

    def set_playback(
        self,
        position_source: Callable[[], int] | None,
        seek: Callable[[int], None] | None,
        play_pause: Callable[[], None] | None = None,
        is_playing: Callable[[], bool] | None = None,
    ) -> None:
        """Link to this song's playback while it plays; all None when another song does."""
        self._sync_page.set_playback(position_source, seek, play_pause, is_playing)

    @property
    def is_live(self) -> bool:
        return self._sync_page.is_live

    def _status_text(self, text: str) -> None:
        self._status.setText(text)

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
            self._text_status.setText(_tr("No lyrics"))
        else:
            kind = _tr("Synced (LRC)") if lyrics.synced else _tr("Plain lyrics, not synced")
            count = tr_count("LyricsView", lyrics.line_count, "%n line", "%n lines")
            self._text_status.setText(f"{kind}, {count}")

    def _choose_import(self) -> None:
        start = str(Path(self._export_target).parent) if self._export_target else ""
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Import lyrics"), start, _tr("Lyrics (*.lrc *.txt);;All files (*)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Replace the text with a file's lyrics (any common encoding); False on error."""
        try:
            text = self._files.read(path)
        except LyricsFileError as exc:
            why = self._files.refusal(exc)
            self._status.setText(fill(_tr("Could not import %1: %2."), Path(path).name, why))
            return False
        self._text.setPlainText(text.replace("\r\n", "\n").replace("\r", "\n"))
        self._tabs.setCurrentIndex(0)
        self._status.setText(fill(_tr("Imported %1"), path))
        return True

    # ------------------------------------------------------------------ sync page

    def _tab_changed(self, index: int) -> None:
        if self._tabs.widget(index) is self._sync_page:
            self._sync_page.load(self._text.toPlainText())
            self._sync_page.setFocus()
        else:
            self._commit_session()

    def _commit_session(self) -> None:
        # Only after a tap or nudge: looking at the page must not rewrite the text.
        text = self._sync_page.commit()
        if text is not None:
            self._text.setPlainText(text)

    # Keyboard-free entry points, for the lead and for tests.
    def tap(self) -> None:
        self._sync_page.tap()

    def step_back(self) -> None:
        self._sync_page.step_back()

    def nudge(self, delta_ms: int) -> None:
        self._sync_page.nudge(delta_ms)

    def select_row(self, row: int) -> None:
        self._sync_page.select_row(row)

    # ------------------------------------------------------------------ save / export

    def _current_text(self) -> str:
        self._commit_session()
        return self._text.toPlainText()

    def save(self) -> None:
        text = self._current_text()
        session = self._sync_page.session
        if (
            session is not None
            and text == self._sync_page.text
            and 0 < session.current < len(session)
            and not self._confirm(
                _tr("Not all lines are synced"),
                fill(
                    _tr(
                        "%1 without a time yet will show together with the last synced line."
                        " Save anyway?"
                    ),
                    tr_count("LyricsView", len(session) - session.current, "%n line", "%n lines"),
                ),
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
            self._status.setText(_tr("Nothing to export: the lyrics are empty."))
            return None
        target, exists = self._files.export_target(self._export_target)
        question = fill(_tr("%1 already exists. Replace it?"), str(target))
        if exists and not self._confirm(_tr("Replace file?"), question):
            return None
        try:
            path = self._files.export(self._export_target, lyrics)
        except OSError as exc:
            self._status.setText(self._files.error_message(exc, target))
            return None
        done = (
            _tr("Exported to %1")
            if lyrics.synced
            else _tr("Exported to %1 (plain lyrics: not synced)")
        )
        self._status.setText(fill(done, str(path)))
        return path

    def _confirm(self, title: str, question: str) -> bool:
        # Message boxes auto-detect rich text; a file name must never be markup.
        answer = QMessageBox.question(self, title, f"<p>{html.escape(question)}</p>")
        return answer == QMessageBox.StandardButton.Yes

    def has_unsaved_changes(self) -> bool:
        return self._sync_page.dirty or self._text.toPlainText() != self._initial_text

    def reject(self) -> None:
        if self.has_unsaved_changes() and not self._confirm(
            _tr("Discard changes?"), _tr("Close without saving the lyrics?")
        ):
            return
        self.discard()

    def discard(self) -> None:
        """Close without asking and without saving."""
        super().reject()
