"""What one audio file tells about itself: its tags, its name and folder, its audio.

The scanner (``ostplayer.media``) fills these in from disk; matching and library growth
(``ostplayer.domain``) read them. Plain values only, so a ``TrackFacts`` crosses a process
boundary (tags are read in worker processes) and is cached as JSON between scans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TrackFacts:
    path: str  # absolute path as the scanner found it
    size: int = 0  # bytes; with mtime, what makes a rescan skip an unchanged file
    mtime_ns: int = 0
    format: str = ""  # "mp3", "flac", "ogg", "opus", "m4a", "wav", "aiff", "ape", "wma", …
    title: str = ""
    artist: str = ""  # as tagged: "손디아(Sondia)", "웬디 (레드벨벳)", "A, B & C"
    album: str = ""  # "나의 아저씨 OST Part.2"
    album_artist: str = ""
    track_number: int | None = None
    disc_number: int | None = None
    year: int | None = None
    genre: str = ""
    duration_ms: int | None = None
    musicbrainz_recording_id: str = ""
    musicbrainz_release_id: str = ""
    has_lyrics: bool = False  # embedded lyrics of any kind
    has_cover: bool = False  # an embedded picture
    tag_kinds: tuple[str, ...] = ()  # "ID3v2.3", "ID3v1", "Vorbis", "MP4", "APEv2", "ASF", …
    fingerprint: str = ""  # Chromaprint (fpcalc) fingerprint, compressed base64; "" if none
    warnings: tuple[str, ...] = field(default=())  # e.g. "tags repaired from CP949"

    def to_json(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it deep-copies every value, which cost more than the JSON
        # encoding of a 10,000-file scan cache. The values are plain already.
        data = {name: getattr(self, name) for name in _TRACK_FIELDS}
        data["tag_kinds"] = list(self.tag_kinds)
        data["warnings"] = list(self.warnings)
        return data

    def __reduce__(self) -> tuple[type[TrackFacts], tuple[Any, ...]]:
        # Passed between processes by the thousand (a scan's tag readers): as the values in
        # field order, which pickles and unpickles a third faster than the state dict a
        # slots dataclass is otherwise pickled by.
        return TrackFacts, tuple([getattr(self, name) for name in _TRACK_FIELDS])

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrackFacts:
        known = {k: data[k] for k in cls.__slots__ if k in data}  # type: ignore[attr-defined]
        known["tag_kinds"] = tuple(known.get("tag_kinds", ()))
        known["warnings"] = tuple(known.get("warnings", ()))
        return cls(**known)


_TRACK_FIELDS: tuple[str, ...] = TrackFacts.__slots__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class UnreadableFile:
    """A file the scan could not use, and why (shown in the scan report, never a crash)."""

    path: str
    reason: str  # "empty file", "not audio (a JPEG image)", "permission denied", …
