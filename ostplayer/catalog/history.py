"""Play counts and last-played times in an append-only journal.

Recording a play happens every few minutes for the rest of the app's life; rewriting a
100,000-song library (or even a TinyDB file of every played song) for each one would cost a
full file write. Appending one line and fsyncing it costs the same whatever the library size.
A power cut can at worst truncate the last line, which the loader skips. The journal is
compacted into one summary line per song when it grows much longer than that.

Each play's local day is kept (:class:`~ostplayer.domain.play_days.PlayDays`) for the listening
history page: a play line's day is that of its time; a summary line carries the song's plays
per day (``"days":"2026-11-30:1 2026-12-03:2"``); what its ``count`` has beyond them is plays of
unknown day. A summary written before days were kept (no ``days``) is read as one play on the
day of its time, the song's last play, and the rest of unknown day: the totals stay exact and
nothing is invented. ``days`` is a flat string, not an object, so that an older version (which
takes any nested value for damage) still reads the new lines and ignores it.

Each line carries the CRC-32 of the rest of it, so a bit flip that leaves valid JSON (a count
of 3 become 7, another song's id) is found and reported like a torn line, not believed. Lines
are parsed with limits and checked (a count is a whole number from 1 up, a time is a finite
date): ``"count": 1e999`` is a damaged line, not a crash.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..domain.play_days import PlayDays, day_of
from ..media.atomic import write_error
from ..media.regular_read import NotARegularFile, read_regular_file
from .store import aside_path, atomic_write_bytes

MAX_HISTORY_BYTES = 512 * 1024 * 1024
MAX_PLAYS = 10**9
LATEST_TIME = 1e11  # the year 5138: anything later is damage
_CRC = re.compile(r',"crc":([0-9]{1,10})\}\s*\Z')
_DAYS = re.compile(r"\d{4}-\d\d-\d\d:[1-9]\d{0,9}(?: \d{4}-\d\d-\d\d:[1-9]\d{0,9})*", re.ASCII)
_FIRST_DAY, _LAST_DAY = date(1969, 12, 31).toordinal(), date(5138, 12, 31).toordinal()
Stats = tuple[int, float | None]


@dataclass(slots=True)
class PlayStats:
    count: int = 0
    last_played: float | None = None  # seconds since the epoch


class PlayHistory:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.stats: dict[str, PlayStats] = {}
        self.days = PlayDays()  # read it, do not change it: record() and set_counts() do
        # A merge's plays moved (from, to) -> (days, undated), so its undo moves the same back.
        self._moved: dict[tuple[str, str], tuple[dict[int, int], int]] = {}
        self.skipped_lines = 0
        self.damaged_copy: Path | None = None  # where the unreadable journal was kept
        self.unusable: str | None = None  # why the whole file could not be read, for a notice
        self._lines = 0
        self._last_number = 0  # every line is numbered: a line doubled by damage is found
        self._ends_mid_line = False
        self._load()
        if self.skipped_lines:
            # Rewrite without the damaged lines (a power cut mid-append), so the next append
            # does not land on a broken line and the damage is reported once, not every launch.
            # The journal as it was is kept first: the lines we could not read may be plays.
            copy = aside_path(path)
            try:
                shutil.copy2(path, copy)
            except OSError:
                return  # no copy, no rewrite: the lines stay as they are (and are reported)
            self.damaged_copy = copy
            with contextlib.suppress(OSError):  # a full disk: the journal stays as it was
                self.compact()

    def _load(self) -> None:
        try:
            raw = read_regular_file(self.path, MAX_HISTORY_BYTES)
        except FileNotFoundError:
            return
        except NotARegularFile as exc:
            # Not a journal at all (a FIFO, a link to a device): put it out of the way.
            moved = aside_path(self.path)
            os.replace(self.path, moved)
            self.unusable = f"The play history could not be read ({exc}); it was moved to {moved}."
            return
        self._ends_mid_line = bool(raw) and not raw.endswith(b"\n")
        numbers: set[int] = set()
        known_days: dict[str, int] = {}  # the same few dates come on every line: read once
        for line in raw.splitlines():
            if not line.strip():
                continue
            self._lines += 1
            entry = _parse_line(line, known_days)
            if entry is None or (entry[3] is not None and entry[3] in numbers):
                self.skipped_lines += 1  # damaged, or a line written twice (a copy gone wrong)
                continue
            song, at, count, number, days = entry
            if number is not None:
                numbers.add(number)
                self._last_number = max(self._last_number, number)
            if days is None:  # a play (count 1), or an old summary: its last play's day
                self.days.add(song, day_of(at))
                self.days.add(song, None, count - 1)
            else:
                self.days.put(song, days, count - sum(days.values()))
            stats = self.stats.setdefault(song, PlayStats())
            stats.count += count
            if stats.last_played is None or at > stats.last_played:
                stats.last_played = at

    def get(self, song_id: str) -> PlayStats:
        return self.stats.get(song_id) or PlayStats()

    def record(self, song_id: str, at: float | None = None) -> PlayStats:
        at = time.time() if at is None else at
        number = self._last_number + 1
        line = _line({"song": song_id, "at": round(at, 3), "n": number}) + "\n"
        if self._ends_mid_line:  # never glue a play onto a line a power cut left unfinished
            line = "\n" + line
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._append(line.encode("utf-8", "surrogatepass"))
        except OSError as exc:
            raise write_error(exc, self.path) from exc
        self._ends_mid_line = False
        self._lines += 1
        self._last_number = number
        stats = self.stats.setdefault(song_id, PlayStats())
        stats.count += 1
        stats.last_played = at if stats.last_played is None else max(stats.last_played, at)
        self.days.add(song_id, day_of(at))
        if self._lines > 1000 and self._lines > 4 * len(self.stats):
            with contextlib.suppress(OSError):  # the play is in; compacting waits for room
                self.compact()
        return stats

    def _append(self, data: bytes) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            size = os.fstat(fd).st_size
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            except OSError:
                # A full disk: take back what landed, so the journal is as it was.
                try:
                    os.ftruncate(fd, size)
                except OSError:
                    self._ends_mid_line = True  # the next line starts afresh instead
                raise
        finally:
            os.close(fd)

    def set_counts(self, plays: Mapping[str, tuple[Stats, Stats]]) -> None:
        """Write the play counts an edit changed (song id -> (before, after)). A merge moves
        one song's plays onto another with their days; its undo moves the same days back."""
        gained = [s for s, (b, a) in plays.items() if a[0] > b[0]]
        lost = [s for s, (b, a) in plays.items() if a[0] < b[0]]
        if len(gained) == 1 and len(lost) == 1:
            (to,), (away,) = gained, lost
            back = self._moved.pop((to, away), None)
            if back is not None:  # an undo: the days that came over go back
                self.days.put(to, *self.days.remove(away, *back))
            elif plays[away][1][0] == 0:  # a merge: all of one song's plays go to the other
                taken = self.days.take(away)
                self.days.put(to, *taken)
                self._moved[(away, to)] = taken
        for song_id, (_, (count, last)) in plays.items():
            if count:
                self.stats[song_id] = PlayStats(count, last)
            else:
                self.stats.pop(song_id, None)
        self.compact()

    def compact(self) -> None:
        # Counts may have been set from outside (an edit): the days follow them.
        self.days.fit({sid: s.count for sid, s in self.stats.items()})
        days: dict[str, list[str]] = {}
        for sid, day, plays in self.days.rows():
            if day is not None:
                days.setdefault(sid, []).append(f"{date.fromordinal(day).isoformat()}:{plays}")
        lines = [
            _line(
                {
                    "song": sid,
                    "at": s.last_played or 0,
                    "count": s.count,
                    "days": " ".join(days.get(sid, ())),
                    "n": n,
                }
            )
            for n, (sid, s) in enumerate(self.stats.items(), start=1)
        ]
        payload = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass") if lines else b""
        atomic_write_bytes(self.path, payload)
        self._lines = self._last_number = len(lines)
        self._ends_mid_line = False


