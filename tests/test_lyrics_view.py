"""LyricsView: highlight, following, click-to-seek, offset, romanization, safety."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.domain.romanize import ROMANIZATION_AVAILABLE
from ostplayer.ui.lyrics_document import LyricsDocumentView
from ostplayer.ui.lyrics_header import ElidedLabel
from ostplayer.ui.lyrics_view import LyricsView

# 20 groups every 2 s from 1 s, the first one with a translation sharing its stamp.
LRC = "[00:01.00]보고 싶다\n[00:01.00]I miss you\n" + "".join(
    f"[00:{1 + 2 * i:02d}.00]line {i}\n" for i in range(1, 20)
)


def found(
    text: str = LRC, origin: LyricsOrigin = LyricsOrigin.LIBRARY, detail: str = ""
) -> FoundLyrics:
    return FoundLyrics(parse_lyrics(text), origin, detail or "saved in library")


@pytest.fixture
def view(qtbot) -> LyricsView:
    v = LyricsView(follow_resume_ms=150, scroll_duration_ms=0)
    qtbot.addWidget(v)
    v.resize(420, 360)
    v.show()
    qtbot.waitExposed(v)
    return v


def lines(view: LyricsView) -> list[str]:
    """The lines as shown, top to bottom (romanizations included)."""
    return view.text_view.document().toPlainText().split("\n")


def lit(view: LyricsView) -> str:
    """Text drawn in the full text colour over the dim synced lines: the current group."""
    return view.text_view.colored_text(view._colors.text)


def click_group(qtbot, view: LyricsView, index: int) -> None:
    doc = view.text_view
    bar = doc.verticalScrollBar()
    bar.setValue(int(doc.group_rect(index).center().y()) - doc.viewport().height() // 2)
    point = doc.group_viewport_rect(index).center().toPoint()
    qtbot.mouseClick(doc.viewport(), Qt.MouseButton.LeftButton, pos=point)


def button(view: LyricsView, text: str) -> QAbstractButton:
    (b,) = [b for b in view.findChildren(QAbstractButton) if b.text() == text and b.isVisible()]
    return b


def scroll_value(view: LyricsView) -> int:
    return view.text_view.verticalScrollBar().value()


def centre_of(view: LyricsView, index: int) -> int:
    """Viewport y of a group's centre."""
    return round(view.text_view.group_viewport_rect(index).center().y())


def viewport_centre(view: LyricsView) -> int:
    return view.text_view.viewport().height() // 2


def test_highlight_follows_the_position_and_centres_the_group(view, qtbot) -> None:
    view.set_lyrics(found())
    assert view.current_group_index == -1
    for ms, expected in [(0, -1), (999, -1), (1000, 0), (2999, 0), (3000, 1), (20_500, 9)]:
        view.set_position(ms)
        assert view.current_group_index == expected
    # Only the current group is lit; the previous one went back to dim.
    assert lit(view) == "line 9"
    view.set_position(1000)
    assert lit(view) == "보고 싶다I miss you"  # both lines of the group share the highlight
    view.set_position(20_500)
    qtbot.waitUntil(lambda: abs(centre_of(view, 9) - viewport_centre(view)) <= 2)
    view.set_position(100)  # a seek back
    assert view.current_group_index == -1


def test_group_change_is_the_only_restyling(view, monkeypatch) -> None:
    view.set_lyrics(found())
    calls: list[int] = []
    original = LyricsDocumentView.set_current
    monkeypatch.setattr(
        LyricsDocumentView, "set_current", lambda self, i: (calls.append(i), original(self, i))
    )
    for ms in range(3000, 5000, 16):  # one group, many ticks
        view.set_position(ms)
    assert calls == [1]
    view.set_position(5000)
    assert calls == [1, 2]


def test_click_on_a_line_seeks_to_its_effective_time(view, qtbot) -> None:
    view.set_lyrics(found("[offset:200]\n" + LRC))
    view.set_offset(300)
    with qtbot.waitSignal(view.seek_requested) as sig:
        click_group(qtbot, view, 3)
    assert sig.args == [7000 - 500]
    assert view.current_group_index == 3


def test_first_group_seek_is_never_negative(view, qtbot) -> None:
    view.set_lyrics(found())
    view.set_offset(1500)
    with qtbot.waitSignal(view.seek_requested) as sig:
        click_group(qtbot, view, 0)
    assert sig.args == [0]


