"""TapSyncSession: the pure timing logic behind the editor's tap-to-sync mode."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ostplayer.domain.lyrics import LyricLine, Word, parse_lyrics
from ostplayer.domain.tap_sync import TapSyncSession, TapTooEarly


def groups(lyrics):
    return [(g.time_ms, tuple(line.text for line in g.lines)) for g in lyrics.groups]


def test_taps_stamp_lines_in_order_and_build_lrc() -> None:
    s = TapSyncSession(["보고 싶다", "I miss you", "", "이렇게 말하니까"])
    assert (s.current, s.done, s.stamps) == (0, False, (None,) * 4)
    assert s.tap(1000) == 0
    assert s.tap(2500) == 1
    assert s.tap(4000) == 2  # the pause is tapped when the singing stops
    assert s.tap(5250) == 3
    assert s.done and s.tap(9000) == -1
    assert s.stamps == (1000, 2500, 4000, 5250)
    assert s.to_lrc() == (
        "[00:01.00]보고 싶다\n[00:02.50]I miss you\n[00:04.00]\n[00:05.25]이렇게 말하니까\n"
    )
    lyrics = s.to_lyrics()
    assert lyrics.synced
    assert groups(lyrics) == [
        (1000, ("보고 싶다",)),
        (2500, ("I miss you",)),
        (4000, ("",)),
        (5250, ("이렇게 말하니까",)),
    ]


def test_step_back_unstamps_the_previous_line() -> None:
    s = TapSyncSession(["a", "b", "c"])
    assert s.step_back() is None
    s.tap(100)
    s.tap(900)
    assert s.step_back() == 1
    assert (s.current, s.stamps) == (1, (100, None, None))
    s.tap(700)
    assert s.stamps == (100, 700, None)


def test_a_tap_not_later_than_the_previous_line_is_refused() -> None:
    s = TapSyncSession(["a", "b", "c"])
    s.tap(3000)
    with pytest.raises(TapTooEarly) as err:
        s.tap(2000)  # the user seeked back without stepping back
    assert err.value.previous_ms == 3000
    with pytest.raises(TapTooEarly):
        s.tap(3000)  # equal would merge the two lines into one group
    assert (s.current, s.stamps) == (1, (3000, None, None))
    s.tap(3001)
    assert s.stamps == (3000, 3001, None)
    assert [g.time_ms for g in s.to_lyrics().groups] == [3000, 3001]


def test_preloaded_equal_stamps_are_kept_and_nudges_do_not_cross() -> None:
    # [offset:300] folds 100 and 200 both to 0: the session must still load them.
    s = TapSyncSession.from_text("[offset:300]\n[00:00.10]a\n[00:00.20]b\n[00:05.00]c\n")
    assert s.stamps == (0, 0, 4700)
    assert s.nudge(0, 100) == 0  # moving later would cross "b": unchanged
    assert s.nudge(1, 100) == 100  # "b" can move apart
    assert s.nudge(2, -9000) == 101


def test_nudge_moves_a_stamp_within_its_neighbours() -> None:
    s = TapSyncSession(["a", "b", "c"])
    for ms in (1000, 2000, 3000):
        s.tap(ms)
    assert s.nudge(1, -100) == 1900
    assert s.nudge(1, +100) == 2000
    assert s.nudge(1, -5000) == 1001  # stops just after the previous line
    assert s.nudge(1, +5000) == 2999  # and just before the next one
    assert s.nudge(0, -5000) == 0
    with pytest.raises(ValueError):
        TapSyncSession(["x"]).nudge(0, 100)


def test_restart_from_clears_the_tail() -> None:
    s = TapSyncSession(["a", "b", "c"], stamps=[10, 20, 30])
    assert s.done
    s.restart_from(1)
    assert (s.current, s.stamps) == (1, (10, None, None))


def test_from_text_plain_keeps_stanza_breaks_as_pauses() -> None:
    s = TapSyncSession.from_text("\n\n첫 줄\n둘째 줄\n\n\n셋째 줄\n")
    assert [s.entry_text(i) for i in range(len(s))] == ["첫 줄", "둘째 줄", "", "셋째 줄"]
    assert s.is_pause(2) and not s.is_pause(0)
    assert s.current == 0


def test_from_text_synced_preloads_groups_and_folds_the_offset() -> None:
    text = "[ti:봄날]\n[offset:500]\n[00:01.00]보고 싶다\n[00:01.00]bogo sipda\n[00:04.00]다음\n"
    s = TapSyncSession.from_text(text)
    assert len(s) == 2 and s.done
    assert s.entry_text(0) == "보고 싶다\nbogo sipda"
    assert s.stamps == (500, 3500)
    assert s.to_lrc() == "[ti:봄날]\n[00:00.50]보고 싶다\n[00:00.50]bogo sipda\n[00:03.50]다음\n"


def test_word_stamps_follow_their_line() -> None:
    line = LyricLine("보고 싶다", (Word(1000, "보고 "), Word(1400, "싶다")))
    s = TapSyncSession([[line]], base_times=[1000])
    s.tap(2000)
    (out,) = s.to_lyrics().groups[0].lines
    assert [w.time_ms for w in out.words] == [2000, 2400]


def test_unstamped_lines_join_the_last_group_like_the_parser_does() -> None:
    s = TapSyncSession(["a", "b", "", "c"])
    s.tap(1000)
    assert groups(s.to_lyrics()) == [(1000, ("a", "b", "c"))]
    assert s.to_lyrics() == parse_lyrics(s.to_lrc())


def test_nothing_stamped_gives_plain_lyrics() -> None:
    s = TapSyncSession(["a", "", "b"])
    lyrics = s.to_lyrics()
    assert not lyrics.synced
    assert lyrics.plain_text() == "a\n\nb"


def test_tags_are_kept_but_not_the_offset() -> None:
    s = TapSyncSession(["a"], tags={"ti": "Song", "offset": "300"})
    s.tap(10)
    assert s.to_lrc() == "[ti:Song]\n[00:00.01]a\n"


@given(
    texts=st.lists(st.text(alphabet="ab 가나[]:.<>0123", max_size=8), min_size=1, max_size=8),
    taps=st.lists(st.integers(min_value=-100, max_value=600_000), max_size=10),
    backs=st.integers(min_value=0, max_value=3),
)
def test_output_round_trips_through_the_parser(texts, taps, backs) -> None:
    # Lines the editor hands over come out of the parser, so none is itself a time stamp
    # ("[0:0]", "<1.5>"): LRC has no way to write such a line as text.
    assume(not any(re.search(r"[\[<]\s*\d", t) for t in texts))
    s = TapSyncSession(texts)
    for ms in taps:
        with contextlib.suppress(TapTooEarly):
            s.tap(ms)
    for _ in range(backs):
        s.step_back()
    stamped = [x for x in s.stamps if x is not None]
    assert stamped == sorted(set(stamped))  # strictly increasing
    assert all(x is None for x in s.stamps[s.current :])
    if s.current:
        assert s.to_lyrics() == parse_lyrics(s.to_lrc())
