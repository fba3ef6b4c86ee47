"""The command line, run as a user would: ``python -m ostplayer`` in a subprocess, no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from catalog_support import generated

import ostplayer
from ostplayer.catalog.lock import DataDirLock


def headless_env() -> dict[str, str]:
    # The subcommands must work over ssh and in cron: no X display, no Wayland, and no Qt
    # platform override (conftest.py sets QT_QPA_PLATFORM=offscreen for the GUI tests).
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def python(*argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """This interpreter started with ``argv`` from a shell without a display."""
    return subprocess.run(
        [sys.executable, *map(str, argv)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=headless_env(),
        timeout=120,
        check=False,
    )


def run(
    *args: str | Path, data_dir: Path | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    options = [] if data_dir is None else ["--data-dir", data_dir]
    return python("-m", "ostplayer", *options, *args, cwd=cwd)


def data_files(data_dir: Path) -> dict[str, bytes]:
    """The library's files; the lock (holds the last pid) and hidden temp files are left out."""
    return {
        p.name: p.read_bytes()
        for p in data_dir.iterdir()
        if p.is_file() and p.name != "ostplayer.lock" and not p.name.startswith(".")
    }


def song_lines(result: subprocess.CompletedProcess[str]) -> list[list[str]]:
    assert result.returncode == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def song_rows(data_dir: Path) -> dict[str, list[str]]:
    """``ostplayer songs``, each row under its song id."""
    return {row[0]: row for row in song_lines(run("songs", data_dir=data_dir))}


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ostplayer {ostplayer.__version__}"


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("export", "import", "link", "songs", "--data-dir"):
        assert word in result.stdout


def test_unknown_command_is_a_usage_error(tmp_path: Path) -> None:
    result = run("dance", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert not (tmp_path / "data").exists()


def test_songs_lists_the_bundled_catalog(tmp_path: Path) -> None:
    lines = song_lines(run("songs", data_dir=tmp_path / "data"))
    assert lines == [
        ["one-more-step", "One More Step", "-"],
        ["our-tears", "Our Tears", "-"],
        ["ambiguous", "Ambiguous", "-"],
        ["its-you", "It’s You", "-"],
        ["start-over", "Start Over", "-"],
    ]
    assert (tmp_path / "data" / "library.json").exists()


def test_subcommands_never_import_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from ostplayer.cli import main\n"
        "rc = main(sys.argv[1:])\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
        "assert not qt, qt\n"
        "sys.exit(rc)\n"
    )
    data = tmp_path / "data"
    for args in (["songs"], ["export", str(tmp_path / "out.json")]):
        result = python("-c", script, "--data-dir", data, *args)
        assert result.returncode == 0, result.stderr


def test_export_import_round_trip(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    extra = tmp_path / "extra.json"
    extra.write_text(
        json.dumps(generated(n_songs=200, n_dramas=10, seed=4), ensure_ascii=False),
        encoding="utf-8",
    )
    result = run("import", extra, data_dir=first)
    assert result.returncode == 0, result.stderr
    assert "Imported" in result.stdout and "added" in result.stdout

    exported = tmp_path / "export.json"
    result = run("export", exported, data_dir=first)
    assert result.returncode == 0, result.stderr
    assert "205 songs" in result.stdout

    result = run("import", exported, data_dir=second)
    assert result.returncode == 0, result.stderr
    again = tmp_path / "again.json"
    assert run("export", again, data_dir=second).returncode == 0

    assert json.loads(again.read_bytes()) == json.loads(exported.read_bytes())
    assert song_lines(run("songs", data_dir=second)) == song_lines(run("songs", data_dir=first))


def test_bad_import_names_entry_and_field_and_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # Twice: the second launch keeps library.backup.json, as every later launch does.
    assert run("songs", data_dir=data).returncode == 0
    assert run("songs", data_dir=data).returncode == 0
    before = data_files(data)

    bad = generated(n_songs=40, n_dramas=2, seed=9)
    bad["songs"][17]["drama"] = "no-such-drama"
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad), encoding="utf-8")
    result = run("import", bad_file, data_dir=data)

    assert result.returncode != 0
    song_id = bad["songs"][17]["id"]
    assert f"songs[17] '{song_id}': field 'drama'" in result.stderr
    assert "no-such-drama" in result.stderr
    assert "nothing was imported" in result.stderr
    assert data_files(data) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json", "not valid JSON"),
        (b'{"format": "something-else", "format_version": 1}', "format"),
    ],
)
def test_unreadable_import_file(tmp_path: Path, content: bytes, expected: str) -> None:
    data = tmp_path / "data"
    assert run("songs", data_dir=data).returncode == 0
    library = (data / "library.json").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run("import", bad, data_dir=data)
    assert result.returncode != 0
    assert expected in result.stderr
    assert (data / "library.json").read_bytes() == library


def test_import_of_a_missing_file(tmp_path: Path) -> None:
    result = run("import", tmp_path / "nope.json", data_dir=tmp_path / "data")
    assert result.returncode != 0
    assert "nope.json" in result.stderr


