"""The user's library: the catalog (library.json), personal data (personal.json) and play
history (history.jsonl) in one data directory.

The catalog is large and changes rarely (first launch, imports, scans); personal data (audio
links, saved lyrics, offsets) is small and changes often; plays are the most frequent writes of
all. Keeping them in separate files means a frequent write never rewrites the big one. Opening
them, and recovering from damage, is :mod:`.library_loading`'s.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..domain.catalog_format import CatalogFormatError, catalog_from_dict, catalog_to_dict
from ..domain.models import Catalog, MergeSummary
from ..domain.personal_export import ImportSummary
from .edits import JOURNAL_NAME, CatalogEdits
from .events import ChangeHub, LibraryChange, ids
from .history import PlayHistory, PlayStats
from .library_loading import (
    SCHEMA_VERSION,
    LibraryError,
    LibraryLoading,
    LibraryTooNew,
    backup_path,
    move_aside,
    read_catalog_file,
    write_catalog_file,
)
from .open_failure import LibraryOpenFailed, naming_the_file
from .personal_dramas import DRAMAS_NAME, DramaPersonal
from .personal_edits import PersonalCatalogEdits
from .personal_transfer import export_with_personal, import_personal, read_export_file
from .store import remove_stale_temp_files

__all__ = [
    "SCHEMA_VERSION",
    "Library",
    "LibraryError",
    "LibraryOpenFailed",
    "LibraryTooNew",
    "backup_path",
    "move_aside",
    "read_catalog_file",
    "write_catalog_file",
]


class Library(LibraryLoading):
    @naming_the_file  # an unforeseen failure is a message naming self.opening, not a traceback
    def __init__(self, data_dir: Path, seed_path: Path, state_dir: Path | None = None) -> None:
        """``state_dir`` holds the play history ($XDG_STATE_HOME/ostplayer); the data
        directory itself when not given (``--data-dir``, tests)."""
        self.data_dir = Path(data_dir)
        self.seed_path = Path(seed_path)
        self.state_dir = Path(state_dir) if state_dir is not None else self.data_dir
        self.notices: list[str] = []
        self.events = ChangeHub()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        # The caller holds the data directory's lock, so no live writer owns these.
        remove_stale_temp_files(self.data_dir)
        # Imports run on a worker thread; two at once must merge one after the other.
        self._write_lock = threading.Lock()
        # Personal data is written from the GUI thread (a link) and from a scan's thread.
        self._personal_lock = threading.RLock()
        self.library_path = self.data_dir / "library.json"
        self.personal_path = self.data_dir / "personal.json"
        self.opening = self.library_path  # the file being read, should reading it fail
        self.catalog = self._load_catalog()
        self.opening = self.personal_path
        self._personal_file, self._personal = self._load_personal()
        self.opening = self.data_dir / DRAMAS_NAME
        self.drama_personal = DramaPersonal(self.opening, self.notices)  # notes on dramas
        self.state_dir.mkdir(parents=True, exist_ok=True)
        if self.state_dir != self.data_dir:  # the history's and the queue's killed writers
            remove_stale_temp_files(self.state_dir)
        self.opening = self.state_dir / "history.jsonl"
        self.history = PlayHistory(self.opening)
        if self.history.unusable:
            self.notices.append(self.history.unusable)
        if self.history.skipped_lines:
            self.notices.append(
                f"{self.history.skipped_lines} unreadable line(s) in the play history were"
                f" skipped; all other plays were kept, and the history as it was is in"
                f" {self.history.damaged_copy}."
            )
        # Catalog edits: journalled one line each, replayed over the file (see .edits); the
        # subclass also writes the notes on dramas an edit carries (see .personal_edits).
        self.opening = self.data_dir / JOURNAL_NAME
        self.edits: CatalogEdits = PersonalCatalogEdits(self)

    # --- catalog ----------------------------------------------------------------------------

    def import_catalog(self, incoming: Catalog) -> MergeSummary:
        """Merge by id and write the library once."""
        with self._write_lock:
            return self._merge_and_write(incoming)

    def _merge_and_write(self, incoming: Catalog) -> MergeSummary:
        merged = Catalog(
            dict(self.catalog.people),
            dict(self.catalog.dramas),
            dict(self.catalog.songs),
            dict(self.catalog.features),
        )
        summary = merged.merge(incoming)
        # An update can drop a cast member that another library song still names: check the
        # merged whole, so an import never writes a library that would not open again.
        try:
            catalog_from_dict(catalog_to_dict(merged))
        except CatalogFormatError as exc:
            raise CatalogFormatError(
                exc.location, f"{exc.message} (in the library once this file is merged)"
            ) from None
        self._write_catalog(merged)
        self.edits.after_full_write()
        old = self.catalog
        self.catalog = merged
        self.events.announce(_difference(old, merged, replaced=True))
        return summary

    def import_file(
        self, path: Path, progress: Callable[[int, int], None] | None = None
    ) -> MergeSummary:
        """Merge a catalog file, and the personal data it carries if any (checked whole
        before anything is written: a bad value refuses the file, naming the field)."""
        catalog, personal = read_export_file(path, self.catalog, progress)
        summary = self.import_catalog(catalog)
        if personal is None:
            return summary
        return ImportSummary.of(summary, import_personal(self, personal))

    def export_file(self, path: Path, *, include_personal: bool = False) -> None:
        """The catalog; with ``include_personal``, the user's own data in its own section
        (hearts, ratings, notes, plays, file paths): only ever when they asked for it."""
        if include_personal:
            export_with_personal(self, path)
        else:
            write_catalog_file(path, self.catalog)

    # --- notes on dramas ----------------------------------------------------------------------

    def drama_notes(self, drama_id: str) -> str:
        return self.drama_personal.notes(drama_id)

    # --- personal data ----------------------------------------------------------------------

    def _require_song(self, song_id: str) -> None:
        if song_id not in self.catalog.songs:
            raise LibraryError(f"there is no song with id {song_id!r}")

    def _update_personal(self, song_id: str, **fields: Any) -> None:
        """One write for every field of one user action (lyrics and their offset reset
        together: a kill between two writes would pair the new lyrics with the old offset)."""
        self._require_song(song_id)
        with self._personal_lock:
            row = dict(self._personal.get(song_id, {}))
            row.update(fields)
            row["song"] = song_id
            self._personal_file.upsert("songs", "song", song_id, row)
            self._personal[song_id] = row
        self.events.announce(LibraryChange(personal=ids([song_id])))

    def personal(self, song_id: str) -> dict[str, Any]:
        """A copy of the song's personal row (audio, files, lyrics, offsets…)."""
        return dict(self._personal.get(song_id, {}))

    def update_personal(self, song_id: str, **fields: Any) -> None:
        self._update_personal(song_id, **fields)

    def update_personal_many(self, fields_by_song: Mapping[str, Mapping[str, Any]]) -> None:
        """Fields of many songs in one write (a bulk lyrics fetch): the personal file is
        rewritten whole on every write, so one per song would cost O(n) each."""
        for song_id in fields_by_song:
            self._require_song(song_id)
        if not fields_by_song:
            return
        with self._personal_lock:
            rows = dict(self._personal)
            for song_id, fields in fields_by_song.items():
                rows[song_id] = {**rows.get(song_id, {}), **fields, "song": song_id}
            self._personal_file.replace_all({"songs": list(rows.values())})
            self._personal = rows
        self.events.announce(LibraryChange(personal=ids(fields_by_song)))

    def audio_path(self, song_id: str) -> str | None:
        return self._personal.get(song_id, {}).get("audio")

    def audio_files(self, song_id: str) -> list[str]:
        """Every linked copy of the song (the main one first)."""
        row = self._personal.get(song_id, {})
        files = [f for f in row.get("files", ()) if isinstance(f, str)]
        main = row.get("audio")
        if main and main not in files:
            files.insert(0, main)
        return files

    def linked_song_ids(self) -> list[str]:
        return [sid for sid, row in self._personal.items() if row.get("audio")]

    def link(self, song_id: str, path: str | os.PathLike[str]) -> str:
        absolute = _absolute(path)
        self._update_personal(song_id, audio=absolute)
        return absolute

    def link_many(self, links: Mapping[str, Sequence[str]]) -> int:
        """Link many songs at once (a scan): song id -> its files, main file first.

        One write of the personal file, however many songs; returns how many changed. An
        empty list unlinks the song (its files are gone); its lyrics, notes and plays stay.
        """
        for song_id in links:
            self._require_song(song_id)
        with self._personal_lock:
            changed = self._link_many_locked(links)
        if changed:
            self.events.announce(LibraryChange(personal=ids(changed)))
        return len(changed)

    def _link_many_locked(self, links: Mapping[str, Sequence[str]]) -> list[str]:
        rows = dict(self._personal)
        changed = []
        for song_id, files in links.items():
            absolute = [_absolute(f) for f in files]
            if absolute:
                row = dict(rows.get(song_id, {}), song=song_id, audio=absolute[0])
                row["files"] = absolute
            elif rows.get(song_id, {}).get("audio"):
                row = dict(rows[song_id], audio=None, files=[])
            else:
                continue
            if row != rows.get(song_id):
                rows[song_id] = row
                changed.append(song_id)
        if changed:
            self._personal_file.replace_all({"songs": list(rows.values())})
            self._personal = rows
        return changed

    def unlink(self, song_id: str) -> None:
        self._update_personal(song_id, audio=None, files=[])

    def saved_lyrics(self, song_id: str) -> str | None:
        return self._personal.get(song_id, {}).get("lyrics")

    def set_saved_lyrics(
        self, song_id: str, text: str | None, *, reset_offset: bool = False
    ) -> None:
        if reset_offset:
            self._update_personal(song_id, lyrics=text, lyrics_offset_ms=0)
        else:
            self._update_personal(song_id, lyrics=text)

    def favourite_song_ids(self) -> list[str]:
        return [sid for sid, row in self._personal.items() if row.get("favourite") is True]

    def saved_lyrics_by_song(self) -> dict[str, str]:
        return {
            sid: row["lyrics"]
            for sid, row in self._personal.items()
            if isinstance(row.get("lyrics"), str) and row["lyrics"]
        }

    def lyrics_offset(self, song_id: str) -> int:
        value = self._personal.get(song_id, {}).get("lyrics_offset_ms", 0)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def set_lyrics_offset(self, song_id: str, ms: int) -> None:
        self._update_personal(song_id, lyrics_offset_ms=int(ms))

    # --- history ----------------------------------------------------------------------------

    def record_play(self, song_id: str, at: float | None = None) -> PlayStats:
        self._require_song(song_id)
        stats = self.history.record(song_id, at)
        self.events.announce(LibraryChange(played=ids([song_id])))
        return stats

    def play_stats(self, song_id: str) -> PlayStats:
        return self.history.get(song_id)

    def close(self) -> None:
        self.edits.fold()  # closing is the quiet moment to write journalled edits whole
        self._personal_file.close()
        self.drama_personal.close()


