"""One contract for every playback backend (as Quod Libet's tests/test_player.py runs one mixin
against each): what the playback session may rely on, whichever backend it gets.

The fake runs it in a fraction of the time; libVLC runs it with real audio on the dummy output
(and may not skip in CI). The silent backend only promises to do nothing, safely.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from vlc_support import VLC_TEST_ARGS, make_wav, require_vlc

from ostplayer.playback import NullPlayer, Player
from ostplayer.playback.base import EventKind, PlayerEvent, PlayerState
from ostplayer.playback.fake_backend import FakeMedia, FakePlayer

T = 10.0  # seconds; generous for a loaded CI machine


class Probe:
    """Collects events as the backend's own thread hands them over."""

    def __init__(self, player: Player) -> None:
        self.events: queue.Queue[PlayerEvent] = queue.Queue()
        self.threads: set[int] = set()
        player.set_event_handler(self._handle)

    def _handle(self, event: PlayerEvent) -> None:
        if event.kind is not EventKind.OPENING:  # reported by play() itself, on purpose
            self.threads.add(threading.get_ident())
        self.events.put(event)

    def wait_for(self, kind: EventKind, generation: int, timeout: float = T) -> PlayerEvent:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {kind.value} within {timeout} s")
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event.kind is kind and event.generation == generation:
                return event


def _fake(tmp_path: Path) -> FakePlayer:
    return FakePlayer(speed=4.0)


def _vlc(tmp_path: Path) -> Player:
    require_vlc()
    from ostplayer.playback.vlc_backend import VlcPlayer

    return VlcPlayer(VLC_TEST_ARGS)


@pytest.fixture(params=["fake", "vlc"])
def player(request, tmp_path) -> Iterator[Player]:
    made = {"fake": _fake, "vlc": _vlc}[request.param](tmp_path)
    yield made
    made.close()


@pytest.fixture
def song(tmp_path, player) -> str:
    path = make_wav(tmp_path / "song.wav", 2.0)
    if isinstance(player, FakePlayer):
        player.script(str(path), FakeMedia(length_ms=2000))
    return str(path)


def test_it_is_a_player_that_can_play(player) -> None:
    assert isinstance(player, Player)
    assert player.available and player.unavailable_reason == ""
    assert player.state() is PlayerState.STOPPED


def test_plays_to_the_end_with_events_from_its_own_thread(player, song) -> None:
    probe = Probe(player)
    generation = player.load(song)
    player.play()
    playing = probe.wait_for(EventKind.PLAYING, generation)
    assert playing.length_ms in (0, 2000) or abs(playing.length_ms - 2000) < 100
    probe.wait_for(EventKind.TIME_CHANGED, generation)
    end = probe.wait_for(EventKind.END_REACHED, generation)
    assert end.time_ms > 500
    assert player.state() is PlayerState.ENDED
    # Playing, times and the end come from the backend's thread, never the caller's.
    assert threading.get_ident() not in probe.threads


def test_each_load_is_a_new_generation(player, song) -> None:
    first = player.load(song)
    second = player.load(song)
    assert second > first


def test_pause_holds_the_time_and_resume_goes_on(player, song) -> None:
    probe = Probe(player)
    generation = player.load(song)
    player.play()
    probe.wait_for(EventKind.PLAYING, generation)
    time.sleep(0.3)
    player.pause()
    probe.wait_for(EventKind.PAUSED, generation)
    held = player.time_ms()
    time.sleep(0.4)
    assert abs(player.time_ms() - held) < 60
    player.resume()
    probe.wait_for(EventKind.PLAYING, generation)
    deadline = time.monotonic() + T
    while player.time_ms() <= held + 100 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert player.time_ms() > held + 100
    player.stop()
    assert player.state() is PlayerState.STOPPED


def test_a_start_position_is_where_it_starts(player, song) -> None:
    probe = Probe(player)
    generation = player.load(song, start_ms=1200)
    assert player.time_ms() == 1200  # before it plays, it says where it will start
    player.play()
    probe.wait_for(EventKind.PLAYING, generation)
    first = probe.wait_for(EventKind.TIME_CHANGED, generation)
    assert first.time_ms >= 1100
    player.stop()


def test_seek_moves_the_time(player, song) -> None:
    probe = Probe(player)
    generation = player.load(song)
    player.play()
    probe.wait_for(EventKind.PLAYING, generation)
    player.seek(1500)
    assert player.time_ms() >= 1400
    player.stop()


def test_a_missing_file_is_an_error(player, tmp_path) -> None:
    probe = Probe(player)
    generation = player.load(str(tmp_path / "no-such.wav"))
    player.play()
    error = probe.wait_for(EventKind.ERROR, generation)
    assert error.message


def test_volume_and_mute_are_remembered(player) -> None:
    player.set_volume(35)
    player.set_muted(True)
    assert (player.volume(), player.is_muted()) == (35, True)
    player.set_volume(180)
    assert player.volume() == 100


def test_close_is_idempotent_and_silences_the_handler(player, song) -> None:
    probe = Probe(player)
    player.load(song)
    player.play()
    player.close()
    player.close()
    time.sleep(0.3)
    while not probe.events.empty():
        probe.events.get()
    time.sleep(0.3)
    assert probe.events.empty()  # nothing after close


def test_the_silent_backend_does_nothing_safely(tmp_path) -> None:
    player = NullPlayer("libVLC is not installed")
    assert isinstance(player, Player) and not player.available
    assert "libVLC" in player.unavailable_reason
    player.set_event_handler(lambda _e: pytest.fail("the silent backend reported something"))
    generation = player.load(str(tmp_path / "x.wav"))
    assert player.load(str(tmp_path / "x.wav")) > generation
    for call in (player.play, player.pause, player.resume, player.stop):
        call()
    player.seek(1000)
    assert (player.state(), player.time_ms(), player.length_ms()) == (PlayerState.STOPPED, 0, 0)
    player.set_volume(40)
    player.set_muted(True)
    assert (player.volume(), player.is_muted()) == (40, True)
    player.close()
    player.close()
