"""How an imported personal section joins the library's own data, and what an export of it
carries. Pure rules: the catalog layer looks at the disk and writes.

- Hearts and ratings are set to the file's values.
- Notes: the file's note is kept with the library's own (one after the other, as a merge of
  two songs keeps both); a note already there is not added again, so nothing anyone wrote is
  lost and importing the same file twice changes nothing.
- Plays are added, counted once per exporting library: each song row remembers, under
  ``plays_imported``, how many plays it already took from each library id, and a later import
  from that library adds only the plays beyond that (the same export twice adds nothing, a
  newer export adds the plays made since). An export carries only the plays made in the
  exporting library itself (its total minus what it imported), so plays that travel A -> B -> A
  never come back to be counted twice; a library's own export imported back adds nothing.
- File paths: a local link whose file is there stays; otherwise the first path of the file
  that is an audio file here becomes the link, others join the song's copies. A path with
  nothing there is kept as a link to a missing file (the song shows "file missing", like a link
  whose file went away, and can be relinked); a path to anything else (a folder, a device,
  a file that is not audio) is not linked at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .personal_export import SongMarks

PLAYS_FROM = "plays_imported"  # song row field: library id -> plays taken from it
FILE, MISSING, OTHER = "file", "missing", "other"

Stats = tuple[int, float | None]


@dataclass(slots=True)
class Counts:
    favourites: int = 0
    ratings: int = 0
    notes: int = 0
    plays: int = 0
    linked: int = 0
    missing: int = 0
    not_linked: int = 0

    def describe(self) -> str:
        parts = [
            (self.favourites, "favourite(s) set"),
            (self.ratings, "rating(s) set"),
            (self.notes, "note(s) added"),
            (self.plays, "play(s) added"),
            (self.linked, "file(s) linked"),
            (self.missing, "link(s) to missing files kept"),
            (self.not_linked, "path(s) not linked (not an audio file here)"),
        ]
        said = [f"{n:,} {what}" for n, what in parts if n]
        return ", ".join(said) if said else "nothing new"


def own_plays(row: Mapping[str, Any], count: int) -> int:
    """The plays made in this library: what an export carries."""
    taken = row.get(PLAYS_FROM)
    imported = (
        sum(v for v in taken.values() if isinstance(v, int)) if isinstance(taken, dict) else 0
    )
    return max(0, count - imported)


def joined_notes(mine: str | None, theirs: str | None) -> str | None:
    """The notes after an import (None: unchanged)."""
    if not theirs or not theirs.strip():
        return None
    if not mine or not mine.strip():
        return theirs
    if theirs in mine:
        return None
    return f"{mine}\n\n{theirs}"


def merged_song_row(
    row: Mapping[str, Any],
    marks: SongMarks,
    *,
    origin: str,
    own_id: str | None,
    stats: Stats,
    kinds: Mapping[str, str],
    counts: Counts,
) -> tuple[dict[str, Any], Stats]:
    """The song's row and play stats once ``marks`` joined them. ``kinds``: path -> FILE,
    MISSING or OTHER, for the file's paths and the row's own link."""
    new = dict(row)
    if marks.favourite is not None and bool(row.get("favourite")) != marks.favourite:
        new["favourite"] = marks.favourite
        counts.favourites += 1
    if marks.rating is not None and row.get("rating") != marks.rating:
        new["rating"] = marks.rating
        counts.ratings += 1
    notes = joined_notes(row.get("notes") if isinstance(row.get("notes"), str) else "", marks.notes)
    if notes is not None:
        new["notes"] = notes
        counts.notes += 1
    _join_files(new, marks.files, kinds, counts)
    count, last = stats
    if marks.plays and origin != own_id:
        taken = dict(row.get(PLAYS_FROM) or {})
        before = taken.get(origin, 0)
        before = before if isinstance(before, int) and not isinstance(before, bool) else 0
        if marks.plays > before:
            counts.plays += marks.plays - before
            count += marks.plays - before
            if marks.last_played is not None:
                last = marks.last_played if last is None else max(last, marks.last_played)
            taken[origin] = marks.plays
            new[PLAYS_FROM] = taken
    return new, (count, last)


def _join_files(
    row: dict[str, Any], paths: tuple[str, ...], kinds: Mapping[str, str], counts: Counts
) -> None:
    if not paths:
        return
    counts.not_linked += sum(1 for p in paths if kinds.get(p) == OTHER)
    there = [p for p in paths if kinds.get(p) == FILE]
    gone = [p for p in paths if kinds.get(p) == MISSING]
    audio = row.get("audio") if isinstance(row.get("audio"), str) else None
    files = [f for f in row.get("files") or () if isinstance(f, str)]
    if audio and kinds.get(audio) == FILE:
        main = audio  # the library's own working link stays the song's file
    elif there:
        main = there[0]
    elif gone and not audio:
        main, there = gone[0], [gone[0]]  # kept as a link to a missing file
        counts.missing += 1
    else:
        return  # nothing here to link, and the song keeps its own (broken) link
    added = [p for p in there if p not in files and p != audio]
    if main == audio and not added:
        return
    counts.linked += sum(1 for p in added if kinds.get(p) == FILE)
    row["audio"] = main
    # Main file first, as a scan links them; the old link stays one of the song's copies.
    row["files"] = list(dict.fromkeys([main, *([audio] if audio else []), *files, *added]))
