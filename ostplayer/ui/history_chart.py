"""The listening history's bar chart, painted with QPainter (QtCharts is not part of
PySide6-Essentials, and a dozen bars do not need it).

Every colour comes from the palette (bars in Highlight, the hovered or selected bar Highlight
drawn a third of the way toward WindowText, text in WindowText, grid lines in Mid), so light and dark themes both read well. A
bar's count shows in a tooltip on hover; Left/Right moves between bars from the keyboard, and
the accessible description names the period, the total and the busiest bar.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..domain.listening_stats import Bar
from .i18n import fill, tr_count

R = QPalette.ColorRole


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


def plays_text(n: int) -> str:
    return tr_count("History", n, "%n play", "%n plays")


def bar_label(bar: Bar) -> str:
    """Month/day of the bar's first day: short enough for thirty bars, read in any language."""
    return f"{bar.first.month}/{bar.first.day}"


def bar_span(bar: Bar) -> str:
    """The bar's day or days, as the tooltip names them."""
    if bar.first == bar.last:
        return bar.first.isoformat()
    return f"{bar.first.isoformat()} – {bar.last.isoformat()}"


def nice_top(most: int) -> int:
    """The axis' top: the highest count rounded up to 1, 2 or 5 times a power of ten."""
    if most <= 4:
        return max(most, 1)
    step = 1
    while True:
        for m in (1, 2, 5):
            if most <= m * step * 4:
                return -(-most // (m * step)) * m * step
        step *= 10


def mix(a: QColor, b: QColor, share: float) -> QColor:
    """``a`` moved ``share`` of the way to ``b``: darker on a light theme, lighter on dark."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * share),
        round(a.green() + (b.green() - a.green()) * share),
        round(a.blue() + (b.blue() - a.blue()) * share),
    )


class HistoryChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyChart")
        self.bars: tuple[Bar, ...] = ()
        self.caption = ""  # "Plays per day" / "Plays per week"
        self.hovered: int | None = None
        self.selected: int | None = None  # from the keyboard
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Listening chart"))

    def sizeHint(self) -> QSize:
        return QSize(560, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 140)

    def set_bars(self, bars: Sequence[Bar], caption: str) -> None:
        self.bars = tuple(bars)
        self.caption = caption
        self.hovered = None
        if self.selected is not None and self.selected >= len(self.bars):
            self.selected = None
        self.setAccessibleName(caption or tr("Listening chart"))
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for a screen reader."""
        if not self.bars:
            return ""
        total = sum(b.plays for b in self.bars)
        busiest = max(self.bars, key=lambda b: b.plays)
        first, last = self.bars[0].first.isoformat(), self.bars[-1].last.isoformat()
        text = fill(tr("%1 in all, from %2 to %3."), plays_text(total), first, last)
        if busiest.plays:
            most = fill(tr("Most: %1 on %2."), plays_text(busiest.plays), bar_span(busiest))
            text = f"{text} {most}"
        return text

    def tooltip_for(self, index: int) -> str:
        bar = self.bars[index]
        return f"{bar_span(bar)}: {plays_text(bar.plays)}"

    # --- geometry ---------------------------------------------------------------------------

    def _plot(self) -> QRect:
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance("0000") + 12
        return self.rect().adjusted(left, fm.height() + 8, -10, -(fm.height() + 10))

    def bar_rect(self, index: int) -> QRectF:
        plot = self._plot()
        slot = plot.width() / max(len(self.bars), 1)
        top = nice_top(max((b.plays for b in self.bars), default=0))
        height = plot.height() * self.bars[index].plays / top
        gap = max(1.0, slot * 0.2)
        x = plot.left() + index * slot + gap / 2
        return QRectF(x, plot.bottom() - height, slot - gap, height)

    def bar_at(self, pos: QPoint) -> int | None:
        """The bar whose column (the full height of the plot) is under ``pos``."""
        plot = self._plot()
        if not self.bars or not plot.contains(pos):
            return None
        slot = plot.width() / len(self.bars)
        index = int((pos.x() - plot.left()) / slot)
        return index if 0 <= index < len(self.bars) else None

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(R.Base))
        if not self.bars:
            painter.end()
            return
        plot = self._plot()
        fm = QFontMetrics(self.font())
        top = nice_top(max(b.plays for b in self.bars))
        painter.setPen(pal.color(R.WindowText))
        painter.drawText(
            QRect(plot.left(), 2, plot.width(), fm.height() + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.caption,
        )
        # The value axis: 0, half and the top, with faint grid lines.
        for value in sorted({0, top // 2, top}):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(
                QPen(pal.color(R.Mid), 1, Qt.PenStyle.DotLine if value else Qt.PenStyle.SolidLine)
            )
            painter.drawLine(plot.left(), round(y), plot.right(), round(y))
            painter.setPen(pal.color(R.WindowText))
            painter.drawText(
                QRect(0, round(y) - fm.height() // 2, plot.left() - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:,}",
            )
        mark = self.hovered if self.hovered is not None else self.selected
        bar_colour = pal.color(R.Highlight)
        marked = mix(bar_colour, pal.color(R.WindowText), 0.35)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, bar in enumerate(self.bars):
            if bar.plays:
                painter.setBrush(marked if i == mark else bar_colour)
                painter.drawRoundedRect(self.bar_rect(i), 2, 2)
        self._draw_day_labels(painter, plot, fm)
        if self.hasFocus() and self.selected is not None:
            painter.setPen(QPen(pal.color(R.Highlight), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            column = self.bar_rect(self.selected)
            painter.drawRect(QRectF(column.left(), plot.top(), column.width(), plot.height()))
        painter.end()

    def _draw_day_labels(self, painter: QPainter, plot: QRect, fm: QFontMetrics) -> None:
        slot = plot.width() / len(self.bars)
        widest = max(fm.horizontalAdvance(bar_label(b)) for b in self.bars) + 8
        every = max(1, -(-widest // max(int(slot), 1)))  # skip labels that would overlap
        painter.setPen(self.palette().color(R.WindowText))
        last = len(self.bars) - 1
        for i, bar in enumerate(self.bars):
            # Count back from the newest bar, so today (or this week) is always labelled.
            if (last - i) % every:
                continue
            centre = plot.left() + (i + 0.5) * slot
            painter.drawText(
                QRect(round(centre - widest / 2), plot.bottom() + 4, widest, fm.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                bar_label(bar),
            )

    # --- interaction ------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(index), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event) -> None:
        index = self.bar_at(event.position().toPoint())
        if index != self.hovered:
            self.hovered = index
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self.hovered = None
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None or not self.bars:
            super().keyPressEvent(event)
            return
        current = len(self.bars) if self.selected is None and step < 0 else self.selected
        current = -1 if current is None else current
        self.selected = min(max(current + step, 0), len(self.bars) - 1)
        text = self.tooltip_for(self.selected)
        self.setAccessibleDescription(text)
        rect = self.bar_rect(self.selected).toRect()
        QToolTip.showText(self.mapToGlobal(rect.center()), text, self)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.update()  # a theme switch: repaint in the new palette's colours
        super().changeEvent(event)
