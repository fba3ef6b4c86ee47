"""The browser model's row identities, roles and flags, and where each song's rows are.

Kept apart from :mod:`.browser_model` so the model stays about answering the tree. The
values here are precomputed because the tree asks for them for every row it lays out or
paints, thousands of times per keystroke on a big library.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from ..domain.grouping import Group

# Custom roles, like Picard's log view model: views and tests ask for meaning, not text.
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "group", "song", "smart" or "more"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # song id, the group key (drama/person id, year) or
# the smart list's key
AUDIO_ROLE = Qt.ItemDataRole.UserRole + 3  # "none", "linked", "missing" or "unplayable"
PLAYING_ROLE = Qt.ItemDataRole.UserRole + 4  # True on the row of the song playing now

GROUP_ID = 0  # internalId of group rows; song rows carry their group's row + 1
MORE_ID = 0xFFFFFFFF  # internalId of the "more groups match" row (fits a 32-bit quintptr)
SMART_ID = 0xFFFFFFFE  # internalId of the smart lists' rows at the top

# Precomputed: the tree asks for flags of every row it lays out (thousands per keystroke),
# and building a flag from enum members in Python costs more than the rest of the call.
GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# "Never has children" spares the tree a hasChildren() call per song row.
SONG_FLAGS = GROUP_FLAGS | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemNeverHasChildren
NO_FLAGS = Qt.ItemFlag.NoItemFlags
MORE_FLAGS = GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
SMART_FLAGS = MORE_FLAGS  # a smart list is played or shown as a page, never unfolded

# Roles as plain ints: the tree asks about 7 of them for each row it paints, on every
# keystroke, and looking ``Qt.ItemDataRole.X`` up on each call cost more than answering.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
FONT = int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
# Asked for every painted row, never answered by the model: turned away before other work.
UNANSWERED = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    )
)
NO_INDEX = QModelIndex()  # handed to Qt by value: one shared invalid index is enough
MISSING_COLOUR = QColor("#b3261e")

Memberships = tuple[array, array, dict[int, list[tuple[int, int]]]]


def memberships(groups: Sequence[Group], songs: int) -> Memberships:
    """(first group, order in it, other groups) per song position, as flat arrays: most
    songs sit in one group (a drama, a year); artists and actors can put a song in several,
    kept aside in the dict as (group, order) pairs."""
    first_group = array("i", [-1]) * songs
    first_order = array("i", [0]) * songs
    extra: dict[int, list[tuple[int, int]]] = {}
    for g, group in enumerate(groups):
        for order, p in enumerate(group.songs):
            if first_group[p] < 0:
                first_group[p] = g
                first_order[p] = order
            else:
                extra.setdefault(p, []).append((g, order))
    return first_group, first_order, extra


def places(member_of: Memberships, p: int) -> list[tuple[int, int]]:
    """(group, order in it) of every group song position ``p`` is in."""
    first_group, first_order, extra = member_of
    if not 0 <= p < len(first_group) or first_group[p] < 0:
        return []
    return [(first_group[p], first_order[p]), *extra.get(p, ())]


def shown_places(
    where: list[tuple[int, int]],
    p: int,
    all_groups: Sequence[Group],
    shown_groups: Sequence[tuple[Group, list[int]]],
    shown_row: dict[int, int],
) -> list[tuple[int, int]]:
    """(group row, row under it) of song ``p`` in a filtered tree, from its ``where``
    (:func:`places`); ``shown_row`` maps id(group) to its row among the shown groups."""
    rows = []
    for g, order in where:
        row = shown_row.get(id(all_groups[g]))
        if row is None:
            continue
        songs = shown_groups[row][1]
        if order < len(songs) and songs[order] == p:
            rows.append((row, order))  # the whole group matches
        elif p in songs:
            rows.append((row, songs.index(p)))
    return rows


def row_spans(found: Iterable[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """(first, last) row per song rows' internalId (group row + 1): one repaint a group."""
    spans: dict[int, tuple[int, int]] = {}
    for group_row, row in found:
        first, last = spans.get(group_row + 1, (row, row))
        spans[group_row + 1] = (min(first, row), max(last, row))
    return spans
