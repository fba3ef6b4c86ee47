"""PlaybackController with real libVLC: advancing, failures, deletion, previous/seek."""

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

T = 15_000  # generous: a loaded CI box must not turn slowness into failures


class Rig:
    def __init__(self, player, tmp_path: Path) -> None:
        from ostplayer.ui.playback_controller import PlaybackController
        from ostplayer.ui.player_bridge import PlayerBridge

        self.paths: dict[str, str | None] = {}
        self.player = player
        self.bridge = PlayerBridge(player)
        self.ctl = PlaybackController(player, self.bridge, self.paths.get)
        self.tmp = tmp_path
        self.log: list[tuple[str, tuple]] = []
        self.threads: set[int] = set()
        for name in ("now_playing", "stopped", "song_failed", "play_finished"):
            getattr(self.ctl, name).connect(self._recorder(name))

    def _recorder(self, name: str):
        def record(*args) -> None:
            self.threads.add(threading.get_ident())
            self.log.append((name, args))

        return record

    def wav(self, song_id: str, seconds: float = 1.5) -> str:
        path = str(make_wav(self.tmp / f"{song_id}.wav", seconds))
        self.paths[song_id] = path
        return path

    def names(self, name: str) -> list[tuple]:
        return [args for n, args in self.log if n == name]


@pytest.fixture
def rig(qtbot, vlc_player, tmp_path) -> Iterator[Rig]:  # noqa: F811
    r = Rig(vlc_player, tmp_path)
    yield r
    r.bridge.shutdown()


def test_plays_list_and_advances_to_next_then_stops(qtbot, rig) -> None:
    rig.wav("a")
    rig.wav("b")
    with qtbot.waitSignal(rig.ctl.stopped, timeout=T):
        rig.ctl.play_list(["a", "b"], 0)
    assert rig.names("now_playing") == [("a",), ("b",)]
    assert rig.names("play_finished") == [("a",), ("b",)]
    assert rig.names("song_failed") == []
    assert rig.bridge.state() is PlayerState.STOPPED
    assert rig.threads == {threading.main_thread().ident}


def test_repeat_one_replays_and_next_button_skips(qtbot, rig) -> None:
    rig.wav("a")
    rig.wav("b", 4.0)
    rig.ctl.set_repeat(RepeatMode.ONE)
    rig.ctl.play_list(["a", "b"], 0)
    qtbot.waitUntil(lambda: len(rig.names("play_finished")) >= 2, timeout=T)
    assert set(rig.names("now_playing")) == {("a",)}
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.ctl.next()
    rig.ctl.stop()


def test_missing_file_fails_without_calling_vlc(qtbot, rig, monkeypatch) -> None:
    missing = str(rig.tmp / "gone.wav")
    rig.paths["gone"] = missing
    rig.wav("b")
    loads: list[str] = []
    real_load = rig.player.load
    monkeypatch.setattr(rig.player, "load", lambda p, *a: loads.append(p) or real_load(p, *a))
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.ctl.play_list(["gone", "b"], 0)
    [(song, message)] = rig.names("song_failed")
    assert song == "gone"
    assert missing in message
    assert loads == [rig.paths["b"]]
    assert "gone" not in rig.ctl.queue.upcoming()
    rig.ctl.stop()


def test_unlinked_song_is_reported_and_skipped(qtbot, rig) -> None:
    rig.paths["x"] = None
    rig.wav("b")
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T):
        rig.ctl.play_list(["x", "b"], 0)
    assert rig.names("song_failed")[0][0] == "x"
    assert rig.ctl.current_song_id == "b"
    rig.ctl.stop()


@pytest.mark.parametrize("kind", ["junk-mp3", "text"])
def test_unplayable_file_reports_and_moves_on(qtbot, rig, kind) -> None:
    if kind == "junk-mp3":
        bad = str(make_junk_mp3(rig.tmp / "bad.mp3"))
    else:
        bad = str(make_text_file(rig.tmp / "bad.txt"))
    rig.paths["bad"] = bad
    rig.wav("good")
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "good"):
        rig.ctl.play_list(["bad", "good"], 0)
    [(song, message)] = rig.names("song_failed")
    assert song == "bad"
    assert bad in message
    assert rig.names("play_finished") == []
    # The failure came through libVLC's thread; the slot still ran on the GUI thread.
    assert rig.threads == {threading.main_thread().ident}
    rig.ctl.stop()


