"""What the main window remembers between runs: geometry, splitters, grouping, the queue
dock and the page the user was reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.grouping import Grouping
from ..services.settings import Keys

if TYPE_CHECKING:
    from .main_window import MainWindow


def restore_window_state(window: MainWindow) -> None:
    s = window.settings
    for splitter, key in (
        (window.splitter, Keys.SPLITTER),
        (window.content_splitter, Keys.CONTENT_SPLITTER),
    ):
        state = s.get(key)
        if state:
            splitter.restoreState(state)
    grouping = s.get(Keys.GROUPING)
    newest = s.get(Keys.NEWEST_FIRST)
    if grouping is not Grouping.DRAMA or not newest:
        window.browser.set_grouping(grouping, newest)
    if s.get(Keys.QUEUE_VISIBLE):
        window.queue_dock.show()
    kind, _, ident = s.get(Keys.LAST_PAGE).partition(":")
    restored = False
    if kind == "song":
        restored = window.browser.select_song(ident)
    elif kind == "group" or (kind == "drama" and grouping is Grouping.DRAMA):
        restored = window.browser.select_group(ident)
    elif kind in ("feature", "drama", "person"):
        restored = window.reading.show(kind, ident)
    if not restored:
        window.reading.home()


def save_window_state(window: MainWindow) -> None:
    s = window.settings
    s.set(Keys.GEOMETRY, bytes(window.saveGeometry().data()))
    s.set(Keys.SPLITTER, bytes(window.splitter.saveState().data()))
    s.set(Keys.CONTENT_SPLITTER, bytes(window.content_splitter.saveState().data()))
    s.set(Keys.GROUPING, window.model.grouping)
    s.set(Keys.NEWEST_FIRST, window.model.newest_first)
    s.set(Keys.QUEUE_VISIBLE, window.queue_dock.isVisible())
    window.session.save_position()
    problem = s.sync()
    if problem:
        window.show_status(problem)
