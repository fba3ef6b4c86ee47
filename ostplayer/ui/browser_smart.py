"""The smart lists as the browser's top rows: Favourites, Recently played, Most played, Never
played and Recently added, each with an icon and the number of songs it holds.

Cheap on the start-up path of a 100,000-song library: the rows are five, their counts and
icons are not worked out while the first frame is laid out (the first paint shows the names
and asks for the rest right after it), and from then on each heart or play patches the counts for
its one song (:class:`~ostplayer.services.smart_lists.SmartCounts`) and repaints only the
rows whose number changed: no list is built until one is shown or played.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..domain.changes import LibraryChange
from ..paths import resource_path
from ..services.library_service import LibraryService
from ..services.smart_lists import LIMIT, SMART_KEYS, SmartCounts
from .browser_rows import DECORATION, DISPLAY, ID_ROLE, KIND_ROLE, SMART_ID, TOOLTIP
from .i18n import fill, tr, tr_count
from .personal_pages import SMART_LISTS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .browser_model import BrowserModel

# Freedesktop names first (the desktop's theme draws them); bundled SVGs otherwise.
ICONS = {
    "favourites": "emblem-favorite",
    "recent": "document-open-recent",
    "most": "view-statistics",
    "never": "ostplayer-never-played",  # no standard name: always the bundled one
    "added": "list-add",
}
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ICON_SIZE = 16  # the tree's small icons


def _tr(text: str) -> str:
    return tr("Browser", text)


def title(key: str) -> str:
    """The list's name, as its page and the Library ▸ Smart lists menu call it."""
    return tr("Pages", SMART_LISTS[key])


