"""What the user is told when opening the library fails in a way no recovery path foresaw.

Loading handles the damage it knows (moved aside, restored from a backup, salvaged: see
:mod:`.library_loading`); a bug or an unforeseen value must still end in a message naming
the file being read, for the window's dialog and the command line, never a traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .library_loading import LibraryError, LibraryTooNew

__all__ = ["LibraryOpenFailed", "naming_the_file"]

Init = TypeVar("Init", bound=Callable[..., None])


class LibraryOpenFailed(LibraryError):
    """Reading ``path`` failed unexpectedly; ``str`` is a message for the user."""

    def __init__(self, path: Path | None, cause: BaseException) -> None:
        self.path = path
        self.cause = cause
        where = f"reading {path}" if path is not None else "opening the library"
        super().__init__(
            f"OST Player could not open its library: {where} failed"
            f" ({type(cause).__name__}: {cause}). The file was not changed or deleted; if it"
            " happens again, please report it with this message."
        )


def naming_the_file(init: Init) -> Init:
    """Wraps ``Library.__init__``: anything but a refusal (too new) or a system error (the
    caller names those) becomes :class:`LibraryOpenFailed` naming ``self.opening``."""

    @functools.wraps(init)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except (LibraryTooNew, OSError, LibraryOpenFailed):
            raise
        except Exception as exc:
            raise LibraryOpenFailed(getattr(self, "opening", None), exc) from exc

    return wrapper  # type: ignore[return-value]
