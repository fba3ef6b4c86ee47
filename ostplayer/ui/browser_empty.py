"""What the browser says instead of an empty tree: a search that found nothing, or a library
with no songs yet, each with the action that would fill it.

Laid over the tree's viewport rather than swapped in for the tree: the tree stays where it
is (and keeps painting, which the window's "library on screen" moment waits for), and
nothing in the layout moves when the message comes or goes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from .i18n import fill, tr


def _tr(text: str) -> str:
    return tr("Browser", text)


class EmptyState(QWidget):
    """A title, a hint and one button, centred near the top of the tree's viewport."""

    clear_search = Signal()

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("browserEmpty")
        self.title = QLabel()
        self.title.setObjectName("browserEmptyTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the search text is the user's
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel()
        self.hint.setObjectName("browserEmptyHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.button = QPushButton(_tr("Clear search"))  # named even before it first shows
        self.button.setObjectName("browserEmptyAction")
        self.button.clicked.connect(self._on_clicked)
        self._add_folder: QAction | None = None
        self.reason = ""  # "search", "library" or "" (hidden): for tests and the panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 32, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        viewport.installEventFilter(self)
        self.setGeometry(viewport.rect())
        self.hide()

    def set_add_folder_action(self, action: QAction) -> None:
        """The window's Library ▸ Add music folder…: the button of an empty library."""
        self._add_folder = action
        if self.reason == "library":
            self.show_empty_library()

    def show_no_match(self, query: str) -> None:
        self.reason = "search"
        self.title.setText(fill(_tr("No songs match “%1”"), query.strip()))
        self.hint.setText(
            _tr("Check the spelling, or search for a drama, a singer or a line of the lyrics.")
        )
        self.button.setText(_tr("Clear search"))
        self.button.setVisible(True)
        self._show()

    def show_empty_library(self) -> None:
        self.reason = "library"
        self.title.setText(_tr("Your library is empty"))
        self.hint.setText(
            _tr("Add the folder where you keep your music: its songs appear here, by drama.")
        )
        self.button.setText(_tr("Add music folder…"))
        self.button.setVisible(self._add_folder is not None)
        self._show()

    def clear(self) -> None:
        self.reason = ""
        self.hide()

    def _show(self) -> None:
        self.title.setAccessibleName(self.title.text())
        self.button.setAccessibleName(self.button.text())
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def _on_clicked(self) -> None:
        if self.reason == "search":
            self.clear_search.emit()
        elif self.reason == "library" and self._add_folder is not None:
            self._add_folder.trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(watched.rect())  # type: ignore[attr-defined]
        return False