def test_manual_scroll_pauses_following_until_the_delay(view, qtbot) -> None:
    view.set_lyrics(found())
    view.set_position(1000)
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(view.text_view.viewport().mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, -240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.text_view.viewport(), wheel)
    assert not view.is_following
    scrolled = scroll_value(view)
    view.set_position(31_000)  # far away: following would jump
    assert view.current_group_index == 15
    assert scroll_value(view) == scrolled  # highlight moved, the view did not
    qtbot.waitUntil(lambda: view.is_following, timeout=2000)
    qtbot.waitUntil(lambda: abs(centre_of(view, 15) - viewport_centre(view)) <= 2)


def test_our_own_animation_does_not_count_as_user_scroll(qtbot) -> None:
    v = LyricsView(follow_resume_ms=150, scroll_duration_ms=120)
    qtbot.addWidget(v)
    v.resize(420, 360)
    v.show()
    qtbot.waitExposed(v)
    v.set_lyrics(found())
    v.set_position(25_000)
    qtbot.waitUntil(lambda: abs(centre_of(v, 12) - viewport_centre(v)) <= 2)
    assert v.is_following


def test_offset_shifts_the_highlight_and_is_reported(view, qtbot) -> None:
    view.set_lyrics(found())
    view.set_position(2950)
    assert view.current_group_index == 0
    with qtbot.waitSignal(view.offset_changed) as sig:
        qtbot.mouseClick(button(view, "Earlier"), Qt.MouseButton.LeftButton)
    assert sig.args == [100]
    assert view.offset_ms == 100 and view.current_group_index == 1  # lyrics show earlier
    qtbot.mouseClick(button(view, "Later"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(view, "Later"), Qt.MouseButton.LeftButton)
    assert view.offset_ms == -100 and view.current_group_index == 0
    with qtbot.waitSignal(view.offset_changed) as sig:
        qtbot.mouseClick(button(view, "Reset"), Qt.MouseButton.LeftButton)
    assert sig.args == [0]


def test_set_offset_restores_without_emitting(view, qtbot) -> None:
    view.set_lyrics(found())
    with qtbot.assertNotEmitted(view.offset_changed):
        view.set_offset(-400)
    view.set_position(3200)
    assert view.current_group_index == 0
    assert any(w.text() == "0.4 s later" for w in view.findChildren(QLabel))
    view.set_lyrics(found())  # another song: back to 0 until the lead restores it
    assert view.offset_ms == 0


def test_markup_in_lyrics_is_shown_as_text(view) -> None:
    text = '[00:01.00]<b>bold</b> &amp; <img src="x">\n[00:02.00]<00:02.00><i>a</i> <00:02.50>&lt;b'
    view.set_lyrics(found(text), song_title="<h1>Title</h1>")
    assert lines(view) == ['<b>bold</b> &amp; <img src="x">', "<i>a</i> &lt;b"]
    view.set_position(2200)
    assert view.text_view.colored_text(view.accent_name) == "<i>a</i> "
    assert any(w.text() == "<h1>Title</h1>" for w in view.findChildren(QLabel))


def test_plain_lyrics_show_the_not_synced_note(view, qtbot) -> None:
    view.set_lyrics(found("첫 줄\n둘째 줄\n\n셋째 줄", LyricsOrigin.EXCERPT, "catalog excerpt"))
    visible = [w.text() for w in view.findChildren(QLabel) if w.isVisible()]
    assert "These lyrics are not synced" in visible
    assert "Catalog excerpt (may be incomplete)" in visible
    assert all(
        b.text() != "Earlier" or not b.isVisible() for b in view.findChildren(QAbstractButton)
    )
    view.set_position(5000)
    assert view.current_group_index == -1
    assert lines(view) == ["첫 줄", "둘째 줄", "", "셋째 줄"]
    assert lit(view) == ""  # all lines in the full text colour, none highlighted
    with qtbot.assertNotEmitted(view.seek_requested):
        click_group(qtbot, view, 0)
    with qtbot.waitSignal(view.sync_requested):
        qtbot.mouseClick(button(view, "Sync them…"), Qt.MouseButton.LeftButton)


def test_synced_lyrics_hide_the_note(view) -> None:
    view.set_lyrics(found())
    assert not any(
        w.isVisible()
        for w in view.findChildren(QLabel)
        if w.text() == "These lyrics are not synced"
    )


def test_empty_state_offers_to_add_lyrics(view, qtbot) -> None:
    view.set_lyrics(None, "Song")
    assert any(w.text() == "No lyrics yet" and w.isVisible() for w in view.findChildren(QLabel))
    with qtbot.waitSignal(view.edit_requested):
        qtbot.mouseClick(button(view, "Add lyrics…"), Qt.MouseButton.LeftButton)
    view.set_position(5000)  # harmless without lyrics
    assert view.current_group_index == -1


def test_header_names_the_source(view) -> None:
    path = "/music/Goblin OST/01. Stay With Me.lrc"
    view.set_lyrics(found(LRC, LyricsOrigin.SIDECAR_LRC, path))
    (origin,) = [w for w in view.findChildren(ElidedLabel)]
    assert origin.full_text() == f"From the file {path}"
    assert origin.toolTip() == f"<p>From the file {path}</p>"
    view.set_lyrics(found(LRC, LyricsOrigin.SIDECAR_LRC, "/m/<b>x</b>.lrc"))
    assert origin.toolTip() == "<p>From the file /m/&lt;b&gt;x&lt;/b&gt;.lrc</p>"
    view.set_lyrics(found(LRC, LyricsOrigin.EMBEDDED, "ID3 SYLT"))
    assert origin.full_text() == "Embedded in the audio file (ID3 SYLT)"


@pytest.mark.skipif(not ROMANIZATION_AVAILABLE, reason="korean_romanizer not installed")
def test_romanization_adds_a_line_under_hangul_lines_only(view) -> None:
    text = (
        "[00:01.00]보고 싶다\n[00:01.00]I miss you\n"
        "[00:03.00]사랑해\n[00:03.00]saranghae\n"  # the file brings its own romanization
        "[00:05.00]Just one more time (영원히)\n"
    )
    view.set_lyrics(found(text))
    assert lines(view) == [
        "보고 싶다",
        "I miss you",
        "사랑해",
        "saranghae",
        "Just one more time (영원히)",
    ]
    view.set_romanization(True)
    # Mixed lines too: only the Hangul is romanized, the English stays as it is; the
    # group that brings its own romanization gets no second one.
    assert lines(view) == [
        "보고 싶다",
        "bogo sipda",
        "I miss you",
        "사랑해",
        "saranghae",
        "Just one more time (영원히)",
        "Just one more time (yeongwonhi)",
    ]
    view.set_position(1000)
    assert lit(view) == "보고 싶다I miss you"  # the roman line is lit in its own colour
    assert view.text_view.colored_text(view._colors.roman_current) == "bogo sipda"
    view.set_romanization(False)
    assert "bogo sipda" not in lines(view)
    view.set_romanization(True)
    view.set_lyrics(found(text))  # stays on for the next song
    assert lines(view)[1] == "bogo sipda"


def test_large_type_keeps_the_current_line_centred(view, qtbot) -> None:
    view.set_lyrics(found())
    view.set_position(21_000)
    small = point_size(view, 10)
    view.set_large(True)
    assert point_size(view, 10) > small * 1.5
    qtbot.waitUntil(lambda: abs(centre_of(view, 10) - viewport_centre(view)) <= 2)


def test_enhanced_lrc_highlights_word_by_word(view) -> None:
    view.set_lyrics(found("[00:01.00]<00:01.00>보고 <00:01.50>싶다<00:02.00>\n[00:03.00]next\n"))

    def sung() -> str:
        """Text drawn in the accent colour (the words already sung)."""
        return view.text_view.colored_text(view.accent_name)

    view.set_position(1200)
    assert sung() == "보고 "
    view.set_position(1600)
    assert sung() == "보고 싶다"
    view.set_position(3000)  # next group: the old line goes back to one colour
    assert sung() == ""


def point_size(view: LyricsView, index: int) -> float:
    doc = view.text_view
    position = (
        doc.document()
        .documentLayout()
        .hitTest(doc.group_rect(index).center(), Qt.HitTestAccuracy.FuzzyHit)
    )
    block = doc.document().findBlock(position)
    return block.begin().fragment().charFormat().fontPointSize()


@pytest.mark.parametrize("synced", [False, True])
def test_five_thousand_lines_show_and_follow_to_the_end(view, synced) -> None:
    # What a user sees at that size; how fast it lays out is a benchmark's job, not a test's.
    if synced:
        text = "".join(f"[{i // 60:02d}:{i % 60:02d}.00]보고 싶다 line {i}\n" for i in range(5000))
    else:
        text = "".join(f"보고 싶다 line {i}\n" + ("\n" if i % 4 == 3 else "") for i in range(5000))
    big = found(text, LyricsOrigin.SIDECAR_TXT, "/m/long.txt")
    view.set_lyrics(big, "Long")
    QApplication.processEvents()
    view.set_position(4_990_000 if synced else 0)  # the far end: lays out all the way down
    QApplication.processEvents()
    assert len(lines(view)) == (5000 if synced else 6249)
    if synced:
        assert view.current_group_index == 4990
        assert abs(centre_of(view, 4990) - viewport_centre(view)) <= 2
