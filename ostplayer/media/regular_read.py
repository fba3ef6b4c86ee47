"""Reading the app's own data files without ever hanging on one.

``Path.read_bytes`` on a FIFO waits for a writer forever, and on a symbolic link to
``/dev/urandom`` or ``/dev/zero`` reads forever. A data file (library, personal data,
history, settings, the queue) is opened with ``O_NONBLOCK``, checked with ``fstat`` on the
open descriptor (no race with a swap after a ``stat``), and read up to a size cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["NotARegularFile", "check_regular", "describe_mode", "read_regular_file"]

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class NotARegularFile(OSError):
    """The path is there but is a folder, a pipe, a device or too large; ``str`` says which."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def describe_mode(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: Path) -> str | None:
    """None when ``path`` is missing or a regular file; else what it is ("a named pipe")."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        raise
    return None if stat.S_ISREG(mode) else describe_mode(mode)


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; FileNotFoundError when missing, NotARegularFile when it is
    something else or holds more than ``max_bytes``, OSError when it cannot be read."""
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(
                errno.EINVAL, f"{Path(path).name} is {describe_mode(info.st_mode)}"
            )
        if info.st_size > max_bytes:
            raise NotARegularFile(errno.EFBIG, _too_large(path, max_bytes))
        chunks = []
        size = 0
        # One byte past the cap: a file that grew since fstat is refused, not cut short.
        while size <= max_bytes and (chunk := os.read(fd, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > max_bytes:
        raise NotARegularFile(errno.EFBIG, _too_large(path, max_bytes))
    return b"".join(chunks)


def _too_large(path: Path, max_bytes: int) -> str:
    return f"{Path(path).name} is larger than {max_bytes // (1024 * 1024)} MB"
