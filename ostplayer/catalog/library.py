"""The user's library: the catalog (library.json), personal data (personal.json) and play
history (history.jsonl) in one data directory.

The catalog is large and changes rarely (first launch, imports); personal data (audio links,
saved lyrics, offsets) is small and changes often; plays are the most frequent writes of all.
Keeping them in separate files means a frequent write never rewrites the big one.

A file that cannot be read is moved aside under a timestamped name, never overwritten or
deleted, and the library falls back to the last good backup or a fresh seed. Every fallback
is reported through ``notices`` so the window can tell the user what happened.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..domain.catalog_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SECTIONS,
    CatalogBuilder,
    CatalogFormatError,
    catalog_from_dict,
    catalog_to_dict,
)
from ..domain.models import Catalog, MergeSummary
from .events import ChangeHub, LibraryChange, ids
from .history import PlayHistory, PlayStats
from .store import (
    TableFile,
    UnreadableFile,
    aside_path,
    iter_documents,
    remove_stale_temp_files,
)

SCHEMA_VERSION = 1

# Raw-table migrations: MIGRATIONS[n] turns a schema-n library into schema n+1.
Migration = Callable[[dict[str, list[dict[str, Any]]]], dict[str, list[dict[str, Any]]]]
MIGRATIONS: dict[int, Migration] = {}


class LibraryError(Exception):
    pass


def read_catalog_file(
    path: Path, known: Catalog | None = None, progress: Callable[[int, int], None] | None = None
) -> Catalog:
    """Parse and validate a catalog file; raises CatalogFormatError naming what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogFormatError("", f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogFormatError("", f"{path.name} is not valid JSON: {exc}") from None
    return catalog_from_dict(data, known=known, progress=progress)


def write_catalog_file(path: Path, catalog: Catalog) -> None:
    from .store import atomic_write_bytes

    payload = json.dumps(catalog_to_dict(catalog), ensure_ascii=False, indent=1)
    atomic_write_bytes(path, payload.encode("utf-8"))


def move_aside(path: Path) -> Path:
    """Rename an unreadable file out of the way, keeping every earlier one too."""
    target = aside_path(path)
    os.replace(path, target)
    return target


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.backup{path.suffix}")


class LibraryTooNew(LibraryError):
    """Written by a newer OST Player: refused, and left exactly as it is."""


class Library:
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
        self.library_path = self.data_dir / "library.json"
        self.personal_path = self.data_dir / "personal.json"
        self.catalog = self._load_catalog()
        self._personal_file, self._personal = self._load_personal()
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.history = PlayHistory(self.state_dir / "history.jsonl")
        if self.history.skipped_lines:
            self.notices.append(
                f"{self.history.skipped_lines} unreadable line(s) in the play history were"
                f" skipped; all other plays were kept, and the history as it was is in"
                f" {self.history.damaged_copy}."
            )

    # --- loading and recovery ---------------------------------------------------------------

    def _load_catalog(self) -> Catalog:
        path = self.library_path
        if path.exists():
            try:
                catalog = self._read_library(path)
            except LibraryTooNew:
                raise
            except (UnreadableFile, CatalogFormatError, LibraryError) as exc:
                moved = move_aside(path)
                self.notices.append(
                    f"Your library file could not be read ({exc}). It was moved to {moved}"
                    " and nothing in it was deleted."
                )
            else:
                return catalog
        bak = backup_path(path)
        if bak.exists():
            try:
                catalog = self._read_library(bak)
            except (UnreadableFile, CatalogFormatError, LibraryError) as exc:
                # The fresh library written next would overwrite it: keep it too.
                moved = move_aside(bak)
                self.notices.append(
                    f"The backup could not be read either ({exc}); it was moved to {moved}."
                )
            else:
                self._write_catalog(catalog)
                when = time.strftime("%Y-%m-%d %H:%M", time.localtime(bak.stat().st_mtime))
                self.notices.append(f"The library was restored from the backup of {when}.")
                return catalog
        catalog = read_catalog_file(self.seed_path)
        self._write_catalog(catalog)
        if self.notices:
            self.notices.append("A fresh library was made from the bundled catalog.")
        return catalog

    def _check_version(self, version: Any) -> int:
        if isinstance(version, bool) or not isinstance(version, int):
            raise LibraryError("it records no schema version")
        if version < 1:
            raise LibraryError(f"it records an impossible schema version ({version})")
        if version > SCHEMA_VERSION:
            raise LibraryTooNew(
                f"The library in {self.data_dir} was written by a newer OST Player (schema"
                f" {version}; this one knows {SCHEMA_VERSION}). Update OST Player to open it;"
                " the file was left untouched."
            )
        return version

    def _read_library(self, path: Path) -> Catalog:
        # Garbage collection would rescan the growing heap many times while a big library
        # loads, for nothing: everything built here lives on. Off for the load (twice as fast).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            streamed = self._stream_library(path)
            return streamed if streamed is not None else self._read_library_whole(path)
        finally:
            if was_enabled:
                gc.enable()

    def _stream_library(self, path: Path) -> Catalog | None:
        """The fast path for files this app wrote (meta first, sections in order, ids rising).

        Returns None when the file is valid TinyDB but laid out otherwise (a hand edit, an
        older schema), for the general path to handle.
        """
        builder = CatalogBuilder()
        adders = {s: getattr(builder, f"add_{s}") for s in SECTIONS}
        order = ["meta", *SECTIONS]
        stage = 0
        last_table, last_id, count = "", 0, 0
        version_seen = False
        for table, doc_id, doc in iter_documents(path):
            if table != last_table:
                if table not in order or order.index(table) < stage:
                    return None
                stage = order.index(table)
                last_table, last_id, count = table, 0, 0
            try:
                number = int(doc_id)
            except ValueError:
                raise UnreadableFile(f"table {table!r} has a non-numeric document id") from None
            if number <= last_id:
                return None
            last_id = number
            if not isinstance(doc, dict):
                raise UnreadableFile(f"table {table!r} holds a non-object document")
            if table == "meta":
                if count or self._check_version(doc.get("schema_version")) != SCHEMA_VERSION:
                    return None
                version_seen = True
            elif not version_seen:
                return None  # the general path reports a missing version
            else:
                adders[table](doc, count)
            count += 1
        if not version_seen:
            raise LibraryError("it records no schema version")
        return builder.finish()

    def _read_library_whole(self, path: Path) -> Catalog:
        tables = TableFile(path).read_all()
        meta = tables.get("meta") or [{}]
        version = self._check_version(meta[0].get("schema_version"))
        migrated = version < SCHEMA_VERSION
        if migrated and path == self.library_path:
            # Keep the file as it was before the upgrade, under a name that says which schema.
            shutil.copy2(path, path.with_name(f"{path.stem}.schema{version}{path.suffix}"))
        while version < SCHEMA_VERSION:
            tables = MIGRATIONS[version](tables)
            version += 1
        data: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
        for section in SECTIONS:
            data[section] = tables.get(section, [])
        catalog = catalog_from_dict(data)
        if migrated and path == self.library_path:
            self._write_catalog(catalog)
            self.notices.append(f"The library was upgraded to schema {SCHEMA_VERSION}.")
        return catalog

    def _write_catalog(self, catalog: Catalog) -> None:
        data = catalog_to_dict(catalog)
        tables = {"meta": [{"schema_version": SCHEMA_VERSION, "written": time.time()}]}
        for section in SECTIONS:
            tables[section] = data[section]
        TableFile(self.library_path, backup_path(self.library_path)).replace_all(tables)

    def _load_personal(self) -> tuple[TableFile, dict[str, dict[str, Any]]]:
        path = self.personal_path
        damaged = False
        for attempt in (path, backup_path(path)):
            if not attempt.exists():
                continue
            try:
                rows = TableFile(attempt).read_all().get("songs", [])
                personal = {r["song"]: r for r in rows if isinstance(r.get("song"), str)}
            except UnreadableFile as exc:
                # Moved, not left: the next write would replace it with an empty file.
                moved = move_aside(attempt)
                damaged = True
                what = "Your personal data file" if attempt == path else "Its backup"
                self.notices.append(
                    f"{what} (audio links, saved lyrics) could not be read ({exc})."
                    f" It was moved to {moved}."
                )
                continue
            if attempt != path:
                shutil.copy2(attempt, path)
                self.notices.append("Audio links and saved lyrics were restored from a backup.")
            return TableFile(path, backup_path(path)), personal
        if damaged:
            self.notices.append(
                "No readable copy was left, so songs start with no audio links or saved lyrics;"
                " link your files again (the moved files keep the old data)."
            )
        return TableFile(path, backup_path(path)), {}

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
        old = self.catalog
        self.catalog = merged
        self.events.announce(_difference(old, merged, replaced=True))
        return summary

    def import_file(
        self, path: Path, progress: Callable[[int, int], None] | None = None
    ) -> MergeSummary:
        return self.import_catalog(read_catalog_file(path, self.catalog, progress))

    def export_file(self, path: Path) -> None:
        write_catalog_file(path, self.catalog)

    # --- personal data ----------------------------------------------------------------------

    def _require_song(self, song_id: str) -> None:
        if song_id not in self.catalog.songs:
            raise LibraryError(f"there is no song with id {song_id!r}")

    def _update_personal(self, song_id: str, **fields: Any) -> None:
        """One write for every field of one user action (lyrics and their offset reset
        together: a kill between two writes would pair the new lyrics with the old offset)."""
        self._require_song(song_id)
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
        absolute = str(Path(path).expanduser().absolute())
        self._update_personal(song_id, audio=absolute)
        return absolute

    def link_many(self, links: Mapping[str, Sequence[str]]) -> int:
        """Link many songs at once (a scan): song id -> its files, main file first.

        One write of the personal file, however many songs; returns how many changed.
        """
        for song_id in links:
            self._require_song(song_id)
        rows = dict(self._personal)
        changed = []
        for song_id, files in links.items():
            absolute = [str(Path(f).expanduser().absolute()) for f in files]
            if not absolute:
                continue
            row = dict(rows.get(song_id, {}), song=song_id, audio=absolute[0])
            row["files"] = absolute
            if row != rows.get(song_id):
                rows[song_id] = row
                changed.append(song_id)
        if changed:
            self._personal_file.replace_all({"songs": list(rows.values())})
            self._personal = rows
            self.events.announce(LibraryChange(personal=ids(changed)))
        return len(changed)

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
        self._personal_file.close()


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
