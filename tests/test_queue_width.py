"""Showing the queue never squeezes the page or the lyrics below a readable width, at the
window's default size, in Korean as in English (Korean lines stacked a syllable per row
when the lyrics column was squeezed to ~45 px)."""

from __future__ import annotations

from ui_support import make_window


def test_the_queue_leaves_the_page_and_lyrics_readable(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.resize(1180, 760)
    w.queue_dock.show()
    qtbot.waitUntil(lambda: w.queue_panel.width() > 0)
    qtbot.wait(50)
    assert w.queue_panel.width() <= 340
    assert w.page_view.width() >= 320
    assert w.lyrics.view.width() >= 220
    # Dragging the splitter cannot collapse the lyrics to nothing either.
    w.content_splitter.setSizes([2000, 0])
    qtbot.wait(20)
    assert w.lyrics.view.width() >= 220
