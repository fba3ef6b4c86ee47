"""The side files beside the library (edit journal, online lookups cache, music folders): a FIFO
in their place, a line nested thousands deep or a torn file never hangs or crashes start-up;
the file is moved aside, the user is told, and what can be read is kept."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from ostplayer.catalog.edits import JOURNAL_NAME
from ostplayer.catalog.library import Library
from ostplayer.catalog.lyrics_lookup_cache import LookupCache
from ostplayer.domain.catalog_edits import put_entry
from ostplayer.media.music_folders import MusicFolders
from ostplayer.paths import BUNDLED_CATALOG, resource_path

SEED = resource_path(BUNDLED_CATALOG)
DEEP = b"[" * 100_000 + b"]" * 100_000


def opened_within(make, seconds: float = 10.0):
    """``make()`` on a thread: a hang on a FIFO fails the test instead of hanging it."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(make()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"still opening after {seconds} s (it waits on the FIFO)"
    return box[0]


def rename(lib: Library, song_id: str, title: str) -> None:
    lib.edits.apply(put_entry(lib.catalog, replace(lib.catalog.songs[song_id], title=title)))


def test_a_fifo_for_the_edit_journal_is_moved_aside_and_said(tmp_path):
    Library(tmp_path, SEED).close()
    os.mkfifo(tmp_path / JOURNAL_NAME)
    lib = opened_within(lambda: Library(tmp_path, SEED))
    assert any("edit journal could not be read" in n and "named pipe" in n for n in lib.notices)
    assert not (tmp_path / JOURNAL_NAME).exists() or (tmp_path / JOURNAL_NAME).is_file()
    assert [p for p in tmp_path.iterdir() if p.name.startswith("library.edits") and p.is_fifo()]
    rename(lib, "its-you", "After the pipe")  # edits work again, in a new journal
    lib.close()
    assert Library(tmp_path, SEED).catalog.songs["its-you"].title == "After the pipe"


def test_a_deeply_nested_journal_line_is_skipped_and_kept_aside(tmp_path):
    lib = Library(tmp_path, SEED)
    rename(lib, "its-you", "First")
    lib._personal_file.close()  # no fold: the edits stay in the journal
    journal = tmp_path / JOURNAL_NAME
    with open(journal, "ab") as fh:
        fh.write(DEEP + b"\n")
    again = Library(tmp_path, SEED)
    rename(again, "our-tears", "Second")
    again._personal_file.close()
    lines = journal.read_bytes()
    # The damaged line sits between good ones: not a crash mid-append, it is said as damage.
    third = Library(tmp_path, SEED)
    assert third.catalog.songs["its-you"].title == "First"
    assert third.catalog.songs["our-tears"].title == "Second"
    notice = next(n for n in third.notices if "damaged line" in n)
    kept = notice.rsplit(" is in ", 1)[1].rstrip(".")
    assert Path(kept).read_bytes() == lines  # the journal as it was, damaged line and all
    third.close()  # the fold drops the damaged line: the next start says nothing
    assert not [n for n in Library(tmp_path, SEED).notices if "journal" in n]


def test_the_lookup_cache_survives_a_fifo_and_deep_nesting(tmp_path):
    path = tmp_path / "online-lyrics.jsonl"
    cache = LookupCache(path)
    cache.put("start-over", "k", "not_found")
    with open(path, "ab") as fh:
        fh.write(DEEP + b"\n")
    again = LookupCache(path)  # no RecursionError: that line is skipped
    assert again.get("start-over", "k")["status"] == "not_found"
    assert again.unusable is None
    path.unlink()
    os.mkfifo(path)
    piped = opened_within(lambda: LookupCache(path))
    assert piped.unusable and "named pipe" in piped.unusable and "moved to" in piped.unusable
    piped.put("its-you", "k", "not_found")  # appends to a new file, never to the pipe
    assert path.is_file() and LookupCache(path).get("its-you", "k") is not None


def test_a_damaged_music_folders_file_is_moved_aside_said_and_what_is_readable_kept(tmp_path):
    path = tmp_path / "music-folders.json"
    folders = MusicFolders(path)
    folders.save(["/music/ost", "/music/kpop", "/music/more"])
    whole = path.read_bytes()
    path.write_bytes(whole[: whole.index(b"/music/more") + 4])  # a torn write
    torn = MusicFolders(path)
    assert torn.load() == ["/music/ost", "/music/kpop"]
    assert len(torn.notices) == 1 and "could not be read" in torn.notices[0]
    assert "2 folder(s) could still be read" in torn.notices[0]
    moved = [p for p in tmp_path.iterdir() if p != path]
    assert len(moved) == 1 and moved[0].read_bytes() == whole[: whole.index(b"/music/more") + 4]
    # Kept on disk: adding a folder later does not lose the two.
    assert MusicFolders(path).add("/music/new") == ["/music/ost", "/music/kpop", "/music/new"]


def test_a_fifo_or_deep_nesting_for_music_folders_never_hangs_or_crashes(tmp_path):
    path = tmp_path / "music-folders.json"
    os.mkfifo(path)
    piped = MusicFolders(path)
    assert opened_within(piped.load) == []
    assert "named pipe" in piped.notices[0]
    path.write_bytes(DEEP)
    deep = MusicFolders(path)
    assert deep.load() == [] and "nested" in deep.notices[0]


def test_the_window_says_the_music_folders_were_damaged(qapp, tmp_path):
    from ui_support import make_context

    context = make_context(tmp_path)
    try:
        context.scan.folders.save(["/music/ost"])
        context.scan.folders.path.write_bytes(b'{"folders": ["/music/ost", "/mus')
    finally:
        context.shutdown()
    again = make_context(tmp_path)
    try:
        assert any("music folders could not be read" in n for n in again.notices), again.notices
        assert again.scan.music_folders() == ["/music/ost"]
    finally:
        again.shutdown()


def test_the_window_says_the_lookup_cache_was_moved_aside(qapp, tmp_path):
    from ui_support import make_context

    from ostplayer.integrations.lyrics_providers.wiring import CACHE_NAME, make_online_lyrics

    context = make_context(tmp_path)
    try:
        context.paths.cache.mkdir(parents=True, exist_ok=True)
        os.mkfifo(context.paths.cache / CACHE_NAME)
        service = opened_within(lambda: make_online_lyrics(context))
        assert service.cache.unusable in context.notices
        assert "online lyrics cache could not be read" in service.cache.unusable
    finally:
        context.shutdown()
