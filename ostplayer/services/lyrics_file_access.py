"""Lyrics files the user chose (the editor's import and export), for the widgets.

The widgets never touch :mod:`ostplayer.media` themselves; this is their one door to it. A
file the user picked is read on request (they asked for that file and wait for it), with the
same encoding detection and refusals as sidecars.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..domain.lyrics import Lyrics
from ..media import lyrics_files
from ..media.lyrics_files import LyricsFileError
from .texts import say_known, tr

__all__ = ["LyricsFileAccess", "LyricsFileError"]

#: How ``media.lyrics_files`` words a failed export (below Qt), said in the user's language.
EXPORT_PROBLEMS = (
    "Could not export %1: the folder %2 is read-only or you may not write there. Copy the"
    " lyrics from the editor, or make the folder writable.",
    "Could not export %1: the folder %2 does not exist any more.",
    "Could not export %1: the disk holding %2 is full.",
    "Could not export %1 to %2: %3.",
)
#: Why a chosen file is not lyrics (``LyricsFileError``), the fixed ones.
NOT_LYRICS = (
    "it is a folder",
    "it is not a regular file (a pipe or a device)",
    "too large for a lyrics file (%1; the limit is 1 MB)",
)


class LyricsFileAccess:
    def __init__(self, on_written: Callable[[Path], None] | None = None) -> None:
        self._on_written = on_written

    def read(self, path: str | Path) -> str:
        """The file's text; raises LyricsFileError saying why it is not lyrics."""
        return lyrics_files.read_lyrics_text(path)

    def export_target(self, audio_path: str) -> tuple[Path, bool]:
        """Where an exported .lrc goes next to ``audio_path``, and whether one is there."""
        return lyrics_files.lrc_target(audio_path)

    def export(self, audio_path: str, lyrics: Lyrics) -> Path:
        target = lyrics_files.export_lrc_next_to(audio_path, lyrics)
        if self._on_written is not None:
            self._on_written(target)
        return target

    @staticmethod
    def error_message(exc: OSError, target: Path) -> str:
        """Why the export failed, in the interface's language."""
        english = lyrics_files.export_error_message(exc, target)
        return say_known(english, EXPORT_PROBLEMS, "LyricsEditor")

    @staticmethod
    def refusal(exc: LyricsFileError) -> str:
        """Why a chosen file cannot be imported, in the interface's language."""
        return say_known(str(exc), NOT_LYRICS, "LyricsEditor") or tr("LyricsEditor", "unreadable")
