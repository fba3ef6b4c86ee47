"""The browser tree: the smart lists on top, then groups (dramas, artists, years or actors)
with their songs under them.

Top-level rows are the smart lists' (while shown: see :meth:`BrowserModel.smart_shown`),
then the groups, then the "more groups match" row; ``self._top`` is the number of smart
rows, so a group's tree row is ``_top`` + its place among the shown groups.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QIcon

from ..domain.grouping import Group, Grouping, group_songs
from ..domain.models import Catalog, Song
from .browser_drop import FileDrops
from .browser_filter import filter_groups
from .browser_labels import NO_FILE_TIP, SONG_TIPS, group_label, group_tooltip, more_row_data
from .browser_rows import (
    AUDIO_ROLE,
    DECORATION,
    DISPLAY,
    FONT,
    FOREGROUND,
    GROUP_FLAGS,
    GROUP_ID,
    ID_ROLE,
    KIND_ROLE,
    MISSING_COLOUR,
    MORE_FLAGS,
    MORE_ID,
    NO_FLAGS,
    NO_INDEX,
    PLAYING_ROLE,
    SMART_FLAGS,
    SMART_ID,
    SONG_FLAGS,
    TOOLTIP,
    UNANSWERED,
    Memberships,
    memberships,
    places,
    row_spans,
    shown_places,
)
from .browser_smart import SmartPlaces, SmartRows

__all__ = [
    "AUDIO_ROLE",
    "GROUP_LIMIT",
    "ID_ROLE",
    "KIND_ROLE",
    "PLAYING_ROLE",
    "BrowserModel",
    "group_label",
]

GROUP_LIMIT = 200  # groups shown while searching, until the user asks for all
_GROUP, _MORE, _SMART = GROUP_ID, MORE_ID, SMART_ID

AudioState = Callable[[str], str]
ModelIndex = QModelIndex | QPersistentModelIndex


class BrowserModel(SmartPlaces, FileDrops, QAbstractItemModel):
    file_dropped = Signal(str, str)  # song id, local file path dropped on its row

    def __init__(self, catalog: Catalog, audio_state: AudioState, parent=None) -> None:
        super().__init__(parent)
        self._audio_state = audio_state
        self.grouping = Grouping.DRAMA
        self.newest_first = True
        self._filter: Collection[int] | None = None
        self.show_all = False
        self.more_groups = False
        self._icons: dict[str, QIcon] = {}
        self.playing: str | None = None  # the song playing now: marked apart from "has a file"
        self.favourite: Callable[[str], bool] = lambda _song_id: False  # a heart on the row
        self._positions: dict[str, int] | None = None  # song id -> position in self.songs
        self._shown: dict[int, int] | None = None  # id(group) -> its row, while filtered
        self.smart: SmartRows | None = None  # the smart lists' rows, once the window adds them
        self._searching = False  # the smart rows step aside while a search text is entered
        self._top = 0  # smart rows shown above the groups
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self.set_catalog(catalog)

    # --- configuration ----------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.songs: list[Song] = list(catalog.songs.values())
        self._positions = None
        self._all_groups: list[Group] = []
        self._regroup()

    def set_grouping(self, grouping: Grouping, newest_first: bool | None = None) -> None:
        self.grouping = grouping
        if newest_first is not None:
            self.newest_first = newest_first
        self._regroup()

    def set_filter(self, positions: Collection[int] | None, searching: bool | None = None) -> None:
        """Show only these song positions (None: everything); ``searching``: a search text
        is entered (the smart rows hide), even while the index is not ready to filter."""
        if searching is not None and searching != self._searching:
            self._searching = searching
            if self._filter is None and positions is None:
                self._place_smart()  # only the smart rows come or go
                return
        if positions is self._filter or (
            positions is not None and self._filter is not None and positions == self._filter
        ):
            self._place_smart()
            return  # one more letter that matches the same songs: nothing to lay out again
        self.beginResetModel()
        self._filter = positions
        self.show_all = False
        self._apply_filter()
        self.endResetModel()

    def show_all_groups(self) -> None:
        """Lift the cap on shown groups (the "more … match" row was activated)."""
        self.beginResetModel()
        self.show_all = True
        self._apply_filter()
        self.endResetModel()

    def set_icons(self, icons: dict[str, QIcon]) -> None:
        self._icons = icons

    def group_index(self, g: int) -> QModelIndex:
        """The tree index of the ``g``-th shown group."""
        if not 0 <= g < len(self._groups):
            return QModelIndex()
        return self.createIndex(self._top + g, 0, _GROUP)

    def _regroup(self) -> None:
        self.beginResetModel()
        self._all_groups = group_songs(self.catalog, self.songs, self.grouping, self.newest_first)
        self._member_of: Memberships | None = None
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        # Inside a reset: the smart rows' place is settled without signals of their own.
        self._top = self._smart_rows_wanted()
        self._shown = None
        keep = self._filter
        self.more_groups = False
        if keep is None:
            self._groups = [(g, g.songs) for g in self._all_groups]
            self.match_count = len(self.songs)
            return
        limit = None if self.show_all else GROUP_LIMIT
        self._groups = filter_groups(
            self._all_groups, len(self.songs), keep, limit, self._memberships
        )
        if limit is not None and len(self._groups) > limit:
            # Laying out thousands of rows costs tens of ms per keystroke and nobody scrolls
            # them while typing: show the first groups and a row that shows the rest.
            del self._groups[limit:]
            self.more_groups = True
        self.match_count = len(keep)

    def _memberships(self) -> Memberships:
        if self._member_of is None:
            self._member_of = memberships(self._all_groups, len(self.songs))
        return self._member_of

    def all_matching_song_ids(self) -> list[str]:
        """Every shown song, including those in groups beyond the cap."""
        if not self.more_groups or self._filter is None:
            return self.visible_song_ids()
        shown = filter_groups(
            self._all_groups, len(self.songs), self._filter, None, self._memberships
        )
        return [self.songs[p].id for _, songs in shown for p in songs]

    # --- lookups ----------------------------------------------------------------------------

    def song_at(self, index: ModelIndex) -> Song | None:
        if not index.isValid() or index.internalId() in (_GROUP, _MORE, _SMART):
            return None
        return self.songs[self._groups[index.internalId() - 1][1][index.row()]]

    def group_at(self, index: ModelIndex) -> Group | None:
        if not index.isValid() or index.internalId() != _GROUP:
            return None
        return self._groups[index.row() - self._top][0]

    def sibling_song_ids(self, index: ModelIndex) -> list[str]:
        """The list a song was started from: its group's visible songs, in order."""
        if not index.isValid():
            return []
        if index.internalId() in (_MORE, _SMART):
            return []
        ident = index.internalId()
        row = index.row() - self._top if ident == _GROUP else ident - 1
        return [self.songs[p].id for p in self._groups[row][1]]

    def visible_song_ids(self) -> list[str]:
        return [self.songs[p].id for _, songs in self._groups for p in songs]

    def audio_state(self, song_id: str) -> str:
        return self._audio_state(song_id)

    def _rows_of(self, song_id: str) -> list[tuple[int, int]]:
        """(group row, row under it) of each row showing the song, found through the song's
        groups: a map of every shown row, rebuilt after each filter, cost 100+ ms for
        100,000 songs on the first change a scan or a bulk lyrics fetch delivered."""
        found = self.positions_of([song_id])
        if not found:
            return []
        p = found[0]
        where = places(self._memberships(), p)
        if self._filter is None:
            return where  # every group shown whole, in order
        if self._shown is None:
            self._shown = {id(group): row for row, (group, _) in enumerate(self._groups)}
        return shown_places(where, p, self._all_groups, self._groups, self._shown)

    def positions_of(self, song_ids: Iterable[str]) -> list[int]:
        """The songs' positions in the catalog's order (the search index's)."""
        if self._positions is None:
            self._positions = {song.id: p for p, song in enumerate(self.songs)}
        found = (self._positions.get(s) for s in song_ids)
        return [p for p in found if p is not None]

    def find_song(self, song_id: str) -> QModelIndex:
        found = self._rows_of(song_id)
        return self.createIndex(found[0][1], 0, found[0][0] + 1) if found else QModelIndex()

    def find_group(self, key: str) -> QModelIndex:
        for row, (group, _) in enumerate(self._groups):
            if group.key == key:
                return self.createIndex(self._top + row, 0, _GROUP)
        return QModelIndex()

    def group_count(self) -> int:
        return len(self._groups)

    def refresh_song(self, song_id: str) -> None:
        self.refresh_songs([song_id])

    def refresh_songs(self, song_ids) -> None:
        """Repaint these songs' rows (every row of a song in several groups): one signal per
        group, spanning its changed rows, so a scan linking thousands is not thousands."""
        ids = song_ids if isinstance(song_ids, (set, frozenset)) else set(song_ids)
        # Few songs (a play, a batch of fetched lyrics): found through their groups. Many
        # (a scan's links): a walk through the rows shown, which a search keeps short.
        shown = sum(len(songs) for _, songs in self._groups)
        if len(ids) * 8 < shown:
            found = [place for song_id in ids for place in self._rows_of(song_id)]
        else:
            found = [
                (group_row, row)
                for group_row, (_, songs) in enumerate(self._groups)
                for row, p in enumerate(songs)
                if self.songs[p].id in ids
            ]
        for group, (first, last) in row_spans(found).items():
            self.dataChanged.emit(
                self.createIndex(first, 0, group), self.createIndex(last, 0, group)
            )

    def set_playing(self, song_id: str | None) -> None:
        before, self.playing = self.playing, song_id
        self.refresh_songs([s for s in (before, song_id) if s])

    def songs_after(self, song_id: str):
        """Songs after ``song_id`` in the order shown (all groups, filter included), nearest
        first: where Next goes on past the end of a drama's OST."""
        order = self.visible_song_ids()
        try:
            start = order.index(song_id)
        except ValueError:
            return iter(())
        return iter(order[start + 1 :])

    def songs_before(self, song_id: str):
        order = self.visible_song_ids()
        try:
            start = order.index(song_id)
        except ValueError:
            return iter(())
        return reversed(order[:start])

    # --- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        top = self._top
        if not parent.isValid():
            if row < top:
                return self.createIndex(row, 0, _SMART)
            if row - top < len(self._groups):
                return self.createIndex(row, 0, _GROUP)
            if row - top == len(self._groups) and self.more_groups:
                return self.createIndex(row, 0, _MORE)
            return QModelIndex()
        if parent.internalId() != _GROUP:
            return QModelIndex()
        g = parent.row() - top
        if row >= len(self._groups[g][1]):
            return QModelIndex()
        return self.createIndex(row, 0, g + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        # Asked about 10 times per painted row: an invalid index has internalId 0 (_GROUP).
        ident = index.internalId()
        if ident == _GROUP or ident >= _SMART:  # a group, a smart row or the "more" row
            return NO_INDEX
        return self.createIndex(self._top + ident - 1, 0, _GROUP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return self._top + len(self._groups) + self.more_groups
        if parent.internalId() == _GROUP:
            return len(self._groups[parent.row() - self._top][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._top or self._groups)
        return parent.internalId() == _GROUP  # a shown group always has a song

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role in UNANSWERED:
            return None
        ident = index.internalId()  # 0 (_GROUP) for an invalid index too
        if ident == _MORE:
            return more_row_data(self.grouping, self._italic, role)
        if ident == _SMART:
            return self.smart.data(index.row(), role)  # type: ignore[union-attr]
        if ident == _GROUP:
            if not index.isValid():
                return None
            group, songs = self._groups[index.row() - self._top]
            if role == DISPLAY:
                label, detail = group_label(group)
                return f"{label} ({detail})" if detail else label
            if role == KIND_ROLE:
                return "group"
            if role == ID_ROLE:
                return group.key
            if role == FONT:
                return self._bold
            if role == TOOLTIP:
                return group_tooltip(group, len(songs))
            return None
        song = self.songs[self._groups[ident - 1][1][index.row()]]
        if role == DISPLAY:
            heart = "♥ " if self.favourite(song.id) else ""
            if self.grouping is Grouping.ARTIST:
                drama = self.catalog.dramas.get(song.drama)
                return f"{heart}{song.title} — {drama.title if drama else ''}"
            return f"{heart}{song.title} — {self.catalog.performer_names(song)}"
        if role == KIND_ROLE:
            return "song"
        if role == ID_ROLE:
            return song.id
        if role == AUDIO_ROLE:
            return self._audio_state(song.id)
        if role == DECORATION:
            if song.id == self.playing:
                return self._icons.get("playing")
            return self._icons.get(self._audio_state(song.id))
        if role == FONT:
            return self._bold if song.id == self.playing else None
        if role == PLAYING_ROLE:
            return song.id == self.playing
        if role == FOREGROUND:
            missing = self._audio_state(song.id) in ("missing", "unplayable")
            return MISSING_COLOUR if missing else None
        if role == TOOLTIP:
            if song.id == self.playing:
                return "Playing now"
            return SONG_TIPS.get(self._audio_state(song.id), NO_FILE_TIP)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return NO_FLAGS
        ident = index.internalId()
        if ident == _GROUP:
            return GROUP_FLAGS
        return SONG_FLAGS if ident < _SMART else MORE_FLAGS if ident == _MORE else SMART_FLAGS

    def is_more_row(self, index: ModelIndex) -> bool:
        return index.isValid() and index.internalId() == _MORE
