"""Every data file the app reads, damaged or hostile: it starts, says what it did, keeps the rest.

Each case is one the app once could not start with (an uncaught RecursionError, ValueError,
TypeError or OverflowError) or a file that hung it (a FIFO, a link to /dev/urandom).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_support import SEED, finishes, open_library

from ostplayer.catalog.library import read_catalog_file
from ostplayer.catalog.lock import DataDirLock
from ostplayer.catalog.store import dump_tables
from ostplayer.domain.catalog_format import CatalogFormatError
from ostplayer.services.playback_state import PlaybackStateStore
from ostplayer.services.settings import Keys, Settings

DEEP = "[" * 100_000 + "]" * 100_000
HUGE = "9" * 5000


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    open_library(d).close()
    return d


def _song_ids(data_dir: Path) -> list[str]:
    lib = open_library(data_dir)
    try:
        return list(lib.catalog.songs)
    finally:
        lib.close()


def _legacy(tables: dict) -> bytes:
    """A TinyDB file as an older version (or another program) wrote it: no checksum."""
    return json.dumps(tables, ensure_ascii=False).encode()


# --------------------------------------------------------------------------- settings


@pytest.mark.parametrize("raw", ["abc", "", "50.5", HUGE, "1e999", "-1", "101", "0x10"])
def test_a_bad_volume_falls_back_to_the_default_for_that_key_only(tmp_path: Path, raw: str) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[playback]\nvolume={raw}\nmuted=true\n[ui]\ngrouping=artist\n")
    settings = Settings(ini)
    assert settings.get(Keys.VOLUME) == Keys.VOLUME.default
    assert settings.get(Keys.MUTED) is True  # the other keys are kept
    assert settings.get(Keys.GROUPING).value == "artist"
    assert len(settings.notices) == 1
    assert "playback/volume" in settings.notices[0] and "default" in settings.notices[0]
    settings.get(Keys.VOLUME)
    assert len(settings.notices) == 1  # told once, not on every read


def test_a_good_volume_is_read(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text("[playback]\nvolume=35\n")
    settings = Settings(ini)
    assert settings.get(Keys.VOLUME) == 35 and settings.notices == []


@pytest.mark.parametrize("kind", ["fifo", "folder", "urandom"])
def test_a_settings_file_that_is_not_a_file_is_moved_aside_without_hanging(
    tmp_path: Path, kind: str
) -> None:
    ini = tmp_path / "settings.ini"
    if kind == "fifo":
        os.mkfifo(ini)
    elif kind == "folder":
        ini.mkdir()
    else:
        ini.symlink_to("/dev/urandom")
    settings = finishes(lambda: Settings(ini))
    assert settings.get(Keys.VOLUME) == Keys.VOLUME.default
    assert len(settings.notices) == 1 and "moved to" in settings.notices[0]
    settings.set(Keys.VOLUME, 40)
    assert settings.sync() is None
    assert Settings(ini).get(Keys.VOLUME) == 40  # a real settings file again


# ---------------------------------------------------------------------------- library


def _library_variants(good: dict) -> dict[str, bytes]:
    songs = good["songs"]
    first = next(iter(songs))
    deep = json.loads(json.dumps(good))
    year_huge = json.dumps(good).replace('"year": ', f'"year": {HUGE[:4000]}, "was": ', 1)
    return {
        "deep-whole-file": DEEP.encode(),
        "deep-inside-a-song": _legacy(deep).replace(
            b'"title"', b'"x":' + DEEP.encode() + b',"title"', 1
        ),
        "huge-integer": _legacy(good).replace(
            b'"ost_order": ', f'"ost_order": {HUGE}, "o":'.encode(), 1
        ),
        "huge-year": year_huge.encode(),
        "huge-version": _legacy(good).replace(
            b'"schema_version": 1', f'"schema_version": {HUGE}'.encode()
        ),
        "infinity": _legacy(good).replace(b'"written": ', b'"written": 1e999, "w": ', 1),
        "nan": _legacy(good).replace(b'"written": ', b'"written": NaN, "w": ', 1),
        "song-is-a-list": _legacy({**good, "songs": {**songs, first: ["not", "a", "song"]}}),
        "table-is-a-list": _legacy({**good, "songs": list(songs.values())}),
        "nul-bytes": b"\0" * 4096,
        "not-utf8": b"\xff\xfe" + _legacy(good),
    }


def _library_tables(data_dir: Path) -> dict:
    text = (data_dir / "library.json").read_bytes()
    data = json.loads(text)
    data.pop("_check", None)
    return data


@pytest.mark.parametrize(
    "how",
    [
        "deep-whole-file",
        "deep-inside-a-song",
        "huge-integer",
        "huge-year",
        "huge-version",
        "infinity",
        "nan",
        "song-is-a-list",
        "table-is-a-list",
        "nul-bytes",
        "not-utf8",
    ],
)
def test_a_hostile_library_file_is_moved_aside_and_the_backup_used(
    data_dir: Path, how: str
) -> None:
    before = open_library(data_dir).catalog
    broken = _library_variants(_library_tables(data_dir))[how]
    (data_dir / "library.json").write_bytes(broken)

    lib = finishes(lambda: open_library(data_dir))

    assert lib.catalog == before  # the backup held every song
    moved = [p for p in data_dir.iterdir() if re.match(r"library\.broken-.*\.json$", p.name)]
    assert [p.read_bytes() for p in moved] == [broken]  # kept byte for byte
    assert any(str(moved[0]) in n for n in lib.notices)
    assert any("restored from the backup" in n for n in lib.notices)


def test_a_bit_flip_that_leaves_valid_json_is_noticed(data_dir: Path) -> None:
    before = open_library(data_dir).catalog
    path = data_dir / "library.json"
    raw = path.read_bytes()
    title = next(iter(before.songs.values())).title.encode()
    at = raw.index(title)
    flipped = raw[:at] + bytes([raw[at] ^ 0x20]) + raw[at + 1 :]  # "Stay" -> "stay"
    path.write_bytes(flipped)
    json.loads(flipped)  # still valid JSON, still a valid library: only the checksum knows

    lib = open_library(data_dir)

    assert lib.catalog == before
    assert any("checksum" in n for n in lib.notices)


def test_a_library_from_an_older_version_without_checksum_opens_quietly(data_dir: Path) -> None:
    before = open_library(data_dir).catalog
    tables = _library_tables(data_dir)
    (data_dir / "library.json").write_bytes(_legacy(tables))
    lib = open_library(data_dir)
    assert lib.catalog == before and lib.notices == []
    assert b'"_check"' in (data_dir / "library.json").read_bytes()  # verified from now on


@pytest.mark.parametrize("kind", ["fifo", "urandom", "folder"])
def test_a_library_file_that_is_not_a_file_does_not_hang_start_up(
    data_dir: Path, kind: str
) -> None:
    before = open_library(data_dir).catalog
    path = data_dir / "library.json"
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/urandom")
    lib = finishes(lambda: open_library(data_dir))
    assert lib.catalog == before
    assert lib.notices and "moved to" in lib.notices[0]


# --------------------------------------------------------------------------- personal


def _personal_rows(data_dir: Path, rows: list[dict]) -> None:
    tables = {"songs": {str(i): row for i, row in enumerate(rows, start=1)}}
    (data_dir / "personal.json").write_bytes(_legacy(tables))
    (data_dir / "personal.backup.json").unlink(missing_ok=True)


@pytest.mark.parametrize(
    "field, value",
    [
        ("audio", ["a.mp3", "b.mp3"]),
        ("audio", 5),
        ("files", "x.mp3"),
        ("files", [1, 2]),
        ("lyrics", {"text": "x"}),
        ("lyrics_offset_ms", "abc"),
        ("lyrics_offset_ms", 10**17),
        ("lyrics_offset_ms", True),
        ("favourite", "yes"),
        ("lyrics_encoding", {"path": 3}),
    ],
)
def test_a_wrong_shape_in_personal_data_drops_that_value_only_and_says_so(
    data_dir: Path, field: str, value: object
) -> None:
    a, b = _song_ids(data_dir)[:2]
    good = {"song": b, "audio": "/music/b.flac", "lyrics": "[00:01.00]la", "lyrics_offset_ms": 300}
    _personal_rows(data_dir, [{"song": a, "note": "kept", field: value}, good])

    lib = open_library(data_dir)

    assert lib.personal(b) == good  # the other song is untouched
    assert lib.personal(a)["note"] == "kept"  # and so is the rest of the damaged row
    assert field not in lib.personal(a)
    assert lib.audio_path(a) is None and lib.lyrics_offset(a) == 0
    assert len(lib.notices) == 1 and repr(field) in lib.notices[0] and repr(a) in lib.notices[0]
    kept = re.search(r"The file as it was is in (\S+)\.$", lib.notices[0])
    assert kept and Path(kept.group(1)).exists()
    lib.close()
    assert open_library(data_dir).notices == []  # repaired on disk: told once


def test_a_personal_row_without_a_song_is_dropped_with_a_notice(data_dir: Path) -> None:
    a = _song_ids(data_dir)[0]
    _personal_rows(data_dir, [{"audio": "/x.mp3"}, {"song": a, "audio": "/a.mp3"}])
    lib = open_library(data_dir)
    assert lib.audio_path(a) == "/a.mp3"
    assert len(lib.notices) == 1 and "names no song" in lib.notices[0]


@pytest.mark.parametrize("how", ["deep", "huge", "infinity"])
def test_hostile_personal_data_does_not_stop_start_up(data_dir: Path, how: str) -> None:
    a = _song_ids(data_dir)[0]
    lib = open_library(data_dir)
    lib.link(a, "/music/a.flac")
    lib.close()
    path = data_dir / "personal.json"
    text = path.read_bytes()
    value = {"deep": DEEP, "huge": HUGE, "infinity": "1e999"}[how].encode()
    path.write_bytes(text.replace(b'"audio":', b'"x":' + value + b',"audio":', 1))

    lib = finishes(lambda: open_library(data_dir))

    assert lib.audio_path(a) == "/music/a.flac"  # from the backup
    assert any("restored from a backup" in n for n in lib.notices)


def test_damaged_personal_data_without_backup_keeps_every_intact_row(data_dir: Path) -> None:
    ids = _song_ids(data_dir)
    lib = open_library(data_dir)
    lib.link_many({sid: [f"/music/{n}.flac"] for n, sid in enumerate(ids)})
    lib.close()
    path = data_dir / "personal.json"
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2][:10]  # the second song's line is torn
    path.write_bytes(b"\n".join(lines))
    (data_dir / "personal.backup.json").unlink()

    lib = open_library(data_dir)

    assert set(lib.linked_song_ids()) == set(ids) - {ids[1]}
    assert any("read back" in n and "1 damaged part" in n for n in lib.notices)


# ---------------------------------------------------------------------------- history


@pytest.mark.parametrize(
    "line",
    [
        '{"song":"x","at":1,"count":1e999}',
        '{"song":"x","at":1,"count":' + HUGE + "}",
        '{"song":"x","at":NaN}',
        '{"song":"x","at":1e999}',
        '{"song":"x","at":-5}',
        '{"song":"x","at":1,"count":2.5}',
        '{"song":"x","at":1,"count":0}',
        '{"song":"x","at":1,"count":true}',
        '{"song":["x"],"at":1}',
        DEEP,
        '"just text"',
    ],
)
def test_a_bad_history_line_is_skipped_with_a_notice_and_the_rest_kept(
    data_dir: Path, line: str
) -> None:
    song = _song_ids(data_dir)[0]
    good = json.dumps({"song": song, "at": 1_700_000_000.0, "count": 3})
    (data_dir / "history.jsonl").write_text(f"{good}\n{line}\n{good}\n")

    lib = open_library(data_dir)

    assert lib.play_stats(song).count == 6
    assert len(lib.notices) == 1 and "1 unreadable line" in lib.notices[0]
    assert lib.history.damaged_copy is not None and lib.history.damaged_copy.exists()


def test_a_bit_flip_in_a_play_count_is_caught_by_the_line_checksum(data_dir: Path) -> None:
    song = _song_ids(data_dir)[0]
    lib = open_library(data_dir)
    for n in range(3):
        lib.record_play(song, at=1_700_000_000 + n)
    lib.history.compact()
    lib.close()
    path = data_dir / "history.jsonl"
    path.write_bytes(path.read_bytes().replace(b'"count":3', b'"count":7'))
    lib = open_library(data_dir)
    assert lib.play_stats(song).count == 0
    assert "1 unreadable line" in lib.notices[0]


@pytest.mark.parametrize("kind", ["fifo", "urandom"])
def test_a_history_that_is_not_a_file_is_moved_aside(data_dir: Path, kind: str) -> None:
    path = data_dir / "history.jsonl"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/urandom")
    lib = finishes(lambda: open_library(data_dir))
    assert any("play history could not be read" in n for n in lib.notices)
    song = next(iter(lib.catalog.songs))
    lib.record_play(song)
    assert open_library(data_dir).play_stats(song).count == 1


# ----------------------------------------------------------------------- queue/resume


@pytest.mark.parametrize("content", [DEEP, '{"version":1,"resume":{"position_ms":' + HUGE + "}}"])
def test_a_hostile_playback_state_starts_with_an_empty_queue(tmp_path: Path, content: str) -> None:
    path = tmp_path / "playback.json"
    path.write_text(content)
    store = PlaybackStateStore(path)
    state = store.load()
    assert state.resume is None and state.queue == {}
    assert len(store.notices) == 1 and "moved to" in store.notices[0]


def test_a_playback_state_fifo_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "playback.json"
    os.mkfifo(path)
    store = PlaybackStateStore(path)
    assert finishes(store.load).resume is None
    assert store.notices


# ------------------------------------------------------------------------------- lock


def test_a_lock_file_that_is_a_symlink_is_refused_and_its_target_untouched(
    tmp_path: Path,
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("do not overwrite")
    data = tmp_path / "data"
    data.mkdir()
    (data / "ostplayer.lock").symlink_to(target)
    with pytest.raises(OSError, match=r"is a symbolic link.*Remove it"):
        DataDirLock(data).acquire()
    assert target.read_text() == "do not overwrite"


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling-symlink", "hard-link"])
def test_a_lock_that_is_not_a_file_is_refused_clearly(tmp_path: Path, kind: str) -> None:
    lock = tmp_path / "ostplayer.lock"
    if kind == "hard-link":
        precious = tmp_path / "precious.txt"
        precious.write_text("keep")
        os.link(precious, lock)
    elif kind == "folder":
        lock.mkdir()
    elif kind == "fifo":
        os.mkfifo(lock)
    else:
        lock.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OSError, match="Remove it and start again"):
        finishes(lambda: DataDirLock(tmp_path).acquire())
    assert not (tmp_path / "nowhere").exists()
    if kind == "hard-link":
        assert (tmp_path / "precious.txt").read_text() == "keep"


def test_the_command_line_refuses_a_symlinked_lock_without_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep")
    data = tmp_path / "data"
    data.mkdir()
    (data / "ostplayer.lock").symlink_to(target)
    result = subprocess.run(
        [sys.executable, "-m", "ostplayer", "--data-dir", str(data), "songs"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "is a symbolic link" in result.stderr and "Traceback" not in result.stderr
    assert target.read_text() == "keep"


# ----------------------------------------------------------------------------- import


def _catalog_with(tmp_path: Path, edit) -> Path:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    text = edit(data)
    path = tmp_path / "hostile.json"
    path.write_text(text if isinstance(text, str) else json.dumps(data))
    return path


HOSTILE_IMPORTS = {
    "nesting-100000-deep": (
        lambda d: json.dumps(d)[:-1] + ',"x":' + DEEP + "}",
        "nested thousands of levels deep",
    ),
    "integer-of-5000-digits": (
        lambda d: json.dumps(d).replace('"year": ', f'"year": {HUGE}, "y": ', 1),
        "a number of 5000 digits",
    ),
    "lone-surrogate-in-a-title": (
        lambda d: json.dumps(d).replace('"title": "', '"title": "\\ud800', 1),
        "lone surrogate",
    ),
    "infinity": (lambda d: json.dumps(d).replace('"year": ', '"year": 1e999, "y": ', 1), "1e999"),
}


@pytest.mark.parametrize("name", list(HOSTILE_IMPORTS))
def test_a_hostile_catalog_is_refused_with_a_clear_message(tmp_path: Path, name: str) -> None:
    edit, expected = HOSTILE_IMPORTS[name]
    path = _catalog_with(tmp_path, edit)
    with pytest.raises(CatalogFormatError, match=re.escape(expected)):
        read_catalog_file(path)


def test_a_lone_surrogate_is_located_like_any_other_error(tmp_path: Path) -> None:
    path = _catalog_with(tmp_path, HOSTILE_IMPORTS["lone-surrogate-in-a-title"][0])
    with pytest.raises(CatalogFormatError) as refused:
        read_catalog_file(path)
    assert re.match(r"(people|dramas|songs|features)\[0\] '[^']+': field '\w+'", str(refused.value))


@pytest.mark.parametrize("name", list(HOSTILE_IMPORTS))
def test_the_command_line_import_of_a_hostile_catalog_changes_nothing(
    tmp_path: Path, name: str
) -> None:
    edit, expected = HOSTILE_IMPORTS[name]
    path = _catalog_with(tmp_path, edit)
    data = tmp_path / "data"
    open_library(data).close()
    before = (data / "library.json").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "ostplayer", "--data-dir", str(data), "import", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "nothing was imported" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr
    assert (data / "library.json").read_bytes() == before


def test_checksummed_tables_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_bytes(dump_tables({"songs": {"1": {"title": "봄날 \udce9"}}}))
    lib_free = json.loads(path.read_bytes())
    assert lib_free["songs"]["1"]["title"] == "봄날 \udce9"


# ----------------------------------------------------------------- the scan's own files


@pytest.mark.parametrize("which", ["music folders", "scan cache", "scan review"])
@pytest.mark.parametrize("kind", ["fifo", "urandom", "deep"])
def test_the_scans_files_never_hang_or_crash_start_up(
    tmp_path: Path, which: str, kind: str
) -> None:
    from ostplayer.catalog.scan_apply import load_review
    from ostplayer.domain.models import Catalog
    from ostplayer.media.music_folders import MusicFolders
    from ostplayer.media.music_scan import ScanCache

    path = tmp_path / "file.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "urandom":
        path.symlink_to("/dev/urandom")
    else:
        path.write_text(DEEP)
    load = {
        "music folders": lambda: MusicFolders(path).load(),
        "scan cache": lambda: ScanCache(path).tracks,
        "scan review": lambda: load_review(path, Catalog()),
    }[which]
    assert not finishes(load, 5)  # nothing read, nothing raised, no wait


def test_nanosecond_file_times_are_not_huge_numbers(data_dir: Path) -> None:
    a = _song_ids(data_dir)[0]
    choice = {
        "path": "/m/a.lrc",
        "size": 120,
        "mtime_ns": 1_764_000_000_123_456_789,
        "encoding": "cp949",
    }
    _personal_rows(data_dir, [{"song": a, "lyrics_encoding": choice}])  # a legacy file
    lib = open_library(data_dir)
    assert lib.personal(a)["lyrics_encoding"] == choice and lib.notices == []
