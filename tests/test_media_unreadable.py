"""Every kind of file a music folder holds that is not a usable song, each turned into a short
reason the scan report can show, and never a crash or a hang."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from audio_files import (
    AudioMaker,
    encode_video,
    read_facts,
    read_reason,
    tag_id3,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ostplayer.domain.track_facts import TrackFacts, UnreadableFile
from ostplayer.media.tags import read_track

pytest_plugins = ("audio_files",)
facts, reason = read_facts, read_reason


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.mp3").write_bytes(b"")
    assert reason(tmp_path / "empty.mp3") == "empty file (0 bytes)"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "cover.mp3",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200,
            "not audio (a JPEG image)",
        ),
        (
            "lyrics.flac",
            "[00:01.00]어른\n나는 어른이 되어\n".encode() * 5,
            "not audio (a lyrics file (LRC))",
        ),
        (
            "album.mp3",
            b'REM GENRE OST\nPERFORMER "Various"\nFILE "album.flac" WAVE\n',
            "not audio (a cue sheet)",
        ),
        ("notes.flac", "그냥 메모입니다. Just a note.\n".encode() * 5, "not audio (a text file)"),
        ("album.m4a", b"PK\x03\x04" + b"\x00" * 200, "not audio (a ZIP archive)"),
        (
            "page.mp3",
            b"<!DOCTYPE html><html><body>404</body></html>",
            "not audio (a web page (HTML))",
        ),
        ("list.mp3", b"#EXTM3U\n#EXTINF:1,x\nsong.mp3\n", "not audio (a playlist (M3U))"),
        (
            "zeros.flac",
            b"\x00" * 4096,
            "not audio (only zero bytes (an unfinished download or a damaged copy))",
        ),
        (
            "thumbs.wma",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 300,
            "not audio (an Office document or Thumbs.db)",
        ),
    ],
)
def test_not_audio_says_what_it_is(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    (tmp_path / name).write_bytes(content)
    assert reason(tmp_path / name) == expected


def test_truncated_headers_are_unreadable(audio: AudioMaker, tmp_path: Path) -> None:
    tagged = audio.make(tmp_path / "tagged.mp3", "mp3")
    tag_id3(tagged, {"title": "x"}, cover=audio.image(size=128))
    data = tagged.read_bytes()
    (tmp_path / "cut.mp3").write_bytes(data[:600])  # inside the ID3 tag's picture
    assert reason(tmp_path / "cut.mp3") == "truncated (the file ends inside its ID3 tag)"
    flac = audio.clip("flac").read_bytes()
    (tmp_path / "cut.flac").write_bytes(flac[:300])
    assert reason(tmp_path / "cut.flac").startswith("damaged or truncated FLAC file")
    m4a = audio.clip("m4a").read_bytes()
    (tmp_path / "cut.m4a").write_bytes(m4a[: len(m4a) // 2])  # ffmpeg puts the index last
    assert reason(tmp_path / "cut.m4a").startswith("truncated MP4/M4A file")


@pytest.mark.parametrize("fmt", ["mp3", "flac", "ogg", "opus", "wav", "aiff"])
def test_audio_cut_short_is_read_with_a_truncation_warning(
    audio: AudioMaker, tmp_path: Path, fmt: str
) -> None:
    data = audio.clip(fmt, seconds=3.0).read_bytes()
    path = tmp_path / f"cut.{fmt}"
    path.write_bytes(data[: int(len(data) * 0.6)])
    track = facts(path)
    assert any(w.startswith("truncated:") for w in track.warnings), track.warnings
    whole = tmp_path / f"whole.{fmt}"
    whole.write_bytes(data)
    assert facts(whole).warnings == ()


def test_mp4_with_a_video_track_is_not_a_song(audio: AudioMaker, tmp_path: Path) -> None:
    path = encode_video(tmp_path / "[MV] 어른.mp4")
    assert reason(path) == "a video (an MP4 with a video track), not audio"
    audio_only = audio.make(tmp_path / "rip.mp4", "m4a")
    assert facts(audio_only).format == "m4a"


def test_a_fifo_is_refused_without_ever_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "stream.mp3"
    os.mkfifo(fifo)
    results: list[object] = []
    reader = threading.Thread(target=lambda: results.append(read_track(str(fifo))), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "read_track blocked on a FIFO"
    assert results == [UnreadableFile(str(fifo), "not a regular file (a FIFO (named pipe))")]


def test_folders_links_and_vanished_files(tmp_path: Path) -> None:
    (tmp_path / "album.mp3").mkdir()
    assert reason(tmp_path / "album.mp3") == "not a regular file (a folder)"
    (tmp_path / "broken.mp3").symlink_to(tmp_path / "nowhere.mp3")
    assert reason(tmp_path / "broken.mp3") == "a broken symbolic link"
    (tmp_path / "loop.mp3").symlink_to(tmp_path / "loop.mp3")
    assert reason(tmp_path / "loop.mp3") == "a symbolic link loop"
    assert reason(tmp_path / "never-there.mp3") == "vanished before it could be read"


def test_permission_denied(
    audio: AudioMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = audio.make(tmp_path / "locked.mp3", "mp3")
    if os.geteuid() != 0:
        path.chmod(0)
        assert reason(path) == "permission denied"
        path.chmod(0o644)
    real_open = os.open

    def refuse(target, *args, **kwargs):
        if os.fspath(target) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert reason(path) == "permission denied"


def test_file_vanishing_between_stat_and_open(
    audio: AudioMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = audio.make(tmp_path / "gone.mp3", "mp3")
    real_open = os.open

    def delete_first(target, *args, **kwargs):
        if os.fspath(target) == str(path):
            path.unlink()
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", delete_first)
    assert reason(path) == "vanished while it was being read"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(
        [
            b"ID3\x03\x00\x00",
            b"fLaC",
            b"OggS\x00",
            b"RIFF\x00\x00\x00\x00WAVE",
            b"FORM\x00\x00\x00\x00AIFF",
            b"\x00\x00\x00\x20ftypM4A ",
            b"MAC ",
            b"\xff\xfb\x90\x00",
            b"0&\xb2u\x8ef\xcf\x11\xa6\xd9\x00\xaa\x00b\xcel",
            b"",
        ]
    ),
    body=st.binary(max_size=600),
    ext=st.sampled_from(
        [".mp3", ".flac", ".ogg", ".wav", ".aiff", ".m4a", ".ape", ".wma", ".opus"]
    ),
)
def test_garbage_never_raises(tmp_path: Path, prefix: bytes, body: bytes, ext: str) -> None:
    path = tmp_path / f"garbage{ext}"
    path.write_bytes(prefix + body)
    result = read_track(str(path))
    assert isinstance(result, TrackFacts | UnreadableFile)
    if isinstance(result, UnreadableFile):
        assert result.reason and len(result.reason) < 120


def test_an_mp3_padded_with_zeros_before_its_first_frame_is_still_read(
    audio: AudioMaker, tmp_path: Path
) -> None:
    path = tmp_path / "padded.mp3"
    path.write_bytes(b"\x00" * 2048 + audio.clip("mp3").read_bytes())
    assert facts(path).duration_ms
