"""A note on a drama, written on its page in the window, is there after reopening."""

from __future__ import annotations

import json

from PySide6.QtCore import QUrl
from ui_support import make_window

NOTE = "Watched with Mum.\n  Ep. 8 — the rooftop"


def click(w, url: str) -> None:
    w.page_view.anchorClicked.emit(QUrl(url))


def test_a_drama_note_written_on_its_page_is_there_after_reopening(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    click(w, "ost:drama/itaewon-class")
    assert "Edit my notes…" in w.page_view.toPlainText()
    asked = []
    w.editing.personal.ask_drama_notes = lambda did, current: asked.append((did, current)) or NOTE
    click(w, "ost:action/drama-notes/itaewon-class")
    assert asked == [("itaewon-class", "")]
    text = w.page_view.toPlainText()
    assert "My notes" in text and "Watched with Mum.\n  Ep. 8 — the rooftop" in text
    assert "Itaewon Class" in w.editing.history.undo_label()
    w.close()
    w.library.library.close()

    again = make_window(qtbot, tmp_path)
    click(again, "ost:drama/itaewon-class")
    assert "Watched with Mum.\n  Ep. 8 — the rooftop" in again.page_view.toPlainText()
    again.editing.personal.ask_drama_notes = lambda _did, current: current + "\nand again"
    click(again, "ost:action/drama-notes/itaewon-class")
    assert "the rooftop\nand again" in again.page_view.toPlainText()
    again.editing.history.undo()  # Ctrl+Z takes the note back, as for a song's notes
    text = again.page_view.toPlainText()
    assert "the rooftop" in text and "and again" not in text


def test_export_asks_with_an_unticked_box_and_ticked_it_carries_the_notes(qtbot, tmp_path):
    from PySide6.QtWidgets import QCheckBox

    w = make_window(qtbot, tmp_path / "data")
    click(w, "ost:drama/itaewon-class")
    w.editing.personal.ask_drama_notes = lambda _did, _current: NOTE
    click(w, "ost:action/drama-notes/itaewon-class")
    dialog, box = w.io.export_dialog()
    assert box.text().startswith("Include my personal data (favourites, ratings, notes")
    assert not box.isChecked() and dialog.findChild(QCheckBox, "export-personal") is box
    dialog.deleteLater()
    messages = []
    w.io.message.connect(messages.append)
    for name, personal in (("plain.json", False), ("mine.json", True)):
        task = w.io.export_file(tmp_path / name, include_personal=personal)
        qtbot.waitUntil(lambda t=task: not t.is_running(), timeout=30_000)
        qtbot.waitUntil(lambda n=name: any(n in m for m in messages))
    assert "catalog only" in messages[0] and "with your personal data" in messages[1]
    assert "personal" not in json.loads((tmp_path / "plain.json").read_text("utf-8"))
    section = json.loads((tmp_path / "mine.json").read_text("utf-8"))["personal"]
    assert section["dramas"] == [{"drama": "itaewon-class", "notes": NOTE}]
