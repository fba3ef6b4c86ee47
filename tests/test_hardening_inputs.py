"""Hostile inputs shown or read by the window: markup stays text, special files never block.

Every text that comes from a file, a tag or a catalog is shown as plain text: a title with
``<img>`` in it must not load an image, in the lyrics editor, in the question before a link
is replaced, in the box that says an import failed. A lyrics sidecar or an "audio file" that
is a FIFO or a link to a device is answered ("unreadable") at once, never waited on.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hardening_support import finishes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from ui_support import make_window

from ostplayer.media.lyrics_files import find_sidecar, resolve_lyrics
from ostplayer.ui.lyrics_editor import LyricsEditorDialog
from ostplayer.ui.plain_text import as_html

MARKUP = "<img src='/tmp/evil.png'><b>Bold</b> &amp;"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def test_as_html_shows_markup_literally() -> None:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(as_html(MARKUP + "\nsecond line"))
    assert doc.toPlainText() == MARKUP + "\nsecond line"
    assert "<img" not in doc.toHtml().replace("&lt;img", "")
    assert as_html("") == ""


def test_the_lyrics_editor_shows_a_title_with_markup_as_text(qtbot) -> None:
    dialog = LyricsEditorDialog(MARKUP, None, lambda: 0, lambda ms: None)
    qtbot.addWidget(dialog)
    assert MARKUP in dialog.windowTitle()  # window titles are never rich text
    for label in dialog.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_the_replace_question_shows_file_names_and_title_as_text(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    w = make_window(qtbot, tmp_path / "data")
    song = next(iter(w.library.catalog.songs))
    wav = _wav()
    first = tmp_path / "<b>first&amp;.wav"
    second = tmp_path / "<img src='x.png'>.wav"
    first.write_bytes(wav)
    second.write_bytes(wav)
    assert w.actions_.link(song, str(first), confirm_replace=False)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No,
    )
    assert not w.actions_.link(song, str(second))  # asked, and the answer was No
    assert w.library.audio_path(song) == str(first)
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(asked[0])
    assert "<b>first&amp;.wav" in doc.toPlainText()
    assert "<img src='x.png'>.wav" in doc.toPlainText()


def test_a_failed_import_box_shows_the_file_name_as_text(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "<img src='evil.png'>.json"
    bad.write_text("{ not json")
    w = make_window(qtbot, tmp_path / "data")
    task = w.io.import_file(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    task.wait()
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(shown[0])
    assert "<img src='evil.png'>.json" in doc.toPlainText()
    assert "<img" not in doc.toHtml().replace("&lt;img", "")
    assert "Traceback" not in doc.toPlainText()


def _wav() -> bytes:
    import io
    import wave

    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 800)
    return buf.getvalue()


# ------------------------------------------------------------------ special files


@pytest.mark.parametrize("device", ["/dev/urandom", "/dev/zero"])
def test_a_sidecar_linked_to_a_device_is_skipped_at_once(tmp_path: Path, device: str) -> None:
    audio = tmp_path / "song.mp3"
    audio.write_bytes(_wav())
    (tmp_path / "song.lrc").symlink_to(device)
    (tmp_path / "song.txt").write_text("the real lyrics", encoding="utf-8")
    started = time.monotonic()
    found = finishes(lambda: find_sidecar(audio), 5)
    assert time.monotonic() - started < 2
    assert found is not None and found.detail.endswith("song.txt")


@needs_fifo
@pytest.mark.parametrize("what", ["lrc-fifo", "audio-fifo", "audio-urandom"])
def test_resolving_lyrics_never_blocks_on_special_files(tmp_path: Path, what: str) -> None:
    audio = tmp_path / "song.mp3"
    if what == "lrc-fifo":
        audio.write_bytes(_wav())
        os.mkfifo(tmp_path / "song.lrc")
    elif what == "audio-fifo":
        os.mkfifo(audio)
    else:
        audio.symlink_to("/dev/urandom")
    found = finishes(lambda: resolve_lyrics(None, audio, "the excerpt"), 5)
    assert found is not None and found.detail == "catalog excerpt"


@needs_fifo
def test_restoring_a_song_page_whose_sidecar_is_a_fifo_does_not_hang(qtbot, tmp_path: Path) -> None:
    audio = tmp_path / "song.wav"
    audio.write_bytes(_wav())
    os.mkfifo(tmp_path / "song.lrc")
    data = tmp_path / "data"
    w = make_window(qtbot, data)
    song = next(iter(w.library.catalog.songs))
    w.library.link(song, audio)
    started = time.monotonic()
    w.browser.select_song(song)  # shows the page and asks for its lyrics
    qtbot.waitUntil(lambda: w.lyrics.song_id == song, timeout=5000)
    assert time.monotonic() - started < 3
