"""Telling text from binary, and UTF-16/32 from their bytes alone.

Pure Python. People pick the wrong file ("song.mp3" renamed "song.lrc", a cover image, a
file dialog's "All files"), and Windows tools write UTF-16 without a BOM: both are told from the
bytes before any decoding is tried.
"""

from __future__ import annotations

import re

__all__ = ["BOMS", "MAX_LYRICS_BYTES", "describe_size", "not_lyrics_reason", "unicode_without_bom"]

# A long song's LRC with word stamps is ~20 KB; a megabyte is far beyond any lyrics.
MAX_LYRICS_BYTES = 1024 * 1024

#: (BOM, display name), longest first where two share a start.
BOMS = (
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xff\xfe\x00\x00", "UTF-32-LE"),  # before UTF-16 LE: same first two bytes
    (b"\x00\x00\xfe\xff", "UTF-32-BE"),
    (b"\xff\xfe", "UTF-16-LE"),
    (b"\xfe\xff", "UTF-16-BE"),
)

# (offset, magic, what it is). Picked by people by mistake ("song.mp3" renamed
# "song.lrc", a cover image) or by a file dialog's "All files".
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"ID3", "an MP3 audio file"),
    (0, b"fLaC", "a FLAC audio file"),
    (0, b"OggS", "an Ogg audio file"),
    (0, b"RIFF", "a WAV (RIFF) file"),
    (0, b"FORM", "an AIFF audio file"),
    (4, b"ftyp", "an MP4/M4A file"),
    (0, b"MAC ", "a Monkey's Audio file"),
    (0, b"wvpk", "a WavPack audio file"),
    (0, b"MPCK", "a Musepack audio file"),
    (0, b"\x30\x26\xb2\x75", "a WMA/ASF file"),
    (0, b"\x89PNG", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF8", "a GIF image"),
    (0, b"%PDF", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive"),
)

# What lyrics are made of: ASCII text, Latin-1 letters, general punctuation, CJK
# punctuation, Hangul jamo and syllables, kana, CJK ideographs, full-width forms.
_PLAUSIBLE_RE = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u30ff"
    "\u3131-\u318e\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef\ufeff]"
)


def describe_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def not_lyrics_reason(data: bytes, size: int | None = None) -> str | None:
    """Why these bytes are not a lyrics file ("an MP3 audio file", "too large..."), or None.

    ``size`` is the file's full size when ``data`` is only its start.
    """
    size = len(data) if size is None else size
    if size > MAX_LYRICS_BYTES:
        return f"too large for a lyrics file ({describe_size(size)}; the limit is 1 MB)"
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    head = data[:4096]
    controls = sum(1 for b in head if b < 0x09 or (0x0E <= b < 0x20 and b != 0x1B))
    # Magic numbers alone could match a lyric's first word ("FORM", "MAC "); real
    # media headers also hold control bytes, which text never does.
    if controls:
        for offset, magic, what in _SIGNATURES:
            if data[offset : offset + len(magic)] == magic:
                return what
        if len(data) >= 2 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0:
            return "an MP3 audio file"  # MPEG frame sync without an ID3 tag
    # A stray NUL in a damaged text file is tolerated; binary data is full of them.
    if controls * 10 > len(head) and unicode_without_bom(data) is None:
        return "a binary file"
    return None


def unicode_without_bom(data: bytes) -> str | None:
    """UTF-16/32 without BOM, told by where the NUL bytes fall."""
    if len(data) < 2 or b"\x00" not in data:
        return None
    if len(data) >= 8 and len(data) % 4 == 0:
        quads = [data[i::4].count(0) for i in range(4)]
        units = len(data) // 4
        # UTF-32: every code point < U+10000 has two zero high bytes.
        if quads[2] >= units * 0.9 and quads[3] >= units * 0.9:
            return "utf-32-le"
        if quads[0] >= units * 0.9 and quads[1] >= units * 0.9:
            return "utf-32-be"
    # ASCII in UTF-16 LE puts its NUL high byte at odd offsets, but Hangul gives NULs
    # too (U+AC00 "가" is 00 AC in LE), so the byte pattern only hints. Decide by which
    # byte order gives text: letters, Hangul, punctuation rather than control codes.
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        usable = data[: len(data) - len(data) % 2]  # a truncated file may end mid-unit
        text = usable.decode(codec, errors="replace")
        score = len(_PLAUSIBLE_RE.findall(text)) / max(1, len(text))
        if score > best_score:
            best, best_score = codec, score
    return best if best_score >= 0.85 else None
