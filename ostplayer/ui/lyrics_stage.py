"""The lyrics stage's colours: the full-screen view on the cover's colour, readable from afar.

Full screen, the lyrics sit on the playing song's cover colour (its average, deepened until
white text on it has at least 7:1 contrast, WCAG AAA) instead of the window's grey; without a
cover, on a deep blue. In the window they take the application palette, light or dark.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

__all__ = ["STAGE_ACCENT", "stage_colors", "stage_palette"]

STAGE_ACCENT = QColor("#ffd36b")  # sung words (enhanced LRC) on the stage
_NO_COVER = QColor("#1c2a44")


def stage_colors(cover: QColor | None) -> tuple[QColor, QColor]:
    """(background, text) of the full-screen stage."""
    base = QColor(cover) if cover is not None and cover.isValid() else _NO_COVER
    hue, saturation, lightness, _ = base.getHsl()
    return QColor.fromHsl(max(0, hue), min(saturation, 150), min(lightness, 46)), QColor("#fff")


def stage_palette(palette: QPalette, background: QColor, text: QColor) -> QPalette:
    own = QPalette(palette)
    for role, color in (
        (QPalette.ColorRole.Window, background),
        (QPalette.ColorRole.Base, background),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Button, background.lighter(135)),
        # Sung words (enhanced LRC) take the Accent role, as in the window: warm on the stage.
        (QPalette.ColorRole.Accent, STAGE_ACCENT),
    ):
        own.setColor(role, color)
    # Disabled controls (Reset at "On time") must still look disabled on the stage: the
    # text halfway to the background, as the window's palette does it.
    faded = QColor(
        (text.red() + background.red()) // 2,
        (text.green() + background.green()) // 2,
        (text.blue() + background.blue()) // 2,
    )
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        own.setColor(QPalette.ColorGroup.Disabled, role, faded)
    return own
