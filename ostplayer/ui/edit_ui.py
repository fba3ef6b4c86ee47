"""Editing from the window: Edit (Ctrl+E) on the page shown, Library ▸ New drama / New song /
New person, Delete and Merge with a confirmation, and Undo / Redo (Ctrl+Z / Ctrl+Shift+Z)
for every edit, whichever part of the window made it.

Installed by the window with one call; it owns the edit history and the in-place view
updates (:mod:`.edit_updates`), and reaches the window only through its public parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from ..domain.catalog_edits import EditRefused, delete_drama, delete_person, delete_song
from ..domain.changes import LibraryChange
from ..domain.edit_record import Edit
from ..domain.grouping import OTHER_MUSIC, UNLISTED, Grouping
from ..services.edit_history import EditHistory
from .edit_drama import DramaDialog
from .edit_person import PersonDialog
from .edit_song import SongDialog
from .edit_updates import ViewPatcher
from .i18n import fill, say, tr, tr_count
from .personal_ui import PersonalUi


def _tr(text: str) -> str:
    return tr("Edit", text)


if TYPE_CHECKING:
    from .main_window import MainWindow

DIALOGS = {"songs": SongDialog, "dramas": DramaDialog, "people": PersonDialog}
SECTIONS = {"song": "songs", "drama": "dramas", "person": "people"}


def install_editing(window: MainWindow) -> EditingUi:
    window.editing = EditingUi(window)
    return window.editing


class EditingUi:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.library = window.library
        self.history = EditHistory(window.library, window.ctx.tasks, window)
        self.history.message.connect(window.show_status)
        self.history.changed.connect(self._relabel)
        self.patcher = ViewPatcher(window.model, window.search)
        self.open_dialog = None  # the editor shown now (tests reach it here)
        self.actions: dict[str, QAction] = {}
        self._add("undo", "&Undo", self.history.undo, "Ctrl+Z")
        self._add("redo", "&Redo", self.history.redo, "Ctrl+Shift+Z")
        self._add("edit", "&Edit this entry…", self.edit_current, "Ctrl+E")
        self._add("delete", "&Delete this entry…", self.delete_current)
        self._add("merge", "&Merge this entry into…", self.merge_current)
        self._add("new-drama", "New &drama…", lambda: self.new("dramas"))
        self._add("new-song", "New &song…", lambda: self.new("songs"), "Ctrl+N")
        self._add("new-person", "New &person or group…", lambda: self.new("people"))
        self.personal = PersonalUi(window, self.history)
        self._install_menus()
        self._relabel()
        window.page_view.link_activated.connect(self._on_link)

    def _add(self, key: str, text: str, slot, shortcut: str | None = None) -> None:
        action = QAction(text, self.window)
        action.setObjectName(f"action-{key}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work with the menu bar hidden too
        self.actions[key] = action

    def _install_menus(self) -> None:
        bar = self.window.menuBar()
        menus = {a.text().replace("&", ""): a for a in bar.actions()}
        edit = QMenu("&Edit", bar)
        for key in ("undo", "redo", None, "edit", "delete", "merge"):
            edit.addSeparator() if key is None else edit.addAction(self.actions[key])
        library = menus.get("Library")
        if library is not None and library.menu() is not None:
            bar.insertMenu(library, edit)
            library_menu = library.menu()
        else:
            bar.addMenu(edit)
            library_menu = bar.addMenu("&Library")
        library_menu.addSeparator()
        for key in ("new-drama", "new-song", "new-person"):
            library_menu.addAction(self.actions[key])
        self.personal.add_menus(library_menu, edit)

    def _relabel(self) -> None:
        for key, label in (
            ("undo", say(self.history.undo_label())),
            ("redo", say(self.history.redo_label())),
        ):
            action = self.actions[key]
            word = tr("Menus", "&Undo" if key == "undo" else "&Redo")
            # The label is the edit's own words ("Edit song “Title”"), said in the
            # interface's language; the catalogue orders verb and label ("%2 %1" in Korean).
            action.setText(fill(tr("Menus", "%1 %2"), word, label) if label else word)
            action.setToolTip(label or word.replace("&", ""))
            action.setEnabled(bool(label))

    def extend_row_menu(self, menu: QMenu, song_id: str) -> None:
        """A song row's context menu: edit, favourite, new song beside it, merge, delete."""
        song = self.library.catalog.songs.get(song_id)
        if song is None:
            return
        menu.addSeparator()
        favourite = self.personal.is_favourite(song_id)
        heart = _tr("Remove from favourites") if favourite else _tr("Favourite")
        menu.addAction(heart, lambda: self.personal.toggle(song_id))
        menu.addAction(_tr("Edit song…"), lambda: self.edit("songs", song_id))
        menu.addAction(_tr("New song in this drama…"), lambda: self.new("songs", drama=song.drama))
        menu.addAction(_tr("Merge song into…"), lambda: self.merge("songs", song_id))
        menu.addAction(_tr("Delete song…"), lambda: self.delete("songs", song_id))

    # --- views ------------------------------------------------------------------------------

    def patch_views(self, change: LibraryChange) -> bool:
        """Update the browser and the search index for an edit without rebuilding the index;
        False when the change needs the full rebuild (an import, a song added or removed)."""
        w = self.window
        how = self.patcher.patch(change, self.library.catalog)
        if not how:
            return False
        if how == "regroup":  # the rows move (a drama renamed): lay the tree out again
            current = w.browser.current_song_id()
            w.model.set_catalog(self.library.catalog)
            w.browser.apply_search()
            if current:
                w.browser.select_song(current, scroll=False)
        elif w.browser.search.text().strip():
            w.browser.apply_search()  # the edited songs may match now, or no longer
        return True

    # --- what is being edited ---------------------------------------------------------------

    def current(self) -> tuple[str, str] | None:
        """(section, id) of the entry on the page shown, if it is one that can be edited."""
        kind, ident = self.window.reading.current
        catalog = self.library.catalog
        if kind == "group":
            grouping = self.window.model.grouping
            if ident in (OTHER_MUSIC, UNLISTED):
                return None
            kind = "drama" if grouping is Grouping.DRAMA else "person"
        section = SECTIONS.get(kind)
        if section and ident in getattr(catalog, section):
            return section, ident
        return None

    def _on_link(self, kind: str, ident: str) -> None:
        name = kind.partition("/")[2] if kind.startswith("action/") else ""
        verb, _, what = name.partition("-")
        section = SECTIONS.get(what)
        if verb not in ("edit", "delete", "merge") or section is None:
            return
        {"edit": self.edit, "delete": self.delete, "merge": self.merge}[verb](section, ident)

    def edit_current(self) -> None:
        target = self.current()
        if target is None:
            self.window.show_status(_tr("Open a song, drama or person page to edit it."))
            return
        self.edit(*target)

    def delete_current(self) -> None:
        target = self.current()
        if target is not None:
            self.delete(*target)

    def merge_current(self) -> None:
        target = self.current()
        if target is not None:
            self.merge(*target)

    # --- editors ----------------------------------------------------------------------------

    def edit(self, section: str, ident: str) -> Edit | None:
        entry = getattr(self.library.catalog, section).get(ident)
        return self._run(
            DIALOGS[section](self.history, lambda: self.library.catalog, entry, self.window)
        )

    def new(self, section: str, drama: str | None = None) -> Edit | None:
        kwargs = {}
        target = self.current()
        if section == "songs" and drama is not None:
            kwargs["drama"] = drama
        elif section == "songs" and target and target[0] == "dramas":
            kwargs["drama"] = target[1]  # New song from a drama's page: in that drama
        dialog = DIALOGS[section](
            self.history, lambda: self.library.catalog, None, self.window, **kwargs
        )
        done = self._run(dialog)
        if done is not None:
            changed = next(c for c in done.catalog.changes if c.before is None)
            self.window.reading.show(
                {"songs": "song", "dramas": "drama", "people": "person"}[section], changed.id
            )
        return done

    def _run(self, dialog) -> Edit | None:
        self.open_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.open_dialog = None
        if dialog.saved is not None:
            self.window.show_status(fill(_tr("Saved: %1"), say(dialog.saved.label)))
        return dialog.saved

    # --- delete and merge -------------------------------------------------------------------

    def delete(self, section: str, ident: str, *, confirm: bool = True) -> Edit | None:
        catalog = self.library.catalog
        builder = {"songs": delete_song, "dramas": delete_drama, "people": delete_person}[section]
        edit = builder(catalog, ident)
        if confirm and not self._confirm(say(edit.label), delete_summary(catalog, section, ident)):
            return None
        return self._apply(Edit(edit))

    def merge(self, section: str, ident: str, into: str | None = None) -> Edit | None:
        if into is None:
            into = self._choose_target(section, ident)
            if into is None:
                return None
        return self._apply(self.history.merge_edit(section, ident, into))

    def _choose_target(self, section: str, ident: str) -> str | None:
        catalog = self.library.catalog
        entries = getattr(catalog, section)
        me = entries[ident]
        if section == "songs":
            same = me.title.casefold()
            candidates = [
                s
                for s in entries.values()
                if s.id != ident and (s.drama == me.drama or s.title.casefold() == same)
            ]
        elif section == "people":
            candidates = [p for p in entries.values() if p.id != ident and p.kind == me.kind]
        else:
            candidates = [d for d in entries.values() if d.id != ident]
        labels = [f"{getattr(e, 'title', None) or e.name} · {e.id}" for e in candidates]
        if not labels:
            self.window.show_status(_tr("There is nothing to merge this entry into."))
            return None
        text, ok = QInputDialog.getItem(
            self.window,
            _tr("Merge"),
            _tr("Keep this one (the other’s names become its aliases):"),
            labels,
            0,
            False,
        )
        return candidates[labels.index(text)].id if ok and text in labels else None

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _apply(self, edit: Edit) -> Edit | None:
        try:
            done = self.history.apply(edit)
        except EditRefused as exc:
            self.window.show_status(fill(_tr("Not saved: %1"), say(exc.message)))
            return None
        self.window.show_status(fill(_tr("%1. Undo with Ctrl+Z."), say(done.label)))
        return done


