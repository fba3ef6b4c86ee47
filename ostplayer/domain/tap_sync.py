"""Tap-to-sync: stamp lyric lines with the playback time while the song plays.

Pure Python (no Qt) so the timing rules can be tested without a GUI. The editor
dialog feeds it the player's position on every tap.

Rules:

* Lines are stamped in order. ``stamps[i]`` is set exactly for ``i < current``,
  so "what is left to do" is always the tail and ``step_back`` is a plain undo.
* An entry is one line, or several lines that share one stamp (a Hangul line with
  its translation, taken from a synced LRC's group). Blank entries are pauses: they
  are tapped like lines, at the moment the singing stops, and become blank timed
  lines in the LRC (which is how LRC marks an instrumental gap).
* Stamps strictly increase: a tap not later than the previous stamp (the user
  seeked back without stepping back, or tapped twice within a millisecond) is
  refused with :class:`TapTooEarly`, and a nudge stops 1 ms short of the
  neighbouring stamps. Equal stamps would merge two lines into one group on save,
  smaller ones would reorder them. Preloaded stamps (an existing LRC) are taken as
  they are, only kept from decreasing.
* Times are playback positions, so the result has no ``[offset:]``; an offset in
  the source is folded into the preloaded stamps.
* Enhanced-LRC word stamps survive: when a line's stamp moves, its words move by
  the same amount.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from ostplayer.domain.lyrics import LyricGroup, LyricLine, Lyrics, lyrics_from_timed_lines
from ostplayer.domain.lyrics import parse_lyrics as _parse_lyrics

__all__ = ["TapSyncSession", "TapTooEarly"]

_BLANK = LyricLine("")


class TapTooEarly(ValueError):
    """A tap at or before the previous line's stamp."""

    def __init__(self, ms: int, previous_ms: int) -> None:
        super().__init__(f"tap at {ms} ms is not after the previous line ({previous_ms} ms)")
        self.ms = ms
        self.previous_ms = previous_ms


