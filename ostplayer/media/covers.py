"""Album art for a file: the picture embedded in its tags, or the cover image in its folder.

The bytes are returned as they are stored (JPEG, PNG, …); scaling to thumbnails is the UI's
job, off the GUI thread. Nothing larger than ``max_bytes`` is returned or read from a folder
image: a 300 MB "cover" (a scan at full resolution, a mislabelled video) must not be pulled into
memory just to draw a 64-pixel thumbnail.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import stat
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mutagen.apev2 import BINARY as APE_BINARY
from mutagen.flac import Picture
from mutagen.id3 import ID3
from mutagen.mp4 import MP4Tags

from ostplayer.domain.track_facts import UnreadableFile
from ostplayer.media.audio_open import OpenedAudio, open_audio, open_regular_file
from ostplayer.media.file_kinds import extension_of

__all__ = [
    "MAX_COVER_BYTES",
    "CoverRef",
    "cover_for",
    "embedded_cover",
    "folder_cover",
    "load_cover",
]

MAX_COVER_BYTES = 20 * 1024 * 1024
_FRONT = 3  # the ID3/FLAC/ASF picture type "Cover (front)"
_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp")
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM", b"RIFF")
# Named covers, best first; Windows Media Player's AlbumArtSmall is the last resort.
_NAMED = (
    re.compile(r"cover"),
    re.compile(r"folder"),
    re.compile(r"front"),
    re.compile(r"albumart"),
    re.compile(r"album"),
    re.compile(r"albumart_\{[0-9a-f-]+\}_large"),
    re.compile(r"(cover|front)[ _-]?\d*"),
    re.compile(r"albumartsmall|albumart_\{[0-9a-f-]+\}_small"),
)
_SCAN_FOLDERS = ("covers", "cover", "artwork", "scans", "scan", "art")
_NOT_FRONT = re.compile(r"back|inlay|tray|disc|\bcd\d*\b|booklet|inside|spine|rear|obi")


@dataclass(frozen=True, slots=True)
class CoverRef:
    """What to show for a file, and a key that changes whenever that picture may have."""

    kind: Literal["embedded", "folder", "none"]
    source: Path | None  # the audio file (embedded) or the image file (folder)
    cache_key: str  # stable across runs: path, size and mtime of the source


def _looks_like_image(data: bytes) -> bool:
    return data.startswith(_IMAGE_MAGIC) and not (
        data.startswith(b"RIFF") and data[8:12] != b"WEBP"
    )


def _best(pictures: Iterable[tuple[int, bytes]], max_bytes: int) -> bytes | None:
    usable = [(kind, data) for kind, data in pictures if 0 < len(data) <= max_bytes]
    usable = [(kind, data) for kind, data in usable if _looks_like_image(data)]
    if not usable:
        return None
    fronts = [data for kind, data in usable if kind == _FRONT]
    return fronts[0] if fronts else usable[0][1]


def embedded_cover(path: str | os.PathLike[str], max_bytes: int = MAX_COVER_BYTES) -> bytes | None:
    """The embedded front cover (or, failing that, the first embedded picture), or None."""
    opened = open_audio(os.fspath(path))
    if isinstance(opened, UnreadableFile):
        return None
    try:
        pictures = list(_pictures(opened, max_bytes))
    except Exception:  # a damaged picture frame: no cover, not a crash
        return None
    return _best(pictures, max_bytes)


def _pictures(opened: OpenedAudio, max_bytes: int) -> Iterable[tuple[int, bytes]]:
    audio, tags = opened.audio, opened.audio.tags
    for picture in getattr(audio, "pictures", None) or ():  # FLAC PICTURE blocks
        yield picture.type, picture.data
    if isinstance(tags, ID3):
        for frame in tags.getall("APIC"):
            if frame.mime != "-->":  # "-->" means the frame holds a URL, not a picture
                yield frame.type, frame.data
    elif isinstance(tags, MP4Tags):
        for cover in tags.get("covr", []):
            yield _FRONT, bytes(cover)
    elif tags is not None and opened.kind == "asf":
        for value in tags.get("WM/Picture", []):
            yield _asf_picture(value.value)
    elif tags is not None and opened.kind in ("ape", "wavpack", "musepack"):
        yield from _ape_pictures(tags)
    elif tags is not None:
        yield from _vorbis_pictures(tags, max_bytes)
    if opened.apev2 is not None:
        yield from _ape_pictures(opened.apev2)


def _vorbis_pictures(tags: Any, max_bytes: int) -> Iterable[tuple[int, bytes]]:
    limit = max_bytes * 4 // 3 + 4  # base64 length of the largest accepted picture
    for key, value in tags:
        lowered = key.lower()
        if lowered not in ("metadata_block_picture", "coverart") or len(value) > limit:
            continue
        try:
            raw = base64.b64decode(value)
        except (binascii.Error, ValueError):
            continue
        if lowered == "coverart":  # the old convention: the image itself
            yield _FRONT, raw
            continue
        try:
            picture = Picture(raw)
        except Exception:
            continue
        yield picture.type, picture.data


def _ape_pictures(tags: Any) -> Iterable[tuple[int, bytes]]:
    for key, value in tags.items():
        if value.kind != APE_BINARY or not key.lower().startswith("cover art"):
            continue
        # "Cover Art (Front)" holds "<file name>\0<image bytes>".
        data = bytes(value.value)
        _, _, image = data.partition(b"\x00")
        yield (_FRONT if "front" in key.lower() else 0), image


def _asf_picture(data: bytes) -> tuple[int, bytes]:
    # WM/Picture: type (1 byte), size (4, LE), MIME and description (UTF-16LE, NUL-ended).
    if len(data) < 5:
        return 0, b""
    kind = data[0]
    (size,) = struct.unpack("<I", data[1:5])
    offset = 5
    for _ in range(2):
        end = offset
        while end + 1 < len(data) and data[end : end + 2] != b"\x00\x00":
            end += 2
        offset = end + 2
    return kind, data[offset : offset + size]


def _image_names(folder: Path) -> list[tuple[str, Path]]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        name = entry.name
        if name.startswith(".") or extension_of(name) not in _IMAGE_EXTENSIONS:
            continue
        try:
            if not entry.is_file() or not 0 < entry.stat().st_size <= MAX_COVER_BYTES:
                continue
        except OSError:
            continue
        found.append((name[: name.rfind(".")].lower(), Path(entry.path)))
    found.sort(key=lambda item: item[1].name)
    return found


def _named_cover(images: list[tuple[str, Path]]) -> Path | None:
    for pattern in _NAMED:
        for stem, path in images:
            if pattern.fullmatch(stem):
                return path
    return None


def folder_cover(folder: str | os.PathLike[str]) -> Path | None:
    """``cover.jpg``, ``folder.jpg``, ``front.png``…, any case; a lone image as a fallback."""
    folder = Path(folder)
    images = _image_names(folder)
    named = _named_cover(images)
    if named is not None:
        return named
    for sub in _subfolders(folder):
        named = _named_cover(_image_names(sub))
        if named is not None:
            return named
    fronts = [path for stem, path in images if not _NOT_FRONT.search(stem)]
    return fronts[0] if len(fronts) == 1 else None


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(
            Path(entry.path)
            for entry in os.scandir(folder)
            if entry.name.lower() in _SCAN_FOLDERS and entry.is_dir()
        )
    except OSError:
        return []


def _cache_key(kind: str, source: Path) -> str | None:
    try:
        st = source.stat()
    except OSError:
        return None
    digest = hashlib.blake2b(digest_size=16)
    for part in (
        kind.encode(),
        os.fsencode(source),
        str(st.st_size).encode(),
        str(st.st_mtime_ns).encode(),
    ):
        digest.update(part)
        digest.update(b"\x00")
    return digest.hexdigest()


def cover_for(path: str | os.PathLike[str], *, has_embedded: bool | None = None) -> CoverRef:
    """Which picture to show for an audio file. ``has_embedded`` (from ``TrackFacts.has_cover``)
    saves reading the tags again."""
    audio = Path(path)
    if has_embedded is None:
        has_embedded = embedded_cover(audio) is not None
    if has_embedded:
        key = _cache_key("embedded", audio)
        if key is not None:
            return CoverRef("embedded", audio, key)
    image = folder_cover(audio.parent)
    if image is not None:
        key = _cache_key("folder", image)
        if key is not None:
            return CoverRef("folder", image, key)
    return CoverRef("none", None, "")


def load_cover(ref: CoverRef, max_bytes: int = MAX_COVER_BYTES) -> bytes | None:
    """The picture's bytes, or None when it is gone or too large."""
    if ref.source is None:
        return None
    if ref.kind == "embedded":
        return embedded_cover(ref.source, max_bytes)
    try:
        with open_regular_file(ref.source) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            data = fh.read(max_bytes + 1)
    except OSError:
        return None
    return data if 0 < len(data) <= max_bytes else None
