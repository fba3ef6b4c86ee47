"""The real entry point: starts on a real X display, refuses a second copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from ostplayer.catalog.lock import DataDirLock


def test_app_starts_and_paints_on_a_real_x_display(tmp_path):
    if shutil.which("xvfb-run") is None:
        if os.environ.get("CI") or os.environ.get("OSTPLAYER_REQUIRE_VLC"):
            pytest.fail("xvfb-run is missing: `make test` should have installed xvfb")
        pytest.skip("xvfb-run not installed")
    stamp = tmp_path / "painted"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the real xcb platform, as a user gets it
    env.update(OSTPLAYER_EXIT_AFTER_PAINT=str(stamp), OSTPLAYER_NO_VLC="1")
    started = time.time()
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "ostplayer", "--data-dir", str(tmp_path / "d")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr
    assert stamp.exists(), result.stderr
    # Two paints: the bare window at once, then the same window with the library in it.
    first, shown = (float(x) for x in stamp.read_text().split())
    assert started <= first <= shown
    # The first launch seeded the library from the bundled catalog.
    assert (tmp_path / "d" / "library.json").exists()


def test_a_second_copy_says_so_and_exits(qtapp_or_skip, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ostplayer.app import run_gui
    from ostplayer.paths import AppPaths

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    with DataDirLock(tmp_path):
        assert run_gui(AppPaths.single(tmp_path)) == 1
    assert shown and "already running" in shown[0]


@pytest.fixture
def qtapp_or_skip(qapp):
    return qapp


def test_a_library_from_a_newer_version_is_refused_and_left_untouched(
    qtapp_or_skip, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ostplayer.app import run_gui
    from ostplayer.catalog.library import Library
    from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path

    Library(tmp_path, resource_path(BUNDLED_CATALOG)).close()
    library = tmp_path / "library.json"
    library.write_text(library.read_text().replace('"schema_version":1', '"schema_version":99'))
    before = library.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    # The bare window shows first; opening the library then fails and the app ends.
    assert run_gui(AppPaths.single(tmp_path)) == 2
    assert shown and "newer OST Player" in shown[0]
    assert library.read_bytes() == before


def test_an_unforeseen_failure_opening_the_library_is_a_message_naming_the_file(
    qtapp_or_skip, tmp_path, monkeypatch, capsys
):
    from PySide6.QtWidgets import QMessageBox

    from ostplayer.app import run_gui
    from ostplayer.catalog.library import Library
    from ostplayer.cli import main
    from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path

    Library(tmp_path, resource_path(BUNDLED_CATALOG)).close()

    def broken(_self):
        raise KeyError("songs")  # a bug no recovery path foresaw

    monkeypatch.setattr(Library, "_load_personal", broken)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert run_gui(AppPaths.single(tmp_path)) == 2
    assert shown and f"reading {tmp_path / 'personal.json'} failed" in shown[0]
    assert "KeyError" in shown[0] and "Traceback" not in capsys.readouterr().err
    # The command line says the same in one line, with exit status 2.
    assert main(["--data-dir", str(tmp_path), "songs"]) == 2
    err = capsys.readouterr().err
    assert f"reading {tmp_path / 'personal.json'} failed" in err and "Traceback" not in err
