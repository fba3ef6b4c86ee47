"""The lyrics of a file as plain data: what the window would show, for the command line.

``lyrics_report`` runs the same machinery as the window (sidecar, then tags, for an audio file;
the file itself for a ``.lrc``/``.txt``) and returns JSON-ready values, so a user or a bug report
can see which source won, how its bytes were decoded and how sure the decoder was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ostplayer.domain.found_lyrics import FoundLyrics
from ostplayer.domain.lyrics import LyricLine, Lyrics, parse_lrc
from ostplayer.domain.romanize import has_hangul
from ostplayer.media.lyrics_files import LyricsFileError, find_sidecar, read_lyrics_file
from ostplayer.media.tag_lyrics import read_tag_lyrics

__all__ = ["LYRICS_FILE_SUFFIXES", "lyrics_report"]

LYRICS_FILE_SUFFIXES = (".lrc", ".txt")


def lyrics_report(
    path: Path,
    encoding: str | None = None,
    romanize: Callable[[str], str] | None = None,
    languages: Sequence[str] = (),
) -> dict[str, Any]:
    """The report for ``path``; never raises for a bad file (its reason is in "warnings").

    Keys: ``source`` ("sidecar", "tag", "file" or None), ``path``, ``encoding``,
    ``confidence``, ``offset_ms``, ``tags``, ``synced``, ``lines`` (display order; times with
    the offset applied; ``words`` only for word-timed lines) and ``warnings``.
    """
    path = Path(path)
    warnings: list[str] = []
    source: str | None = None
    where: str | None = None
    lyrics: Lyrics | None = None
    read_as: tuple[str | None, float | None] = (None, None)
    if path.suffix.lower() in LYRICS_FILE_SUFFIXES:
        try:
            decoded = read_lyrics_file(path, encoding)
        except LyricsFileError as exc:
            warnings.append(f"{path}: {exc}")
        else:
            source, where, lyrics = "file", str(path), parse_lrc(decoded.text)
            read_as = (decoded.encoding, decoded.confidence)
            warnings.extend(decoded.warnings)
    else:
        found: FoundLyrics | None = find_sidecar(path, warnings, encoding)
        if found is not None:
            source, where = "sidecar", found.detail
        else:
            found = read_tag_lyrics(path, languages)
            if found is not None:
                source, where = "tag", str(path)
                warnings.extend(found.warnings)
        if found is not None:
            lyrics, read_as = found.lyrics, (found.encoding, found.confidence)
    offset = lyrics.offset_ms if lyrics is not None else 0
    return {
        "source": source,
        "path": where,
        "encoding": read_as[0],
        "confidence": read_as[1],
        "offset_ms": offset,
        "tags": dict(lyrics.tags) if lyrics is not None else {},
        "synced": bool(lyrics is not None and lyrics.synced),
        "lines": _lines(lyrics, romanize) if lyrics is not None else [],
        "warnings": warnings,
    }


def _lines(lyrics: Lyrics, romanize: Callable[[str], str] | None) -> list[dict[str, Any]]:
    offset = lyrics.offset_ms

    def shifted(ms: int | None) -> int | None:
        # A positive [offset:] shows lines earlier; nothing is shown before the song starts.
        return None if ms is None or not lyrics.synced else max(0, ms - offset)

    out = []
    for group in lyrics.groups:
        for line in group.lines:
            out.append(
                {
                    "time_ms": shifted(group.time_ms),
                    "end_ms": shifted(line.end_ms),
                    "text": line.text,
                    "romanized": _romanized(line, romanize),
                    "words": [
                        {"time_ms": shifted(w.time_ms), "text": w.text}
                        for w in line.words
                        if w.text  # the empty closing stamp is the line's end_ms
                    ],
                }
            )
    return out


def _romanized(line: LyricLine, romanize: Callable[[str], str] | None) -> str | None:
    if romanize is None or not has_hangul(line.text):
        return None
    return romanize(line.text)
