"""What a file is, by its first bytes rather than its name.

A JPEG renamed ``song.mp3`` is not audio, and ``rec_0031`` without an extension may be. Only
regular files are opened, without following into FIFOs or devices (which would block or never
end), and only the first bytes are read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

HEAD_BYTES = 64

# (offset, magic, what it is, is it audio)
_SIGNATURES: tuple[tuple[int, bytes, str, bool], ...] = (
    (0, b"ID3", "an MP3 file", True),
    (0, b"fLaC", "a FLAC file", True),
    (0, b"OggS", "an Ogg file", True),
    (0, b"MAC ", "a Monkey's Audio file", True),
    (0, b"wvpk", "a WavPack file", True),
    (0, b"MPCK", "a Musepack file", True),
    (0, b"MP+", "a Musepack file", True),
    (0, b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", "a WMA/ASF file", True),
    (0, b".snd", "an AU file", True),
    (0, b"#!AMR", "an AMR file", True),
    (0, b"\x1aE\xdf\xa3", "a Matroska/WebM file", True),
    (0, b"\x89PNG", "a PNG image", False),
    (0, b"\xff\xd8\xff", "a JPEG image", False),
    (0, b"GIF8", "a GIF image", False),
    (0, b"BM", "a BMP image", False),
    (0, b"%PDF", "a PDF document", False),
    (0, b"PK\x03\x04", "a ZIP archive", False),
    (0, b"\x7fELF", "a program", False),
    (0, b"Rar!", "a RAR archive", False),
    (0, b"\x1f\x8b", "a gzip archive", False),
)


@dataclass(frozen=True)
class Sniffed:
    is_audio: bool
    what: str  # "an MP3 file", "a JPEG image", "an empty file", "a folder", …


def sniff_bytes(head: bytes) -> Sniffed:
    if not head:
        return Sniffed(False, "an empty file")
    for offset, magic, what, audio in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return Sniffed(audio, what)
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"RF64"):
        return Sniffed(True, "a WAV file")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Sniffed(False, "an AVI video")
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return Sniffed(True, "an AIFF file")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B ", b"M4P ", b"mp42", b"isom", b"mp41", b"dash", b"iso2"):
            return Sniffed(True, "an MP4/M4A file")
        return Sniffed(True, "an MP4 file")
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return Sniffed(True, "an MPEG audio file")  # MP3/AAC ADTS frame sync, no ID3 tag
    if _looks_like_text(head):
        return Sniffed(False, "a text file")
    return Sniffed(False, "not a known audio format")


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(b >= 0x20 or b in b"\t\r\n" for b in head)


def sniff_path(path: str | os.PathLike[str]) -> Sniffed:
    """Never blocks on a FIFO or device; OSError for a file that cannot be read."""
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        return Sniffed(False, "a folder")
    if stat.S_ISFIFO(st.st_mode):
        return Sniffed(False, "a named pipe (FIFO)")
    if not stat.S_ISREG(st.st_mode):
        return Sniffed(False, "a device or special file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            return Sniffed(False, "a device or special file")
        return sniff_bytes(os.read(fd, HEAD_BYTES))
    finally:
        os.close(fd)


def link_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be linked as a song's audio (by its content); None if it can.
    The window and ``ostplayer link`` both ask this, so they refuse the same files."""
    try:
        sniffed = sniff_path(path)
    except FileNotFoundError:
        return f"{path} does not exist"
    except OSError as exc:
        return f"{path} cannot be read: {exc.strerror or exc}"
    if not sniffed.is_audio:
        return f"{os.path.basename(path)} is {sniffed.what}, not audio"
    return None
