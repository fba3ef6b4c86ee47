"""Starting on thousands of damaged data files: it always opens, every change to the user's data
comes with a notice, and nothing beyond the damaged part is lost.

A library with imports, personal data and plays is damaged one file at a time: truncated at
many offsets, single bits flipped, replaced by garbage, NUL bytes, the wrong shapes, deep
nesting and huge numbers. With the backup there, the backup must bring back everything; with
it gone, every record on an intact line (and whatever it depends on) must still be there.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from catalog_support import generated
from hardening_support import finishes, open_library

from ostplayer.catalog.library import Library
from ostplayer.domain.catalog_format import catalog_from_dict
from ostplayer.domain.models import Catalog

FILES = ("library.json", "personal.json", "history.jsonl")
BACKUPS = {"library.json": "library.backup.json", "personal.json": "personal.backup.json"}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The undamaged data folder: bundled catalog + an import, links, lyrics, offsets, plays."""
    data = tmp_path_factory.mktemp("good") / "data"
    lib = open_library(data)
    lib.import_catalog(catalog_from_dict(generated(n_songs=16, n_dramas=3, seed=3)))
    ids = list(lib.catalog.songs)
    for n, sid in enumerate(ids[:6]):
        lib.link(sid, f"/music/{n} 노래.flac")
        lib.set_saved_lyrics(sid, f"[00:0{n}.00]line {n}", reset_offset=False)
        lib.set_lyrics_offset(sid, n * 10 - 40)
    for n in range(8):
        lib.record_play(ids[n % 5], at=1_700_000_000 + n)
    lib.close()
    return data


def _state(lib: Library) -> dict[str, Any]:
    return {
        "catalog": lib.catalog,
        "personal": {sid: lib.personal(sid) for sid in lib.linked_song_ids()},
        "lyrics": lib.saved_lyrics_by_song(),
        "plays": {sid: (s.count, s.last_played) for sid, s in lib.history.stats.items()},
    }


