"""View ▸ Appearance (System / Light / Dark, Animate lyrics scrolling) and View ▸ Language,
and what follows them.

The pages are HTML with colours of their own: when the appearance changes they get the other
colour sheet and are drawn again. The menu bar is translated here, once every menu exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from ..services.settings import Keys
from .i18n import LANGUAGES, choose_language, translate_menu_bar
from .theme import Appearance, ThemeManager

if TYPE_CHECKING:
    from .main_window import MainWindow

_LABELS = {
    Appearance.SYSTEM: "Follow the &system",
    Appearance.LIGHT: "&Light",
    Appearance.DARK: "&Dark",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def install_appearance(window: MainWindow) -> ThemeManager:
    app = QApplication.instance()
    theme = ThemeManager.of(app, window.settings)
    window.theme = theme

    # Through a child of the window: the manager outlives windows (tests make many), and a
    # connection to a plain function would go on calling into a deleted window.
    theme.changed.connect(_PageFollower(window).follow)
    window.page_view.set_dark(theme.dark)
    window.lyrics.view.set_animated(window.settings.get(Keys.ANIMATE_LYRICS))

    view = window.menuBar().findChild(QMenu, "viewMenu")
    a = window.menu_actions
    if view is not None:
        appearance = view.addMenu("&Appearance")
        group = QActionGroup(window)
        for choice, label in _LABELS.items():
            action = a.add(
                f"appearance-{choice.value}",
                label,
                lambda _=False, c=choice: theme.set_appearance(c),
                checkable=True,
                checked=theme.appearance is choice,
            )
            group.addAction(action)
            appearance.addAction(action)
        appearance.addSeparator()
        appearance.addAction(
            a.add(
                "lyrics-animate",
                "A&nimate lyrics scrolling",
                lambda on: _set_animated(window, on),
                checkable=True,
                checked=window.settings.get(Keys.ANIMATE_LYRICS),
                tip="Off for low-power machines: the lyrics jump to the line sung",
            )
        )
        language = view.addMenu("Lan&guage")
        languages = QActionGroup(window)
        current = window.settings.get(Keys.LANGUAGE)
        for code, name in [("", "Follow the &system"), *LANGUAGES.items()]:
            action = a.add(
                f"language-{code or 'system'}",
                name,
                lambda _=False, c=code: _set_language(window, c),
                checkable=True,
                checked=current == code,
            )
            languages.addAction(action)
            language.addAction(action)
    # Once every module has added its menu items (they are installed after this one).
    QTimer.singleShot(0, lambda: translate_menu_bar(window.menuBar()))
    return theme


class _PageFollower(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @Slot(bool)
    def follow(self, dark: bool) -> None:
        self._window.page_view.set_dark(dark)
        self._window.reading.refresh()


def _set_language(window: MainWindow, code: str) -> None:
    before = choose_language(window.settings)
    window.settings.set(Keys.LANGUAGE, code)
    if choose_language(window.settings) != before:
        window.show_status(tr("The new language is used from the next start of OST Player."))


def _set_animated(window: MainWindow, on: bool) -> None:
    # Remembered at once: the next start reads it before the lyrics are first shown.
    window.settings.set(Keys.ANIMATE_LYRICS, bool(on))
    window.lyrics.view.set_animated(on)
