"""Writing a file so that a crash, a kill or a full disk leaves the old or the new version.

Every writer in the app goes through here: the library's TinyDB files, the play history's
compaction, settings-like state files, exported catalogs and exported ``.lrc`` files.

Two ways to get a temporary file:

* In the app's own data folder a uniquely named hidden temporary file is fine: the folder is
  locked while the app runs, and the next start removes what a killed writer left
  (:func:`remove_stale_temp_files`).
* In a folder that belongs to the user (an export next to their music, a catalog they chose to
  save), a kill must leave nothing behind that nobody will ever clean up. Where Linux supports
  it, the data goes to an unnamed ``O_TMPFILE`` inode that only gets a name once complete
  (``linkat`` through ``/proc/self/fd``); elsewhere a temporary file is removed on every failure
  path (a kill -9 between creation and rename can still leave one there, named so that the
  user can tell what it is).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = [
    "aside_path",
    "atomic_write_bytes",
    "fsync_dir",
    "json_bytes",
    "remove_stale_temp_files",
    "write_file_atomically",
]


def json_bytes(value: Any, **options: Any) -> bytes:
    """``value`` as UTF-8 JSON, readable Hangul where possible.

    A file name that is not valid UTF-8 comes into Python with lone surrogates ("\\udce9"),
    which UTF-8 cannot encode; JSON's ASCII escapes can, and read back the very same name.
    """
    try:
        return json.dumps(value, ensure_ascii=False, **options).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, **options).encode("ascii")


def atomic_write_bytes(path: Path, payload: bytes, backup: Path | None = None) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new version.

    With ``backup``, the same bytes then go to a second file too: a separate inode that damage
    to the main file (a disk error, an editor writing in place) does not reach. Both writes are
    atomic, so at any moment each file holds a complete version.
    """
    _replace_with(Path(path), payload)
    if backup is not None:
        _replace_with(Path(backup), payload)


def _mode_for(path: Path) -> int:
    # mkstemp and O_TMPFILE make 0600 files; keep what the replaced file had (exports are
    # shared with other players and users).
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _replace_with(path: Path, payload: bytes) -> None:
    # A unique name per write: two writers in one process (an import thread and the GUI)
    # must never share, or one would rename the other's half-written file into place.
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        os.fchmod(fd, _mode_for(path))
        with open(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def write_file_atomically(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` in a folder the user owns, leaving no temporary file.

    Raises ``OSError`` (ENOSPC, EROFS, EACCES…) with nothing changed at ``path``.
    """
    path = Path(path)
    if not _write_via_tmpfile(path, payload):
        _replace_with(path, payload)


def _write_via_tmpfile(path: Path, payload: bytes) -> bool:
    """O_TMPFILE then linkat into place; False when the filesystem cannot do it."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(path.parent, flag | os.O_WRONLY, _mode_for(path))
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False  # tmpfs on old kernels, FUSE, SMB…: the named-file path instead
        raise
    staged: Path | None = None
    try:
        with open(fd, "wb", closefd=False) as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fd)
        os.fchmod(fd, _mode_for(path))
        # linkat cannot replace an existing name: link under a unique hidden name, then
        # rename over the target (atomic), so the target is never missing in between.
        staged = path.with_name(f".{path.name}.{os.getpid()}-{time.monotonic_ns()}.tmp")
        try:
            os.link(f"/proc/self/fd/{fd}", staged, follow_symlinks=True)
        except OSError as exc:
            staged = None
            if exc.errno in (errno.EXDEV, errno.EPERM, errno.ENOENT, errno.EOPNOTSUPP):
                return False  # some sandboxes' /proc cannot link: the named-file path
            raise
        os.replace(staged, path)
        staged = None
    finally:
        os.close(fd)
        if staged is not None:
            with contextlib.suppress(OSError):
                staged.unlink()
    fsync_dir(path.parent)
    return True


def aside_path(path: Path) -> Path:
    """A free name beside ``path`` for keeping a damaged file: ``NAME.broken-STAMP.EXT``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.broken-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.broken-{stamp}-{n}{path.suffix}")
    return target


def remove_stale_temp_files(directory: Path) -> int:
    """Delete temporary files that killed writers left in ``directory``; call it only while
    holding the directory's lock, when no live writer can own one. Returns how many."""
    removed = 0
    for tmp in Path(directory).glob(".*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed += 1
    return removed


def fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
