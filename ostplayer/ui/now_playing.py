"""The now-playing area: the cover, the title, who sings, the drama and OST part, a heart.

Every line elides (the full text is its tooltip) and the area's width is set by the transport
bar, never by its text: a long drama name must not widen the window or push the buttons aside.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from .cover_art import placeholder
from .icons import IconSet

__all__ = ["CoverView", "ElidingLabel", "NowPlayingArea"]


def tr(text: str) -> str:
    return QCoreApplication.translate("NowPlaying", text)


class ElidingLabel(QLabel):
    """One line, elided at the end to its width, the whole text as tooltip; never wider
    than the layout makes it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def text(self) -> str:  # what the line says, even when it is shown elided
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(10, self.width())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)
        # Tooltips guess rich text: give them escaped HTML so a title is never markup.
        elided = shown != self._full
        self.setToolTip(f"<p>{html.escape(self._full)}</p>" if elided and self._full else "")

    setText = set_full_text  # QLabel's own name, so callers need not know


class CoverView(QWidget):
    """The cover (or the drama's initials) in a rounded square of a fixed size."""

    def __init__(self, side: int = 56, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._side = side
        self._image: QImage | None = None
        self._placeholder = ("", "")  # (title, key) when there is no image
        self.setFixedSize(side, side)
        self.setAccessibleName(tr("Cover"))

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.update()

    def set_placeholder(self, title: str, key: str) -> None:
        self._image = None
        self._placeholder = (title, key)
        self.update()

    @property
    def has_cover(self) -> bool:
        return self._image is not None and not self._image.isNull()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(self.rect())
        if self.has_cover:
            path = QPainterPath()
            path.addRoundedRect(rect, rect.width() * 0.08, rect.width() * 0.08)
            painter.setClipPath(path)
            painter.drawImage(rect, self._image)
        else:
            title, key = self._placeholder
            tile = placeholder(title, key, self.width(), self.devicePixelRatioF())
            painter.drawImage(rect, tile)
        painter.end()


class NowPlayingArea(QWidget):
    """Cover, then three lines: the title (with the heart), the performers, the drama."""

    favourite_toggled = Signal(bool)

    def __init__(self, icons: IconSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nowPlaying")
        self._icons = icons
        self.cover = CoverView(56)
        self.title = ElidingLabel(tr("Nothing playing"))
        self.title.setObjectName("nowPlayingTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.title.setFont(font)
        self.performers = ElidingLabel("")
        self.performers.setObjectName("nowPlayingPerformers")
        self.drama = ElidingLabel("")
        self.drama.setObjectName("nowPlayingDrama")
        self.heart = QToolButton()
        self.heart.setObjectName("favourite")
        self.heart.setCheckable(True)
        self.heart.setAutoRaise(True)
        self.heart.setIconSize(QSize(18, 18))
        self.heart.setAccessibleName(tr("Favourite"))
        self.heart.toggled.connect(self._on_heart)
        self.heart.clicked.connect(lambda: self.favourite_toggled.emit(self.heart.isChecked()))
        self.heart.setEnabled(False)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.cover, 0, 0, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.heart, 0, 2, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.performers, 1, 1)
        grid.addWidget(self.drama, 2, 1)
        grid.setColumnStretch(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._update_heart()
        self._dim_secondary()

    def show_song(
        self, song_id: str, title: str, performers: str, drama: str, drama_title: str
    ) -> None:
        self.title.set_full_text(title)
        self.performers.set_full_text(performers)
        self.drama.set_full_text(drama)
        self.drama.setVisible(bool(drama))
        self.cover.set_placeholder(drama_title or title, drama_title or song_id)
        self.heart.setEnabled(True)

    def show_nothing(self, text: str | None = None, detail: str = "") -> None:
        self.title.set_full_text(text if text is not None else tr("Nothing playing"))
        self.performers.set_full_text(detail)
        self.drama.set_full_text("")
        self.cover.set_placeholder("", "")
        self.heart.setChecked(False)
        self.heart.setEnabled(False)

    def set_favourite(self, on: bool) -> None:
        self.heart.blockSignals(True)
        self.heart.setChecked(on)
        self.heart.blockSignals(False)
        self._update_heart()

    def _on_heart(self, _on: bool) -> None:
        self._update_heart()

    def _update_heart(self) -> None:
        on = self.heart.isChecked()
        self.heart.setIcon(self._icons.icon("emblem-favorite" if on else "favorite-outline"))
        text = tr("Remove from favourites") if on else tr("Add to favourites")
        self.heart.setToolTip(text)
        self.heart.setAccessibleDescription(text)

    def refresh_icons(self) -> None:
        self._update_heart()
        self._dim_secondary()

    def _dim_secondary(self) -> None:
        # Secondary lines in the palette's placeholder-ish tone, still ≥ 4.5:1 (tested).
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        window = pal.color(QPalette.ColorRole.Window)
        soft = QColor(
            round(text.red() * 0.72 + window.red() * 0.28),
            round(text.green() * 0.72 + window.green() * 0.28),
            round(text.blue() * 0.72 + window.blue() * 0.28),
        )
        for label in (self.performers, self.drama):
            p = label.palette()
            p.setColor(QPalette.ColorRole.WindowText, soft)
            label.setPalette(p)
