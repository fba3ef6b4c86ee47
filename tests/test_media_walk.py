"""Walking real music folders (with their loops, litter, odd names and locked corners) and
reading what was found on both cores."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from audio_files import AudioMaker, tag_id3

from ostplayer.domain.track_facts import TrackFacts, UnreadableFile
from ostplayer.media.scan_reader import ReadResult, read_one, read_tracks
from ostplayer.media.tags import read_track
from ostplayer.media.walk import (
    MAX_DEPTH,
    FolderProgress,
    FoundFile,
    NotSeen,
    display_path,
    walk_music,
)

pytest_plugins = ("audio_files",)


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def walk(*roots: Path, known=None, cancel=None) -> list:
    return list(walk_music(list(roots), known, cancel))


def found(events: list) -> list[str]:
    return [e.path for e in events if isinstance(e, FoundFile)]


def problems(events: list) -> dict[str, str]:
    return {e.path: e.reason for e in events if isinstance(e, UnreadableFile)}


def test_only_audio_is_yielded_whatever_the_case_of_its_extension(tmp_path: Path) -> None:
    album = tmp_path / "나의 아저씨 OST"
    songs = [
        touch(album / name)
        for name in (
            "01. 어른.mp3",
            "02. Dear Moon.FLAC",
            "03.M4a",
            "04.opus",
            "05.Wav",
            "06.aiff",
            "07.ape",
            "08.wma",
            "09.ogg",
            "rip.mp4",
        )
    ]
    litter = (
        "cover.jpg",
        "folder.png",
        "album.m3u",
        "album.pls",
        "album.cue",
        "01. 어른.lrc",
        "lyrics.txt",
        "Thumbs.db",
        "desktop.ini",
        ".DS_Store",
        "._01. 어른.mp3",
        "info.nfo",
        "rip.log",
        "video.mkv",
        "video.avi",
    )
    for name in litter:
        touch(album / name)
    assert sorted(found(walk(tmp_path))) == sorted(str(p) for p in songs)


def test_hidden_and_nas_folders_are_not_entered(tmp_path: Path) -> None:
    keep = touch(tmp_path / "album" / "song.mp3")
    for folder in (
        ".git",
        ".Trash-1000",
        "@eaDir",
        "#recycle",
        "$RECYCLE.BIN",
        "System Volume Information",
        "__MACOSX",
        "lost+found",
        ".hidden",
    ):
        touch(tmp_path / folder / "song.mp3")
        touch(tmp_path / "album" / folder / "song.mp3")
    assert found(walk(tmp_path)) == [str(keep)]


def test_progress_names_each_folder_and_counts(tmp_path: Path) -> None:
    touch(tmp_path / "a" / "1.mp3")
    touch(tmp_path / "b" / "2.mp3")
    progress = [e for e in walk(tmp_path) if isinstance(e, FolderProgress)]
    assert [p.folder for p in progress] == [str(tmp_path), str(tmp_path / "a"), str(tmp_path / "b")]
    assert progress[-1].folders_done == 2 and progress[-1].files_found == 1


def test_rescan_marks_unchanged_files_and_lists_the_gone_ones(tmp_path: Path) -> None:
    same = touch(tmp_path / "same.mp3")
    changed = touch(tmp_path / "changed.mp3")
    st_same, st_changed = same.stat(), changed.stat()
    known = {
        str(same): (st_same.st_size, st_same.st_mtime_ns),
        str(changed): (st_changed.st_size, st_changed.st_mtime_ns),
        str(tmp_path / "deleted.mp3"): (1, 1),
        "/somewhere/else/not/walked.mp3": (1, 1),
    }
    changed.write_bytes(b"longer now")
    events = walk(tmp_path, known=known)
    flags = {e.path: e.unchanged for e in events if isinstance(e, FoundFile)}
    assert flags == {str(same): True, str(changed): False}
    assert events[-1] == NotSeen((str(tmp_path / "deleted.mp3"),))


def test_cancel_stops_without_claiming_anything_is_gone(tmp_path: Path) -> None:
    for i in range(5):
        touch(tmp_path / f"f{i}" / "song.mp3")
    calls = iter(range(100))
    events = walk(
        tmp_path, known={str(tmp_path / "x.mp3"): (1, 1)}, cancel=lambda: next(calls) >= 3
    )
    assert not any(isinstance(e, NotSeen) for e in events)
    assert len(found(events)) < 5


def test_symlink_loops_and_overlapping_roots_count_each_song_once(tmp_path: Path) -> None:
    song = touch(tmp_path / "music" / "album" / "song.mp3")
    (tmp_path / "music" / "album" / "back-to-top").symlink_to(tmp_path / "music")
    (tmp_path / "music" / "self").symlink_to(tmp_path / "music" / "self")
    elsewhere = touch(tmp_path / "elsewhere" / "linked.flac")
    (tmp_path / "music" / "linked-album").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "music" / "again").symlink_to(tmp_path / "elsewhere")
    events = walk(tmp_path / "music", tmp_path / "music" / "album", tmp_path / "music")
    paths = found(events)
    assert len(paths) == 2
    assert str(song) in paths
    assert sum(p.endswith("linked.flac") for p in paths) == 1
    assert elsewhere.exists()


def test_broken_and_looping_links_named_as_songs_are_reported(tmp_path: Path) -> None:
    (tmp_path / "broken.mp3").symlink_to(tmp_path / "nowhere.mp3")
    (tmp_path / "loop.flac").symlink_to(tmp_path / "loop.flac")
    assert problems(walk(tmp_path)) == {
        str(tmp_path / "broken.mp3"): "a broken symbolic link",
        str(tmp_path / "loop.flac"): "a symbolic link loop",
    }


def test_names_that_are_not_utf8_or_hold_newlines_are_still_songs(
    audio: AudioMaker, tmp_path: Path
) -> None:
    latin1 = os.fsdecode(b"caf\xe9 - Ha Hyun-woo.mp3")
    cp949 = os.fsdecode("돌덩이.mp3".encode("cp949"))
    newline = "two\nlines.mp3"
    for name in (latin1, cp949, newline):
        tag_id3(audio.make(tmp_path / name, "mp3"), {"title": "돌덩이"})
    events = [e for e in walk(tmp_path) if isinstance(e, FoundFile)]
    by_name = {os.path.basename(e.path): e for e in events}
    assert set(by_name) == {latin1, cp949, newline}
    assert by_name[latin1].note == f"name is not valid UTF-8: {tmp_path}/caf\\xe9 - Ha Hyun-woo.mp3"
    assert by_name[newline].note == ""
    for event in events:  # the surrogate-escaped path opens the real file
        assert read_track(event.path).title == "돌덩이"
    assert display_path(str(tmp_path / newline)).endswith("two\\nlines.mp3")


def test_a_fifo_named_as_a_song_is_reported_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "stream.mp3")
    events: list = []
    thread = threading.Thread(target=lambda: events.extend(walk(tmp_path)), daemon=True)
    thread.start()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert problems(events) == {
        str(tmp_path / "stream.mp3"): "not a regular file (a FIFO (named pipe))"
    }


def test_a_folder_that_cannot_be_listed_is_reported_and_its_songs_are_not_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    inside = touch(locked / "song.mp3")
    other = touch(tmp_path / "open" / "song.mp3")
    if os.geteuid() != 0:
        locked.chmod(0)
    else:  # root reads everything: refuse the listing the way the kernel would
        real_scandir = os.scandir

        def refuse(path):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", refuse)
    try:
        known = {str(inside): (1, 1), str(tmp_path / "open" / "gone.mp3"): (1, 1)}
        events = walk(tmp_path, known=known)
    finally:
        locked.chmod(0o755)
    assert problems(events) == {str(locked): "folder cannot be listed (permission denied)"}
    assert found(events) == [str(other)]
    assert events[-1] == NotSeen((str(tmp_path / "open" / "gone.mp3"),))


def test_a_missing_root_is_reported_and_nothing_under_it_is_gone(tmp_path: Path) -> None:
    unplugged = tmp_path / "usb-drive"
    events = walk(unplugged, known={str(unplugged / "song.mp3"): (1, 1)})
    assert problems(events) == {str(unplugged): "folder not found (is the drive connected?)"}
    assert events[-1] == NotSeen(())


def test_files_vanishing_mid_walk_are_skipped(tmp_path: Path) -> None:
    first = touch(tmp_path / "a.mp3")
    second = touch(tmp_path / "b.mp3")
    events = []
    for event in walk_music([tmp_path], None, None):
        events.append(event)
        if isinstance(event, FoundFile) and event.path == str(first):
            second.unlink()
    assert found(events) == [str(first)] and problems(events) == {}


def test_very_deep_trees(tmp_path: Path) -> None:
    folder = tmp_path
    for depth in range(MAX_DEPTH + 5):
        folder = folder / "d"
        if depth == 10:
            touch(folder / "deep.mp3")
    folder.mkdir(parents=True)
    events = walk(tmp_path)
    assert [os.path.basename(p) for p in found(events)] == ["deep.mp3"]
    assert list(problems(events).values()) == [f"more than {MAX_DEPTH} folders deep, skipped"]


# --- reading what was found, on every core ------------------------------------------------------


def crash_on_poison(path: str, fingerprints: bool, timeout_s: float) -> ReadResult:
    """A reader that kills its worker process for one file, like a segfault would."""
    if "poison" in path:
        os._exit(1)
    return read_one(path, fingerprints, timeout_s)


def make_library(audio: AudioMaker, root: Path, count: int) -> list[str]:
    paths = []
    formats = ("mp3", "flac", "ogg", "m4a")
    for i in range(count):
        fmt = formats[i % len(formats)]
        path = audio.make(root / f"album{i // 10}" / f"{i:02d}.{fmt}", fmt)
        paths.append(str(path))
    return paths


def test_walk_then_read_with_two_workers(audio: AudioMaker, tmp_path: Path) -> None:
    paths = make_library(audio, tmp_path, 24)
    touch(tmp_path / "album0" / "broken.mp3", b"\xff\xd8\xff\xe0 not really")
    walked = found(walk(tmp_path))
    results: list[ReadResult] = []
    summary = read_tracks(walked, workers=2, on_result=results.append, chunk_size=4)
    assert (summary.read, summary.unreadable, summary.cancelled, summary.workers) == (
        24,
        1,
        False,
        2,
    )
    assert sorted(r.path for r in results if isinstance(r, TrackFacts)) == sorted(paths)
    assert [r.reason for r in results if isinstance(r, UnreadableFile)] == [
        "not audio (a JPEG image)"
    ]


def test_reading_in_the_calling_thread_gives_the_same_results(
    audio: AudioMaker, tmp_path: Path
) -> None:
    paths = make_library(audio, tmp_path, 8)
    here: list[ReadResult] = []
    there: list[ReadResult] = []
    read_tracks(paths, workers=0, on_result=here.append)
    read_tracks(paths, workers=1, on_result=there.append)
    assert sorted(here, key=lambda r: r.path) == sorted(there, key=lambda r: r.path)


def test_paths_are_taken_lazily_and_cancel_stops_promptly(
    audio: AudioMaker, tmp_path: Path
) -> None:
    path = make_library(audio, tmp_path, 1)[0]
    taken = 0

    def endless():
        nonlocal taken
        while True:
            taken += 1
            yield path

    results: list[ReadResult] = []
    summary = read_tracks(
        endless(),
        workers=2,
        on_result=results.append,
        cancel=lambda: len(results) >= 40,
        chunk_size=8,
    )
    assert summary.cancelled
    # Two chunks per worker in flight at most: memory does not grow with the input.
    assert taken <= len(results) + 4 * 8 + 8


def test_a_file_that_crashes_its_worker_costs_only_that_file(
    audio: AudioMaker, tmp_path: Path
) -> None:
    paths = make_library(audio, tmp_path, 12)
    poison = audio.make(tmp_path / "poison.mp3", "mp3")
    paths.insert(0, str(poison))  # before any chunk has come back
    results: list[ReadResult] = []
    summary = read_tracks(
        paths, workers=2, on_result=results.append, chunk_size=3, reader=crash_on_poison
    )
    assert summary.read == 12
    assert [(r.path, r.reason) for r in results if isinstance(r, UnreadableFile)] == [
        (str(poison), "made the tag reader crash (a damaged file?)")
    ]
