"""Whether a path can be handed to the player at all, said in words (a Phrase: the window
says it in the user's language; callers may still read the English)."""

from __future__ import annotations

import os
import stat

from ..domain.phrases import Phrase


def file_problem(path: str) -> str | None:
    """Why ``path`` cannot be handed to the player, in words; None when it is a file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return Phrase("File not found: %1", path)
    except OSError as exc:
        return Phrase("Cannot open %1: %2", path, exc.strerror or str(exc))
    if stat.S_ISDIR(st.st_mode):
        return Phrase("%1 is a folder, not an audio file", path)
    if stat.S_ISFIFO(st.st_mode):
        return Phrase("%1 is a named pipe (FIFO), not an audio file", path)
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return Phrase("%1 is a device, not an audio file", path)
    if not stat.S_ISREG(st.st_mode):
        return Phrase("%1 is not a regular file, not an audio file", path)
    return None
