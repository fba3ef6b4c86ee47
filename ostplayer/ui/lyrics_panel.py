"""Wires the lyrics view to the library and the player: which song's lyrics, where they come
from, the highlight clock, seeking, offsets, and the editor.

Lyrics are asked of the lyrics service, which reads files off the GUI thread: the view says
"Looking for lyrics…" until they are back, and shows them as soon as they are. A link,
relink or unlink of the song shown, or a lyrics save, makes the library say so, and the panel
looks again at once.

The view follows the playing song; with nothing playing it shows the selected song. The
highlight is driven by a 16 ms precise timer reading the bridge's interpolated position
(libVLC itself reports time in ~250 ms steps). It runs only while it can change what the
user sees: synced lyrics, of the song that is playing, in a visible view. Otherwise the
~250 ms time reports keep the view's state current at no cost.

Under the source line, a lyrics file's encoding is named ("Read as CP949 (not sure)") with an
Encoding ▸ menu: a choice re-reads the file and is remembered for it (the lyrics service).

The editor belongs to one song. It gets that song's position, seek and play/pause only
while that song is the one playing, and loses them when another one starts, so a tap
can never stamp a line with another song's time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.changes import LibraryChange
from ..domain.found_lyrics import FoundLyrics, LyricsOrigin
from ..playback.base import PlayerState
from ..services.library_service import LibraryService
from ..services.lyrics_service import LyricsResult, LyricsService
from ..services.playback_session import PlaybackSession
from ..services.settings import Keys, Settings
from .i18n import fill, tr
from .lyrics_empty import LyricsEmpty
from .lyrics_header import EncodingRow
from .lyrics_view import LyricsView

if TYPE_CHECKING:  # the editor is imported when first opened, not at start-up
    from .lyrics_editor import LyricsEditorDialog

# A wait is cut at this so that a clock correction (libVLC's coarse reports) is caught up
# with even without a time report in between.
HIGHLIGHT_MAX_WAIT_MS = 1000
_ACTIVE = (PlayerState.OPENING, PlayerState.PLAYING, PlayerState.PAUSED)

ORIGIN_LABELS = {
    LyricsOrigin.LIBRARY: "your library",
    LyricsOrigin.SIDECAR_LRC: "a .lrc file next to the audio",
    LyricsOrigin.SIDECAR_TXT: "a .txt file next to the audio",
    LyricsOrigin.EMBEDDED: "the audio file's tags",
    LyricsOrigin.EXCERPT: "the catalog (an excerpt)",
    LyricsOrigin.ONLINE: "LRCLIB",
}


class LyricsPanel(QObject):
    message = Signal(str)
    source_known = Signal(str)  # song id whose lyrics source is now known (the page says it)

    def __init__(
        self,
        library: LibraryService,
        lyrics: LyricsService,
        session: PlaybackSession,
        settings: Settings,
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self.library = library
        self.lyrics = lyrics
        self.controller = session
        self.settings = settings
        self._parent = parent_widget
        self.view = LyricsView()
        self.view.setObjectName("lyricsView")
        self.encoding = EncodingRow()
        self.encoding.chosen.connect(self.choose_encoding)
        self.view.layout().insertWidget(2, self.encoding)  # under the title and the source
        self.empty = LyricsEmpty(self.view)  # what would fill the view, when nothing does
        self.song_id: str | None = None
        self._selected: str | None = None
        self._editor: LyricsEditorDialog | None = None
        # One precise single shot, armed for the moment the next line is due (re-armed on
        # every tick and every libVLC time report), instead of a 60 Hz poll: the highlight
        # is on time and the CPU idles between lines.
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._armed = False

        self.view.seek_requested.connect(self._seek)
        self.view.offset_changed.connect(self._save_offset)
        self.view.edit_requested.connect(lambda: self.edit(self.song_id))
        self.view.sync_requested.connect(lambda: self.edit(self.song_id, sync=True))
        self.view.visibility_changed.connect(lambda _shown: self._update_timer())
        session.state_changed.connect(self._on_state)
        session.position_changed.connect(lambda _ms: self._tick())
        session.now_playing.connect(self.show_song)
        session.now_playing.connect(lambda _song: self._link_editor())
        session.stopped.connect(self._on_stopped)
        lyrics.resolved.connect(self._on_resolved)
        library.changed.connect(self._on_library_changed)
        self.view.set_romanization(self.romanization)

    @property
    def highlight_timer_active(self) -> bool:
        """True while the highlight follows playback (its timer armed for the next line)."""
        return self._armed

    # --- which song -------------------------------------------------------------------------

    def select(self, song_id: str) -> None:
        """The browser selected a song: show it unless another one is playing."""
        self._selected = song_id
        if self.controller.current_song_id is None or self.controller.state() in (
            PlayerState.STOPPED,
            PlayerState.ENDED,
            PlayerState.ERROR,
        ):
            self.show_song(song_id)

    def _on_stopped(self) -> None:
        self._link_editor()
        if self._selected:
            self.show_song(self._selected)

    def find(self, song_id: str) -> FoundLyrics | None:
        """The lyrics already looked up for ``song_id`` (None when none, or not yet)."""
        result = self.lyrics.cached(song_id)
        return result.found if result is not None else None

    def describe_source(self, song_id: str) -> str:
        """One line for the song page; "" while the lookup runs (the page is redrawn)."""
        result = self.lyrics.cached(song_id)
        if result is None:
            self.lyrics.request(song_id)
            return tr("LyricsView", "Looking for lyrics…")
        if result.found is None:
            return tr("LyricsView", "No lyrics yet.")
        kind = tr("LyricsView", "synced" if result.found.lyrics.synced else "not synced")
        where = tr("LyricsView", ORIGIN_LABELS[result.found.origin])
        return fill(tr("LyricsView", "Lyrics from %1 (%2)."), where, kind)

    def show_song(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        self.song_id = song_id
        result = self.lyrics.request(song_id)
        if result is None:
            self.view.set_pending(song.title)
            self.empty.looking()
            self.encoding.show_reading(None)
            self._update_timer()
            return
        self._show_result(result)

    def _show_result(self, result: LyricsResult) -> None:
        song = self.library.catalog.songs.get(result.song_id)
        if song is None:
            return
        self.view.set_lyrics(result.found, song.title)
        self.empty.none_yet(bool(self.library.audio_path(result.song_id)))
        self.encoding.show_reading(result.found, result.chosen_encoding)
        self.view.set_offset(self.library.lyrics_offset(result.song_id))
        for problem in result.problems:  # e.g. an MP3 renamed .lrc next to the audio
            self.message.emit(problem)
        self._update_timer()
        self._tick()

    def _on_resolved(self, result: LyricsResult) -> None:
        if result.song_id == self.song_id:
            self._show_result(result)
        self.source_known.emit(result.song_id)

    def _on_library_changed(self, change: LibraryChange) -> None:
        if self.song_id is not None and (change.catalog_replaced or change.touches(self.song_id)):
            if change.played and not (change.personal or change.changed):
                return  # a play was counted: the lyrics are the same
            self.show_song(self.song_id)

    def reload(self) -> None:
        if self.song_id:
            self.show_song(self.song_id)

    def choose_encoding(self, name: str) -> None:
        """Encoding ▸: read the shown song's lyrics file as ``name`` ("Auto": detect)."""
        if self.song_id is None:
            return
        try:
            said = self.lyrics.choose_encoding(self.song_id, name)
        except OSError as exc:
            said = fill(
                tr("LyricsView", "The encoding choice could not be saved: %1."), exc.strerror or exc
            )
        self.message.emit(said)

    # --- following the music ----------------------------------------------------------------

    def _playing_this(self) -> bool:
        return self.song_id is not None and self.song_id == self.controller.current_song_id

    def _on_state(self, _state: PlayerState) -> None:
        self._update_timer()
        self._link_editor()
        self._tick()

    def _update_timer(self) -> None:
        lyrics = self.view.lyrics
        self._armed = bool(
            lyrics is not None
            and lyrics.synced
            and self.view.isVisible()
            and self._playing_this()
            and self.controller.state() is PlayerState.PLAYING
        )
        if self._armed:
            self._arm()
        else:
            self._timer.stop()

    def _tick(self) -> None:
        if self._playing_this():
            self.view.set_position(self.controller.position_ms())
            if self._armed:
                self._arm()

    def _arm(self) -> None:
        due = self.view.ms_until_next_change()
        if due is None:
            self._timer.stop()  # past the last line: libVLC's time reports still re-arm
        else:
            self._timer.start(max(1, min(due, HIGHLIGHT_MAX_WAIT_MS)))

    def _seek(self, ms: int) -> None:
        if self._playing_this():
            self.controller.seek(ms)
        elif self.song_id and self.library.audio_path(self.song_id):
            self.message.emit(tr("LyricsView", "Play the song to jump to a line."))

    def _save_offset(self, ms: int) -> None:
        if self.song_id:
            try:
                self.library.set_lyrics_offset(self.song_id, ms)
            except OSError as exc:
                self.message.emit(
                    fill(
                        tr("LyricsView", "The lyrics offset could not be saved: %1."),
                        exc.strerror or exc,
                    )
                )
                return
            self.message.emit(
                fill(tr("LyricsView", "Lyrics offset %1 ms saved for this song."), f"{ms:+d}")
            )

    # --- view options -----------------------------------------------------------------------

    @property
    def romanization(self) -> bool:
        return self.settings.get(Keys.ROMANIZATION)

    def set_romanization(self, enabled: bool) -> None:
        self.settings.set(Keys.ROMANIZATION, bool(enabled))
        self.view.set_romanization(enabled)

    # --- editing ----------------------------------------------------------------------------

    def edit(self, song_id: str | None, sync: bool = False) -> None:
        if song_id is None or song_id not in self.library.catalog.songs:
            return
        from .lyrics_editor import LyricsEditorDialog

        song = self.library.catalog.songs[song_id]
        if self._editor is not None and self._editor.song_id != song_id:
            self._editor.raise_()  # one editor at a time: it has to be closed first
            self.message.emit(tr("LyricsView", "Close the open lyrics editor first."))
            return
        if sync:
            path = self.library.audio_path(song_id)
            if not path:
                self.message.emit(
                    tr(
                        "LyricsView",
                        "Link an audio file first: syncing means tapping along while the song"
                        " plays (Link audio file… on the song page).",
                    )
                )
                return
            if self.library.audio_state(song_id) == "missing":
                said = tr("LyricsView", "The linked audio file is missing (%1). Relink it first.")
                self.message.emit(fill(said, path))
                return
            if song_id != self.controller.current_song_id:
                # Tapping along needs the music: start the song the user wants to sync, and
                # stop at its end rather than go on to the next song.
                self.controller.play_list([song_id], 0, continue_past_end=False)
        found = self.find(song_id)
        initial = found.lyrics if found is not None else None
        dialog = self._editor or LyricsEditorDialog(
            song.title,
            initial,
            None,
            None,
            self._parent,
            export_target=self.library.audio_path(song_id),
            song_id=song_id,
            files=self.lyrics.file_access(song_id),
        )
        if dialog is not self._editor:
            dialog.accepted.connect(lambda: self._saved(song_id, dialog))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _r: setattr(self, "_editor", None))
            self._editor = dialog
        self._link_editor()
        if sync:
            dialog.show_sync_page()
        # Not modal: the transport must stay usable while the user taps along.
        dialog.show()
        dialog.raise_()

    def _link_editor(self) -> None:
        editor = self._editor
        if editor is None:
            return
        c = self.controller
        song = editor.song_id
        if song == c.current_song_id and (c.state() in _ACTIVE or c.finished_song == song):
            # Still linked once the song has played to its end: the last lines can be tapped
            # (at the end), and Play replays it with the tapping session as it was.
            def position() -> int:
                return c.length_ms() if c.finished_song == song else c.position_ms()

            def playing() -> bool:
                return c.state() is PlayerState.PLAYING or c.finished_song == song

            editor.set_playback(position, c.seek, c.play_pause, playing)
        else:
            editor.set_playback(None, None)

    def confirm_close(self) -> bool:
        """Before quitting: offer to save an open editor's changes. False means stay open."""
        editor = self._editor
        if editor is None or not editor.isVisible() or not editor.has_unsaved_changes():
            return True
        buttons = QMessageBox.StandardButton
        editor.raise_()
        answer = QMessageBox.question(
            editor,
            tr("LyricsView", "Save the lyrics?"),
            tr(
                "LyricsView",
                "The lyrics editor has changes that are not saved. Save them before quitting?",
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            editor.save()  # may still ask about unsynced lines; Cancel there keeps it open
            return self._editor is None
        if answer == buttons.Discard:
            editor.discard()
            return True
        return False

    def _saved(self, song_id: str, dialog: LyricsEditorDialog) -> None:
        if not dialog.has_unsaved_changes():
            # Saving what was shown (e.g. the catalog excerpt) must not copy it into the library.
            self.message.emit(tr("LyricsView", "No changes to save."))
            return
        # The offset was tuned to the old timings; it would shift the new ones wrongly. One
        # write for both: a crash between two would pair the new lyrics with the old offset.
        offset_reset = self.library.lyrics_offset(song_id) != 0
        try:
            self.library.set_saved_lyrics(
                song_id, dialog.result_text() or None, reset_offset=offset_reset
            )
        except OSError as exc:
            self.message.emit(
                fill(tr("LyricsView", "The lyrics could not be saved: %1."), exc.strerror or exc)
            )
            return
        said = tr(
            "LyricsView",
            "Lyrics saved in your library (their timing offset is back to 0)."
            if offset_reset
            else "Lyrics saved in your library.",
        )
        self.message.emit(said)
