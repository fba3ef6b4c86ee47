"""The user's own marks on songs: favourite (the heart on the page and in the browser, Ctrl+D),
a rating of 0–5 stars, personal notes kept as written (on dramas too), spoiler scenes opened
on request, and the smart lists (Library ▸ Smart lists) as pages that play as a list. Every
change is an undoable edit (Ctrl+Z)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from ..domain.catalog_edits import EditRefused
from ..domain.edit_record import Edit
from ..domain.personal_keys import drama_notes_edit
from ..domain.phrases import Phrase
from ..services.edit_history import EditHistory
from ..services.smart_lists import smart_list
from .i18n import fill, say, tr
from .personal_pages import SMART_LISTS, STARS, smart_list_page

if TYPE_CHECKING:
    from .main_window import MainWindow


def _tr(text: str) -> str:
    return tr("Edit", text)


class PersonalUi:
    def __init__(self, window: MainWindow, history: EditHistory) -> None:
        self.window = window
        self.library = window.library
        self.history = history
        self.ask_notes = self._ask_notes  # replaced in tests: the dialog blocks
        self.ask_drama_notes = self._ask_drama_notes
        window.model.favourite = self.is_favourite
        window.reading.extra_pages["smart"] = self.smart_page
        self.favourite_action = QAction("Favourite", window)
        self.favourite_action.setObjectName("action-favourite")
        self.favourite_action.setShortcut(QKeySequence("Ctrl+D"))
        self.favourite_action.triggered.connect(lambda _checked=False: self.toggle_current())
        window.addAction(self.favourite_action)
        window.page_view.link_activated.connect(self._on_link)
        window.playback.favourite_writer = self.set_favourite

    def add_menus(self, library_menu: QMenu, edit_menu: QMenu) -> None:
        edit_menu.addSeparator()
        edit_menu.addAction(self.favourite_action)
        smart = library_menu.addMenu("S&mart lists")
        for key, title in SMART_LISTS.items():
            action = smart.addAction(title)
            action.triggered.connect(lambda _c=False, k=key: self.window.reading.show("smart", k))

    def is_favourite(self, song_id: str) -> bool:
        return self.library.personal(song_id).get("favourite") is True

    def _song_in_view(self) -> str | None:
        kind, ident = self.window.reading.current
        if kind == "song":
            return ident
        return self.window.browser.current_song_id() or self.window.session.current_song_id()

    def toggle_current(self) -> None:
        song_id = self._song_in_view()
        if song_id:
            self.toggle(song_id)

    def toggle(self, song_id: str) -> None:
        self.set_favourite(song_id, not self.is_favourite(song_id))

    def set_favourite(self, song_id: str, on: bool) -> None:
        if on == self.is_favourite(song_id):
            return
        title = self.library.title(song_id)
        # A Phrase: the journal keeps the English, the window says it in Korean.
        label = Phrase("Favourite “%1”" if on else "Unfavourite “%1”", title)
        if self._write(song_id, label, favourite=on):
            self.window.show_status(fill(_tr("%1. Undo with Ctrl+Z."), say(label)))

    def rate(self, song_id: str, stars: int) -> None:
        stars = max(0, min(STARS, stars))
        label = Phrase("Rate “%1” %2 of %3", self.library.title(song_id), stars, STARS)
        self._write(song_id, label, rating=stars)

    def set_notes(self, song_id: str, text: str) -> None:
        label = Phrase("Notes on “%1”", self.library.title(song_id))
        self._write(song_id, label, notes=text)

    def _write(self, song_id: str, label: str, **fields: object) -> bool:
        return self._apply(self.history.personal_edit(song_id, label, **fields), label)

    def _apply(self, edit: Edit, label: str) -> bool:
        try:
            self.history.apply(edit)
        except EditRefused as exc:  # a full or read-only disk: said, nothing changed
            self.window.show_status(f"{say(label)}: {say(exc.message)}")
            return False
        return True

    def _ask_notes(self, song_id: str, current: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            self.window,
            _tr("My notes"),
            fill(_tr("Notes on “%1”:"), self.library.title(song_id)),
            current,
        )
        return text if ok else None

    def edit_notes(self, song_id: str) -> None:
        current = self.library.personal(song_id).get("notes") or ""
        text = self.ask_notes(song_id, current)
        if text is not None and text != current:
            self.set_notes(song_id, text)

    # --- notes on dramas ----------------------------------------------------------------------

    def _ask_drama_notes(self, drama_id: str, current: str) -> str | None:
        title = self.library.catalog.dramas[drama_id].title
        text, ok = QInputDialog.getMultiLineText(
            self.window, _tr("My notes"), fill(_tr("Notes on “%1”:"), title), current
        )
        return text if ok else None

    def edit_drama_notes(self, drama_id: str) -> None:
        if drama_id not in self.library.catalog.dramas:
            return
        current = self.library.drama_notes(drama_id)
        text = self.ask_drama_notes(drama_id, current)
        if text is not None and text != current:
            self.set_drama_notes(drama_id, text)

    def set_drama_notes(self, drama_id: str, text: str) -> None:
        """One undoable edit, as a song's notes are (the drama's row rides in its personal
        part: see catalog.personal_edits)."""
        label = Phrase("Notes on “%1”", self.library.catalog.dramas[drama_id].title)
        before = self.library.library.drama_personal.row(drama_id)
        self._apply(drama_notes_edit(label, drama_id, before, text), label)

    def smart_page(self, key: str) -> str | None:
        if key not in SMART_LISTS:
            return None
        songs, detail = smart_list(self.library, key)
        return smart_list_page(self.library.catalog, key, songs, detail)

    def play_list(self, key: str) -> None:
        songs, _ = smart_list(self.library, key)
        playable = [s.id for s in songs if self.library.audio_path(s.id)]
        if not playable:
            self.window.show_status(_tr("None of these songs has an audio file linked yet."))
            return
        self.window.play_songs(playable[0], playable)

    def _on_link(self, kind: str, ident: str) -> None:
        if not kind.startswith("action/"):
            return
        name = kind.partition("/")[2]
        if name == "favourite":
            self.toggle(ident)
        elif name.startswith("rate") and name[4:].isdigit():
            self.rate(ident, int(name[4:]))
        elif name == "notes":
            self.edit_notes(ident)
        elif name == "drama-notes":
            self.edit_drama_notes(ident)
        elif name == "reveal":
            self.window.reading.revealed.add(ident)
            self.window.reading.refresh()
        elif name == "play-list":
            self.play_list(ident)
