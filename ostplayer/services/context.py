"""The application context: every service, built once and passed through constructors.

There is no global "app" object to reach for (Quod Libet's ``from quodlibet import app`` in 99
modules is what this avoids): the window, the tray, MPRIS and the remote each get the context
(or the one service they need) when they are built, in ``app.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject

from ..catalog.library import Library
from ..paths import AppPaths
from ..playback.base import Player
from .dispatch import GuiDispatcher
from .library_service import LibraryService
from .lyrics_service import LyricsService
from .notice_words import say_notice
from .online_lyrics import OnlineLyricsService
from .playback_session import PlaybackSession
from .playback_state import PlaybackStateStore, ResumePoint
from .scan_service import ScanService
from .settings import Settings
from .tasks import TaskRunner

# Where versions before the XDG move kept the resume point: in settings.ini.
_LEGACY_SONG, _LEGACY_POSITION = "playback/last_song", "playback/last_position"


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    tasks: TaskRunner
    library: LibraryService
    playback: PlaybackSession
    lyrics: LyricsService
    scan: ScanService
    notices: list[str] = field(default_factory=list)
    # Built by app.py (it knows the provider); None where nothing may go online (most tests).
    online_lyrics: OnlineLyricsService | None = None

    @classmethod
    def create(
        cls,
        paths: AppPaths,
        library: Library,
        player: Player,
        settings: Settings | None = None,
        parent: QObject | None = None,
        *,
        keep_state: bool = True,
    ) -> AppContext:
        settings = settings or Settings(paths.settings_file, parent)
        tasks = TaskRunner(GuiDispatcher(), parent)
        library_service = LibraryService(library, tasks, parent)
        store = PlaybackStateStore(
            paths.playback_state_file if keep_state else None, background=True
        )
        _migrate_resume_point(settings, store)
        playback = PlaybackSession(
            player,
            library_service.audio_path,
            settings,
            store,
            parent,
            known_song=lambda sid: sid in library_service.catalog.songs,
        )
        lyrics = LyricsService(library_service, parent)
        scan = ScanService(paths, library_service, parent)
        found = [*library.notices, *settings.notices, *store.notices, *scan.notices]
        notices = [say_notice(n) for n in found]
        return cls(paths, settings, tasks, library_service, playback, lyrics, scan, notices)

    def shutdown(self) -> None:
        """Save and stop everything, in the order that loses nothing."""
        self.playback.shutdown()
        self.tasks.shutdown()
        self.lyrics.shutdown()
        self.settings.sync()
        self.library.close()


def _migrate_resume_point(settings: Settings, store: PlaybackStateStore) -> None:
    qs = settings._qs
    song, position = qs.value(_LEGACY_SONG), qs.value(_LEGACY_POSITION)
    if song is None and position is None:
        return
    state = store.load()
    if state.resume is None and isinstance(song, str) and song:
        try:
            ms = int(str(position or 0))
        except ValueError:
            ms = 0
        if 0 < ms < 24 * 3600 * 1000:
            state.resume = ResumePoint(song, ms)
            store.save(state)
    qs.remove(_LEGACY_SONG)
    qs.remove(_LEGACY_POSITION)
