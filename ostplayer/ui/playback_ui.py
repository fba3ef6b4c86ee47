"""Shows the playback session in the window: transport bar, queue panel, status messages.

The session is the one owner of playback; this only displays it and forwards the user's
clicks. Whoever changes the volume or shuffle (a slider, a media key, MPRIS), the transport
follows the session's signals, so it can never show a stale value.

A skipped song must not vanish behind the next one's "Playing …": the status bar says
"Skipped “X” (why) · Playing “Y”", and the notice strip keeps naming the skipped songs until
the user dismisses it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..domain.changes import LibraryChange
from ..domain.queue import RepeatMode
from ..playback.base import PlayerState
from ..services.library_service import LibraryService
from ..services.playback_session import PlaybackSession
from ..services.texts import fill, say
from .banner import Banner
from .cover_art import CoverArt, CoverResult, tile_color
from .queue_panel import QueuePanel, UpcomingModel
from .transport import TransportBar, format_ms

#: Skipped songs the notice strip lists at once (the newest ones).
NOTICE_MAX_LINES = 4


def tr(text: str) -> str:
    return QCoreApplication.translate("PlaybackUi", text)


class PlaybackUi(QObject):
    message = Signal(str)  # status bar text
    play_selected = Signal()  # ▶ with nothing queued: the window plays the selected song
    cover_changed = Signal(object)  # CoverResult of the song shown (the lyrics stage uses it)

    def __init__(
        self,
        session: PlaybackSession,
        library: LibraryService,
        transport: TransportBar,
        queue_panel: QueuePanel,
        upcoming: UpcomingModel,
        notice: Banner,
        parent: QObject | None = None,
        covers: CoverArt | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        self.transport = transport
        self.queue_panel = queue_panel
        self.upcoming = upcoming
        self.notice = notice
        self._skipped: list[tuple[str, str]] = []  # (title, why) since the last start
        self._notices: list[str] = []
        self._shown: str | None = None  # the song the transport shows
        self.covers = covers
        if covers is not None:
            covers.ready.connect(self._on_cover)
        #: Set by the window's favourites part: the heart then writes through the edit
        #: history (undoable, like Ctrl+D); without it, straight to the personal data.
        self.favourite_writer: Callable[[str, bool], None] | None = None
        library.changed.connect(self._on_library_changed)

        transport.set_available(session.available, session.unavailable_reason)
        transport.set_volume(session.volume())
        transport.set_muted(session.is_muted())
        transport.set_shuffle(session.shuffle)
        transport.set_repeat(session.repeat)
        transport.play_pause.connect(self.play_pause)
        transport.favourite_toggled.connect(self._on_favourite)
        transport.stop.connect(session.stop)
        transport.previous.connect(session.previous)
        transport.next.connect(session.next)
        transport.seek.connect(self._on_seek)
        transport.volume_changed.connect(session.set_volume)
        transport.mute_toggled.connect(session.set_muted)
        transport.shuffle_toggled.connect(session.set_shuffle)
        transport.repeat_changed.connect(session.set_repeat)

        session.state_changed.connect(transport.set_state)
        session.position_changed.connect(self._on_time)
        session.length_changed.connect(self._on_time)
        session.volume_changed.connect(transport.set_volume)
        session.muted_changed.connect(transport.set_muted)
        session.shuffle_changed.connect(transport.set_shuffle)
        session.repeat_changed.connect(self._on_repeat)
        session.now_playing.connect(self._on_now_playing)
        session.song_failed.connect(self._on_failed)
        session.song_unplayable.connect(library.mark_unplayable)
        session.play_finished.connect(self._on_finished)
        session.stopped.connect(self._on_stopped)
        session.queue_changed.connect(self._on_queue_changed)

        queue_panel.move_requested.connect(session.move_upcoming)
        queue_panel.remove_requested.connect(session.remove_upcoming)
        queue_panel.clear_requested.connect(session.clear_queue)
        queue_panel.play_requested.connect(session.jump_to_upcoming)
        queue_panel.play_next_requested.connect(session.play_upcoming_next)
        self._show_restored_queue()

    def _show_restored_queue(self) -> None:
        song = self.session.current_song_id
        if song is not None and song in self.library.catalog.songs:
            self._show(song)
        self.upcoming.reload()

    def _on_repeat(self, mode: RepeatMode) -> None:
        self.transport.set_repeat(mode)

    def _on_seek(self, ms: int) -> None:
        if not self.session.seek(ms):
            self._on_time(0)  # nothing is playing: the seek is ignored, the handle goes back

    def _on_time(self, _value: int) -> None:
        self.transport.set_position(self.session.position_ms(), self.session.length_ms())

    def play_pause(self) -> None:
        """▶ / Space: with nothing to resume or play next, the selected song is played (or
        the user is told why it cannot be), never nothing at all."""
        session = self.session
        if session.current_song_id is None and not session.queue.upcoming():
            self.play_selected.emit()
            return
        session.play_pause()

    def _show(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        drama = self.library.catalog.dramas.get(song.drama) if song.drama else None
        performers = self.library.catalog.performer_names(song)
        parts = []
        if drama is not None:
            parts.append(drama.title + (f" ({drama.year})" if drama.year else ""))
        if song.ost_part:
            parts.append(tr("OST Part %1").replace("%1", str(song.ost_part)))
        self.transport.set_song(
            song_id, song.title, performers, " · ".join(parts), drama.title if drama else ""
        )
        self.transport.set_favourite(bool(self.library.personal(song_id).get("favourite")))
        self.queue_panel.set_now_playing(self.library.describe(song_id))
        self._shown = song_id
        if self.covers is not None:
            self.covers.request(song_id, self.library.audio_path(song_id))

    def _on_cover(self, result: CoverResult) -> None:
        if result.song_id != self._shown:
            return
        self.transport.set_cover(result.image)
        if result.color is None:  # no cover: the stage takes the placeholder tile's colour
            song = self.library.catalog.songs.get(result.song_id)
            drama = self.library.catalog.dramas.get(song.drama) if song and song.drama else None
            key = drama.title if drama is not None else result.song_id
            result = CoverResult(result.song_id, None, tile_color(key))
        self.cover_changed.emit(result)

    def _on_library_changed(self, change: LibraryChange) -> None:
        # A heart set anywhere else (the page, the browser, Ctrl+D, undo) shows here too.
        if self._shown is not None and self._shown in change.personal:
            self.transport.set_favourite(bool(self.library.personal(self._shown).get("favourite")))

    def _on_favourite(self, on: bool) -> None:
        if self._shown is None:
            return
        if self.favourite_writer is not None:
            self.favourite_writer(self._shown, bool(on))
            # What was saved, not what was clicked (a full disk refuses the write).
            saved = self.library.personal(self._shown).get("favourite")
            self.transport.set_favourite(bool(saved))
            return
        try:
            self.library.update_personal(self._shown, favourite=bool(on))
        except OSError as exc:
            self.transport.set_favourite(not on)
            self.message.emit(tr("The favourite could not be saved: %1").replace("%1", str(exc)))
            return
        title = self.library.title(self._shown)
        text = (
            tr("Added “%1” to your favourites") if on else tr("Removed “%1” from your favourites")
        )
        self.message.emit(text.replace("%1", title))

    def _on_now_playing(self, song_id: str) -> None:
        self._show(song_id)
        playing = tr("Playing “%1”").replace("%1", self.library.title(song_id))
        if self._skipped:
            # The reason a song was skipped stays in the same line as what plays now.
            playing = f"{self._skipped_text()} · {playing}"
            self._skipped = []
        self.message.emit(playing)

    def _skipped_text(self) -> str:
        songs = (fill(tr("“%1” (%2)"), title, why) for title, why in self._skipped)
        return fill(tr("Skipped %1"), ", ".join(songs))

    def _on_failed(self, song_id: str, message: str) -> None:
        # The session's message is a Phrase: its English decides, the user reads it translated.
        if message.startswith("File not found"):
            self.library.mark_missing(song_id)
        else:
            self.library.check_audio([song_id])  # deleted while playing, or a folder now
        title = self.library.title(song_id)
        why = say(message, "PlaybackUi")
        self._skipped.append((title, why))
        self.message.emit(fill(tr("Skipped “%1” (%2)"), title, why))
        # A strip the user dismissed starts afresh; one still showing gains a line.
        if not self.notice.isVisible():
            self._notices = []
        line = fill(tr("Skipped “%1”: %2"), title, why)
        self._notices = [*self._notices, line][-NOTICE_MAX_LINES:]
        self.notice.show_message("\n".join(self._notices))

    def _on_finished(self, song_id: str) -> None:
        if self.library.audio_state(song_id) == "unplayable":
            self.library.clear_unplayable(song_id)  # it played after all
        if song_id not in self.library.catalog.songs:
            return
        try:
            stats = self.library.record_play(song_id)
        except OSError as exc:
            text = tr("The play of “%1” could not be recorded: %2.")
            self.message.emit(fill(text, self.library.title(song_id), exc.strerror or str(exc)))
            return
        count = stats.count
        times = tr("%n time" if count == 1 else "%n times").replace("%n", f"{count:,}")
        # One pass over the template: a title holding "%2" stays as written.
        text = tr("Played “%1” (%2)")
        head, _, tail = text.partition("%1")
        self.message.emit(head + self.library.title(song_id) + tail.replace("%2", times))

    def _on_stopped(self) -> None:
        self._skipped = []
        if self.session.current_song_id != self._shown:
            self._show_nothing()
        # Otherwise the stopped song stays shown with its length: Play starts it again.
        self.transport.set_state(PlayerState.STOPPED)

    def _show_nothing(self) -> None:
        self._shown = None
        self.transport.set_nothing()
        self.queue_panel.set_now_playing(tr("Nothing playing"))
        self.transport.set_position(0, 0)

    def _on_queue_changed(self) -> None:
        if self._shown is not None and self.session.current_song_id is None:
            self._show_nothing()  # the queue was cleared
        self.upcoming.reload()

    def position_text(self) -> str:
        return format_ms(self.session.position_ms())