def test_link_then_songs_shows_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    audio = tmp_path / "my music" / "It’s You.mp3"
    audio.parent.mkdir()
    audio.write_bytes(b"ID3 not really audio")

    result = run("link", "its-you", audio, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "It’s You" in result.stdout and str(audio) in result.stdout

    rows = song_rows(data)
    assert rows["its-you"] == ["its-you", "It’s You", str(audio)]
    assert rows["ambiguous"][2] == "-"


def test_link_stores_an_absolute_path(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (tmp_path / "x.ogg").write_bytes(b"OggS")
    result = run("link", "start-over", "x.ogg", data_dir=data, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert song_rows(data)["start-over"][2] == str(tmp_path / "x.ogg")


def test_link_to_an_unknown_song(tmp_path: Path) -> None:
    data = tmp_path / "data"
    audio = tmp_path / "a.mp3"
    audio.write_bytes(b"x")
    result = run("link", "no-such-song", audio, data_dir=data)
    assert result.returncode != 0
    assert "no song with id 'no-such-song'" in result.stderr
    assert "Traceback" not in result.stderr
    assert all(row[2] == "-" for row in song_lines(run("songs", data_dir=data)))


def test_link_to_a_missing_file(tmp_path: Path) -> None:
    result = run("link", "its-you", tmp_path / "missing.mp3", data_dir=tmp_path / "data")
    assert result.returncode != 0
    assert "missing.mp3 does not exist" in result.stderr


def test_link_refuses_what_is_not_audio_and_asks_for_replace(tmp_path: Path) -> None:
    data = tmp_path / "data"
    picture = tmp_path / "cover.mp3"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)  # a JPEG with an audio name
    result = run("link", "its-you", picture, data_dir=data)
    assert result.returncode == 2
    assert "is a JPEG image, not audio" in result.stderr
    first, second = tmp_path / "a.flac", tmp_path / "b.flac"
    first.write_bytes(b"fLaC" + b"\x00" * 40)
    second.write_bytes(b"fLaC" + b"\x00" * 40)
    assert run("link", "its-you", first, data_dir=data).returncode == 0
    refused = run("link", "its-you", second, data_dir=data)
    assert refused.returncode == 2 and "--replace" in refused.stderr
    assert song_rows(data)["its-you"][2] == str(first)  # the status matches what is on disk
    assert run("link", "its-you", second, "--replace", data_dir=data).returncode == 0
    assert song_rows(data)["its-you"][2] == str(second)


def test_songs_json_lists_every_song_with_its_drama_and_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    audio = tmp_path / "start.ogg"
    audio.write_bytes(b"OggS" + b"\x00" * 40)
    assert run("link", "start-over", audio, data_dir=data).returncode == 0
    result = run("songs", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    songs = {s["id"]: s for s in json.loads(result.stdout)}
    assert len(songs) == 5
    start = songs["start-over"]
    assert set(start) == {
        "id",
        "title",
        "original_title",
        "drama_id",
        "drama_title",
        "performers",
        "file",
        "files",
    }
    assert start["drama_id"] == "itaewon-class" and start["drama_title"] == "Itaewon Class"
    assert start["performers"] == ["Gaho"]
    assert start["file"] == str(audio) and start["files"] == [str(audio)]
    assert songs["its-you"]["file"] is None and songs["its-you"]["files"] == []


def test_lyrics_and_romanize_commands(tmp_path: Path) -> None:
    lrc = tmp_path / "song.lrc"
    lrc.write_bytes("[ti:시작]\n[offset:+250]\n[00:01.50]새로운 시작\n".encode("cp949"))
    result = run("lyrics", lrc, "--json", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["source"] == "file" and report["encoding"] == "CP949"
    assert report["synced"] is True and report["offset_ms"] == 250
    assert report["tags"]["ti"] == "시작"
    [line] = report["lines"]
    assert line["text"] == "새로운 시작" and line["time_ms"] == 1250
    assert line["romanized"] == "saeroun sijak"
    roman = run("romanize", "같이 걸어요", "Love 신라", data_dir=tmp_path / "data")
    assert roman.stdout.splitlines() == ["gachi georeoyo", "Love silla"]


def test_a_running_app_blocks_write_commands(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with DataDirLock(data):
        result = run("songs", data_dir=data)
    assert result.returncode == 3
    assert "already running" in result.stderr
    assert run("songs", data_dir=data).returncode == 0


def test_no_display_is_one_clear_line(tmp_path: Path) -> None:
    result = run(data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "ostplayer: no display (DISPLAY is not set): run it in a desktop session, "
        "or use a command such as `ostplayer songs` (see --help)"
    ]


def test_an_unusable_data_dir_is_reported_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("songs", data_dir=blocker / "library")
    assert result.returncode == 2
    assert "cannot use the data folder" in result.stderr
    assert "Traceback" not in result.stderr
