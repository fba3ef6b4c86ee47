"""Connects the playback controller to the transport bar, queue panel, library and settings.

Everything here runs on the GUI thread; the controller already receives libVLC's events
through the bridge's queued connection.
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

        transport.set_available(player.available, player.unavailable_reason)
        transport.play_pause.connect(controller.play_pause)
        transport.stop.connect(controller.stop)
        transport.previous.connect(controller.previous)
        transport.next.connect(controller.next)
        transport.seek.connect(controller.seek)
        transport.volume_changed.connect(self._on_volume)
        transport.mute_toggled.connect(controller.set_muted)
        transport.shuffle_toggled.connect(self._on_shuffle)
        transport.repeat_changed.connect(self._on_repeat)

        bridge = controller._bridge
        bridge.state_changed.connect(self._on_state)
        bridge.time_changed.connect(self._on_time)
        bridge.length_changed.connect(self._on_time)
        controller.now_playing.connect(self._on_now_playing)
        controller.song_failed.connect(self._on_failed)
        controller.play_finished.connect(self._on_finished)
        controller.stopped.connect(self._on_stopped)
        controller.queue_changed.connect(self._on_queue_changed)

        queue_panel.move_requested.connect(controller.move_upcoming)
        queue_panel.remove_requested.connect(controller.remove_upcoming)
        queue_panel.clear_requested.connect(controller.clear_queue)
        queue_panel.play_requested.connect(self._jump_to_upcoming)
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

    def _on_shuffle(self, on: bool) -> None:
        self.controller.set_shuffle(on)
        self.settings.setValue("playback/shuffle", on)

    def _on_repeat(self, mode: RepeatMode) -> None:
        self.controller.set_repeat(mode)
        self.settings.setValue("playback/repeat", mode.value)

    def save_position(self) -> None:
        song = self.controller.current_song_id
        if song is None:
            return
        self.settings.setValue("playback/last_song", song)
        self.settings.setValue("playback/last_position", self.controller.position_ms())

    def resume_offer(self) -> tuple[str, int] | None:
        """The song and position the user left off at, if it can still be played."""
        song = self.settings.value("playback/last_song", "")
        position = int(self.settings.value("playback/last_position", 0) or 0)
        if not song or song not in self.library.catalog.songs or not self.player.available:
            return None
        if self.status(song) != "linked":
            return None
        return song, position

    def resume(self, song_id: str, position_ms: int, song_ids: list[str]) -> None:
        index = song_ids.index(song_id) if song_id in song_ids else 0
        self.controller.play_list(song_ids or [song_id], index)
        if position_ms > 0:
            # The seek must wait until VLC knows the length; the first Playing state is enough.
            def seek_once(state: PlayerState) -> None:
                if state is PlayerState.PLAYING:
                    self.controller._bridge.state_changed.disconnect(seek_once)
                    self.controller.seek(position_ms)

            self.controller._bridge.state_changed.connect(seek_once)

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
            subtitle += f" · {drama.title} ({drama.year})"
        self.transport.set_now_playing(song.title, subtitle)
        self.queue_panel.set_now_playing(self.describe(song_id))
        self.message.emit(f"Playing “{song.title}”")
        self.settings.setValue("playback/last_song", song_id)
        self.settings.setValue("playback/last_position", 0)
        self.song_changed.emit(song_id)
        self._on_queue_changed()

    def _on_failed(self, song_id: str, message: str) -> None:
        self.status.refresh(song_id)
        self.message.emit(message)
        self.song_marked.emit(song_id)

    def _on_finished(self, song_id: str) -> None:
        if song_id in self.library.catalog.songs:
            stats = self.library.record_play(song_id)
            self.song_marked.emit(song_id)
            self.message.emit(
                f"Played “{self.library.catalog.songs[song_id].title}” "
                f"({stats.count} time{'s' if stats.count != 1 else ''})"
            )

    def _on_stopped(self) -> None:
        self.transport.set_now_playing("Nothing playing", "")
        self.queue_panel.set_now_playing("Nothing playing")
        self.transport.set_state(PlayerState.STOPPED)

    def _on_queue_changed(self) -> None:
        self.upcoming.reload()

    def _jump_to_upcoming(self, index: int) -> None:
        ids = self.controller.queue.upcoming()
        if 0 <= index < len(ids):
            for _ in range(index):
                self.controller.remove_upcoming(0)
            self.controller.next()

    def position_text(self) -> str:
        return format_ms(self.controller.position_ms())