def test_everything_unplayable_stops_without_hanging(qtbot, rig) -> None:
    rig.paths["gone"] = str(rig.tmp / "nope.flac")
    rig.paths["junk"] = str(make_junk_mp3(rig.tmp / "junk.mp3"))
    rig.ctl.set_repeat(RepeatMode.ALL)
    with qtbot.waitSignal(rig.ctl.stopped, timeout=T):
        rig.ctl.play_list(["gone", "junk"], 0)
    assert [s for s, _ in rig.names("song_failed")] == ["gone", "junk"]


def test_file_deleted_while_playing_moves_on(qtbot, rig) -> None:
    a = rig.wav("a", 3.0)
    rig.wav("b")
    rig.ctl.play_list(["a", "b"], 0)
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    os.unlink(a)
    # Linux keeps the open file readable, so "a" may finish; either way we reach "b",
    # and the end of "a" says the file is gone instead of passing in silence.
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        pass
    [(song, message)] = rig.names("song_failed")
    assert song == "a" and message == f"{a} was deleted or moved"
    # It is out of the queue: Previous restarts "b" instead of trying "a" again.
    assert rig.ctl.queue.history() == []
    rig.ctl.previous()
    assert rig.ctl.current_song_id == "b"
    rig.ctl.stop()


def test_file_truncated_and_deleted_reports_deleted_or_moved(qtbot, rig) -> None:
    a = rig.wav("a", 6.0)
    rig.wav("b")
    rig.ctl.play_list(["a", "b"], 0)
    qtbot.waitUntil(lambda: rig.ctl.position_ms() > 500, timeout=T)
    os.truncate(a, 2048)  # what VLC sees when a file vanishes from a network share
    os.unlink(a)
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        pass
    [(song, message)] = rig.names("song_failed")
    assert song == "a"
    assert a in message and "was deleted or moved" in message
    assert ("a",) not in rig.names("play_finished")
    rig.ctl.stop()


def test_previous_goes_back_early_and_restarts_late(qtbot, rig) -> None:
    rig.wav("a", 8.0)
    rig.wav("b", 8.0)
    rig.ctl.play_list(["a", "b"], 1)
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "a"):
        rig.ctl.previous()
    qtbot.waitUntil(lambda: rig.ctl.position_ms() > 3300, timeout=T)
    n_started = len(rig.names("now_playing"))
    rig.ctl.previous()
    assert rig.ctl.position_ms() < 1000
    assert rig.ctl.current_song_id == "a"
    assert len(rig.names("now_playing")) == n_started  # restarted in place, not reloaded
    rig.ctl.stop()


def test_play_pause_seek_relative_volume(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    rig.ctl.set_volume(30)
    rig.ctl.set_muted(True)
    rig.ctl.play_list(["a"], 0)
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    rig.ctl.play_pause()
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PAUSED, timeout=T)
    paused_at = rig.ctl.position_ms()
    rig.ctl.seek_relative(2000)
    assert rig.ctl.position_ms() == pytest.approx(paused_at + 2000, abs=50)
    rig.ctl.play_pause()
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    qtbot.waitUntil(lambda: rig.player.time_ms() >= paused_at + 2000, timeout=T)
    assert (rig.ctl.volume(), rig.ctl.is_muted()) == (30, True)
    rig.ctl.seek_relative(-60_000)
    assert rig.ctl.position_ms() < 500
    rig.ctl.stop()
    assert rig.bridge.state() is PlayerState.STOPPED


def test_stale_end_from_previous_track_is_ignored(qtbot, rig) -> None:
    # An END for "a" still queued when "b" starts (Next pressed as "a" ended) must not
    # skip "b". Inject it the way libVLC's thread would deliver it.
    from ostplayer.playback.base import EventKind, PlayerEvent

    rig.wav("a", 5.0)
    rig.wav("b", 5.0)
    rig.wav("c", 5.0)
    rig.ctl.play_list(["a", "b", "c"], 0)
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    old_gen = rig.bridge.generation
    rig.ctl.next()
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    with qtbot.assertNotEmitted(rig.bridge.ended, wait=300):
        rig.bridge.event_received.emit(PlayerEvent(EventKind.END_REACHED, old_gen))
    assert rig.ctl.current_song_id == "b"
    assert [a for (a,) in rig.names("now_playing")] == ["a", "b"]
    rig.ctl.stop()


