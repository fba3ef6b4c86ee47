"""The window's side of online lyrics: the consent question, a status row in the lyrics panel
("Looking up lyrics online…", "No lyrics found online", "Are these the lyrics…?"), the
Lyrics menu (Search online…, Fetch missing lyrics…, Remove fetched lyrics, the preference),
the search dialog and the bulk fetch's progress.

Nothing is sent until the user turns online lyrics on: every command that would ask first
says what is sent and to whom, and a "no" leaves the feature off.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ..domain.found_lyrics import LyricsOrigin
from ..domain.lyrics_fetch import FetchOutcome
from ..domain.lyrics_lookup import PublishRequest
from ..services.online_lyrics import BulkReport, OnlineLyricsService
from ..services.settings import Keys
from .banner import Banner
from .i18n import fill, say, tr, tr_count
from .task_progress import TaskProgress

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["OnlineLyricsUi", "install_online_lyrics"]


CONTEXT = "OnlineLyrics"


def _tr(text: str) -> str:
    return tr(CONTEXT, text)


class StatusRow(QWidget):
    """One line under the lyrics' header, and the buttons that fit what it says."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("onlineLyricsRow")
        self.label = QLabel()
        self.label.setObjectName("onlineLyricsStatus")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # candidate names come from a server
        self.label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 12, 0)
        row.addWidget(self.label, 1)
        for key, text in (
            ("use", _tr("Use these")),
            ("search", _tr("Search online…")),
            ("again", _tr("Try again")),
            ("remove", _tr("Remove fetched lyrics")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"onlineLyrics-{key}")
            self.buttons[key] = button
            row.addWidget(button)
        self.hide()

    def show_state(self, text: str, *buttons: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))
        for key, button in self.buttons.items():
            button.setVisible(key in buttons)
        self.setVisible(bool(text or buttons))


