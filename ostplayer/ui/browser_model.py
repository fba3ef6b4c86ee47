"""The browser tree: groups (dramas, artists, years or actors) with their songs under them."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon

from ..domain.grouping import OTHER_MUSIC, UNLISTED, Group, Grouping, group_songs
from ..domain.models import Catalog, Song
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
    SONG_FLAGS,
    TOOLTIP,
    UNANSWERED,
    Memberships,
    memberships,
    places,
    row_spans,
    shown_places,
)
from .i18n import tr, tr_count

__all__ = ["AUDIO_ROLE", "GROUP_LIMIT", "ID_ROLE", "KIND_ROLE", "PLAYING_ROLE", "BrowserModel"]

GROUP_LIMIT = 200  # groups shown while searching, until the user asks for all
# Below this share of the library, a filter walks the matches instead of every song.
_SPARSE_SHARE = 0.25
_SPARSE_SHARE_CAPPED = 0.02
_GROUP, _MORE = GROUP_ID, MORE_ID

AudioState = Callable[[str], str]
ModelIndex = QModelIndex | QPersistentModelIndex


def group_label(group: Group) -> tuple[str, str]:
    """(label, detail) as shown: the app's own groups in the interface's language; names and
    titles from the catalog as they are."""
    if group.key in (UNLISTED, OTHER_MUSIC):
        return tr("Browser", group.label), tr("Browser", group.detail) if group.detail else ""
    return group.label, group.detail


class BrowserModel(QAbstractItemModel):
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

    def set_filter(self, positions: Collection[int] | None) -> None:
        """Show only these song positions (None: everything)."""
        if positions is self._filter or (
            positions is not None and self._filter is not None and positions == self._filter
        ):
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

    def _regroup(self) -> None:
        self.beginResetModel()
        self._all_groups = group_songs(self.catalog, self.songs, self.grouping, self.newest_first)
        self._member_of: Memberships | None = None
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        self._shown = None
        keep = self._filter
        self.more_groups = False
        if keep is None:
            self._groups = [(g, g.songs) for g in self._all_groups]
            self.match_count = len(self.songs)
            return
        limit = None if self.show_all else GROUP_LIMIT
        self._groups = self._filtered(keep, limit)
        if limit is not None and len(self._groups) > limit:
            # Laying out thousands of rows costs tens of ms per keystroke and nobody scrolls
            # them while typing: show the first groups and a row that shows the rest.
            del self._groups[limit:]
            self.more_groups = True
        self.match_count = len(keep)

    def _filtered(self, keep: Collection[int], limit: int | None) -> list[tuple[Group, list[int]]]:
        """Groups with their matching songs, in order; with a limit, at most limit + 1."""
        # With a cap, walking groups in order stops after the first few hundred groups, cheap
        # unless the matches are so rare that most groups must be walked past.
        share = _SPARSE_SHARE if limit is None else _SPARSE_SHARE_CAPPED
        if len(keep) < share * len(self.songs):
            return self._sparse_filter(keep, limit)
        visible = []
        for group in self._all_groups:
            songs = [p for p in group.songs if p in keep]
            if songs:
                visible.append((group, songs))
                if limit is not None and len(visible) > limit:
                    break
        return visible

    def _sparse_filter(
        self, keep: Collection[int], limit: int | None
    ) -> list[tuple[Group, list[int]]]:
        # A few matches in a big library: visit the matches, not the 100,000 songs.
        member_of = self._memberships()
        buckets: dict[int, list[tuple[int, int]]] = {}
        for p in keep:
            for g, order in places(member_of, p):
                buckets.setdefault(g, []).append((order, p))
        groups = self._all_groups
        chosen = sorted(buckets)[: None if limit is None else limit + 1]
        return [(groups[g], [p for _, p in sorted(buckets[g])]) for g in chosen]

    def _memberships(self) -> Memberships:
        if self._member_of is None:
            self._member_of = memberships(self._all_groups, len(self.songs))
        return self._member_of

    def all_matching_song_ids(self) -> list[str]:
        """Every shown song, including those in groups beyond the cap."""
        if not self.more_groups or self._filter is None:
            return self.visible_song_ids()
        return [self.songs[p].id for _, songs in self._filtered(self._filter, None) for p in songs]

    # --- lookups ----------------------------------------------------------------------------

    def song_at(self, index: ModelIndex) -> Song | None:
        if not index.isValid() or index.internalId() in (_GROUP, _MORE):
            return None
        return self.songs[self._groups[index.internalId() - 1][1][index.row()]]

    def group_at(self, index: ModelIndex) -> Group | None:
        if not index.isValid() or index.internalId() != _GROUP:
            return None
        return self._groups[index.row()][0]

    def sibling_song_ids(self, index: ModelIndex) -> list[str]:
        """The list a song was started from: its group's visible songs, in order."""
        if not index.isValid():
            return []
        if index.internalId() == _MORE:
            return []
        row = index.row() if index.internalId() == _GROUP else index.internalId() - 1
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
                return self.createIndex(row, 0, _GROUP)
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
        if not parent.isValid():
            if row < len(self._groups):
                return self.createIndex(row, 0, _GROUP)
            if row == len(self._groups) and self.more_groups:
                return self.createIndex(row, 0, _MORE)
            return QModelIndex()
        if parent.internalId() != _GROUP:
            return QModelIndex()
        if row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        # Asked about 10 times per painted row: an invalid index has internalId 0 (_GROUP).
        ident = index.internalId()
        if ident in (_GROUP, _MORE):
            return NO_INDEX
        return self.createIndex(ident - 1, 0, _GROUP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups) + self.more_groups
        if parent.internalId() == _GROUP:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._groups)
        return parent.internalId() == _GROUP  # a shown group always has a song

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role in UNANSWERED:
            return None
        ident = index.internalId()  # 0 (_GROUP) for an invalid index too
        if ident == _MORE:
            return self._more_data(role)
        if ident == _GROUP:
            if not index.isValid():
                return None
            group, songs = self._groups[index.row()]
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
                # Qt guesses rich text in tooltips; the label is library text, so escape it.
                count = tr_count("Browser", len(songs), "%n song", "%n songs")
                return f"<p>{html.escape(group_label(group)[0])}: {count}</p>"
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
            state = self._audio_state(song.id)
            return {
                "linked": "Audio file linked: double-click or press Enter to play",
                "missing": "The linked audio file is missing: open the song to relink it",
                "unplayable": "VLC could not play the linked file: open the song to relink it",
            }.get(state, "No audio file linked yet")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return NO_FLAGS
        ident = index.internalId()
        return GROUP_FLAGS if ident == _GROUP else MORE_FLAGS if ident == _MORE else SONG_FLAGS

    def is_more_row(self, index: ModelIndex) -> bool:
        return index.isValid() and index.internalId() == _MORE

    def _more_data(self, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            text = tr("Browser", "More %1 match: press Enter to show them all (or type more)")
            return text.replace("%1", tr("Browser", self.grouping.label_plural))
        if role == KIND_ROLE:
            return "more"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#6b6158")
        if role == Qt.ItemDataRole.FontRole:
            return self._italic
        return None

    # Dropping an audio file on a song row links it.
    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def _drop_target(self, row: int, parent: ModelIndex) -> Song | None:
        # Only a drop onto a row links: "between rows" (row >= 0) would pick the row below
        # the pointer, the wrong song for a drop on a row's lower edge.
        return self.song_at(parent) if row < 0 else None

    def canDropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:
        return (
            data.hasUrls()
            and self._drop_target(row, parent) is not None
            and any(u.isLocalFile() for u in data.urls())
        )

    def dropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:
        song = self._drop_target(row, parent)
        files = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
        if song is None or not files:
            return False
        self.file_dropped.emit(song.id, files[0])
        return True
