"""Lyrics: the model, the LRC/plain readers and decoding, behind one import.

Pure Python on purpose: no Qt and no file access, so the parser can be tested exhaustively and
reused by any front end. The parts live in their own modules:

* :mod:`ostplayer.domain.lyrics_model` — ``Word``, ``LyricLine``, ``LyricGroup``, ``Lyrics``
  and LRC output;
* :mod:`ostplayer.domain.lrc_reader` — the LRC dialects and their rules;
* :mod:`ostplayer.domain.lrc_stamps` — the time stamp forms;
* :mod:`ostplayer.domain.lyrics_encoding` — bytes to text, with a confidence.
"""

from __future__ import annotations

from ostplayer.domain.lrc_reader import lyrics_from_excerpt, lyrics_from_timed_lines, parse_lrc
from ostplayer.domain.lrc_stamps import format_timestamp
from ostplayer.domain.lyrics_encoding import decode_lyrics, decode_lyrics_bytes
from ostplayer.domain.lyrics_model import KNOWN_TAGS, LyricGroup, LyricLine, Lyrics, Word

__all__ = [
    "KNOWN_TAGS",
    "LyricGroup",
    "LyricLine",
    "Lyrics",
    "Word",
    "decode_lyrics_bytes",
    "format_timestamp",
    "lyrics_from_excerpt",
    "lyrics_from_timed_lines",
    "parse_lrc",
    "parse_lyrics",
]


def parse_lyrics(source: str | bytes, encoding: str | None = None) -> Lyrics:
    """Parse LRC or plain lyrics from text or raw file bytes. Never raises.

    ``encoding`` forces a codec for bytes (see :func:`decode_lyrics`); it is ignored for text.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return parse_lrc(decode_lyrics(bytes(source), encoding).text)
    return parse_lrc(str(source))
