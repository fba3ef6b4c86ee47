"""What a file is: by its name (cheap, for the folder walk) and by its first bytes (for reading).

A music folder holds more than songs: covers, playlists, lyrics, rip logs, Windows and macOS
droppings, and now and then a file whose name lies (a JPEG saved as ``.mp3``, a half-finished
download of zeros). The walker trusts names so that it never has to open a file; the tag reader
then trusts content, so a misnamed file is either read as what it really is or reported as
what it is ("not audio (a JPEG image)").
"""

from __future__ import annotations

import errno
import stat
from dataclasses import dataclass

from ostplayer.domain.track_facts import UnreadableFile

__all__ = [
    "AUDIO_EXTENSIONS",
    "UNKNOWN_CONTENT",
    "ZEROS",
    "Sniffed",
    "describe_non_audio",
    "describe_special_file",
    "extension_of",
    "format_for_extension",
    "is_audio_name",
    "sniff",
    "unreadable_from_os_error",
]

# Extension → the container the reader tries when the content does not say (an MP3 without an
# ID3 tag or a frame sync at byte 0 still has to be read as MP3).
_EXTENSION_KINDS = {
    ".mp3": "mp3",
    ".mp2": "mp3",
    ".flac": "flac",
    ".ogg": "ogg",
    ".oga": "ogg",
    ".opus": "ogg",
    ".m4a": "mp4",
    ".m4b": "mp4",
    ".mp4": "mp4",  # often an audio-only rip; the reader refuses ones with a video track
    ".aac": "aac",
    ".wav": "wav",
    ".wave": "wav",
    ".aif": "aiff",
    ".aiff": "aiff",
    ".aifc": "aiff",
    ".ape": "ape",
    ".wma": "asf",
    ".asf": "asf",
    ".wv": "wavpack",
    ".mpc": "musepack",
}
AUDIO_EXTENSIONS = frozenset(_EXTENSION_KINDS)
UNKNOWN_CONTENT = "not a known audio format"
ZEROS = "only zero bytes (an unfinished download or a damaged copy)"


@dataclass(frozen=True, slots=True)
class Sniffed:
    """The first bytes' verdict: an audio container (``kind``) or what else it is (``other``)."""

    kind: str = ""  # "mp3", "flac", "vorbis", "opus", "oggflac", "speex", "mp4", "wav", …
    other: str = ""  # "a JPEG image", "a text file", … when the content is not audio
    id3v2_size: int = 0  # bytes of a leading ID3v2 tag (header included), 0 if none


def extension_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def is_audio_name(name: str) -> bool:
    """A name the walker hands to the reader: an audio extension, not an AppleDouble file."""
    return not name.startswith("._") and extension_of(name) in AUDIO_EXTENSIONS


def format_for_extension(name: str) -> str:
    return _EXTENSION_KINDS.get(extension_of(name), "")


_ASF_GUID = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")

# Checked in order; each is (prefix, offset, what it is).
_MAGIC_AUDIO: tuple[tuple[bytes, int, str], ...] = (
    (b"fLaC", 0, "flac"),
    (b"MAC ", 0, "ape"),
    (b"wvpk", 0, "wavpack"),
    (b"MPCK", 0, "musepack"),
    (b"MP+", 0, "musepack"),
    (_ASF_GUID, 0, "asf"),
    (b"ftyp", 4, "mp4"),
)
_MAGIC_OTHER: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"%PDF", 0, "a PDF document"),
    (b"PK\x03\x04", 0, "a ZIP archive"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an Office document or Thumbs.db"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"\x7fELF", 0, "a program (ELF)"),
    (b"MZ", 0, "a Windows program"),
    (b"\x1aE\xdf\xa3", 0, "a Matroska/WebM file"),
    (b"moov", 4, "a QuickTime movie without a file type"),
)
_RIFF_FORMS = {b"WAVE": "wav", b"RF64": "", b"AVI ": "an AVI video", b"WEBP": "a WebP image"}
_CUE_COMMANDS = ("REM ", "PERFORMER ", "TITLE ", "FILE ", "CATALOG ")
_TEXT_STARTS = (
    (b"#extm3u", "a playlist (M3U)"),
    (b"[playlist]", "a playlist (PLS)"),
    (b"<?xml", "an XML file"),
    (b"<!doctype html", "a web page (HTML)"),
    (b"<html", "a web page (HTML)"),
)


