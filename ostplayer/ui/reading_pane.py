"""Decides which page to show for the current selection and keeps it up to date.

The page follows the library by itself: a link, a play, a lyrics save or an import that
touches what is shown redraws it (keeping the scroll position), without anyone relaying it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.changes import LibraryChange
from ..domain.grouping import OTHER_MUSIC, UNLISTED, Grouping, group_songs
from ..services.library_service import LibraryService
from . import pages
from .page_view import PageView


class ReadingPane(QObject):
    shown = Signal(str, str)  # kind, id of the page now shown

    def __init__(self, library: LibraryService, view: PageView, playback_available: bool) -> None:
        super().__init__(view)
        self.library = library
        self.view = view
        self.playback_available = playback_available
        self.current: tuple[str, str] = ("", "")
        self._bulk: list[LibraryChange] = []  # bulk changes the page follows on the next turn
        # Set by the lyrics panel: the one-line "Lyrics from …" of a song, or "" while unknown.
        self.lyrics_source = lambda _song_id: ""
        self.grouping = Grouping.DRAMA
        self.revealed: set[str] = set()  # songs whose spoiler scene notes the user opened
        # Pages other modules draw (kind -> ident -> html): the smart lists; redrawn on every
        # library change, as plays and favourites move songs in and out of them.
        self.extra_pages: dict[str, Callable[[str], str | None]] = {}
        # Room kept free above a page's text for a widget drawn there (the welcome card):
        # (kind, ident) -> pixels. Part of the page, so showing it moves nothing else.
        self.top_space: Callable[[str, str], int] = lambda _kind, _ident: 0
        library.changed.connect(self._on_library_changed)
        library.audio_states_changed.connect(self._on_audio_states)

    def _on_library_changed(self, change: LibraryChange) -> None:
        if not change.is_bulk:
            self._follow([change])
            return
        # A scan's thousands of songs: the page follows on the next turn of the event loop,
        # so a keystroke queued behind the change waits for less.
        if not self._bulk:
            QTimer.singleShot(0, self, lambda: self._follow(self._take_bulk()))
        self._bulk.append(change)

    def _take_bulk(self) -> list[LibraryChange]:
        changes, self._bulk = self._bulk, []
        return changes

    def _follow(self, changes: list[LibraryChange]) -> None:
        kind, ident = self.current
        catalog_changed = any(c.catalog_changed for c in changes)
        if not kind:
            if catalog_changed:
                self.home()
            return
        # A drama, group or feature page lists songs that may have changed; a song page
        # changes with its song. A page whose subject is gone gives way to the home page.
        if (
            (catalog_changed and kind != "song")
            or (kind == "song" and any(c.touches(ident) for c in changes))
            or kind in self.extra_pages
        ) and not self.show(kind, ident):
            self.home()

    def _on_audio_states(self, song_ids: frozenset[str]) -> None:
        if self.current[0] == "song" and self.current[1] in song_ids:
            self.refresh()

    def song_changed(self, song_id: str) -> None:
        """Something about this song that the library does not know changed (its lyrics
        source was found); redraw its page if shown."""
        if self.current == ("song", song_id):
            self.refresh()

    @property
    def catalog(self):
        return self.library.catalog

    def show(self, kind: str, ident: str, grouping: Grouping | None = None) -> bool:
        if grouping is not None:
            self.grouping = grouping
        html = self._render(kind, ident)
        if html is None:
            return False
        scroll = self.view.verticalScrollBar().value() if self.current == (kind, ident) else 0
        self.current = (kind, ident)
        self.view.setHtml(html)
        self.apply_top_space()  # before the scroll is restored: the same place in the text
        self.view.verticalScrollBar().setValue(scroll)
        self.shown.emit(kind, ident)
        return True

    def apply_top_space(self) -> None:
        """Keep ``top_space`` free above the current page's text (asked again each time)."""
        doc = self.view.document()
        root = doc.rootFrame()
        frame = root.frameFormat()
        top = doc.documentMargin() + self.top_space(*self.current)
        if frame.topMargin() != top:
            frame.setTopMargin(top)
            root.setFrameFormat(frame)

    def refresh(self) -> None:
        if self.current[0]:
            self.show(*self.current)

    def home(self) -> bool:
        feature = next(iter(self.catalog.features), None)
        return self.show("feature", feature) if feature else False

    def _render(self, kind: str, ident: str) -> str | None:
        cat = self.catalog
        if kind == "feature" and ident in cat.features:
            return pages.feature_page(cat, cat.features[ident])
        if kind == "drama" and ident in cat.dramas:
            return pages.drama_page(cat, cat.dramas[ident], self.library.drama_notes(ident))
        if kind == "song" and ident in cat.songs:
            return pages.song_page(cat, cat.songs[ident], self.extras(ident))
        if kind == "person" and ident in cat.people:
            return self._group_page(Grouping.ACTOR, ident) or self._group_page(
                Grouping.ARTIST, ident
            )
        if kind == "group":
            return self._group_page(self.grouping, ident)
        if kind in self.extra_pages:
            return self.extra_pages[kind](ident)
        return None

    def _group_page(self, grouping: Grouping, key: str) -> str | None:
        if grouping is Grouping.DRAMA and key != OTHER_MUSIC:
            return self._render("drama", key)
        songs = list(self.catalog.songs.values())
        # Only the songs that can belong to this group are grouped, not the whole catalog.
        if key == OTHER_MUSIC:
            candidates = [s for s in songs if not s.drama]
        elif key == UNLISTED:
            candidates = songs  # "Cast not listed": whatever group_songs puts there
        elif grouping is Grouping.YEAR:
            candidates = [
                s
                for s in songs
                if str(getattr(self.catalog.dramas.get(s.drama), "year", "")) == key
            ]
        elif grouping is Grouping.ACTOR:
            dramas = {
                d.id for d in self.catalog.dramas.values() if any(m.actor == key for m in d.cast)
            }
            candidates = [s for s in songs if s.drama in dramas]
        else:
            candidates = [s for s in songs if any(key in (c.person, c.group) for c in s.performers)]
        for group in group_songs(self.catalog, candidates, grouping):
            if group.key == key:
                return pages.group_page(
                    self.catalog, grouping, group, [candidates[p] for p in group.songs]
                )
        return None

    def extras(self, song_id: str) -> pages.SongExtras:
        stats = self.library.play_stats(song_id)
        return pages.SongExtras(
            audio_path=self.library.audio_path(song_id),
            audio_state=self.library.audio_state(song_id),
            play_count=stats.count,
            last_played=stats.last_played,
            playback_available=self.playback_available,
            lyrics_source=self.lyrics_source(song_id),
            revealed=song_id in self.revealed,
            personal=self.library.personal(song_id),
        )
