"""Checking the rows of personal.json (audio links, saved lyrics, offsets, hearts, ratings,
notes, plays taken from imports) as they are read.

A row of the right table can still hold the wrong shapes (an audio path that is a list, an
offset that is text): the code that uses it would fail far from here, at the worst moment.
Each known field is checked for its type and range; a bad value is dropped (that field of
that song only), and every drop is described, so the user is told what changed.
Unknown fields are kept: a newer version may have written them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..domain.personal_export import LIBRARY_ID, MAX_NOTES, MAX_PLAYS, RATING_MAX
from ..domain.personal_merge import PLAYS_FROM

__all__ = ["clean_personal_rows"]

MAX_PATH = 8192
MAX_LYRICS = 4 * 1024 * 1024
MAX_OFFSET_MS = 24 * 3600 * 1000


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _path(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_PATH and "\0" not in value


def _encoding_choice(value: Any) -> bool:
    return value is None or (
        isinstance(value, dict)
        and _path(value.get("path"))
        and isinstance(value.get("encoding"), str)
        and _whole(value.get("size"), 0, 2**62)
        and _whole(value.get("mtime_ns"), -(2**62), 2**62)
    )


_FIELDS: dict[str, Callable[[Any], bool]] = {
    "audio": lambda v: v is None or _path(v),
    "files": lambda v: isinstance(v, list) and len(v) <= 10_000 and all(_path(f) for f in v),
    "lyrics": lambda v: v is None or (isinstance(v, str) and len(v) <= MAX_LYRICS),
    "lyrics_offset_ms": lambda v: _whole(v, -MAX_OFFSET_MS, MAX_OFFSET_MS),
    "favourite": lambda v: isinstance(v, bool),
    "lyrics_encoding": _encoding_choice,
    "rating": lambda v: _whole(v, 0, RATING_MAX),
    "notes": lambda v: isinstance(v, str) and len(v) <= MAX_NOTES,
    PLAYS_FROM: lambda v: (
        isinstance(v, dict)
        and len(v) <= 10_000
        and all(
            isinstance(k, str) and LIBRARY_ID.match(k) and _whole(n, 0, MAX_PLAYS)
            for k, n in v.items()
        )
    ),
}


def clean_personal_rows(
    rows: Iterable[Any],
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Song id -> its row, and one line per value that was dropped (empty when none)."""
    personal: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for n, row in enumerate(rows, start=1):
        song = row.get("song") if isinstance(row, dict) else None
        if not isinstance(song, str) or not song:
            problems.append(f"row {n} names no song and was left out")
            continue
        clean = dict(row)
        for name, valid in _FIELDS.items():
            if name in clean and not valid(clean[name]):
                problems.append(f"{song!r}: the field {name!r} held an invalid value")
                del clean[name]
        if song in personal:
            problems.append(f"{song!r} had two rows; the later one was kept")
        personal[song] = clean
    return personal, problems
