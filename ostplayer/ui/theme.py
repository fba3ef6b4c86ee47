"""Light and dark: follow the desktop's colour scheme, or what the user chose (View ▸ Appearance).

Qt 6.5+ reports the desktop's scheme through ``QStyleHints.colorScheme`` (and tells when it
changes). When the scheme and the style's own palette disagree (a dark desktop with a style
that only has a light palette), or when the user picks one, the application palette is set
to ours; every part of the window paints from palette roles, so it follows. The reading pages
are HTML: their colours come from :func:`page_css`, in the same two schemes.

Both palettes are checked by tests for WCAG AA contrast (4.5:1 for body text).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ..services.settings import Keys, Settings

__all__ = [
    "Appearance",
    "ThemeManager",
    "contrast_ratio",
    "dark_palette",
    "is_dark",
    "light_palette",
    "page_css",
]


class Appearance(enum.Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def relative_luminance(color: QColor) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = relative_luminance(QColor(a)), relative_luminance(QColor(b))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


_DARK = {
    "Window": "#1f2023",
    "WindowText": "#e8e6e3",
    "Base": "#18191b",
    "AlternateBase": "#232428",
    "Text": "#e8e6e3",
    "Button": "#2b2d31",
    "ButtonText": "#e8e6e3",
    "BrightText": "#ffffff",
    "Highlight": "#2f66b3",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#2b2d31",
    "ToolTipText": "#e8e6e3",
    "PlaceholderText": "#9c9a97",
    "Link": "#8ab4f8",
    "LinkVisited": "#c58af9",
    "Light": "#3a3c41",
    "Midlight": "#32343a",
    "Mid": "#45474d",
    "Dark": "#141517",
    "Shadow": "#000000",
    "Accent": "#5aa2f0",
}
_LIGHT = {
    "Window": "#f3f2f0",
    "WindowText": "#1d1c1a",
    "Base": "#ffffff",
    "AlternateBase": "#f6f5f3",
    "Text": "#1d1c1a",
    "Button": "#ebeae7",
    "ButtonText": "#1d1c1a",
    "BrightText": "#ffffff",
    "Highlight": "#2f6fbf",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#fffbe6",
    "ToolTipText": "#1d1c1a",
    "PlaceholderText": "#6e6b67",
    "Link": "#1f5fae",
    "LinkVisited": "#7a3fae",
    "Light": "#ffffff",
    "Midlight": "#e2e1de",
    "Mid": "#b8b6b2",
    "Dark": "#8f8d89",
    "Shadow": "#5a5956",
    "Accent": "#2f6fbf",
}


def _palette(colors: dict[str, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role_name, value in colors.items():
        role = getattr(QPalette.ColorRole, role_name)
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def dark_palette() -> QPalette:
    return _palette(_DARK, "#7d7b78")


def light_palette() -> QPalette:
    return _palette(_LIGHT, "#8f8c88")


# The reading pages' colours: (light, dark) for each CSS rule that sets one.
_PAGE_COLORS = {
    "body": ("color: #1f1b16", "color: #e6e1da"),
    "h2": ("color: #7a5c2e", "color: #d9b77e"),
    ".sub": ("color: #5a4a36", "color: #cdbb9f"),
    ".meta": ("color: #5f5a54", "color: #aaa49d"),
    ".card": ("background-color: #f6efe4", "background-color: #27241f"),
    ".warn": ("color: #b3261e", "color: #f2b8b5"),
    ".audio": ("background-color: #eef3f8", "background-color: #1e2630"),
    "a": ("color: #8a3b12", "color: #f3a877"),
}
PAGE_BACKGROUND = ("#ffffff", "#18191b")


def page_css(dark: bool) -> str:
    """The pages' colour rules (their layout rules are in the page itself)."""
    return "\n".join(f"{sel} {{ {pair[1 if dark else 0]}; }}" for sel, pair in _PAGE_COLORS.items())


def page_colors(dark: bool) -> dict[str, str]:
    """Selector -> its colour (for the contrast tests)."""
    return {sel: pair[1 if dark else 0].split(": ")[1] for sel, pair in _PAGE_COLORS.items()}


class ThemeManager(QObject):
    """Applies the chosen appearance to the application and says when it changes."""

    changed = Signal(bool)  # dark

    def __init__(self, app: QGuiApplication, settings: Settings) -> None:
        super().__init__(app)
        self.setObjectName("themeManager")
        self._app = app
        self._settings = settings
        self._style_palette = QPalette(app.palette())
        self._dark = is_dark(self._style_palette)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.apply()

    @classmethod
    def of(cls, app: QGuiApplication, settings: Settings) -> ThemeManager:
        """The application's manager (app.py makes it before the window); one if none."""
        found = app.findChild(cls, "themeManager")
        if isinstance(found, cls):
            found._settings = settings  # the newest window's settings are the user's
            return found
        return cls(app, settings)

    @property
    def appearance(self) -> Appearance:
        try:
            return Appearance(self._settings.get(Keys.APPEARANCE))
        except ValueError:
            return Appearance.SYSTEM

    @property
    def dark(self) -> bool:
        return self._dark

    def set_appearance(self, appearance: Appearance) -> None:
        self._settings.set(Keys.APPEARANCE, appearance.value)
        self.apply()

    def system_is_dark(self) -> bool:
        return self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark

    def apply(self) -> None:
        choice = self.appearance
        if choice is Appearance.SYSTEM:
            want_dark = self.system_is_dark() or (
                self._app.styleHints().colorScheme() == Qt.ColorScheme.Unknown
                and is_dark(self._style_palette)
            )
            if want_dark == is_dark(self._style_palette):
                palette = self._style_palette  # the desktop's own colours
            else:
                palette = dark_palette() if want_dark else light_palette()
        else:
            want_dark = choice is Appearance.DARK
            palette = dark_palette() if want_dark else light_palette()
        self._app.setPalette(palette)
        self._dark = want_dark
        self.changed.emit(want_dark)
