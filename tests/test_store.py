"""The library on disk: atomic writes, recovery, migrations, personal data, history, imports."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from catalog_support import BUNDLED, bundled_catalog, generated

from ostplayer.catalog import history as history_mod
from ostplayer.catalog import library_loading as library_mod
from ostplayer.catalog import store as store_mod
from ostplayer.catalog.history import PlayHistory
from ostplayer.catalog.library import Library, LibraryError, backup_path
from ostplayer.catalog.lock import AlreadyRunning, DataDirLock
from ostplayer.catalog.store import (
    AtomicJSONStorage,
    TableFile,
    UnreadableFile,
    atomic_write_bytes,
)
from ostplayer.domain.catalog_format import CatalogFormatError, catalog_from_dict, catalog_to_dict
from ostplayer.domain.models import Catalog

BROKEN_NAME = re.compile(r"^library\.broken-\d{8}-\d{6}(-\d+)?\.json$")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def open_library(data_dir: Path) -> Library:
    return Library(data_dir, BUNDLED)


def reopen(data_dir: Path) -> Library:
    lib = open_library(data_dir)
    lib.close()
    return lib


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def files_in(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def small_generated(n_songs: int = 60, seed: int = 5) -> dict[str, Any]:
    return generated(n_songs=n_songs, n_dramas=3, seed=seed)


# --- atomic writes --------------------------------------------------------------------------


def test_failing_replace_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.json"
    atomic_write_bytes(path, b'{"old": {}}')

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_mod.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(path, b'{"new": {}}' * 1000)
    monkeypatch.undo()
    assert path.read_bytes() == b'{"old": {}}'
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]  # the temp file was removed


def test_crash_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.json"
    table = TableFile(path)
    table.replace_all({"songs": [{"id": "a"}], "meta": [{"schema_version": 1}]})
    before = path.read_bytes()

    # The process "dies" after writing part of the new version but before the rename.
    real_fsync = store_mod.os.fsync

    def dying_fsync(fd: int) -> None:
        raise KeyboardInterrupt  # a BaseException, like the signal that would kill us

    monkeypatch.setattr(store_mod.os, "fsync", dying_fsync)
    with pytest.raises(KeyboardInterrupt):
        table.replace_all({"songs": [{"id": str(i)} for i in range(5000)]})
    monkeypatch.setattr(store_mod.os, "fsync", real_fsync)

    assert path.read_bytes() == before
    assert TableFile(path).read_all()["songs"] == [{"id": "a"}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.json"]


def test_leftover_temp_file_of_a_killed_writer_is_harmless(data_dir: Path) -> None:
    lib = open_library(data_dir)
    lib.close()
    before = (data_dir / "library.json").read_bytes()
    # What SIGKILL between write and rename leaves: a partial temp file next to the library.
    (data_dir / ".library.json.99999.tmp").write_bytes(before[: len(before) // 3])
    lib = open_library(data_dir)
    lib.close()
    assert lib.notices == []
    assert len(lib.catalog.songs) == 5


KILL_CHILD = r"""
import sys
from ostplayer.catalog.store import AtomicJSONStorage
storage = AtomicJSONStorage(sys.argv[1])
big = {"t": {str(i): {"id": f"song-{i}", "text": "x" * 200} for i in range(4000)}}
small = {"t": {"1": {"id": "only", "text": "y"}}}
storage.write(small)
print("ready", flush=True)
n = 0
while True:  # grow and shrink, the pattern that broke TinyDB's in-place JSONStorage
    storage.write(big if n % 2 else small)
    n += 1
