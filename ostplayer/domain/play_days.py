"""Plays per day and song: the tally behind the listening history page.

A day is a local calendar date as its proleptic ordinal (:meth:`datetime.date.toordinal`), the
day the listener lived the play in. Plays whose day is not known (a history compacted before
days were kept held only a total and the last time) are counted per song as *undated*: they
still count in a song's total, never in a day's bar.

Kept by day first (day -> song -> plays) because every question asked of it is about a few
recent days: the last 30 days or 12 weeks read at most 84 small dicts, however long the history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date, datetime

EPOCH_DAY = date(1970, 1, 1).toordinal()


def day_of(at: float) -> int:
    """The local date of a time (seconds since the epoch) as an ordinal."""
    try:
        return datetime.fromtimestamp(at).toordinal()
    except (OverflowError, OSError, ValueError):  # beyond what the platform's localtime takes
        return EPOCH_DAY + int(at // 86400)


class PlayDays:
    def __init__(self) -> None:
        self.by_day: dict[int, dict[str, int]] = {}
        self.undated: dict[str, int] = {}

    def add(self, song_id: str, day: int | None, plays: int = 1) -> None:
        if plays <= 0:
            return
        if day is None:
            self.undated[song_id] = self.undated.get(song_id, 0) + plays
            return
        songs = self.by_day.setdefault(day, {})
        songs[song_id] = songs.get(song_id, 0) + plays

    def rows(self) -> Iterator[tuple[str, int | None, int]]:
        """(song, day or None, plays), days in order, undated plays last."""
        for day in sorted(self.by_day):
            for song_id, plays in self.by_day[day].items():
                yield song_id, day, plays
        yield from ((song_id, None, plays) for song_id, plays in self.undated.items())

    def take(self, song_id: str) -> tuple[dict[int, int], int]:
        """Remove all of a song's plays; (plays by day, undated plays) removed."""
        taken = self._remove_dated(song_id, None, sorted(self.by_day))
        undated = self.undated.pop(song_id, 0)
        return taken, undated

    def remove(
        self, song_id: str, days: Mapping[int, int], undated: int
    ) -> tuple[dict[int, int], int]:
        """Remove these plays of a song, as far as it has them; (days, undated) removed."""
        removed: dict[int, int] = {}
        for day, plays in days.items():
            if day in self.by_day:
                removed.update(self._remove_dated(song_id, plays, [day]))
        undated = min(self.undated.get(song_id, 0), undated)
        if undated:
            self._drop_undated(song_id, undated)
        return removed, undated

    def put(self, song_id: str, days: Mapping[int, int], undated: int) -> None:
        by_day = self.by_day
        for day, plays in days.items():  # add() inlined: a history's every summary line
            if plays > 0:
                songs = by_day.get(day)
                if songs is None:
                    by_day[day] = {song_id: plays}
                else:
                    songs[song_id] = songs.get(song_id, 0) + plays
        self.add(song_id, None, undated)

    def fit(self, counts: Mapping[str, int]) -> None:
        """Make every song's plays add up to its count (an edit set the counts): a song with
        more plays than tallied gets the rest undated; with fewer, loses its oldest days."""
        tallied: Counter[str] = Counter(self.undated)
        for songs in self.by_day.values():
            tallied.update(songs)
        for song_id, have in tallied.items():
            want = counts.get(song_id, 0)
            if have > want:
                self._trim_oldest(song_id, have - want)
        for song_id, want in counts.items():
            have = tallied.get(song_id, 0)
            if want > have:
                self.add(song_id, None, want - have)

    def _trim_oldest(self, song_id: str, plays: int) -> None:
        # The undated plays are the oldest of all (they come from before days were kept).
        undated = min(self.undated.get(song_id, 0), plays)
        if undated:
            self._drop_undated(song_id, undated)
        self._remove_dated(song_id, plays - undated, sorted(self.by_day))

    def _remove_dated(self, song_id: str, most: int | None, days: list[int]) -> dict[int, int]:
        """Up to ``most`` (all when None) of a song's dated plays, taken in ``days``' order."""
        taken: dict[int, int] = {}
        for day in days:
            if most is not None and most <= 0:
                break
            songs = self.by_day[day]
            have = songs.get(song_id, 0)
            if not have:
                continue
            n = have if most is None else min(have, most)
            taken[day] = n
            if most is not None:
                most -= n
            if n == have:
                del songs[song_id]
                if not songs:
                    del self.by_day[day]
            else:
                songs[song_id] = have - n
        return taken

    def _drop_undated(self, song_id: str, plays: int) -> None:
        left = self.undated[song_id] - plays
        if left > 0:
            self.undated[song_id] = left
        else:
            del self.undated[song_id]
