"""Enhanced LRC: the words of the current line fill as they are sung; further lines sit smaller."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import QPalette
from ui_support import make_window
from vlc_support import VLC_TEST_ARGS, make_wav, require_vlc

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.ui.lyrics_view import LyricsView

KARAOKE = (
    "[00:01.00]<00:01.00>보고 <00:01.50>싶다 <00:02.20>너를<00:03.00>\n"
    "[00:01.00]I miss you\n"
    "[00:04.00]<00:04.00>next <00:04.40>line<00:05.00>\n"
)


def found(text: str = KARAOKE) -> FoundLyrics:
    return FoundLyrics(parse_lyrics(text), LyricsOrigin.LIBRARY, "saved in library")


@pytest.fixture
def view(qtbot) -> LyricsView:
    v = LyricsView(scroll_duration_ms=0)
    qtbot.addWidget(v)
    v.resize(420, 360)
    v.show()
    qtbot.waitExposed(v)
    v.set_lyrics(found())
    return v


def sung(view: LyricsView) -> str:
    """Text drawn in the highlight (accent) colour: the words sung already."""
    return view.text_view.colored_text(view.palette().color(QPalette.ColorRole.Accent))


def unsung(view: LyricsView) -> str:
    """Text of the current group in the current-line colour: the words still to come."""
    return view.text_view.colored_text(view._colors.text)


def size_of(view: LyricsView, text: str) -> float:
    block = view.text_view.document().find(text).block()
    return block.begin().fragment().charFormat().fontPointSize()


def test_words_fill_one_by_one_and_the_rest_waits_in_the_line_colour(view) -> None:
    view.set_position(1200)
    assert sung(view) == "보고 "
    assert "I miss you" in unsung(view)  # the translation, lit as part of the line
    assert unsung(view).replace("I miss you", "") == "싶다 너를"
    view.set_position(2300)
    assert sung(view) == "보고 싶다 너를"
    assert unsung(view) == "I miss you"
    view.set_position(4100)  # the next line: the old one back to one colour, the new filling
    assert sung(view) == "next "
    assert "보고" not in unsung(view)


def test_the_lead_wakes_once_per_word_not_every_frame(view) -> None:
    view.set_position(1200)
    assert view.ms_until_next_change() == 300  # 싶다 at 1.50
    view.set_position(1600)
    assert view.ms_until_next_change() == 600  # 너를 at 2.20
    view.set_position(2500)
    assert view.ms_until_next_change() == 500  # the line's end stamp at 3.00
    view.set_position(3100)
    assert view.ms_until_next_change() == 900  # nothing more to fill: the next line
    view.set_offset(100)  # lyrics 0.1 s earlier: the word stamps move with the line
    view.set_position(4100)
    assert view.ms_until_next_change() == 200  # "line" at 4.40 shows at 4.30


def test_word_fill_works_with_animation_off(view) -> None:
    view.set_animated(False)
    view.set_position(1600)
    assert sung(view) == "보고 싶다 "


def test_the_stage_fills_words_in_its_own_accent(view) -> None:
    view.set_large(True)
    view.set_position(1600)
    accent = view.palette().color(QPalette.ColorRole.Accent)
    text = view.palette().color(QPalette.ColorRole.WindowText)
    assert accent != text
    assert sung(view) == "보고 싶다 "


def test_translation_and_romanization_lines_sit_smaller_under_their_line(view) -> None:
    view.set_position(500)  # before the first line: every line at its resting size
    assert size_of(view, "I miss you") < size_of(view, "보고 싶다 너를") * 0.9
    view.set_position(1200)  # current: both grow together, the translation still smaller
    assert size_of(view, "I miss you") < size_of(view, "보고 싶다 너를") * 0.9


def test_karaoke_fills_while_a_real_song_plays(qtbot, tmp_path) -> None:
    require_vlc()
    from ostplayer.playback.vlc_backend import VlcPlayer

    w = make_window(qtbot, tmp_path / "data", VlcPlayer(VLC_TEST_ARGS))
    w.lyrics.view.set_animated(False)
    w.actions_.link("its-you", str(make_wav(tmp_path / "its-you.wav", 6.0)))
    w.library.set_saved_lyrics("its-you", KARAOKE)
    w.play_songs("its-you", ["its-you"])
    view = w.lyrics.view
    qtbot.waitUntil(lambda: sung(view) == "보고 ", timeout=5000)
    qtbot.waitUntil(lambda: sung(view) == "보고 싶다 ", timeout=5000)
    qtbot.waitUntil(lambda: sung(view) == "보고 싶다 너를", timeout=5000)
    assert w.lyrics.highlight_timer_active
    w.session.stop()
    qtbot.waitUntil(lambda: not w.lyrics.highlight_timer_active, timeout=5000)
