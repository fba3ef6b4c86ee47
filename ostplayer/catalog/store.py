"""TinyDB files with crash-safe writes. The only module in the project that imports tinydb.

TinyDB's JSONStorage rewrites its file in place (seek, write, truncate), so a crash or power cut
mid-write can leave a file that is neither the old nor the new version. ``AtomicJSONStorage``
writes a temporary file in the same directory, fsyncs it, renames it over the old one and fsyncs
the directory: at every instant the path holds one complete version.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from ..media.atomic import aside_path, atomic_write_bytes, fsync_dir, remove_stale_temp_files

__all__ = [
    "AtomicJSONStorage",
    "TableFile",
    "UnreadableFile",
    "aside_path",
    "atomic_write_bytes",
    "dump_tables",
    "fsync_dir",
    "iter_documents",
    "remove_stale_temp_files",
]


class UnreadableFile(Exception):
    """A store file that exists but cannot be parsed into the expected shape."""


class AtomicJSONStorage(Storage):
    """A TinyDB storage whose every write replaces the file atomically."""

    def __init__(self, path: str | os.PathLike[str], backup: Path | None = None) -> None:
        self.path = Path(path)
        self.backup = backup

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            # An empty file is what a crash during TinyDB's own first write leaves.
            raise UnreadableFile(f"{self.path.name} is empty")
        try:
            data = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UnreadableFile(f"{self.path.name} is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise UnreadableFile(f"{self.path.name} does not hold TinyDB tables")
        return data

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        atomic_write_bytes(self.path, dump_tables(data).encode("utf-8"), self.backup)

    def close(self) -> None:
        pass


def dump_tables(data: Mapping[str, Mapping[str, Any]]) -> str:
    """Plain TinyDB JSON, laid out one document per line so a reader can stream it."""
    readable = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    escaped = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode

    def dumps(value: Any) -> str:
        # A file name that is not valid UTF-8 holds lone surrogates: escaped, it survives.
        text = readable(value)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return escaped(value)
        return text

    parts = []
    for name, docs in data.items():
        rows = ",\n".join(f"{dumps(str(k))}:{dumps(doc)}" for k, doc in docs.items())
        parts.append(f"{dumps(name)}:{{\n{rows}}}")
    return "{" + ",\n".join(parts) + "}\n"


_SPACE = re.compile(r"[ \t\n\r]*")


def iter_documents(path: Path) -> Iterator[tuple[str, str, Any]]:
    """(table, document id, document) for every document of a TinyDB file, in file order.

    Parses one document at a time with the C decoder, so a caller that turns each into an
    object holds the file's text and its own objects, never a second copy of every document
    as dicts. Raises UnreadableFile for anything that is not TinyDB's shape.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{path.name} is not valid JSON ({exc})") from None
    if not text.strip():
        raise UnreadableFile(f"{path.name} is empty")
    decode = json.JSONDecoder().raw_decode
    skip = _SPACE.match

    def expect(pos: int, char: str) -> int:
        pos = skip(text, pos).end()
        if text[pos : pos + 1] != char:
            raise UnreadableFile(f"{path.name} does not hold TinyDB tables (at byte {pos})")
        return skip(text, pos + 1).end()

    def key(pos: int) -> tuple[str, int]:
        value, pos = decode(text, pos)
        if not isinstance(value, str):
            raise UnreadableFile(f"{path.name} does not hold TinyDB tables")
        return value, expect(pos, ":")

    try:
        pos = expect(0, "{")
        more_tables = text[pos : pos + 1] != "}"
        while more_tables:
            table, pos = key(pos)
            pos = expect(pos, "{")
            more_docs = text[pos : pos + 1] != "}"
            while more_docs:
                doc_id, pos = key(pos)
                doc, pos = decode(text, pos)
                yield table, doc_id, doc
                pos = skip(text, pos).end()
                more_docs = text[pos : pos + 1] == ","
                if more_docs:
                    pos = skip(text, pos + 1).end()
            pos = expect(pos, "}")
            more_tables = text[pos : pos + 1] == ","
            if more_tables:
                pos = skip(text, pos + 1).end()
        pos = expect(pos, "}")
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"{path.name} is not valid JSON ({exc})") from None
    if pos != len(text):
        raise UnreadableFile(f"{path.name} has data after its end (at byte {pos})")


class TableFile:
    """One TinyDB file used as a set of tables of documents keyed by a stable ``key`` field.

    TinyDB's integer document ids are reused after deletes, so they never identify anything;
    the stable id lives in the document.
    """

    def __init__(self, path: Path, backup: Path | None = None) -> None:
        self.path = path
        self._db = TinyDB(path, storage=AtomicJSONStorage, backup=backup)

    def read_all(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's documents in insertion order; raises UnreadableFile."""
        raw = self._db.storage.read() or {}
        out: dict[str, list[dict[str, Any]]] = {}
        for name, docs in raw.items():
            try:
                ids = [int(k) for k in docs]
            except ValueError:
                raise UnreadableFile(f"table {name!r} has a non-numeric document id") from None
            values = list(docs.values())
            # Files this app writes are already in id order; only foreign ones need sorting.
            if any(a > b for a, b in pairwise(ids)):
                values = [
                    doc for _, doc in sorted(zip(ids, values, strict=True), key=lambda kv: kv[0])
                ]
            if not all(isinstance(doc, dict) for doc in values):
                raise UnreadableFile(f"table {name!r} holds a non-object document")
            out[name] = values
        return out

    def replace_all(self, tables: Mapping[str, list[dict[str, Any]]]) -> None:
        """Write every table in one atomic file replacement (one write, not one per row)."""
        data = {
            name: {str(i): doc for i, doc in enumerate(docs, start=1)}
            for name, docs in tables.items()
        }
        self._db.storage.write(data)
        self._db.clear_cache()

    def upsert(self, table: str, key: str, value: str, fields: dict[str, Any]) -> None:
        doc = dict(fields)
        doc[key] = value
        self._db.table(table).upsert(doc, Query()[key] == value)

    def remove(self, table: str, key: str, value: str) -> None:
        self._db.table(table).remove(Query()[key] == value)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        yield from (dict(doc) for doc in self._db.table(table).all())

    def close(self) -> None:
        self._db.close()
