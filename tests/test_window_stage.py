"""The full-screen lyrics stage: everything but the lyrics and the transport steps aside, the
stage reaches the window's edges, and leaving it puts the window back."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from ui_support import make_window


def test_the_stage_fills_the_window_edge_to_edge_and_leaving_restores_it(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    view = w.lyrics.view
    w.set_lyrics_mode(True)
    qtbot.waitUntil(lambda: not w.browser.isVisible() and not w.page_view.isVisible())
    assert view.isVisible() and not w.menuBar().isVisible()
    assert w.menu_actions["lyrics-mode"].isChecked()
    qtbot.waitUntil(lambda: view.mapTo(w, QPoint(0, 0)) == QPoint(0, 0), timeout=3000)
    right = view.mapTo(w, QPoint(view.width(), 0)).x()
    assert right == w.centralWidget().width()  # no strip of window grey at the side
    # Reset is disabled at "On time", and looks it on the stage's own palette too.
    pal = view.palette()
    assert pal.color(pal.ColorGroup.Disabled, pal.ColorRole.ButtonText) != pal.color(
        pal.ColorGroup.Active, pal.ColorRole.ButtonText
    )

    w.set_lyrics_mode(False)
    qtbot.waitUntil(lambda: w.browser.isVisible() and w.page_view.isVisible())
    assert w.menuBar().isVisible() and not w.menu_actions["lyrics-mode"].isChecked()
    qtbot.waitUntil(lambda: view.mapTo(w.centralWidget(), QPoint(0, 0)).y() == 6, timeout=3000)
