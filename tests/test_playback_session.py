"""The playback session: advancing, failures, deletion, previous/seek, persistence.

Most run on the fake backend, which keeps time like libVLC (events from its own thread,
Playing after a moment, time reports every 250 ms) at four times the wall clock. The ones
about what libVLC itself makes of bad or vanishing files play real audio through libVLC.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from vlc_support import (
    make_junk_mp3,
    make_text_file,
    make_wav,
    vlc_player,  # noqa: F401  (fixture)
)

from ostplayer.domain.queue import RepeatMode
from ostplayer.playback.base import PlayerState
from ostplayer.playback.fake_backend import FakeMedia, FakePlayer
from ostplayer.services.playback_session import PlaybackSession
from ostplayer.services.playback_state import PlaybackStateStore
from ostplayer.services.settings import Settings

T = 15_000  # generous: a loaded CI box must not turn slowness into failures
FAKE_SPEED = 4.0


class Rig:
    def __init__(self, player, tmp_path: Path, *, state: Path | None = None) -> None:
        self.paths: dict[str, str | None] = {}
        self.player = player
        self.settings = Settings(tmp_path / "settings.ini")
        self.store = PlaybackStateStore(state)
        self.s = PlaybackSession(player, self.paths.get, self.settings, self.store)
        self.tmp = tmp_path
        self.log: list[tuple[str, tuple]] = []
        self.threads: set[int] = set()
        for name in ("now_playing", "stopped", "song_failed", "play_finished"):
            getattr(self.s, name).connect(self._recorder(name))

    def _recorder(self, name: str):
        def record(*args) -> None:
            self.threads.add(threading.get_ident())
            self.log.append((name, args))

        return record

    def wav(self, song_id: str, seconds: float = 1.5) -> str:
        if isinstance(self.player, FakePlayer):
            path = self.tmp / f"{song_id}.wav"
            path.write_bytes(b"RIFF")  # the fake never reads it; the session checks it exists
            self.player.script(str(path), FakeMedia(length_ms=int(seconds * 1000)))
        else:
            path = make_wav(self.tmp / f"{song_id}.wav", seconds)
        self.paths[song_id] = str(path)
        return str(path)

    def names(self, name: str) -> list[tuple]:
        return [args for n, args in self.log if n == name]


@pytest.fixture
def rig(qtbot, tmp_path) -> Iterator[Rig]:
    r = Rig(FakePlayer(speed=FAKE_SPEED), tmp_path)
    yield r
    r.s.shutdown()


@pytest.fixture
def vlc_rig(qtbot, vlc_player, tmp_path) -> Iterator[Rig]:  # noqa: F811
    r = Rig(vlc_player, tmp_path)
    yield r
    r.s.shutdown()


def test_plays_list_and_advances_to_next_then_stops(qtbot, rig) -> None:
    rig.wav("a")
    rig.wav("b")
    with qtbot.waitSignal(rig.s.stopped, timeout=T):
        rig.s.play_list(["a", "b"], 0)
    assert rig.names("now_playing") == [("a",), ("b",)]
    assert rig.names("play_finished") == [("a",), ("b",)]
    assert rig.names("song_failed") == []
    assert rig.s.bridge.state() is PlayerState.STOPPED
    assert rig.threads == {threading.main_thread().ident}


def test_repeat_one_replays_and_next_button_skips(qtbot, rig) -> None:
    rig.wav("a")
    rig.wav("b", 4.0)
    rig.s.set_repeat(RepeatMode.ONE)
    rig.s.play_list(["a", "b"], 0)
    qtbot.waitUntil(lambda: len(rig.names("play_finished")) >= 2, timeout=T)
    assert set(rig.names("now_playing")) == {("a",)}
    with qtbot.waitSignal(rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.s.next()
    rig.s.stop()


def test_missing_file_fails_without_calling_vlc(qtbot, rig, monkeypatch) -> None:
    missing = str(rig.tmp / "gone.wav")
    rig.paths["gone"] = missing
    rig.wav("b")
    loads: list[str] = []
    real_load = rig.player.load
    monkeypatch.setattr(rig.player, "load", lambda p, *a: loads.append(p) or real_load(p, *a))
    with qtbot.waitSignal(rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.s.play_list(["gone", "b"], 0)
    [(song, message)] = rig.names("song_failed")
    assert song == "gone"
    assert missing in message
    assert loads == [rig.paths["b"]]
    assert "gone" not in rig.s.queue.upcoming()
    rig.s.stop()


def test_unlinked_song_is_reported_and_skipped(qtbot, rig) -> None:
    rig.paths["x"] = None
    rig.wav("b")
    with qtbot.waitSignal(rig.s.now_playing, timeout=T):
        rig.s.play_list(["x", "b"], 0)
    assert rig.names("song_failed")[0][0] == "x"
    assert rig.s.current_song_id == "b"
    rig.s.stop()


@pytest.mark.parametrize("kind", ["junk-mp3", "text"])
def test_unplayable_file_reports_and_moves_on(qtbot, vlc_rig, kind) -> None:
    if kind == "junk-mp3":
        bad = str(make_junk_mp3(vlc_rig.tmp / "bad.mp3"))
    else:
        bad = str(make_text_file(vlc_rig.tmp / "bad.txt"))
    vlc_rig.paths["bad"] = bad
    vlc_rig.wav("good")
    with qtbot.waitSignal(vlc_rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "good"):
        vlc_rig.s.play_list(["bad", "good"], 0)
    [(song, message)] = vlc_rig.names("song_failed")
    assert song == "bad"
    assert bad in message
    assert vlc_rig.names("play_finished") == []
    # The failure came through libVLC's thread; the slot still ran on the GUI thread.
    assert vlc_rig.threads == {threading.main_thread().ident}
    vlc_rig.s.stop()


def test_everything_unplayable_stops_without_hanging(qtbot, vlc_rig) -> None:
    vlc_rig.paths["gone"] = str(vlc_rig.tmp / "nope.flac")
    vlc_rig.paths["junk"] = str(make_junk_mp3(vlc_rig.tmp / "junk.mp3"))
    vlc_rig.s.set_repeat(RepeatMode.ALL)
    with qtbot.waitSignal(vlc_rig.s.stopped, timeout=T):
        vlc_rig.s.play_list(["gone", "junk"], 0)
    assert [s for s, _ in vlc_rig.names("song_failed")] == ["gone", "junk"]


def test_file_deleted_while_playing_moves_on(qtbot, vlc_rig) -> None:
    a = vlc_rig.wav("a", 3.0)
    vlc_rig.wav("b")
    vlc_rig.s.play_list(["a", "b"], 0)
    qtbot.waitUntil(lambda: vlc_rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    os.unlink(a)
    # Linux keeps the open file readable, so "a" may finish; either way we reach "b",
    # and the end of "a" says the file is gone instead of passing in silence.
    with qtbot.waitSignal(vlc_rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        pass
    [(song, message)] = vlc_rig.names("song_failed")
    assert song == "a" and message == f"{a} was deleted or moved"
    # It is out of the queue: Previous restarts "b" instead of trying "a" again.
    assert vlc_rig.s.queue.history() == []
    vlc_rig.s.previous()
    assert vlc_rig.s.current_song_id == "b"
    vlc_rig.s.stop()


def test_file_truncated_and_deleted_reports_deleted_or_moved(qtbot, vlc_rig) -> None:
    a = vlc_rig.wav("a", 6.0)
    vlc_rig.wav("b")
    vlc_rig.s.play_list(["a", "b"], 0)
    qtbot.waitUntil(lambda: vlc_rig.s.position_ms() > 500, timeout=T)
    os.truncate(a, 2048)  # what VLC sees when a file vanishes from a network share
    os.unlink(a)
    with qtbot.waitSignal(vlc_rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        pass
    [(song, message)] = vlc_rig.names("song_failed")
    assert song == "a"
    assert a in message and "was deleted or moved" in message
    assert ("a",) not in vlc_rig.names("play_finished")
    vlc_rig.s.stop()


def test_previous_goes_back_early_and_restarts_late(qtbot, rig) -> None:
    rig.wav("a", 8.0)
    rig.wav("b", 8.0)
    rig.s.play_list(["a", "b"], 1)
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    with qtbot.waitSignal(rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "a"):
        rig.s.previous()
    qtbot.waitUntil(lambda: rig.s.position_ms() > 3300, timeout=T)
    n_started = len(rig.names("now_playing"))
    rig.s.previous()
    assert rig.s.position_ms() < 1000
    assert rig.s.current_song_id == "a"
    assert len(rig.names("now_playing")) == n_started  # restarted in place, not reloaded
    rig.s.stop()


def test_play_pause_seek_relative_volume(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    rig.s.set_volume(30)
    rig.s.set_muted(True)
    rig.s.play_list(["a"], 0)
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    rig.s.play_pause()
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PAUSED, timeout=T)
    paused_at = rig.s.position_ms()
    rig.s.seek_relative(2000)
    assert rig.s.position_ms() == pytest.approx(paused_at + 2000, abs=50)
    rig.s.play_pause()
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    qtbot.waitUntil(lambda: rig.player.time_ms() >= paused_at + 2000, timeout=T)
    assert (rig.s.volume(), rig.s.is_muted()) == (30, True)
    rig.s.seek_relative(-60_000)
    assert rig.s.position_ms() < 500
    rig.s.stop()
    assert rig.s.bridge.state() is PlayerState.STOPPED


def test_stale_end_from_previous_track_is_ignored(qtbot, rig) -> None:
    # An END for "a" still queued when "b" starts (Next pressed as "a" ended) must not
    # skip "b". Inject it the way libVLC's thread would deliver it.
    from ostplayer.playback.base import EventKind, PlayerEvent

    rig.wav("a", 5.0)
    rig.wav("b", 5.0)
    rig.wav("c", 5.0)
    rig.s.play_list(["a", "b", "c"], 0)
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    old_gen = rig.s.bridge.generation
    rig.s.next()
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    with qtbot.assertNotEmitted(rig.s.bridge.ended, wait=300):
        rig.s.bridge.event_received.emit(PlayerEvent(EventKind.END_REACHED, old_gen))
    assert rig.s.current_song_id == "b"
    assert [a for (a,) in rig.names("now_playing")] == ["a", "b"]
    rig.s.stop()


def test_play_list_can_start_at_a_position(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    rig.s.play_list(["a"], 0, start_ms=3000)
    assert rig.s.position_ms() == 3000
    qtbot.waitUntil(lambda: rig.player.time_ms() > 3000, timeout=T)
    assert rig.s.bridge.state() is PlayerState.PLAYING
    rig.s.stop()


def test_play_list_start_position_is_where_playback_begins(qtbot, vlc_rig) -> None:
    # Resuming starts the song at the position: nothing of its opening is heard, so
    # no time below the start is ever reported.
    vlc_rig.wav("a", 6.0)
    times: list[int] = []
    vlc_rig.s.bridge.time_changed.connect(times.append)
    vlc_rig.s.play_list(["a"], 0, start_ms=3500)
    qtbot.waitUntil(lambda: vlc_rig.player.time_ms() > 3800, timeout=T)
    assert vlc_rig.s.bridge.state() is PlayerState.PLAYING
    assert times and min(times) >= 3500
    vlc_rig.s.stop()


def test_a_folder_linked_as_the_file_says_so(qtbot, rig) -> None:
    folder = rig.tmp / "album"
    folder.mkdir()
    rig.paths["dir"] = str(folder)
    rig.wav("b")
    unplayable: list[str] = []
    rig.s.song_unplayable.connect(unplayable.append)
    with qtbot.waitSignal(rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.s.play_list(["dir", "b"], 0)
    [(song, message)] = rig.names("song_failed")
    assert song == "dir"
    assert message == f"{folder} is a folder, not an audio file"
    assert unplayable == ["dir"]
    rig.s.stop()


def test_a_file_vlc_cannot_decode_is_reported_unplayable(qtbot, vlc_rig) -> None:
    vlc_rig.paths["junk"] = str(make_junk_mp3(vlc_rig.tmp / "junk.mp3"))
    vlc_rig.paths["gone"] = str(vlc_rig.tmp / "gone.wav")
    unplayable: list[str] = []
    vlc_rig.s.song_unplayable.connect(unplayable.append)
    with qtbot.waitSignal(vlc_rig.s.stopped, timeout=T):
        vlc_rig.s.play_list(["gone", "junk"], 0)
    # Only the file VLC failed on is "unplayable"; the missing one is just missing.
    assert unplayable == ["junk"]
    assert [s for s, _ in vlc_rig.names("song_failed")] == ["gone", "junk"]


def test_pause_pressed_before_vlc_reports_playing_ends_paused(qtbot, vlc_rig) -> None:
    vlc_rig.wav("a", 6.0)
    vlc_rig.s.play_list(["a"], 0)
    # No event has been delivered yet: libVLC's Opening/Playing are still queued.
    vlc_rig.s.play_pause()
    assert vlc_rig.s.bridge.state() is PlayerState.PAUSED
    qtbot.wait(1500)
    assert vlc_rig.s.bridge.state() is PlayerState.PAUSED
    assert vlc_rig.player.state() is PlayerState.PAUSED
    assert vlc_rig.player.time_ms() < 600  # it did not play on
    assert not vlc_rig.s.bridge.is_polling
    assert vlc_rig.names("now_playing") == [("a",)]  # paused, not restarted
    vlc_rig.s.play_pause()
    qtbot.waitUntil(lambda: vlc_rig.player.time_ms() > 1000, timeout=T)
    assert vlc_rig.s.bridge.state() is PlayerState.PLAYING
    vlc_rig.s.stop()


def test_pause_and_play_again_before_playing_plays(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    rig.s.play_list(["a"], 0)
    rig.s.play_pause()
    rig.s.play_pause()
    qtbot.waitUntil(lambda: rig.player.time_ms() > 1000, timeout=T)
    assert rig.s.bridge.state() is PlayerState.PLAYING
    assert rig.names("now_playing") == [("a",)]
    rig.s.stop()


def test_seeking_while_stopped_is_ignored(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    assert rig.s.seek(2000) is False  # nothing loaded at all
    rig.s.play_list(["a"], 0)
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    rig.s.stop()
    assert rig.s.seek(3000) is False
    assert rig.s.seek_relative(5000) is False
    qtbot.wait(500)
    assert rig.s.bridge.state() is PlayerState.STOPPED
    assert rig.s.position_ms() == 0
    assert rig.names("now_playing") == [("a",)]
    # Play starts from the beginning, not from the ignored seek.
    rig.s.play_pause()
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    assert rig.player.time_ms() < 1500
    rig.s.stop()


def test_jumping_to_an_upcoming_song_keeps_the_songs_before_it(qtbot, rig) -> None:
    for song in "abcd":
        rig.wav(song, 5.0)
    rig.s.play_list(list("abcd"), 0)
    qtbot.waitUntil(lambda: rig.s.bridge.state() is PlayerState.PLAYING, timeout=T)
    with qtbot.waitSignal(rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "c"):
        rig.s.jump_to_upcoming(1)
    assert rig.s.queue.history() == ["a", "b"]
    assert rig.s.queue.upcoming() == ["d"]
    with qtbot.waitSignal(rig.s.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.s.previous()
    rig.s.stop()