def test_play_list_can_start_at_a_position(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    rig.ctl.play_list(["a"], 0, start_ms=3000)
    assert rig.ctl.position_ms() == 3000
    qtbot.waitUntil(lambda: rig.player.time_ms() > 3000, timeout=T)
    assert rig.ctl.bridge.state() is PlayerState.PLAYING
    rig.ctl.stop()


def test_play_list_start_position_is_where_playback_begins(qtbot, rig) -> None:
    # Resuming starts the song at the position: nothing of its opening is heard, so
    # no time below the start is ever reported.
    rig.wav("a", 6.0)
    times: list[int] = []
    rig.bridge.time_changed.connect(times.append)
    rig.ctl.play_list(["a"], 0, start_ms=3500)
    qtbot.waitUntil(lambda: rig.player.time_ms() > 3800, timeout=T)
    assert rig.bridge.state() is PlayerState.PLAYING
    assert times and min(times) >= 3500
    rig.ctl.stop()


def test_a_folder_linked_as_the_file_says_so(qtbot, rig) -> None:
    folder = rig.tmp / "album"
    folder.mkdir()
    rig.paths["dir"] = str(folder)
    rig.wav("b")
    unplayable: list[str] = []
    rig.ctl.song_unplayable.connect(unplayable.append)
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.ctl.play_list(["dir", "b"], 0)
    [(song, message)] = rig.names("song_failed")
    assert song == "dir"
    assert message == f"{folder} is a folder, not an audio file"
    assert unplayable == ["dir"]
    rig.ctl.stop()


def test_a_file_vlc_cannot_decode_is_reported_unplayable(qtbot, rig) -> None:
    rig.paths["junk"] = str(make_junk_mp3(rig.tmp / "junk.mp3"))
    rig.paths["gone"] = str(rig.tmp / "gone.wav")
    unplayable: list[str] = []
    rig.ctl.song_unplayable.connect(unplayable.append)
    with qtbot.waitSignal(rig.ctl.stopped, timeout=T):
        rig.ctl.play_list(["gone", "junk"], 0)
    # Only the file VLC failed on is "unplayable"; the missing one is just missing.
    assert unplayable == ["junk"]
    assert [s for s, _ in rig.names("song_failed")] == ["gone", "junk"]


def test_pause_pressed_before_vlc_reports_playing_ends_paused(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    rig.ctl.play_list(["a"], 0)
    # No event has been delivered yet: libVLC's Opening/Playing are still queued.
    rig.ctl.play_pause()
    assert rig.bridge.state() is PlayerState.PAUSED
    qtbot.wait(1500)
    assert rig.bridge.state() is PlayerState.PAUSED
    assert rig.player.state() is PlayerState.PAUSED
    assert rig.player.time_ms() < 600  # it did not play on
    assert not rig.bridge.is_polling
    assert rig.names("now_playing") == [("a",)]  # paused, not restarted
    rig.ctl.play_pause()
    qtbot.waitUntil(lambda: rig.player.time_ms() > 1000, timeout=T)
    assert rig.bridge.state() is PlayerState.PLAYING
    rig.ctl.stop()


def test_pause_and_play_again_before_playing_plays(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    rig.ctl.play_list(["a"], 0)
    rig.ctl.play_pause()
    rig.ctl.play_pause()
    qtbot.waitUntil(lambda: rig.player.time_ms() > 1000, timeout=T)
    assert rig.bridge.state() is PlayerState.PLAYING
    assert rig.names("now_playing") == [("a",)]
    rig.ctl.stop()


def test_seeking_while_stopped_is_ignored(qtbot, rig) -> None:
    rig.wav("a", 6.0)
    assert rig.ctl.seek(2000) is False  # nothing loaded at all
    rig.ctl.play_list(["a"], 0)
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    rig.ctl.stop()
    assert rig.ctl.seek(3000) is False
    assert rig.ctl.seek_relative(5000) is False
    qtbot.wait(500)
    assert rig.bridge.state() is PlayerState.STOPPED
    assert rig.ctl.position_ms() == 0
    assert rig.names("now_playing") == [("a",)]
    # Play starts from the beginning, not from the ignored seek.
    rig.ctl.play_pause()
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    assert rig.player.time_ms() < 1500
    rig.ctl.stop()


def test_jumping_to_an_upcoming_song_keeps_the_songs_before_it(qtbot, rig) -> None:
    for song in "abcd":
        rig.wav(song, 5.0)
    rig.ctl.play_list(list("abcd"), 0)
    qtbot.waitUntil(lambda: rig.bridge.state() is PlayerState.PLAYING, timeout=T)
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "c"):
        rig.ctl.jump_to_upcoming(1)
    assert rig.ctl.queue.history() == ["a", "b"]
    assert rig.ctl.queue.upcoming() == ["d"]
    with qtbot.waitSignal(rig.ctl.now_playing, timeout=T, check_params_cb=lambda s: s == "b"):
        rig.ctl.previous()
    rig.ctl.stop()
