"""Lyrics files on disk: sidecars next to the audio, files the user imports, ``.lrc`` export,
and the order in which a track's lyrics are looked for.

Reading never blocks and never raises for sidecars: only regular files are read (opened with
``O_NONBLOCK`` and checked with ``fstat`` on the open descriptor, so a FIFO or a device that
happens to be named ``song.lrc`` is skipped at once), at most :data:`MAX_SIDECAR_BYTES`. A
sidecar that is not lyrics (binary, too large) is noted in ``problems`` so the user learns why
it was ignored, and so is an encoding guessed with low confidence. ``read_lyrics_file`` (the
editor's import) and ``export_lrc_next_to`` raise, because the user asked for that file and
must learn if it failed.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.lyrics import Lyrics, lyrics_from_excerpt, parse_lrc, parse_lyrics
from ostplayer.domain.lyrics_encoding import (
    MAX_LYRICS_BYTES,
    DecodedText,
    decode_lyrics,
    not_lyrics_reason,
)
from ostplayer.media.atomic import write_file_atomically
from ostplayer.media.tag_lyrics import read_tag_lyrics

__all__ = [
    "MAX_SIDECAR_BYTES",
    "LyricsFileError",
    "NotLyricsError",
    "export_error_message",
    "export_lrc_next_to",
    "find_sidecar",
    "lrc_target",
    "read_lyrics_file",
    "read_lyrics_text",
    "resolve_lyrics",
]

MAX_SIDECAR_BYTES = MAX_LYRICS_BYTES  # the same limit for sidecars and imports

_SIDECARS = ((".lrc", LyricsOrigin.SIDECAR_LRC), (".txt", LyricsOrigin.SIDECAR_TXT))
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class LyricsFileError(Exception):
    """A file the user chose (or a sidecar) cannot be used as lyrics; ``str`` says why."""


class NotLyricsError(LyricsFileError):
    """The file is there and readable, but it is not lyrics (binary, too large)."""


# ------------------------------------------------------------------------ reading


def read_lyrics_file(path: str | Path, encoding: str | None = None) -> DecodedText:
    """A lyrics file's text and how it was decoded; ``encoding`` forces a codec.

    Raises :class:`LyricsFileError` saying why when the file cannot be read or is not lyrics.
    """
    data = _read_regular(Path(path))
    reason = not_lyrics_reason(data)
    if reason is not None:
        raise NotLyricsError(reason if reason.startswith("too") else f"it is {reason}, not lyrics")
    return decode_lyrics(data, encoding)


def read_lyrics_text(path: str | Path, encoding: str | None = None) -> str:
    """Just the text of :func:`read_lyrics_file`."""
    return read_lyrics_file(path, encoding).text


def _read_regular(path: Path) -> bytes:
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL in the path
        raise LyricsFileError(_os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LyricsFileError("it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise LyricsFileError("it is not a regular file (a pipe or a device)")
        if info.st_size > MAX_LYRICS_BYTES:
            raise NotLyricsError(not_lyrics_reason(b"", info.st_size) or "too large")
        chunks: list[bytes] = []
        size = 0
        # Read one byte past the cap: a file that grew since fstat is refused, not cut.
        while size <= MAX_LYRICS_BYTES and (chunk := os.read(fd, MAX_LYRICS_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise LyricsFileError(_os_reason(exc)) from exc
    finally:
        os.close(fd)
    if size > MAX_LYRICS_BYTES:
        raise NotLyricsError(not_lyrics_reason(b"", size) or "too large")
    return b"".join(chunks)


def _os_reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


# ----------------------------------------------------------------------- sidecars


def find_sidecar(
    audio_path: str | Path,
    problems: list[str] | None = None,
    encoding: str | None = None,
) -> FoundLyrics | None:
    """Lyrics from ``<base>.lrc``, else ``<base>.txt`` next to the audio file.

    Extensions match case-insensitively (``.LRC``, ``.Lrc``); the exact lowercase name wins
    when several exist. Missing, empty or unreadable files are skipped; binary or oversized
    ones too, with the reason appended to ``problems``, as is a low-confidence encoding guess.
    ``encoding`` forces the codec (the Encoding ▸ menu).
    """
    try:
        audio = Path(audio_path)
    except TypeError:
        return None
    if not audio.name:  # "", "/", ".": there is no base name to match
        return None
    for ext, origin in _SIDECARS:
        for candidate in _sidecar_candidates(audio, ext):
            try:
                decoded = read_lyrics_file(candidate, encoding)
            except NotLyricsError as exc:
                if problems is not None:
                    problems.append(f"Ignored {candidate}: {exc}")
                continue
            except LyricsFileError:
                continue
            lyrics = parse_lrc(decoded.text)
            if lyrics.is_empty:
                continue
            if problems is not None:
                problems.extend(f"{candidate.name}: {note}" for note in decoded.warnings)
            return FoundLyrics(
                lyrics,
                origin,
                str(candidate),
                decoded.encoding,
                decoded.confidence,
                decoded.warnings,
            )
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


# ---------------------------------------------------------------------- resolving


def resolve_lyrics(
    saved_lrc_text: str | None,
    audio_path: str | Path | None,
    excerpt: str | None,
    problems: list[str] | None = None,
    *,
    languages: Sequence[str] = (),
    encoding: str | None = None,
) -> FoundLyrics | None:
    """Best available lyrics: library, sidecar (.lrc, .txt), tags, catalog excerpt.

    ``languages`` (ISO 639-2, "kor", "eng") choose among several tag lyrics; ``encoding``
    forces the sidecar's codec. Sidecars ignored on the way are described in ``problems``.
    """
    if saved_lrc_text and saved_lrc_text.strip():
        lyrics = parse_lyrics(saved_lrc_text)
        if not lyrics.is_empty:
            return FoundLyrics(lyrics, LyricsOrigin.LIBRARY, "saved in library")
    if audio_path:
        found = find_sidecar(audio_path, problems, encoding) or read_tag_lyrics(
            audio_path, languages
        )
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

    The path is :func:`lrc_target`'s. Atomic, keeping an existing file's permissions: a reader
    or a crash sees either the old file or the complete new one. Raises ``OSError`` on failure,
    leaving no temporary file behind.
    """
    target, _exists = lrc_target(audio_path)
    write_file_atomically(target, lyrics.to_lrc().encode("utf-8", errors="replace"))
    return target
