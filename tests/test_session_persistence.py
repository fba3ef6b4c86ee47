"""The playback session without any widget: what MPRIS, the tray and a restart rely on.

Volume, mute, shuffle and repeat set through the session reach every listener and are saved;
the queue, with the user's edits, and the resume point survive a restart; a dismissed resume
offer stays dismissed; Next goes on through the browser's order past the end of a list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ostplayer.domain.queue import RepeatMode
from ostplayer.playback.base import PlayerState
from ostplayer.playback.fake_backend import FakeMedia, FakePlayer
from ostplayer.services.playback_session import PlaybackSession
from ostplayer.services.playback_state import PlaybackStateStore
from ostplayer.services.settings import Keys, Settings

T = 10_000


class Home:
    """A settings file, a state file and some songs' files, like one user's machine."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.paths: dict[str, str] = {}
        self.player = FakePlayer(speed=8.0)
        for song in "abcdef":
            path = tmp_path / f"{song}.flac"
            path.write_bytes(b"fLaC")
            self.paths[song] = str(path)
            self.player.script(str(path), FakeMedia(length_ms=4000))

    def session(self, player: FakePlayer | None = None) -> PlaybackSession:
        return PlaybackSession(
            player or self.player,
            self.paths.get,
            Settings(self.tmp / "settings.ini"),
            PlaybackStateStore(self.tmp / "playback.json"),
            known_song=lambda sid: sid in self.paths,
        )


@pytest.fixture
def home(tmp_path) -> Home:
    return Home(tmp_path)


def test_settings_changed_through_the_session_are_told_and_saved(qtbot, home) -> None:
    session = home.session()
    heard: list[tuple[str, object]] = []
    session.volume_changed.connect(lambda v: heard.append(("volume", v)))
    session.muted_changed.connect(lambda m: heard.append(("muted", m)))
    session.shuffle_changed.connect(lambda s: heard.append(("shuffle", s)))
    session.repeat_changed.connect(lambda r: heard.append(("repeat", r)))
    session.set_volume(35)
    session.set_volume(35)  # unchanged: nobody is told twice
    session.set_muted(True)
    session.set_shuffle(True)
    session.set_repeat(RepeatMode.ALL)
    session.set_volume(250)  # clamped, as MPRIS's 2.5 would be
    assert heard == [
        ("volume", 35),
        ("muted", True),
        ("shuffle", True),
        ("repeat", RepeatMode.ALL),
        ("volume", 100),
    ]
    assert home.player.volume() == 100 and home.player.is_muted()
    session.shutdown()
    again = Settings(home.tmp / "settings.ini")
    assert again.get(Keys.VOLUME) == 100
    assert again.get(Keys.MUTED) is True
    assert again.get(Keys.SHUFFLE) is True
    assert again.get(Keys.REPEAT) is RepeatMode.ALL
    restarted = home.session(FakePlayer())
    assert (restarted.volume(), restarted.is_muted(), restarted.shuffle, restarted.repeat) == (
        100,
        True,
        True,
        RepeatMode.ALL,
    )
    restarted.shutdown()


def test_the_queue_with_the_users_edits_survives_a_restart(qtbot, home) -> None:
    session = home.session()
    with qtbot.waitSignal(session.now_playing, timeout=T):
        session.play_list(list("abcd"), 1)
    session.enqueue("f")
    session.remove_upcoming(0)  # "c" out
    session.move_upcoming(1, 0)  # "f" before "d"
    assert session.queue.upcoming() == ["f", "d"]
    session.shutdown()
    restarted = home.session(FakePlayer())
    assert restarted.current_song_id == "b"
    assert restarted.queue.history() == ["a"]
    assert restarted.queue.upcoming() == ["f", "d"]
    restarted.shutdown()


def test_a_restored_queue_forgets_songs_deleted_since(qtbot, home) -> None:
    session = home.session()
    with qtbot.waitSignal(session.now_playing, timeout=T):
        session.play_list(list("abc"), 0)
    session.shutdown()
    del home.paths["b"]  # the song is gone from the catalog
    restarted = home.session(FakePlayer())
    assert restarted.queue.upcoming() == ["c"]
    restarted.shutdown()


def test_a_damaged_state_file_is_moved_aside_and_playback_starts_empty(qtbot, home) -> None:
    (home.tmp / "playback.json").write_text('{"queue": {"order": ["a", ')
    store = PlaybackStateStore(home.tmp / "playback.json")
    state = store.load()
    assert state.resume is None and state.queue == {}
    assert store.notices and "moved to" in store.notices[0]
    assert list(home.tmp.glob("playback.broken-*.json"))


