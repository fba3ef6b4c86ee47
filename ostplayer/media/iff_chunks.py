"""The chunk list of a WAV (RIFF) or AIFF (IFF) file, and a WAV's RIFF INFO tags.

mutagen reads the ID3 chunk of both formats but not RIFF INFO (``LIST``/``INFO``), which is what
Windows Explorer, Sound Forge, Audacity and ffmpeg write. Walking the chunk headers also shows
a truncated file: its sample data chunk claims more bytes than the file has.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["IffLayout", "read_iff_layout"]

_MAX_CHUNKS = 512  # a real file has a handful; this bounds the walk over a garbage file
_MAX_INFO_BYTES = 256 * 1024
_SAMPLE_CHUNKS = (b"data", b"SSND")


@dataclass(frozen=True, slots=True)
class IffLayout:
    info: dict[str, bytes]  # RIFF INFO: {"INAM": b"...", "IART": b"..."}, raw bytes
    missing_bytes: int  # how many bytes the sample chunk claims beyond the end of the file
    declared_bytes: int  # the sample chunk's declared size


def read_iff_layout(fh: BinaryIO, file_size: int, *, big_endian: bool) -> IffLayout:
    """Walk the chunk headers after the 12-byte RIFF/FORM header, reading only INFO lists."""
    size_format = ">I" if big_endian else "<I"
    info: dict[str, bytes] = {}
    missing = declared = 0
    position = 12
    for _ in range(_MAX_CHUNKS):
        if position + 8 > file_size:
            break
        fh.seek(position)
        header = fh.read(8)
        if len(header) < 8:
            break
        chunk_id = header[:4]
        (chunk_size,) = struct.unpack(size_format, header[4:])
        body = position + 8
        if chunk_id in _SAMPLE_CHUNKS:
            declared = chunk_size
            missing = max(missing, body + chunk_size - file_size)
        elif chunk_id == b"LIST" and not big_endian and chunk_size <= _MAX_INFO_BYTES:
            payload = fh.read(chunk_size)
            if payload[:4] == b"INFO":
                info.update(_parse_info(payload[4:]))
        # Chunks are padded to an even length.
        position = body + chunk_size + (chunk_size & 1)
    return IffLayout(info=info, missing_bytes=max(0, missing), declared_bytes=declared)


def _parse_info(payload: bytes) -> dict[str, bytes]:
    fields: dict[str, bytes] = {}
    offset = 0
    while offset + 8 <= len(payload):
        key = payload[offset : offset + 4]
        (size,) = struct.unpack("<I", payload[offset + 4 : offset + 8])
        value = payload[offset + 8 : offset + 8 + size]
        offset += 8 + size + (size & 1)
        if key.isalnum():
            fields.setdefault(key.decode("ascii").upper(), value.split(b"\x00", 1)[0])
    return fields
