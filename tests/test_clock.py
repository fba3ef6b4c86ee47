"""PlaybackClock: interpolation between libVLC's coarse time reports."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ostplayer.domain.clock import PlaybackClock


class FakeTime:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t

    def advance(self, ms: float) -> None:
        self.t += ms / 1000


def running_clock(now: FakeTime, **kw) -> PlaybackClock:
    clock = PlaybackClock(now, **kw)
    clock.resume()
    return clock


def test_interpolates_between_reports() -> None:
    now = FakeTime()
    clock = running_clock(now)
    clock.report(1000)
    now.advance(120)
    assert clock.now_ms() == 1120
    clock.report(1250)  # re-sync
    now.advance(40)
    assert clock.now_ms() == 1290


def test_starts_stopped_and_pause_freezes() -> None:
    now = FakeTime()
    clock = PlaybackClock(now)
    now.advance(500)
    assert clock.now_ms() == 0
    clock.resume()
    now.advance(300)
    clock.pause()
    frozen = clock.now_ms()
    assert frozen == 300
    now.advance(5000)
    assert clock.now_ms() == frozen
    clock.resume()
    now.advance(100)
    assert clock.now_ms() == 400


def test_small_backwards_report_is_absorbed() -> None:
    now = FakeTime()
    clock = running_clock(now)
    clock.report(1000)
    now.advance(280)
    assert clock.now_ms() == 1280
    clock.report(1250)  # libVLC is 30 ms "behind" what we showed
    assert clock.now_ms() == 1280  # held, not stepped back
    now.advance(20)
    assert clock.now_ms() == 1280
    now.advance(50)
    assert clock.now_ms() == 1320  # real time caught up; follows the report again


def test_large_backwards_report_jumps() -> None:
    now = FakeTime()
    clock = running_clock(now, correction_window_ms=400)
    clock.report(5000)
    now.advance(100)
    clock.report(1000)  # a seek made elsewhere, or repeat-one restarting
    assert clock.now_ms() == 1000


def test_seek_always_jumps_even_a_little() -> None:
    now = FakeTime()
    clock = running_clock(now)
    clock.report(2000)
    now.advance(200)
    clock.seek(2100)
    assert clock.now_ms() == 2100
    clock.seek(-5)
    assert clock.now_ms() == 0


def test_extrapolation_is_capped_when_reports_stop() -> None:
    now = FakeTime()
    clock = running_clock(now, max_extrapolation_ms=1500)
    clock.report(3000)
    now.advance(10_000)  # backend stalled
    assert clock.now_ms() == 4500


def test_report_while_paused_resyncs_without_running() -> None:
    now = FakeTime()
    clock = PlaybackClock(now)
    clock.report(7000)
    now.advance(1000)
    assert clock.now_ms() == 7000


def test_reset() -> None:
    now = FakeTime()
    clock = running_clock(now)
    clock.report(9000)
    clock.reset()
    now.advance(500)
    assert clock.now_ms() == 0 and not clock.running


@given(
    st.lists(
        st.tuples(st.integers(0, 400), st.integers(-400, 600)),
        min_size=1,
        max_size=60,
    )
)
def test_never_runs_backwards_within_the_window(steps) -> None:
    """Reports lagging by at most the window never move the shown time backwards."""
    now = FakeTime()
    clock = running_clock(now, correction_window_ms=400, max_extrapolation_ms=10**9)
    shown = clock.now_ms()
    for dt, offset in steps:
        now.advance(dt)
        clock.report(max(0, clock.now_ms() + offset))
        value = clock.now_ms()
        assert value >= shown
        shown = value
