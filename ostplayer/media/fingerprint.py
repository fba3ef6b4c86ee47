"""Acoustic fingerprints (Chromaprint, through the ``fpcalc`` tool) and comparing them.

Tags say what a file claims to be; a fingerprint says what it sounds like, so the same
recording in two formats (a FLAC rip and the MP3 made from it) is recognised even when the tags
disagree. ``fpcalc -raw`` gives the fingerprint as 32-bit words, about eight per second of audio;
the compressed form (AcoustID's, what ``fpcalc`` prints without ``-raw``) is computed here from
the same words, so each file is decoded once.

``fpcalc`` only ever sees a regular file (a FIFO would block it), at most ``length_s`` seconds
of it, and is killed after ``timeout_s``. Without ``fpcalc`` every call returns None.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import stat
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "Fingerprint",
    "available",
    "compress_fingerprint",
    "decompress_fingerprint",
    "fingerprint",
    "similarity",
]

_ALGORITHM = 1  # Chromaprint's default (CHROMAPRINT_ALGORITHM_TEST2), as fpcalc uses it
_MAX_NORMAL = 7
_MAX_OFFSET = 80  # words, about 10 s: a lead-in of silence or a radio edit's cut
_MIN_OVERLAP = 16  # words, about 2 s: fewer aligned words say nothing


@dataclass(frozen=True, slots=True)
class Fingerprint:
    duration_s: float
    compressed: str  # AcoustID's base64 form, what TrackFacts.fingerprint stores
    raw: tuple[int, ...]  # unsigned 32-bit words, for :func:`similarity`


def available(fpcalc: str = "fpcalc") -> bool:
    return shutil.which(fpcalc) is not None


def fingerprint(
    path: str | os.PathLike[str],
    timeout_s: float = 30.0,
    *,
    length_s: int = 120,
    fpcalc: str = "fpcalc",
) -> Fingerprint | None:
    """The fingerprint of the first ``length_s`` seconds of ``path``, or None when the file is
    not a readable regular file, holds no decodable audio, or fpcalc is missing or too slow."""
    executable = shutil.which(fpcalc)
    if executable is None:
        return None
    target = os.path.abspath(os.fspath(path))  # never starts with "-", so never an option
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return None
    except OSError:
        return None
    command = [executable, "-raw", "-json", "-length", str(int(length_s)), target]
    output = _run(command, timeout_s)
    if output is None:
        return None
    try:
        result = json.loads(output)
        raw = tuple(int(word) & 0xFFFFFFFF for word in result["fingerprint"])
        duration = float(result.get("duration", 0.0))
    except (ValueError, KeyError, TypeError):
        return None
    if not raw:
        return None
    return Fingerprint(duration, compress_fingerprint(raw), raw)


def _run(command: list[str], timeout_s: float) -> bytes | None:
    try:
        process = subprocess.Popen(
            [os.fsencode(part) for part in command],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, killed whole on a timeout
        )
    except OSError:
        return None
    try:
        output, _ = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None
    # 3 is fpcalc's "a decoding error, but the fingerprint is complete": Debian's 1.5.1 with
    # FFmpeg 5+ returns it at the end of every file (chromaprint issue #122; Picard accepts it).
    return output if process.returncode in (0, 3) else None


def _pack(values: Sequence[int], bits: int) -> bytes:
    packed = 0
    for index, value in enumerate(values):
        packed |= value << (index * bits)
    return packed.to_bytes((len(values) * bits + 7) // 8, "little")


def compress_fingerprint(raw: Sequence[int], algorithm: int = _ALGORITHM) -> str:
    """Chromaprint's compressed form: each word XOR the previous one, as the gaps between its
    set bits (3 bits each, 5 more for large gaps), base64url without padding."""
    normal: list[int] = []
    exceptional: list[int] = []
    previous = 0
    for index, word in enumerate(raw):
        changed = word ^ previous if index else word
        previous = word
        bit = last = 0
        while changed:
            bit += 1
            if changed & 1:
                gap = bit - last
                normal.append(min(gap, _MAX_NORMAL))
                if gap >= _MAX_NORMAL:
                    exceptional.append(gap - _MAX_NORMAL)
                last = bit
            changed >>= 1
        normal.append(0)
    size = len(raw)
    header = bytes((algorithm & 0xFF, (size >> 16) & 0xFF, (size >> 8) & 0xFF, size & 0xFF))
    payload = header + _pack(normal, 3) + _pack(exceptional, 5)
    return base64.urlsafe_b64encode(payload).rstrip(b"=").decode("ascii")


def decompress_fingerprint(compressed: str) -> tuple[int, ...]:
    """The raw words of a compressed fingerprint (``TrackFacts.fingerprint``); () if damaged."""
    try:
        data = base64.urlsafe_b64decode(compressed + "=" * (-len(compressed) % 4))
    except (ValueError, TypeError):
        return ()
    if len(data) < 4:
        return ()
    size = int.from_bytes(data[1:4], "big")
    bits = int.from_bytes(data[4:], "little")
    available_normal = (len(data) - 4) * 8 // 3
    normal: list[int] = []
    ends = 0
    while ends < size and len(normal) < available_normal:
        value = (bits >> (3 * len(normal))) & 0x07
        normal.append(value)
        ends += value == 0
    if ends < size:
        return ()
    start = 3 * len(normal)
    start += -start % 8  # the exceptional values start on the next byte
    extra = iter(
        (bits >> (start + 5 * i)) & 0x1F for i in range(sum(v == _MAX_NORMAL for v in normal))
    )
    words: list[int] = []
    word = last = 0
    for value in normal:
        if value == 0:
            previous = words[-1] if words else 0
            words.append(word ^ previous)
            word = last = 0
            continue
        gap = value + (next(extra, 0) if value == _MAX_NORMAL else 0)
        last += gap
        word |= 1 << (last - 1)
    return tuple(words)


def similarity(a: Sequence[int], b: Sequence[int], max_offset: int = _MAX_OFFSET) -> float:
    """How alike two raw fingerprints are: 1.0 identical, about 0 for unrelated audio.

    The words are aligned at every offset up to ``max_offset`` either way (one file may start
    a little later); at the best one, the share of differing bits (about half for unrelated
    audio) is mapped so that half or more scores 0.
    """
    if not a or not b:
        return 0.0
    bytes_a = _as_bytes(a)
    bytes_b = _as_bytes(b)
    best_error = 1.0
    for offset in range(-max_offset, max_offset + 1):
        start_a, start_b = max(0, offset), max(0, -offset)
        overlap = min(len(a) - start_a, len(b) - start_b)
        if overlap < max(min(_MIN_OVERLAP, len(a), len(b)), min(len(a), len(b)) // 2):
            continue
        chunk_a = int.from_bytes(bytes_a[4 * start_a : 4 * (start_a + overlap)], "little")
        chunk_b = int.from_bytes(bytes_b[4 * start_b : 4 * (start_b + overlap)], "little")
        error = (chunk_a ^ chunk_b).bit_count() / (32 * overlap)
        best_error = min(best_error, error)
    return max(0.0, 1.0 - 2.0 * best_error)


def _as_bytes(words: Sequence[int]) -> bytes:
    return b"".join((word & 0xFFFFFFFF).to_bytes(4, "little") for word in words)
