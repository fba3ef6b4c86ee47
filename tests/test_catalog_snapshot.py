"""A big library opens from the catalog's fast copy (catalog/catalog_snapshot.py), into exactly
the catalog its JSON holds; a copy that does not belong to the library file as it is now, or
that is damaged, is never used, and costs nothing but a slower start."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from catalog_support import generated

from ostplayer.catalog import library_loading
from ostplayer.catalog.catalog_snapshot import SNAPSHOT_NAME
from ostplayer.catalog.library import Library
from ostplayer.domain.catalog_edits import put_entry
from ostplayer.domain.catalog_format import catalog_from_dict
from ostplayer.domain.models import Scene
from ostplayer.paths import BUNDLED_CATALOG, resource_path

SEED = resource_path(BUNDLED_CATALOG)


def _with_scenes(data: dict) -> dict:
    # Every kind of entry and field the copy must carry: scenes (with a spoiler), groups,
    # cast with and without a character.
    song = data["songs"][0]
    song["scenes"] = [{"episode": 3, "note": "the rooftop", "spoiler": True}, {"note": "credits"}]
    return data


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    lib = Library(tmp_path, SEED)
    lib.import_catalog(catalog_from_dict(_with_scenes(generated(400, 30, seed=11))))
    lib.close()
    return tmp_path


def _from_json(data_dir: Path) -> Library:
    (data_dir / SNAPSHOT_NAME).unlink(missing_ok=True)
    return Library(data_dir, SEED)


def _json_read_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object) -> None:
        raise AssertionError("the library file's JSON was read")

    monkeypatch.setattr(library_loading.LibraryLoading, "_stream_library", refuse)


def test_the_next_start_opens_from_the_copy_into_the_same_catalog(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (data_dir / SNAPSHOT_NAME).is_file()  # written with the import's full write
    expected = _from_json(data_dir).catalog
    with monkeypatch.context() as m:
        _json_read_fails(m)
        fast = Library(data_dir, SEED)
    assert fast.catalog == expected and not fast.notices
    assert len(fast.catalog.songs) == 405
    (first,) = [s for s in fast.catalog.songs.values() if s.scenes]
    assert first.scenes == (Scene(3, "the rooftop", True), Scene(None, "credits", False))
    # Shared as the JSON path shares them: equal credits are one object, a song's drama is
    # its drama's own id string.
    songs = list(fast.catalog.songs.values())
    same = [s for s in songs if s.performers == songs[1].performers]
    assert all(s.performers[0] is songs[1].performers[0] for s in same)
    assert all(s.drama is fast.catalog.dramas[s.drama].id for s in songs if s.drama)
    # Edits are journalled beside the file, not written into it: replayed over the copy too.
    fast.edits.apply(put_entry(fast.catalog, replace(first, title="Renamed")))
    fast.close()
    with monkeypatch.context() as m:
        _json_read_fails(m)
        after = Library(data_dir, SEED)
    assert after.catalog.songs[first.id].title == "Renamed"
    after.close()


def test_a_library_file_changed_since_is_read_from_itself(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "library.json"
    text = path.read_text("utf-8")
    stat = path.stat()
    # The same size, and its modification time given back: still not the file the copy is of.
    changed = text.replace('"title":"Start Over"', '"title":"Start Ovex"', 1)
    assert len(changed) == len(text)
    path.write_text(changed, "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    reopened = Library(data_dir, SEED)
    # Read from the file itself: its checksum no longer matches, which is said, and the
    # backup serves (as without any copy).
    assert any("checksum" in n or "damaged" in n for n in reopened.notices)
    assert reopened.catalog.songs["start-over"].title == "Start Over"
    reopened.close()


def test_an_import_writes_a_new_copy_and_the_old_one_is_never_used(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library(data_dir, SEED)
    lib.import_catalog(catalog_from_dict(generated(40, 4, seed=99)))
    expected = lib.catalog
    lib.close()
    with monkeypatch.context() as m:
        _json_read_fails(m)
        again = Library(data_dir, SEED)
    assert again.catalog == expected
    again.close()


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short by a crash
        lambda raw: b"",
        lambda raw: os.urandom(4096),
        lambda raw: raw[:-10] + bytes([raw[-10] ^ 0x40]) + raw[-9:],  # one bit flipped
        lambda raw: raw.replace(b"OSTPLAYER", b"OSTPLAYEX", 1),
    ],
    ids=["truncated", "empty", "garbage", "bit-flip", "other-magic"],
)
def test_a_damaged_copy_is_passed_over_quietly_and_written_again(data_dir: Path, damage) -> None:
    expected = _from_json(data_dir).catalog
    copy = data_dir / SNAPSHOT_NAME
    good = copy.read_bytes()
    copy.write_bytes(damage(good))
    reopened = Library(data_dir, SEED)
    assert reopened.catalog == expected and not reopened.notices
    reopened.close()
    assert copy.read_bytes()[:32] == good[:32]  # a good copy again, for the next start


def test_a_copy_that_cannot_be_written_changes_nothing(data_dir: Path) -> None:
    copy = data_dir / SNAPSHOT_NAME
    copy.unlink()
    copy.mkdir()  # in the copy's place, a folder: the write fails
    lib = Library(data_dir, SEED)
    assert len(lib.catalog.songs) == 405 and not lib.notices
    lib.close()
    assert copy.is_dir() and not list(data_dir.glob(".*.tmp"))
