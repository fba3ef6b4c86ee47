"""Chromaprint fingerprints through fpcalc: the same recording in different encodings matches,
different recordings do not, and nothing (a FIFO, a slow fpcalc, no fpcalc) can hang a scan."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest
from audio_files import AudioMaker

from ostplayer.domain.track_facts import TrackFacts
from ostplayer.media.fingerprint import (
    Fingerprint,
    available,
    compress_fingerprint,
    decompress_fingerprint,
    fingerprint,
    similarity,
)
from ostplayer.media.scan_reader import read_one

pytest_plugins = ("audio_files",)

needs_fpcalc = pytest.mark.skipif(
    not available(), reason="fpcalc (libchromaprint-tools) is not installed"
)
SECONDS = 12.0


def print_of(path: Path) -> Fingerprint:
    found = fingerprint(path)
    assert found is not None, path
    return found


@needs_fpcalc
def test_same_recording_in_three_encodings_scores_high(audio: AudioMaker) -> None:
    wav = print_of(audio.clip("wav", SECONDS, sound=1))
    mp3 = print_of(audio.clip("mp3", SECONDS, sound=1))
    m4a = print_of(audio.clip("m4a", SECONDS, sound=1))
    assert abs(wav.duration_s - SECONDS) < 0.5 and len(wav.raw) > 50
    assert similarity(wav.raw, mp3.raw) > 0.8
    assert similarity(wav.raw, m4a.raw) > 0.8
    assert similarity(mp3.raw, m4a.raw) > 0.8


@needs_fpcalc
def test_different_recordings_score_low(audio: AudioMaker) -> None:
    prints = [print_of(audio.clip("mp3", SECONDS, sound=s)).raw for s in (1, 2, 3)]
    for i, a in enumerate(prints):
        for b in prints[i + 1 :]:
            assert similarity(a, b) < 0.4


@needs_fpcalc
def test_a_later_start_still_matches(audio: AudioMaker) -> None:
    whole = print_of(audio.clip("wav", SECONDS, sound=1)).raw
    assert similarity(whole[24:], whole) > 0.95  # ~3 s of lead-in missing
    assert similarity(whole, whole) == 1.0


@needs_fpcalc
def test_compressed_form_is_what_fpcalc_itself_prints(audio: AudioMaker) -> None:
    clip = audio.clip("flac", SECONDS, sound=2)
    ours = print_of(clip)
    done = subprocess.run(
        ["fpcalc", "-json", str(clip)], capture_output=True, timeout=60, check=False
    )
    assert json.loads(done.stdout)["fingerprint"] == ours.compressed
    assert decompress_fingerprint(ours.compressed) == ours.raw


def test_compression_round_trips_words_with_large_gaps() -> None:
    words = (0, 0xFFFFFFFF, 0x80000001, 0x00010000, 0x12345678, 0x80000000, 1)
    assert decompress_fingerprint(compress_fingerprint(words)) == words
    assert decompress_fingerprint("not base64!") == ()
    assert decompress_fingerprint("AQAA") == ()


def test_similarity_of_nothing_is_zero() -> None:
    assert similarity((), (1, 2, 3)) == 0.0


@needs_fpcalc
def test_no_fingerprint_for_what_is_not_audio(tmp_path: Path) -> None:
    (tmp_path / "cover.mp3").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 500)
    assert fingerprint(tmp_path / "cover.mp3") is None
    assert fingerprint(tmp_path / "missing.mp3") is None
    (tmp_path / "album.mp3").mkdir()
    assert fingerprint(tmp_path / "album.mp3") is None


def test_a_fifo_is_never_handed_to_fpcalc(tmp_path: Path) -> None:
    fifo = tmp_path / "stream.mp3"
    os.mkfifo(fifo)
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(fingerprint(fifo)), daemon=True)
    thread.start()
    thread.join(timeout=5)
    assert not thread.is_alive() and results == [None]


def test_a_stuck_fpcalc_is_killed_at_the_timeout(tmp_path: Path) -> None:
    slow = tmp_path / "slow-fpcalc"
    slow.write_text("#!/bin/sh\nsleep 30\necho done\n")  # sh waits: a child holds the pipe
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    song = tmp_path / "song.mp3"
    song.write_bytes(b"ID3")
    started = time.monotonic()
    assert fingerprint(song, timeout_s=0.5, fpcalc=str(slow)) is None
    assert time.monotonic() - started < 5


def test_without_fpcalc_nothing_is_fingerprinted(tmp_path: Path) -> None:
    song = tmp_path / "song.mp3"
    song.write_bytes(b"ID3")
    assert not available("no-such-fpcalc")
    assert fingerprint(song, fpcalc="no-such-fpcalc") is None


@needs_fpcalc
def test_scan_reader_adds_fingerprints_when_asked(audio: AudioMaker, tmp_path: Path) -> None:
    path = str(audio.make(tmp_path / "song.mp3", "mp3", SECONDS, sound=1))
    plain = read_one(path)
    printed = read_one(path, fingerprints=True)
    assert isinstance(printed, TrackFacts) and plain.fingerprint == ""
    raw = decompress_fingerprint(printed.fingerprint)
    assert similarity(raw, print_of(audio.clip("wav", SECONDS, sound=1)).raw) > 0.8
