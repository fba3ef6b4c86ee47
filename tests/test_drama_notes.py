"""Notes on dramas without Qt: kept as written, reopened, undone, and kept through a merge or
a delete and its undo."""

from __future__ import annotations

from ostplayer.catalog.edits import Edit
from ostplayer.catalog.library import Library
from ostplayer.catalog.merges import drama_merge
from ostplayer.catalog.personal_dramas import DRAMAS_NAME
from ostplayer.domain.catalog_edits import delete_drama
from ostplayer.domain.personal_keys import drama_notes_edit
from ostplayer.paths import BUNDLED_CATALOG, resource_path

NOTE = "Watched it twice.\n  The rooftop scene — ep. 8\n\n한국어도 그대로"


def open_library(path) -> Library:
    return Library(path, resource_path(BUNDLED_CATALOG))


def note_edit(lib: Library, drama_id: str, text: str) -> Edit:
    return drama_notes_edit("Notes", drama_id, lib.drama_personal.row(drama_id), text)


def test_a_note_is_kept_exactly_as_written_and_survives_reopening(tmp_path):
    lib = open_library(tmp_path)
    seen = []
    lib.events.subscribe(seen.append)
    lib.edits.apply(note_edit(lib, "itaewon-class", NOTE))
    assert lib.drama_notes("itaewon-class") == NOTE
    assert any("itaewon-class" in change.dramas for change in seen)  # the page redraws
    assert lib.edits.pending() == 0  # a note is no catalog edit: no journal line
    lib.close()
    again = open_library(tmp_path)
    assert again.drama_notes("itaewon-class") == NOTE
    assert again.notices == []
    song_data = tmp_path / "personal.json"
    assert not song_data.exists() or "Watched" not in song_data.read_text(encoding="utf-8")


def test_undo_takes_a_note_back_and_redo_brings_it(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(note_edit(lib, "hwarang", "first"))
    done = lib.edits.apply(note_edit(lib, "hwarang", "second"))
    lib.edits.undo(done)
    assert lib.drama_notes("hwarang") == "first"
    lib.edits.apply(done)
    assert lib.drama_notes("hwarang") == "second"


def test_song_writes_do_not_touch_drama_notes(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(note_edit(lib, "hwarang", NOTE))
    lib.update_personal("our-tears", favourite=True)
    lib.link_many({"its-you": [str(tmp_path / "a.mp3")]})
    assert open_library(tmp_path).drama_notes("hwarang") == NOTE


def test_merging_two_dramas_keeps_both_notes_and_undo_restores_each(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(note_edit(lib, "hwarang", "source note"))
    lib.edits.apply(note_edit(lib, "she-was-pretty", "target note"))
    done = lib.edits.apply(drama_merge(lib, "hwarang", "she-was-pretty"))
    assert "hwarang" not in lib.catalog.dramas
    assert lib.drama_notes("she-was-pretty") == "target note\n\nsource note"
    assert open_library_after(lib, tmp_path).drama_notes("she-was-pretty").endswith("source note")
    lib = open_library(tmp_path)
    lib.edits.undo(done)
    assert lib.drama_notes("she-was-pretty") == "target note"
    assert lib.drama_notes("hwarang") == "source note"
    lib.edits.apply(done)  # redo: joined once, not twice
    assert lib.drama_notes("she-was-pretty") == "target note\n\nsource note"


def open_library_after(lib: Library, path) -> Library:
    lib.close()
    return open_library(path)


def test_deleting_a_drama_keeps_its_note_for_the_undo(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(note_edit(lib, "itaewon-class", NOTE))
    done = lib.edits.apply(delete_drama(lib.catalog, "itaewon-class"))
    assert "itaewon-class" not in lib.catalog.dramas
    lib.edits.undo(done)
    assert lib.catalog.dramas["itaewon-class"] and lib.drama_notes("itaewon-class") == NOTE


def test_a_damaged_notes_file_is_moved_aside_and_its_backup_used(tmp_path):
    lib = open_library(tmp_path)
    lib.edits.apply(note_edit(lib, "hwarang", NOTE))
    lib.close()
    path = tmp_path / DRAMAS_NAME
    path.write_bytes(path.read_bytes().replace(b"rooftop", b"roofTop"))  # a bit flip
    again = open_library(tmp_path)
    assert again.drama_notes("hwarang") == NOTE
    assert any("restored from their backup" in n for n in again.notices)
    assert list(tmp_path.glob("personal_dramas*.json*")) != [path]  # the damaged one is kept
