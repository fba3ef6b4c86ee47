"""One window per library, and the command line as its remote (integrations.single_instance)."""

from __future__ import annotations

import json
import time

import pytest
from desktop_support import SONG_A, SONG_B, TITLE_A, TITLE_B, RunningApp, wait_for

from ostplayer.integrations import single_instance as si


@pytest.fixture
def app(tmp_path):
    running = RunningApp(tmp_path, None)
    running.start()
    yield running
    code, err = running.stop()
    assert code == 0, err


def test_remote_play_toggle_next_and_now(app):
    assert app.cli("now").stdout.strip() == "Nothing is playing."
    played = app.cli("play", SONG_B)
    assert played.returncode == 0 and TITLE_B in played.stdout
    now = wait_for(lambda: app.cli("now").stdout, what="now")
    assert f"Playing: {TITLE_B}" in now and "Hwarang" in now and "/ 0:04" in now
    assert app.cli("toggle").returncode == 0
    wait_for(lambda: "Paused:" in app.cli("now").stdout, what="paused")
    assert app.cli("toggle").returncode == 0
    wait_for(lambda: "Playing:" in app.cli("now").stdout, what="playing again")
    assert app.cli("next").returncode == 0
    wait_for(lambda: TITLE_A in app.cli("now").stdout, what="next song")
    assert app.cli("previous").returncode == 0
    wait_for(lambda: TITLE_B in app.cli("now").stdout, what="previous song")
    assert app.cli("pause").returncode == 0
    wait_for(lambda: "Paused:" in app.cli("now").stdout, what="paused by pause")
    assert app.cli("stop").returncode == 0
    wait_for(lambda: "Nothing is playing." in app.cli("now").stdout, what="stopped")


def test_remote_refuses_unknown_or_unlinked_songs(app):
    missing = app.cli("play", "no-such-song")
    assert missing.returncode == 2 and "no song with id" in missing.stderr
    unlinked = app.cli("play", "start-over")
    assert unlinked.returncode == 2 and "no audio file linked" in unlinked.stderr


def test_songs_and_link_work_while_the_window_is_open(app, tmp_path):
    songs = app.cli("songs")
    assert songs.returncode == 0, songs.stderr
    assert f"{SONG_A}\t{TITLE_A}\t{app.files[SONG_A]}" in songs.stdout.splitlines()
    listed = json.loads(app.cli("songs", "--json").stdout)
    assert {s["id"] for s in listed} >= {SONG_A, SONG_B}
    new = app.files[SONG_B].with_name("other.wav")
    new.write_bytes(app.files[SONG_B].read_bytes())
    linked = app.cli("link", "start-over", str(new))
    assert linked.returncode == 0, linked.stderr
    assert "Linked “Start Over”" in linked.stdout
    # The running instance made the link: it plays at once, and it is on disk after quitting.
    assert app.cli("play", "start-over").returncode == 0
    refused = app.cli("link", "start-over", str(app.files[SONG_A]))
    assert refused.returncode == 2 and "--replace" in refused.stderr
    code, err = app.stop()
    assert code == 0, err
    after = app.cli("songs")
    assert f"start-over\tStart Over\t{new}" in after.stdout.splitlines()


