"""A small table of rows to add, remove and reorder (a cast, a song's performers), and
turning the names typed into it into the ids the catalog holds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog_edits import EditRefused
from ..domain.models import Catalog
from ..domain.phrases import Phrase
from .i18n import tr


def _tr(text: str) -> str:
    return tr("Edit", text)


KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's own stable id (a cast member's)


class RowsTable(QWidget):
    changed = Signal()

    def __init__(
        self, headers: list[str], parent: QWidget | None = None, *, checkable: int | None = None
    ) -> None:
        """``checkable``: a column of check boxes (read back as "1" or "")."""
        super().__init__(parent)
        self.checkable = checkable
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        buttons = QHBoxLayout()
        for label, slot in (
            (_tr("Add"), self.add_empty),
            (_tr("Remove"), self.remove_current),
            (_tr("Up"), lambda: self.move(-1)),
            (_tr("Down"), lambda: self.move(1)),
        ):
            button = QPushButton(label)
            button.setObjectName(f"rows{label}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, values: list[str], key: str | None = None) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == self.checkable:
                item = QTableWidgetItem("")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
                item.setCheckState(checked)
            if column == 0:
                item.setData(KEY_ROLE, key)
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.changed.emit()

    def add_empty(self) -> None:
        self.add_row([""] * self.table.columnCount())
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for column in range(self.table.columnCount()):
            a, b = self.table.takeItem(row, column), self.table.takeItem(other, column)
            self.table.setItem(row, column, b)
            self.table.setItem(other, column, a)
        self.table.blockSignals(False)
        self.table.setCurrentCell(other, 0)
        self.changed.emit()

    def rows(self) -> list[tuple[str | None, list[str]]]:
        """(row key, cell texts) per row, top to bottom."""
        out = []
        for row in range(self.table.rowCount()):
            cells = []
            key = None
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and column == self.checkable:
                    cells.append("1" if item.checkState() == Qt.CheckState.Checked else "")
                else:
                    cells.append(item.text().strip() if item is not None else "")
                if column == 0 and item is not None:
                    key = item.data(KEY_ROLE)
            out.append((key, cells))
        return out


def person_id(catalog: Catalog, text: str, field: str) -> str:
    """The id of the person typed as an id or a name (any spelling); raises EditRefused
    naming ``field`` when nobody in the library is called that."""
    text = text.strip()
    if text in catalog.people:
        return text
    wanted = text.casefold()
    for person in catalog.people.values():
        names = (person.name, person.name_original, *person.aliases)
        if any(n.casefold() == wanted for n in names if n):
            return person.id
    if not text:
        raise EditRefused(Phrase("is required"), field)
    raise EditRefused(Phrase(_NOBODY, repr(text)), field)


_NOBODY = "nobody called %1 is in the library (add them with Library ▸ New person)"