"""


def test_sigkill_during_writes_leaves_a_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    rng = random.Random(42)
    for _ in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", KILL_CHILD, str(path)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.06))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        data = AtomicJSONStorage(path).read()  # raises UnreadableFile if torn
        assert data is not None
        assert len(data["t"]) in (1, 4000)
        doc = next(iter(data["t"].values()))
        assert doc["id"] in ("only", "song-0")


def test_storage_read_shapes(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    assert AtomicJSONStorage(path).read() is None  # a missing file is an empty database
    for content in (b"", b"  \n", b"{", b"\xff\xfe", b"[]", b'{"t": [1]}', b'"text"'):
        path.write_bytes(content)
        with pytest.raises(UnreadableFile):
            AtomicJSONStorage(path).read()


def test_table_file_keys_by_stable_field(tmp_path: Path) -> None:
    table = TableFile(tmp_path / "p.json")
    table.upsert("songs", "song", "a", {"audio": "/x/a.mp3"})
    table.upsert("songs", "song", "b", {"audio": "/x/b.mp3"})
    table.upsert("songs", "song", "a", {"audio": "/y/a.flac"})
    table.remove("songs", "song", "b")
    table.upsert("songs", "song", "c", {"audio": None})
    assert {r["song"]: r["audio"] for r in table.rows("songs")} == {"a": "/y/a.flac", "c": None}
    table.close()
    again = TableFile(tmp_path / "p.json")
    assert [r["song"] for r in again.read_all()["songs"]] == ["a", "c"]


def test_read_all_orders_foreign_files_by_document_id(tmp_path: Path) -> None:
    # TinyDB itself (or a hand edit) may leave documents out of id order; order is the catalog's.
    path = tmp_path / "t.json"
    path.write_text('{"t": {"10": {"n": 10}, "2": {"n": 2}, "1": {"n": 1}}}')
    assert TableFile(path).read_all()["t"] == [{"n": 1}, {"n": 2}, {"n": 10}]
    path.write_text('{"t": {"1": {"n": 1}, "x": {"n": 2}}}')
    with pytest.raises(UnreadableFile, match="non-numeric"):
        TableFile(path).read_all()


def test_reopening_leaves_no_stray_files(data_dir: Path) -> None:
    for _ in range(3):
        reopen(data_dir)
    # The library, its backup, and the catalog's fast copy (see catalog/catalog_snapshot.py).
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "library.backup.json",
        "library.json",
        "library.snapshot",
    ]


# --- recovery of library.json ---------------------------------------------------------------


def _valid_tables_without_version() -> dict[str, Any]:
    data = catalog_to_dict(bundled_catalog())
    return {s: {str(i): d for i, d in enumerate(data[s], 1)} for s in ("people", "songs")}


BROKEN_LIBRARIES: dict[str, Any] = {
    "truncated": lambda good: good[: len(good) // 2],
    "truncated-to-nothing": lambda good: b"",
    "not-json": lambda good: b"this is not JSON at all\n",
    "binary-garbage": lambda good: bytes(range(256)) * 4,
    "json-list": lambda good: b"[1, 2, 3]",
    "tables-not-objects": lambda good: b'{"meta": [{"schema_version": 1}], "songs": []}',
    "document-not-object": lambda good: (
        b'{"meta": {"1": {"schema_version": 1}}, "songs": {"1": 5}}'
    ),
    "missing-schema-version": lambda good: json.dumps(_valid_tables_without_version()).encode(),
    "schema-version-text": lambda good: b'{"meta": {"1": {"schema_version": "1"}}}',
    "invalid-catalog-inside": lambda good: good.replace(b'"drama":"hwarang"', b'"drama":"nope"'),
}


def _replace_with(path: Path, content: bytes) -> None:
    # A new file (new inode), as a crashed writer or another program saving it leaves it. The
    # backup is a hard link to the file that last loaded; see test_in_place_damage_* for what
    # happens when the same inode is damaged.
    path.unlink()
    path.write_bytes(content)


def _break_library(data_dir: Path, how: str) -> bytes:
    path = data_dir / "library.json"
    broken = BROKEN_LIBRARIES[how](path.read_bytes())
    assert broken != path.read_bytes()
    _replace_with(path, broken)
    return broken


def _moved_aside(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if BROKEN_NAME.match(p.name))


@pytest.mark.parametrize("how", list(BROKEN_LIBRARIES))
def test_broken_library_without_backup_falls_back_to_seed(data_dir: Path, how: str) -> None:
    reopen(data_dir)  # first launch: library.json from the seed, no backup yet
    backup_path(data_dir / "library.json").unlink(missing_ok=True)
    broken = _break_library(data_dir, how)

    lib = reopen(data_dir)

    moved = _moved_aside(data_dir)
    assert len(moved) == 1
    assert moved[0].read_bytes() == broken  # moved, byte for byte, never rewritten
    assert str(moved[0]) in lib.notices[0]
    assert "could not be read" in lib.notices[0]
    assert any("bundled catalog" in n for n in lib.notices)
    assert lib.catalog == bundled_catalog()
    # The fresh library is itself readable, and the next launch is quiet.
    assert reopen(data_dir).notices == []


def _imported_and_backed_up(data_dir: Path, tmp_path: Path) -> Catalog:
    """The catalog after an import and one more launch, which keeps it as the backup."""
    lib = open_library(data_dir)
    addition = tmp_path / "more.json"
    write_json(addition, small_generated())
    lib.import_file(addition)
    lib.close()
    return reopen(data_dir).catalog


@pytest.mark.parametrize("how", ["truncated", "not-json", "json-list", "missing-schema-version"])
def test_broken_library_falls_back_to_the_backup(data_dir: Path, how: str, tmp_path: Path) -> None:
    expected = _imported_and_backed_up(data_dir, tmp_path)
    assert len(expected.songs) > 5
    broken = _break_library(data_dir, how)

    lib = reopen(data_dir)

    assert lib.catalog == expected
    (moved,) = _moved_aside(data_dir)
    assert moved.read_bytes() == broken
    assert str(moved) in lib.notices[0]
    assert "restored from the backup" in lib.notices[1]
    assert not any("bundled catalog" in n for n in lib.notices)


def test_in_place_damage_does_not_reach_the_backup(data_dir: Path, tmp_path: Path) -> None:
    expected = _imported_and_backed_up(data_dir, tmp_path)
    path = data_dir / "library.json"
    path.write_bytes(path.read_bytes()[:1000])  # same inode, truncated
    assert reopen(data_dir).catalog == expected


def test_broken_library_and_broken_backup_fall_back_to_seed(data_dir: Path) -> None:
    reopen(data_dir)
    reopen(data_dir)  # makes the backup
    bak = backup_path(data_dir / "library.json")
    assert bak.exists()
    _replace_with(bak, b"{ broken too")
    broken = _break_library(data_dir, "not-json")

    lib = reopen(data_dir)

    assert lib.catalog == bundled_catalog()
    assert [p.read_bytes() for p in _moved_aside(data_dir)] == [broken]
    # The broken backup is kept too, not overwritten by the fresh library's backup.
    kept = [p for p in data_dir.iterdir() if p.name.startswith("library.backup.broken-")]
    assert [p.read_bytes() for p in kept] == [b"{ broken too"]
    assert any("could not be read either" in n and str(kept[0]) in n for n in lib.notices)
    assert any("bundled catalog" in n for n in lib.notices)


@pytest.mark.parametrize("version", [0, -3])
def test_an_impossible_schema_version_is_moved_aside(data_dir: Path, version: int) -> None:
    reopen(data_dir)
    backup_path(data_dir / "library.json").unlink()
    raw = _set_schema_version(data_dir / "library.json", version)

    lib = reopen(data_dir)

    assert lib.catalog == bundled_catalog()
    assert [p.read_bytes() for p in _moved_aside(data_dir)] == [raw]
    assert any(f"impossible schema version ({version})" in n for n in lib.notices)


def test_temp_files_of_killed_writers_are_swept_on_open(data_dir: Path) -> None:
    reopen(data_dir)
    for name in (".library.json.abc123.tmp", ".personal.json.x.tmp"):
        (data_dir / name).write_bytes(b"half a write")
    reopen(data_dir)
    assert not list(data_dir.glob(".*.tmp"))


def test_concurrent_imports_both_land(data_dir: Path, tmp_path: Path) -> None:
    import threading

    files = []
    for seed in (11, 12):
        files.append(tmp_path / f"import{seed}.json")
        write_json(files[-1], small_generated(300, seed=seed))
    expected = open_library(tmp_path / "sequential")
    for path in files:
        expected.import_file(path)
    expected.close()

    lib = open_library(data_dir)
    errors: list[BaseException] = []

    def run(path: Path) -> None:
        try:
            lib.import_file(path)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lib.close()

    # Both merges land, one after the other, whichever finished parsing first.
    assert errors == []
    assert set(lib.catalog.songs) == set(expected.catalog.songs)
    assert set(reopen(data_dir).catalog.songs) == set(expected.catalog.songs)
    assert not list(data_dir.glob(".*.tmp"))


def test_repeated_breakage_keeps_every_moved_file(data_dir: Path) -> None:
    reopen(data_dir)
    contents = []
    for i in range(3):
        backup_path(data_dir / "library.json").unlink(missing_ok=True)
        (data_dir / "library.json").write_bytes(f"broken {i}".encode())
        contents.append(f"broken {i}".encode())
        reopen(data_dir)
    # Same-second names get a -2, -3 suffix instead of replacing each other.
    assert sorted(p.read_bytes() for p in _moved_aside(data_dir)) == contents


def _set_schema_version(path: Path, version: int) -> bytes:
    tables = json.loads(path.read_bytes())
    tables["meta"]["1"]["schema_version"] = version
    raw = json.dumps(tables, ensure_ascii=False).encode()
    path.write_bytes(raw)
    return raw


def test_newer_schema_is_never_overwritten(data_dir: Path) -> None:
    reopen(data_dir)
    newer = _set_schema_version(data_dir / "library.json", 99)
    with pytest.raises(LibraryError) as refused:
        open_library(data_dir)
    # The newer file's bytes stay where they are and the user is told why it was not used.
    assert (data_dir / "library.json").read_bytes() == newer
    assert "newer OST Player" in str(refused.value) and "schema 99" in str(refused.value)


def test_newer_schema_is_refused(data_dir: Path) -> None:
    reopen(data_dir)
    newer = _set_schema_version(data_dir / "library.json", 99)
    with pytest.raises(LibraryError, match="newer"):
        open_library(data_dir)
    assert (data_dir / "library.json").read_bytes() == newer
    assert _moved_aside(data_dir) == []


def _upper_titles(calls: list[int]) -> Any:
    def migrate(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
        calls.append(1)
        tables = copy.deepcopy(tables)
        for song in tables["songs"]:
            song["title"] = song["title"].upper()
        return tables

    return migrate


def test_migration_upgrades_the_library(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reopen(data_dir)
    calls: list[int] = []
    monkeypatch.setattr(library_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(library_mod.MIGRATIONS, 1, _upper_titles(calls))

    lib = reopen(data_dir)

    assert calls == [1]
    assert lib.catalog.songs["its-you"].title == "IT’S YOU"
    assert "upgraded to schema 2" in " ".join(lib.notices)
    on_disk = json.loads((data_dir / "library.json").read_bytes())
    assert on_disk["meta"]["1"]["schema_version"] == 2
    # Upgraded once: the next launch reads schema 2 without migrating again.
    again = reopen(data_dir)
    assert calls == [1]
    assert again.notices == []
    assert again.catalog == lib.catalog


def test_migration_keeps_the_pre_migration_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reopen(data_dir)
    pre_migration = (data_dir / "library.json").read_bytes()
    monkeypatch.setattr(library_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(library_mod.MIGRATIONS, 1, _upper_titles([]))
    reopen(data_dir)
    assert (data_dir / "library.schema1.json").read_bytes() == pre_migration


# --- personal data --------------------------------------------------------------------------


def _personalise(lib: Library, audio: Path) -> None:
    lib.link("its-you", audio)
    lib.set_saved_lyrics("its-you", "[00:01.00]It’s you\n[00:04.00]Even when I close my eyes")
    lib.set_lyrics_offset("its-you", -250)
    lib.link("ambiguous", audio.with_name("ambiguous.flac"))
    lib.unlink("ambiguous")


def _assert_personal(lib: Library, audio: Path) -> None:
    assert lib.audio_path("its-you") == str(audio)
    assert lib.saved_lyrics("its-you").startswith("[00:01.00]It’s you")  # type: ignore[union-attr]
    assert lib.lyrics_offset("its-you") == -250
    assert lib.audio_path("ambiguous") is None
    assert lib.linked_song_ids() == ["its-you"]


def test_personal_data_survives_reopen(data_dir: Path, tmp_path: Path) -> None:
    audio = tmp_path / "music" / "It's You.mp3"
    lib = open_library(data_dir)
    _personalise(lib, audio)
    _assert_personal(lib, audio)
    lib.close()
    _assert_personal(reopen(data_dir), audio)


def test_personal_data_survives_a_corrupt_library(data_dir: Path, tmp_path: Path) -> None:
    audio = tmp_path / "its-you.mp3"
    lib = open_library(data_dir)
    _personalise(lib, audio)
    lib.close()
    _break_library(data_dir, "truncated")
    lib = reopen(data_dir)
    assert _moved_aside(data_dir)
    _assert_personal(lib, audio)


def test_corrupt_personal_file_is_restored_from_its_backup(data_dir: Path, tmp_path: Path) -> None:
    audio = tmp_path / "its-you.mp3"
    lib = open_library(data_dir)
    _personalise(lib, audio)
    lib.close()
    reopen(data_dir)  # a clean load keeps personal.json as personal.backup.json
    personal = data_dir / "personal.json"
    broken = personal.read_bytes()[:10]
    _replace_with(personal, broken)

    lib = reopen(data_dir)

    _assert_personal(lib, audio)
    moved = [p for p in data_dir.iterdir() if p.name.startswith("personal.broken-")]
    assert [p.read_bytes() for p in moved] == [broken]
    assert any(str(moved[0]) in n for n in lib.notices)
    assert any("restored from a backup" in n for n in lib.notices)


def test_both_personal_files_broken_is_reported_and_both_kept(
    data_dir: Path, tmp_path: Path
) -> None:
    lib = open_library(data_dir)
    _personalise(lib, tmp_path / "its-you.mp3")
    lib.close()
    reopen(data_dir)
    personal = data_dir / "personal.json"
    _replace_with(personal, b"garbage")
    _replace_with(backup_path(personal), b"garbage too")

    lib = reopen(data_dir)

    assert lib.audio_path("its-you") is None
    kept = sorted(p.read_bytes() for p in data_dir.glob("personal*.broken-*.json"))
    assert kept == [b"garbage", b"garbage too"]
    assert any("link your files again" in n for n in lib.notices)


def test_personal_data_needs_a_known_song(data_dir: Path, tmp_path: Path) -> None:
    lib = open_library(data_dir)
    with pytest.raises(LibraryError, match="no song with id 'nope'"):
        lib.link("nope", tmp_path / "x.mp3")
    with pytest.raises(LibraryError):
        lib.set_saved_lyrics("nope", "la la")
    lib.close()
    assert reopen(data_dir).linked_song_ids() == []


def test_link_stores_an_absolute_path(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    lib = open_library(data_dir)
    stored = lib.link("start-over", Path("relative") / "start over.ogg")
    lib.close()
    assert stored == str(tmp_path / "relative" / "start over.ogg")
    assert reopen(data_dir).audio_path("start-over") == stored


# --- play history ---------------------------------------------------------------------------


def test_record_play_and_stats(data_dir: Path) -> None:
    lib = open_library(data_dir)
    assert lib.play_stats("its-you").count == 0
    assert lib.play_stats("its-you").last_played is None
    lib.record_play("its-you", at=1000.0)
    lib.record_play("its-you", at=3000.0)
    lib.record_play("its-you", at=2000.0)  # out of order: last_played is the latest
    lib.record_play("ambiguous", at=1500.0)
    before = time.time()
    lib.record_play("start-over")
    with pytest.raises(LibraryError):
        lib.record_play("nope")
    lib.close()

    lib = reopen(data_dir)
    assert (lib.play_stats("its-you").count, lib.play_stats("its-you").last_played) == (3, 3000.0)
    assert lib.play_stats("ambiguous").count == 1
    assert lib.play_stats("start-over").last_played >= before - 1  # type: ignore[operator]
    assert lib.play_stats("nope").count == 0


def test_truncated_last_journal_line_is_skipped(data_dir: Path) -> None:
    lib = open_library(data_dir)
    for at in (1.0, 2.0, 3.0):
        lib.record_play("our-tears", at=at)
    lib.close()
    journal = data_dir / "history.jsonl"
    raw = journal.read_bytes()
    journal.write_bytes(raw[:-9])  # a power cut in the middle of the last append

    lib = reopen(data_dir)

    assert lib.play_stats("our-tears").count == 2
    assert lib.play_stats("our-tears").last_played == 2.0
    assert lib.history.skipped_lines == 1
    # The journal as it was is kept beside it, and the notice says where.
    (kept,) = data_dir.glob("history.broken-*.jsonl")
    assert kept.read_bytes() == raw[:-9]
    assert any("play history" in n and str(kept) in n for n in lib.notices)


def test_garbage_journal_lines_are_skipped(tmp_path: Path) -> None:
    journal = tmp_path / "history.jsonl"
    journal.write_bytes(
        b'{"song": "a", "at": 1}\n[1, 2]\n"text"\n{"song": 5, "at": 1}\n'
        b'{"song": "a"}\n{"song": "a", "at": 2, "count": 0}\n\xff\xfe\n\n{"song": "a", "at": 4}\n'
    )
    history = PlayHistory(journal)
    assert history.get("a").count == 2
    assert history.get("a").last_played == 4
    assert history.skipped_lines == 6


def test_play_after_a_truncated_line_is_kept(tmp_path: Path) -> None:
    journal = tmp_path / "history.jsonl"
    PlayHistory(journal).record("a", 1.0)
    journal.write_bytes(journal.read_bytes() + b'{"song": "a", "a')
    PlayHistory(journal).record("b", 2.0)
    assert PlayHistory(journal).get("b").count == 1


def test_compaction_keeps_counts(tmp_path: Path) -> None:
    journal = tmp_path / "history.jsonl"
    history = PlayHistory(journal)
    plays = {"a": 5, "b": 3, "c": 1}
    at = 0.0
    for song, count in plays.items():
        for _ in range(count):
            at += 1.5
            history.record(song, at)
    before = {s: (st.count, st.last_played) for s, st in history.stats.items()}
    history.compact()
    assert len(journal.read_bytes().splitlines()) == 3
    reloaded = PlayHistory(journal)
    assert {s: (st.count, st.last_played) for s, st in reloaded.stats.items()} == before
    reloaded.record("a", 100.0)  # appending after compaction still adds up
    assert PlayHistory(journal).get("a").count == 6


def test_automatic_compaction_keeps_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 1,200 fsyncs would only slow the test; durability is not what is checked here.
    monkeypatch.setattr(history_mod.os, "fsync", lambda fd: None)
    monkeypatch.setattr(store_mod.os, "fsync", lambda fd: None)
    journal = tmp_path / "history.jsonl"
    history = PlayHistory(journal)
    for i in range(1200):
        history.record(f"song-{i % 7}", float(i))
    lines = len(journal.read_bytes().splitlines())
    assert lines < 1000  # compacted at least once on the way
    reloaded = PlayHistory(journal)
    assert sum(s.count for s in reloaded.stats.values()) == 1200
    assert reloaded.get("song-0").count == 172
    assert reloaded.get("song-6").last_played == 1196.0  # the last i < 1200 with i % 7 == 6
    assert reloaded.skipped_lines == 0


# --- import and export ----------------------------------------------------------------------


def _bad_files() -> dict[str, bytes]:
    good = catalog_to_dict(bundled_catalog())
    unknown_drama = small_generated(20)
    unknown_drama["songs"][3]["drama"] = "no-such-drama"
    duplicate = copy.deepcopy(good)
    duplicate["songs"].append(copy.deepcopy(duplicate["songs"][0]))
    bad_cast = small_generated(20)
    bad_cast["songs"][7]["characters"] = ["ko-dong-man"]
    return {
        "not-json": b"{ nope",
        "empty": b"",
        "wrong-format": json.dumps({"format": "m3u", "format_version": 1}).encode(),
        "newer-format": json.dumps({**good, "format_version": 2}).encode(),
        "unknown-drama": json.dumps(unknown_drama).encode(),
        "duplicate-id": json.dumps(duplicate).encode(),
        "character-of-another-drama": json.dumps(bad_cast).encode(),
    }


@pytest.mark.parametrize("name", list(_bad_files()))
def test_bad_import_writes_nothing(data_dir: Path, tmp_path: Path, name: str) -> None:
    lib = open_library(data_dir)
    lib.record_play("its-you", at=5.0)
    before_files = files_in(data_dir)
    before_mtime = (data_dir / "library.json").stat().st_mtime_ns
    before_catalog = lib.catalog
    bad = tmp_path / f"{name}.json"
    bad.write_bytes(_bad_files()[name])

    with pytest.raises(CatalogFormatError) as info:
        lib.import_file(bad)

    assert files_in(data_dir) == before_files  # library.json bytes unchanged, nothing new
    assert (data_dir / "library.json").stat().st_mtime_ns == before_mtime
    assert lib.catalog is before_catalog
    lib.close()
    if name == "unknown-drama":
        assert info.value.location.startswith("songs[3] ")
        assert info.value.location.endswith(": field 'drama'")


def test_import_merges_by_id(data_dir: Path, tmp_path: Path) -> None:
    lib = open_library(data_dir)
    update = {
        "format": "ostplayer-catalog",
        "format_version": 1,
        "songs": [
            {  # an update of an existing song: same id, new title and commentary
                **catalog_to_dict(lib.catalog)["songs"][2],
                "title": "Ambiguous (Remastered)",
                "commentary": ["New notes."],
            },
            {  # a new song whose drama and people are only in the library
                "id": "our-tears-instrumental",
                "title": "Our Tears (Instrumental)",
                "drama": "hwarang",
                "ost_order": 12,
                "performers": [{"person": "park-seo-joon", "group": None}],
                "characters": ["hwarang-go-ara"],
            },
        ],
    }
    path = tmp_path / "update.json"
    write_json(path, update)

    summary = lib.import_file(path)
    lib.close()

    assert (summary.added, summary.updated, summary.unchanged) == (1, 1, 0)
    for opened in (lib, reopen(data_dir)):
        songs = opened.catalog.songs
        assert list(songs) == [
            "one-more-step",
            "our-tears",
            "ambiguous",  # updated in place, keeps its position
            "its-you",
            "start-over",
            "our-tears-instrumental",  # new entries go last
        ]
        assert songs["ambiguous"].title == "Ambiguous (Remastered)"
        assert songs["ambiguous"].commentary == ("New notes.",)
        assert songs["our-tears-instrumental"].ost_order == 12
        assert opened.catalog.dramas == bundled_catalog().dramas

    # Importing the same file again changes nothing.
    lib = open_library(data_dir)
    again = lib.import_file(path)
    lib.close()
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_import_cannot_write_a_library_that_will_not_open(data_dir: Path, tmp_path: Path) -> None:
    lib = open_library(data_dir)
    path = tmp_path / "recast.json"
    drama = catalog_to_dict(lib.catalog)["dramas"][4]  # Itaewon Class; Start Over names its lead
    drama["cast"] = []
    write_json(path, {"format": "ostplayer-catalog", "format_version": 1, "dramas": [drama]})
    with contextlib.suppress(CatalogFormatError):  # refusing the import is fine too
        lib.import_file(path)
    lib.close()
    again = reopen(data_dir)
    assert again.notices == []
    assert len(again.catalog.songs) == 5


def test_export_has_no_personal_data(data_dir: Path, tmp_path: Path) -> None:
    lib = open_library(data_dir)
    audio = tmp_path / "private-music-folder" / "its-you.mp3"
    lib.link("its-you", audio)
    lib.set_saved_lyrics("its-you", "MY-PRIVATE-LYRICS")
    lib.set_lyrics_offset("its-you", 777)
    lib.record_play("its-you", at=12345.678)
    out = tmp_path / "export.json"
    lib.export_file(out)
    lib.close()

    text = out.read_text("utf-8")
    data = json.loads(text)
    for secret in ("private-music-folder", str(tmp_path), "MY-PRIVATE-LYRICS", "777", "12345"):
        assert secret not in text
    keys = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            keys.update(value)
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    collect(data)
    assert not keys & {"audio", "lyrics", "lyrics_offset_ms", "count", "at", "plays", "path"}
    assert data == catalog_to_dict(lib.catalog)
    assert catalog_from_dict(data) == lib.catalog


def test_import_of_a_large_generated_library(data_dir: Path, tmp_path: Path) -> None:
    # Correctness at size (the streamed load, progress, order); 100,000 songs and the time
    # they take are benchmarks/bench_store.py's, which imports the full-size file every run.
    data = generated(n_songs=5_000, n_dramas=250, seed=1)
    path = tmp_path / "big.json"
    write_json(path, data)
    sample = data["songs"][3_210]

    expected_ids = list(bundled_catalog().songs)
    expected_ids += [s["id"] for s in data["songs"] if s["id"] not in set(expected_ids)]
    n_entries = sum(len(data[k]) for k in ("people", "dramas", "songs", "features"))
    del data

    lib = open_library(data_dir)
    progress: list[tuple[int, int]] = []
    summary = lib.import_file(path, progress=lambda done, total: progress.append((done, total)))
    lib.close()
    assert (summary.added, summary.updated, summary.unchanged) == (n_entries, 0, 0)
    assert progress[-1] == (n_entries, n_entries)

    for opened in (lib, reopen(data_dir)):
        assert opened.notices == []
        # The generator avoids the bundled ids, so the import only adds, after the seed.
        assert list(opened.catalog.songs) == expected_ids
        assert len(expected_ids) == 5_005
        assert len(opened.catalog.dramas) == 255
        song = opened.catalog.songs[sample["id"]]
        assert catalog_to_dict(opened.catalog)["songs"][expected_ids.index(song.id)] == sample


# --- one writer per data directory ----------------------------------------------------------


def test_second_lock_raises_already_running(data_dir: Path) -> None:
    first = DataDirLock(data_dir)
    first.acquire()
    try:
        with pytest.raises(AlreadyRunning, match="already running"):
            DataDirLock(data_dir).acquire()
    finally:
        first.release()
    with DataDirLock(data_dir):  # free again once released
        pass


def test_lock_of_a_killed_process_is_released(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from ostplayer.catalog.lock import DataDirLock\n"
            "DataDirLock(Path(sys.argv[1])).acquire()\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning):
            DataDirLock(data_dir).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with DataDirLock(data_dir) as lock:
        assert (data_dir / "ostplayer.lock").read_text() == str(os.getpid())
        assert lock is not None
