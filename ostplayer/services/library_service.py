"""The library as the rest of the app sees it: the catalog, personal data, and what changed.

It owns the :class:`~ostplayer.catalog.library.Library` and tells everyone what changed
(:attr:`LibraryService.changed`, on the GUI thread, whatever thread wrote), so the browser,
the pages, the lyrics panel and the search index update themselves and nobody relays changes
by hand.

It also knows each song's audio state ("linked", "missing", "unplayable", "none") without the
GUI thread touching the disk: paths are checked by a background task at start and after every
link change; until a check is back a linked song counts as "linked".
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from ..catalog.history import PlayStats
from ..catalog.library import Library
from ..domain.changes import LibraryChange
from ..domain.models import Catalog
from ..media.sniff import link_problem
from .tasks import TaskContext, TaskRunner
from .texts import fill, say, tr

LINKED, MISSING, UNPLAYABLE, NONE = "linked", "missing", "unplayable", "none"
# Stands for "whatever the path is now, look again": a relink to the very same file retries it.
_RECHECK = object()
# Songs whose audio state one turn of the event loop works out after a bulk change.
_RELINK_SLICE = 1000


def check_audio_path(path: str | None) -> str:
    """A linked path's state, by asking the disk: for background tasks only."""
    if not path:
        return NONE
    try:
        if os.path.isdir(path):
            return UNPLAYABLE
        return LINKED if os.path.isfile(path) else MISSING
    except (OSError, ValueError):
        return MISSING


