"""Editing a song: titles, drama and OST place, performers (with their group), the
characters it accompanies, and its texts (lyric excerpt, sound, commentary)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QListWidget, QListWidgetItem

from ..domain.models import Song
from .edit_form import EntryDialog, lines, number_or_text
from .edit_rows import RowsTable, person_id
from .i18n import fill, tr


def _tr(text: str) -> str:
    return tr("Edit", text)


class SongDialog(EntryDialog):
    section = "songs"
    noun = "song"

    def __init__(self, *args, drama: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        s: Song | None = self.entry
        catalog = self.catalog()
        self.title = self.line("title", s.title if s else "")
        self.original = self.line("title_original", s.title_original if s else "")
        self.aliases = self.text_box("aliases", "\n".join(s.aliases) if s else "")
        self.aliases.setPlaceholderText(_tr("One spelling per line"))
        self.drama = QComboBox()
        self.drama.setObjectName("drama")
        self.drama.addItem(_tr("— not from a drama —"), None)
        for d in sorted(catalog.dramas.values(), key=lambda d: d.title.casefold()):
            self.drama.addItem(f"{d.title} ({d.year})" if d.year else d.title, d.id)
        wanted = s.drama if s else drama
        self.drama.setCurrentIndex(max(0, self.drama.findData(wanted)))
        self.drama.currentIndexChanged.connect(self._drama_changed)
        self.add("drama", self.drama)
        self.part = self.line(
            "ost_part", "" if s is None or s.ost_part is None else str(s.ost_part)
        )
        order = s.ost_order if s else self._next_order(wanted)
        self.order = self.line("ost_order", str(order))
        self.performers = RowsTable([_tr("Person"), _tr("Group (optional)")])
        for credit in s.performers if s else ():
            group = catalog.person_name(credit.group) if credit.group else ""
            self.performers.add_row([catalog.person_name(credit.person), group])
        self.performers.changed.connect(self.revalidate)
        self.add("performers", self.performers)
        self.sung_by_cast = QCheckBox(_tr("Sung by the drama’s cast"))
        self.sung_by_cast.setChecked(bool(s and s.sung_by_cast))
        self.sung_by_cast.toggled.connect(self.revalidate)
        self.add("sung_by_cast", self.sung_by_cast, "")
        self.characters = QListWidget()
        self.characters.setObjectName("characters")
        self.characters.setMaximumHeight(110)
        self.characters.itemChanged.connect(lambda _item: self.revalidate())
        self.add("characters", self.characters)
        self.scenes = RowsTable([_tr("Episode"), _tr("Scene"), _tr("Spoiler")], checkable=2)
        for scene in s.scenes if s else ():
            episode = "" if scene.episode is None else str(scene.episode)
            self.scenes.add_row([episode, scene.note, "1" if scene.spoiler else ""])
        self.scenes.changed.connect(self.revalidate)
        self.add("scenes", self.scenes)
        self.excerpt = self.text_box("lyrics_excerpt", s.lyrics_excerpt if s else "")
        self.sound = self.text_box("musical_character", s.musical_character if s else "")
        self.commentary = self.text_box("commentary", "\n\n".join(s.commentary) if s else "", 90)
        self.commentary.setPlaceholderText(_tr("Paragraphs separated by an empty line"))
        self._fill_characters(set(s.characters) if s else set())
        self.finish_form()

    def _next_order(self, drama_id: str | None) -> int:
        songs = self.catalog().songs_of_drama(drama_id) if drama_id else []
        return max((s.ost_order for s in songs), default=0) + 1

    def _drama_changed(self) -> None:
        self._fill_characters(set())
        self.revalidate()

    def _fill_characters(self, checked: set[str]) -> None:
        self.characters.blockSignals(True)
        self.characters.clear()
        drama = self.catalog().dramas.get(self.drama.currentData())
        for member in drama.cast if drama else ():
            actor = self.catalog().person_name(member.actor)
            role = fill(_tr("%1’s role"), actor)
            label = f"{member.character} ({actor})" if member.character else role
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if member.id in checked else Qt.CheckState.Unchecked
            )
            self.characters.addItem(item)
        self.characters.blockSignals(False)

    def raw(self) -> dict[str, Any]:
        catalog = self.catalog()
        performers = []
        for row, (_key, (person, group)) in enumerate(self.performers.rows()):
            where = f"performers[{row}]"
            performers.append(
                {
                    "person": person_id(catalog, person, f"{where}.person"),
                    "group": person_id(catalog, group, f"{where}.group") if group else None,
                }
            )
        characters = [
            self.characters.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.characters.count())
            if self.characters.item(i).checkState() == Qt.CheckState.Checked
        ]
        paragraphs = [p.strip() for p in self.commentary.toPlainText().split("\n\n") if p.strip()]
        scenes = [
            {"episode": number_or_text(episode), "note": note, "spoiler": bool(spoiler)}
            for _key, (episode, note, spoiler) in self.scenes.rows()
        ]
        return {
            "title": self.title.text(),
            "title_original": self.original.text().strip(),
            "aliases": lines(self.aliases),
            "drama": self.drama.currentData(),
            "scenes": scenes,
            "ost_part": number_or_text(self.part.text()),
            "ost_order": number_or_text(self.order.text()) or 0,
            "performers": performers,
            "characters": characters,
            "sung_by_cast": self.sung_by_cast.isChecked(),
            "lyrics_excerpt": self.excerpt.toPlainText(),
            "musical_character": self.sound.toPlainText(),
            "commentary": paragraphs,
        }
