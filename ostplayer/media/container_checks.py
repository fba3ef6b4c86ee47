"""Structural checks mutagen does not make: does the file end where its own headers say?

mutagen reads headers and tags, so a download cut off in the middle of the audio usually loads
fine (and an Ogg one even reports a length of zero). Each check here costs a read or two near
the end of the file and returns a short phrase for the scan report ("about 40% of the audio is
missing"), or "" when the file looks whole or the format gives nothing to check against.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

__all__ = [
    "Mp4Layout",
    "flac_truncation",
    "missing_share",
    "mp3_truncation",
    "mp4_layout",
    "ogg_truncation",
]

_TAIL = 64 * 1024
_VIDEO_CODECS = (b"avc1", b"avc3", b"hvc1", b"hev1", b"mp4v", b"av01", b"vp09", b"dvh1")


def missing_share(present: float, expected: float) -> str:
    """ "about 40% of the audio is missing" when less than ~95% of ``expected`` is there."""
    if expected <= 0 or present >= 0.95 * expected:
        return ""
    share = max(1, min(99, round(100 * (1 - present / expected))))
    return f"about {share}% of the audio is missing"


def mp3_truncation(file_size: int, first_frame: int, bitrate: int, length: float) -> str:
    # With a Xing/Info/VBRI header mutagen takes the length from the frame count, so a cut
    # file has fewer bytes than length x bitrate; without one the length comes from the file
    # size and this check passes by construction.
    expected = bitrate / 8 * length
    present = file_size - first_frame
    if expected - present < 4096:  # tags at the end and rounding
        return ""
    return missing_share(present, expected)


@dataclass(frozen=True, slots=True)
class Mp4Layout:
    truncation: str  # "" or a phrase
    has_video: bool  # a real video track (not a cover picture or chapter images)


def mp4_layout(fh: BinaryIO, file_size: int) -> Mp4Layout:
    """Walk the top-level boxes; look inside ``moov`` for a video track."""
    position = 0
    truncation = ""
    has_video = False
    for _ in range(256):
        if position + 8 > file_size:
            break
        fh.seek(position)
        header = fh.read(16)
        if len(header) < 8:
            break
        size, name = struct.unpack(">I4s", header[:8])
        header_size = 8
        if size == 1 and len(header) == 16:
            (size,) = struct.unpack(">Q", header[8:16])
            header_size = 16
        elif size == 0:  # "extends to the end of the file"
            size = file_size - position
        if size < header_size:
            truncation = "damaged box structure"
            break
        if position + size > file_size:
            what = name.decode("latin-1")
            share = missing_share(file_size - position, size) if name == b"mdat" else ""
            truncation = share or f"the file ends inside its '{what}' box"
            break
        if name == b"moov" and size <= 32 * 1024 * 1024:
            fh.seek(position + header_size)
            has_video = _moov_has_video(fh.read(size - header_size))
        position += size
    return Mp4Layout(truncation=truncation, has_video=has_video)


def _moov_has_video(moov: bytes) -> bool:
    handlers = set()
    start = moov.find(b"hdlr")
    while start != -1:
        handlers.add(moov[start + 12 : start + 16])
        start = moov.find(b"hdlr", start + 4)
    return b"vide" in handlers and any(codec in moov for codec in _VIDEO_CODECS)


def ogg_truncation(fh: BinaryIO, file_size: int) -> str:
    """ "" when the file ends exactly at the end of a complete Ogg page."""
    for tail in (8192, 70000):
        start = max(0, file_size - tail)
        fh.seek(start)
        data = fh.read(file_size - start)
        last = data.rfind(b"OggS")
        while last != -1 and data[last + 4 : last + 5] != b"\x00":  # stream structure version
            last = data.rfind(b"OggS", 0, last)
        if last != -1:
            break
        if start == 0:
            return "no complete Ogg page at the end"
    else:
        return "no complete Ogg page at the end"
    page = data[last:]
    if len(page) < 27 or len(page) < 27 + page[26]:
        return "the file ends in the middle of an Ogg page"
    segments = page[27 : 27 + page[26]]
    if 27 + len(segments) + sum(segments) > len(page):
        return "the file ends in the middle of an Ogg page"
    return ""


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _flac_block_size(code: int, extra: bytes) -> int:
    if code == 1:
        return 192
    if 2 <= code <= 5:
        return 576 << (code - 2)
    if code == 6:
        return extra[0] + 1
    if code == 7:
        return struct.unpack(">H", extra[:2])[0] + 1
    if code >= 8:
        return 256 << (code - 8)
    return 0


def _flac_frame_at(data: bytes, at: int) -> tuple[int, int, bool] | None:
    """(coded number, block size, variable-blocksize) of a valid frame header at ``at``."""
    header = data[at : at + 16]
    if len(header) < 6 or header[3] & 0x01:
        return None
    lead = header[4]
    extra_bytes = next((n for n in range(7) if not lead & (0x80 >> n)), 7)
    if extra_bytes == 1 or extra_bytes == 7:
        return None
    length = 1 if extra_bytes == 0 else extra_bytes
    number = lead & (0x7F >> length) if length > 1 else lead
    for byte in header[5 : 4 + length]:
        if byte & 0xC0 != 0x80:
            return None
        number = (number << 6) | (byte & 0x3F)
    cursor = 4 + length
    block_code, rate_code = header[2] >> 4, header[2] & 0x0F
    block_extra = {6: 1, 7: 2}.get(block_code, 0)
    rate_extra = {12: 1, 13: 2, 14: 2}.get(rate_code, 0)
    extra = header[cursor : cursor + block_extra]
    cursor += block_extra + rate_extra
    if block_code == 0 or rate_code == 15 or cursor >= len(header):
        return None
    if _crc8(header[:cursor]) != header[cursor]:
        return None
    return number, _flac_block_size(block_code, extra), bool(header[1] & 0x01)


def flac_truncation(
    fh: BinaryIO, file_size: int, total_samples: int, block_size: int, max_frame: int = 0
) -> str:
    """Compare the last frame's position in the stream with STREAMINFO's sample count.

    ``max_frame`` (STREAMINFO's largest frame, 0 if unknown) bounds how much of the end is read:
    the last two frames are all that is needed."""
    if total_samples <= 0:
        return ""
    tail = min(_TAIL, max(4096, 3 * max_frame)) if max_frame else _TAIL
    start = max(0, file_size - tail)
    fh.seek(start)
    data = fh.read(file_size - start)
    # Audio data can hold a sync code with a matching CRC-8 by chance: a frame only counts
    # when the frame just before it ends exactly where it starts.
    later: list[tuple[int, int]] = []
    at = len(data)
    while len(later) < 16:
        at = max(data.rfind(b"\xff\xf8", 0, at), data.rfind(b"\xff\xf9", 0, at))
        if at == -1:
            return ""
        frame = _flac_frame_at(data, at)
        if frame is None:
            continue
        number, size, variable = frame
        first = number if variable else number * block_size
        if first >= total_samples:
            continue
        for later_first, later_size in later:
            if first + size == later_first:
                return missing_share(later_first + later_size, total_samples)
        later.append((first, size))
    return ""