def delete_summary(catalog, section: str, ident: str) -> str:
    """What goes with the entry and what stays, in the words of the confirmation."""
    kept = _tr(
        "Audio files, saved lyrics, notes and plays are kept, and come back with Undo (Ctrl+Z)."
    )
    if section == "dramas":
        songs = catalog.songs_of_drama(ident)
        names = ", ".join(s.title for s in songs[:5]) + ("…" if len(songs) > 5 else "")
        count = tr_count("Edit", len(songs), "its %n song goes", "its %n songs go")
        goes = fill(_tr("%1 with it (%2).") if songs else _tr("%1 with it."), count, names)
        question = fill(_tr("Delete the drama “%1”?"), catalog.dramas[ident].title)
        return f"{question}\n\n{goes[0].upper()}{goes[1:]}\n{kept}"
    if section == "songs":
        return f"{fill(_tr('Delete the song “%1”?'), catalog.songs[ident].title)}\n\n{kept}"
    person = catalog.people[ident]
    credited = sum(
        1 for s in catalog.songs.values() if any(ident in (c.person, c.group) for c in s.performers)
    )
    cast = sum(1 for d in catalog.dramas.values() if any(m.actor == ident for m in d.cast))
    goes = fill(
        _tr(
            "Their credit on %1 and place in the cast of %2 go with them;"
            " the songs and dramas stay."
        ),
        tr_count("Edit", credited, "%n song", "%n songs"),
        tr_count("Edit", cast, "%n drama", "%n dramas"),
    )
    return f"{fill(_tr('Delete “%1”?'), person.name)}\n\n{goes}\n{kept}"
