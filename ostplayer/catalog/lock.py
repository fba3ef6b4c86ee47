"""One writer per data directory: the app and write commands take an exclusive lock.

An OS file lock (not a pid file) is released by the kernel when the process dies, so a crash
never leaves the library locked.

The lock file is opened with ``O_NOFOLLOW`` and must be a regular file: if ``ostplayer.lock``
were a symbolic link, writing our process id into it would overwrite whatever file it points
to. A link, a folder or a pipe in its place is refused with a message saying what to remove.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class AlreadyRunning(RuntimeError):
    pass


class LockRefused(OSError):
    """The lock file's place holds something that must not be written to."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "ostplayer.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
        flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise self._refusal(exc) from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
            # A hard link is another file's name too: writing to it would change that file.
            os.close(fd)
            what = "is not a regular file" if info.st_nlink <= 1 else "is a hard link"
            raise LockRefused(errno.EINVAL, self._refused_text(what))
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # not POSIX: no lock rather than no app
            pass
        except OSError:
            os.close(fd)
            raise AlreadyRunning(
                f"OST Player is already running with the library in {self.path.parent}. "
                "Switch to that window, or close it first."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def _refusal(self, exc: OSError) -> OSError:
        try:
            mode = os.lstat(self.path).st_mode
        except OSError:
            return exc
        if stat.S_ISLNK(mode):
            return LockRefused(exc.errno, self._refused_text("is a symbolic link"))
        if stat.S_ISDIR(mode):
            return LockRefused(exc.errno, self._refused_text("is a folder"))
        return exc

    def _refused_text(self, what: str) -> str:
        return (
            f"The lock file {self.path} {what}; OST Player writes only to a file of its own"
            " there. Remove it and start again."
        )

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
