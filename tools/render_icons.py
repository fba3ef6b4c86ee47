"""Render the app icon's PNG sizes from its SVG.

The PNGs are committed as generated files, for desktops and docks that do not draw SVG icons;
run this after editing the SVG:

    .venv/bin/python tools/render_icons.py            # write every size
    .venv/bin/python tools/render_icons.py --check    # exit 1 if a PNG is missing or stale
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

APP_ID = "io.github.ostplayer.OSTPlayer"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
HICOLOR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "hicolor"
SOURCE = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
# Another Qt version antialiases edges a little differently; a stale PNG differs by far more
# (a moved shape or a changed colour changes whole areas by tens of levels).
TOLERANCE = 8


def png_path(size: int, hicolor: Path = HICOLOR) -> Path:
    return hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def _ensure_gui_app() -> object:
    # QtSvg paints through QPainter, which wants a QGuiApplication; no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def render(svg: Path, size: int):  # -> QImage (PySide6 is imported lazily)
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _pixels(image) -> bytes:
    from PySide6.QtGui import QImage

    converted = image.convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(converted.constBits())[: converted.sizeInBytes()]


def difference(expected, actual) -> int:
    """The largest difference of any channel of any pixel (256 when the sizes differ)."""
    if expected.size() != actual.size():
        return 256
    a, b = _pixels(expected), _pixels(actual)
    if a == b:
        return 0
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def write_all(svg: Path = SOURCE, hicolor: Path = HICOLOR) -> list[Path]:
    _ensure_gui_app()
    written = []
    for size in SIZES:
        target = png_path(size, hicolor)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def stale(svg: Path = SOURCE, hicolor: Path = HICOLOR) -> list[str]:
    """What is wrong with the committed PNGs, one line per size; empty when all are current."""
    _ensure_gui_app()
    from PySide6.QtGui import QImage

    problems = []
    for size in SIZES:
        target = png_path(size, hicolor)
        committed = QImage(str(target))
        if committed.isNull():
            problems.append(f"{target}: missing or unreadable")
            continue
        diff = difference(render(svg, size), committed)
        if diff > TOLERANCE:
            problems.append(f"{target}: differs from the SVG by up to {diff} levels")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; write nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print("run: .venv/bin/python tools/render_icons.py", file=sys.stderr)
        return 1 if problems else 0
    for path in write_all():
        print(path.relative_to(HICOLOR.parent.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