def _difference(old: Catalog, new: Catalog, *, replaced: bool = False) -> LibraryChange:
    """Which entries differ between two catalogs (by id and value)."""

    def diff(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[set[str], set[str], set[str]]:
        added = {k for k in b if k not in a}
        removed = {k for k in a if k not in b}
        changed = {k for k in b if k in a and a[k] != b[k]}
        return added, changed, removed

    s_added, s_changed, s_removed = diff(old.songs, new.songs)
    d_added, d_changed, d_removed = diff(old.dramas, new.dramas)
    p_added, p_changed, p_removed = diff(old.people, new.people)
    return LibraryChange(
        added=ids(s_added),
        changed=ids(s_changed),
        removed=ids(s_removed),
        dramas=ids(d_added | d_changed | d_removed),
        people=ids(p_added | p_changed | p_removed),
        catalog_replaced=replaced,
    )


# An absolute POSIX path as pathlib spells it: no empty or "." parts, no trailing slash.
_SPELLED = re.compile(r"(?:/(?!\.(?:/|$))[^/]+)+")


def _absolute(path: str | os.PathLike[str]) -> str:
    """A linked file's path as it is kept: absolute, "~" expanded, spelled as pathlib does.
    A scan's paths are so already; checked with one pattern (making a Path of each of a
    scan's 10,000 files cost 0.1 s of the write)."""
    text = os.fspath(path)
    if _SPELLED.fullmatch(text):
        return text
    return str(Path(text).expanduser().absolute())
