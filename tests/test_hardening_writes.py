"""Every write on a full disk or in a read-only folder: done and acknowledged, or refused with
a message naming the folder and the reason, the library on disk and in memory as it was.

The full disk is real (a small tmpfs, in a user namespace so no root is needed); the window's
writes also meet an ``ENOSPC`` injected where the bytes hit the disk.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from catalog_support import generated
from hardening_support import IS_ROOT, can_unshare, files_in, open_library, read_only
from ui_support import make_window

from ostplayer.catalog.library import Library
from ostplayer.domain.catalog_format import catalog_from_dict
from ostplayer.media import atomic

# ------------------------------------------------------------------ a real full disk (CLI)

FULL_DISK_SCRIPT = textwrap.dedent(
    """
    import json, os, subprocess, sys
    from pathlib import Path

    disk, catalog = Path(sys.argv[1]), sys.argv[2]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], check=True)

    def cli(data, *args):
        r = subprocess.run(
            [sys.executable, "-m", "ostplayer", "--data-dir", str(data), *args],
            capture_output=True, text=True,
        )
        return {"rc": r.returncode, "err": r.stderr, "out": r.stdout}

    def fill(leave):
        filler = disk / "filler"
        with open(filler, "ab") as f:
            try:
                while True:
                    f.write(b"\\0" * 65536)
                    f.flush()
            except OSError:
                pass
        os.truncate(filler, max(0, filler.stat().st_size - leave))

    def songs(data):
        return len(cli(data, "songs")["out"].splitlines())

    out = {}
    # How big the library is once the catalog is imported, on this very disk.
    probe = disk / "probe"
    cli(probe, "import", catalog)
    size = (probe / "library.json").stat().st_size
    subprocess.run(["rm", "-rf", str(probe)], check=True)

    # 1. Room for neither the new library nor its backup: refused, nothing changed.
    data = disk / "data"
    cli(data, "songs")
    def content(data):  # the lock file holds the last command's process id: not data
        return {p.name: p.read_bytes() for p in data.iterdir() if p.name != "ostplayer.lock"}

    before = content(data)
    songs_before = songs(data)
    fill(size // 4)
    out["full"] = cli(data, "import", catalog)
    after = content(data)
    out["unchanged"] = after == before
    out["changed"] = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    out["songs_after_failure"] = songs(data) == songs_before
    os.remove(disk / "filler")
    out["retry"] = cli(data, "import", catalog)
    out["songs_after_retry"] = songs(data) - songs_before

    # 2. Room for the new library but not for its backup too: it happened, and says so.
    data2 = disk / "data2"
    cli(data2, "songs")
    fill(size + size // 2)
    out["tight"] = cli(data2, "import", catalog)
    os.remove(disk / "filler")
    out["songs_after_tight"] = songs(data2) - songs_before
    out["temps"] = [p.name for d in (data, data2) for p in d.iterdir() if p.name.endswith(".tmp")]
    print(json.dumps(out))
    """
)


@pytest.mark.skipif(not can_unshare(), reason="needs unshare -rm to mount a small tmpfs")
def test_import_on_a_full_disk_reports_what_is_on_disk(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(generated(n_songs=1500, n_dramas=60, seed=12)))
    disk = tmp_path / "disk"
    disk.mkdir()
    result = subprocess.run(
        ["unshare", "-rm", sys.executable, "-c", FULL_DISK_SCRIPT, str(disk), str(catalog)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)

    full = out["full"]
    assert full["rc"] == 2
    assert "nothing was imported" in full["err"] and "is full" in full["err"], full["err"]
    assert str(disk / "data") in full["err"]  # names the folder
    assert "Traceback" not in full["err"]
    assert out["unchanged"] and out["songs_after_failure"], out["changed"]
    # Room made, the very same command works: nothing to repair, no restart.
    assert out["retry"]["rc"] == 0 and out["songs_after_retry"] == 1500

    tight = out["tight"]
    assert tight["rc"] == 0, tight["err"]  # the library was replaced: that is a success
    assert "Imported" in tight["out"]
    assert out["songs_after_tight"] == 1500
    assert out["temps"] == []


# ------------------------------------------------------------- the window, read-only data


@pytest.fixture
def linked_library(tmp_path: Path) -> tuple[Path, str, Path]:
    """A data folder with one song linked, its offset set and one play recorded."""
    data = tmp_path / "data"
    audio = tmp_path / "song.wav"
    audio.write_bytes(_wav())
    other = tmp_path / "other.wav"
    other.write_bytes(_wav())
    lib = open_library(data)
    song = next(iter(lib.catalog.songs))
    lib.link(song, audio)
    lib.set_lyrics_offset(song, 100)
    lib.record_play(song, at=1_700_000_000)
    lib.close()
    return data, song, other


def _wav() -> bytes:
    import io
    import wave

    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 800)
    return buf.getvalue()


def _try_every_write(qtbot, w, song: str, other: Path) -> list[str]:
    """Link, save an offset, record a play, save lyrics: what the status bar said each time."""
    said: list[str] = []
    w.actions_.message.connect(said.append)
    w.lyrics.message.connect(said.append)
    w.playback.message.connect(said.append)
    assert w.actions_.link(song, str(other), confirm_replace=False) is False
    w.lyrics.show_song(song)
    w.lyrics.song_id = song
    w.lyrics.view.offset_changed.emit(400)
    w.ctx.playback.play_finished.emit(song)
    return [text for text in said if "could not" in text.lower()]


def _assert_unchanged(w, song: str, audio_before: str) -> None:
    lib = w.library
    assert lib.audio_path(song) == audio_before
    assert lib.lyrics_offset(song) == 100
    assert lib.play_stats(song).count == 1


@pytest.mark.parametrize("where", ["read-only folder"])
def test_window_writes_in_a_read_only_data_folder_say_why_and_change_nothing(
    qtbot, linked_library, where: str
) -> None:
    data, song, other = linked_library
    before = files_in(data)
    audio_before = open_library(data).audio_path(song)
    w = make_window(qtbot, data)
    with read_only(data):  # made read-only under the running app (a remount, chmod)
        said = _try_every_write(qtbot, w, song, other)
        _assert_unchanged(w, song, audio_before)
        assert files_in(data) == before
        w.close()
    reason = "read-only disk" if IS_ROOT else "you may not write in"
    assert len(said) == 3, said  # the link, the offset, the play
    for text in said:
        assert reason in text and str(data) in text, said
        assert "Errno" not in text


def test_window_writes_on_a_full_disk_say_why_and_change_nothing(
    qtbot, linked_library, monkeypatch
) -> None:
    data, song, other = linked_library
    before = files_in(data)
    audio_before = open_library(data).audio_path(song)
    w = make_window(qtbot, data)
    real_fsync = os.fsync

    def full(fd: int) -> None:
        # Where a full disk shows up on Linux for buffered writes: the flush to disk.
        if os.fstat(fd).st_size:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    said = _try_every_write(qtbot, w, song, other)
    monkeypatch.undo()

    _assert_unchanged(w, song, audio_before)
    assert {k: v for k, v in files_in(data).items() if k != "settings.ini"} == {
        k: v for k, v in before.items() if k != "settings.ini"
    }
    assert not list(data.glob(".*.tmp"))
    assert len(said) == 3, said
    for text in said:
        assert "is full" in text and str(data) in text, said
    # Room again: the same actions now work, without a restart.
    assert w.actions_.link(song, str(other), confirm_replace=False) is True
    assert w.library.audio_path(song) == str(other)
    w.ctx.playback.play_finished.emit(song)
    assert w.library.play_stats(song).count == 2
    w.close()
    assert open_library(data).play_stats(song).count == 2


def test_a_play_that_could_not_be_appended_does_not_glue_onto_the_next(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "data")
    song = next(iter(lib.catalog.songs))
    real_fsync = os.fsync
    calls = {"n": 0}

    def failing(fd: int) -> None:
        calls["n"] += 1
        raise OSError(errno.ENOSPC, "No space left on device")

    os.fsync = failing
    try:
        with pytest.raises(OSError, match="is full"):
            lib.record_play(song, at=1_700_000_000)  # the bytes may be in the file already
    finally:
        os.fsync = real_fsync
    assert lib.play_stats(song).count == 0
    lib.record_play(song, at=1_700_000_100)
    lib.close()
    again = open_library(tmp_path / "data")
    assert again.play_stats(song).count == 1  # the refused play was taken back out
    assert again.notices == []  # and nothing in the journal is torn


# ------------------------------------------------------------------------- exports


EXPORT_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from ostplayer.catalog.library import Library
    from ostplayer.paths import BUNDLED_CATALOG, resource_path

    lib = Library(Path(sys.argv[1]), resource_path(BUNDLED_CATALOG))
    print("ready", flush=True)
    n = 0
    while True:
        lib.export_file(Path(sys.argv[2]))
        n += 1
    """
)


def test_an_export_killed_mid_write_leaves_nothing_in_the_users_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lib = open_library(data)
    lib.import_catalog(catalog_from_dict(generated(n_songs=3000, n_dramas=100, seed=4)))
    lib.close()
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "mine.json"
    for trial in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", EXPORT_SCRIPT, str(data), str(target)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.037 * trial)
        child.send_signal(signal.SIGKILL)
        child.wait()
        # With O_TMPFILE nothing has a name until it is complete; at most a kill between
        # linking and renaming leaves one clearly named file, which the next export removes.
        left = [p.name for p in folder.iterdir() if p.name != "mine.json"]
        assert all(n.startswith(f".mine.json.ostplayer-{child.pid}-") for n in left), left
        if target.exists():
            json.loads(target.read_bytes())  # the old or the new export, never half
    lib = open_library(data)
    lib.export_file(target)
    assert [p.name for p in folder.iterdir()] == ["mine.json"]


def test_a_named_temporary_file_of_a_dead_writer_is_removed_by_the_next_export(
    tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "mine.json"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    orphan = tmp_path / f".mine.json.ostplayer-{dead}-123.tmp"
    orphan.write_bytes(b"half an export")
    live = tmp_path / f".mine.json.ostplayer-{os.getppid()}-456.tmp"
    live.write_bytes(b"someone is writing this")
    unrelated = tmp_path / ".other.json.tmp"
    unrelated.write_bytes(b"not ours")
    # As on a filesystem without O_TMPFILE: the named temporary file path.
    monkeypatch.setattr(atomic, "_write_via_tmpfile", lambda path, payload: False)
    atomic.write_file_atomically(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert not orphan.exists()
    assert live.exists() and unrelated.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["mine.json", live.name, unrelated.name]
    )


def test_an_export_to_a_read_only_folder_fails_clearly_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    open_library(data).close()
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "mine.json").write_text("old export")
    with read_only(folder):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "ostplayer",
                "--data-dir",
                str(data),
                "export",
                str(folder / "mine.json"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2
        assert "nothing was exported" in result.stderr and str(folder) in result.stderr
        assert "Traceback" not in result.stderr
        assert files_in(folder) == {"mine.json": b"old export"}


def test_library_write_error_messages_name_folder_and_reason(tmp_path: Path) -> None:
    for code, words in [
        (errno.ENOSPC, "is full"),
        (errno.EROFS, "read-only disk"),
        (errno.EACCES, "you may not write in"),
        (errno.EPERM, "you may not write in"),
    ]:
        text = atomic.describe_write_error(OSError(code, os.strerror(code)), tmp_path)
        assert words in text and str(tmp_path) in text
    wrapped = atomic.write_error(OSError(errno.EACCES, "Permission denied"), tmp_path / "x")
    assert isinstance(wrapped, PermissionError)  # callers that tell them apart still can


def test_an_unwritable_library_refuses_personal_changes_and_keeps_memory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lib = open_library(data)
    song = next(iter(lib.catalog.songs))
    with read_only(data):
        with pytest.raises(OSError) as refused:
            lib.link(song, tmp_path / "a.flac")
        assert str(data) in (refused.value.strerror or "")
        assert lib.audio_path(song) is None
        with pytest.raises(OSError):
            lib.set_saved_lyrics(song, "la la", reset_offset=True)
        assert lib.saved_lyrics(song) is None


# ------------------------------------------------------------------- kill -9 mid-write


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from ostplayer.catalog.library import Library
    from ostplayer.domain.catalog_format import catalog_from_dict
    from ostplayer.paths import BUNDLED_CATALOG, resource_path

    lib = Library(Path(sys.argv[1]), resource_path(BUNDLED_CATALOG))
    song = sorted(lib.catalog.songs)[0]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        lib.link(song, f"/music/{n}.flac")
        print(f"link {n}", flush=True)
        lib.set_lyrics_offset(song, n)
        print(f"offset {n}", flush=True)
        lib.record_play(song, at=1_700_000_000 + n)
        print(f"play {n}", flush=True)
        lib.set_saved_lyrics(song, f"[00:01.00]line {n}", reset_offset=False)
        print(f"lyrics {n}", flush=True)
    """
)


def test_kill_9_during_every_kind_of_write_loses_no_acknowledged_write(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    data = tmp_path / "data"
    open_library(data).close()
    acked: dict[str, int] = {}
    plays = 0  # acknowledged plays over all runs
    for trial in range(10):
        child = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(data)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        while time.monotonic() < deadline:
            line = child.stdout.readline().split()
            if line:
                acked[line[0]] = int(line[1])
        child.send_signal(signal.SIGKILL)
        child.wait()
        lib = open_library(data)
        song = sorted(lib.catalog.songs)[0]
        assert lib.notices == [], f"trial {trial}: {lib.notices}"
        if "link" in acked:  # this run's values restart at 1: check against what it acked
            got = int(Path(lib.audio_path(song) or "/0.flac").stem)
            assert got >= acked["link"], f"trial {trial}: acknowledged link lost"
        if "offset" in acked:
            assert lib.lyrics_offset(song) >= acked["offset"]
        if "lyrics" in acked:
            assert int((lib.saved_lyrics(song) or "0").split()[-1]) >= acked["lyrics"]
        plays += acked.get("play", 0)
        assert lib.play_stats(song).count >= plays, f"trial {trial}: an acknowledged play lost"
        lib.close()
        # Next run starts numbering from 1 again: start from a clean slate of values.
        lib = open_library(data)
        lib.unlink(song)
        lib.set_saved_lyrics(song, None, reset_offset=True)
        lib.close()
        acked = {}


def test_an_import_in_the_window_on_a_full_disk_says_so_and_changes_nothing(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    catalog = tmp_path / "more.json"
    catalog.write_text(json.dumps(generated(n_songs=40, n_dramas=3, seed=9)))
    data = tmp_path / "data"
    w = make_window(qtbot, data)
    before = files_in(data)
    songs = len(w.library.catalog.songs)
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if os.fstat(fd).st_size:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    task = w.io.import_file(catalog)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    task.wait()
    monkeypatch.setattr(os, "fsync", real_fsync)
    doc = QTextDocument()
    doc.setHtml(shown[0])
    text = doc.toPlainText()
    assert "is full" in text and str(data) in text and "as it was" in text, text
    assert "Errno" not in text and "Traceback" not in text
    assert len(w.library.catalog.songs) == songs
    assert {k: v for k, v in files_in(data).items() if k != "settings.ini"} == {
        k: v for k, v in before.items() if k != "settings.ini"
    }
    # Room again: the same import now goes through, without a restart.
    task = w.io.import_file(catalog)
    qtbot.waitUntil(lambda: len(w.library.catalog.songs) == songs + 40, timeout=20_000)


def test_temporary_files_of_killed_writers_are_swept_from_the_state_folder_too(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    left = state / ".history.jsonl.ostplayer-4242-17.tmp"
    left.write_bytes(b"half a compaction")
    from hardening_support import SEED

    Library(tmp_path / "data", SEED, state).close()
    assert not left.exists()
