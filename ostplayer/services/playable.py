"""Whether a path can be handed to the player at all, said in words."""

from __future__ import annotations

import os
import stat


def file_problem(path: str) -> str | None:
    """Why ``path`` cannot be handed to the player, in words; None when it is a file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return f"File not found: {path}"
    except OSError as exc:
        return f"Cannot open {path}: {exc.strerror or exc}"
    if stat.S_ISDIR(st.st_mode):
        return f"{path} is a folder, not an audio file"
    if stat.S_ISFIFO(st.st_mode):
        return f"{path} is a named pipe (FIFO), not an audio file"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return f"{path} is a device, not an audio file"
    if not stat.S_ISREG(st.st_mode):
        return f"{path} is not a regular file, not an audio file"
    return None
