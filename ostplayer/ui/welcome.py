"""First run: "Add your music folder", at the top of the front page, while none of the user's
music is in the library.

The bundled catalog's songs have no audio: until a song is linked to a file of the user's
(``LibraryService.linked_song_ids``), the front page opens with a card that says what adding
a folder does and runs the window's own Library ▸ Add music folder… (and Import catalog…)
actions, so there is one folder dialog and one shortcut for it.

The card is part of the page, not of a layout: it is a child of the page's viewport, placed
in room the reading pane keeps free above the page's text (``ReadingPane.top_space``), and it
scrolls with the text. Showing it moves nothing under the mouse. When the first files come in
(a scan links songs as it finds them), the card says so in the same room rather than vanish
under the reader; the room is given back the next time a page is shown. When every file is
unlinked again, the call to action comes back.

Painted from palette roles only, so it follows light and dark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.changes import LibraryChange
from ..services.library_service import LibraryService
from .empty_state import plain_action_text
from .i18n import tr
from .icons import IconSet

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .page_view import PageView
    from .reading_pane import ReadingPane

__all__ = ["Welcome", "WelcomeCard", "install_welcome"]

FRONT = "feature"  # the kind of page the card opens: the front page (Alt+Home)
GAP = 16  # between the card and the page's title
ICON = 40
MARGINS = (22, 16, 18, 16)
NARROW = 380  # below this card width the icon steps aside


def _tr(text: str) -> str:
    return tr("Welcome", text)


class WelcomeCard(QFrame):
    """The card: what adding a folder does, and the buttons that do it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeCard")
        self._icons = IconSet(self._accent())
        self.icon = QLabel()
        self.icon.setFixedSize(ICON, ICON)
        self.title = QLabel()
        self.title.setObjectName("welcomeTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("welcomeHint")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (self.title, self.text, self.hint):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.add = QPushButton()
        self.add.setObjectName("welcomeAddFolder")
        self.add.setDefault(True)
        self.secondary = QPushButton()
        self.secondary.setObjectName("welcomeImport")
        self._actions: dict[QPushButton, QAction] = {}
        # Side by side, or one under the other when the page is narrow (never cut off).
        buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self.add)
        buttons.addWidget(self.secondary)
        buttons.addStretch(1)
        self._buttons = buttons
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addWidget(self.hint)
        column.addLayout(buttons)
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(*MARGINS)
        row.setSpacing(16)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self._tint()
        self.welcome()

    def bind(self, button: QPushButton, action: QAction) -> None:
        """``button`` runs ``action`` and says what it says (its text, translated, and tip)."""
        self._actions[button] = action
        button.clicked.connect(action.trigger)
        # A bound method of this widget: Qt drops the connection when the card goes first.
        action.changed.connect(self._follow_actions)
        self._follow_actions()

    def _follow_actions(self) -> None:
        for button, action in self._actions.items():
            text = plain_action_text(action)
            button.setText(text)
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip() if action.toolTip() != text else "")

    def welcome(self) -> None:
        self.title.setText(_tr("Add your music folder"))
        self.text.setText(
            _tr(
                "Choose the folder you keep your K-drama soundtracks in. Each song of yours"
                " appears under its drama, with its lyrics, ready to play. Your files stay"
                " where they are: nothing is copied or uploaded."
            )
        )
        self.hint.setText(_tr("You can also drop a folder or audio files on the window."))
        self.hint.show()
        self.add.show()
        self.secondary.setVisible(bool(self.secondary.text()))
        self.setAccessibleName(self.title.text())

    def done(self) -> None:
        """The first files are in: say so in the same place (the buttons' room stays)."""
        self.title.setText(_tr("Your music is in the library"))
        self.text.setText(_tr("Your songs are in the list on the left, under their drama."))
        self.hint.hide()
        self.add.hide()
        self.secondary.hide()
        self.setAccessibleName(self.title.text())

    def height_for(self, width: int) -> int:
        """Arrange the card for ``width`` (icon, buttons side by side or not); its height."""
        self.icon.setVisible(width >= NARROW)
        icon = ICON + self.layout().spacing() if width >= NARROW else 0
        room = width - MARGINS[0] - MARGINS[2] - icon
        side_by_side = (
            self.add.sizeHint().width()
            + self._buttons.spacing()
            + (self.secondary.sizeHint().width() if not self.secondary.isHidden() else 0)
        ) <= room
        self._buttons.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        self.layout().activate()
        height = self.layout().heightForWidth(width)
        return max(height, self.minimumSizeHint().height())

    @property
    def is_welcome(self) -> bool:
        return not self.add.isHidden()

    # --- painting: palette roles only -----------------------------------------------------

    def _accent(self):
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _tint(self) -> None:
        icon = self._icons.icon("folder-music")
        self.icon.setPixmap(icon.pixmap(QSize(ICON, ICON), self.devicePixelRatioF()))

    def paintEvent(self, event) -> None:
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 5, rect.height()), 2.5, 2.5)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._icons.set_color(self._accent()):
            self._tint()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._tint()  # the screen's pixel ratio (1x, 2x) is known once shown


