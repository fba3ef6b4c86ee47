"""Editing a person or a group: names in every spelling, and a group's members."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from ..domain.models import Person
from .edit_form import EntryDialog, lines
from .edit_rows import person_id
from .i18n import tr


def _tr(text: str) -> str:
    return tr("Edit", text)


class PersonDialog(EntryDialog):
    section = "people"
    noun = "person"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        p: Person | None = self.entry
        catalog = self.catalog()
        self.name = self.line("name", p.name if p else "")
        self.original = self.line("name_original", p.name_original if p else "")
        self.aliases = self.text_box("aliases", "\n".join(p.aliases) if p else "")
        self.aliases.setPlaceholderText(_tr("One spelling per line"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(_tr("Person"), "person")
        self.kind.addItem(_tr("Group"), "group")
        self.kind.setCurrentIndex(1 if p and p.is_group else 0)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.add("kind", self.kind)
        members = [catalog.person_name(m) for m in p.members] if p else []
        self.members = self.text_box("members", "\n".join(members))
        self.members.setPlaceholderText(_tr("One member per line (name or id)"))
        self._kind_changed()
        self.finish_form()

    def _kind_changed(self) -> None:
        self.members.setEnabled(self.kind.currentData() == "group")
        self.revalidate()

    def raw(self) -> dict[str, Any]:
        catalog = self.catalog()
        group = self.kind.currentData() == "group"
        return {
            "name": self.name.text(),
            "name_original": self.original.text().strip(),
            "aliases": lines(self.aliases),
            "kind": self.kind.currentData(),
            "members": [person_id(catalog, m, "members") for m in lines(self.members)]
            if group
            else [],
        }