class OnlineLyricsUi(QObject):
    message = Signal(str)

    def __init__(self, window: MainWindow, service: OnlineLyricsService) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.panel = window.lyrics
        self.row = StatusRow()
        self.panel.view.layout().insertWidget(3, self.row)  # under the title and the source
        self._outcomes: dict[str, FetchOutcome] = {}
        self.progress: TaskProgress | None = None
        self.last_report: BulkReport | None = None
        self.dialog = None
        self._offer_pending: str | None = None
        self.banner = window.banners.add(Banner())  # over the reading area, as other offers
        b = self.row.buttons
        b["use"].clicked.connect(self._use_reviewed)
        b["search"].clicked.connect(lambda: self.search_online())
        b["again"].clicked.connect(self._try_again)
        b["remove"].clicked.connect(self.remove_fetched)
        service.looking.connect(self._on_looking)
        service.looked_up.connect(self._on_outcome)
        window.ctx.lyrics.resolved.connect(self._on_resolved)
        window.session.now_playing.connect(self._consider)
        window.session.now_playing.connect(self._offer_once)
        window.browser.song_selected.connect(self._consider)

    # --- consent ----------------------------------------------------------------------------

    def ask_consent(self) -> bool:
        """True when online lyrics are on (already, or now that the user said yes)."""
        if self.service.enabled:
            return True
        box = QMessageBox(self.window)
        box.setWindowTitle(_tr("Look up lyrics online?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            fill(
                _tr(
                    "To find lyrics for songs that have none, OST Player sends the song's title,"
                    " performers, drama (album) and length to %1 (LRCLIB, a free lyrics"
                    " database), and keeps what it finds in your library.\n\nNothing is sent"
                    " until you turn this on; Lyrics ▸ Online lyrics turns it off again."
                ),
                self.service.server,
            )
        )
        on = box.addButton(_tr("Turn on online lyrics"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is on:
            self.service.set_enabled(True)
        return self.service.enabled

    def _offer_once(self, song_id: str) -> None:
        """The first time a song without lyrics plays (online lyrics off, never asked): one
        banner, which asks and never blocks playback; either answer is final."""
        settings = self.service.settings
        if self.service.enabled or settings.get(Keys.ONLINE_LYRICS_ASKED):
            return
        if self._has_own_lyrics(song_id) is not False:
            if self._has_own_lyrics(song_id) is None:  # not known yet: ask once it is
                self._offer_pending = song_id
            return
        self._offer_pending = None
        banner = self.banner
        title = self.window.library.title(song_id)

        def turn_on() -> None:
            settings.set(Keys.ONLINE_LYRICS_ASKED, True)
            self.service.set_enabled(True)
            self._consider(song_id)

        banner.show_message(
            fill(
                _tr(
                    "“%1” has no lyrics. Look lyrics up online? The title, performers, drama"
                    " and length of songs without lyrics are then sent to %2 (LRCLIB)."
                ),
                title,
                self.service.server,
            ),
            [(_tr("Turn on online lyrics"), turn_on)],
            on_dismiss=lambda: settings.set(Keys.ONLINE_LYRICS_ASKED, True),
        )

    def set_enabled(self, on: bool) -> None:
        if on:
            self.service.set_enabled(False)  # asked with the full sentence, as a first time
            self.ask_consent()
        else:
            self.service.set_enabled(False)
        self.window.menu_actions.set_checked_quietly("online-lyrics", self.service.enabled)
        self._refresh()

    # --- one song ---------------------------------------------------------------------------

    def _has_own_lyrics(self, song_id: str) -> bool | None:
        result = self.window.ctx.lyrics.cached(song_id)
        if result is None:
            return None  # not known yet: the resolved signal comes back here
        found = result.found
        return found is not None and found.origin is not LyricsOrigin.EXCERPT

    def _on_resolved(self, result: object) -> None:
        song_id = result.song_id  # type: ignore[attr-defined]
        self._consider(song_id)
        if self._offer_pending == song_id:
            self._offer_once(song_id)

    def _consider(self, song_id: str) -> None:
        """A song is shown: look it up when it has no lyrics and online lyrics are on."""
        if song_id != self.panel.song_id:
            return
        own = self._has_own_lyrics(song_id)
        if own is False and self.service.enabled and song_id not in self._outcomes:
            self.service.lookup(song_id)
        self._refresh()

    def _on_looking(self, song_id: str) -> None:
        self._outcomes.pop(song_id, None)
        self._refresh()

    def _on_outcome(self, outcome: FetchOutcome) -> None:
        self._outcomes[outcome.song_id] = outcome
        if outcome.status == "error" and outcome.song_id == self.panel.song_id:
            self.message.emit(fill(_tr("Online lyrics: %1"), say(outcome.message, CONTEXT)))
        self._refresh()

    def _refresh(self) -> None:
        song_id = self.panel.song_id
        if song_id is None:
            self.row.show_state("")
            return
        result = self.window.ctx.lyrics.cached(song_id)
        found = result.found if result is not None else None
        if found is not None and found.origin is LyricsOrigin.ONLINE:
            self.row.show_state("", "search", "remove")
            return
        if self._has_own_lyrics(song_id) is not False:
            self.row.show_state("")
            return
        if self.service.is_looking(song_id):
            self.row.show_state(_tr("Looking up lyrics online…"))
            return
        outcome = self._outcomes.get(song_id)
        if not self.service.enabled or outcome is None:
            self.row.show_state("", "search")
        elif outcome.status == "needs_review":
            self.row.show_state(say(outcome.message or "", CONTEXT), "use", "search")
        elif outcome.status == "error":
            self.row.show_state(
                fill(_tr("Lyrics could not be looked up: %1"), say(outcome.message, CONTEXT)),
                "again",
            )
        elif outcome.status == "instrumental":
            self.row.show_state(_tr("LRCLIB lists this song as instrumental."), "search")
        else:
            self.row.show_state(_tr("No lyrics found online."), "search", "again")

    def _try_again(self) -> None:
        if self.panel.song_id and self.ask_consent():
            self.service.lookup(self.panel.song_id, again=True)

    def _use_reviewed(self) -> None:
        song_id = self.panel.song_id
        outcome = self._outcomes.get(song_id) if song_id else None
        if song_id and outcome is not None and outcome.candidate is not None:
            self.service.apply(song_id, outcome.candidate, outcome.confidence or 0.0)
            self._outcomes.pop(song_id, None)
            self.message.emit(_tr("Lyrics from LRCLIB saved for this song."))

    def remove_fetched(self) -> None:
        song_id = self.panel.song_id
        if song_id:
            self.service.remove(song_id)
            self._outcomes[song_id] = FetchOutcome(song_id, "not_found")
            self.message.emit(_tr("The fetched lyrics were removed."))

    def search_online(self) -> None:
        song_id = self.panel.song_id or self.panel._selected
        if not song_id:
            self.message.emit(_tr("Select a song first."))
            return
        if not self.ask_consent():
            return
        from .online_lyrics_dialog import SearchDialog

        if self.dialog is not None:
            self.dialog.close()
        self.dialog = SearchDialog(self.service, song_id, self.window)
        self.dialog.applied.connect(lambda: self.message.emit(_tr("Lyrics from LRCLIB saved.")))
        self.dialog.show()

    # --- many songs -------------------------------------------------------------------------

    def fetch_missing(self) -> None:
        if not self.ask_consent():
            return
        running = self.service.bulk is not None and self.service.bulk.is_running()
        task = self.service.fetch_missing()
        if task is None or running:
            return
        self.progress = TaskProgress(task, _tr("Fetching missing lyrics from LRCLIB…"), self.window)
        # Not modal: the window stays usable (and playing) while hundreds of songs are asked.
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        task.finished.connect(self._bulk_done)
        task.cancelled.connect(lambda: self.message.emit(_tr("Stopped: what was found is kept.")))

    # --- sharing back -----------------------------------------------------------------------

    def share(self) -> None:
        """Share on LRCLIB…: what would be sent is worked out (off the GUI thread), shown in
        full, and sent only if the user says Publish. Never automatic."""
        song_id = self.panel.song_id
        task = self.service.prepare_share(song_id) if song_id else None
        if task is not None:
            task.finished.connect(self._confirm_share)

    def _confirm_share(self, request: PublishRequest | str) -> None:
        if isinstance(request, str):
            self.message.emit(request)
            return
        box = QMessageBox(self.window)
        box.setWindowTitle(_tr("Share on LRCLIB?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        lines = request.synced.count("\n") + 1
        seconds = round(request.duration_s)
        what = fill(_tr("%1 by %2"), request.track, request.artist)
        what += (
            f", {request.album}" if request.album else ""
        ) + f", {seconds // 60}:{seconds % 60:02d}"
        what += ", " + tr_count("LyricsView", lines, "%n line", "%n lines")
        box.setText(
            fill(_tr("Publish these synced lyrics on %1 for everyone to use?"), self.service.server)
            + f"\n\n{what}.\n\n"
            + _tr(
                "Show Details… for exactly what is sent. The server asks for"
                " a proof of work first: this may take a minute."
            )
        )
        box.setDetailedText(json.dumps(request.as_json(), ensure_ascii=False, indent=1))
        publish = box.addButton(_tr("Publish"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not publish:
            return
        task = self.service.share(request)
        if task is None:
            return
        self.progress = TaskProgress(task, _tr("Sharing on LRCLIB (proof of work)…"), self.window)
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        task.finished.connect(lambda _r: self.message.emit(_tr("Shared on LRCLIB. Thank you!")))
        task.failed.connect(
            lambda exc: self.message.emit(fill(_tr("Sharing on LRCLIB failed: %1"), str(exc)))
        )
        task.cancelled.connect(
            lambda: self.message.emit(_tr("Sharing cancelled: nothing was sent."))
        )

    def _bulk_done(self, report: BulkReport) -> None:
        self.last_report = report
        self.message.emit(fill(_tr("Fetch missing lyrics: %1"), report.sentence()))


def install_online_lyrics(window: MainWindow) -> OnlineLyricsUi | None:
    """Adds the commands to the window's menus; nothing when no service was built."""
    service = getattr(window.ctx, "online_lyrics", None)
    if service is None:
        return None
    ui = OnlineLyricsUi(window, service)
    a = window.menu_actions
    a.add("lyrics-online-search", "&Search lyrics online…", ui.search_online)
    a.add("fetch-lyrics", "&Fetch missing lyrics…", ui.fetch_missing)
    a.add("remove-fetched-lyrics", "&Remove fetched lyrics", ui.remove_fetched)
    a.add("share-lyrics", "S&hare on LRCLIB…", ui.share)
    a["share-lyrics"].setEnabled(service.can_share)
    a.add(
        "online-lyrics",
        "&Online lyrics (LRCLIB)",
        ui.set_enabled,
        checkable=True,
        checked=service.enabled,
        tip="Look up lyrics on lrclib.net for songs that have none",
    )
    settings = service.settings
    a.add(
        "online-lyrics-lrc",
        "Also save fetched lyrics as .&lrc next to the audio",
        lambda on: settings.set(Keys.ONLINE_LYRICS_WRITE_LRC, bool(on)),
        checkable=True,
        checked=settings.get(Keys.ONLINE_LYRICS_WRITE_LRC),
        tip="Never over a file that is there already",
    )
    bar = window.menuBar()
    menus = {m.title().replace("&", ""): m for m in (x.menu() for x in bar.actions()) if m}
    if "Library" in menus:
        menus["Library"].addSeparator()
        menus["Library"].addAction(a["fetch-lyrics"])
    lyrics_menu = bar.addMenu("L&yrics")
    help_menu = menus.get("Help")
    if help_menu is not None:  # before Help, where menus end
        bar.insertMenu(help_menu.menuAction(), lyrics_menu)
    for key in (
        "lyrics-online-search",
        "fetch-lyrics",
        "remove-fetched-lyrics",
        "share-lyrics",
        None,
        "online-lyrics",
        "online-lyrics-lrc",
    ):
        if key is None:
            lyrics_menu.addSeparator()
        else:
            lyrics_menu.addAction(a[key])
    service.enabled_changed.connect(lambda on: a.set_checked_quietly("online-lyrics", on))
    ui.message.connect(window.show_status)
    window.online_lyrics_ui = ui
    return ui
