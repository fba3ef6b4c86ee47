"""What the browser's rows say: group labels, tooltips and the "more groups match" row.

Kept apart from :mod:`.browser_model` so the model stays about where rows are; the words
live here, in the interface's language where they are the app's own.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ..domain.grouping import OTHER_MUSIC, UNLISTED, Group, Grouping
from .browser_rows import KIND_ROLE
from .i18n import tr, tr_count

# Said of a song row by its audio state (the tooltip); the song playing says so instead.
SONG_TIPS = {
    "linked": "Audio file linked: double-click or press Enter to play",
    "missing": "The linked audio file is missing: open the song to relink it",
    "unplayable": "VLC could not play the linked file: open the song to relink it",
}
NO_FILE_TIP = "No audio file linked yet"
MORE_COLOUR = QColor("#6b6158")


def group_label(group: Group) -> tuple[str, str]:
    """(label, detail) as shown: the app's own groups in the interface's language; names and
    titles from the catalog as they are."""
    if group.key in (UNLISTED, OTHER_MUSIC):
        return tr("Browser", group.label), tr("Browser", group.detail) if group.detail else ""
    return group.label, group.detail


def group_tooltip(group: Group, songs: int) -> str:
    # Qt guesses rich text in tooltips; the label is library text, so escape it.
    count = tr_count("Browser", songs, "%n song", "%n songs")
    return f"<p>{html.escape(group_label(group)[0])}: {count}</p>"


def more_row_data(grouping: Grouping, italic: QFont, role: int):
    """The row after the first groups of a long search: Enter shows the rest."""
    if role == Qt.ItemDataRole.DisplayRole:
        text = tr("Browser", "More %1 match: press Enter to show them all (or type more)")
        return text.replace("%1", tr("Browser", grouping.label_plural))
    if role == KIND_ROLE:
        return "more"
    if role == Qt.ItemDataRole.ForegroundRole:
        return MORE_COLOUR
    if role == Qt.ItemDataRole.FontRole:
        return italic
    return None