def sniff(head: bytes, after_id3: bytes = b"", id3v2_size: int = 0) -> Sniffed:
    """Identify a file from its first bytes.

    ``head`` is the start of the file; when it begins with an ID3v2 tag, ``after_id3`` holds
    the bytes that follow the tag (FLAC and AAC files sometimes carry one in front) and
    ``id3v2_size`` its length.
    """
    if head.startswith(b"ID3"):
        inner = sniff(after_id3) if after_id3 else Sniffed()
        # Behind an ID3 tag anything but another container is taken as MPEG audio: MP3 files
        # often have padding or junk before the first frame, which mutagen's MP3 reader skips.
        kind = inner.kind if inner.kind in ("flac", "aac", "ape") else "mp3"
        return Sniffed(kind=kind, id3v2_size=id3v2_size)
    for magic, offset, kind in _MAGIC_AUDIO:
        if head[offset : offset + len(magic)] == magic:
            return Sniffed(kind=kind)
    if head.startswith(b"OggS"):
        return Sniffed(kind=_ogg_codec(head))
    if head.startswith(b"RIFF") or head.startswith(b"RF64"):
        form = _RIFF_FORMS.get(head[8:12], "a RIFF file of an unknown kind")
        if head.startswith(b"RF64"):
            return Sniffed(other="an RF64 (64-bit WAV) file, which cannot be read yet")
        return Sniffed(kind=form) if form == "wav" else Sniffed(other=form)
    if head.startswith(b"FORM") and head[8:12] in (b"AIFF", b"AIFC"):
        return Sniffed(kind="aiff")
    frame = _mpeg_frame_kind(head)
    if frame:
        return Sniffed(kind=frame)
    return Sniffed(other=describe_non_audio(head))


def _ogg_codec(head: bytes) -> str:
    # The first page holds exactly the codec's identification packet.
    if len(head) < 28:
        return "ogg"
    packet = head[27 + head[26] :]
    for magic, kind in (
        (b"\x01vorbis", "vorbis"),
        (b"OpusHead", "opus"),
        (b"\x7fFLAC", "oggflac"),
        (b"Speex   ", "speex"),
    ):
        if packet.startswith(magic):
            return kind
    if packet.startswith(b"\x80theora"):
        return "theora"
    return "ogg"


def _mpeg_frame_kind(head: bytes) -> str:
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return ""
    layer = (head[1] >> 1) & 0x03
    if layer == 0:
        # Layer bits 00 in an MPEG-2/4 sync word: an ADTS AAC stream.
        return "aac" if head[1] & 0xF6 == 0xF0 else ""
    bitrate_index = head[2] >> 4
    rate_index = (head[2] >> 2) & 0x03
    return "mp3" if bitrate_index not in (0, 15) and rate_index != 3 else ""


def describe_non_audio(head: bytes) -> str:
    """A short phrase for what a non-audio file is ("a JPEG image", "a text file", …)."""
    if not head:
        return "an empty file"
    if not head.strip(b"\x00"):
        return ZEROS
    for magic, offset, what in _MAGIC_OTHER:
        if head[offset : offset + len(magic)] == magic:
            return what
    if head[4:8] == b"ftyp":
        return "an MP4 file"
    return _describe_text(head) or UNKNOWN_CONTENT


def _describe_text(head: bytes) -> str:
    body = head
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if body.startswith(bom):
            return "a text file"
    lowered = body.lstrip().lower()
    for start, what in _TEXT_STARTS:
        if lowered.startswith(start):
            return what
    if b"\x00" in body:
        return ""
    text = ""
    for encoding in ("utf-8", "cp949"):
        try:
            text = body.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            # The sample may end in the middle of a multi-byte character.
            if exc.start >= len(body) - 3:
                text = body[: exc.start].decode(encoding, errors="ignore")
                break
    if not text:
        return ""
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    if printable < 0.95 * len(text):
        return ""
    stripped = text.lstrip("\ufeff \r\n\t")
    if stripped.startswith("[") and ":" in stripped[:12] and "]" in stripped[:40]:
        return "a lyrics file (LRC)"
    if stripped.upper().startswith(_CUE_COMMANDS):
        return "a cue sheet"
    return "a text file"


def unreadable_from_os_error(path: str, exc: OSError) -> UnreadableFile:
    if isinstance(exc, PermissionError):
        return UnreadableFile(path, "permission denied")
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile(path, "vanished while it was being read")
    if exc.errno == errno.EIO:
        return UnreadableFile(path, "read error from the disk (I/O error)")
    if exc.errno == errno.ENAMETOOLONG:
        return UnreadableFile(path, "its path is too long to open")
    return UnreadableFile(path, f"cannot be read ({exc.strerror or type(exc).__name__})")


def describe_special_file(mode: int) -> str:
    """ "a FIFO (named pipe)", "a device", … for a ``st_mode`` that is not a regular file."""
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a FIFO (named pipe)"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "a special file"
    return what
