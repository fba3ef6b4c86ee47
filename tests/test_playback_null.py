"""The silent fallback: create_player() when libVLC cannot be used, and NullPlayer itself."""

from __future__ import annotations

import importlib.abc
import os
import sys
import types

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from ostplayer.playback import INSTALL_HINT, NullPlayer, Player, PlayerState, create_player
from ostplayer.playback.base import EventKind, PlayerEvent


@pytest.fixture(autouse=True)
def _vlc_allowed(monkeypatch):
    monkeypatch.delenv("OSTPLAYER_NO_VLC", raising=False)


def _fake_vlc(instance_factory) -> types.ModuleType:
    mod = types.ModuleType("vlc")
    mod.Instance = instance_factory
    return mod


def test_env_var_forces_null_player(monkeypatch) -> None:
    monkeypatch.setenv("OSTPLAYER_NO_VLC", "1")
    player = create_player()
    assert isinstance(player, NullPlayer)
    assert "OSTPLAYER_NO_VLC" in player.unavailable_reason


def test_python_vlc_missing(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "vlc", None)  # makes `import vlc` raise ImportError
    player = create_player()
    assert isinstance(player, NullPlayer)
    assert "pip install python-vlc" in player.unavailable_reason
    assert INSTALL_HINT in player.unavailable_reason


def test_libvlc_absent_nameerror_at_instance(monkeypatch) -> None:
    def no_libvlc(*_args):
        raise NameError("name 'libvlc_new' is not defined")

    monkeypatch.setitem(sys.modules, "vlc", _fake_vlc(no_libvlc))
    player = create_player(["--aout=dummy"])
    assert isinstance(player, NullPlayer)
    assert player.unavailable_reason == f"libVLC is not installed: {INSTALL_HINT}"


def test_libvlc_unloadable_notimplemented_at_import(monkeypatch) -> None:
    class Refuse(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "vlc":
                raise NotImplementedError("libvlc.so.5: cannot open shared object file")
            return None

    monkeypatch.delitem(sys.modules, "vlc", raising=False)
    monkeypatch.setattr(sys, "meta_path", [Refuse(), *sys.meta_path])
    player = create_player()
    assert isinstance(player, NullPlayer)
    assert "could not be loaded" in player.unavailable_reason
    assert INSTALL_HINT in player.unavailable_reason


def test_instance_returning_none(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "vlc", _fake_vlc(lambda *_a: None))
    player = create_player(["--no-such-option"])
    assert isinstance(player, NullPlayer)
    assert "--no-such-option" in player.unavailable_reason
    assert INSTALL_HINT in player.unavailable_reason


def test_null_player_is_a_harmless_player() -> None:
    player = NullPlayer("no sound here")
    assert isinstance(player, Player)
    assert player.available is False
    assert player.unavailable_reason == "no sound here"
    player.set_event_handler(lambda e: pytest.fail("NullPlayer must not report events"))
    g1 = player.load("/nowhere.mp3")
    assert player.load("/nowhere.mp3") == g1 + 1
    for call in (player.play, player.pause, player.resume, player.stop, player.close):
        call()
    player.seek(5000)
    assert (player.time_ms(), player.length_ms(), player.state()) == (0, 0, PlayerState.STOPPED)
    player.set_volume(140)
    player.set_muted(True)
    assert (player.volume(), player.is_muted()) == (100, True)
    player.close()


# -- Qt side with the null player (no libVLC needed) ---------------------------------------


def test_bridge_drops_events_of_other_generations(qtbot) -> None:
    from ostplayer.services.player_bridge import PlayerBridge

    bridge = PlayerBridge(NullPlayer())
    gen = bridge.load("/x.wav")
    with qtbot.assertNotEmitted(bridge.state_changed, wait=100):
        bridge.event_received.emit(PlayerEvent(EventKind.PLAYING, gen - 1))
    assert bridge.state() is PlayerState.STOPPED and not bridge.is_polling

    with qtbot.waitSignal(bridge.state_changed, timeout=2000):
        bridge.event_received.emit(PlayerEvent(EventKind.PLAYING, gen))
    assert bridge.is_polling
    with qtbot.waitSignal(bridge.error, timeout=2000) as blocker:
        bridge.event_received.emit(PlayerEvent(EventKind.ERROR, gen, message="bad"))
    assert blocker.args == ["bad"]
    assert bridge.state() is PlayerState.ERROR and not bridge.is_polling
    bridge.shutdown()
    bridge.shutdown()  # idempotent


def test_session_with_null_player_reports_reason(qtbot, tmp_path) -> None:
    from ostplayer.services.playback_session import PlaybackSession
    from ostplayer.services.playback_state import PlaybackStateStore
    from ostplayer.services.settings import Settings

    player = NullPlayer(f"libVLC is not installed: {INSTALL_HINT}")
    session = PlaybackSession(
        player, lambda s: __file__, Settings(tmp_path / "s.ini"), PlaybackStateStore(None)
    )
    with qtbot.waitSignal(session.song_failed, timeout=2000) as blocker:
        session.play_list(["a", "b"], 0)
    assert blocker.args == ["a", player.unavailable_reason]
    # Not the song's fault: it stays in the queue for when libVLC is installed.
    assert session.queue.upcoming() == ["b"]
    session.play_pause()
    session.next()
    session.seek_relative(1000)
    session.shutdown()
