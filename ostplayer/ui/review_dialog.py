"""Review the matches a scan was not sure of: each with its evidence and confidence.

For every file (or group of copies of one recording) the user picks one of the catalog songs
the scan proposes, adds the file as a new song, says no, or leaves it for later. Nothing
replaces an existing link without being chosen here.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.library_growth import ReviewItem
from ..domain.models import Catalog
from ..services.scan_service import NEW_SONG, Decision
from .i18n import fill, tr, tr_count
from .plain_text import as_html

LATER = "~later"
NO = "~no"


def describe_song(catalog: Catalog, song_id: str) -> str:
    song = catalog.songs.get(song_id)
    if song is None:
        return song_id
    drama = catalog.dramas.get(song.drama) if song.drama else None
    who = catalog.performer_names(song)
    parts = [song.title]
    if who:
        parts.append(who)
    if drama is not None:
        parts.append(drama.title)
    return " — ".join(parts)


def _tr(text: str) -> str:
    return tr("Scan", text)


def _reason(reason: str) -> str:
    """Why the scan asks, as domain.library_growth words it (kept in the saved review)."""
    known = {
        "two catalog songs match equally well": _tr("two catalog songs match equally well"),
        "uncertain match": _tr("uncertain match"),
    }
    return known.get(reason, reason)


class ReviewDialog(QDialog):
    def __init__(self, items: list[ReviewItem], catalog: Catalog, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Review the scan's matches"))
        self.setObjectName("reviewDialog")
        self.resize(900, 480)
        self.items = items
        self.catalog = catalog
        self.choices: list[QComboBox] = []
        intro = QLabel(
            _tr(
                "The scan was not sure about these files. Choose the song each one is, add it"
                " as a new song, or say no. Files left for later stay here."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("reviewList")
        self.tree.setHeaderLabels([_tr("File"), _tr("It is…"), _tr("Why")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 380)
        for item in items:
            self._add_row(item)
        buttons = QDialogButtonBox()
        accept_all = QPushButton(_tr("Accept all suggestions"))
        accept_all.setObjectName("acceptAll")
        accept_all.setToolTip(_tr("Each file gets its best match (or becomes a new song)"))
        accept_all.clicked.connect(self.accept_all)
        buttons.addButton(accept_all, QDialogButtonBox.ButtonRole.ActionRole)
        apply = buttons.addButton(_tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setObjectName("applyReview")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _add_row(self, item: ReviewItem) -> None:
        first = item.paths[0]
        name = os.path.basename(first)
        if len(item.paths) > 1:
            copies = tr_count("Scan", len(item.paths) - 1, "+%n copy", "+%n copies")
            name += f" ({copies})"
        row = QTreeWidgetItem([name, "", _reason(item.reason)])
        row.setToolTip(0, as_html("\n".join(item.paths)))
        evidence = [*item.evidence]
        for match in item.candidates:
            evidence.append(
                f"{describe_song(self.catalog, match.song_id)} ({match.confidence:.0%}): "
                + "; ".join(match.evidence)
            )
        row.setToolTip(2, as_html("\n".join(evidence)))
        self.tree.addTopLevelItem(row)
        box = QComboBox()
        box.setAccessibleName(fill(_tr("What %1 is"), name))
        for match in item.candidates:
            box.addItem(
                f"{describe_song(self.catalog, match.song_id)}  ({match.confidence:.0%})",
                match.song_id,
            )
        if item.new_song is not None:
            box.addItem(fill(_tr("A new song: %1"), item.new_song.title), NEW_SONG)
        box.addItem(_tr("Not sure yet: ask me later"), LATER)
        box.addItem(_tr("None of these: leave the file out"), NO)
        box.setCurrentIndex(box.findData(LATER))
        self.tree.setItemWidget(row, 1, box)
        self.choices.append(box)

    def accept_all(self) -> None:
        for box in self.choices:
            box.setCurrentIndex(0)  # the best candidate, or the new song when there is none
        self.accept()

    def decisions(self) -> list[Decision]:
        out = []
        for item, box in zip(self.items, self.choices, strict=True):
            choice = box.currentData(Qt.ItemDataRole.UserRole)
            if choice == LATER:
                continue
            out.append(Decision(item, None if choice == NO else choice))
        return out
