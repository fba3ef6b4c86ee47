"""Opening the library's files, and what happens when one cannot be read.

A file that cannot be read is moved aside under a timestamped name, never overwritten or
deleted, and the library falls back to the last good backup or a fresh seed. Every fallback
is reported through ``notices`` so the window can tell the user what happened.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..domain.catalog_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SECTIONS,
    CatalogBuilder,
    CatalogFormatError,
    catalog_from_dict,
    catalog_to_dict,
)
from ..domain.catalog_trusted import TrustedCatalogBuilder
from ..domain.models import Catalog
from ..media.regular_read import read_regular_file
from .catalog_snapshot import load_snapshot, save_snapshot, snapshot_path
from .personal_rows import clean_personal_rows
from .salvage import salvage_catalog
from .store import (
    MAX_STORE_BYTES,
    DamagedFile,
    TableFile,
    UnreadableFile,
    aside_path,
    has_checksum,
    read_documents,
    salvage_tables,
)

SCHEMA_VERSION = 1
MAX_CATALOG_BYTES = 1024**3  # a 100,000-song catalog file is ~55 MB

# Raw-table migrations: MIGRATIONS[n] turns a schema-n library into schema n+1.
Migration = Callable[[dict[str, list[dict[str, Any]]]], dict[str, list[dict[str, Any]]]]
MIGRATIONS: dict[int, Migration] = {}


class LibraryError(Exception):
    pass


def read_catalog_file(
    path: Path, known: Catalog | None = None, progress: Callable[[int, int], None] | None = None
) -> Catalog:
    """Parse and validate a catalog file; raises CatalogFormatError naming what is wrong."""
    return catalog_from_dict(read_catalog_data(path), known=known, progress=progress)


def read_catalog_data(path: Path) -> Any:
    """A catalog file's JSON, not yet validated (an export may carry more than a catalog);
    raises CatalogFormatError saying why it cannot be read."""
    try:
        raw = read_regular_file(path, MAX_CATALOG_BYTES)
    except OSError as exc:
        raise CatalogFormatError("", f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
        data = bounded_json.loads(text)
    except UnicodeDecodeError as exc:
        raise CatalogFormatError("", f"{path.name} is not UTF-8 text ({exc.reason})") from None
    except bounded_json.JSONLimitError as exc:
        raise CatalogFormatError("", f"{path.name} cannot be imported: {exc}") from None
    except json.JSONDecodeError as exc:
        raise CatalogFormatError("", f"{path.name} is not valid JSON: {exc}") from None
    if bounded_json.may_hold_lone_surrogates(text):
        found = bounded_json.first_lone_surrogate(data)
        if found is not None:
            keys, char = found
            raise CatalogFormatError(
                _location(data, keys),
                f"holds {char}, half of a character (a lone surrogate); the file's text was"
                " damaged or written with a broken encoder",
            )
    return data


def write_catalog_file(path: Path, catalog: Catalog) -> None:
    """An export, in a folder of the user's: a kill or a full disk leaves no temporary file."""
    from ..media.atomic import json_bytes, write_file_atomically

    write_file_atomically(path, json_bytes(catalog_to_dict(catalog), indent=1))


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
    state_dir: Path  # where the catalog's fast copy lives (see .catalog_snapshot)
    seed_path: Path
    library_path: Path
    personal_path: Path
    notices: list[str]

    # --- loading and recovery ---------------------------------------------------------------

    def _load_catalog(self) -> Catalog:
        path = self.library_path
        damaged: list[Path] = []
        if path.exists():
            try:
                catalog = self._read_library(path)
            except LibraryTooNew:
                raise
            except (UnreadableFile, CatalogFormatError, LibraryError) as exc:
                moved = move_aside(path)
                damaged.append(moved)
                self.notices.append(
                    f"Your library file could not be read ({exc}). It was moved to {moved}"
                    " and nothing in it was deleted."
                )
            else:
                if not has_checksum(path):
                    self._rewrite_quietly(catalog)  # once: later starts can verify it
                return catalog
        bak = backup_path(path)
        if bak.exists():
            try:
                catalog = self._read_library(bak)
            except LibraryTooNew:
                raise
            except (UnreadableFile, CatalogFormatError, LibraryError) as exc:
                # The fresh library written next would overwrite it: keep it too.
                moved = move_aside(bak)
                damaged.append(moved)
                self.notices.append(
                    f"The backup could not be read either ({exc}); it was moved to {moved}."
                )
            else:
                self._write_catalog(catalog)
                when = time.strftime("%Y-%m-%d %H:%M", time.localtime(bak.stat().st_mtime))
                self.notices.append(f"The library was restored from the backup of {when}.")
                return catalog
        seed = read_catalog_file(self.seed_path)
        for moved in damaged:
            salvaged = salvage_catalog(moved, SCHEMA_VERSION)
            if salvaged is not None and salvaged.kept:
                catalog = _over_seed(salvaged.catalog, seed)
                self._write_catalog(catalog)
                self.notices.append(salvaged.notice(moved))
                return catalog
        catalog = seed
        self._write_catalog(catalog)
        if self.notices:
            self.notices.append("A fresh library was made from the bundled catalog.")
        return catalog

    def _rewrite_quietly(self, catalog: Catalog) -> None:
        # The same content with a checksum; if the disk refuses, the old file still serves.
        with contextlib.suppress(OSError):
            self._write_catalog(catalog)

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
            if path == self.library_path:
                copy = load_snapshot(snapshot_path(self.state_dir), path, SCHEMA_VERSION)
                if copy is not None:
                    return copy  # the same catalog, read many times faster
            streamed = self._stream_library(path)
            return streamed if streamed is not None else self._read_library_whole(path)
        except DamagedFile:
            # A newer version's file is refused untouched, whatever its checksum says.
            version = _peek_schema_version(path)
            if version is not None:
                self._check_version(version)
            raise
        finally:
            if was_enabled:
                gc.enable()

    def _stream_library(self, path: Path) -> Catalog | None:
        """The fast path for files this app wrote (meta first, sections in order, ids rising).

        Returns None when the file is valid TinyDB but laid out otherwise (a hand edit, an
        older schema), for the general path to handle.
        """
        verified, documents = read_documents(path)
        # A file whose checksum matched was validated when it was written (see
        # domain/catalog_trusted.py): its songs are not checked field by field again.
        builder = TrustedCatalogBuilder() if verified else CatalogBuilder()
        adders = {s: getattr(builder, f"add_{s}") for s in SECTIONS}
        order = ["meta", *SECTIONS]
        stage = 0
        last_table, last_id, count = "", 0, 0
        version_seen = False
        for table, doc_id, doc in documents:
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
        catalog = builder.finish()
        if verified and path == self.library_path:
            save_snapshot(snapshot_path(self.state_dir), path, catalog, SCHEMA_VERSION)
        return catalog

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
        save_snapshot(snapshot_path(self.state_dir), self.library_path, catalog, SCHEMA_VERSION)

    def _load_personal(self) -> tuple[TableFile, dict[str, dict[str, Any]]]:
        path = self.personal_path
        damaged: list[Path] = []
        rows: list[Any] | None = None
        source = path
        for attempt in (path, backup_path(path)):
            if not attempt.exists():
                continue
            try:
                rows = TableFile(attempt).read_all().get("songs", [])
            except UnreadableFile as exc:
                # Moved, not left: the next write would replace it with an empty file.
                moved = move_aside(attempt)
                damaged.append(moved)
                what = "Your personal data file" if attempt == path else "Its backup"
                self.notices.append(
                    f"{what} (audio links, saved lyrics) could not be read ({exc})."
                    f" It was moved to {moved}."
                )
                continue
            source = attempt
            break
        if rows is None and damaged:
            return self._salvage_personal(damaged)
        personal, problems = clean_personal_rows(rows or [])
        table = TableFile(path, backup_path(path))
        if problems:
            kept = aside_path(source)
            shutil.copy2(source, kept)
            self.notices.append(
                f"Some of your personal data held values that cannot be right ({_some(problems)});"
                f" they were dropped and everything else was kept. The file as it was is in"
                f" {kept}."
            )
            self._write_personal_rows(table, personal)
        elif source != path:
            shutil.copy2(source, path)
            self.notices.append("Audio links and saved lyrics were restored from a backup.")
        elif rows is not None and not has_checksum(path):
            self._write_personal_rows(table, personal, quietly=True)
        return table, personal

    def _salvage_personal(self, damaged: list[Path]) -> tuple[TableFile, dict[str, dict[str, Any]]]:
        table = TableFile(self.personal_path, backup_path(self.personal_path))
        for moved in damaged:
            try:
                tables, lost = salvage_tables(read_regular_file(moved, MAX_STORE_BYTES))
            except OSError:
                continue
            # Rows under a torn table name count too: this file has no other table.
            rows = [row for docs in tables.values() for row in docs if "song" in row]
            personal, problems = clean_personal_rows(rows)
            if not personal:
                continue
            self._write_personal_rows(table, personal)
            dropped = lost + len(problems)
            rest = (
                f"{dropped} damaged part(s) of it could not be read and were left out (they"
                " stay in that file)."
                if dropped
                else "every line of it could be read, but it was changed after OST Player wrote"
                " it: check the links and lyrics you rely on."
            )
            self.notices.append(
                f"The audio links and saved lyrics of {len(personal)} song(s) were read back"
                f" from {moved}; {rest}"
            )
            return table, personal
        self.notices.append(
            "No readable copy was left, so songs start with no audio links or saved lyrics;"
            " link your files again (the moved files keep the old data)."
        )
        return table, {}

    def _write_personal_rows(
        self, table: TableFile, personal: dict[str, dict[str, Any]], *, quietly: bool = False
    ) -> None:
        try:
            table.replace_all({"songs": list(personal.values())})
        except OSError as exc:
            if not quietly:
                self.notices.append(
                    f"The repaired personal data could not be saved ({exc.strerror or exc});"
                    " it is used for now and the repair is tried again next time."
                )


