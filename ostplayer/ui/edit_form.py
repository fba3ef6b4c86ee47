"""What every entry editor shares: fields, validation as you type, saving as one edit.

Each editor turns its fields into the entry's file form (the dict an import reads) and the
import's own rules check it (:func:`~ostplayer.domain.catalog_edits.entry_from_raw`), so an
entry that can be saved is one that an export and re-import accept. The first problem is
shown under the fields, naming the field ("Year: 3000 is outside 1900..2200"), the field is
marked and Save stays off until it is fixed. An entry's id never changes when its title does;
a new entry gets a readable slug of its title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog_edits import (
    CatalogEdit,
    EditRefused,
    apply_edit,
    check_edit,
    entry_from_raw,
    put_entry,
)
from ..domain.edit_record import Edit
from ..domain.models import Catalog
from ..domain.slugs import slugify
from ..services.edit_history import EditHistory
from .i18n import fill, say, tr


def _tr(text: str) -> str:
    return tr("Edit", text)


LABELS = {
    "id": "Id",
    "title": "Title",
    "name": "Name",
    "title_original": "Original title",
    "name_original": "Hangul name",
    "aliases": "Aliases",
    "year": "Year",
    "cast": "Cast",
    "drama": "Drama",
    "ost_part": "OST part",
    "ost_order": "Order",
    "performers": "Performers",
    "characters": "Characters",
    "members": "Members",
    "kind": "Kind",
    "lyrics_excerpt": "Lyric excerpt",
    "commentary": "Commentary",
    "musical_character": "Musical character",
    "network": "Network",
    "episodes": "Episodes",
    "scenes": "Scenes",
    "episode": "episode",
}
_ROW = re.compile(r"^(\w+)\[(\d+)\]$")


def field_label(field: str) -> str:
    """ "cast[1].actor" → "Cast, row 2, actor"; "title" → "Title" (in the interface's
    language: the editor shows it next to the problem)."""
    parts = field.split(".") if field else []
    out = []
    for n, part in enumerate(parts):
        row = _ROW.match(part)
        if row:
            name = _tr(LABELS.get(row.group(1), row.group(1)))
            out.append(fill(_tr("%1, row %2"), name, str(int(row.group(2)) + 1)))
        else:
            out.append(_tr(LABELS.get(part, part.replace("_", " "))) if n == 0 else _tr(part))
    return ", ".join(out)


def lines(widget: QPlainTextEdit) -> list[str]:
    return [ln.strip() for ln in widget.toPlainText().splitlines() if ln.strip()]


def number_or_text(text: str) -> Any:
    """A number field as the file would hold it: a whole number, null, or (typed wrong) the
    text itself, for the import's rule to name what is wrong with it."""
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return text


class EntryDialog(QDialog):
    section = ""
    noun = ""

    def __init__(
        self,
        history: EditHistory,
        catalog: Callable[[], Catalog],
        entry: Any | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.catalog = catalog
        self.entry = entry
        self.saved: Edit | None = None
        self.pending: CatalogEdit | None = None
        title = "Edit %1" if entry is not None else "New %1"
        self.setWindowTitle(fill(_tr(title), _tr(self.noun)))
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.error = QLabel()
        self.error.setObjectName("editError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.id_label = QLabel()
        self.id_label.setTextFormat(Qt.TextFormat.PlainText)
        self.id_label.setObjectName("entryId")

    # --- building the form ------------------------------------------------------------------

    def line(self, field: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(field)
        edit.textChanged.connect(self.revalidate)
        self.add(field, edit)
        return edit

    def text_box(self, field: str, text: str = "", height: int = 60) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setObjectName(field)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(height)
        box.textChanged.connect(self.revalidate)
        self.add(field, box)
        return box

    def add(self, field: str, widget: QWidget, label: str | None = None) -> None:
        self.fields[field] = widget
        self.form.addRow(label or _tr(LABELS.get(field, field)), widget)

    def finish_form(self) -> None:
        self.form.insertRow(0, _tr("Id"), self.id_label)
        self.resize(560, self.sizeHint().height())
        self.revalidate()

    # --- what subclasses provide ------------------------------------------------------------

    def raw(self) -> dict[str, Any]:
        """The entry's file form from the fields (without the id)."""
        raise NotImplementedError

    def title_text(self, raw: dict[str, Any]) -> str:
        return str(raw.get("title") or raw.get("name") or "")

    # --- validation -------------------------------------------------------------------------

    def entry_id(self, raw: dict[str, Any]) -> str:
        if self.entry is not None:
            return self.entry.id  # stable: links, lyrics and plays hang on it
        return slugify(self.title_text(raw), getattr(self.catalog(), self.section))

    def build(self) -> CatalogEdit:
        catalog = self.catalog()
        raw = self.raw()
        raw["id"] = self.entry_id(raw)
        self.id_label.setText(raw["id"] + ("" if self.entry is not None else _tr("  (new)")))
        entity = entry_from_raw(catalog, self.section, raw)
        edit = put_entry(catalog, entity)
        check_edit(catalog, apply_edit(catalog, edit), edit)
        return edit

    def revalidate(self) -> None:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        try:
            self.pending = self.build()
        except EditRefused as exc:
            self.pending = None
            self.show_problem(exc)
        else:
            self.error.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            self.pending is not None
        )

    def show_problem(self, exc: EditRefused) -> None:
        where = field_label(exc.field)
        problem = say(exc.message)
        self.error.setText(fill(_tr("%1: %2"), where, problem) if where else problem)
        top = exc.field.split(".")[0].split("[")[0]
        widget = self.fields.get(top)
        if widget is not None:
            widget.setStyleSheet("border: 1px solid #b3261e;")

    def save(self) -> None:
        self.revalidate()
        if self.pending is None:
            return
        try:
            self.saved = self.history.apply(self.pending)
        except EditRefused as exc:
            self.show_problem(exc)
            return
        self.accept()
