"""The play queue: what plays now, what comes next, shuffle and repeat.

Pure Python and deterministic given its ``random.Random``. Items are song ids; the
same id may appear more than once (enqueued twice).

Model: ``_order`` is the play order and ``_pos`` the index of the current song in it
(-1 when nothing was started). Everything after ``_pos`` is "upcoming", and upcoming
indices used by :meth:`move`/:meth:`remove` count from the song after the current one.
``_original`` keeps the unshuffled order so turning shuffle off restores it; while
shuffle is off the two are the same list.

Unplayable songs (not linked, or marked after a failure) are skipped when moving
through the queue, and marked ones are dropped from it so the queue panel does not
offer them again.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Callable, Sequence


class RepeatMode(enum.Enum):
    OFF = "off"
    ALL = "all"
    ONE = "one"


def _always_playable(_song_id: str) -> bool:
    return True


class PlayQueue:
    def __init__(self, rng: random.Random | None = None) -> None:
        self._rng = rng or random.Random()
        self._order: list[str] = []
        self._original: list[str] = []
        self._pos = -1
        self._shuffle = False
        self.repeat = RepeatMode.OFF
        self._unplayable: set[str] = set()
        self._playable: Callable[[str], bool] = _always_playable

    # -- state ---------------------------------------------------------------------------

    @property
    def current(self) -> str | None:
        if 0 <= self._pos < len(self._order):
            return self._order[self._pos]
        return None

    def upcoming(self) -> list[str]:
        return list(self._order[self._pos + 1 :])

    def history(self) -> list[str]:
        """Songs before the current one in play order (most recent last)."""
        return list(self._order[: max(0, self._pos)])

    def __len__(self) -> int:
        return len(self._order)

    def _ok(self, song_id: str) -> bool:
        return song_id not in self._unplayable and self._playable(song_id)

    # -- starting and moving -------------------------------------------------------------

    def start(
        self,
        song_ids: Sequence[str],
        index: int,
        playable: Callable[[str], bool] = _always_playable,
    ) -> str | None:
        """Queue the list a song was started from and make the song at ``index`` current.

        Unplayable songs are left out; if the chosen one is unplayable the first
        playable one after it is used. Returns the current song, None if none is
        playable at or after ``index``.
        """
        self._playable = playable
        self._unplayable.clear()
        ids = list(song_ids)
        kept = [s for s in ids if self._ok(s)]
        chosen_at = next(
            (i for i in range(max(0, index), len(ids)) if self._ok(ids[i])),
            None,
        )
        self._order = kept
        self._original = kept if not self._shuffle else list(kept)
        if chosen_at is None:
            self._pos = -1
            return None
        # Position of the chosen song among the kept ones (duplicates counted).
        self._pos = sum(1 for s in ids[:chosen_at] if self._ok(s))
        if self._shuffle:
            self._shuffle_around_current()
        return self.current

    def next(self, *, user: bool = False) -> str | None:
        """Advance: at the end of a track (``user=False``) or on the Next button.

        Repeat ONE replays the current song unless the user asked for the next one.
        Repeat OFF returns None at the end of the queue (the current song stays, so
        Previous still works); ALL wraps around (reshuffling when shuffle is on).
        """
        if self.repeat is RepeatMode.ONE and not user:
            cur = self.current
            if cur is not None and self._ok(cur):
                return cur
        start_pos, start_order = self._pos, list(self._order)
        self._drop_marked_current()
        for _ in range(len(self._order) + 1):
            if self._pos + 1 < len(self._order):
                self._pos += 1
            elif self.repeat is RepeatMode.OFF or not self._order:
                break
            else:
                self._wrap()
            if self._ok(self._order[self._pos]):
                self._sync_original()
                return self._order[self._pos]
        # Nothing playable ahead: stay where we were rather than on a bad song (a wrap
        # may have reshuffled, so restore the order too).
        self._order, self._pos = start_order, start_pos
        self._sync_original()
        return None

    def jump(self, upcoming_idx: int) -> str | None:
        """Make the upcoming song at ``upcoming_idx`` current, keeping the queue intact.

        The songs passed over stay in the play order before it (history: Previous
        goes back through them, repeat ALL comes round to them); nothing is dropped.
        A passed-over song marked unplayable is dropped as usual. Returns the new
        current song, or None (nothing changes) for an index out of range or a song
        that cannot be played.
        """
        n = len(self._order) - (self._pos + 1)
        if not 0 <= upcoming_idx < n:
            return None
        target = self._pos + 1 + upcoming_idx
        if not self._ok(self._order[target]):
            return None
        if self._drop_marked_current():
            target -= 1
        self._pos = target
        self._sync_original()
        return self._order[self._pos]

    def previous(self) -> str | None:
        """Step back to the previous playable song; None if there is none.

        With repeat ALL (or ONE) the start wraps to the end. The caller decides about
        "restart the current track instead".
        """
        start_pos, start_order = self._pos, list(self._order)
        dropped = self._drop_marked_current()
        n = len(self._order)
        pos = self._pos + 1 if dropped else self._pos
        for _ in range(n):
            pos -= 1
            if pos < 0:
                if self.repeat is RepeatMode.OFF:
                    break
                pos = n - 1
            if not dropped and pos == self._pos:
                break  # went all the way round
            if self._ok(self._order[pos]):
                self._pos = pos
                self._sync_original()
                return self._order[pos]
        self._order, self._pos = start_order, start_pos
        self._sync_original()
        return None

    def _drop_marked_current(self) -> bool:
        """Leaving a current song that was marked unplayable removes it from the queue.

        Afterwards ``_pos`` points at the song before it (-1 if none).
        """
        cur = self.current
        if cur is None or cur not in self._unplayable:
            return False
        self._order.pop(self._pos)
        self._pos -= 1
        return True

    def _wrap(self) -> None:
        if self._shuffle and len(self._order) > 1:
            last = self._order[self._pos] if self._pos >= 0 else None
            self._rng.shuffle(self._order)
            # Do not play the song that just ended again first.
            if self._order[0] == last:
                swap = self._rng.randrange(1, len(self._order))
                self._order[0], self._order[swap] = self._order[swap], self._order[0]
        self._pos = 0

    # -- shuffle and repeat --------------------------------------------------------------

    @property
    def shuffle(self) -> bool:
        return self._shuffle

    @shuffle.setter
    def shuffle(self, on: bool) -> None:
        on = bool(on)
        if on == self._shuffle:
            return
        self._shuffle = on
        if on:
            self._original = list(self._order)
            self._shuffle_around_current()
        else:
            cur = self.current
            order: list[str] = []
            for s in self._original:
                # A marked song is dropped, except the one playing right now.
                if s not in self._unplayable or (s == cur and cur not in order):
                    order.append(s)
            self._order = order
            self._pos = order.index(cur) if cur in order else -1
            self._original = self._order  # unshuffled: one list again

    def _shuffle_around_current(self) -> None:
        # The current song stays current (first); everything else comes in random order.
        cur = self.current
        rest = list(self._order)
        if cur is not None:
            rest.pop(self._pos)
        self._rng.shuffle(rest)
        if cur is None:
            self._order, self._pos = rest, -1
        else:
            self._order, self._pos = [cur, *rest], 0

    # -- editing the upcoming part -------------------------------------------------------

    def _sync_original(self) -> None:
        if not self._shuffle:
            self._original = self._order

    def move(self, from_upcoming_idx: int, to_upcoming_idx: int) -> None:
        up = self._pos + 1
        n = len(self._order) - up
        if not (0 <= from_upcoming_idx < n and 0 <= to_upcoming_idx < n):
            raise IndexError("upcoming index out of range")
        song = self._order.pop(up + from_upcoming_idx)
        self._order.insert(up + to_upcoming_idx, song)
        self._sync_original()

    def remove(self, upcoming_idx: int) -> str:
        up = self._pos + 1
        if not 0 <= upcoming_idx < len(self._order) - up:
            raise IndexError("upcoming index out of range")
        song = self._order.pop(up + upcoming_idx)
        if self._shuffle and song in self._original:
            self._original.remove(song)
        self._sync_original()
        return song

    def play_next(self, song_id: str) -> None:
        """Insert ``song_id`` right after the current song."""
        self._unplayable.discard(song_id)
        self._order.insert(self._pos + 1, song_id)
        if self._shuffle:
            cur = self.current
            at = self._original.index(cur) + 1 if cur in self._original else 0
            self._original.insert(at, song_id)
        self._sync_original()

    def play_before_current(self, song_id: str) -> None:
        """Insert ``song_id`` just before the current song, so :meth:`previous` reaches it
        (Previous going back past the start of the list, into the songs before it)."""
        self._unplayable.discard(song_id)
        at = max(0, self._pos)
        self._order.insert(at, song_id)
        if self._pos >= 0:
            self._pos += 1
        if self._shuffle:
            cur = self.current
            self._original.insert(
                self._original.index(cur) if cur in self._original else 0, song_id
            )
        self._sync_original()

    def enqueue(self, song_id: str) -> None:
        """Append ``song_id`` to the end of the queue."""
        self._unplayable.discard(song_id)
        self._order.append(song_id)
        if self._shuffle:
            self._original.append(song_id)
        self._sync_original()

    # -- persistence ---------------------------------------------------------------------------

    def snapshot(self) -> dict[str, object]:
        """What a restart needs to give the user back the same queue (plain JSON values)."""
        return {
            "order": list(self._order),
            "original": list(self._original),
            "position": self._pos,
            "shuffle": self._shuffle,
            "repeat": self.repeat.value,
        }

    def restore(self, data: object, known: Callable[[str], bool]) -> bool:
        """Take back a :meth:`snapshot`; songs ``known`` rejects (deleted since) are left out.

        Returns False, leaving the queue empty, when ``data`` is not a snapshot's shape.
        """
        self.clear()
        if not isinstance(data, dict):
            return False
        order, original, pos = data.get("order"), data.get("original"), data.get("position")
        if not isinstance(order, list) or not all(isinstance(s, str) for s in order):
            return False
        if not isinstance(original, list) or not all(isinstance(s, str) for s in original):
            original = order
        if isinstance(pos, bool) or not isinstance(pos, int) or not -1 <= pos < len(order):
            pos = -1
        current = order[pos] if pos >= 0 else None
        kept = [s for s in order if known(s)]
        self._order = kept
        self._shuffle = data.get("shuffle") is True
        self._original = [s for s in original if known(s)] if self._shuffle else kept
        try:
            self.repeat = RepeatMode(data.get("repeat", "off"))
        except ValueError:
            self.repeat = RepeatMode.OFF
        # The current song keeps its place unless it is gone; then the one that followed it.
        before = sum(1 for s in order[: max(0, pos)] if known(s))
        if current is not None and known(current):
            self._pos = before
        else:
            self._pos = before - 1 if pos >= 0 else -1
        return True

    def clear(self) -> None:
        self._order = []
        self._original = self._order
        self._pos = -1
        self._unplayable.clear()

    def mark_unplayable(self, song_id: str) -> None:
        """Never offer ``song_id`` again in this queue (it stays current until moved off)."""
        self._unplayable.add(song_id)
        cur_idx = self._pos
        kept: list[str] = []
        for i, s in enumerate(self._order):
            if s == song_id and i != cur_idx:
                if i < cur_idx:
                    self._pos -= 1
                continue
            kept.append(s)
        self._order = kept
        if self._shuffle:
            # Keep it in the unshuffled list while it is current, so turning shuffle
            # off can still find where we are.
            cur = self.current
            self._original = [s for s in self._original if s != song_id or s == cur]
        self._sync_original()
