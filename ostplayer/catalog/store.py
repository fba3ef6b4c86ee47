"""TinyDB files with crash-safe writes. The only module in the project that imports tinydb.

TinyDB's JSONStorage rewrites its file in place (seek, write, truncate), so a crash or power cut
mid-write can leave a file that is neither the old nor the new version. ``AtomicJSONStorage``
writes a temporary file in the same directory, fsyncs it, renames it over the old one and fsyncs
the directory: at every instant the path holds one complete version.

Every file written here ends with a ``_check`` table holding the CRC-32 of everything before
it. A file whose checksum matches was written by this app and is parsed by the plain decoder;
one whose checksum does not match was damaged after it was written (a bit flip, an editor, a
disk error) and is refused like any unreadable file, even when it is still valid JSON, so that
no silent change of the user's data goes unnoticed. Files without the table (older versions,
hand-made ones) are parsed with limits (:mod:`ostplayer.domain.bounded_json`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import zlib
from collections.abc import Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from ..domain import bounded_json
from ..media.atomic import aside_path, atomic_write_bytes, fsync_dir, remove_stale_temp_files
from ..media.regular_read import NotARegularFile, read_regular_file

__all__ = [
    "AtomicJSONStorage",
    "DamagedFile",
    "TableFile",
    "UnreadableFile",
    "aside_path",
    "atomic_write_bytes",
    "dump_tables",
    "fsync_dir",
    "iter_documents",
    "read_documents",
    "read_store_text",
    "remove_stale_temp_files",
    "salvage_tables",
]

MAX_STORE_BYTES = 2 * 1024**3  # a 100,000-song library is ~55 MB; a bigger file is not ours
CHECK_TABLE = "_check"
ORPHANS = ""  # salvage_tables: documents whose table is unknown
_CHECK_KEY = b'"_check":'
_CHECK_TAIL = re.compile(rb'"_check":\{"1":\{"crc32":([0-9]{1,10})\}\}\}[ \t\r\n]*\Z')


class UnreadableFile(Exception):
    """A store file that exists but cannot be parsed into the expected shape."""


class DamagedFile(UnreadableFile):
    """A store file whose checksum does not match: changed after this app wrote it."""


class AtomicJSONStorage(Storage):
    """A TinyDB storage whose every write replaces the file atomically."""

    def __init__(self, path: str | os.PathLike[str], backup: Path | None = None) -> None:
        self.path = Path(path)
        self.backup = backup

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            text, verified = read_store_text(self.path)
        except FileNotFoundError:
            return None
        try:
            data = bounded_json.loads_trusted(text) if verified else bounded_json.loads(text)
        except ValueError as exc:  # JSONDecodeError and JSONLimitError both are
            raise UnreadableFile(f"{self.path.name} is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise UnreadableFile(f"{self.path.name} does not hold TinyDB tables")
        if verified:
            data.pop(CHECK_TABLE, None)
        return data

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        atomic_write_bytes(self.path, dump_tables(data), self.backup)

    def close(self) -> None:
        pass


def dump_tables(data: Mapping[str, Mapping[str, Any]]) -> bytes:
    """TinyDB JSON laid out one document per line (a reader can stream it, and salvage the
    lines of a damaged file one by one), ending in the ``_check`` table."""
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
        if name == CHECK_TABLE:
            continue
        rows = ",\n".join(f"{dumps(str(k))}:{dumps(doc)}" for k, doc in docs.items())
        parts.append(f"{dumps(name)}:{{\n{rows}}}")
    body = ("{" + ",\n".join(parts)).encode("utf-8")
    sep = ",\n" if parts else ""
    check = f'{sep}"{CHECK_TABLE}":{{"1":{{"crc32":{zlib.crc32(body)}}}}}}}\n'
    return body + check.encode("ascii")


def read_store_text(path: Path) -> tuple[str, bool]:
    """The file's JSON text, and whether it ends in a ``_check`` table that matches.

    FileNotFoundError when missing; UnreadableFile when empty, not UTF-8, not a regular file
    (a FIFO, a link to a device), too large, or damaged since it was written.
    """
    try:
        raw = read_regular_file(path, MAX_STORE_BYTES)
    except NotARegularFile as exc:
        raise UnreadableFile(str(exc)) from None
    if not raw.strip():
        # An empty file is what a crash during TinyDB's own first write leaves.
        raise UnreadableFile(f"{path.name} is empty")
    verified = False
    at = raw.rfind(_CHECK_KEY)
    if at >= 0:
        found = _CHECK_TAIL.match(raw, at)
        if found is None:
            raise DamagedFile(f"{path.name} was damaged (its checksum is unreadable)")
        end = at - 2 if raw[at - 2 : at] == b",\n" else at
        if zlib.crc32(memoryview(raw)[:end]) != int(found.group(1)):  # no 50 MB copy
            raise DamagedFile(
                f"{path.name} was damaged after it was written (its checksum does not match)"
            )
        verified = True
    try:
        return raw.decode("utf-8"), verified
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{path.name} is not valid JSON ({exc})") from None


_SPACE = re.compile(r"[ \t\n\r]*")


def iter_documents(path: Path) -> Iterator[tuple[str, str, Any]]:
    """(table, document id, document) for every document of a TinyDB file, in file order.

    Parses one document at a time with the C decoder, so a caller that turns each into an
    object holds the file's text and its own objects, never a second copy of every document
    as dicts. Raises UnreadableFile for anything that is not TinyDB's shape.
    """
    return read_documents(path)[1]


def read_documents(path: Path) -> tuple[bool, Iterator[tuple[str, str, Any]]]:
    """As :func:`iter_documents`, with whether the file's checksum proved this app wrote it
    (then its documents passed validation when they were written). The file is read, and
    its checksum checked, before this returns."""
    text, verified = read_store_text(path)
    return verified, _documents(path, text, verified)


def _documents(path: Path, text: str, verified: bool) -> Iterator[tuple[str, str, Any]]:
    raw_decode = bounded_json.decoder().raw_decode

    def checked_decode(text: str, pos: int) -> tuple[Any, int]:
        try:
            value, end = raw_decode(text, pos)
        except RecursionError:
            raise UnreadableFile(f"{path.name} is nested thousands of levels deep") from None
        if bounded_json.nesting_depth(value) > bounded_json.MAX_DEPTH:
            raise UnreadableFile(f"{path.name} is nested too deeply (at byte {pos})")
        return value, end

    # A file whose checksum matched is ours: the plain decoder, with no call in between.
    decode = json.JSONDecoder().raw_decode if verified else checked_decode

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
                if table != CHECK_TABLE:
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
    except ValueError as exc:  # JSONDecodeError, JSONLimitError
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
        with self._reading_for_a_write():
            self._db.table(table).upsert(doc, Query()[key] == value)

    def remove(self, table: str, key: str, value: str) -> None:
        with self._reading_for_a_write():
            self._db.table(table).remove(Query()[key] == value)

    @contextlib.contextmanager
    def _reading_for_a_write(self) -> Iterator[None]:
        # TinyDB reads the file before each change: if it was damaged while the app ran, the
        # change fails like any write that cannot be made (an OSError, nothing written), and
        # the next start repairs the file.
        try:
            yield
        except UnreadableFile as exc:
            raise OSError(
                errno.EIO, f"{exc}; nothing was changed, and restarting OST Player repairs it"
            ) from None

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        yield from (dict(doc) for doc in self._db.table(table).all())

    def close(self) -> None:
        self._db.close()


def has_checksum(path: Path) -> bool:
    """Whether the file ends in a ``_check`` table (written by this version or later)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(max(0, os.fstat(fh.fileno()).st_size - 96))
            return _CHECK_KEY in fh.read()
    except OSError:
        return False


