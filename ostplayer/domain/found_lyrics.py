"""Lyrics found for a track, and where they came from: pure values the UI and the CLI show."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ostplayer.domain.lyrics_model import Lyrics

__all__ = ["FoundLyrics", "LyricsOrigin"]


class LyricsOrigin(enum.Enum):
    LIBRARY = "library"
    SIDECAR_LRC = "sidecar-lrc"
    SIDECAR_TXT = "sidecar-txt"
    EMBEDDED = "embedded"
    EXCERPT = "excerpt"
    ONLINE = "online"  # fetched from a provider (LRCLIB): ``detail`` names it and its id


@dataclass(frozen=True)
class FoundLyrics:
    """``detail`` is human-readable: a sidecar path, "ID3 USLT, kor", "FLAC LYRICS", …

    ``encoding`` and ``confidence`` say how a file's or a tag's bytes were read (None for text
    that never was bytes: the library, the catalog); ``warnings`` are sentences for the user, such
    as a low-confidence encoding guess or a damaged byte.
    """

    lyrics: Lyrics
    origin: LyricsOrigin
    detail: str
    encoding: str | None = None
    confidence: float | None = None
    warnings: tuple[str, ...] = ()
