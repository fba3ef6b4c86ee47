"""Connects the playback controller to the transport bar, queue panel, library and settings.

Everything here runs on the GUI thread; the controller already receives libVLC's events
through the bridge's queued connection.

A skipped song must not vanish behind the next one's "Playing …": the status bar says
"Skipped “X” (why) · Playing “Y”", and the transport's notice strip keeps naming the
skipped songs until the user dismisses it.

Resume: the position is saved while a song plays or is paused; a song that finished,
or playback the user stopped, leaves nothing to resume, and neither does a position
under :data:`RESUME_MIN_MS`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from ..catalog.library import Library
from ..domain.queue import RepeatMode
from ..playback.base import Player, PlayerState
from .playback_controller import PlaybackController
from .queue_panel import QueuePanel, UpcomingModel
from .song_actions import LinkStatus
from .transport import TransportBar, format_ms

POSITION_SAVE_INTERVAL_MS = 5000
#: Below this there is nothing worth resuming: starting over costs the user nothing.
RESUME_MIN_MS = 5000
#: Skipped songs the notice strip lists at once (the newest ones).
NOTICE_MAX_LINES = 4


class PlaybackUi(QObject):
    message = Signal(str)  # status bar text
    song_changed = Signal(str)  # the song now playing (lyrics view, page refresh)
    song_marked = Signal(str)  # a song whose link state or play count changed

    def __init__(
        self,
        library: Library,
        player: Player,
        controller: PlaybackController,
        transport: TransportBar,
        queue_panel: QueuePanel,
        upcoming: UpcomingModel,
        status: LinkStatus,
        settings: QSettings,
        describe: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.player = player
        self.controller = controller
        self.transport = transport
        self.queue_panel = queue_panel
        self.upcoming = upcoming
        self.status = status
        self.settings = settings
        self.describe = describe
        self._save_timer = QTimer(self)
        self._save_timer.setInterval(POSITION_SAVE_INTERVAL_MS)
        self._save_timer.timeout.connect(self.save_position)
        self._skipped: list[tuple[str, str]] = []  # (title, why) since the last start
        self._notices: list[str] = []  # what the notice strip lists
        self._shown: str | None = None  # the song the transport shows
        transport.notice.label.setObjectName("playbackNoticeText")

        transport.set_available(player.available, player.unavailable_reason)
        transport.play_pause.connect(controller.play_pause)
        transport.stop.connect(controller.stop)
        transport.previous.connect(controller.previous)
        transport.next.connect(controller.next)
        transport.seek.connect(self._on_seek)
        transport.volume_changed.connect(self._on_volume)
        transport.mute_toggled.connect(self._on_mute)
        transport.shuffle_toggled.connect(self._on_shuffle)
        transport.repeat_changed.connect(self._on_repeat)

        bridge = controller._bridge
        bridge.state_changed.connect(self._on_state)
        bridge.time_changed.connect(self._on_time)
        bridge.length_changed.connect(self._on_time)
        controller.now_playing.connect(self._on_now_playing)
        controller.song_failed.connect(self._on_failed)
        controller.song_unplayable.connect(self.status.mark_unplayable)
        controller.play_finished.connect(self._on_finished)
        controller.stopped.connect(self._on_stopped)
        controller.queue_changed.connect(self._on_queue_changed)

        queue_panel.move_requested.connect(controller.move_upcoming)
        queue_panel.remove_requested.connect(controller.remove_upcoming)
        queue_panel.clear_requested.connect(controller.clear_queue)
        queue_panel.play_requested.connect(controller.jump_to_upcoming)
        queue_panel.play_next_requested.connect(controller.play_upcoming_next)
        self._restore_settings()

    # --- settings ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        volume = int(s.value("playback/volume", 80))
        muted = s.value("playback/muted", False) in (True, "true")
        shuffle = s.value("playback/shuffle", False) in (True, "true")
        try:
            repeat = RepeatMode(s.value("playback/repeat", "off"))
        except ValueError:
            repeat = RepeatMode.OFF
        self.controller.set_volume(volume)
        self.controller.set_muted(muted)
        self.controller.set_shuffle(shuffle)
        self.controller.set_repeat(repeat)
        for widget_set, value in (
            (self.transport.set_volume, volume),
            (self.transport.set_muted, muted),
            (self.transport.set_shuffle, shuffle),
            (self.transport.set_repeat, repeat),
        ):
            widget_set(value)

    def _on_volume(self, percent: int) -> None:
        self.controller.set_volume(percent)
        self.settings.setValue("playback/volume", percent)

    def _on_mute(self, muted: bool) -> None:
        self.controller.set_muted(muted)
        self.settings.setValue("playback/muted", muted)

    def _on_seek(self, ms: int) -> None:
        if not self.controller.seek(ms):
            # Nothing is playing: the seek is ignored, and the handle goes back.
            self._on_time(0)

    def _on_shuffle(self, on: bool) -> None:
        self.controller.set_shuffle(on)
        self.settings.setValue("playback/shuffle", on)

    def _on_repeat(self, mode: RepeatMode) -> None:
        self.controller.set_repeat(mode)
        self.settings.setValue("playback/repeat", mode.value)

    def save_position(self) -> None:
        """Remember where the current song is, while it plays or is paused."""
        song = self.controller.current_song_id
        if song is None or self.controller.state() not in (
            PlayerState.PLAYING,
            PlayerState.PAUSED,
        ):
            return  # stopped or finished: what was saved (or cleared) stands
        self.settings.setValue("playback/last_song", song)
        self.settings.setValue("playback/last_position", self.controller.position_ms())

    def _forget_position(self) -> None:
        self.settings.setValue("playback/last_position", 0)

    def resume_offer(self) -> tuple[str, int] | None:
        """The song and position the user left off at, if worth resuming and playable."""
        song = self.settings.value("playback/last_song", "")
        try:
            position = int(self.settings.value("playback/last_position", 0) or 0)
        except (TypeError, ValueError):
            return None
        if position < RESUME_MIN_MS:
            return None
        if not song or song not in self.library.catalog.songs or not self.player.available:
            return None
        if self.status(song) != "linked":
            return None
        return song, position

    def resume(self, song_id: str, position_ms: int, song_ids: list[str]) -> None:
        """Play ``song_id`` from ``position_ms`` (its list queued after it)."""
        ids = song_ids if song_id in song_ids else [song_id]
        self.controller.play_list(ids, ids.index(song_id), start_ms=max(0, position_ms))

    # --- controller events ------------------------------------------------------------------

    def _on_state(self, state: PlayerState) -> None:
        self.transport.set_state(state)
        if state is PlayerState.PLAYING:
            self._save_timer.start()
        else:
            self._save_timer.stop()
            if state is PlayerState.PAUSED:
                self.save_position()

    def _on_time(self, _value: int) -> None:
        self.transport.set_position(self.controller.position_ms(), self.controller.length_ms())

    def _on_now_playing(self, song_id: str) -> None:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        drama = self.library.catalog.dramas.get(song.drama)
        subtitle = self.library.catalog.performer_names(song)
        if drama is not None:
            subtitle += f" · {drama.title}" + (f" ({drama.year})" if drama.year else "")
        self.transport.set_now_playing(song.title, subtitle)
        self.queue_panel.set_now_playing(self.describe(song_id))
        self._shown = song_id
        playing = f"Playing “{song.title}”"
        if self._skipped:
            # The reason a song was skipped stays in the same line as what plays now.
            playing = f"{self._skipped_text()} · {playing}"
            self._skipped = []
        self.message.emit(playing)
        self.settings.setValue("playback/last_song", song_id)
        self.settings.setValue("playback/last_position", 0)
        self.song_changed.emit(song_id)
        self._on_queue_changed()

    def _title(self, song_id: str) -> str:
        song = self.library.catalog.songs.get(song_id)
        return song.title if song is not None else song_id

    def _skipped_text(self) -> str:
        return "Skipped " + ", ".join(f"“{title}” ({why})" for title, why in self._skipped)

    def _on_failed(self, song_id: str, message: str) -> None:
        self.status.refresh(song_id)
        title = self._title(song_id)
        self._skipped.append((title, message))
        self.message.emit(f"Skipped “{title}” ({message})")
        self._add_notice(f"Skipped “{title}”: {message}")
        self.song_marked.emit(song_id)

    def _add_notice(self, line: str) -> None:
        # A strip the user dismissed starts afresh; one still showing gains a line.
        if not self.transport.notice.isVisible():
            self._notices = []
        self._notices = [*self._notices, line][-NOTICE_MAX_LINES:]
        self.transport.show_notice("\n".join(self._notices))

    def _on_finished(self, song_id: str) -> None:
        self._forget_position()  # a finished song is not something to resume
        if self.status(song_id) == "unplayable":
            self.status.clear_unplayable(song_id)  # it played after all
        if song_id in self.library.catalog.songs:
            stats = self.library.record_play(song_id)
            self.song_marked.emit(song_id)
            self.message.emit(
                f"Played “{self.library.catalog.songs[song_id].title}” "
                f"({stats.count} time{'s' if stats.count != 1 else ''})"
            )

    def _on_stopped(self) -> None:
        self._skipped = []
        self._forget_position()  # Stop (or the end of the list): nothing to resume
        if self.controller.current_song_id != self._shown:
            self._show_nothing()
        # Otherwise the stopped song stays shown with its length: Play starts it again.
        self.transport.set_state(PlayerState.STOPPED)

    def _show_nothing(self) -> None:
        self._shown = None
        self.transport.set_now_playing("Nothing playing", "")
        self.queue_panel.set_now_playing("Nothing playing")
        self.transport.set_position(0, 0)

    def _on_queue_changed(self) -> None:
        if self._shown is not None and self.controller.current_song_id is None:
            self._show_nothing()  # the queue was cleared
        self.upcoming.reload()

    def position_text(self) -> str:
        return format_ms(self.controller.position_ms())
