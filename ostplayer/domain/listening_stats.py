"""What the listening history page shows: plays per day or week, and the most played songs
and dramas of that period, from the plays per day (:class:`~.play_days.PlayDays`).

Plain functions over plain mappings, so they are tested without Qt or files. Each reads only
the days of the period asked for.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

ByDay = Mapping[int, Mapping[str, int]]  # day ordinal -> song id -> plays


class Period(enum.Enum):
    DAYS = "days"  # the last 30 days, one bar a day
    WEEKS = "weeks"  # the last 12 weeks (Monday to Sunday), one bar a week

    @property
    def bars(self) -> int:
        return 30 if self is Period.DAYS else 12


@dataclass(frozen=True)
class Bar:
    first: date  # the bar's first day
    last: date  # and its last (the same day for a day's bar)
    plays: int


@dataclass(frozen=True)
class Summary:
    period: Period
    bars: tuple[Bar, ...]
    top_songs: tuple[tuple[str, int], ...]  # (song id, plays), most played first
    top_dramas: tuple[tuple[str, int], ...]  # (drama id, plays)

    @property
    def plays(self) -> int:
        return sum(bar.plays for bar in self.bars)

    @property
    def first(self) -> date:
        return self.bars[0].first

    @property
    def last(self) -> date:
        return self.bars[-1].last


def plays_between(by_day: ByDay, first: date, last: date) -> Counter[str]:
    """Plays of each song from ``first`` to ``last``, both included."""
    plays: Counter[str] = Counter()
    for day in range(first.toordinal(), last.toordinal() + 1):
        songs = by_day.get(day)
        if songs:
            plays.update(songs)
    return plays


def day_total(by_day: ByDay, day: date) -> int:
    return sum(by_day.get(day.toordinal(), {}).values())


def plays_per_day(by_day: ByDay, today: date, days: int = 30) -> list[Bar]:
    """One bar a day, the oldest first, today last."""
    out = []
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        out.append(Bar(day, day, day_total(by_day, day)))
    return out


def plays_per_week(by_day: ByDay, today: date, weeks: int = 12) -> list[Bar]:
    """One bar a week (Monday to Sunday), the oldest first, this week last (to today)."""
    monday = today - timedelta(days=today.weekday())
    out = []
    for back in range(weeks - 1, -1, -1):
        first = monday - timedelta(weeks=back)
        last = min(first + timedelta(days=6), today)
        plays = sum(
            day_total(by_day, first + timedelta(days=n)) for n in range((last - first).days + 1)
        )
        out.append(Bar(first, last, plays))
    return out


def top_songs(
    by_day: ByDay, first: date, last: date, known: Mapping[str, object], n: int = 10
) -> list[tuple[str, int]]:
    """The ``n`` most played songs of the period that are in ``known`` (the catalog's songs:
    a deleted song's plays are kept, but it has no page to open). Ties: by id, stable."""
    plays = plays_between(by_day, first, last)
    ranked = sorted(
        ((sid, count) for sid, count in plays.items() if sid in known),
        key=lambda kv: (-kv[1], kv[0]),
    )
    return ranked[:n]


def top_dramas(
    by_day: ByDay, first: date, last: date, drama_of: Mapping[str, str | None], n: int = 10
) -> list[tuple[str, int]]:
    """The ``n`` dramas whose songs were played most in the period (song id -> drama id;
    songs from no drama, or not in the catalog, count for none)."""
    dramas: Counter[str] = Counter()
    for sid, count in plays_between(by_day, first, last).items():
        drama = drama_of.get(sid)
        if drama:
            dramas[drama] += count
    return sorted(dramas.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def summarize(
    by_day: ByDay, drama_of: Mapping[str, str | None], today: date, period: Period, n: int = 10
) -> Summary:
    """Everything the page shows for one period; ``drama_of`` maps each catalog song's id to
    its drama's id (None for other music)."""
    if period is Period.DAYS:
        bars = plays_per_day(by_day, today, period.bars)
    else:
        bars = plays_per_week(by_day, today, period.bars)
    first, last = bars[0].first, bars[-1].last
    return Summary(
        period,
        tuple(bars),
        tuple(top_songs(by_day, first, last, drama_of, n)),
        tuple(top_dramas(by_day, first, last, drama_of, n)),
    )
