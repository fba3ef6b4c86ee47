"""``ostplayer fetch-lyrics`` end to end: a subprocess without a display, talking to a
stand-in LRCLIB on 127.0.0.1 started by the test."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from lrclib_standin import StandIn, record

from ostplayer.catalog.library import Library
from ostplayer.domain.lyrics_fetch import FETCHED_KEY
from ostplayer.paths import BUNDLED_CATALOG, resource_path

RECORDS = [
    record(1, "Start Over", "Kim Feel", "", 202.0),
    record(2, "시작", "가호", "이태원 클라쓰 OST Part.2", 202.0),
    record(3, "It's You", "Jeong Se-woon", "", 213.0, synced=None, plain="It's you"),
]


def fetch(data_dir: Path, *args: str, env: dict[str, str] | None = None):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    environment["OSTPLAYER_LRCLIB_RATE"] = "1000"
    environment.pop("OSTPLAYER_LRCLIB_URL", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ostplayer", "--data-dir", str(data_dir), "fetch-lyrics", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )


def stored(data_dir: Path) -> dict[str, int | None]:
    library = Library(data_dir, resource_path(BUNDLED_CATALOG))
    try:
        return {
            s: (library.personal(s).get(FETCHED_KEY) or {}).get("provider_id")
            for s in library.catalog.songs
        }
    finally:
        library.close()


@pytest.fixture
def standin():
    with StandIn(RECORDS) as server:
        yield server


def test_fetch_all_stores_what_it_finds_and_prints_json(tmp_path, standin) -> None:
    done = fetch(tmp_path, "--all", "--json", "--server", standin.url)
    assert done.returncode == 0, done.stderr
    rows = {r["id"]: r for r in json.loads(done.stdout)}
    assert rows["start-over"]["status"] == "synced"
    assert rows["start-over"]["provider"] == "lrclib" and rows["start-over"]["provider_id"] == 2
    assert 0.85 <= rows["start-over"]["confidence"] <= 1
    assert rows["its-you"]["status"] == "plain"
    assert rows["our-tears"] == {
        "id": "our-tears",
        "status": "not_found",
        "provider": "lrclib",
        "provider_id": None,
        "confidence": None,
        "message": None,
    }
    assert stored(tmp_path)["start-over"] == 2 and stored(tmp_path)["its-you"] == 3
    assert all(r["headers"]["User-Agent"].startswith("OSTPlayer/") for r in standin.requests)
    # Again: found songs are skipped and "not found" is remembered; nothing is asked.
    asked = len(standin.requests)
    again = fetch(tmp_path, "--all", "--json", "--server", standin.url)
    assert again.returncode == 0
    statuses = {r["id"]: r["status"] for r in json.loads(again.stdout)}
    assert statuses["start-over"] == "skipped" and statuses["our-tears"] == "not_found"
    assert len(standin.requests) == asked


def test_dry_run_stores_nothing_and_the_environment_names_the_server(tmp_path, standin) -> None:
    done = fetch(tmp_path, "start-over", "--dry-run", env={"OSTPLAYER_LRCLIB_URL": standin.url})
    assert done.returncode == 0, done.stderr
    assert "start-over: synced (시작 by 가호, LRCLIB #2)" in done.stdout
    assert stored(tmp_path)["start-over"] is None
    assert standin.requests


def test_bad_arguments_exit_2_and_ask_nothing(tmp_path, standin) -> None:
    assert fetch(tmp_path, "--server", standin.url).returncode == 2
    assert fetch(tmp_path, "no-such-song", "--server", standin.url).returncode == 2
    assert fetch(tmp_path, "start-over", "--all", "--server", standin.url).returncode == 2
    assert fetch(tmp_path, "start-over", "--server", "ftp://x").returncode == 2
    assert standin.connections == 0


def test_no_server_to_reach_exits_1(tmp_path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = fetch(tmp_path, "--all", "--json", "--server", f"http://127.0.0.1:{port}")
    assert done.returncode == 1
    rows = json.loads(done.stdout)
    assert {r["status"] for r in rows} == {"error"}
    assert "could not connect" in done.stderr


def test_replace_never_touches_lyrics_the_user_saved(tmp_path, standin) -> None:
    library = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    library.set_saved_lyrics("start-over", "[00:01.00]mine")
    library.close()
    done = fetch(tmp_path, "start-over", "--replace", "--json", "--server", standin.url)
    assert json.loads(done.stdout)[0]["status"] == "skipped"
    assert stored(tmp_path)["start-over"] is None and standin.requests == []


def test_lyrics_of_a_song_say_where_they_come_from(tmp_path, standin) -> None:
    assert fetch(tmp_path, "start-over", "--server", standin.url).returncode == 0
    shown = subprocess.run(
        [sys.executable, "-m", "ostplayer", "--data-dir", str(tmp_path), "lyrics", "--song",
         "start-over", "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    assert report["source"] == "online" and report["synced"]
    assert report["detail"].startswith("LRCLIB #2, ")
    assert [line["text"] for line in report["lines"]] == ["first line", "second line"]
    assert report["lines"][0]["time_ms"] == 1000
    library = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    library.set_saved_lyrics("start-over", "[00:02.00]mine")
    library.close()
    shown = subprocess.run(
        [sys.executable, "-m", "ostplayer", "--data-dir", str(tmp_path), "lyrics", "--song",
         "start-over", "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    report = json.loads(shown.stdout)
    assert report["source"] == "library" and report["lines"][0]["text"] == "mine"


def test_the_lrc_preference_writes_next_to_the_audio_but_never_over_a_file(
    tmp_path, standin
) -> None:
    from vlc_support import make_wav

    standin.records.append(record(4, "It's You", "Jeong Se-woon", "", 3.0))
    standin.records.append(record(5, "Start Over", "Gaho", "", 3.0))
    music = tmp_path / "music"
    music.mkdir()
    library = Library(tmp_path / "data", resource_path(BUNDLED_CATALOG))
    library.link("its-you", make_wav(music / "its-you.wav", 3.0))
    library.link("start-over", make_wav(music / "start-over.wav", 3.0))
    library.close()
    (music / "start-over.lrc").write_text("", encoding="utf-8")  # the user's (empty) file
    (tmp_path / "data" / "settings.ini").write_text("[lyrics]\nonline_write_lrc=true\n")
    done = fetch(tmp_path / "data", "its-you", "start-over", "--json", "--server", standin.url)
    assert done.returncode == 0, done.stderr
    assert {r["status"] for r in json.loads(done.stdout)} == {"synced"}
    assert (music / "its-you.lrc").read_text(encoding="utf-8").startswith("[00:01.00]first line")
    assert (music / "start-over.lrc").read_text(encoding="utf-8") == ""  # left alone
