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
  path (a kill -9 between creation and rename can still leave one there, named
  ``.NAME.ostplayer-PID-….tmp`` so that the user can tell what it is, and removed by the next
  write of the same file once process PID is gone).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

__all__ = [
    "aside_path",
    "atomic_write_bytes",
    "describe_write_error",
    "fsync_dir",
    "json_bytes",
    "remove_orphaned_temp_files",
    "remove_stale_temp_files",
    "write_error",
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

    The main file is the commit: once it is replaced the write happened, and a backup that
    cannot be written then (the disk filled up in between) is logged, not raised, so that no
    caller reports a failure for a change that is on disk. Raises ``OSError`` whose
    ``strerror`` names the folder and the reason (:func:`describe_write_error`), with the old
    file intact.
    """
    path = Path(path)
    try:
        _replace_with(path, payload)
    except OSError as exc:
        raise write_error(exc, path) from exc
    if backup is not None:
        try:
            _replace_with(Path(backup), payload)
        except OSError as exc:
            log.warning("the backup %s was not updated: %s", backup, exc)


def describe_write_error(exc: OSError, folder: Path) -> str:
    """Why nothing could be written in ``folder``, in words a user can act on."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"the disk holding {folder} is full (free some space and try again)"
    if code == errno.EROFS:
        return f"{folder} is on a read-only disk"
    if code in (errno.EACCES, errno.EPERM):
        return f"you may not write in {folder} (check its permissions)"
    if code == errno.ENOENT:
        return f"the folder {folder} does not exist any more"
    return f"{folder} cannot be written to ({exc.strerror or exc})"


def write_error(exc: OSError, path: Path) -> OSError:
    """``exc`` with a readable ``strerror``; same errno, so the same OSError subclass."""
    if exc.errno is None:
        return exc
    return OSError(exc.errno, describe_write_error(exc, Path(path).parent), str(path))


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
    fd, name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
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
    remove_orphaned_temp_files(path)
    try:
        if not _write_via_tmpfile(path, payload):
            _replace_with(path, payload)
    except OSError as exc:
        raise write_error(exc, path) from exc


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.ostplayer-{os.getpid()}-"


def remove_orphaned_temp_files(path: Path) -> int:
    """Remove the temporary files that killed writers of ``path`` left beside it.

    Only names this module makes for this very file, and only those whose writing process is
    gone: a live writer's file (another copy of the app exporting too) is left alone.
    """
    removed = 0
    prefix = f".{path.name}.ostplayer-"
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix) :].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # maybe another thread's write in progress; failures clean up their own
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: not ours to judge
    return True


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
        staged = path.with_name(f"{_temp_prefix(path)}{time.monotonic_ns()}.tmp")
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
