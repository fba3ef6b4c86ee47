"""View ▸ Appearance ▸ Animate lyrics scrolling: off, a line change jumps and nothing ticks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QAbstractAnimation, QTimeLine, QTimer
from PySide6.QtWidgets import QApplication

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.services.settings import Keys
from ostplayer.ui.lyrics_view import LyricsView
from tests.ui_support import make_window

LRC = "".join(f"[00:{1 + 2 * i:02d}.00]line {i}\n" for i in range(25))


def found() -> FoundLyrics:
    return FoundLyrics(parse_lyrics(LRC), LyricsOrigin.LIBRARY, "saved in library")


@pytest.fixture
def view(qtbot) -> LyricsView:
    v = LyricsView(scroll_duration_ms=350)
    qtbot.addWidget(v)
    v.resize(420, 300)
    v.show()
    qtbot.waitExposed(v)
    v.set_lyrics(found())
    v.set_position(1000)
    QApplication.processEvents()
    return v


def centred(view: LyricsView, index: int) -> bool:
    doc = view.text_view
    centre = round(doc.group_viewport_rect(index).center().y())
    return abs(centre - doc.viewport().height() // 2) <= 2


def running_clocks(view: LyricsView) -> list[object]:
    """Every timer or animation under the view that is running now (would wake per frame)."""
    lines = [t for t in view.findChildren(QTimeLine) if t.state() == QTimeLine.State.Running]
    anims = [
        a
        for a in view.findChildren(QAbstractAnimation)
        if a.state() == QAbstractAnimation.State.Running
    ]
    timers = [t for t in view.findChildren(QTimer) if t.isActive()]
    return lines + anims + timers


def test_with_animation_off_the_next_line_is_centred_at_once_and_nothing_ticks(view, qtbot):
    view.set_animated(False)
    frames: list[int] = []
    for timeline in view.findChildren(QTimeLine):
        timeline.frameChanged.connect(frames.append)
    view.set_position(21_000)  # line 10, far below
    assert view.current_group_index == 10
    assert centred(view, 10)  # already there, before any event is processed
    assert running_clocks(view) == []
    qtbot.wait(100)  # a glide would have sent frames by now
    assert frames == []
    assert running_clocks(view) == []


def test_with_animation_on_the_next_line_glides_into_place(view, qtbot):
    assert view.animated  # the default
    view.set_position(21_000)
    assert not centred(view, 10)  # on its way, not there yet
    assert running_clocks(view)
    qtbot.waitUntil(lambda: centred(view, 10))


def test_turning_animation_off_mid_glide_lands_on_the_line(view, qtbot):
    view.set_position(21_000)
    assert running_clocks(view)
    view.set_animated(False)
    assert centred(view, 10)
    assert running_clocks(view) == []


def test_the_menu_choice_is_applied_and_remembered_across_restarts(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    action = window.menu_actions["lyrics-animate"]
    assert action.isCheckable() and action.isChecked()
    assert action.text().replace("&", "") == "Animate lyrics scrolling"
    assert window.lyrics.view.animated
    action.trigger()  # the user unticks it
    assert not action.isChecked()
    assert not window.lyrics.view.animated
    assert window.settings.get(Keys.ANIMATE_LYRICS) is False
    window.settings.sync()
    window.close()

    again = make_window(qtbot, tmp_path)  # the next start, same data folder
    assert not again.menu_actions["lyrics-animate"].isChecked()
    assert not again.lyrics.view.animated
