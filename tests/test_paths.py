"""Files in their XDG places, migrated once from where older versions kept them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ostplayer.paths import AppPaths


def xdg_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    return env


def test_each_kind_of_file_has_its_xdg_folder(tmp_path, monkeypatch) -> None:
    for name, value in xdg_env(tmp_path).items():
        if name.startswith("XDG_"):
            monkeypatch.setenv(name, value)
    paths = AppPaths.default()
    assert paths.data == tmp_path / "data" / "ostplayer"
    assert paths.settings_file == tmp_path / "config" / "ostplayer" / "settings.ini"
    assert paths.playback_state_file == tmp_path / "state" / "ostplayer" / "playback.json"
    assert paths.cache == tmp_path / "cache" / "ostplayer"


def test_data_dir_keeps_everything_in_one_folder(tmp_path) -> None:
    paths = AppPaths.single(tmp_path / "one")
    assert paths.data == paths.config == paths.state == tmp_path / "one"
    assert paths.cache.parent == tmp_path / "one"


def test_old_files_move_once_and_never_overwrite_newer_ones(tmp_path, monkeypatch) -> None:
    for name, value in xdg_env(tmp_path).items():
        if name.startswith("XDG_"):
            monkeypatch.setenv(name, value)
    paths = AppPaths.default()
    paths.data.mkdir(parents=True)
    (paths.data / "settings.ini").write_text("[playback]\nvolume=40\n")
    (paths.data / "history.jsonl").write_text('{"song": "its-you", "at": 1}\n')
    done = paths.migrate()
    assert len(done) == 2
    assert (paths.config / "settings.ini").read_text() == "[playback]\nvolume=40\n"
    assert (paths.state / "history.jsonl").read_text().startswith('{"song": "its-you"')
    assert not (paths.data / "settings.ini").exists()
    assert paths.migrate() == []  # once
    # A stray old copy never replaces the file in the new place.
    (paths.data / "settings.ini").write_text("[playback]\nvolume=99\n")
    assert paths.migrate() == []
    assert "volume=40" in (paths.config / "settings.ini").read_text()


def test_the_command_line_migrates_and_keeps_the_plays(tmp_path) -> None:
    env = xdg_env(tmp_path)
    data = tmp_path / "data" / "ostplayer"
    data.mkdir(parents=True)
    (data / "history.jsonl").write_text('{"song": "its-you", "at": 1700000000}\n')
    result = subprocess.run(
        [sys.executable, "-m", "ostplayer", "songs", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "history.jsonl moved" in result.stderr
    assert (tmp_path / "state" / "ostplayer" / "history.jsonl").exists()
    assert json.loads(result.stdout)  # the library opened in its XDG place
    assert (data / "library.json").exists()