class TapSyncSession:
    def __init__(
        self,
        lines: Iterable[str | LyricLine | Sequence[str | LyricLine]],
        *,
        tags: Mapping[str, str] | None = None,
        stamps: Sequence[int] = (),
        base_times: Sequence[int | None] = (),
    ) -> None:
        """``lines``: one item per tap; an item may be a sequence of lines sharing a stamp.

        ``stamps`` preloads the first ``len(stamps)`` entries (re-syncing existing
        LRC). ``base_times[i]`` is the time the entry's word stamps were written
        against; it lets word stamps follow when the line's stamp changes.
        """
        self._entries: tuple[tuple[LyricLine, ...], ...] = tuple(_as_lines(item) for item in lines)
        n = len(self._entries)
        self.tags: dict[str, str] = {k: v for k, v in (tags or {}).items() if k != "offset"}
        self._base: list[int | None] = [
            base_times[i] if i < len(base_times) else None for i in range(n)
        ]
        self._stamps: list[int | None] = [None] * n
        self._current = 0
        for ms in stamps[:n]:
            self._stamp(ms)

    # ------------------------------------------------------------------ builders

    @classmethod
    def from_text(cls, text: str) -> TapSyncSession:
        """Entries from LRC or plain lyrics text (see :meth:`from_lyrics`)."""
        return cls.from_lyrics(_parse_lyrics(text))

    @classmethod
    def from_lyrics(cls, lyrics: Lyrics) -> TapSyncSession:
        """One entry per group; a synced source preloads its (offset-folded) times.

        Plain lyrics give one entry per line and a pause per stanza break, none
        stamped. Leading pauses are dropped: there is nothing to separate yet.
        """
        groups = list(lyrics.groups)
        while groups and groups[0].is_blank:
            groups.pop(0)
        entries = [g.lines for g in groups]
        if not lyrics.synced:
            return cls(entries, tags=lyrics.tags)
        times = [max(0, (g.time_ms or 0) - lyrics.offset_ms) for g in groups]
        bases = [max(0, g.time_ms or 0) for g in groups]
        # Word stamps are written against the file's own times, not the offset ones.
        session = cls(entries, tags=lyrics.tags, base_times=bases)
        for ms in times:
            session._stamp(ms)
        # Tapping applied the word shift relative to base; the offset fold is intended.
        return session

    # ------------------------------------------------------------------ state

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[tuple[LyricLine, ...], ...]:
        return self._entries

    def entry_text(self, index: int) -> str:
        """The entry's lines joined by newlines; "" for a pause."""
        return "\n".join(line.text for line in self._entries[index] if line.text)

    def is_pause(self, index: int) -> bool:
        return not any(line.text for line in self._entries[index])

    @property
    def stamps(self) -> tuple[int | None, ...]:
        return tuple(self._stamps)

    @property
    def current(self) -> int:
        """Index of the next entry to stamp; ``len(self)`` when all are stamped."""
        return self._current

    @property
    def done(self) -> bool:
        return self._current >= len(self._entries)

    @property
    def stamped_count(self) -> int:
        return self._current

    # ------------------------------------------------------------------ editing

    def tap(self, ms: int) -> int:
        """Stamp the current entry with ``ms`` and move on; returns its index, -1 if done.

        Raises :class:`TapTooEarly` when ``ms`` is not after the previous stamp.
        """
        if self.done:
            return -1
        ms = max(0, int(ms))
        previous = self._stamps[self._current - 1] if self._current > 0 else None
        if previous is not None and ms <= previous:
            raise TapTooEarly(ms, previous)
        return self._stamp(ms)

    def _stamp(self, ms: int) -> int:
        if self.done:
            return -1
        ms = max(0, int(ms))
        if self._current > 0:
            ms = max(ms, self._stamps[self._current - 1] or 0)
        index = self._current
        self._stamps[index] = ms
        self._current += 1
        return index

    def step_back(self) -> int | None:
        """Un-stamp the last stamped entry so it can be tapped again; returns its index."""
        if self._current == 0:
            return None
        self._current -= 1
        self._stamps[self._current] = None
        return self._current

    def restart_from(self, index: int) -> None:
        """Clear the stamps of ``index`` and everything after it; tapping resumes there."""
        index = max(0, min(int(index), self._current))
        for i in range(index, len(self._entries)):
            self._stamps[i] = None
        self._current = index

    def nudge(self, index: int, delta_ms: int) -> int:
        """Move a stamped entry by ``delta_ms``, kept strictly between its neighbours.

        Returns the new stamp. Raises ``ValueError`` for an entry not stamped yet.
        """
        stamp = self._stamps[index] if 0 <= index < len(self._entries) else None
        if stamp is None:
            raise ValueError(f"entry {index} is not stamped")
        prev = self._stamps[index - 1] if index > 0 else None
        nxt = self._stamps[index + 1] if index + 1 < len(self._entries) else None
        low = 0 if prev is None else prev + 1
        high = None if nxt is None else nxt - 1
        new = max(low, stamp + int(delta_ms))
        if high is not None:
            new = min(new, high)
        # Preloaded equal stamps leave no room: keep the stamp rather than cross a neighbour.
        if high is not None and low > high:
            new = stamp
        self._stamps[index] = new
        return new

    # ------------------------------------------------------------------ output

    def to_lyrics(self) -> Lyrics:
        """The result as ``Lyrics``; equal to ``parse_lyrics(self.to_lrc())``.

        Entries not stamped yet follow the LRC parser's rule for untimed lines: they
        join the last stamped group (pauses among them are dropped). With nothing
        stamped at all the result is plain (unsynced) lyrics.
        """
        if self._current == 0:
            groups = tuple(LyricGroup(None, lines) for lines in self._entries)
            return Lyrics(groups, False, self.tags, 0)
        timed: list[tuple[int, LyricLine]] = []
        last = 0
        for i, lines in enumerate(self._entries):
            stamp = self._stamps[i]
            if stamp is None:
                timed.extend((last, _strip_words(line)) for line in lines if line.text)
                continue
            last = stamp
            shift = stamp - self._base[i] if self._base[i] is not None else None
            timed.extend((stamp, _shift_words(line, shift)) for line in lines)
        return lyrics_from_timed_lines(timed, tags=self.tags)

    def to_lrc(self) -> str:
        return self.to_lyrics().to_lrc()


def _as_lines(item: str | LyricLine | Sequence[str | LyricLine]) -> tuple[LyricLine, ...]:
    if isinstance(item, str | LyricLine):
        item = (item,)
    lines = tuple(
        x if isinstance(x, LyricLine) else LyricLine(" ".join(str(x).split())) for x in item
    )
    real = tuple(line for line in lines if line.text)
    return real or (_BLANK,)


def _shift_words(line: LyricLine, shift: int | None) -> LyricLine:
    """Word stamps and the line's end move with the line's new time (a retap)."""
    if shift is None:
        return _strip_words(line)
    if not line.words and line.end_ms is None:
        return line
    words = tuple(replace(w, time_ms=max(0, w.time_ms + shift)) for w in line.words)
    end = None if line.end_ms is None else max(0, line.end_ms + shift)
    return LyricLine(line.text, words, end)


def _strip_words(line: LyricLine) -> LyricLine:
    # Untimed: neither word stamps nor an end belong to a line that has no time any more.
    return LyricLine(line.text) if line.words or line.end_ms is not None else line
