"""A folder dropped on the window is scanned in the background: progress shows in the status
bar, the new drama appears in the browser, the catalog song gets its file, and the banner
offers the review of the match the scan was not sure of, where the user accepts it."""

from __future__ import annotations

import threading
from pathlib import Path

from audio_files import AudioMaker, tag_id3, tag_vorbis
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton
from ui_support import make_window, visible_song_titles

from ostplayer.catalog.scan_apply import load_review
from ostplayer.ui.browser_model import AUDIO_ROLE
from ostplayer.ui.review_dialog import ReviewDialog

pytest_plugins = ("audio_files",)


def small_folder(audio: AudioMaker, root: Path) -> Path:
    f = audio.make(root / "이태원 클라쓰 OST Part.2" / "01 시작.mp3", "mp3", 1.0, sound=1)
    tag_id3(f, {"title": "시작", "artist": "가호", "album": "이태원 클라쓰 OST Part.2"})
    f = audio.make(root / "나의 아저씨 OST Part.2" / "01 어른.flac", "flac", 1.2, sound=2)
    tag_vorbis(f, [("TITLE", "어른"), ("ARTIST", "손디아"), ("ALBUM", "나의 아저씨 OST Part.2")])
    f = audio.make(root / "화랑" / "서로의 눈물.mp3", "mp3", 1.1, sound=4)
    tag_id3(f, {"title": "서로의 눈물", "artist": "박서준", "album": "화랑 OST Part.9"})
    return root


def drop(window, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()


def group_labels(window) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_dropped_folder_is_scanned_and_its_uncertain_match_reviewed(
    qtbot, tmp_path: Path, audio: AudioMaker
) -> None:
    music = small_folder(audio, tmp_path / "Music")
    w = make_window(qtbot, tmp_path / "data")
    scan = w.ctx.scan
    shown: list[tuple[bool, str]] = []
    scan.progressed.connect(
        lambda *_: shown.append((w.scan_progress.isVisible(), w.scan_progress.label.text()))
    )
    assert "나의 아저씨" not in group_labels(w)

    with qtbot.waitSignal(scan.finished, timeout=60_000) as finished:
        drop(w, music)
        assert scan.is_running()  # off the GUI thread: the drop returned at once
    report = finished.args[0]
    assert not report.cancelled
    # Fingerprints follow in the background, after the result is shown.
    assert scan.fingerprints is not None and scan.fingerprints.wait(60)

    assert shown and all(visible for visible, _ in shown)
    assert any(text.startswith("Scanning") for _, text in shown)
    assert not w.scan_progress.isVisible()
    assert w.statusBar().currentMessage().startswith("Scanned 3 files")
    assert scan.music_folders() == [str(music)]

    # The new drama and its song are in the browser; the catalog song got its file.
    qtbot.waitUntil(lambda: "나의 아저씨" in group_labels(w))
    assert "어른" in visible_song_titles(w)
    start_over = str(music / "이태원 클라쓰 OST Part.2" / "01 시작.mp3")
    assert w.library.audio_files("start-over") == [start_over]
    assert w.model.find_song("start-over").data(AUDIO_ROLE) == "linked"

    # The one the scan was not sure of waits in the banner.
    banner = w.review_banner
    assert banner.isVisible()
    assert banner.label.text().startswith("1 scanned file could not be matched for sure")
    assert w.library.audio_files("our-tears") == []
    # Kept for the next start too (written off the GUI thread).
    review_file = w.ctx.paths.scan_review_file
    qtbot.waitUntil(lambda: len(load_review(review_file, w.library.catalog)) == 1)

    answered: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReviewDialog)
        (choice,) = dialog.findChildren(QComboBox)
        answered.append(choice.itemText(0))
        choice.setCurrentIndex(0)  # the best candidate
        dialog.findChild(QPushButton, "applyReview").click()

    writers: list[threading.Thread] = []
    w.library.library.events.subscribe(lambda _c: writers.append(threading.current_thread()))
    QTimer.singleShot(0, answer)
    review = next(b for b in banner.findChildren(QPushButton) if b.text() == "Review…")
    review.click()

    assert answered and answered[0].startswith("Our Tears")
    tears = str(music / "화랑" / "서로의 눈물.mp3")
    qtbot.waitUntil(lambda: w.library.audio_files("our-tears") == [tears])
    # Written by a worker: the window never waits on the disk for the answers.
    assert writers and threading.main_thread() not in writers
    qtbot.waitUntil(lambda: w.model.find_song("our-tears").data(AUDIO_ROLE) == "linked")
    assert not banner.isVisible()
    qtbot.waitUntil(
        lambda: w.statusBar().currentMessage().startswith("Review applied: 1 files linked")
    )
    assert scan.review == []
    qtbot.waitUntil(lambda: load_review(review_file, w.library.catalog) == [])


def test_a_second_drop_while_scanning_is_refused_with_a_message(
    qtbot, tmp_path: Path, audio: AudioMaker
) -> None:
    music = small_folder(audio, tmp_path / "Music")
    w = make_window(qtbot, tmp_path / "data")
    with qtbot.waitSignal(w.ctx.scan.finished, timeout=60_000):
        drop(w, music)
        drop(w, music / "화랑")
        assert w.statusBar().currentMessage().startswith("Wait for the running scan")
    assert w.ctx.scan.fingerprints.wait(60)
