"""The lyrics view's empty page: what would fill it, said for the song shown.

The view's own empty page says "No lyrics yet" with an "Add lyrics…" button, whatever the
reason. The panel knows more: no song is chosen yet, the lookup is still running, or the song
really has none; and whether it has an audio file, next to which a .lrc would be read by
itself. This puts an :class:`EmptyState` in that page, in the same place (nothing moves), and
keeps the view's "Add lyrics…" command (its ``edit_requested``) as the button.

Looking lyrics up online is not repeated here: the online lyrics row over the page offers
"Search online…" for every song without lyrics, whether the user turned the feature on or not.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from .empty_state import EmptyState
from .i18n import tr
from .lyrics_view import LyricsView

__all__ = ["LyricsEmpty"]


def _tr(text: str) -> str:
    return tr("LyricsView", text)


class LyricsEmpty:
    def __init__(self, view: LyricsView) -> None:
        self.state = EmptyState(_tr("Choose a song to see its lyrics."), icon="view-media-lyrics")
        self.state.setObjectName("lyricsEmptyState")
        self.state.triggered.connect(view.edit_requested)
        stock = view.findChild(QLabel, "lyricsEmpty")
        page = stock.parentWidget() if stock is not None else None
        if page is None or page.layout() is None:
            return  # the view's own empty page stays as it is
        stock.hide()
        for button in page.findChildren(QPushButton):
            if button.parentWidget() is page:
                button.hide()  # its command is the state's button now
        page.layout().insertWidget(0, self.state)

    def nothing_chosen(self) -> None:
        self.state.set_text(_tr("Choose a song to see its lyrics."), "")
        self.state.set_action(None)

    def looking(self) -> None:
        self.state.set_text(_tr("Looking for lyrics…"), "")
        self.state.set_action(None)

    def none_yet(self, has_audio: bool) -> None:
        """Looked up, and none found (the view's header names the song)."""
        detail = (
            _tr(
                "Write or paste them, or import a .lrc or .txt file. A .lrc file named like"
                " the audio file, next to it, is read by itself."
            )
            if has_audio
            else _tr(
                "Write or paste them, or import a .lrc or .txt file. Once the song has its"
                " audio file, a .lrc file named like it, next to it, is read by itself."
            )
        )
        self.state.set_text(_tr("No lyrics for this song yet."), detail)
        self.state.set_action(_tr("Add lyrics…"))
        assert self.state.button is not None
        self.state.button.setToolTip(_tr("Type, paste or import lyrics"))
