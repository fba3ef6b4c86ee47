"""The "personal" section of an exported catalog: the user's own marks, in the file only when
they chose "include my personal data", and checked on import as strictly as the catalog is.

    "personal": {"library": "<id of the library that exported it>",
                 "songs": [{"song": "its-you", "favourite": true, "rating": 4, "notes": "…",
                            "plays": {"count": 12, "last_played": 1767225600.0},
                            "files": ["/home/me/Music/It's You.flac"]}],
                 "dramas": [{"drama": "itaewon-class", "notes": "…"}]}

Every value is checked for its type and range and every id must name a song or drama of the
library or of the file itself: the first problem refuses the whole file, naming the field, so
nothing is half-imported. Unknown fields are ignored (a newer version may write more).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from typing import Any

from .catalog_format import CatalogFormatError
from .models import MergeSummary

__all__ = [
    "ImportSummary",
    "PersonalSection",
    "SongMarks",
    "section_from_dict",
    "section_to_dict",
]

SECTION = "personal"
MAX_NOTES = 1_000_000  # characters: far beyond any note, far below a hostile file
MAX_PATH = 8192
MAX_FILES = 10_000
MAX_PLAYS = 10**9
LATEST_TIME = 1e11  # the year 5138, as the play history reads it
RATING_MAX = 5
LIBRARY_ID = re.compile(r"^[0-9a-f]{8,64}\Z")  # uuid4().hex


@dataclass(frozen=True, slots=True)
class SongMarks:
    """What one song carries in the section; None (or 0, or empty) where it says nothing."""

    favourite: bool | None = None
    rating: int | None = None
    notes: str | None = None
    plays: int = 0
    last_played: float | None = None
    files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonalSection:
    library: str  # the exporting library's id: its plays are counted once however often
    songs: dict[str, SongMarks] = field(default_factory=dict)
    dramas: dict[str, str] = field(default_factory=dict)  # drama id -> notes


@dataclass(slots=True)
class ImportSummary(MergeSummary):
    """A catalog merge plus what its personal section changed ("" when it had none)."""

    personal: str = ""

    def __str__(self) -> str:
        # MergeSummary.__str__ by name: zero-argument super() fails in slotted dataclasses.
        text = MergeSummary.__str__(self)
        return f"{text}; your personal data: {self.personal}" if self.personal else text

    @classmethod
    def of(cls, summary: MergeSummary, personal: str) -> ImportSummary:
        return cls(
            summary.added,
            summary.updated,
            summary.unchanged,
            summary.songs_added,
            summary.songs_updated,
            personal,
        )


def section_to_dict(
    library: str, songs: Mapping[str, SongMarks], dramas: Mapping[str, str]
) -> dict[str, Any]:
    out_songs = []
    for song_id, m in songs.items():
        row: dict[str, Any] = {"song": song_id}
        if m.favourite is not None:
            row["favourite"] = m.favourite
        if m.rating is not None:
            row["rating"] = m.rating
        if m.notes:
            row["notes"] = m.notes
        if m.plays:
            row["plays"] = {"count": m.plays, "last_played": m.last_played}
        if m.files:
            row["files"] = list(m.files)
        if len(row) > 1:
            out_songs.append(row)
    return {
        "library": library,
        "songs": out_songs,
        "dramas": [{"drama": d, "notes": n} for d, n in dramas.items() if n],
    }


def section_from_dict(
    raw: Any, song_ids: Container[str], drama_ids: Container[str]
) -> PersonalSection:
    """The checked section; raises CatalogFormatError naming the entry and field."""
    if not isinstance(raw, Mapping):
        raise CatalogFormatError(SECTION, f"expected an object, got {_kind(raw)}")
    library = raw.get("library")
    if not isinstance(library, str) or not LIBRARY_ID.match(library):
        raise CatalogFormatError(
            f"{SECTION}: field 'library'", "expected the exporting library's id (hex digits)"
        )
    for name in ("songs", "dramas"):
        if not isinstance(raw.get(name, []), list):
            got = _kind(raw.get(name))
            raise CatalogFormatError(f"{SECTION}.{name}", f"expected a list, got {got}")
    songs: dict[str, SongMarks] = {}
    for i, row in enumerate(raw.get("songs", [])):
        song_id = _id(row, "song", f"{SECTION}.songs[{i}]", song_ids, songs)
        songs[song_id] = _song_marks(row, f"{SECTION}.songs[{i}] {song_id!r}")
    dramas: dict[str, str] = {}
    for i, row in enumerate(raw.get("dramas", [])):
        drama_id = _id(row, "drama", f"{SECTION}.dramas[{i}]", drama_ids, dramas)
        notes = _notes(row.get("notes", ""), f"{SECTION}.dramas[{i}] {drama_id!r}")
        dramas[drama_id] = notes or ""
    return PersonalSection(library, songs, dramas)


def _id(row: Any, key: str, where: str, known: Container[str], seen: Container[str]) -> str:
    if not isinstance(row, Mapping):
        raise CatalogFormatError(where, f"expected an object, got {_kind(row)}")
    ident = row.get(key)
    if not isinstance(ident, str) or not ident:
        raise CatalogFormatError(f"{where}: field {key!r}", f"expected a {key} id")
    if ident not in known:
        raise CatalogFormatError(
            f"{where}: field {key!r}",
            f"there is no {key} {ident!r} in the library or in the file",
        )
    if ident in seen:
        raise CatalogFormatError(f"{where}: field {key!r}", f"{ident!r} appears twice")
    return ident


def _song_marks(row: Mapping[str, Any], where: str) -> SongMarks:
    def fail(name: str, message: str) -> CatalogFormatError:
        return CatalogFormatError(f"{where}: field {name!r}", message)

    favourite = row.get("favourite")
    if favourite is not None and not isinstance(favourite, bool):
        raise fail("favourite", f"expected true or false, got {_kind(favourite)}")
    rating = row.get("rating")
    if rating is not None and not _whole(rating, 0, RATING_MAX):
        raise fail("rating", f"expected a whole number from 0 to {RATING_MAX}, got {rating!r:.40}")
    notes = _notes(row.get("notes"), where)
    count, last = 0, None
    plays = row.get("plays")
    if plays is not None:
        if not isinstance(plays, Mapping):
            raise fail("plays", f"expected an object, got {_kind(plays)}")
        count = plays.get("count", 0)
        if not _whole(count, 0, MAX_PLAYS):
            raise fail("plays.count", f"expected a whole number from 0 up, got {count!r:.40}")
        last = plays.get("last_played")
        if last is not None and not (
            isinstance(last, int | float)
            and not isinstance(last, bool)
            and math.isfinite(last)
            and 0 <= last <= LATEST_TIME
        ):
            raise fail("plays.last_played", f"expected a time in seconds, got {last!r:.40}")
    files = row.get("files", [])
    if not isinstance(files, list) or len(files) > MAX_FILES:
        raise fail("files", f"expected a list of at most {MAX_FILES:,} file paths")
    for n, path in enumerate(files):
        if not (isinstance(path, str) and 0 < len(path) <= MAX_PATH and "\0" not in path):
            raise fail(f"files[{n}]", "expected a file path")
        if not os.path.isabs(path):
            raise fail(f"files[{n}]", f"expected an absolute path, got {path!r:.80}")
    return SongMarks(
        favourite,
        rating,
        notes,
        count,
        float(last) if last is not None else None,
        tuple(dict.fromkeys(files)),
    )


def _notes(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CatalogFormatError(f"{where}: field 'notes'", f"expected text, got {_kind(value)}")
    if len(value) > MAX_NOTES:
        raise CatalogFormatError(f"{where}: field 'notes'", f"longer than {MAX_NOTES:,} characters")
    if "\0" in value:
        raise CatalogFormatError(f"{where}: field 'notes'", "holds a NUL character")
    return value


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    if value is None:
        return "null"
    for t, name in names.items():
        if isinstance(value, t):
            return name
    return "a number" if isinstance(value, int | float) else type(value).__name__
