"""Where the lyrics for a track come from: library, sidecar files, tags, catalog.

File and tag access lives here (mutagen), parsing in ``ostplayer.domain.lyrics``.
No Qt and no database: callers pass in what the library already knows.

Reading never raises: a missing, unreadable or malformed source is skipped and the
next one in priority order is tried; a sidecar that is not lyrics at all (binary,
too large) is also noted in ``problems`` so the user learns why it was ignored.
``read_lyrics_text`` (the editor's import) and ``export_lrc_next_to`` raise, because
the user asked for that file and must learn if it failed.
"""

from __future__ import annotations

import contextlib
import enum
import errno
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
from ostplayer.domain.lyrics_encoding import (
    MAX_LYRICS_BYTES,
    decode_lyrics_bytes,
    not_lyrics_reason,
)

__all__ = [
    "FoundLyrics",
    "LyricsFileError",
    "LyricsOrigin",
    "export_error_message",
    "export_lrc_next_to",
    "find_sidecar",
    "lrc_target",
    "read_embedded",
    "read_lyrics_text",
    "resolve_lyrics",
]

MAX_SIDECAR_BYTES = MAX_LYRICS_BYTES  # the same limit for sidecars and imports

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


class LyricsFileError(Exception):
    """A file the user chose (or a sidecar) cannot be used as lyrics; ``str`` says why."""


def find_sidecar(audio_path: str | Path, problems: list[str] | None = None) -> FoundLyrics | None:
    """Lyrics from ``<base>.lrc``, else ``<base>.txt`` next to the audio file.

    Extensions match case-insensitively (``.LRC``, ``.Lrc``); the exact lowercase
    name wins when several exist. Empty or unreadable files are skipped; binary or
    oversized ones too, with the reason appended to ``problems``.
    """
    try:
        audio = Path(audio_path)
    except TypeError:
        return None
    if not audio.name:  # "", "/", ".": there is no base name to match
        return None
    for ext, origin in ((".lrc", LyricsOrigin.SIDECAR_LRC), (".txt", LyricsOrigin.SIDECAR_TXT)):
        for candidate in _sidecar_candidates(audio, ext):
            try:
                lyrics = parse_lyrics(read_lyrics_text(candidate))
            except LyricsFileError as exc:
                if problems is not None and candidate.is_file():
                    problems.append(f"Ignored {candidate}: {exc}")
                continue
            if not lyrics.is_empty:
                return FoundLyrics(lyrics, origin, str(candidate))
    return None


def read_lyrics_text(path: str | Path) -> str:
    """A lyrics file's text in any common encoding; ``LyricsFileError`` if it is not one."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_LYRICS_BYTES:
            raise LyricsFileError(not_lyrics_reason(b"", size))
        data = path.read_bytes()
    except LyricsFileError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL in the path
        raise LyricsFileError(_os_reason(exc)) from exc
    reason = not_lyrics_reason(data)
    if reason is not None:
        raise LyricsFileError(reason if reason.startswith("too") else f"it is {reason}, not lyrics")
    return decode_lyrics_bytes(data)


def _os_reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


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


# ------------------------------------------------------------------------ embedded


def read_embedded(audio_path: str | Path) -> FoundLyrics | None:
    """Lyrics stored in the file's tags, synced ones preferred.

    ID3 (MP3, WAV, AIFF): SYLT in milliseconds, USLT, TXXX:LYRICS. Vorbis comments
    (FLAC, Ogg, Opus) and APEv2 (Monkey's Audio, WavPack, Musepack, and MP3 files
    that carry an APEv2 tag): LYRICS, UNSYNCEDLYRICS. MP4: ``©lyr``. Text values
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
    from mutagen.apev2 import APEv2
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
            tags = None
    if isinstance(tags, MP4Tags):
        return [(parse_lyrics(_join(tags.get("\xa9lyr"))), "MP4 \xa9lyr")]
    if isinstance(tags, APEv2):
        return _text_candidates(tags, "APEv2")
    out = _id3_candidates(tags) if isinstance(tags, ID3) else []
    if tags is not None and not isinstance(tags, ID3):
        kind = {"OggVorbis": "Vorbis", "OggOpus": "Opus", "OggFLAC": "FLAC"}.get(
            type(audio).__name__, type(audio).__name__
        )
        out.extend(_text_candidates(tags, kind))
    if tags is None or isinstance(tags, ID3):
        # MP3 taggers (foobar2000, Mp3tag) may write APEv2 at the end, with or without ID3.
        with contextlib.suppress(Exception):
            out.extend(_text_candidates(APEv2(path), "APEv2"))
    return out


def _text_candidates(tags: Any, kind: str) -> list[tuple[Lyrics, str]]:
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
    saved_lrc_text: str | None,
    audio_path: str | Path | None,
    excerpt: str | None,
    problems: list[str] | None = None,
) -> FoundLyrics | None:
    """Best available lyrics: library, sidecar (.lrc, .txt), embedded, catalog excerpt.

    Sidecars ignored on the way (binary, too large) are described in ``problems``.
    """
    if saved_lrc_text and saved_lrc_text.strip():
        lyrics = parse_lyrics(saved_lrc_text)
        if not lyrics.is_empty:
            return FoundLyrics(lyrics, LyricsOrigin.LIBRARY, "saved in library")
    if audio_path:
        found = find_sidecar(audio_path, problems) or read_embedded(audio_path)
        if found is not None:
            return found
    if excerpt and excerpt.strip():
        lyrics = lyrics_from_excerpt(excerpt)
        if not lyrics.is_empty:
            return FoundLyrics(lyrics, LyricsOrigin.EXCERPT, "catalog excerpt")
    return None


# ----------------------------------------------------------------------- exporting


def lrc_target(audio_path: str | Path) -> tuple[Path, bool]:
    """Where an exported ``.lrc`` goes, and whether that file exists already.

    An existing case variant (``Song.LRC``) is the target: writing ``Song.lrc`` beside
    it would leave two sidecars that disagree, and other players may read the old one.
    """
    base = _base_path(Path(audio_path))
    exact = base.with_name(base.name + ".lrc")
    for candidate in _sidecar_candidates(Path(audio_path), ".lrc"):
        try:
            if candidate.is_file():
                return candidate, True
        except OSError:
            continue
    return exact, False


def export_error_message(exc: OSError, target: Path) -> str:
    """A sentence for the user about a failed export, naming the file and the cause."""
    folder = target.parent
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return (
            f"Could not export {target.name}: the folder {folder} is read-only or you may "
            "not write there. Copy the lyrics from the editor, or make the folder writable."
        )
    if isinstance(exc, FileNotFoundError):
        return f"Could not export {target.name}: the folder {folder} does not exist any more."
    if exc.errno == errno.ENOSPC:
        return f"Could not export {target.name}: the disk holding {folder} is full."
    return f"Could not export {target.name} to {folder}: {_os_reason(exc)}."


def export_lrc_next_to(audio_path: str | Path, lyrics: Lyrics) -> Path:
    """Write the ``.lrc`` (UTF-8, no BOM, LF) next to the audio file; return its path.

    The path is :func:`lrc_target`'s. Atomic: a reader or a crash sees either the old
    file or the complete new one. Raises ``OSError`` on failure, leaving no temporary
    file behind.
    """
    target, _exists = lrc_target(audio_path)
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