def test_export_and_import_run_in_the_running_instance(app, tmp_path):
    out = tmp_path / "export.json"
    exported = app.cli("export", str(out))
    assert exported.returncode == 0, exported.stderr
    assert out.exists() and "songs" in json.loads(out.read_text())
    imported = app.cli("import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "Imported" in imported.stdout


def test_a_second_launch_hands_over_and_exits(app):
    started = time.monotonic()
    second = app.cli()
    assert second.returncode == 0, second.stderr
    assert time.monotonic() - started < 10
    assert app.proc is not None and app.proc.poll() is None  # the first one runs on
    # With a file: the running one plays the song that file is linked to.
    opened = app.cli(str(app.files[SONG_A]))
    assert opened.returncode == 0, opened.stderr
    wait_for(lambda: TITLE_A in app.cli("now").stdout, what="the opened file playing")
    # A file no song is linked to yet is handed to a scan, which offers to link it.
    loose = app.data / "loose.wav"
    loose.write_bytes(app.files[SONG_B].read_bytes())
    scanned = app.cli(str(loose))
    assert scanned.returncode == 0, scanned.stderr
    assert f"Not linked yet, scanning: {loose}" in scanned.stdout


def test_without_a_running_instance_the_remote_says_so(tmp_path):
    app = RunningApp(tmp_path, None)
    result = app.cli("now")
    assert result.returncode == 1 and "not running" in result.stderr
    # Library commands act on the library directly, as they always did.
    assert SONG_A in app.cli("songs").stdout


def test_a_killed_instance_leaves_nothing_that_locks_the_user_out(tmp_path, monkeypatch):
    app = RunningApp(tmp_path, None)
    monkeypatch.setenv("XDG_RUNTIME_DIR", app.env["XDG_RUNTIME_DIR"])
    app.start()
    path = si.socket_path(app.data)
    assert path.exists()
    assert app.proc is not None
    app.proc.kill()  # no clean-up at all: the socket file and the lock file stay behind
    app.proc.wait(timeout=20)
    assert path.exists()
    with pytest.raises(si.NotRunning):
        si.send_command(app.data, "now")
    gone = app.cli("now")
    assert gone.returncode == 1 and "not running" in gone.stderr
    assert SONG_A in app.cli("songs").stdout  # the kernel released the lock with the process
    app.start()  # and a new window starts, in place of the dead one's socket
    try:
        assert app.cli("now").stdout.strip() == "Nothing is playing."
    finally:
        code, err = app.stop()
    assert code == 0, err
    assert not path.exists()  # removed on the way out


def test_launch_words_are_told_from_commands(tmp_path):
    commands = ("songs", "play", "now")
    a, b = tmp_path / "a.mp3", tmp_path / "b c.mp3"
    a.write_bytes(b"")
    assert si.split_launch_files(["songs"], commands) == (["songs"], [])
    assert si.split_launch_files(["--data-dir", "d", str(a), b.as_uri()], commands) == (
        ["--data-dir", "d"],
        [str(a), str(b)],
    )
    assert si.split_launch_files(["dance"], commands) == (["dance"], [])
    assert si.split_launch_files(["--data-dir", "songs", "now"], commands) == (
        ["--data-dir", "songs", "now"],
        [],
    )
    assert si.split_launch_files([], commands) == ([], [])


def test_now_shows_the_current_lyric_line(app):
    lrc = app.files[SONG_A].with_suffix(".lrc")
    lrc.write_text("[00:00.00]First line, from the start\n[00:30.00]Not yet\n", encoding="utf-8")
    assert app.cli("play", SONG_A).returncode == 0
    now = wait_for(
        lambda: (out := app.cli("now").stdout) and "♪" in out and out, what="the lyric line"
    )
    assert "♪ First line, from the start" in now
    assert "Not yet" not in now


def test_scan_while_the_window_is_open_runs_in_the_window(app, tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    (music / "x.wav").write_bytes(app.files[SONG_A].read_bytes())
    scanned = app.cli("scan", str(music))
    assert scanned.returncode == 0, scanned.stderr
    assert "Scanning 1 folder(s) in the running window" in scanned.stdout
    dry = app.cli("scan", "--dry-run", str(music))
    assert dry.returncode == 3 and "already running" in dry.stderr


def test_fetch_lyrics_while_the_window_is_open_runs_in_the_window(tmp_path):
    from lrclib_standin import StandIn, record

    running = RunningApp(tmp_path, None)
    running.env["OSTPLAYER_LRCLIB_RATE"] = "1000"
    with StandIn([record(2, "시작", "가호", "이태원 클라쓰 OST Part.2", 202.0)]) as server:
        running.start()
        try:
            fetched = running.cli("fetch-lyrics", "start-over", "--server", server.url)
            # Not "already running" (exit 3): the window looked it up and says what it found.
            assert fetched.returncode == 0, fetched.stderr
            assert "start-over: synced" in fetched.stdout and "LRCLIB #2" in fetched.stdout
            assert server.requests, "the window asked the server"
            again = running.cli("fetch-lyrics", "start-over", "--server", server.url)
            assert again.returncode == 0 and "start-over: skipped" in again.stdout
        finally:
            code, err = running.stop()
        assert code == 0, err
    # The window stored it: the lyrics are there after it closed.
    lyrics = running.cli("lyrics", "--song", "start-over")
    assert lyrics.returncode == 0, lyrics.stderr
    assert "Lyrics from online" in lyrics.stdout and "first line" in lyrics.stdout
