"""The interface's language: English as written, Korean from ``resources/translations``.

The Korean catalogue's source is ``ostplayer_ko.ts`` (Qt Linguist's format). ``make`` compiles
it to ``ostplayer_ko.qm`` with ``pyside6-lrelease`` (it ships with PySide6-Essentials); the
compiled file is a build product and is not committed. When it has not been built (a bare
``pip install -e .``) or is older than the ``.ts``, :class:`TsTranslator` reads the ``.ts``
itself, so the interface is Korean either way.

Which language: View ▸ Language, else the system locale (``ko_*`` → Korean). The window's
own modules call ``QCoreApplication.translate(context, text)``; the menus' actions are
translated once they are built (:func:`translate_menu_bar`), so an action another module adds
with an English text is translated too as soon as the catalogue has it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QMenu, QMenuBar

from ..paths import resource_path
from ..services.settings import Keys, Settings
from ..services.texts import fill, say, tr, tr_count

__all__ = [
    "LANGUAGES",
    "TsTranslator",
    "choose_language",
    "fill",
    "install_translator",
    "say",
    "tr",
    "tr_count",
]

#: Language code -> its own name (as the Language menu shows it).
LANGUAGES = {"en": "English", "ko": "한국어"}
MENU_CONTEXT = "Menus"


def choose_language(settings: Settings) -> str:
    chosen = settings.get(Keys.LANGUAGE)
    if chosen in LANGUAGES:
        return chosen
    return "ko" if QLocale().name().lower().startswith("ko") else "en"


class TsTranslator(QTranslator):
    """A translator reading a Qt Linguist ``.ts`` file directly (no compiled ``.qm``)."""

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], str] = {}
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                node = message.find("translation")
                if node is None or node.get("type") in ("unfinished", "obsolete"):
                    continue
                if node.text:
                    self._table[(name, source)] = node.text

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None (a null QString) when it has none: "" would be taken as the translation,
        # and every text the catalogue lacks (a file path in a template) would vanish.
        return self._table.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self._table

    def __len__(self) -> int:
        return len(self._table)


def translations_dir() -> Path:
    return resource_path("translations")


def install_translator(app: QCoreApplication, settings: Settings) -> list[QTranslator]:
    """Install the catalogues for the chosen language; the translators (keep them alive)."""
    language = choose_language(settings)
    if language == "en":
        return []
    installed: list[QTranslator] = []
    qm = translations_dir() / f"ostplayer_{language}.qm"
    ts = translations_dir() / f"ostplayer_{language}.ts"
    ours: QTranslator | None = None
    if qm.is_file() and not _older(qm, ts):
        ours = QTranslator(app)
        if not ours.load(str(qm)):
            ours = None
    if ours is None and ts.is_file():
        try:
            ours = TsTranslator(ts, app)
        except (OSError, ET.ParseError):
            ours = None
    if ours is not None:
        app.installTranslator(ours)
        installed.append(ours)
    # Qt's own strings (standard buttons, file dialogs) in the same language.
    qt = QTranslator(app)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def _older(built: Path, source: Path) -> bool:
    """A compiled catalogue older than its source (the .ts edited since ``make``): the
    source is read instead, so a new translation shows without a rebuild."""
    try:
        return built.stat().st_mtime < source.stat().st_mtime
    except OSError:
        return False


def translate_menu(menu: QMenu) -> None:
    """A menu's title, action texts and tips (its submenus too) through the ``Menus``
    context: an action added with an English text reads the interface's language."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(MENU_CONTEXT, text) if text else text

    menu.setTitle(tr(menu.title()))
    for action in menu.actions():
        if action.menu() is not None:
            translate_menu(action.menu())
            continue
        if action.isSeparator():
            continue
        action.setText(tr(action.text()))
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            action.setToolTip(tr(action.toolTip()))
            action.setStatusTip(action.toolTip())


def translate_menu_bar(bar: QMenuBar) -> None:
    """Menu titles, action texts and tips through the ``Menus`` context of the catalogue."""
    for action in bar.actions():
        if action.menu() is not None:
            translate_menu(action.menu())
