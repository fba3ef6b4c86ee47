"""A binary copy of the library's catalog beside it, so a big library opens fast.

Reading ``library.json`` means decoding every document's JSON and building every entry from
it: at 100,000 songs that was most of the time to the first usable window. This copy holds the
same catalog as plain tuples in ``marshal`` form, which Python reads many times faster, and
entries are built from it directly.

It is only ever a copy: written after the library file is written (or read without a copy),
used only while it belongs to that very file (size, modification and change times, inode and
the file's own checksum all as recorded) and its own checksum matches, and ignored otherwise; the library
file stays the one source. Nothing here raises: a missing, stale or damaged copy costs one slow
start, never an error. It lives in the state folder ($XDG_STATE_HOME/ostplayer).
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import re
import stat
import zlib
from pathlib import Path
from typing import Any

from ..domain.catalog_trusted import built_song
from ..domain.models import CastMember, Catalog, Credit, Drama, Feature, Person, Scene, Song
from ..media.regular_read import read_regular_file

log = logging.getLogger(__name__)

SNAPSHOT_NAME = "library.snapshot"
_MAGIC = b"OSTPLAYER-CATALOG-SNAPSHOT-1\n"
_MAX_BYTES = 1024**3
# The entries' fields, in order: code that changes a model no longer reads an older copy.
_LAYOUT = tuple(
    m.__slots__  # type: ignore[attr-defined]
    for m in (Person, CastMember, Drama, Scene, Credit, Song, Feature)
)
_CHECK_TAIL = re.compile(rb'"crc32":(\d+)\}\}\}\s*$')


def snapshot_path(state_dir: Path) -> Path:
    return state_dir / SNAPSHOT_NAME


def load_snapshot(snapshot: Path, library_file: Path, schema: int) -> Catalog | None:
    """The catalog of ``library_file`` (of this ``schema`` version) from its copy, or None
    when there is no usable one."""
    try:
        key = _file_key(library_file, schema)
        if key is None or not snapshot.exists():
            return None
        raw = read_regular_file(snapshot, _MAX_BYTES)
        if not raw.startswith(_MAGIC) or len(raw) < len(_MAGIC) + 4:
            return None
        start = len(_MAGIC) + 4
        payload = memoryview(raw)[start:]
        if zlib.crc32(payload) != int.from_bytes(raw[len(_MAGIC) : start], "big"):
            return None  # damaged, or cut short by a crash while it was written
        layout, written_for, rows = marshal.loads(payload)
        if layout != _LAYOUT or written_for != key:
            return None
        return _catalog(rows)
    except Exception as exc:  # never a reason not to open the library the slow way
        log.info("catalog snapshot %s not used: %s", snapshot, exc)
        return None


def save_snapshot(snapshot: Path, library_file: Path, catalog: Catalog, schema: int) -> None:
    """Write the copy of the catalog that ``library_file`` now holds (atomically, no fsync:
    a copy lost to a power cut fails its checksum and is written again)."""
    temp = snapshot.with_name(f".{snapshot.name}.{os.getpid()}.tmp")
    try:
        key = _file_key(library_file, schema)
        if key is None:
            return
        payload = marshal.dumps((_LAYOUT, key, _rows(catalog)))
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as fh:
            fh.write(_MAGIC + zlib.crc32(payload).to_bytes(4, "big"))
            fh.write(payload)
        os.replace(temp, snapshot)
    except Exception as exc:  # a full disk or a read-only folder: the next start reads JSON
        log.info("catalog snapshot %s not written: %s", snapshot, exc)
        with contextlib.suppress(OSError):
            temp.unlink()


def _file_key(path: Path, schema: int) -> tuple[int, ...] | None:
    """What identifies this library file as written: a copy made for another is not used.
    Never waits: a FIFO or a device in the library's place is no file of ours."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        os.lseek(fd, max(0, st.st_size - 96), os.SEEK_SET)
        found = _CHECK_TAIL.search(os.read(fd, 96))
    finally:
        os.close(fd)
    if found is None:
        return None  # no checksum: not a file this app wrote as it writes them now
    # ctime too: no tool can set it back, so a file changed in place and given its old
    # modification time again is still told apart.
    key = (schema, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, int(found.group(1)))
    return key


def _rows(c: Catalog) -> tuple[Any, ...]:
    return (
        tuple((p.id, p.name, p.kind, p.members, p.name_original, p.aliases) for p in c.people.values()),
        tuple(
            (d.id, d.title, d.year, tuple((m.id, m.actor, m.character) for m in d.cast),
             d.title_original, d.aliases, d.network, d.episodes)
            for d in c.dramas.values()
        ),
        tuple(
            (s.id, s.title, s.drama, s.ost_order, tuple((p.person, p.group) for p in s.performers),
             s.lyrics_excerpt, s.commentary, s.musical_character, s.characters, s.sung_by_cast,
             s.title_original, s.aliases, s.ost_part,
             tuple((x.episode, x.note, x.spoiler) for x in s.scenes))
            for s in c.songs.values()
        ),
        tuple((f.id, f.title, f.subtitle, f.introduction, f.songs, f.source) for f in c.features.values()),
    )  # fmt: skip


def _catalog(rows: tuple[Any, ...]) -> Catalog:
    people, dramas, songs, features = rows
    catalog = Catalog()
    catalog.people = {r[0]: Person(*r) for r in people}
    catalog.dramas = {
        r[0]: Drama(r[0], r[1], r[2], tuple(CastMember(*m) for m in r[3]), *r[4:]) for r in dramas
    }
    credits: dict[tuple[str, str | None], Credit] = {}  # equal credits are one object
    built: dict[str, Song] = {}
    for r in songs:
        sung = []
        for k in r[4]:
            credit = credits.get(k)
            if credit is None:
                credit = credits[k] = Credit(*k)
            sung.append(credit)
        scenes = tuple(Scene(*x) for x in r[13]) if r[13] else ()
        built[r[0]] = built_song(r[0], r[1], r[2], r[3], tuple(sung), *r[5:13], scenes)
    catalog.songs = built
    catalog.features = {r[0]: Feature(*r) for r in features}
    return catalog