class LibraryService(QObject):
    changed = Signal(object)  # LibraryChange, on the GUI thread
    audio_states_changed = Signal(object)  # frozenset of song ids whose audio state changed

    def __init__(self, library: Library, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        # Songs in the catalog only: a deleted song keeps its personal row (so an undo can
        # bring its link back) but its file is no longer one of the library's.
        songs = library.catalog.songs
        self._states: dict[str, str] = {
            sid: LINKED for sid in library.linked_song_ids() if sid in songs
        }
        # The path each state was worked out for: a lyrics save is a personal change too,
        # and must not reset a "missing" file to "linked".
        self._paths: dict[str, object] = {s: library.audio_path(s) for s in self._states}
        self._unplayable: dict[str, str] = {}  # song id -> the path VLC could not play
        # After a bulk change: songs whose audio states are not worked out yet (and whether
        # the songs gone from the catalog are still to look at), songs whose states were
        # but are not announced yet, and songs whose files are to be checked once done.
        self._pending: list[str] = []
        self._pending_ids: set[str] = set()  # the same songs, to look one up
        self._pending_gone = False
        self._relinks_posted = False
        self._unannounced: set[str] = set()
        self._to_check: set[str] = set()
        self._unsubscribe = library.events.subscribe(self._announce)
        self.check_audio(list(self._states))

    # --- reading ----------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        return self.library.catalog

    @property
    def data_dir(self) -> Path:
        return self.library.data_dir

    @property
    def notices(self) -> list[str]:
        return self.library.notices

    def audio_path(self, song_id: str) -> str | None:
        return self.library.audio_path(song_id)

    def audio_files(self, song_id: str) -> list[str]:
        return self.library.audio_files(song_id)

    def linked_song_ids(self) -> list[str]:
        return self.library.linked_song_ids()

    def saved_lyrics(self, song_id: str) -> str | None:
        return self.library.saved_lyrics(song_id)

    def saved_lyrics_by_song(self) -> dict[str, str]:
        """Every song's saved lyrics text (searched along with the catalog)."""
        return self.library.saved_lyrics_by_song()

    def lyrics_offset(self, song_id: str) -> int:
        return self.library.lyrics_offset(song_id)

    def personal(self, song_id: str) -> dict[str, Any]:
        return self.library.personal(song_id)

    def play_stats(self, song_id: str) -> PlayStats:
        return self.library.play_stats(song_id)

    def plays_by_day(self) -> Mapping[int, Mapping[str, int]]:
        """Local day (its ordinal) -> song id -> plays that day (the history page's data)."""
        return self.library.history.days.by_day

    def drama_notes(self, drama_id: str) -> str:
        """The user's own notes on a drama, as written ("" for none)."""
        return self.library.drama_notes(drama_id)

    def describe(self, song_id: str) -> str:
        """ "Title — Performers", for lists and messages."""
        song = self.catalog.songs.get(song_id)
        if song is None:
            return song_id
        performers = self.catalog.performer_names(song)
        return f"{song.title} — {performers}" if performers else song.title

    def title(self, song_id: str) -> str:
        song = self.catalog.songs.get(song_id)
        return song.title if song is not None else song_id

    # --- audio state ------------------------------------------------------------------------

    def audio_state(self, song_id: str) -> str:
        self._settle_one(song_id)
        return self._states.get(song_id, NONE)

    def counts(self) -> tuple[int, int]:
        self._settle_relinks()
        states = list(self._states.values())
        return states.count(LINKED), states.count(MISSING)

    def check_audio(self, song_ids: Sequence[str]) -> None:
        """Ask the disk about these songs' files, off the GUI thread."""
        if not song_ids:
            return
        paths = {sid: self.library.audio_path(sid) for sid in song_ids}

        def job(ctx: TaskContext) -> dict[str, str]:
            out = {}
            for n, (sid, path) in enumerate(paths.items()):
                if n % 500 == 0:
                    ctx.check()
                out[sid] = check_audio_path(path)
            return out

        task = self.tasks.run("audio-check", job)
        task.finished.connect(lambda result: self._apply_checks(result, paths))

    def _apply_checks(self, result: Mapping[str, str], paths: Mapping[str, str | None]) -> None:
        self._settle_relinks()  # once for all, not once a song (a scan's thousands)
        changed = set()
        for sid, state in result.items():
            if self.library.audio_path(sid) != paths[sid]:
                continue  # relinked while the check ran: a newer check is on its way
            if state == LINKED and self._unplayable.get(sid) == paths[sid]:
                state = UNPLAYABLE
            if self._put_state(sid, state):
                changed.add(sid)
        if changed:
            self.audio_states_changed.emit(frozenset(changed))

    def _set_state(self, song_id: str, state: str) -> bool:
        self._settle_one(song_id)  # a state set now is not then undone by an older change
        return self._put_state(song_id, state)

    def _put_state(self, song_id: str, state: str) -> bool:
        before = self._states.get(song_id, NONE)
        if state == NONE:
            self._states.pop(song_id, None)
        else:
            self._states[song_id] = state
        return before != state

    def mark_unplayable(self, song_id: str) -> None:
        """VLC could not play the song's file: remembered until the link changes."""
        path = self.library.audio_path(song_id)
        if path:
            self._unplayable[song_id] = path
            if self._set_state(song_id, UNPLAYABLE):
                self.audio_states_changed.emit(frozenset([song_id]))

    def mark_missing(self, song_id: str) -> None:
        if self.library.audio_path(song_id) and self._set_state(song_id, MISSING):
            self.audio_states_changed.emit(frozenset([song_id]))

    def clear_unplayable(self, song_id: str) -> None:
        """It played after all (or was relinked): ask the disk again."""
        if self._unplayable.pop(song_id, None) is not None:
            self._set_state(song_id, LINKED if self.library.audio_path(song_id) else NONE)
            self.audio_states_changed.emit(frozenset([song_id]))
            self.check_audio([song_id])

    # --- writing ----------------------------------------------------------------------------

    @staticmethod
    def link_problem(path: str | os.PathLike[str]) -> str | None:
        """Why ``path`` cannot be linked as a song's audio (by its content); None if it can."""
        return link_problem(path)

    def link(self, song_id: str, path: str | os.PathLike[str]) -> str:
        self._unplayable.pop(song_id, None)  # a (re)link, even to the same file, is retried
        self._paths[song_id] = _RECHECK
        return self.library.link(song_id, path)

    def link_many(self, links: Mapping[str, Sequence[str]]) -> int:
        for song_id in links:
            self._unplayable.pop(song_id, None)
            self._paths[song_id] = _RECHECK
        return self.library.link_many(links)

    def unlink(self, song_id: str) -> None:
        self._unplayable.pop(song_id, None)
        self._paths[song_id] = _RECHECK
        self.library.unlink(song_id)

    def set_saved_lyrics(
        self, song_id: str, text: str | None, *, reset_offset: bool = False
    ) -> None:
        self.library.set_saved_lyrics(song_id, text, reset_offset=reset_offset)

    def set_lyrics_offset(self, song_id: str, ms: int) -> None:
        self.library.set_lyrics_offset(song_id, ms)

    def update_personal(self, song_id: str, **fields: Any) -> None:
        self.library.update_personal(song_id, **fields)

    def update_personal_many(self, fields_by_song: Mapping[str, Mapping[str, Any]]) -> None:
        self.library.update_personal_many(fields_by_song)

    def record_play(self, song_id: str) -> PlayStats:
        return self.library.record_play(song_id)

    def import_file(self, path: Path, ctx: TaskContext | None = None) -> Any:
        """Runs inside a task (or directly): the merge announces its changes when written."""
        progress = (lambda done, total: ctx.progress(done, total)) if ctx is not None else None
        return self.library.import_file(path, progress)

    def export_file(self, path: Path) -> None:
        self.library.export_file(path)

    # --- change delivery --------------------------------------------------------------------

    def _announce(self, change: LibraryChange) -> None:
        # A write on the GUI thread (a link, a lyrics save) is told at once, so the caller
        # sees the new state on return; one on a worker (an import) goes through the queue.
        if QThread.currentThread() is self.thread():
            self._deliver(change)
        else:
            self.tasks.dispatcher.post(self, self._deliver, change)

    def _deliver(self, change: LibraryChange) -> None:
        # Link changes move audio states: "linked" at once if there is a path, then checked.
        # A deleted song's file stops counting, and comes back with the song on an undo.
        touched = change.personal | change.added | change.removed
        if change.is_bulk:
            # Thousands of songs (a scan): the window takes in the change first, and their
            # file states follow in slices on the next turns (or at once when one is asked
            # for), so a keystroke queued behind the change does not wait for all of it.
            self._pending.extend(touched)
            self._pending_ids.update(touched)
            self._pending_gone |= change.catalog_replaced
            self._post_relinks()
        elif touched:
            self._unannounced |= self._relinked(touched)
            self._announce_relinks()
        self.changed.emit(change)

    def _post_relinks(self) -> None:
        if not self._relinks_posted:
            self._relinks_posted = True
            self.tasks.dispatcher.post(self, self._announce_relinks)

    def _settle_relinks(self, limit: int | None = None) -> None:
        if self._pending_gone:
            self._pending_gone = False
            gone = [s for s in self._states if s not in self.catalog.songs]
            self._pending.extend(gone)
            self._pending_ids.update(gone)
        if not self._pending:
            return
        cut = len(self._pending) if limit is None else limit
        now, self._pending = self._pending[:cut], self._pending[cut:]
        self._pending_ids.difference_update(now)
        self._unannounced |= self._relinked(now)

    def _settle_one(self, song_id: str) -> None:
        # One song asked for (a row being painted): just its state, not the whole change's.
        if song_id in self._pending_ids or (
            self._pending_gone and song_id in self._states and song_id not in self.catalog.songs
        ):
            self._pending_ids.discard(song_id)  # still in the list: a second look is a no-op
            self._unannounced |= self._relinked([song_id])

    def _announce_relinks(self) -> None:
        self._relinks_posted = False
        self._settle_relinks(_RELINK_SLICE)
        relinked, self._unannounced = self._unannounced, set()
        if relinked:
            self.audio_states_changed.emit(frozenset(relinked))
            self._to_check.update(s for s in relinked if self.library.audio_path(s))
        if self._pending:
            self._post_relinks()
        elif self._to_check:
            to_check, self._to_check = self._to_check, set()
            self.check_audio(list(to_check))

    def _relinked(self, song_ids: Iterable[str]) -> set[str]:
        # Once per song of a scan's one change, on the GUI thread: lookups hoisted.
        changed = set()
        songs, audio_path, known = self.catalog.songs, self.library.audio_path, self._paths
        for sid in song_ids:
            path = audio_path(sid) if sid in songs else None
            if path == known.get(sid):
                continue
            known[sid] = path
            self._put_state(sid, LINKED if path else NONE)
            changed.add(sid)
        return changed

    def close(self) -> None:
        self._unsubscribe()
        self.library.close()


def import_summary_text(summary: Any) -> str:
    """What an import merged (a MergeSummary, perhaps with its personal part), in the
    interface's language; in English the words of ``str(summary)``."""
    counts = (summary.songs_added, summary.songs_updated, summary.added, summary.updated)
    text = fill(
        tr(
            "LibraryIo",
            "%1 new songs, %2 songs updated (%3 entries added, %4 updated, %5 unchanged)",
        ),
        *(f"{n:,}" for n in (*counts, summary.unchanged)),
    )
    personal = getattr(summary, "personal", "")
    if personal:
        text = fill(tr("LibraryIo", "%1; your personal data: %2"), text, say(personal, "LibraryIo"))
    return text
