"""The interface's language: English as written, Korean from ``resources/translations``.

The Korean catalogue's source is ``ostplayer_ko.ts`` (Qt Linguist's format). ``make`` compiles
it to ``ostplayer_ko.qm`` with ``pyside6-lrelease`` (it ships with PySide6-Essentials); the
compiled file is a build product and is not committed. When it has not been built (a bare
``pip install -e .``), :class:`TsTranslator` reads the ``.ts`` itself, so the interface is
Korean either way.

Which language: View ▸ Language, else the system locale (``ko_*`` → Korean). The window's
own modules call ``QCoreApplication.translate(context, text)``; the menus' actions are
translated once they are built (:func:`translate_menu_bar`), so an action another module adds
with an English text is translated too as soon as the catalogue has it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QMenu, QMenuBar

from ..paths import resource_path
from ..services.settings import Keys, Settings

__all__ = [
    "LANGUAGES",
    "TsTranslator",
    "choose_language",
    "fill",
    "install_translator",
    "tr",
    "tr_count",
]

#: Language code -> its own name (as the Language menu shows it).
LANGUAGES = {"en": "English", "ko": "한국어"}
MENU_CONTEXT = "Menus"


def tr(context: str, text: str) -> str:
    """``text`` in the interface's language (``context`` as in the ``.ts`` catalogue)."""
    return QCoreApplication.translate(context, text)


def tr_count(context: str, n: int, one: str, many: str) -> str:
    """A count in words, in the right number: ``tr_count(c, 1, "%n song", "%n songs")``.

    The two English forms are two catalogue entries (Korean has one form for both); ``%n``
    becomes ``n`` with thousands separators, so "1 lines" never shows.
    """
    return tr(context, one if n == 1 else many).replace("%n", f"{n:,}")


def fill(template: str, *values: str) -> str:
    """``%1``, ``%2``… in a translated template replaced in one pass, so a value that itself
    contains "%2" (a song title) is left as it is."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], template)


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
        return self._table.get((context, source_text), "")

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
    if qm.is_file():
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


def translate_menu_bar(bar: QMenuBar) -> None:
    """Menu titles, action texts and tips through the ``Menus`` context of the catalogue."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(MENU_CONTEXT, text) if text else text

    def walk(menu: QMenu) -> None:
        menu.setTitle(tr(menu.title()))
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
                continue
            if action.isSeparator():
                continue
            action.setText(tr(action.text()))
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                action.setToolTip(tr(action.toolTip()))
                action.setStatusTip(action.toolTip())

    for action in bar.actions():
        if action.menu() is not None:
            walk(action.menu())
