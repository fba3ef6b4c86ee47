"""The full-screen lyrics stage (F11, or the transport's stage button): the lyrics fill the
display in large type on the cover's colour; the browser, the page and the menu bar step
aside and the transport stays. Leaving it puts the window back as it was (maximized or not).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .window_layout import CONTENT_MARGINS

if TYPE_CHECKING:
    from .main_window import MainWindow


def set_stage(window: MainWindow, on: bool) -> None:
    window.browser.setVisible(not on)
    window.page_view.setVisible(not on)
    window.lyrics.view.setVisible(on or window.menu_actions["lyrics"].isChecked())
    window.lyrics.view.set_large(on)
    # The stage reaches the screen's edges: no strip of window grey above or beside it.
    area = window.content_splitter.parentWidget().layout()
    area.setContentsMargins(*((0, 0, 0, 0) if on else CONTENT_MARGINS))
    window.menu_actions.set_checked_quietly("lyrics-mode", on)
    window.menuBar().setVisible(not on)
    if on and not window.isFullScreen():
        window._maximized_before_stage = window.isMaximized()
        window.showFullScreen()
    elif not on and window.isFullScreen():
        if getattr(window, "_maximized_before_stage", False):
            window.showMaximized()
        else:
            window.showNormal()