def _variants(raw: bytes, seed: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    # Every byte of a small file (personal data, plays); ~100 places in the bigger library.
    step = 1 if len(raw) < 1000 else max(1, len(raw) // 100)
    for at in range(0, len(raw), step):
        yield f"truncated at {at}", raw[:at]
    for _ in range(60):
        at = rng.randrange(len(raw))
        yield f"bit {at}", raw[:at] + bytes([raw[at] ^ (1 << rng.randrange(8))]) + raw[at + 1 :]
    yield "garbage", bytes(rng.randrange(256) for _ in range(len(raw)))
    yield "nul bytes", b"\0" * len(raw)
    yield "empty", b""
    yield "a json list", b"[1, 2, 3]"
    yield "tables as lists", b'{"songs": [{"song": "x"}], "meta": []}'
    yield "deep nesting", b"[" * 50_000 + b"]" * 50_000
    lines = raw.split(b"\n")
    for n in range(1, min(len(lines) - 1, 6)):
        for what, value in (("huge number", b"9" * 5000), ("deep", b"[" * 5000 + b"]" * 5000)):
            hostile = lines[n].replace(b"{", b'{"x":' + value + b",", 1)
            yield f"{what} on line {n}", b"\n".join([*lines[:n], hostile, *lines[n + 1 :]])
        yield f"line {n} doubled", b"\n".join([*lines[: n + 1], lines[n], *lines[n + 1 :]])


def _intact_lines(original: bytes, damaged: bytes) -> set[bytes]:
    """The original's lines that are still whole in the damaged file (newline included, or
    the damaged file's very last line)."""
    found = set(damaged.split(b"\n")[:-1]) | {damaged.split(b"\n")[-1]}
    return {line for line in original.split(b"\n") if line and line in found}


def _line_of(raw: bytes, needle: bytes) -> bytes | None:
    for line in raw.split(b"\n"):
        if needle in line:
            return line
    return None


_DOC_ID = re.compile(rb'^"[0-9]+":\{"id":"((?:[^"\\]|\\.)*)"')


def _lines_by_id(original: bytes) -> dict[str, bytes]:
    out = {}
    for line in original.split(b"\n"):
        found = _DOC_ID.match(line)
        if found:
            out[json.loads(b'"' + found.group(1) + b'"')] = line
    return out


def _expected_songs(good_lib: Catalog, lines: dict[str, bytes], intact: set[bytes]) -> set[str]:
    """Songs whose own line and every line they depend on are intact."""

    def ok(ident: str) -> bool:
        return lines.get(ident) in intact

    def person_ok(pid: str, seen: frozenset[str] = frozenset()) -> bool:
        person = good_lib.people[pid]
        return ok(pid) and all(m in seen or person_ok(m, seen | {pid}) for m in person.members)

    def drama_ok(did: str) -> bool:
        return ok(did) and all(person_ok(c.actor) for c in good_lib.dramas[did].cast)

    return {
        sid
        for sid, song in good_lib.songs.items()
        if ok(sid)
        and (not song.drama or drama_ok(song.drama))
        and all(
            person_ok(c.person) and (c.group is None or person_ok(c.group)) for c in song.performers
        )
    }


def _restore(data: Path, snapshot: dict[str, bytes]) -> Path:
    """``data`` holding exactly the snapshot's files again (cheaper than a fresh copy)."""
    data.mkdir(parents=True, exist_ok=True)
    for path in data.iterdir():
        if path.name not in snapshot:
            path.unlink()
    for name, content in snapshot.items():
        (data / name).write_bytes(content)
    return data


@pytest.mark.parametrize(
    "name, backup",
    [(name, "backup kept") for name in BACKUPS] + [(name, "no backup") for name in FILES],
)
def test_damaged_data_files_open_tell_and_keep_the_rest(
    good: Path, tmp_path: Path, name: str, backup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What is tested is what recovery keeps and says, not durability (tests/test_store.py
    # kills writers for that): without a disk flush per write, thousands of starts take seconds.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    snapshot = {p.name: p.read_bytes() for p in good.iterdir() if p.is_file()}
    reference = open_library(_restore(tmp_path / "ref", snapshot))
    expected = _state(reference)
    reference.close()
    original = (good / name).read_bytes()
    by_id = _lines_by_id(original)
    trials = 0
    for label, damaged in _variants(original, seed=len(name)):
        if damaged == original:
            continue
        trials += 1
        data = _restore(tmp_path / "trial", snapshot)
        (data / name).write_bytes(damaged)
        if backup == "no backup" and name in BACKUPS:
            (data / BACKUPS[name]).unlink()
        lib = finishes(lambda data=data: open_library(data), 20)
        try:
            got = _state(lib)
            where = f"{name}, {label}, {backup}"
            # The one change no reader can see: a journal cut exactly between two lines looks
            # like the journal of fewer plays (no record of how long it was is kept elsewhere).
            cut_between_lines = original.startswith(damaged) and (
                damaged[-1:] in (b"", b"\n") or original[len(damaged) : len(damaged) + 1] == b"\n"
            )
            if got != expected and not (name == "history.jsonl" and cut_between_lines):
                assert lib.notices, f"{where}: the data changed and nobody was told"
            if backup == "backup kept":
                assert got == expected, f"{where}: the backup did not bring everything back"
                continue
            intact = _intact_lines(original, damaged)
            if name == "personal.json":
                for sid, row in expected["personal"].items():
                    line = _line_of(original, f'"song":"{sid}"'.encode())
                    if line in intact:
                        assert got["personal"].get(sid) == row, f"{where}: lost {sid}'s row"
            elif name == "library.json":
                for sid in _expected_songs(expected["catalog"], by_id, intact):
                    assert got["catalog"].songs.get(sid) == expected["catalog"].songs[sid], (
                        f"{where}: lost the song {sid}"
                    )
                # Personal data and plays are never touched by the library's damage.
                assert got["personal"] == expected["personal"] and got["plays"] == expected["plays"]
            else:
                plays = sum(c for c, _ in got["plays"].values())
                whole = sum(1 for line in original.split(b"\n") if line and line in intact)
                assert plays >= whole, f"{where}: {whole} intact plays, {plays} kept"
        finally:
            lib.close()
        # Once told, told once: the next start on the repaired folder is quiet.
        again = open_library(data)
        assert again.notices == [], f"{name}, {label}: reported again: {again.notices}"
        assert _state(again) == got, f"{name}, {label}: the repair was not kept"
        again.close()
    assert trials > 150