def _some(problems: list[str], shown: int = 3) -> str:
    more = len(problems) - shown
    return "; ".join(problems[:shown]) + (f"; and {more} more" if more > 0 else "")


def _over_seed(salvaged: Catalog, seed: Catalog) -> Catalog:
    """The bundled catalog with what was read back on top (what was read back wins)."""
    merged = Catalog(dict(seed.people), dict(seed.dramas), dict(seed.songs), dict(seed.features))
    merged.merge(salvaged)
    try:
        return catalog_from_dict(catalog_to_dict(merged))
    except CatalogFormatError:
        return salvaged  # a read-back entry disagrees with the bundled one: keep ours alone


_SCHEMA_VERSION = re.compile(rb'"schema_version"\s*:\s*(-?[0-9]{1,18})[,}\s]')


def _peek_schema_version(path: Path) -> int | None:
    """The schema version a file's meta records, read without trusting anything else in it."""
    try:
        with open(path, "rb") as fh:
            found = _SCHEMA_VERSION.search(fh.read(4096))
    except OSError:
        return None
    return int(found.group(1)) if found else None


def _location(data: Any, keys: list[str | int]) -> str:
    """ "songs[3] 'its-you': field 'title'", as validation errors name places."""
    if len(keys) >= 3 and isinstance(keys[0], str) and isinstance(keys[1], int):
        entry = data[keys[0]][keys[1]]
        ident = entry.get("id") if isinstance(entry, dict) else None
        where = f"{keys[0]}[{keys[1]}]" + (f" {ident!r}" if isinstance(ident, str) else "")
        rest = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys[3:])
        return f"{where}: field {str(keys[2]) + rest!r}"
    return ".".join(str(k) for k in keys)
