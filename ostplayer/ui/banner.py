"""A dismissible message strip: what happened to the library, or an offer to resume."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None, *, warning: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("warningBanner" if warning else "banner")
        self._warning = warning
        self._restyle()
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    def _restyle(self) -> None:
        # Light or dark strip by the palette; text keeps ≥ 4.5:1 on either (tested).
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        color = {
            (False, False): "#e8f0fa",
            (True, False): "#fdecea",
            (False, True): "#1f3047",
            (True, True): "#4a2326",
        }[(self._warning, dark)]
        text = "#f1efec" if dark else "#1d1c1a"
        if getattr(self, "_styled", None) == (self.objectName(), dark):
            return  # a style sheet change is itself a palette change: do not loop
        self._styled = (self.objectName(), dark)
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {color}; border-radius: 4px; }}"
            f" #{self.objectName()} QLabel {{ color: {text}; }}"
        )

    def setObjectName(self, name: str) -> None:  # the style sheet names the banner
        super().setObjectName(name)
        if hasattr(self, "_warning"):
            self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_warning"):
            self._restyle()

    def show_message(
        self,
        text: str,
        actions: list[tuple[str, Callable[[], None]]] = (),
        on_dismiss: Callable[[], None] | None = None,
    ) -> None:
        for b in self._buttons:
            b.deleteLater()
        self._buttons = []
        self.label.setText(text)
        dismiss = QCoreApplication.translate("Banner", "Dismiss")
        for label, fn in [*actions, (dismiss, on_dismiss or (lambda: None))]:
            button = QPushButton(label)
            button.clicked.connect(fn)
            button.clicked.connect(self.hide)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()


class BannerStack(QWidget):
    """Banners floating over the top of a widget instead of taking part in its layout.

    Showing or hiding a banner must never move the controls under the user's mouse: a banner
    in a layout pushes everything below it down by its height. Here they overlay the top of
    ``host`` (the reading area), stacked, and only cover what they need.
    """

    def __init__(self, host: QWidget) -> None:
        # A sibling over the host, not its child: a QSplitter takes every child widget in as
        # a pane, and a fixed-width pane would widen the splitter and the window.
        super().__init__(host.parentWidget() or host)
        self.setObjectName("bannerStack")
        self._host = host
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(12, 8, 12, 0)
        self._column.setSpacing(6)
        host.installEventFilter(self)
        self.hide()

    def add(self, banner: Banner) -> Banner:
        self._column.addWidget(banner)
        banner.installEventFilter(self)
        return banner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ShowToParent/HideToParent: a banner shown while the stack is hidden gets no Show.
        if event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Move,
            QEvent.Type.ShowToParent,
            QEvent.Type.HideToParent,
        ):
            self._place()
            # Once more when the layout has taken the change in (new text, new buttons).
            QTimer.singleShot(0, self._place)
        return False

    def _place(self) -> None:
        banners = [self._column.itemAt(i).widget() for i in range(self._column.count())]
        if not any(b is not None and not b.isHidden() for b in banners):
            self.hide()
            return
        width = self._host.width()
        self.setFixedWidth(width)
        height = self._column.heightForWidth(width)
        origin = self._host.pos() if self.parentWidget() is not self._host else QPoint(0, 0)
        self.setGeometry(
            origin.x(), origin.y(), width, height if height > 0 else self.sizeHint().height()
        )
        self.show()
        self.raise_()