class Welcome(QObject):
    """Shows the card on the front page while the library has none of the user's files."""

    def __init__(
        self,
        library: LibraryService,
        reading: ReadingPane,
        view: PageView,
        add_folder: QAction,
        secondary: QAction | None = None,
    ) -> None:
        super().__init__(view)
        self.library = library
        self.reading = reading
        self.view = view
        self.card = WelcomeCard(view.viewport())
        self.card.hide()
        self.card.bind(self.card.add, add_folder)
        if secondary is not None:
            self.card.bind(self.card.secondary, secondary)
        self.card.secondary.setVisible(secondary is not None)
        self.needed = not library.linked_song_ids()
        self._page: tuple[str, str] | None = None  # the page the card was laid out for
        self._room = 0  # the room kept above that page's text
        reading.top_space = self.space_for
        library.changed.connect(self._on_library_changed)
        reading.shown.connect(self._on_shown)
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        view.viewport().installEventFilter(self)

    # --- the room above the page ------------------------------------------------------------

    def space_for(self, kind: str, ident: str) -> int:
        """Asked by the reading pane for every page it draws: the card's room, or 0."""
        if (kind, ident) != self._page:  # another page: the card starts afresh
            self._page = (kind, ident)
            if self.needed and kind == FRONT:
                self.card.welcome()
                self._room = self._card_height() + GAP
            else:
                self._room = 0
        return self._room

    def _margin(self) -> int:
        return round(self.view.document().documentMargin())

    def _card_height(self) -> int:
        return self.card.height_for(max(1, self.view.viewport().width() - 2 * self._margin()))

    def _place(self) -> None:
        if not self._room:
            self.card.hide()
            return
        margin = self._margin()
        y = margin - self.view.verticalScrollBar().value()
        self.card.setGeometry(
            margin, y, self.view.viewport().width() - 2 * margin, self._room - GAP
        )
        self.card.show()

    def _relayout(self) -> None:
        """The card's height may have changed (a new width, a new text): keep its room."""
        if self._room and self.card.is_welcome:
            room = self._card_height() + GAP
            if room != self._room:
                self._room = room
                self.reading.apply_top_space()
        self._place()

    # --- following the library and the page -------------------------------------------------

    def _on_shown(self, _kind: str, _ident: str) -> None:
        self._place()

    def _on_scrolled(self, _value: int) -> None:
        if self._room:
            self._place()

    def _on_library_changed(self, change: LibraryChange) -> None:
        if not (change.personal or change.removed or change.catalog_replaced):
            return  # plays, edits of names: no file came or went
        if any(self.library.audio_path(s) for s in change.personal):
            needed = False  # a song of this change has a file: no need to look further
        elif self.needed and not change.catalog_replaced:
            return  # none before, none linked now
        else:
            needed = not self.library.linked_song_ids()  # a file went: was it the last?
        if needed == self.needed:
            return
        self.needed = needed
        if self._page is None or self._page[0] != FRONT:
            return
        if needed:  # every file unlinked, the front page shown: ask again
            self._page = None
            self.reading.apply_top_space()
            self._place()
        elif self._room:
            self.card.done()  # in the room it has; given back on the next page shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._relayout()
        return False


def install_welcome(window: MainWindow) -> Welcome:
    """The card on the window's front page, its buttons the window's own actions."""
    actions = window.menu_actions
    welcome = Welcome(
        window.library,
        window.reading,
        window.page_view,
        actions["add-folder"],
        actions["import"],
    )
    # Tab reaches the card's buttons just before the page's own links, as they are drawn.
    before = window.page_view.previousInFocusChain()
    while not before.focusPolicy() & Qt.FocusPolicy.TabFocus and before is not window:
        before = before.previousInFocusChain()  # Qt orders after a widget Tab can reach
    QWidget.setTabOrder(before, welcome.card.add)
    QWidget.setTabOrder(welcome.card.add, welcome.card.secondary)
    window.welcome = welcome
    return welcome
