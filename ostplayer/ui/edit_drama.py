"""Editing a drama: titles, aliases, year and the cast (actor ↔ character, in order)."""

from __future__ import annotations

from typing import Any

from ..domain.models import Drama
from ..domain.slugs import slugify
from .edit_form import EntryDialog, lines, number_or_text
from .edit_rows import RowsTable, person_id
from .i18n import tr


def _tr(text: str) -> str:
    return tr("Edit", text)


class DramaDialog(EntryDialog):
    section = "dramas"
    noun = "drama"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        d: Drama | None = self.entry
        catalog = self.catalog()
        self.title = self.line("title", d.title if d else "")
        self.original = self.line("title_original", d.title_original if d else "")
        self.aliases = self.text_box("aliases", "\n".join(d.aliases) if d else "")
        self.aliases.setPlaceholderText(_tr("One spelling per line"))
        self.year = self.line("year", str(d.year) if d and d.year else "")
        self.network = self.line("network", d.network if d else "")
        self.episodes = self.line("episodes", str(d.episodes) if d and d.episodes else "")
        self.cast = RowsTable([_tr("Actor"), _tr("Character")])
        for member in d.cast if d else ():
            name = catalog.person_name(member.actor)
            self.cast.add_row([name, member.character or ""], key=member.id)
        self.cast.changed.connect(self.revalidate)
        self.add("cast", self.cast)
        self.finish_form()

    def raw(self) -> dict[str, Any]:
        catalog = self.catalog()
        cast = []
        taken: set[str] = set()
        for row, (key, (actor, character)) in enumerate(self.cast.rows()):
            actor_id = person_id(catalog, actor, f"cast[{row}].actor")
            ident = key or slugify(character or actor, taken)
            taken.add(ident)
            cast.append({"id": ident, "actor": actor_id, "character": character or None})
        return {
            "title": self.title.text(),
            "title_original": self.original.text().strip(),
            "aliases": lines(self.aliases),
            "year": number_or_text(self.year.text()),
            "network": self.network.text().strip(),
            "episodes": number_or_text(self.episodes.text()),
            "cast": cast,
        }
