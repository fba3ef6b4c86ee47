"""A file the user said "None of these" for in the scan review is not asked about again by the
next rescan while it is the same file; changed (new tags), it is asked about again."""

from __future__ import annotations

import os
from pathlib import Path

from audio_files import AudioMaker, tag_id3
from ui_support import make_context

from ostplayer.catalog.scan_apply import load_review
from ostplayer.services.scan_service import Decision

pytest_plugins = ("audio_files",)


def uncertain_file(audio: AudioMaker, root: Path) -> Path:
    f = audio.make(root / "화랑" / "서로의 눈물.mp3", "mp3", 1.1, sound=4)
    tag_id3(f, {"title": "서로의 눈물", "artist": "박서준", "album": "화랑 OST Part.9"})
    return f


def scanned(qtbot, scan, roots) -> object:
    with qtbot.waitSignal(scan.finished, timeout=60_000) as done:
        assert scan.scan(roots) is not None
    if scan.fingerprints is not None:
        assert scan.fingerprints.wait(60)
    return done.args[0]


def test_no_is_remembered_and_a_rescan_does_not_ask_again(qtbot, tmp_path, audio) -> None:
    music = tmp_path / "Music"
    f = uncertain_file(audio, music)
    context = make_context(tmp_path / "data")
    scan = context.scan
    try:
        scan.folders.add(music)
        scanned(qtbot, scan, [str(music)])
        assert [item.paths for item in scan.review] == [(str(f),)]
        with qtbot.waitSignal(scan.decided, timeout=30_000) as decided:
            task = scan.decide([Decision(scan.review[0], None)])
            assert task is not None  # the answers are written by a task, not the GUI thread
        assert "1 files left out" in str(decided.args[0])
        assert scan.review == [] and context.library.audio_files("our-tears") == []
        qtbot.waitUntil(
            lambda: load_review(context.paths.scan_review_file, context.library.catalog) == []
        )

        report = scanned(qtbot, scan, scan.music_folders())  # the rescan at the next start
        assert report.review == [] and scan.review == []
        assert context.library.audio_files("our-tears") == []  # still left out
        # New tags (a new modification time): the scan asks again with what they say.
        tag_id3(f, {"title": "서로의 눈물", "artist": "박서준", "album": "화랑 OST Part.9"})
        os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 10**9))
        scanned(qtbot, scan, scan.music_folders())
        assert [item.paths for item in scan.review] == [(str(f),)]
    finally:
        context.shutdown()
