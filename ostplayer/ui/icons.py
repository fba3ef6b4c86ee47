"""Icons for the window's controls: the desktop's icon theme first, bundled SVGs otherwise.

The bundled icons (``resources/icons/ui/NAME.svg``, named as in the freedesktop icon naming
spec) are drawn in ``currentColor``; they are rendered in the palette's text colour, so they
stay visible in light and dark, and rendered at 1x and 2x so they are crisp on HiDPI screens.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..paths import resource_path

__all__ = ["IconSet"]

_SIZES = (16, 20, 24, 32, 48)


class IconSet:
    """Named icons in one colour, rendered once each (one per widget that needs them)."""

    def __init__(self, color: QColor, *, use_theme: bool = True) -> None:
        self._color = QColor(color)
        self._use_theme = use_theme
        self._cache: dict[tuple[str, bool], QIcon] = {}

    def set_color(self, color: QColor) -> bool:
        """A new palette; True when the icons must be fetched again."""
        if QColor(color) == self._color:
            return False
        self._color = QColor(color)
        self._cache.clear()
        return True

    def icon(self, name: str, *, bundled_only: bool = False) -> QIcon:
        key = (name, bundled_only)
        if key not in self._cache:
            themed = QIcon.fromTheme(name) if self._use_theme and not bundled_only else QIcon()
            self._cache[key] = themed if not themed.isNull() else self._bundled(name)
        return self._cache[key]

    def _bundled(self, name: str) -> QIcon:
        path = resource_path(f"icons/ui/{name}.svg")
        try:
            svg = path.read_text(encoding="utf-8")
        except OSError:
            return QIcon()
        renderer = QSvgRenderer(
            QByteArray(svg.replace("currentColor", self._color.name()).encode())
        )
        icon = QIcon()
        for size in _SIZES:
            for ratio in (1.0, 2.0):
                icon.addPixmap(_render(renderer, size, ratio), QIcon.Mode.Normal)
                # Disabled: the same shape, faded (SVG colours with alpha are not portable).
                icon.addPixmap(_render(renderer, size, ratio, 0.38), QIcon.Mode.Disabled)
        return icon


def _render(renderer: QSvgRenderer, size: int, ratio: float, opacity: float = 1.0) -> QPixmap:
    side = round(size * ratio)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(opacity)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
