"""A deleted song keeps its personal row (an undo brings its link back), but its file stops
counting as one of the library's linked files, at start-up too."""

from __future__ import annotations

from ui_support import make_context
from vlc_support import make_wav

from ostplayer.domain.catalog_edits import delete_song


def test_a_deleted_songs_file_is_not_counted_as_linked(qtbot, tmp_path):
    context = make_context(tmp_path / "data")
    library = context.library
    wav = make_wav(tmp_path / "its-you.wav", 0.5)
    other = make_wav(tmp_path / "start-over.wav", 0.5)
    library.link("its-you", wav)
    library.link("start-over", other)
    qtbot.waitUntil(lambda: library.counts() == (2, 0))
    done = library.library.edits.apply(delete_song(library.catalog, "its-you"))
    assert library.counts() == (1, 0) and library.audio_state("its-you") == "none"
    library.library.edits.undo(done)
    qtbot.waitUntil(lambda: library.counts() == (2, 0))
    library.library.edits.apply(delete_song(library.catalog, "its-you"))
    assert library.library.audio_path("its-you") == str(wav)  # the row stays, for an undo
    context.shutdown()
    # At the next start: one linked file, not two.
    again = make_context(tmp_path / "data")
    try:
        qtbot.waitUntil(lambda: again.library.audio_state("start-over") == "linked")
        assert again.library.counts() == (1, 0)
        assert again.library.audio_state("its-you") == "none"
    finally:
        again.shutdown()