class SmartRows(QObject):
    keys = SMART_KEYS

    def __init__(self, library: LibraryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counts = SmartCounts(library)
        self.model: BrowserModel | None = None  # set by BrowserModel.set_smart
        self._colour = QColor(Qt.GlobalColor.black)
        self._selected = QColor(Qt.GlobalColor.white)  # on the selection's highlight
        self._icons: dict[str, QIcon] = {}
        # Holds the icons' place until they are drawn (with the counts, after the first
        # paint): the labels do not move sideways when they come.
        blank = QPixmap(_ICON_SIZE, _ICON_SIZE)
        blank.fill(Qt.GlobalColor.transparent)
        self._blank = QIcon(blank)
        self._asked = False  # the counts are on their way (after the paint that asked)
        self._recount_pending = False  # a bulk change's recount waits for the next turn
        self._totals: dict[str, int] = {}  # as last shown: only rows that change repaint
        library.changed.connect(self._on_library_changed)

    def set_icon_colour(self, colour: QColor, selected: QColor | None = None) -> None:
        """Draw the bundled icons in the palette's text colour (light and dark), and in
        its highlighted text colour on the selected row."""
        selected = QColor(selected) if selected is not None else self._selected
        if QColor(colour) == self._colour and selected == self._selected:
            return
        self._colour, self._selected = QColor(colour), selected
        if self._icons:
            self._draw_icons()
        if self.model is not None:
            self.model.refresh_smart()

    # --- what a row says --------------------------------------------------------------------

    def data(self, row: int, role: int):
        key = self.keys[row]
        if role == DISPLAY:
            count = self._count(key)
            return title(key) if count is None else f"{title(key)} · {count:,}"
        if role == KIND_ROLE:
            return "smart"
        if role == ID_ROLE:
            return key
        if role == DECORATION:
            return self._icon(key)
        if role == TOOLTIP:
            return self._tooltip(key)
        if role == ACCESSIBLE:
            count = self._count(key)
            if count is None:
                return title(key)
            return f"{title(key)}, {tr_count('Browser', count, '%n song', '%n songs')}"
        return None

    def _count(self, key: str) -> int | None:
        """The count shown, None until worked out (asked for after this paint)."""
        if not self.counts.ready:
            self._ask()
            return None
        return self.counts.counts()[key]

    def _tooltip(self, key: str) -> str:
        text = _tr("Select to see the list; Enter or double-click plays it")
        if not self.counts.ready:
            return text
        total = self.counts.totals()[key]
        if total > LIMIT and key != "favourites":
            songs = tr_count("Browser", total, "%n song", "%n songs")
            held = fill(_tr("%1; the list holds the first %2"), songs, f"{LIMIT:,}")
            return f"{title(key)}: {held}. {text}"
        return f"{title(key)}: {tr_count('Browser', total, '%n song', '%n songs')}. {text}"

    def _icon(self, key: str) -> QIcon:
        icon = self._icons.get(key)
        if icon is None:
            self._ask()
            return self._blank
        return icon

    def _draw_icons(self) -> None:
        # Theme lookups and SVG renders: about 6 ms for the five, kept off the first paint.
        self._icons = {key: row_icon(ICONS[key], self._colour, self._selected) for key in self.keys}

    # --- keeping the counts current ---------------------------------------------------------

    def _ask(self) -> None:
        if not self._asked:
            self._asked = True
            # After the frame being painted: the walk over favourites and plays (a few ms
            # for 100,000 songs) never holds up the library's first appearance.
            QTimer.singleShot(0, self._fill)

    def _fill(self) -> None:
        self._draw_icons()
        self.counts.compute()
        self._totals = {}  # every row: the icons came too
        self._repaint_changed()

    def _on_library_changed(self, change: LibraryChange) -> None:
        if change.is_bulk and self._asked:
            # A scan's thousands of songs: the walk waits for the next turn of the event
            # loop, so keystrokes already queued go first (keystroke waits: bench_scan.py).
            if not self._recount_pending:
                self._recount_pending = True
                QTimer.singleShot(0, self._recount)
            return
        if self.counts.update(change):
            self._repaint_changed()

    def _recount(self) -> None:
        self._recount_pending = False
        self.counts.compute()
        self._repaint_changed()

    def _repaint_changed(self) -> None:
        totals = self.counts.totals()
        changed = [row for row, key in enumerate(self.keys) if totals[key] != self._totals.get(key)]
        self._totals = totals
        if changed and self.model is not None:
            self.model.refresh_smart(changed)


def row_icon(name: str, colour: QColor, selected: QColor | None = None) -> QIcon:
    """The theme's icon, else the bundled SVG drawn in ``colour`` (``selected`` on a
    selected row) at the tree's size only, 1x and 2x: IconSet renders 20 pixmaps per icon,
    about 2.5 ms each, on the start-up path."""
    themed = QIcon.fromTheme(name) if not name.startswith("ostplayer-") else QIcon()
    if not themed.isNull():
        return themed
    try:
        svg = resource_path(f"icons/ui/{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    icon = QIcon()
    modes = [(QIcon.Mode.Normal, colour)]
    if selected is not None:
        modes.append((QIcon.Mode.Selected, selected))
    for mode, drawn_in in modes:
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", drawn_in.name()).encode()))
        for ratio in (1.0, 2.0):
            icon.addPixmap(_render(renderer, ratio), mode)
    return icon


def _render(renderer: QSvgRenderer, ratio: float) -> QPixmap:
    side = round(_ICON_SIZE * ratio)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class SmartPlaces:
    """The model's side of the smart rows (a mixin of :class:`~.browser_model.BrowserModel`):
    their place above the groups, coming and going without a reset."""

    smart: SmartRows | None
    songs: list
    _searching: bool
    _top: int

    def set_smart(self, rows: SmartRows) -> None:
        """Show the smart lists above the groups (inserted: nothing else is laid out again)."""
        self.smart = rows
        rows.model = self  # type: ignore[assignment]
        self._place_smart()

    def smart_shown(self) -> bool:
        """Above the groups unless searching (the results are the songs that match, and Down
        from the search field lands on the first) or the library has no songs."""
        return self.smart is not None and not self._searching and bool(self.songs)

    def smart_row_count(self) -> int:
        """Smart rows shown now above the groups (0 while searching): the first group's row."""
        return self._top

    def _smart_rows_wanted(self) -> int:
        return len(SMART_KEYS) if self.smart_shown() else 0

    def _place_smart(self) -> None:
        model: BrowserModel = self  # type: ignore[assignment]
        want = self._smart_rows_wanted()
        if want == self._top:
            return
        if want:
            model.beginInsertRows(QModelIndex(), 0, want - 1)
            self._top = want
            model.endInsertRows()
        else:
            model.beginRemoveRows(QModelIndex(), 0, self._top - 1)
            self._top = 0
            model.endRemoveRows()

    def refresh_smart(self, rows: Iterable[int] | None = None) -> None:
        """Repaint these smart rows (all by default): their counts or icons changed."""
        model: BrowserModel = self  # type: ignore[assignment]
        for row in range(self._top) if rows is None else rows:
            if 0 <= row < self._top:
                index = model.createIndex(row, 0, SMART_ID)
                model.dataChanged.emit(index, index)

    def smart_key(self, index) -> str | None:
        """The smart list's key of a smart row, else None."""
        if not index.isValid() or index.internalId() != SMART_ID or self.smart is None:
            return None
        return SMART_KEYS[index.row()]

    def find_smart(self, key: str) -> QModelIndex:
        model: BrowserModel = self  # type: ignore[assignment]
        if key not in SMART_KEYS[: self._top]:
            return QModelIndex()
        return model.createIndex(SMART_KEYS.index(key), 0, SMART_ID)
