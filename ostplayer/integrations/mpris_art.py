"""A cover as a file a desktop can show: MPRIS ``mpris:artUrl`` and notifications want a path.

A folder image (``cover.jpg``) is named as it is; a picture embedded in the tags is written
once to the cache folder under its cache key (path, size, mtime of the audio file), so a
retagged file gets a new picture and an unchanged one is never written twice. Reads the disk:
call it off the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..media.atomic import write_file_atomically
from ..media.covers import cover_for, load_cover

log = logging.getLogger(__name__)

_KINDS = ((b"\x89PNG", ".png"), (b"GIF8", ".gif"), (b"RIFF", ".webp"), (b"BM", ".bmp"))


def _suffix(data: bytes) -> str:
    for magic, suffix in _KINDS:
        if data.startswith(magic):
            return suffix
    return ".jpg"


def cover_file(audio_path: str, cache_dir: Path) -> Path | None:
    """A file holding the cover of ``audio_path``, or None when it has none (or on errors)."""
    try:
        ref = cover_for(audio_path)
        if ref.kind == "folder":
            return ref.source
        if ref.kind != "embedded":
            return None
        folder = cache_dir / "covers"
        existing = sorted(folder.glob(f"{ref.cache_key}.*")) if folder.is_dir() else []
        if existing:
            return existing[0]
        data = load_cover(ref)
        if not data:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{ref.cache_key}{_suffix(data)}"
        write_file_atomically(target, data)
        return target
    except OSError as exc:
        log.info("no cover for %s: %s", audio_path, exc)
        return None
