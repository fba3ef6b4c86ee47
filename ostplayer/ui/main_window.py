"""The main window: assembles the browser, reading pane, lyrics, transport and queue.

Started by the app in two steps: the bare window (title, geometry, "Opening your library…")
is shown and painted first, then ``assemble`` opens its parts. Importing the parts and
building them costs more than starting Qt itself, so they are imported inside ``assemble``
and the user sees the window at once instead of after a blank pause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..catalog.library import Library
    from ..playback.base import Player


class MainWindow(QMainWindow):
    first_painted = Signal()  # the window's first frame, possibly before it is assembled
    content_painted = Signal()  # the first frame with the library in it

    def __init__(self, library: Library | None, player: Player | None, settings: QSettings):
        """With ``library`` None, only the bare window: call ``assemble`` once it shows."""
        super().__init__()
        self.setWindowTitle("OST Player")
        self.settings = settings
        self.assembled = False
        self._io = None
        geometry = settings.value("ui/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        if library is None or player is None:
            placeholder = QLabel("Opening your library…")
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setCentralWidget(placeholder)
            return
        self.assemble(library, player)

    def assemble(self, library: Library, player: Player) -> None:
        from . import menus
        from .banner import Banner
        from .browser import BrowserPanel
        from .browser_model import BrowserModel
        from .lyrics_panel import LyricsPanel
        from .page_view import PageView
        from .playback_controller import PlaybackController
        from .playback_ui import PlaybackUi
        from .player_bridge import PlayerBridge
        from .queue_panel import QueuePanel, UpcomingModel
        from .reading_pane import ReadingPane
        from .search_service import SearchService
        from .song_actions import LinkStatus, SongActions
        from .transport import TransportBar

        settings = self.settings
        self.library = library
        self.player = player
        self.status = LinkStatus(library)

        # Browser (left) and reading pane (right).
        self.model = BrowserModel(library.catalog, self.status)
        self.model.set_icons(menus.audio_icons(self.style()))
        self.search = SearchService(library.catalog, self, start=False)
        self.browser = BrowserPanel(self.model, self.search)
        self.page_view = PageView()
        self.reading = ReadingPane(library, self.status, self.page_view, player.available)
        self.actions_ = SongActions(library, self.status, self)
        self.notice_banner = Banner(warning=True)
        self.resume_banner = Banner()

        # Playback.
        self.bridge = PlayerBridge(player, parent=self)
        self.controller = PlaybackController(player, self.bridge, self._playable_path, self)
        self.transport = TransportBar()
        self.upcoming = UpcomingModel(lambda: self.controller.queue.upcoming(), self.describe)
        self.queue_panel = QueuePanel(self.upcoming)
        self.playback = PlaybackUi(
            library,
            player,
            self.controller,
            self.transport,
            self.queue_panel,
            self.upcoming,
            self.status,
            settings,
            self.describe,
            self,
        )
        self.lyrics = LyricsPanel(library, self.controller, settings, self)
        self.reading.lyrics_source = self.lyrics.describe_source

        self._build_layout()
        self.menu_actions = menus.build(self)
        self._connect()
        self._restore_state()
        self.assembled = True
        # The window's own paint event may not come again (its children cover it); the
        # browser's first paint is the moment the library is on screen.
        self.browser.tree.viewport().installEventFilter(self)

    # --- assembly ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 0)
        right_layout.addWidget(self.notice_banner)
        right_layout.addWidget(self.resume_banner)
        self.content_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.content_splitter.addWidget(self.page_view)
        self.content_splitter.addWidget(self.lyrics.view)
        self.content_splitter.setStretchFactor(0, 3)
        self.content_splitter.setStretchFactor(1, 2)
        right_layout.addWidget(self.content_splitter, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 760])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.transport)
        self.setCentralWidget(central)
        self.queue_dock = QDockWidget("Queue", self)
        self.queue_dock.setObjectName("queueDock")
        self.queue_dock.setWidget(self.queue_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.queue_dock)
        self.queue_dock.hide()
        self.statusBar().showMessage("Ready")
        if not self.player.available:
            # Permanent, not a message: it stays true for the whole session.
            reason = self.player.unavailable_reason
            if not reason.startswith("Playback"):
                reason = f"Playback is off: {reason}"
            self.playback_off = QLabel(reason)
            self.playback_off.setTextFormat(Qt.TextFormat.PlainText)
            self.statusBar().addPermanentWidget(self.playback_off)

    def _connect(self) -> None:
        from . import menus

        self.browser.song_selected.connect(lambda sid: self.reading.show("song", sid))
        self.browser.song_selected.connect(self.lyrics.select)
        self.lyrics.message.connect(self.show_status)
        self.lyrics.lyrics_changed.connect(self._on_song_changed)
        self.browser.group_selected.connect(
            lambda key: self.reading.show("group", key, self.model.grouping)
        )
        self.browser.song_activated.connect(self.play_songs)
        self.browser.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.tree.customContextMenuRequested.connect(
            lambda pos: menus.show_row_menu(self, pos)
        )
        self.page_view.link_activated.connect(self._on_link)
        self.page_view.file_dropped.connect(self._on_page_drop)
        self.model.file_dropped.connect(self.actions_.link)
        self.actions_.changed.connect(self._on_song_changed)
        self.actions_.message.connect(self.show_status)
        self.playback.message.connect(self.show_status)
        self.playback.song_marked.connect(self._on_song_changed)
        self.reading.shown.connect(self._remember_page)
        self._shortcuts()

    def _shortcuts(self) -> None:
        from . import menus

        c = self.controller
        bindings = [
            ("Space", c.play_pause),
            ("Ctrl+Left", c.previous),
            ("Ctrl+Right", c.next),
            ("Left", lambda: self._arrow(-5000)),
            ("Right", lambda: self._arrow(5000)),
            (QKeySequence(Qt.Key.Key_MediaTogglePlayPause), c.play_pause),
            (QKeySequence(Qt.Key.Key_MediaPlay), c.play_pause),
            (QKeySequence(Qt.Key.Key_MediaPause), c.play_pause),
            (QKeySequence(Qt.Key.Key_MediaStop), c.stop),
            (QKeySequence(Qt.Key.Key_MediaNext), c.next),
            (QKeySequence(Qt.Key.Key_MediaPrevious), c.previous),
        ]
        for key, slot in bindings:
            QShortcut(QKeySequence(key), self, slot)
        # Left/Right on a drama row keep collapsing/expanding it instead of seeking.
        self.browser.tree.installEventFilter(menus.TreeKeyFilter(self.browser.tree, self.model))

    def _arrow(self, seek_ms: int) -> None:
        # A window shortcut wins over a focused slider's own arrow keys; hand them back,
        # so volume (and any other slider or spin box) stays keyboard-operable.
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractSlider) and focus is not self.transport.slider:
            focus.triggerAction(
                QAbstractSlider.SliderAction.SliderSingleStepAdd
                if seek_ms > 0
                else QAbstractSlider.SliderAction.SliderSingleStepSub
            )
        elif isinstance(focus, QAbstractSpinBox):
            focus.stepBy(1 if seek_ms > 0 else -1)
        else:
            self.controller.seek_relative(seek_ms)

    @property
    def io(self):
        """Import/export, built on first use: its dialogs are not needed to show the window."""
        if self._io is None:
            from .library_io import LibraryIo

            self._io = LibraryIo(self.library, self)
            self._io.catalog_replaced.connect(self._on_catalog_replaced)
            self._io.message.connect(self.show_status)
        return self._io

    # --- behaviour --------------------------------------------------------------------------

    def describe(self, song_id: str) -> str:
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return song_id
        return f"{song.title} — {self.library.catalog.performer_names(song)}"

    def _playable_path(self, song_id: str) -> str | None:
        return self.library.audio_path(song_id)

    def play_songs(self, song_id: str, song_ids: list[str]) -> None:
        if not self.player.available:
            self.show_status(f"Cannot play: {self.player.unavailable_reason}")
            return
        if self.status(song_id) == "none":
            self.show_status("This song has no audio file linked yet: use “Link audio file…”.")
            self.reading.show("song", song_id)
            return
        index = song_ids.index(song_id) if song_id in song_ids else 0
        self.controller.play_list(song_ids, index)

    def queue_song(self, song_id: str, next_up: bool) -> None:
        """Play next / add to queue; with nothing playing, just play it."""
        if self.controller.current_song_id is None:
            self.play_songs(song_id, [song_id])
            return
        if next_up:
            self.controller.play_next(song_id)
        else:
            self.controller.enqueue(song_id)
        self.queue_dock.show()
        self.show_status(f"Queued “{self.library.catalog.songs[song_id].title}”.")

    def _on_link(self, kind: str, ident: str) -> None:
        if kind.startswith("action/"):
            name = kind.partition("/")[2]
            handlers = {
                "link": self.actions_.choose_and_link,
                "unlink": self.actions_.unlink,
                "show": self.actions_.show_in_folder,
                "play": lambda sid: self.play_songs(sid, self._context_list(sid)),
                "lyrics": self.edit_lyrics,
            }
            if name in handlers:
                handlers[name](ident)
            return
        if kind == "song" and self.browser.select_song(ident):
            return
        if kind == "drama" and self.model.grouping.value == "drama":
            if self.browser.select_group(ident):
                return
        self.reading.show(kind, ident)

    def _context_list(self, song_id: str) -> list[str]:
        index = self.model.find_song(song_id)
        return self.model.sibling_song_ids(index) if index.isValid() else [song_id]

    def _on_page_drop(self, path: str) -> None:
        kind, ident = self.reading.current
        if kind == "song":
            self.actions_.link(ident, path)
        else:
            self.show_status("Drop an audio file on a song (its page or its row) to link it.")

    def _on_song_changed(self, song_id: str) -> None:
        self.model.refresh_song(song_id)
        if self.reading.current == ("song", song_id):
            self.reading.refresh()

    def _on_catalog_replaced(self) -> None:
        current = self.reading.current
        self.model.set_catalog(self.library.catalog)
        self.search.set_catalog(self.library.catalog)
        self.status.refresh_all()
        self.browser.apply_search()
        if not (current[0] and self.reading.show(*current)):
            self.reading.home()

    def edit_lyrics(self, song_id: str) -> None:
        self.lyrics.edit(song_id)

    def set_lyrics_visible(self, visible: bool) -> None:
        self.lyrics.view.setVisible(visible)
        self.settings.setValue("ui/lyrics_visible", visible)

    def set_lyrics_mode(self, on: bool) -> None:
        """Lyrics fill the window in large type; everything but the transport steps aside."""
        self.browser.setVisible(not on)
        self.page_view.setVisible(not on)
        self.lyrics.view.setVisible(on or self.menu_actions["lyrics"].isChecked())
        self.lyrics.view.set_large(on)
        self.menu_actions["lyrics-mode"].setChecked(on)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def show_notices(self, notices: list[str]) -> None:
        if notices:
            self.notice_banner.show_message("\n".join(notices))

    def offer_resume(self) -> None:
        from .transport import format_ms

        offer = self.playback.resume_offer()
        if offer is None:
            return
        song_id, position = offer
        title = self.library.catalog.songs[song_id].title
        self.resume_banner.show_message(
            f"Resume “{title}” where you left off ({format_ms(position)})?",
            [
                (
                    "Resume",
                    lambda: self.playback.resume(song_id, position, self._context_list(song_id)),
                )
            ],
        )

    # --- state ------------------------------------------------------------------------------

    def _remember_page(self, kind: str, ident: str) -> None:
        self.settings.setValue("ui/last_page", f"{kind}:{ident}")

    def _restore_state(self) -> None:
        from ..domain.grouping import Grouping

        s = self.settings
        splitter = s.value("ui/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        try:
            grouping = Grouping(s.value("ui/grouping", "drama"))
        except ValueError:
            grouping = Grouping.DRAMA
        newest = s.value("ui/newest_first", True) not in (False, "false")
        if grouping is not Grouping.DRAMA or not newest:
            self.browser.set_grouping(grouping, newest)
        kind, _, ident = str(s.value("ui/last_page", "")).partition(":")
        restored = False
        if kind == "song":
            restored = self.browser.select_song(ident)
        elif kind == "group" or (kind == "drama" and grouping is Grouping.DRAMA):
            restored = self.browser.select_group(ident)
        elif kind in ("feature", "drama", "person"):
            restored = self.reading.show(kind, ident)
        if not restored:
            self.reading.home()

    def save_state(self) -> None:
        s = self.settings
        s.setValue("ui/geometry", self.saveGeometry())
        s.setValue("ui/splitter", self.splitter.saveState())
        s.setValue("ui/grouping", self.model.grouping.value)
        s.setValue("ui/newest_first", self.model.newest_first)
        self.playback.save_position()
        s.sync()

    def shutdown(self) -> None:
        """Stop libVLC and detach its events before Qt objects are torn down."""
        if not self.assembled:
            return
        self.save_state()
        self.bridge.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.assembled:
            super().closeEvent(event)
            return
        if (self._io is not None and not self._io.finish_before_quit()) or not (
            self.lyrics.confirm_close()
        ):
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not getattr(self, "_painted", False):
            self._painted = True
            self.first_painted.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not getattr(self, "_content_painted", False):
            self._content_painted = True
            watched.removeEventFilter(self)
            # After the paint has reached the screen, not before it.
            QTimer.singleShot(0, self.content_painted.emit)
            QTimer.singleShot(0, self.search.start)
        return False
