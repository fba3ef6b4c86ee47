"""Open one audio file safely and load it with the right mutagen class.

Shared by the tag reader and the cover reader. Safety first: the path is ``stat``-ed before
anything opens it, so a FIFO or a device is never opened (opening a FIFO blocks until a writer
appears); the open itself is non-blocking and the descriptor is checked again, so a file swapped
for a FIFO in between cannot block either. The container is chosen from the first bytes (an
ID3v2 tag is skipped to see what follows), and only that mutagen class is tried: letting mutagen
score every format costs more than reading the tags, and a misnamed file is read as what it is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import mutagen
import mutagen.aac
import mutagen.aiff
import mutagen.apev2
import mutagen.asf
import mutagen.flac
import mutagen.id3
import mutagen.monkeysaudio
import mutagen.mp3
import mutagen.mp4
import mutagen.musepack
import mutagen.oggflac
import mutagen.oggopus
import mutagen.oggspeex
import mutagen.oggvorbis
import mutagen.wave
import mutagen.wavpack

from ostplayer.domain.track_facts import UnreadableFile
from ostplayer.media import container_checks
from ostplayer.media.file_kinds import (
    UNKNOWN_CONTENT,
    ZEROS,
    describe_special_file,
    extension_of,
    format_for_extension,
    sniff,
    unreadable_from_os_error,
)
from ostplayer.media.iff_chunks import read_iff_layout

__all__ = ["OpenedAudio", "open_audio", "open_regular_file"]

_CLASSES: dict[str, Any] = {
    "mp3": mutagen.mp3.MP3,
    "flac": mutagen.flac.FLAC,
    "vorbis": mutagen.oggvorbis.OggVorbis,
    "opus": mutagen.oggopus.OggOpus,
    "oggflac": mutagen.oggflac.OggFLAC,
    "speex": mutagen.oggspeex.OggSpeex,
    "mp4": mutagen.mp4.MP4,
    "wav": mutagen.wave.WAVE,
    "aiff": mutagen.aiff.AIFF,
    "ape": mutagen.monkeysaudio.MonkeysAudio,
    "asf": mutagen.asf.ASF,
    "wavpack": mutagen.wavpack.WavPack,
    "musepack": mutagen.musepack.Musepack,
    "aac": mutagen.aac.AAC,
}
# What TrackFacts.format says (the user's word for the file type, not the codec's).
_FORMAT_NAMES = {
    "vorbis": "ogg",
    "oggflac": "flac",
    "speex": "spx",
    "mp4": "m4a",
    "asf": "wma",
    "wavpack": "wv",
    "musepack": "mpc",
}
_DISPLAY = {"mp4": "MP4/M4A", "asf": "WMA", "vorbis": "Ogg Vorbis", "opus": "Opus", "ape": "APE"}
_WITH_ID3 = frozenset({"mp3", "wav", "aiff"})  # mutagen reads these tags as ID3
_TAIL_TAGS = frozenset({"mp3", "aac"})  # where an ID3v1 or APEv2 tag may sit at the end
_HEAD_BYTES = 64


@dataclass(slots=True)
class OpenedAudio:
    path: str
    size: int
    mtime_ns: int
    kind: str  # the container as sniffed: "mp3", "vorbis", "mp4", …
    format: str  # TrackFacts.format
    audio: Any  # the loaded mutagen FileType
    id3v1: dict[str, Any] | None = None  # ID3v1 frames (mutagen's ParseID3v1), raw Latin-1
    apev2: Any = None  # an APEv2 tag found at the end of an MP3
    riff_info: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _not_a_file(path: str, mode: int) -> UnreadableFile | None:
    if stat.S_ISREG(mode):
        return None
    return UnreadableFile(path, f"not a regular file ({describe_special_file(mode)})")


def _stat(path: str) -> os.stat_result | UnreadableFile:
    try:
        return os.stat(path)
    except FileNotFoundError:
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return UnreadableFile(path, "a broken symbolic link")
        except OSError:
            pass
        return UnreadableFile(path, "vanished before it could be read")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return UnreadableFile(path, "a symbolic link loop")
        return unreadable_from_os_error(path, exc)


def open_audio(path: str) -> OpenedAudio | UnreadableFile:
    """Load ``path`` with mutagen, or say in a few words why it cannot be used."""
    st = _stat(path)
    if isinstance(st, UnreadableFile):
        return st
    refused = _not_a_file(path, st.st_mode)
    if refused is not None:
        return refused
    if st.st_size == 0:
        return UnreadableFile(path, "empty file (0 bytes)")
    try:
        with open_regular_file(path) as fh:
            st = os.fstat(fh.fileno())
            refused = _not_a_file(path, st.st_mode)
            return refused or _load(path, fh, st)
    except OSError as exc:
        return unreadable_from_os_error(path, exc)


def open_regular_file(path: str | os.PathLike[str]) -> BinaryIO:
    """Open for reading without ever blocking: opening a FIFO waits for a writer, and a file
    checked with ``stat`` may be replaced by one before the open. Callers check ``fstat``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        return open(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


def _load(path: str, fh: BinaryIO, st: os.stat_result) -> OpenedAudio | UnreadableFile:
    size = st.st_size
    head = fh.read(_HEAD_BYTES)
    after_id3 = b""
    id3_size = 0
    if head.startswith(b"ID3") and len(head) >= 10:
        raw = head[6:10]
        id3_size = 10 + ((raw[0] << 21) | (raw[1] << 14) | (raw[2] << 7) | raw[3])
        if head[5] & 0x10:  # a footer follows the tag
            id3_size += 10
        if id3_size >= size:
            return UnreadableFile(path, "truncated (the file ends inside its ID3 tag)")
        fh.seek(id3_size)
        after_id3 = fh.read(_HEAD_BYTES)
    sniffed = sniff(head, after_id3, id3_size)
    kind = sniffed.kind
    if kind in ("theora", "ogg"):
        what = "an Ogg video (Theora)" if kind == "theora" else "an Ogg file of an unknown codec"
        return UnreadableFile(path, f"not audio ({what})")
    refused_as = ""
    if not kind:
        # MP3 and AAC streams may start with junk or zero padding before the first frame:
        # trust the name, and let mutagen look for a frame.
        fallback = format_for_extension(path)
        if fallback not in ("mp3", "aac") or sniffed.other not in (UNKNOWN_CONTENT, ZEROS):
            return UnreadableFile(path, f"not audio ({sniffed.other})")
        kind, refused_as = fallback, sniffed.other
    opened = OpenedAudio(path, size, st.st_mtime_ns, kind, _FORMAT_NAMES.get(kind, kind), None)
    structure = _check_structure(opened, fh, size)
    if isinstance(structure, UnreadableFile):
        return structure
    fh.seek(0)
    try:
        # ID3v1 is read separately (to know it was there, and to repair its CP949), and
        # ID3v2.3 is not translated: mutagen drops a TYER that is not exactly "YYYY".
        kwargs = {"load_v1": False, "translate": False} if kind in _WITH_ID3 else {}
        opened.audio = _CLASSES[kind](fh, **kwargs)
    except Exception as exc:  # mutagen raises many kinds on garbage; each is one bad file
        if refused_as:
            return UnreadableFile(path, f"not audio ({refused_as})")
        return UnreadableFile(path, _load_failure(kind, exc, structure))
    if structure:
        opened.warnings.append(f"truncated: {structure}")
    if kind == "aac" and id3_size and opened.audio.tags is None:
        # mutagen's ADTS reader skips the ID3 tag that stream rippers put in front.
        with contextlib.suppress(Exception):
            fh.seek(0)
            opened.audio.tags = mutagen.id3.ID3(fh, load_v1=False, translate=False)
    if kind in _TAIL_TAGS:
        _read_tail_tags(opened, fh, size)
    _check_after_load(opened, fh, size)
    _check_name(opened)
    return opened


def _check_structure(opened: OpenedAudio, fh: BinaryIO, size: int) -> str | UnreadableFile:
    kind = opened.kind
    if kind == "mp4":
        layout = container_checks.mp4_layout(fh, size)
        if layout.has_video:
            return UnreadableFile(opened.path, "a video (an MP4 with a video track), not audio")
        return layout.truncation
    if kind in ("wav", "aiff"):
        iff = read_iff_layout(fh, size, big_endian=kind == "aiff")
        opened.riff_info = iff.info
        if iff.missing_bytes:
            present = iff.declared_bytes - iff.missing_bytes
            return container_checks.missing_share(present, iff.declared_bytes) or ""
        return ""
    if kind in ("vorbis", "opus", "oggflac", "speex"):
        return container_checks.ogg_truncation(fh, size)
    return ""


def _check_after_load(opened: OpenedAudio, fh: BinaryIO, size: int) -> None:
    info = opened.audio.info
    found = ""
    if opened.kind == "mp3":
        found = container_checks.mp3_truncation(size, info.frame_offset, info.bitrate, info.length)
    elif opened.kind == "flac":
        found = container_checks.flac_truncation(
            fh, size, info.total_samples, info.max_blocksize, info.max_framesize
        )
    if found:
        opened.warnings.append(f"truncated: {found}")


def _load_failure(kind: str, exc: Exception, structure: str) -> str:
    name = _DISPLAY.get(kind, kind.upper())
    if structure:
        return f"truncated {name} file ({structure})"
    detail = str(exc).strip().rstrip(".")
    if isinstance(exc, mutagen.mp3.HeaderNotFoundError):
        detail = "no MPEG audio frames found"
    elif not isinstance(exc, mutagen.MutagenError) or not detail:
        detail = type(exc).__name__
    if len(detail) > 60:
        detail = detail[:57] + "..."
    return f"damaged or truncated {name} file ({detail})"


def _read_tail_tags(opened: OpenedAudio, fh: BinaryIO, size: int) -> None:
    fh.seek(max(0, size - 160))
    tail = fh.read(160)
    # The "TAG" inside an APEv2 header ("APETAGEX") can sit exactly 128 bytes from the end.
    if len(tail) >= 128 and tail[-128:-125] == b"TAG" and tail[-131:-123] != b"APETAGEX":
        frames = mutagen.id3.ParseID3v1(tail[-128:])
        if frames:
            opened.id3v1 = frames
    if b"APETAGEX" in tail:
        try:
            fh.seek(0)
            opened.apev2 = mutagen.apev2.APEv2(fh)
        except Exception:
            opened.warnings.append("an APEv2 tag at the end is damaged")


def _check_name(opened: OpenedAudio) -> None:
    expected = format_for_extension(opened.path)
    family = {"vorbis": "ogg", "opus": "ogg", "oggflac": "ogg", "speex": "ogg"}
    actual = family.get(opened.kind, opened.kind)
    if expected and expected != actual:
        holds = _DISPLAY.get(opened.kind, opened.kind.upper())
        opened.warnings.append(f"named {extension_of(opened.path)} but holds {holds} audio")
