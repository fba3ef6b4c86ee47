"""Where the lyrics for a track come from: library, sidecar files, tags, catalog.

File and tag access lives here (mutagen), parsing in ``ostplayer.domain.lyrics``.
No Qt and no database: callers pass in what the library already knows.

Reading never raises: a missing, unreadable or malformed source is skipped and the
next one in priority order is tried. Only ``export_lrc_next_to`` reports errors,
because the user asked for that write and must learn if it failed.
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ostplayer.domain.lyrics import (
    LyricLine,
    Lyrics,
    Word,
    lyrics_from_excerpt,
    lyrics_from_timed_lines,
    parse_lyrics,
)

__all__ = [
    "FoundLyrics",
    "LyricsOrigin",
    "export_lrc_next_to",
    "find_sidecar",
    "read_embedded",
    "resolve_lyrics",
]

# A lyrics file is a few KB; anything bigger is not a sidecar worth reading whole.
MAX_SIDECAR_BYTES = 2 * 1024 * 1024

# ID3 SYLT timestamp format 2 = absolute milliseconds. Format 1 (MPEG frames) would
# need the stream's frame rate; such frames are skipped in favour of USLT.
_SYLT_FORMAT_MS = 2
_SYLT_TYPE_LYRICS = 1
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_TEXT_KEYS = ("LYRICS", "UNSYNCEDLYRICS")


class LyricsOrigin(enum.Enum):
    LIBRARY = "library"
    SIDECAR_LRC = "sidecar-lrc"
    SIDECAR_TXT = "sidecar-txt"
    EMBEDDED = "embedded"
    EXCERPT = "excerpt"


@dataclass(frozen=True)
class FoundLyrics:
    lyrics: Lyrics
    origin: LyricsOrigin
    detail: str  # human-readable: a sidecar path, "ID3 USLT", "FLAC LYRICS", ...


# ------------------------------------------------------------------------ sidecars


def find_sidecar(audio_path: str | Path) -> FoundLyrics | None:
    """Lyrics from ``<base>.lrc``, else ``<base>.txt`` next to the audio file.

    Extensions match case-insensitively (``.LRC``, ``.Lrc``); the exact lowercase
    name wins when several exist. Empty or unreadable files are skipped.
    """
    try:
        audio = Path(audio_path)
    except TypeError:
        return None
    if not audio.name:  # "", "/", ".": there is no base name to match
        return None
    for ext, origin in ((".lrc", LyricsOrigin.SIDECAR_LRC), (".txt", LyricsOrigin.SIDECAR_TXT)):
        for candidate in _sidecar_candidates(audio, ext):
            lyrics = _read_lyrics_file(candidate)
            if lyrics is not None:
                return FoundLyrics(lyrics, origin, str(candidate))
    return None


def _base_path(audio: Path) -> Path:
    """``/m/01. Song.mp3`` -> ``/m/01. Song`` (only the last suffix goes)."""
    return audio.with_suffix("") if audio.suffix else audio


def _sidecar_candidates(audio: Path, ext: str) -> Iterable[Path]:
    base = _base_path(audio)
    seen: set[Path] = set()
    for suffix in (ext, ext.upper()):
        path = base.with_name(base.name + suffix)
        seen.add(path)
        yield path
    try:
        with os.scandir(base.parent) as entries:
            others = sorted(
                Path(e.path)
                for e in entries
                if e.name.lower() == (base.name + ext).lower()
                and e.name.startswith(base.name)  # same base name, only the ext differs
                and Path(e.path) not in seen
            )
    except (OSError, ValueError):
        return
    yield from others


def _read_lyrics_file(path: Path) -> Lyrics | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_SIDECAR_BYTES:
            return None
        data = path.read_bytes()
    except (OSError, ValueError):  # ValueError: e.g. a NUL in the path
        return None
    lyrics = parse_lyrics(data)
    return None if lyrics.is_empty else lyrics


# ------------------------------------------------------------------------ embedded


def read_embedded(audio_path: str | Path) -> FoundLyrics | None:
    """Lyrics stored in the file's tags, synced ones preferred.

    ID3 (MP3, WAV, AIFF): SYLT in milliseconds, USLT, TXXX:LYRICS. Vorbis comments
    (FLAC, Ogg, Opus) and APEv2: LYRICS, UNSYNCEDLYRICS. MP4: ``©lyr``. Text values
    that are LRC become synced lyrics. Any error yields None.
    """
    try:
        candidates = _embedded_candidates(str(audio_path))
    except Exception:
        # mutagen raises many kinds of errors on damaged files; none may reach the UI.
        return None
    found = [(lyrics, detail) for lyrics, detail in candidates if not lyrics.is_empty]
    for lyrics, detail in found:
        if lyrics.synced:
            return FoundLyrics(lyrics, LyricsOrigin.EMBEDDED, detail)
    if found:
        return FoundLyrics(found[0][0], LyricsOrigin.EMBEDDED, found[0][1])
    return None


def _embedded_candidates(path: str) -> list[tuple[Lyrics, str]]:
    if not os.path.isfile(path):
        return []
    # mutagen takes ~15 ms to import: load it when a linked file is first read, not at start-up.
    import mutagen
    from mutagen.id3 import ID3
    from mutagen.mp4 import MP4Tags

    audio: Any = None
    try:
        audio = mutagen.File(path)
    except Exception:
        audio = None  # e.g. an MP3 whose frames are damaged: its ID3 tag may still be fine
    tags = getattr(audio, "tags", None)
    if tags is None:
        try:
            tags = ID3(path)
        except Exception:
            return []
    if isinstance(tags, ID3):
        return _id3_candidates(tags)
    if isinstance(tags, MP4Tags):
        return [(parse_lyrics(_join(tags.get("\xa9lyr"))), "MP4 \xa9lyr")]
    kind = {"OggVorbis": "Vorbis", "OggOpus": "Opus", "OggFLAC": "FLAC"}.get(
        type(audio).__name__, type(audio).__name__
    )
    out = []
    for key in _TEXT_KEYS:
        value = _get_text(tags, key)
        if value:
            out.append((parse_lyrics(value), f"{kind} {key}"))
    return out


def _id3_candidates(tags: Any) -> list[tuple[Lyrics, str]]:
    out: list[tuple[Lyrics, str]] = []
    sylts = [f for f in tags.getall("SYLT") if f.format == _SYLT_FORMAT_MS and f.text]
    # Prefer frames declared as lyrics over other content types (events, chords...).
    sylts.sort(key=lambda f: f.type != _SYLT_TYPE_LYRICS)
    out.extend((_lyrics_from_sylt(f.text), "ID3 SYLT") for f in sylts)
    out.extend((parse_lyrics(str(f.text)), "ID3 USLT") for f in tags.getall("USLT"))
    for frame in tags.getall("TXXX"):
        if str(frame.desc).upper() in (*_TEXT_KEYS, "SYNCEDLYRICS"):
            out.append((parse_lyrics(_join(frame.text)), f"ID3 TXXX:{frame.desc}"))
    return out


def _lyrics_from_sylt(entries: list[tuple[str, int]]) -> Lyrics:
    """SYLT entries are either whole lines or syllables whose newlines mark lines."""
    if not any("\n" in text or "\r" in text for text, _ in entries):
        return lyrics_from_timed_lines((time_ms, text) for text, time_ms in entries)
    lines: list[tuple[int, LyricLine]] = []
    words: list[Word] = []
    start: int | None = None

    def flush() -> None:
        text = " ".join("".join(w.text for w in words).split())
        if start is not None and text:
            lines.append((start, LyricLine(text, tuple(words) if len(words) > 1 else ())))

    for text, time_ms in entries:
        for i, part in enumerate(_NEWLINE_RE.split(text)):
            if i:  # a newline inside or before this entry ends the current line
                flush()
                words, start = [], None
            if part:
                words.append(Word(time_ms, part))
                if start is None and part.strip():
                    # A line starts with its first audible syllable, not the newline.
                    start = time_ms
    flush()
    return lyrics_from_timed_lines(lines)


def _get_text(tags: Any, key: str) -> str:
    for variant in (key, key.lower()):
        try:
            value = tags.get(variant)
        except Exception:
            value = None
        if value:
            return _join(value)
    return ""


def _join(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str | bytes):
        return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    try:
        return "\n".join(str(v) for v in value)
    except TypeError:
        return str(value)


# ---------------------------------------------------------------------- resolving


def resolve_lyrics(
    saved_lrc_text: str | None, audio_path: str | Path | None, excerpt: str | None
) -> FoundLyrics | None:
    """Best available lyrics: library, sidecar (.lrc, .txt), embedded, catalog excerpt."""
    if saved_lrc_text and saved_lrc_text.strip():
        lyrics = parse_lyrics(saved_lrc_text)
        if not lyrics.is_empty:
            return FoundLyrics(lyrics, LyricsOrigin.LIBRARY, "saved in library")
    if audio_path:
        found = find_sidecar(audio_path) or read_embedded(audio_path)
        if found is not None:
            return found
    if excerpt and excerpt.strip():
        lyrics = lyrics_from_excerpt(excerpt)
        if not lyrics.is_empty:
            return FoundLyrics(lyrics, LyricsOrigin.EXCERPT, "catalog excerpt")
    return None


# ----------------------------------------------------------------------- exporting


def export_lrc_next_to(audio_path: str | Path, lyrics: Lyrics) -> Path:
    """Write ``<base>.lrc`` (UTF-8, no BOM, LF) next to the audio file; return its path.

    Atomic: a reader or a crash sees either the old file or the complete new one.
    Raises ``OSError`` on failure, leaving no temporary file behind.
    """
    base = _base_path(Path(audio_path))
    target = base.with_name(base.name + ".lrc")
    data = lyrics.to_lrc().encode("utf-8", errors="replace")
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = 0o644  # mkstemp would leave 0600, unreadable for other players/users
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)
    return target


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; not possible (nor needed) on Windows.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
