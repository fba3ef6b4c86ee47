"""Turning a lyrics file's bytes into text: binary sniffing and encoding detection.

Pure Python (no Qt, no file access) so the rules can be tested on plain bytes. Lyrics
files come from everywhere: UTF-8 with or without BOM, UTF-16 from Windows tools
(often without BOM), and legacy Korean CP949/EUC-KR. Real files also carry stray bytes
(a truncated download, one mis-encoded character), so detection weighs the candidates
by how many characters they cannot decode instead of demanding a perfect decode.
"""

from __future__ import annotations

import re

__all__ = ["MAX_LYRICS_BYTES", "decode_lyrics_bytes", "describe_size", "not_lyrics_reason"]

# A long song's LRC with word stamps is ~20 KB; a megabyte is far beyond any lyrics.
MAX_LYRICS_BYTES = 1024 * 1024

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE: same first two bytes
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
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
    if any(data.startswith(bom) for bom, _ in _BOMS):
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
    if controls * 10 > len(head) and _unicode_codec(data) is None:
        return "a binary file"
    return None


def decode_lyrics_bytes(data: bytes) -> str:
    """Decode lyrics file bytes; never fails.

    Order: BOM; UTF-16/32 without BOM (only when NUL bytes show its pattern); else
    UTF-8 or CP949 (superset of EUC-KR), whichever leaves fewer undecodable bytes,
    UTF-8 on a tie. A file neither decodes well falls back to latin-1 so no byte is lost.
    """
    data = bytes(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strip_bom(_decode(data[len(bom) :], codec))
    codec = _unicode_codec(data)
    if codec is not None:
        return _strip_bom(_decode(data, codec))
    utf8 = data.decode("utf-8", errors="replace")
    bad_utf8 = utf8.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # real U+FFFD in the file
    if bad_utf8 == 0:
        return _strip_bom(utf8)
    cp949 = data.decode("cp949", errors="replace")
    bad_cp949 = cp949.count("\ufffd")
    best, bad = (utf8, bad_utf8) if bad_utf8 <= bad_cp949 else (cp949, bad_cp949)
    # Many failures in both: not Korean, most likely a Western legacy file.
    if bad * 20 > max(1, len(best)) and _mostly_high_bytes_fail(data):
        return _strip_bom(data.decode("latin-1"))
    return _strip_bom(best)


def _decode(data: bytes, codec: str) -> str:
    unit = 4 if codec.startswith("utf-32") else 2 if codec.startswith("utf-16") else 1
    # A truncated file may end in part of a code unit; drop it rather than show junk.
    return data[: len(data) - len(data) % unit].decode(codec, errors="replace")


def _mostly_high_bytes_fail(data: bytes) -> bool:
    """True when most non-ASCII bytes are lone (latin-1 style), not multi-byte pairs."""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return False
    lone = sum(
        1
        for i in high
        if (i == 0 or data[i - 1] < 0x80) and (i + 1 >= len(data) or data[i + 1] < 0x80)
    )
    return lone * 2 > len(high)


def _unicode_codec(data: bytes) -> str | None:
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
        text = _decode(data, codec)
        score = len(_PLAUSIBLE_RE.findall(text)) / max(1, len(text))
        if score > best_score:
            best, best_score = codec, score
    return best if best_score >= 0.85 else None


def _strip_bom(text: str) -> str:
    return text.lstrip("\ufeff")
