"""The main window: lays out the browser, reading pane, lyrics, transport and queue.

Started by the app in two steps: the bare window (title, geometry, "Opening your library…")
is shown and painted first, then ``assemble`` builds its parts from the application context.
Importing the parts and building them costs more than starting Qt itself, so they are
imported inside ``assemble`` and the user sees the window at once instead of a blank pause.

The window owns no state of its own beyond layout: playback is the session's, the library is
the library service's, and each part listens to them itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
)

from ..services.settings import Keys, Settings
from . import window_links

if TYPE_CHECKING:
    from ..domain.changes import LibraryChange
    from ..services.context import AppContext

APP_TITLE = "OST Player"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Window", text)


class MainWindow(QMainWindow):
    first_painted = Signal()  # the window's first frame, possibly before it is assembled
    content_painted = Signal()  # the first frame with the library in it

    def __init__(self, settings: Settings, context: AppContext | None = None) -> None:
        """With ``context`` None, only the bare window: call ``assemble`` once it shows."""
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.settings = settings
        self.assembled = False
        self._io = None
        geometry = settings.get(Keys.GEOMETRY)
        if not (geometry and self.restoreGeometry(geometry)):
            self.resize(1180, 760)
        if context is None:
            placeholder = QLabel(_tr("Opening your library…"))
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setCentralWidget(placeholder)
            return
        self.assemble(context)

    def assemble(self, ctx: AppContext) -> None:
        from .appearance_menu import install_appearance
        from .banner import Banner, BannerStack
        from .browser import BrowserPanel
        from .browser_model import BrowserModel
        from .browser_window import install_browser
        from .cover_art import CoverArt
        from .edit_ui import install_editing
        from .lyrics_panel import LyricsPanel
        from .menus import TreeKeyFilter, audio_icons
        from .page_view import PageView
        from .play_feedback import install_play_feedback
        from .playback_ui import PlaybackUi
        from .queue_panel import QueuePanel, UpcomingModel
        from .reading_pane import ReadingPane
        from .scan_ui import ScanProgress, ScanUi
        from .search_service import SearchService
        from .shortcuts_help import install_shortcuts_help
        from .song_actions import SongActions
        from .transport import TransportBar
        from .welcome import install_welcome
        from .window_focus import set_tab_order
        from .window_layout import build_layout
        from .window_menus import install_menus
        from .window_state import restore_window_state

        self.ctx = ctx
        self.library = ctx.library
        self._lyrics_seen = ctx.library.saved_lyrics_by_song()
        self.session = ctx.playback
        library, session, settings = ctx.library, ctx.playback, self.settings

        self.model = BrowserModel(library.catalog, library.audio_state)
        self.model.set_icons(audio_icons(self.style()))
        self.search = SearchService(
            library.catalog,
            self,
            start=False,
            extra=library.saved_lyrics_by_song,
            workers=library.tasks.workers,
        )
        self.browser = BrowserPanel(self.model, self.search)
        self.page_view = PageView()
        self.reading = ReadingPane(library, self.page_view, session.available)
        self.actions_ = SongActions(library, self)

        self.transport = TransportBar()
        self.upcoming = UpcomingModel(session.queue.upcoming, library.describe)
        self.queue_panel = QueuePanel(self.upcoming)
        self.lyrics = LyricsPanel(library, ctx.lyrics, session, settings, self)
        self.reading.lyrics_source = self.lyrics.describe_source

        build_layout(self)
        self.scan_progress = ScanProgress()
        self.statusBar().addPermanentWidget(self.scan_progress)
        self.scan_ui = ScanUi(ctx.scan, self.scan_progress, self)
        # Over the reading area, never in a layout: showing one moves nothing under the mouse.
        self.banners = BannerStack(self.content_splitter)
        self.notice_banner = self.banners.add(Banner(warning=True))
        self.playback_notice = self.banners.add(Banner(warning=True))
        self.playback_notice.setObjectName("playbackNotice")
        self.playback_notice.label.setObjectName("playbackNoticeText")
        self.resume_banner = self.banners.add(Banner())
        self.review_banner = self.banners.add(Banner())
        self.playback = PlaybackUi(
            session,
            library,
            self.transport,
            self.queue_panel,
            self.upcoming,
            self.playback_notice,
            self,
            covers=CoverArt(ctx.tasks, ctx.paths.cache / "covers", self),
        )
        install_menus(self)
        install_play_feedback(self)
        install_appearance(self)
        install_editing(self)
        install_browser(self)  # after the menus and editing: it uses their actions
        install_shortcuts_help(self)
        self.lyrics.view.setVisible(self.menu_actions["lyrics"].isChecked())
        # Left/Right on a drama row keep collapsing/expanding it instead of seeking.
        self.browser.tree.installEventFilter(TreeKeyFilter(self.browser.tree, self.model))
        self._connect()
        set_tab_order(self)  # search → browser → page → lyrics → transport, as they read
        install_welcome(self)  # first run: "Add your music folder" on the front page
        restore_window_state(self)
        self._offer_review(len(ctx.scan.review))
        session.set_continuation(self.model.songs_after, self.model.songs_before)
        self.assembled = True
        # The window's own paint event may not come again (its children cover it); the
        # browser's first paint is the moment the library is on screen.
        self.browser.tree.viewport().installEventFilter(self)

    # --- assembly ---------------------------------------------------------------------------

    def _connect(self) -> None:
        from .menus import RowCommands

        self.browser.song_selected.connect(lambda sid: self.reading.show("song", sid))
        self.browser.song_selected.connect(self.lyrics.select)
        self.browser.group_selected.connect(
            lambda key: self.reading.show("group", key, self.model.grouping)
        )
        self.browser.song_activated.connect(self.play_songs)
        self.browser.grouping_changed.connect(self._follow_grouping)
        self.browser.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.tree.customContextMenuRequested.connect(self._show_row_menu)
        self._row_commands = RowCommands(
            play=lambda sid: self.play_songs(sid, self._context_list(sid)),
            queue=self.queue_song,
            choose_and_link=self.actions_.choose_and_link,
            unlink=self.actions_.unlink,
            show_in_folder=self.actions_.show_in_folder,
            edit_lyrics=self.edit_lyrics,
        )
        self.page_view.link_activated.connect(self._on_link)
        self.page_view.file_dropped.connect(self._on_page_drop)
        self.model.file_dropped.connect(self.actions_.link)
        self.lyrics.message.connect(self.show_status)
        self.lyrics.source_known.connect(self.reading.song_changed)
        self.actions_.message.connect(self.show_status)
        self.playback.message.connect(self.show_status)
        self.reading.shown.connect(self._remember_page)
        self.library.changed.connect(self._on_library_changed)
        self.library.audio_states_changed.connect(self.browser.repaint_songs)
        self.session.now_playing.connect(self._on_now_playing)
        self.session.stopped.connect(self._on_stopped)
        self.scan_ui.message.connect(self.show_status)
        self.ctx.scan.review_changed.connect(self._offer_review)
        self.setAcceptDrops(True)
        self.queue_dock.visibilityChanged.connect(
            lambda shown: self.menu_actions.set_checked_quietly("queue", shown)
        )

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
            self.session.seek_relative(seek_ms)

    @property
    def io(self):
        """Import/export, built on first use: its dialogs are not needed to show the window."""
        if self._io is None:
            from .library_io import LibraryIo

            self._io = LibraryIo(self.library, self.ctx.tasks, self)
            self._io.message.connect(self.show_status)
        return self._io

    # --- behaviour --------------------------------------------------------------------------

    def play_songs(self, song_id: str, song_ids: list[str]) -> None:
        if not self.session.available:
            from .transport import playback_off_reason

            reason = playback_off_reason(self.session.unavailable_reason)
            self.show_status(_tr("Cannot play: %1").replace("%1", reason))
            return
        if self.library.audio_state(song_id) == "none":
            from .play_feedback import offer_link

            self.show_status(_tr("This song has no audio file linked yet: use “Link audio file…”."))
            self.reading.show("song", song_id)
            offer_link(self, song_id)
            return
        index = song_ids.index(song_id) if song_id in song_ids else 0
        self.session.play_list(song_ids, index)

    def queue_song(self, song_id: str, next_up: bool) -> None:
        """Play next / add to queue; with nothing playing, just play it."""
        if self.session.current_song_id is None:
            self.play_songs(song_id, [song_id])
            return
        if next_up:
            self.session.play_next(song_id)
        else:
            self.session.enqueue(song_id)
        self.queue_dock.show()
        self.show_status(_tr("Queued “%1”.").replace("%1", self.library.title(song_id)))

    def _show_row_menu(self, pos) -> None:
        window_links.show_row_menu(self, pos)

    def _on_link(self, kind: str, ident: str) -> None:
        window_links.follow_page_link(self, kind, ident)

    def _context_list(self, song_id: str) -> list[str]:
        index = self.model.find_song(song_id)
        return self.model.sibling_song_ids(index) if index.isValid() else [song_id]

    def _link_current(self) -> None:
        kind, ident = self.reading.current
        if kind == "song":
            self.actions_.choose_and_link(ident)
        else:
            self.show_status(_tr("Select a song first, then link the audio file you own."))

    def _on_page_drop(self, path: str) -> None:
        window_links.drop_on_page(self, path)

    def dragEnterEvent(self, event) -> None:
        window_links.accept_local_drag(event)

    def dropEvent(self, event) -> None:
        window_links.drop_on_window(self, event)

    def _on_library_changed(self, change: LibraryChange) -> None:
        if change.catalog_changed and self.editing.patch_views(change):
            pass  # an edit: its rows and index entries were updated in place
        elif change.catalog_changed:
            current = self.browser.current_song_id()
            self.model.set_catalog(self.library.catalog)
            self.search.set_catalog(self.library.catalog)
            self.browser.apply_search()
            if current:
                self.browser.select_song(current, scroll=False)
            # The reading pane follows the change itself (one render, not two).
        else:
            self.model.refresh_songs(change.personal | change.played)
            saved = {s: self.library.saved_lyrics(s) for s in change.personal}
            edited = [s for s, text in saved.items() if text != self._lyrics_seen.get(s)]
            if edited:
                # Saved lyrics are searched too: those songs' words are patched into the
                # index, not rebuilt (seconds of a thread competing with the typing).
                for s in edited:
                    if saved[s]:
                        self._lyrics_seen[s] = saved[s]
                    else:
                        self._lyrics_seen.pop(s, None)
                self.search.patch(self.library.catalog, self.model.positions_of(edited))

    def _on_now_playing(self, song_id: str) -> None:
        self.resume_banner.hide()  # anything playing answers the resume offer
        self.model.set_playing(song_id)
        self.setWindowTitle(f"{self.library.describe(song_id)} · {APP_TITLE}")
        if self.settings.get(Keys.FOLLOW_PLAYING) and not self.browser.select_song(song_id):
            self.reading.show("song", song_id)

    def _on_stopped(self) -> None:
        self.model.set_playing(None)
        self.setWindowTitle(APP_TITLE)

    def _follow_grouping(self, grouping, newest_first: bool) -> None:
        # Every path that regroups (box, button, menu, restored settings) ends here.
        self.menu_actions.set_checked_quietly(f"group-{grouping.value}", True)
        self.menu_actions.set_checked_quietly("newest", newest_first)

    def edit_lyrics(self, song_id: str) -> None:
        self.lyrics.edit(song_id)

    def set_lyrics_visible(self, visible: bool) -> None:
        self.lyrics.view.setVisible(visible)
        self.settings.set(Keys.LYRICS_VISIBLE, bool(visible))

    def set_queue_visible(self, visible: bool) -> None:
        self.queue_dock.setVisible(visible)

    def set_lyrics_mode(self, on: bool) -> None:
        """Lyrics fill the screen in large type; everything but the transport steps aside."""
        from .window_stage import set_stage

        set_stage(self, on)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def show_notices(self, notices: list[str]) -> None:
        if notices:
            self.notice_banner.show_message("\n".join(notices))

    def _about(self) -> None:
        from .menus import about_text

        s = self.session
        text = about_text(s.available, s.unavailable_reason, self.library.data_dir)
        QMessageBox.about(self, _tr("About OST Player"), text)

    # --- state ------------------------------------------------------------------------------

    def _remember_page(self, kind: str, ident: str) -> None:
        self.settings.set(Keys.LAST_PAGE, f"{kind}:{ident}")

    def save_state(self) -> None:
        from .window_state import save_window_state

        save_window_state(self)

    def offer_resume(self) -> None:
        from .window_offers import offer_resume

        offer_resume(self)

    def _offer_review(self, count: int) -> None:
        from .window_offers import offer_review

        offer_review(self, count)

    def shutdown(self) -> None:
        """Save the layout, stop libVLC and detach its events before Qt objects go."""
        if not self.assembled or getattr(self, "_shut_down", False):
            return
        self._shut_down = True
        self.save_state()
        self.session.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.assembled:
            io_busy = self._io is not None and not self._io.finish_before_quit()
            if io_busy or not self.lyrics.confirm_close():
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