def _line(entry: dict[str, Any]) -> str:
    # ASCII escapes: a song id with a lone surrogate still round-trips and checks.
    body = json.dumps(entry, ensure_ascii=True, separators=(",", ":"))
    return f'{body[:-1]},"crc":{zlib.crc32(body.encode("ascii"))}}}'


def _parse_line(
    line: bytes, known_days: dict[str, int] | None = None
) -> tuple[str, float, int, int | None, dict[int, int] | None] | None:
    """(song, at, count, line number, plays by day) of one journal line; None when it is
    damaged. The days (ordinal -> plays) are None when the line does not give them."""
    try:
        text = line.decode("utf-8").strip()
        found = _CRC.search(text)
        if found is not None:
            body = text[: found.start()] + "}"
            if zlib.crc32(body.encode("utf-8")) != int(found.group(1)):
                return None
        entry = bounded_json.loads(text, max_depth=1)
    except ValueError:  # UnicodeDecodeError, JSONDecodeError, JSONLimitError
        return None
    if not isinstance(entry, dict):
        return None
    song, at, count = entry.get("song"), entry.get("at"), entry.get("count", 1)
    if not isinstance(song, str) or not song or len(song) > 1024:
        return None
    if isinstance(at, bool) or not isinstance(at, int | float) or not math.isfinite(at):
        return None
    if not 0 <= at <= LATEST_TIME:
        return None
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_PLAYS:
        return None
    number = entry.get("n")  # older journals have none
    if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
        return None
    days = None
    if "days" in entry:
        days = _days(entry["days"], count, {} if known_days is None else known_days)
        if days is None:
            return None
    return song, float(at), count, number, days


def _days(value: object, count: int, known: dict[str, int]) -> dict[int, int] | None:
    """A summary line's plays by day ("2026-12-03:2 ...") as ordinal -> plays; None when
    damaged: a day that is no date or given twice, plays not from 1, more than ``count``.
    ``known``: dates already read (text -> ordinal), added to."""
    if not isinstance(value, str) or not (value == "" or _DAYS.fullmatch(value)):
        return None
    days: dict[int, int] = {}
    for item in value.split(" ") if value else ():
        key = item[:10]  # the pattern made it "YYYY-MM-DD:plays"
        day = known.get(key)
        if day is None:
            day = _day(key)
            if day is None:
                return None
            known[key] = day
        if day in days:
            return None
        days[day] = int(item[11:])
    return days if sum(days.values()) <= count else None


def _day(text: str) -> int | None:
    """An ISO date ("2026-12-03") as an ordinal; None if it is not one we could have written."""
    if len(text) != 10:
        return None
    try:
        day = date.fromisoformat(text).toordinal()
    except ValueError:
        return None
    return day if _FIRST_DAY <= day <= _LAST_DAY else None
