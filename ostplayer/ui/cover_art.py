"""Cover art for the now-playing area: found, decoded and scaled off the GUI thread.

A cover can be a 20 MB scan inside the tags; reading and scaling it on the GUI thread would
stall playback's display for a noticeable moment. The job runs on the task runner and keeps a
square thumbnail in the cache folder (keyed by the picture's path, size and mtime), so the next
play of the song reads a few kilobytes instead. QImage (not QPixmap) is safe off the GUI thread.

Without a cover, :func:`placeholder` draws the drama's initials on a colour taken from its name,
so every drama has its own recognisable tile.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath

from ..services.cover_files import cover_bytes, cover_key
from ..services.tasks import TaskContext, TaskRunner

__all__ = ["CoverArt", "CoverResult", "dominant_color", "initials", "placeholder", "tile_color"]

#: Thumbnail side in pixels: the largest the stage shows, times two for HiDPI.
THUMB_PX = 256


@dataclass(frozen=True)
class CoverResult:
    song_id: str
    image: QImage | None  # None: no cover, draw the placeholder
    color: QColor | None  # its dominant colour (the full-screen lyrics background)


def initials(title: str) -> str:
    """ "Itaewon Class" -> "IC"; "이태원 클라쓰" -> "이태"; "" -> "♪"."""
    words = [w for w in title.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "♪"
    if len(words) == 1 or not words[0][:1].isascii():
        word = words[0]
        return word[:2] if not word[:1].isascii() else word[:1].upper()
    return (words[0][:1] + words[1][:1]).upper()


def tile_color(key: str) -> QColor:
    """A calm colour of its own for each drama (the same on every run)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=2).digest()
    hue = int.from_bytes(digest, "big") % 360
    return QColor.fromHsl(hue, 90, 88)  # dark enough for white initials (checked by a test)


def placeholder(title: str, key: str, side: int, ratio: float = 1.0) -> QImage:
    px = max(1, round(side * ratio))
    image = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, side, side)
    path = QPainterPath()
    path.addRoundedRect(rect, side * 0.08, side * 0.08)
    painter.fillPath(path, tile_color(key or title))
    font = QFont()
    font.setPixelSize(max(8, round(side * 0.38)))
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials(title))
    painter.end()
    return image


def dominant_color(image: QImage) -> QColor:
    """The picture's average colour, a fair stand-in for its dominant one at this size."""
    small = image.scaled(
        1, 1, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return QColor(small.pixel(0, 0))


def square_thumbnail(image: QImage, side: int = THUMB_PX) -> QImage:
    scaled = image.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    x = (scaled.width() - side) // 2
    y = (scaled.height() - side) // 2
    return scaled.copy(x, y, side, side)


def _load(audio: str, cache_dir: Path) -> tuple[QImage | None, QColor | None]:
    key = cover_key(audio)
    if not key:
        return None, None
    thumb = cache_dir / f"{key}-{THUMB_PX}.png"
    image = QImage(str(thumb)) if thumb.is_file() else QImage()
    if image.isNull():
        data = cover_bytes(audio)
        if not data:
            return None, None
        image = QImage.fromData(data)
        if image.isNull():
            return None, None
        image = square_thumbnail(image)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = thumb.with_name(f".{thumb.name}.{os.getpid()}.tmp")
            if image.save(str(tmp), "PNG"):
                os.replace(tmp, thumb)  # a reader never sees half a thumbnail
        except OSError:
            pass  # the cache is an optimisation: the cover still shows
    return image, dominant_color(image)


class CoverArt(QObject):
    """Ask for a song's cover; :attr:`ready` brings it (or None) back on the GUI thread."""

    ready = Signal(object)  # CoverResult

    def __init__(self, tasks: TaskRunner, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._cache_dir = Path(cache_dir)
        self._wanted: str | None = None
        self._memo: dict[str, CoverResult] = {}

    def request(self, song_id: str, audio_path: str | None) -> None:
        self._wanted = song_id
        key = f"{song_id}\0{audio_path}"
        if key in self._memo:
            self.ready.emit(self._memo[key])
            return
        if not audio_path:
            self.ready.emit(CoverResult(song_id, None, None))
            return
        cache_dir = self._cache_dir

        def job(_ctx: TaskContext) -> CoverResult:
            image, color = _load(audio_path, cache_dir)
            return CoverResult(song_id, image, color)

        task = self._tasks.run("cover", job)
        task.finished.connect(lambda result: self._deliver(key, result))
        task.failed.connect(lambda _exc: self._deliver(key, CoverResult(song_id, None, None)))

    def _deliver(self, key: str, result: CoverResult) -> None:
        if len(self._memo) > 32:
            self._memo.clear()
        self._memo[key] = result
        if result.song_id == self._wanted:  # an older request must not replace a newer cover
            self.ready.emit(result)
