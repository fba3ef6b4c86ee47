"""The offers the main window makes in its banners: resume where the user left off, and
review the scanned files that could not be matched for sure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import fill, tr, tr_count
from .transport import format_ms

if TYPE_CHECKING:
    from .main_window import MainWindow


def offer_resume(window: MainWindow) -> None:
    offer = window.session.resume_offer()
    if offer is None:
        return
    song_id, position = offer
    window.resume_banner.show_message(
        fill(
            tr("Window", "Resume “%1” where you left off (%2)?"),
            window.library.title(song_id),
            format_ms(position),
        ),
        [
            (
                tr("Window", "Resume"),
                lambda: window.session.resume(song_id, position, window._context_list(song_id)),
            )
        ],
        on_dismiss=window.session.dismiss_resume,
    )


def offer_review(window: MainWindow, count: int) -> None:
    if count:
        window.review_banner.show_message(
            tr_count(
                "Window",
                count,
                "%n scanned file could not be matched for sure. Look at it when you like.",
                "%n scanned files could not be matched for sure. Look at them when you like.",
            ),
            [(tr("Window", "Review…"), window.scan_ui.review)],
        )
    else:
        window.review_banner.hide()
