"""What ▶ does when there is nothing to play, and the full-screen lyrics stage's wiring.

▶ (or Space) with an empty queue plays the song selected in the browser. A song without an
audio file never makes ▶ do nothing: a strip offers to link its file or to scan a folder, and
the status bar says why it did not play.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .banner import Banner

if TYPE_CHECKING:
    from .main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("PlayFeedback", text)


def install_play_feedback(window: MainWindow) -> None:
    window.playback.play_selected.connect(lambda: play_selected(window))
    window.transport.stage_requested.connect(lambda: window.menu_actions["lyrics-mode"].trigger())
    window.playback.cover_changed.connect(window.lyrics.view.set_cover)


def play_selected(window: MainWindow) -> None:
    song_id = window.browser.current_song_id()
    if song_id is None:
        kind, ident = window.reading.current
        song_id = ident if kind == "song" else None
    if song_id is None:
        window.show_status(
            tr("Nothing to play: choose a song in the list (Enter plays it), or add your music.")
        )
        return
    window.play_songs(song_id, window._context_list(song_id))


def offer_link(window: MainWindow, song_id: str) -> None:
    """The song has no audio file: say so, and offer the two ways to give it one."""
    banner = getattr(window, "link_offer", None)
    if banner is None:
        banner = window.banners.add(Banner())
        banner.setObjectName("linkOffer")
        window.link_offer = banner
    title = window.library.title(song_id)
    banner.show_message(
        tr("“%1” has no audio file yet. Link the file you own, or scan your music folder.").replace(
            "%1", title
        ),
        [
            (tr("Link a file…"), lambda: window.actions_.choose_and_link(song_id)),
            (tr("Scan a folder…"), window.scan_ui.add_folder),
        ],
    )
