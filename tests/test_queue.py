"""PlayQueue: order, skipping unplayable songs, shuffle, repeat and queue edits."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostplayer.domain.queue import PlayQueue, RepeatMode

SONGS = ["s1", "s2", "s3", "s4", "s5"]


def drain(q: PlayQueue, limit: int = 100) -> list[str]:
    out = []
    for _ in range(limit):
        nxt = q.next()
        if nxt is None:
            break
        out.append(nxt)
    return out


def test_start_plays_from_index_in_order() -> None:
    q = PlayQueue()
    assert q.start(SONGS, 2, lambda s: True) == "s3"
    assert q.current == "s3"
    assert q.upcoming() == ["s4", "s5"]
    assert drain(q) == ["s4", "s5"]
    assert q.current == "s5"  # stays on the last song at the end (repeat off)
    assert q.next() is None


def test_start_skips_unplayable_at_and_after_index() -> None:
    q = PlayQueue()
    linked = {"s2", "s4"}
    assert q.start(SONGS, 0, linked.__contains__) == "s2"
    assert q.upcoming() == ["s4"]
    assert q.start(SONGS, 4, linked.__contains__) is None
    assert q.current is None


def test_next_and_previous_skip_songs_that_became_unplayable() -> None:
    linked = set(SONGS)
    q = PlayQueue()
    q.start(SONGS, 0, linked.__contains__)
    linked.discard("s2")  # file unlinked after the queue was built
    assert q.next() == "s3"
    assert q.previous() == "s1"


def test_mark_unplayable_is_skipped_and_dropped_from_upcoming() -> None:
    q = PlayQueue()
    q.start(SONGS, 0)
    q.mark_unplayable("s3")
    assert q.upcoming() == ["s2", "s4", "s5"]
    q.mark_unplayable("s1")  # current stays current until we move off it
    assert q.current == "s1"
    assert drain(q) == ["s2", "s4", "s5"]
    assert q.previous() == "s4"
    assert q.previous() == "s2"
    assert q.previous() is None  # s1 is gone


def test_repeat_one_replays_but_user_next_moves_on() -> None:
    q = PlayQueue()
    q.start(SONGS, 0)
    q.repeat = RepeatMode.ONE
    assert q.next() == "s1"
    assert q.next() == "s1"
    assert q.next(user=True) == "s2"


def test_repeat_all_wraps_and_off_stops() -> None:
    q = PlayQueue()
    q.start(SONGS, 3)
    q.repeat = RepeatMode.ALL
    assert [q.next() for _ in range(4)] == ["s5", "s1", "s2", "s3"]
    q.start(SONGS, 0)
    assert q.previous() == "s5"  # ALL wraps backwards too
    q.repeat = RepeatMode.OFF
    q.start(SONGS, 0)
    assert q.previous() is None


def test_all_unplayable_returns_none_and_keeps_position() -> None:
    q = PlayQueue(random.Random(3))
    q.start(SONGS, 1)
    q.repeat = RepeatMode.ALL
    q.shuffle = True
    for s in SONGS:
        q.mark_unplayable(s)
    cur = q.current
    assert q.next() is None
    assert q.next(user=True) is None
    assert q.current == cur


def test_shuffle_keeps_current_first_and_covers_everything() -> None:
    q = PlayQueue(random.Random(42))
    q.start(SONGS, 2)
    q.shuffle = True
    assert q.current == "s3"
    up = q.upcoming()
    assert sorted(up) == ["s1", "s2", "s4", "s5"]
    assert drain(q) == up


def test_shuffle_is_deterministic_with_a_seeded_rng() -> None:
    orders = []
    for _ in range(2):
        q = PlayQueue(random.Random(7))
        q.start(SONGS, 0)
        q.shuffle = True
        orders.append(q.upcoming())
    assert orders[0] == orders[1]


def test_shuffle_off_restores_original_order_after_current() -> None:
    q = PlayQueue(random.Random(1))
    q.start(SONGS, 0)
    q.shuffle = True
    q.next()
    cur = q.current
    q.shuffle = False
    assert q.current == cur
    i = SONGS.index(cur)
    assert q.upcoming() == SONGS[i + 1 :]


def test_shuffle_on_when_starting_and_reshuffle_on_wrap() -> None:
    q = PlayQueue(random.Random(5))
    q.shuffle = True
    q.repeat = RepeatMode.ALL
    assert q.start(SONGS, 4) == "s5"
    first_cycle = [q.current, *drain(q, limit=4)]
    assert sorted(first_cycle) == sorted(SONGS)
    second_cycle = drain(q, limit=5)
    assert sorted(second_cycle) == sorted(SONGS)
    assert second_cycle[0] != first_cycle[-1]  # no immediate replay across the wrap


def test_move_remove_play_next_enqueue() -> None:
    q = PlayQueue()
    q.start(SONGS, 0)
    q.move(0, 3)  # s2 to the end
    assert q.upcoming() == ["s3", "s4", "s5", "s2"]
    assert q.remove(1) == "s4"
    assert q.upcoming() == ["s3", "s5", "s2"]
    q.play_next("x")
    q.enqueue("y")
    assert q.upcoming() == ["x", "s3", "s5", "s2", "y"]
    with pytest.raises(IndexError):
        q.move(0, 9)
    with pytest.raises(IndexError):
        q.remove(5)


def test_edits_survive_shuffle_toggle() -> None:
    q = PlayQueue(random.Random(9))
    q.start(SONGS, 0)
    q.shuffle = True
    q.enqueue("y")
    q.play_next("x")
    assert q.upcoming()[0] == "x"
    q.shuffle = False
    assert q.upcoming() == ["x", "s2", "s3", "s4", "s5", "y"]


def test_clear_and_enqueue_into_empty_queue() -> None:
    q = PlayQueue()
    q.start(SONGS, 1)
    q.clear()
    assert q.current is None and q.upcoming() == []
    assert q.next() is None
    q.enqueue("a")
    q.enqueue("b")
    assert q.current is None
    assert q.next() == "a"
    assert q.upcoming() == ["b"]


def test_duplicates_are_allowed() -> None:
    q = PlayQueue()
    q.start(["a", "b", "a"], 2)
    assert q.current == "a"
    assert q.previous() == "b"
    assert q.previous() == "a"


ops = st.one_of(
    st.tuples(st.just("next"), st.booleans()),
    st.tuples(st.just("previous"), st.none()),
    st.tuples(st.just("shuffle"), st.booleans()),
    st.tuples(st.just("repeat"), st.sampled_from(list(RepeatMode))),
    st.tuples(st.just("enqueue"), st.sampled_from(["e1", "e2"])),
    st.tuples(st.just("play_next"), st.sampled_from(["p1", "p2"])),
    st.tuples(st.just("mark"), st.sampled_from(SONGS)),
    st.tuples(st.just("remove"), st.integers(0, 6)),
    st.tuples(st.just("move"), st.tuples(st.integers(0, 6), st.integers(0, 6))),
    st.tuples(st.just("jump"), st.integers(0, 6)),
)


def test_jump_plays_an_upcoming_song_and_keeps_the_ones_before_it() -> None:
    q = PlayQueue()
    q.start(["a", "b", "c", "d", "e"], 0)
    assert q.jump(2) == "d"
    # "b" and "c" were passed over, not dropped: Previous goes back through them.
    assert q.history() == ["a", "b", "c"]
    assert q.upcoming() == ["e"]
    assert q.previous() == "c"
    assert q.previous() == "b"
    assert q.upcoming() == ["c", "d", "e"]
    # Repeat all comes round to every song again.
    q.repeat = RepeatMode.ALL
    q.jump(2)
    assert [q.next() for _ in range(4)] == ["a", "b", "c", "d"]
    assert q.jump(9) is None and q.current == "d"


def test_jump_leaves_a_failed_current_song_behind() -> None:
    q = PlayQueue()
    q.start(["a", "b", "c"], 0)
    q.mark_unplayable("a")
    assert q.jump(1) == "c"
    assert q.history() == ["b"]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 4), st.integers(0, 2**32), st.lists(ops, max_size=40))
def test_queue_invariants_hold_under_any_edits(index, seed, script) -> None:
    q = PlayQueue(random.Random(seed))
    q.start(SONGS, index)
    expected = Counter(SONGS)  # songs the queue should still hold
    marked: set[str] = set()
    for op, arg in script:
        if op == "next":
            got = q.next(user=arg)
            assert got is None or got not in marked
        elif op == "previous":
            got = q.previous()
            assert got is None or got not in marked
        elif op == "shuffle":
            q.shuffle = arg
        elif op == "repeat":
            q.repeat = arg
        elif op in ("enqueue", "play_next"):
            getattr(q, op)(arg)
            expected[arg] += 1
        elif op == "mark":
            marked.add(arg)
            q.mark_unplayable(arg)
        elif op == "remove":
            if arg < len(q.upcoming()):
                expected[q.remove(arg)] -= 1
        elif op == "move":
            a, b = arg
            if a < len(q.upcoming()) and b < len(q.upcoming()):
                q.move(a, b)
        elif op == "jump":
            ahead = q.upcoming()
            got = q.jump(arg)
            assert got is None or (got == ahead[arg] and q.current == got)
        for song in marked:
            # A marked song survives only while it is the current one.
            expected[song] = 1 if q.current == song else 0
        everything = [*q.history(), *([q.current] if q.current else []), *q.upcoming()]
        assert Counter(everything) == +expected
        assert not (set(q.upcoming()) & marked)
