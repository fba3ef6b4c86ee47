"""The tray icon: what is playing, play/pause, previous, next, show/hide, quit.

Clicking the icon shows or hides the window. Closing the window quits, unless the user ticked
"Keep playing in the tray when closed" in the tray's menu: then the window hides and the music
goes on, and the first time that happens a message says where it went. The menu also holds
the song-change notification preference. Nothing is built when the desktop has no tray.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from ..playback.base import PlayerState
from ..services.library_service import LibraryService
from ..services.playback_session import PlaybackSession
from ..services.settings import Keys, Settings
from .mpris import IDENTITY
from .notifications import SongNotifier


def _tr(text: str) -> str:
    return QCoreApplication.translate("Tray", text)


_MODE_LABELS = (
    ("hidden", "Notify on song change while hidden"),
    ("always", "Notify on every song change"),
    ("never", "Never notify"),
)


class Tray(QObject):
    def __init__(
        self,
        window: QWidget,
        session: PlaybackSession,
        library: LibraryService,
        settings: Settings,
        icon: QIcon,
        *,
        quit_app: Callable[[], None],
        notifier: SongNotifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.session = session
        self.library = library
        self.settings = settings
        self.quit_app = quit_app
        self.shown = False
        self.quitting = False
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(IDENTITY)
        self.menu = QMenu()
        self.now = self.menu.addAction(_tr("Nothing playing"))
        self.now.setEnabled(False)
        self.menu.addSeparator()
        self.play_pause = self._add(_tr("Play"), session.play_pause)
        self.previous = self._add(_tr("Previous"), session.previous)
        self.next = self._add(_tr("Next"), session.next)
        self.menu.addSeparator()
        self.show_hide = self._add(_tr("Hide window"), self.toggle_window)
        self.keep = self._add(_tr("Keep playing in the tray when closed"), self._set_keep)
        self.keep.setCheckable(True)
        self.keep.setChecked(settings.get(Keys.CLOSE_TO_TRAY))
        if notifier is not None:
            sub = self.menu.addMenu(_tr("Notifications"))
            group = QActionGroup(sub)
            for mode, label in _MODE_LABELS:
                action = sub.addAction(_tr(label))
                action.setCheckable(True)
                action.setChecked(notifier.mode == mode)
                action.triggered.connect(lambda _c=False, m=mode: notifier.set_mode(m))
                group.addAction(action)
        self.menu.addSeparator()
        self._add(_tr("Quit"), quit_app)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.menu.aboutToShow.connect(self.refresh)
        session.now_playing.connect(lambda _sid: self.refresh())
        session.state_changed.connect(lambda _st: self.refresh())
        session.stopped.connect(self.refresh)
        window.installEventFilter(self)
        self.refresh()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()
        self.shown = True

    def hide(self) -> None:
        self.icon.hide()
        self.shown = False

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _set_keep(self) -> None:
        self.settings.set(Keys.CLOSE_TO_TRAY, self.keep.isChecked())

    def refresh(self) -> None:
        s = self.session
        song = s.current_song_id if s.is_active() else None
        text = self.library.describe(song) if song else _tr("Nothing playing")
        self.now.setText(text)
        self.icon.setToolTip(f"{IDENTITY} — {text}" if song else IDENTITY)
        playing = s.state() in (PlayerState.PLAYING, PlayerState.OPENING)
        self.play_pause.setText(_tr("Pause") if playing else _tr("Play"))
        for action in (self.play_pause, self.previous, self.next):
            action.setEnabled(s.available)
        self.show_hide.setText(
            _tr("Hide window") if self.window.isVisible() else _tr("Show window")
        )

    def toggle_window(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.show_window()
        self.refresh()

    def show_window(self) -> None:
        self.window.showNormal() if self.window.isMinimized() else self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.toggle_window()
        elif reason is QSystemTrayIcon.ActivationReason.MiddleClick:
            self.session.play_pause()

    def closes_to_tray(self) -> bool:
        return bool(self.settings.get(Keys.CLOSE_TO_TRAY)) and self.shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self.closes_to_tray():
            if self.quitting:
                return False
            event.ignore()
            self.window.hide()
            if not self.settings.get(Keys.CLOSE_TO_TRAY_TOLD):
                self.settings.set(Keys.CLOSE_TO_TRAY_TOLD, True)
                self.icon.showMessage(
                    IDENTITY,
                    _tr(
                        "OST Player keeps playing here. Click the icon to show the window;"
                        " Quit is in its menu."
                    ),
                    QSystemTrayIcon.MessageIcon.Information,
                    8000,
                )
            self.refresh()
            return True
        return False
