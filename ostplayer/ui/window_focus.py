"""The main window's keyboard order: Tab goes search → browser → page → lyrics → transport →
queue, and inside each part in the order the eye reads it.

Qt's default Tab order is the order widgets were created in, which is not what the user sees:
the encoding button, built after the lyrics' footer, sits under the source line at the top.
So the order here follows the layouts (top to bottom, left to right), not creation.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLayout, QStackedWidget, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["layout_order", "set_tab_order"]


def _in_layout(layout: QLayout) -> Iterator[QWidget]:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            yield from layout_order(item.widget())
        elif item.layout() is not None:
            yield from _in_layout(item.layout())


def layout_order(widget: QWidget) -> Iterator[QWidget]:
    """``widget`` and the widgets inside it, in reading order, those Tab can reach."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        yield widget
    if isinstance(widget, QAbstractScrollArea):
        return  # its viewport and scrollbars are its own business
    if isinstance(widget, QStackedWidget):
        for i in range(widget.count()):
            yield from layout_order(widget.widget(i))
        return
    if widget.layout() is not None:
        yield from _in_layout(widget.layout())


def set_tab_order(window: MainWindow) -> list[QWidget]:
    """Chain the parts' widgets; the chain (for tests)."""
    chain: list[QWidget] = []
    for part in (
        window.browser,
        window.page_view,
        window.lyrics.view,
        window.transport,
        window.queue_panel,
    ):
        for widget in layout_order(part):
            if widget not in chain:
                chain.append(widget)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
    return chain
