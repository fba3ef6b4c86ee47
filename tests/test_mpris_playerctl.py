"""MPRIS2 proven with a real client: playerctl drives the real app on a private session bus."""

from __future__ import annotations

import subprocess
import time

import pytest
from desktop_support import (
    SONG_A,
    SONG_B,
    TITLE_A,
    TITLE_B,
    RunningApp,
    need,
    private_bus,
    wait_for,
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    need("playerctl")
    with private_bus() as bus:
        running = RunningApp(tmp_path_factory.mktemp("mpris"), bus)
        running.start()
        wait_for(lambda: "ostplayer" in running_players(running), what="the MPRIS name")
        yield running
        code, err = running.stop()
        assert code == 0, err


def running_players(app: RunningApp) -> str:
    return subprocess.run(
        ["playerctl", "-l"], env=app.env, capture_output=True, text=True, timeout=10
    ).stdout


def pc(app: RunningApp, *args: str) -> str:
    result = subprocess.run(
        ["playerctl", "-p", "ostplayer", *args],
        env=app.env,
        capture_output=True,
        text=True,
        timeout=10,
    )
    return result.stdout.strip()


def status_becomes(app: RunningApp, status: str) -> None:
    wait_for(lambda: pc(app, "status") == status, what=f"status {status}")


def play_a(app: RunningApp) -> None:
    pc(app, "loop", "None")
    pc(app, "shuffle", "Off")
    pc(app, "open", app.files[SONG_A].as_uri())
    wait_for(lambda: pc(app, "metadata", "title") == TITLE_A, what="song A")
    status_becomes(app, "Playing")


def test_playerctl_finds_the_player_and_opens_a_file_as_its_song(app):
    assert "ostplayer" in running_players(app).split()
    play_a(app)
    assert pc(app, "metadata", "mpris:trackid") == (
        "'/io/github/ostplayer/OSTPlayer/track/one_2dmore_2dstep'"
    )
    assert pc(app, "metadata", "xesam:album") == "She Was Pretty OST"
    assert "Kihyun" in pc(app, "metadata", "xesam:artist")
    # The lyrics travel with the track.
    assert "one more step" in pc(app, "metadata", "xesam:asText").lower()
    # duration() accepts only an int64 mpris:length, as the spec types it.
    assert pc(app, "metadata", "--format", "{{duration(mpris:length)}}") == "0:04"
    cover = app.files[SONG_A].parent / "cover.jpg"
    wait_for(lambda: pc(app, "metadata", "mpris:artUrl") == cover.as_uri(), what="artUrl")


def test_pause_play_toggle_and_stop(app):
    play_a(app)
    pc(app, "pause")
    status_becomes(app, "Paused")
    pc(app, "play")
    status_becomes(app, "Playing")
    pc(app, "play-pause")
    status_becomes(app, "Paused")
    pc(app, "play-pause")
    status_becomes(app, "Playing")
    pc(app, "stop")
    status_becomes(app, "Stopped")
    assert pc(app, "metadata", "title") == ""  # nothing loaded: the spec's NoTrack


def test_next_and_previous_follow_the_browser_order(app):
    # Newest drama first: Hwarang (2016, song B) comes before She Was Pretty (2015, song A).
    pc(app, "loop", "None")
    pc(app, "open", app.files[SONG_B].as_uri())
    wait_for(lambda: pc(app, "metadata", "title") == TITLE_B, what="song B")
    pc(app, "next")
    wait_for(lambda: pc(app, "metadata", "title") == TITLE_A, what="next song")
    pc(app, "previous")
    wait_for(lambda: pc(app, "metadata", "title") == TITLE_B, what="previous song")


def test_position_get_set_and_relative_seek_with_seeked_signals(app):
    play_a(app)
    monitor = subprocess.Popen(
        ["dbus-monitor", "--address", app.env["DBUS_SESSION_BUS_ADDRESS"], "member='Seeked'"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        time.sleep(0.3)
        pc(app, "position", "2.5")
        wait_for(lambda: 2.4 <= float(pc(app, "position") or 0) < 3.5, what="position 2.5")
        pc(app, "position", "1-")
        wait_for(lambda: 1.3 <= float(pc(app, "position") or 0) < 2.6, what="1 s back")
        time.sleep(0.3)
    finally:
        monitor.terminate()
        out, _ = monitor.communicate(timeout=10)
    # Seeked carries the new position as the int64 the spec names, once per seek.
    seeks = [line.split()[1] for line in out.splitlines() if line.strip().startswith("int64")]
    assert len(seeks) >= 2, out
    assert 2_400_000 <= int(seeks[0]) <= 2_600_000


def test_volume_loop_and_shuffle_are_set_and_read_back(app):
    play_a(app)
    pc(app, "volume", "0.3")
    wait_for(lambda: pc(app, "volume") == "0.300000", what="volume")
    for loop in ("Track", "Playlist", "None"):
        pc(app, "loop", loop)
        wait_for(lambda loop=loop: pc(app, "loop") == loop, what=f"loop {loop}")
    pc(app, "shuffle", "On")
    wait_for(lambda: pc(app, "shuffle") == "On", what="shuffle on")
    pc(app, "shuffle", "Off")
    wait_for(lambda: pc(app, "shuffle") == "Off", what="shuffle off")
    # The window shows the same session: the remote sees the volume the slider would.
    now = app.cli("now")
    assert now.returncode == 0 and TITLE_A in now.stdout


def test_property_changes_reach_a_following_client(app):
    play_a(app)
    follow = subprocess.Popen(
        ["playerctl", "-p", "ostplayer", "status", "--follow"],
        env=app.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert follow.stdout is not None
        assert follow.stdout.readline().strip() == "Playing"
        pc(app, "pause")
        assert follow.stdout.readline().strip() == "Paused"
        pc(app, "play")
        assert follow.stdout.readline().strip() == "Playing"
    finally:
        follow.terminate()
        follow.wait(timeout=10)


def test_without_a_session_bus_the_app_runs_and_says_nothing_about_it(tmp_path):
    running = RunningApp(tmp_path, None)
    running.start()
    assert running.cli("play", SONG_A).returncode == 0
    wait_for(lambda: TITLE_A in running.cli("now").stdout, what="playing without a bus")
    code, err = running.stop()
    assert code == 0, err
    assert "dbus" not in err.lower() and "d-bus" not in err.lower(), err


def dbus_send(app: RunningApp, *args: str) -> str:
    result = subprocess.run(
        ["dbus-send", "--session", "--print-reply", "--dest=org.mpris.MediaPlayer2.ostplayer",
         "/org/mpris/MediaPlayer2", *args],
        env=app.env, capture_output=True, text=True, timeout=10,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_root_interface_describes_the_app_and_quit_ends_it(tmp_path):
    need("dbus-send")
    with private_bus() as bus:
        running = RunningApp(tmp_path, bus)
        running.start()
        wait_for(lambda: "ostplayer" in running_players(running), what="the MPRIS name")
        props = "org.freedesktop.DBus.Properties"
        root = dbus_send(running, f"{props}.GetAll", "string:org.mpris.MediaPlayer2")
        for expected in (
            'string "Identity"\n         variant             string "OST Player"',
            'string "DesktopEntry"\n         variant             string "io.github.ostplayer.OSTPlayer"',
            'string "HasTrackList"\n         variant             boolean false',
            'string "CanRaise"\n         variant             boolean true',
        ):
            assert expected in root, root
        assert 'string "file"' in root and 'string "audio/flac"' in root
        player = dbus_send(running, f"{props}.GetAll", "string:org.mpris.MediaPlayer2.Player")
        # The spec's types, which PySide alone would not give: int64 and double.
        assert 'string "Position"\n         variant             int64 0' in player, player
        assert 'string "Volume"\n         variant             double' in player
        assert 'string "Rate"\n         variant             double 1' in player
        dbus_send(running, "org.mpris.MediaPlayer2.Raise")
        dbus_send(running, "org.mpris.MediaPlayer2.Quit")
        assert running.proc is not None
        assert running.proc.wait(timeout=20) == 0


def test_a_second_library_registers_as_a_second_instance(app, tmp_path):
    other = RunningApp(tmp_path, app.env["DBUS_SESSION_BUS_ADDRESS"])
    other.start()
    try:
        assert other.proc is not None
        name = f"ostplayer.instance{other.proc.pid}"
        wait_for(lambda: name in running_players(app).split(), what="the second instance")
        assert "ostplayer" in running_players(app).split()  # the first keeps its name
    finally:
        code, err = other.stop()
    assert code == 0, err