def test_resume_offer_is_kept_until_dismissed_or_anything_plays(qtbot, home) -> None:
    session = home.session()
    with qtbot.waitSignal(session.now_playing, timeout=T):
        session.play_list(["a", "b"], 0)
    session.shutdown()

    def offer_after_restart() -> tuple[str, int] | None:
        restarted = home.session(FakePlayer())
        offer = restarted.resume_offer()
        restarted.shutdown()
        return offer

    data = json.loads((home.tmp / "playback.json").read_text())
    data["resume"] = {"song": "a", "position_ms": 42_000}
    (home.tmp / "playback.json").write_text(json.dumps(data))
    assert offer_after_restart() == ("a", 42_000)
    assert offer_after_restart() == ("a", 42_000)  # not answered: offered again
    dismissed = home.session(FakePlayer())
    dismissed.dismiss_resume()
    dismissed.shutdown()
    assert offer_after_restart() is None  # said no, for that song and position
    played = home.session()
    with qtbot.waitSignal(played.now_playing, timeout=T):
        played.play_list(["c"], 0)
    played.stop()
    played.shutdown()
    assert offer_after_restart() is None


def test_resume_in_the_restored_queue_keeps_the_queue(qtbot, home) -> None:
    session = home.session()
    with qtbot.waitSignal(session.now_playing, timeout=T):
        session.play_list(list("abc"), 1)
    session.shutdown()
    restarted = home.session()
    with qtbot.waitSignal(restarted.now_playing, timeout=T):
        restarted.resume("b", 2000, ["b"])
    assert restarted.queue.history() == ["a"] and restarted.queue.upcoming() == ["c"]
    restarted.shutdown()


def test_next_goes_on_through_the_browsers_order_past_the_end_of_the_list(qtbot, home) -> None:
    session = home.session()
    order = list("abcdef")
    del home.paths["d"]  # no file: skipped on the way
    session.set_continuation(
        lambda sid: iter(order[order.index(sid) + 1 :]),
        lambda sid: reversed(order[: order.index(sid)]),
    )
    with qtbot.waitSignal(session.now_playing, timeout=T):
        session.play_list(["c"], 0)  # a one-song drama
    with qtbot.waitSignal(session.now_playing, timeout=T) as nxt:
        session.next()
    assert nxt.args == ["e"]
    with qtbot.waitSignal(session.now_playing, timeout=T) as back:
        session.previous()
    assert back.args == ["c"]
    with qtbot.waitSignal(session.now_playing, timeout=T) as before:
        session.previous()
    assert before.args == ["b"]  # Previous goes back past the start of the list too
    # At its natural end a song goes on as well, and the last song of all stops.
    with qtbot.waitSignal(session.now_playing, timeout=T):
        session.play_list(["f"], 0)
    with qtbot.waitSignal(session.stopped, timeout=T):
        pass
    assert session.state() is PlayerState.STOPPED
    session.shutdown()


def test_syncing_one_song_stops_at_its_end_instead_of_going_on(qtbot, home) -> None:
    session = home.session()
    order = list("abc")
    session.set_continuation(lambda sid: iter(order[order.index(sid) + 1 :]), lambda sid: iter(()))
    with qtbot.waitSignal(session.now_playing, timeout=T):
        session.play_list(["a"], 0, continue_past_end=False)
    with qtbot.waitSignal(session.stopped, timeout=T):
        pass
    assert session.finished_song == "a" and session.current_song_id == "a"
    session.shutdown()


def test_a_stream_that_reports_no_time_still_moves_and_ends_as_played(qtbot, home) -> None:
    # Like some old Ogg Vorbis files under libVLC: Playing, then nothing about the time.
    session = home.session(FakePlayer(speed=1.0))
    session.player.script(home.paths["a"], FakeMedia(length_ms=2500, reports_time=False))
    finished: list[str] = []
    failed: list[str] = []
    session.play_finished.connect(finished.append)
    session.song_failed.connect(lambda sid, _m: failed.append(sid))
    session.play_list(["a"], 0)
    qtbot.waitUntil(lambda: session.position_ms() > 1800, timeout=T)
    qtbot.waitUntil(lambda: finished == ["a"], timeout=T)
    assert failed == []
    session.shutdown()


def test_the_window_s_state_store_writes_on_its_own_thread_and_quit_waits_for_it(
    tmp_path, monkeypatch
):
    import threading

    from ostplayer.services import playback_state
    from ostplayer.services.playback_state import PlaybackState, ResumePoint

    writers: list[str] = []
    real = playback_state.atomic_write_bytes

    def recording(path, data):
        writers.append(threading.current_thread().name)
        real(path, data)

    monkeypatch.setattr(playback_state, "atomic_write_bytes", recording)
    store = PlaybackStateStore(tmp_path / "playback.json", background=True)
    for position in (6000, 7000, 8000):
        state = PlaybackState()
        state.resume = ResumePoint("its-you", position)
        assert store.save(state)
    store.flush()
    assert writers and threading.current_thread().name not in writers
    saved = json.loads((tmp_path / "playback.json").read_text())
    assert saved["resume"]["position_ms"] == 8000  # the newest state is what stays
    assert store.load().resume == ResumePoint("its-you", 8000)