_HEADER = re.compile(r'\{?("(?:[^"\\]|\\.)*"):\{\Z')
_DOC_END = re.compile(r"[ \t\r]*\}*[ \t\r]*,?[ \t\r]*\Z")


def salvage_tables(raw: bytes) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Every document that can still be read from a damaged file, and how many lines could
    not be: the one-document-per-line layout lets one bad line cost one document, not all.

    Only for files laid out as :func:`dump_tables` writes them; anything else salvages nothing.
    Documents whose table's name was on a damaged line are under :data:`ORPHANS`.
    """
    tables: dict[str, list[dict[str, Any]]] = {}
    damaged = 0
    current: list[dict[str, Any]] | None = None
    decode = bounded_json.decoder().raw_decode
    for line_bytes in raw.split(b"\n"):
        try:
            line = line_bytes.decode("utf-8").strip()
        except UnicodeDecodeError:
            damaged += 1
            continue
        if line.rstrip(",") in ("", "}", "}}"):
            current = None if "}" in line else current  # an empty table's end
            continue
        if line.lstrip("{").startswith(f'"{CHECK_TABLE}":'):
            continue
        header = _HEADER.match(line.rstrip(","))
        if header is not None:
            try:
                name = json.loads(header.group(1))
            except ValueError:
                damaged += 1
                current = None
                continue
            current = tables.setdefault(name, [])
            continue
        try:
            doc_id, pos = decode(line, 0)
            if not isinstance(doc_id, str) or not doc_id.isdigit() or line[pos : pos + 1] != ":":
                raise ValueError
            doc, pos = decode(line, pos + 1)
            if not isinstance(doc, dict) or not _DOC_END.match(line, pos):
                raise ValueError
            if bounded_json.nesting_depth(doc) > bounded_json.MAX_DEPTH:
                raise ValueError
        except (ValueError, RecursionError):
            damaged += 1
            continue
        if current is None:
            # Its table's name was on a damaged line: kept under "", for the caller to place.
            current = tables.setdefault(ORPHANS, [])
        current.append(doc)
        if "}" in line[pos:]:
            current = None  # the table closed on this line
    return tables, damaged
