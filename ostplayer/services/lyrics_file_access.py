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

__all__ = ["LyricsFileAccess", "LyricsFileError"]


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
        return lyrics_files.export_error_message(exc, target)
