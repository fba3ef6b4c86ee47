"""Undo and redo of catalog edits in the services layer (no widgets)."""

from __future__ import annotations

from dataclasses import replace

from ui_support import make_context

from ostplayer.catalog.library import Library
from ostplayer.catalog.merges import song_merge
from ostplayer.domain.catalog_edits import delete_person, put_entry
from ostplayer.domain.models import Catalog
from ostplayer.paths import BUNDLED_CATALOG, resource_path
from ostplayer.services.edit_history import EditHistory


def history_on(tmp_path, qapp):
    ctx = make_context(tmp_path)
    history = EditHistory(ctx.library, ctx.tasks)
    messages: list[str] = []
    history.message.connect(messages.append)
    return ctx, history, messages


def rename(ctx, song_id: str, title: str):
    catalog = ctx.library.catalog
    return put_entry(catalog, replace(catalog.songs[song_id], title=title))


def test_undo_and_redo_walk_the_edits_back_and_forth(tmp_path, qapp):
    ctx, history, messages = history_on(tmp_path, qapp)
    history.apply(rename(ctx, "its-you", "One"))
    history.apply(delete_person(ctx.library.catalog, "gaho"))
    assert history.undo_label() == "Delete person “Gaho”"
    assert history.undo() and "gaho" in ctx.library.catalog.people
    assert ctx.library.catalog.songs["start-over"].performers[0].person == "gaho"
    assert history.undo() and ctx.library.catalog.songs["its-you"].title == "It’s You"
    assert not history.undo()  # nothing left
    assert history.redo() and ctx.library.catalog.songs["its-you"].title == "One"
    assert messages[-1] == "Redid: Edit song “One”"
    history.apply(rename(ctx, "its-you", "Two"))
    assert history.redo_label() == ""  # a new edit ends the redo branch
    ctx.library.close()
    reopened = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    assert reopened.catalog.songs["its-you"].title == "Two"
    assert "gaho" in reopened.catalog.people


def test_undo_of_a_merge_gives_back_plays_and_lyrics(tmp_path, qapp):
    ctx, history, _ = history_on(tmp_path, qapp)
    lib = ctx.library.library
    lib.set_saved_lyrics("our-tears", "words")
    lib.record_play("our-tears")
    history.apply(song_merge(lib, "our-tears", "one-more-step"))
    assert lib.play_stats("one-more-step").count == 1
    assert lib.saved_lyrics("one-more-step") == "words"
    history.undo()
    assert lib.play_stats("our-tears").count == 1 and lib.play_stats("one-more-step").count == 0
    assert lib.saved_lyrics("one-more-step") is None and lib.saved_lyrics("our-tears") == "words"


def test_undo_never_overwrites_what_changed_since(tmp_path, qapp):
    ctx, history, messages = history_on(tmp_path, qapp)
    history.apply(rename(ctx, "its-you", "Mine"))
    song = ctx.library.catalog.songs["its-you"]
    ctx.library.library.import_catalog(Catalog(songs={song.id: replace(song, title="Theirs")}))
    assert not history.undo()
    assert ctx.library.catalog.songs["its-you"].title == "Theirs"
    assert messages[-1] == "Cannot undo “Edit song “Mine””: song 'its-you' changed since."


def test_undoing_a_heart_keeps_the_link_and_lyrics_saved_after_it(tmp_path, qapp):
    ctx, history, _ = history_on(tmp_path, qapp)
    lib = ctx.library.library
    history.apply(history.personal_edit("its-you", "Favourite “It’s You”", favourite=True))
    audio = tmp_path / "its-you.mp3"
    audio.write_bytes(b"ID3")
    lib.link("its-you", str(audio))
    lib.set_saved_lyrics("its-you", "[00:01.00]It’s you")
    assert history.undo()  # takes back the heart, and only the heart
    assert not lib.personal("its-you").get("favourite")
    assert lib.audio_path("its-you") == str(audio)
    assert lib.saved_lyrics("its-you") == "[00:01.00]It’s you"
    assert history.redo() and lib.personal("its-you").get("favourite") is True
    assert lib.audio_path("its-you") == str(audio)
    ctx.library.close()
    reopened = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    assert reopened.audio_path("its-you") == str(audio)
    assert reopened.personal("its-you").get("favourite") is True


def test_a_quiet_moment_folds_a_long_journal_into_the_file_off_the_gui_thread(
    tmp_path, qapp, qtbot, monkeypatch
):
    import ostplayer.services.edit_history as edit_history

    monkeypatch.setattr(edit_history, "FOLD_AFTER", 3)
    ctx, history, _ = history_on(tmp_path, qapp)
    history._quiet.setInterval(50)
    for n in range(3):
        history.apply(rename(ctx, "its-you", f"Take {n}"))
    assert ctx.library.library.edits.pending() == 3
    qtbot.waitUntil(lambda: ctx.library.library.edits.pending() == 0, timeout=10_000)
    assert "Take 2" in (tmp_path / "library.json").read_text()
    history.undo()  # still undoable after the fold
    assert ctx.library.catalog.songs["its-you"].title == "Take 1"


def test_an_edit_on_a_full_disk_is_refused_in_words_and_changes_nothing(
    tmp_path, qapp, monkeypatch
):
    import errno

    import pytest

    from ostplayer.domain.catalog_edits import EditRefused

    ctx, history, _ = history_on(tmp_path, qapp)
    lib = ctx.library.library

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, f"the disk holding {tmp_path} is full")

    monkeypatch.setattr(lib.edits.journal, "append", full)
    with pytest.raises(EditRefused, match=r"could not be saved: the disk holding .* is full"):
        history.apply(rename(ctx, "its-you", "Lost"))
    assert ctx.library.catalog.songs["its-you"].title == "It’s You"
    assert history.undo_label() == ""
