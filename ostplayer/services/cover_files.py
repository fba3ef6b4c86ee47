"""Which picture belongs to an audio file, as bytes, for the window's cover art.

The window may not read tags itself (the media layer is below services); this hands it the
picture's cache key and, when no thumbnail is cached, its bytes. Runs on a worker thread.
"""

from __future__ import annotations

from ..media.covers import cover_for, load_cover

__all__ = ["cover_bytes", "cover_key"]


def cover_key(audio: str) -> str:
    """A key that changes whenever the file's picture may have; "" when it has none."""
    ref = cover_for(audio)
    return ref.cache_key if ref.kind != "none" else ""


def cover_bytes(audio: str) -> bytes | None:
    ref = cover_for(audio)
    return load_cover(ref) if ref.kind != "none" else None
