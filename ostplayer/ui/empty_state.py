"""What an empty list shows instead of blank space: what would fill it, and the action that does.

``EmptyState(text, action_text, parent)``: an icon, a message, an optional detail line and
an optional button. ``action_text`` is either a button text (the button emits ``triggered``)
or one of the window's QActions (the button runs it, with its text and its enabled state), so
an empty state never has a command of its own that the menus do not have.

It is painted from palette roles only, so it follows light and dark; its icon is re-tinted
when the palette changes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from .icons import IconSet

__all__ = ["EmptyState", "plain_action_text"]

ICON_SIZE = 32


def plain_action_text(action: QAction) -> str:
    """A menu text as a button says it: "&Add music folder…" → "Add music folder…", and
    "음악 폴더 추가(&A)…" → "음악 폴더 추가…" (a mnemonic in brackets goes with its brackets)."""
    text = re.sub(r"\(&[^&]\)", "", action.text())
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class EmptyState(QWidget):
    triggered = Signal()  # the main button, when it was given a text rather than a QAction

    def __init__(
        self,
        text: str,
        action_text: str | QAction | None = None,
        parent: QWidget | None = None,
        *,
        detail: str = "",
        icon: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self._icons = IconSet(self._icon_color())
        self._icon_name = icon
        self.icon = QLabel()
        self.icon.setObjectName("emptyStateIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.icon.setVisible(bool(icon))
        self.label = QLabel()
        self.label.setObjectName("emptyStateText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a song's title
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.detail = QLabel()
        self.detail.setObjectName("emptyStateDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Made with the first action: a list that never has one has no nameless button.
        self.button: QPushButton | None = None
        self._action: QAction | None = None
        self._extra: list[QPushButton] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(16, 24, 16, 16)
        self._column.setSpacing(8)
        self._column.addWidget(self.icon)
        self._column.addWidget(self.label)
        self._column.addWidget(self.detail)
        self._column.addStretch(1)
        # Tab stops here too, so the keyboard (and a screen reader) meets what the empty
        # place says, also when it offers nothing to press (yet).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # As wide as its container lets it: long messages wrap instead of widening the panel.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_text(text, detail)
        self.set_action(action_text)
        self._tint()

    # --- what it says -----------------------------------------------------------------------

    def set_text(self, text: str, detail: str | None = None) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        if detail is not None:
            self.detail.setText(detail)
            self.detail.setVisible(bool(detail))
            self.setAccessibleDescription(detail)

    def text(self) -> str:
        return self.label.text()

    def set_action(self, action_text: str | QAction | None) -> None:
        """The main button: a text (``triggered``), a QAction (run it), or None (no button)."""
        if self._action is not None:
            self._action.changed.disconnect(self._follow_action)
        self._action = action_text if isinstance(action_text, QAction) else None
        if action_text is None:
            if self.button is not None:
                self.button.hide()
            return
        if self.button is None:
            self.button = QPushButton()
            self.button.setObjectName("emptyStateButton")
            self.button.clicked.connect(self._clicked)
            self._column.insertWidget(3, self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        if self._action is not None:
            self._action.changed.connect(self._follow_action)
            self._follow_action()
        else:
            self.button.setText(action_text)
            self.button.setEnabled(True)
            self.button.setToolTip("")
        self.button.show()

    def add_button(self, text: str, tip: str = "") -> QPushButton:
        """One more button under the main one (e.g. a second way to fill the list)."""
        button = QPushButton(text)
        button.setObjectName("emptyStateExtra")
        button.setToolTip(tip)
        self._column.insertWidget(
            self._column.count() - 1, button, 0, Qt.AlignmentFlag.AlignHCenter
        )
        self._extra.append(button)
        return button

    def _follow_action(self) -> None:
        action, button = self._action, self.button
        if action is not None and button is not None:
            text = plain_action_text(action)
            button.setText(text)
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip() if action.toolTip() != text else "")

    def _clicked(self) -> None:
        if self._action is not None:
            self._action.trigger()
        else:
            self.triggered.emit()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # where Tab is: the style's own focus frame around the message
            painter = QStylePainter(self)
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = (
                self.label.geometry().united(self.detail.geometry()).adjusted(-4, -4, 4, 4)
            )
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- light and dark ---------------------------------------------------------------------

    def _icon_color(self):
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    def _tint(self) -> None:
        if self._icon_name:
            icon = self._icons.icon(self._icon_name)
            self.icon.setPixmap(icon.pixmap(QSize(ICON_SIZE, ICON_SIZE), self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._icons.set_color(self._icon_color()):
            self._tint()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._tint()  # on the screen it is shown on: its pixel ratio (1x, 2x) is known now
