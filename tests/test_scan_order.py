"""Scanning the same folder twice gives the same library, however the worker processes that
read the tags happen to finish; and tags understood while the files are still being read give
the plan they would give afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from catalog_support import bundled_catalog as bundled

from ostplayer.catalog.library import Library
from ostplayer.catalog.scan_apply import plan_for_scan, readings_for_scan
from ostplayer.domain.library_growth import plan_scan
from ostplayer.domain.track_facts import TrackFacts
from ostplayer.domain.track_readings import TrackReadings
from ostplayer.media import music_scan
from ostplayer.media.music_scan import ScanCache, scan_music
from ostplayer.media.scan_reader import ReadSummary
from ostplayer.paths import BUNDLED_CATALOG, resource_path

# Three copies of one recording in three folders: whichever file the plan meets first becomes
# the new song's main file, so that choice must not depend on which worker finished first.
ALBUMS = {
    "a": ("어른", "손디아", "나의 아저씨 OST Part.2"),
    "b": ("어른", "손디아", "나의 아저씨 OST Part.2"),
    "c": ("어른", "손디아", "나의 아저씨 OST Part.2"),
    "d": ("Maybe", "Sunwoo Jung-a", "Itaewon Class OST Part.5"),
    "e": ("시작", "가호", "이태원 클라쓰 OST Part.2"),
}


def _facts(path: str) -> TrackFacts:
    title, artist, album = ALBUMS[Path(path).parent.name]
    return TrackFacts(path, size=10, format="flac", title=title, artist=artist, album=album)


def _fake_reader(reverse: bool):
    def read_tracks(paths, workers=None, on_result=lambda r: None, cancel=None, **_kw):
        items = list(paths)
        for path in reversed(items) if reverse else items:
            on_result(_facts(path))
        return ReadSummary(len(items), 0, False, 0.0, 2)

    return read_tracks


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "Music"
    for name in ALBUMS:
        (root / name).mkdir(parents=True)
        (root / name / "01 track.flac").write_bytes(b"fLaC" + b"\0" * 64)
    return root


@pytest.mark.parametrize("reverse", [False, True])
def test_the_same_folder_gives_the_same_songs_whatever_order_the_workers_answer_in(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reverse: bool
) -> None:
    outcomes = []
    for run, backwards in enumerate((False, reverse)):
        monkeypatch.setattr(music_scan, "read_tracks", _fake_reader(backwards))
        library = Library(tmp_path / f"data{run}", resource_path(BUNDLED_CATALOG))
        result = scan_music([folder], ScanCache(None), fingerprints=False)
        plan, _moves = plan_for_scan(library, result.tracks, result.gone, result.gone_tracks)
        library.close()
        outcomes.append(
            (
                [t.path for t in result.tracks],
                sorted(s.id for s in plan.new_songs),
                sorted((link.song_id, link.path, link.main) for link in plan.links),
            )
        )
    assert outcomes[0] == outcomes[1]
    paths, new_songs, links = outcomes[0]
    assert paths == sorted(paths)  # the walk's order (names sorted within a folder)
    assert len(new_songs) == 2  # 어른 (one song, three files) and Maybe; 시작 is the catalog's
    mains = {song: path for song, path, main in links if main}
    assert mains["eoreun"] == str(folder / "a" / "01 track.flac")  # the first in the folder
    assert mains["start-over"] == str(folder / "e" / "01 track.flac")


def test_tags_understood_during_the_scan_plan_as_they_would_afterwards(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(music_scan, "read_tracks", _fake_reader(True))
    library = Library(tmp_path / "data", resource_path(BUNDLED_CATALOG))
    readings = readings_for_scan(library)
    result = scan_music([folder], ScanCache(None), fingerprints=False, on_track=readings.add)
    during = plan_for_scan(library, result.tracks, [], [], readings=readings)[0]
    after = plan_for_scan(library, result.tracks, [], [])[0]
    library.close()
    assert during == after
    assert during.new_songs and during.links


def test_a_catalog_changed_during_the_scan_is_read_afresh() -> None:
    before, now = bundled(), bundled()
    tracks = [_facts("/m/e/01 시작.flac")]
    readings = TrackReadings(before)
    for t in tracks:
        readings.add(t)
    del now.songs["start-over"]  # the user deleted the song while the files were read
    plan = plan_scan(tracks, now, {}, readings)
    assert not any(link.song_id == "start-over" for link in plan.links)
    assert plan == plan_scan(tracks, now, {})
