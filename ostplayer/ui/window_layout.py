"""The main window's layout: browser | page | lyrics, the transport under them, the queue
in a dock at the side, and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QSplitter, QVBoxLayout, QWidget

from ..services.texts import fill
from .transport import playback_off_reason

if TYPE_CHECKING:
    from .main_window import MainWindow


CONTENT_MARGINS = (0, 6, 6, 0)  # page and lyrics: a gap at the top and the right


def build_layout(window: MainWindow) -> None:
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(*CONTENT_MARGINS)
    window.content_splitter = QSplitter(Qt.Orientation.Horizontal)
    window.content_splitter.setObjectName("contentSplitter")
    window.content_splitter.addWidget(window.page_view)
    window.content_splitter.addWidget(window.lyrics.view)
    window.content_splitter.setStretchFactor(0, 3)
    window.content_splitter.setStretchFactor(1, 2)
    right_layout.addWidget(window.content_splitter, 1)
    window.splitter = QSplitter(Qt.Orientation.Horizontal)
    window.splitter.setObjectName("mainSplitter")
    window.splitter.addWidget(window.browser)
    window.splitter.addWidget(right)
    window.splitter.setStretchFactor(1, 1)
    window.splitter.setSizes([340, 760])
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(window.splitter, 1)
    layout.addWidget(window.transport)
    window.setCentralWidget(central)
    window.queue_dock = QDockWidget(QCoreApplication.translate("QueuePanel", "Queue"), window)
    window.queue_dock.setObjectName("queueDock")
    window.queue_dock.setWidget(window.queue_panel)
    # A side panel of its own width: it never squeezes the page and lyrics into slivers.
    window.queue_panel.setMinimumWidth(240)
    window.queue_panel.setMaximumWidth(340)
    window.page_view.setMinimumWidth(320)
    # The lyrics keep a readable column too: squeezed by the queue, Korean lines stacked a
    # syllable per row. Hidden with Ctrl+Shift+L, never dragged to a sliver.
    window.lyrics.view.setMinimumWidth(220)
    window.content_splitter.setChildrenCollapsible(False)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.queue_dock)
    window.queue_dock.hide()
    window.statusBar().showMessage(QCoreApplication.translate("Window", "Ready"))
    if not window.session.available:
        # Permanent, not a message: it stays true for the whole session.
        reason = window.session.unavailable_reason
        said = playback_off_reason(reason)
        if not reason.startswith("Playback"):
            said = fill(QCoreApplication.translate("Window", "Playback is off: %1"), said)
        window.playback_off = QLabel(said)
        window.playback_off.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(window.playback_off)
