"""The offers the main window makes in its banners: resume where the user left off, and
review the scanned files that could not be matched for sure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .transport import format_ms

if TYPE_CHECKING:
    from .main_window import MainWindow


def offer_resume(window: MainWindow) -> None:
    offer = window.session.resume_offer()
    if offer is None:
        return
    song_id, position = offer
    window.resume_banner.show_message(
        f"Resume “{window.library.title(song_id)}” where you left off ({format_ms(position)})?",
        [
            (
                "Resume",
                lambda: window.session.resume(song_id, position, window._context_list(song_id)),
            )
        ],
        on_dismiss=window.session.dismiss_resume,
    )


def offer_review(window: MainWindow, count: int) -> None:
    if count:
        window.review_banner.show_message(
            f"{count:,} scanned file{'s' if count != 1 else ''} could not be matched for"
            " sure. Look at them when you like.",
            [("Review…", window.scan_ui.review)],
        )
    else:
        window.review_banner.hide()
