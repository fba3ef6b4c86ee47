"""The reading pane: a QTextBrowser that navigates inside the app and never loads anything.

Links are handled by the window (``ost:song/ID`` opens a song, ``ost:action/...`` performs an
action) and resources are never fetched: even if markup slipped through, an ``<img src>`` or a
``file:`` URL would load nothing. Audio files can be dropped onto the page to link them.
"""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QTextBrowser, QWidget


class PageView(QTextBrowser):
    link_activated = Signal(str, str)  # kind ("song", "drama", "action/link", ...), id
    file_dropped = Signal(str)  # a local file path dropped on the page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(True)
        self.setObjectName("page")
        self.document().setDocumentMargin(28)
        self.set_dark(False)
        self.anchorClicked.connect(self._on_anchor)

    def set_dark(self, dark: bool) -> None:
        """The pages' colours (the next setHtml uses them; the reading pane redraws)."""
        from .theme import page_css

        self.document().setDefaultStyleSheet(page_css(dark))

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() != "ost":
            return
        path = url.path()
        kind, _, ident = path.rpartition("/")
        if kind:
            self.link_activated.emit(kind, unquote(ident))

    def loadResource(self, type: int, name: QUrl):
        return None

    # Dropping a file on the page links it to the song shown.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.file_dropped.emit(files[0])
        else:
            super().dropEvent(event)
