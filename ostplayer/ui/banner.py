"""A dismissible message strip: what happened to the library, or an offer to resume."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None, *, warning: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("warningBanner" if warning else "banner")
        color = "#fdecea" if warning else "#e8f0fa"
        self.setStyleSheet(f"#{self.objectName()} {{ background: {color}; border-radius: 4px; }}")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    def show_message(self, text: str, actions: list[tuple[str, Callable[[], None]]] = ()) -> None:
        for b in self._buttons:
            b.deleteLater()
        self._buttons = []
        self.label.setText(text)
        for label, fn in [*actions, ("Dismiss", lambda: None)]:
            button = QPushButton(label)
            button.clicked.connect(fn)
            button.clicked.connect(self.hide)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()
