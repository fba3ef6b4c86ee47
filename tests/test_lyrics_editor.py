"""LyricsEditorDialog: editing, import, tap-to-sync with a fake player, export."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.ui import lyrics_editor
from ostplayer.ui.lyrics_editor import LyricsEditorDialog


class FakePlayer:
    def __init__(self) -> None:
        self.ms = 0
        self.seeks: list[int] = []

    def position(self) -> int:
        return self.ms

    def seek(self, ms: int) -> None:
        self.seeks.append(ms)
        self.ms = ms


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch) -> None:
    # A real QMessageBox would block the test (and the teardown's close()).
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def player() -> FakePlayer:
    return FakePlayer()


@pytest.fixture
def dialog(qtbot, player) -> LyricsEditorDialog:
    d = LyricsEditorDialog("봄날", None, player.position, player.seek)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def button(d: LyricsEditorDialog, text: str) -> QPushButton:
    (b,) = [b for b in d.findChildren(QPushButton) if b.text() == text]
    return b


def go_to_sync(d: LyricsEditorDialog) -> None:
    d.show_sync_page()


def test_tap_to_sync_with_keys_and_buttons_produces_lrc(dialog, player, qtbot) -> None:
    dialog.set_text("보고 싶다\nI miss you\n\n이렇게 말하니까\n")
    go_to_sync(dialog)
    page = dialog._sync_page
    player.ms = 1234
    qtbot.keyClick(page, Qt.Key.Key_Space)
    player.ms = 2000  # tapped too early: redo it
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClick(page, Qt.Key.Key_Backspace)
    assert player.seeks == [0]  # rewound 2 s before the un-stamped tap
    player.ms = 2500
    qtbot.mouseClick(button(dialog, "Tap"), Qt.MouseButton.LeftButton)
    player.ms = 4010  # the pause, when the singing stops
    qtbot.keyClick(page, Qt.Key.Key_Enter)
    player.ms = 5300
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert dialog.session is not None and dialog.session.done
    qtbot.mouseClick(button(dialog, "Nudge −0.1 s"), Qt.MouseButton.LeftButton)  # last line
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = "[00:01.234]보고 싶다\n[00:02.50]I miss you\n[00:04.01]\n[00:05.20]이렇게 말하니까\n"
    assert dialog.result_text() == expected
    lyrics = dialog.result_lyrics()
    assert lyrics.synced and [g.time_ms for g in lyrics.groups] == [1234, 2500, 4010, 5200]


def test_synced_text_is_preloaded_and_can_be_redone_from_a_line(dialog, player, qtbot) -> None:
    dialog.set_text("[00:01.00]a\n[00:03.00]b\n[00:05.00]c\n")
    go_to_sync(dialog)
    assert dialog.session.done and dialog.session.stamps == (1000, 3000, 5000)
    dialog.select_row(1)
    qtbot.mouseClick(button(dialog, "Restart from here"), Qt.MouseButton.LeftButton)
    assert player.seeks == [1000]
    player.ms = 3300
    qtbot.keyClick(dialog._sync_page, Qt.Key.Key_Space)
    player.ms = 5600
    qtbot.keyClick(dialog._sync_page, Qt.Key.Key_Space)
    dialog._tabs.setCurrentIndex(0)  # leaving the page writes the LRC into the text
    assert dialog.text() == "[00:01.00]a\n[00:03.30]b\n[00:05.60]c\n"


def test_looking_at_the_sync_page_does_not_rewrite_the_text(dialog) -> None:
    text = "첫 줄\n  둘째 줄  \n"
    dialog.set_text(text)
    go_to_sync(dialog)
    dialog._tabs.setCurrentIndex(0)
    assert dialog.text() == text


def test_partial_sync_asks_before_saving(dialog, player, qtbot, monkeypatch) -> None:
    dialog.set_text("a\nb\nc")
    go_to_sync(dialog)
    qtbot.keyClick(dialog._sync_page, Qt.Key.Key_Space)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.save()
    assert dialog.isVisible()  # "No": keep tapping
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_text() == "[00:00.00]a\n[00:00.00]b\n[00:00.00]c\n"


def test_plain_text_is_saved_as_typed(dialog) -> None:
    dialog.set_text("[Hook: 지민]\n노래해\n")
    dialog.save()
    assert dialog.result_text() == "[Hook: 지민]\n노래해\n"
    assert not dialog.result_lyrics().synced


def test_initial_lyrics_are_shown_as_lrc(qtbot) -> None:
    initial = parse_lyrics("[ti:X]\n[00:01.00]a\n")
    d = LyricsEditorDialog("X", initial, None, None)
    qtbot.addWidget(d)
    assert d.text() == "[ti:X]\n[00:01.00]a\n"
    assert not button(d, "Tap").isEnabled()  # no player: nothing to tap against
    assert not button(d, "Export .lrc next to the audio file").isEnabled()


def test_import_decodes_legacy_korean_files(dialog, tmp_path) -> None:
    path = tmp_path / "song.txt"
    path.write_bytes("[00:01.00]사랑해\r\n[00:02.00]너를\r\n".encode("cp949"))
    assert dialog.import_file(str(path))
    assert dialog.text() == "[00:01.00]사랑해\n[00:02.00]너를\n"
    assert not dialog.import_file(str(tmp_path / "missing.lrc"))
    assert "Could not import" in dialog._status.text()


def test_export_writes_lrc_next_to_the_audio_and_reports_errors(
    qtbot, tmp_path, monkeypatch
) -> None:
    audio = tmp_path / "01. 봄날.mp3"
    audio.write_bytes(b"")
    d = LyricsEditorDialog("봄날", None, None, None, export_target=str(audio))
    qtbot.addWidget(d)
    d.set_text("[00:01.00]보고 싶다\n")
    path = d.export_lrc()
    assert path == tmp_path / "01. 봄날.lrc"
    assert path.read_text(encoding="utf-8") == "[00:01.00]보고 싶다\n"
    assert str(path) in d._status.text()
    assert d.result() != QDialog.DialogCode.Accepted  # exporting does not close the dialog

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    d.set_text("[00:02.00]changed\n")
    assert d.export_lrc() is None  # the user declined to replace
    assert path.read_text(encoding="utf-8") == "[00:01.00]보고 싶다\n"

    bad = LyricsEditorDialog("x", None, None, None, export_target=str(tmp_path / "nope" / "a.mp3"))
    qtbot.addWidget(bad)
    bad.set_text("[00:01.00]a\n")
    assert bad.export_lrc() is None
    assert "Could not export" in bad._status.text()


def test_cancel_with_changes_asks(dialog, monkeypatch) -> None:
    dialog.set_text("new")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_nudge_needs_a_stamped_line(dialog) -> None:
    dialog.set_text("a\nb")
    go_to_sync(dialog)
    dialog.nudge(lyrics_editor.NUDGE_MS)
    assert "Select a stamped line" in dialog._status.text()


# ------------------------------------------------------------------ gaps


def status(d: LyricsEditorDialog) -> str:
    return d._status.text()


def test_taps_count_only_while_playing_and_must_move_forward(qtbot, player) -> None:
    playing = [False]
    d = LyricsEditorDialog(
        "봄날", None, player.position, player.seek, is_playing=lambda: playing[0]
    )
    qtbot.addWidget(d)
    d.show()
    d.set_text("a\nb\nc")
    go_to_sync(d)
    player.ms = 1000
    qtbot.keyClick(d.sync_page, Qt.Key.Key_Space)
    assert d.session.stamps == (None, None, None)
    assert "paused" in status(d)
    playing[0] = True
    qtbot.keyClick(d.sync_page, Qt.Key.Key_Space)
    player.ms = 800  # the user dragged the slider back without stepping back
    qtbot.keyClick(d.sync_page, Qt.Key.Key_Space)
    assert d.session.stamps == (1000, None, None)
    assert "00:00.80 is not after the previous line (00:01.00)" in status(d)
    player.ms = 1000  # the same time twice would merge two lines
    d.tap()
    assert d.session.stamps == (1000, None, None)
    player.ms = 1500
    d.tap()
    assert d.session.stamps == (1000, 1500, None)


def test_nudge_right_after_a_tap_moves_the_line_just_tapped(dialog, player, qtbot) -> None:
    dialog.set_text("a\nb\nc\nd")
    go_to_sync(dialog)
    for ms in (1000, 2000):
        player.ms = ms
        qtbot.keyClick(dialog.sync_page, Qt.Key.Key_Space)
    qtbot.mouseClick(button(dialog, "Nudge +0.1 s"), Qt.MouseButton.LeftButton)
    assert dialog.session.stamps == (1000, 2100, None, None)
    player.ms = 3000
    qtbot.keyClick(dialog.sync_page, Qt.Key.Key_Space)
    qtbot.mouseClick(button(dialog, "Nudge −0.1 s"), Qt.MouseButton.LeftButton)
    assert dialog.session.stamps == (1000, 2100, 2900, None)


def test_editor_without_playback_cannot_tap_and_says_why(qtbot) -> None:
    d = LyricsEditorDialog("X", None, None, None)
    qtbot.addWidget(d)
    d.show()
    d.set_text("a\nb")
    go_to_sync(d)
    assert not d.is_live and not button(d, "Tap").isEnabled()
    assert not button(d, "Play/Pause").isEnabled()
    d.tap()
    assert d.session.stamps == (None, None)
    assert "Play this song to tap along" in status(d)
    d.set_playback(lambda: 4200, lambda ms: None, lambda: None, lambda: True)
    assert d.is_live and button(d, "Tap").isEnabled() and button(d, "Play/Pause").isEnabled()
    d.tap()
    assert d.session.stamps == (4200, None)
    d.set_playback(None, None)
    assert not button(d, "Tap").isEnabled() and not button(d, "Play from here").isEnabled()


def test_importing_an_audio_file_or_a_huge_file_is_refused(dialog, tmp_path) -> None:
    mp3 = tmp_path / "song.mp3"
    mp3.write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00\xff" * 500)
    dialog.set_text("kept")
    assert not dialog.import_file(str(mp3))
    assert status(dialog) == "Could not import song.mp3: it is an MP3 audio file, not lyrics."
    big = tmp_path / "big.txt"
    big.write_bytes(b"la la la\n" * 120_000)
    assert not dialog.import_file(str(big))
    assert "too large for a lyrics file (1.0 MB; the limit is 1 MB)" in status(dialog)
    assert dialog.text() == "kept"


def test_export_asks_before_replacing_a_case_variant(qtbot, tmp_path, monkeypatch) -> None:
    audio = tmp_path / "song.mp3"
    old = tmp_path / "song.LRC"
    old.write_text("[00:01.00]old\n", encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, title, text: asked.append(text) or QMessageBox.StandardButton.No,
    )
    d = LyricsEditorDialog("x", None, None, None, export_target=str(audio))
    qtbot.addWidget(d)
    d.set_text("[00:02.00]new\n")
    assert d.export_lrc() is None
    assert asked and "song.LRC" in asked[0]
    assert old.read_text(encoding="utf-8") == "[00:01.00]old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.LRC"]


def test_export_to_a_read_only_folder_explains(qtbot, tmp_path, monkeypatch) -> None:
    import tempfile

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    # Root ignores chmod, so the refusal of a read-only folder is simulated at mkstemp.
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    d = LyricsEditorDialog("x", None, None, None, export_target=str(tmp_path / "song.mp3"))
    qtbot.addWidget(d)
    d.set_text("[00:01.00]a\n")
    assert d.export_lrc() is None
    assert status(d).startswith(f"Could not export song.lrc: the folder {tmp_path} is read-only")
