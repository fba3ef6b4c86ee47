"""``ostplayer export FILE --include-personal``: the personal section only when asked for."""

from __future__ import annotations

import argparse
import json

from ostplayer.catalog.library import Library
from ostplayer.catalog.lock import DataDirLock
from ostplayer.cli import build_parser
from ostplayer.cli_library import run_library_command
from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path


def parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(argv)  # the command line a user types


def prepared(tmp_path) -> AppPaths:
    paths = AppPaths.single(tmp_path / "data")
    paths.make()
    lib = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    lib.update_personal("its-you", favourite=True, notes="MY NOTE")
    lib.record_play("its-you", at=1_700_000_000)
    lib.close()
    return paths


def test_export_include_personal_writes_the_section_and_says_so(tmp_path, capsys):
    paths = prepared(tmp_path)
    plain, mine = tmp_path / "plain.json", tmp_path / "mine.json"
    assert run_library_command(parse("export", str(plain)), paths) == 0
    assert "personal" not in json.loads(plain.read_text("utf-8"))
    assert "MY NOTE" not in plain.read_text("utf-8")
    assert run_library_command(parse("export", str(mine), "--include-personal"), paths) == 0
    out = capsys.readouterr().out
    assert "with your personal data" in out.splitlines()[-1]
    songs = {r["song"]: r for r in json.loads(mine.read_text("utf-8"))["personal"]["songs"]}
    assert songs["its-you"]["notes"] == "MY NOTE" and songs["its-you"]["plays"]["count"] == 1


def test_with_the_window_open_it_refuses_rather_than_export_less(tmp_path, capsys):
    paths = prepared(tmp_path)
    held = DataDirLock(paths.data)
    held.acquire()
    try:
        code = run_library_command(
            parse("export", str(tmp_path / "x.json"), "--include-personal"), paths
        )
    finally:
        held.release()
    assert code == 3 and not (tmp_path / "x.json").exists()
    assert "Include my personal data" in capsys.readouterr().err
