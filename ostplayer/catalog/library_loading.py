"""Opening the library's files, and what happens when one cannot be read.

A file that cannot be read is moved aside under a timestamped name, never overwritten or
deleted, and the library falls back to the last good backup or a fresh seed. Every fallback
is reported through ``notices`` so the window can tell the user what happened.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import time
from collections.abc import Callable
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
from ..domain.models import Catalog
from .store import TableFile, UnreadableFile, aside_path, iter_documents

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
    from ..media.atomic import atomic_write_bytes, json_bytes

    atomic_write_bytes(path, json_bytes(catalog_to_dict(catalog), indent=1))


def move_aside(path: Path) -> Path:
    """Rename an unreadable file out of the way, keeping every earlier one too."""
    target = aside_path(path)
    os.replace(path, target)
    return target


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.backup{path.suffix}")


class LibraryTooNew(LibraryError):
    """Written by a newer OST Player: refused, and left exactly as it is."""


class LibraryLoading:
    """The loading half of :class:`~ostplayer.catalog.library.Library`."""

    data_dir: Path
    seed_path: Path
    library_path: Path
    personal_path: Path
    notices: list[str]

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
