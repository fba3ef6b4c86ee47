"""Light and dark: both palettes, the pages, the lyrics and the strips keep WCAG AA contrast,
and View ▸ Appearance switches the whole window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from ui_support import make_window

from ostplayer.services.settings import Keys
from ostplayer.ui.banner import Banner
from ostplayer.ui.lyrics_group import LyricsColors
from ostplayer.ui.lyrics_stage import stage_colors
from ostplayer.ui.theme import (
    PAGE_BACKGROUND,
    contrast_ratio,
    dark_palette,
    is_dark,
    light_palette,
    page_colors,
)

AA = 4.5
R = QPalette.ColorRole


@pytest.fixture
def restore_palette():
    app = QApplication.instance()
    before = QPalette(app.palette())
    yield
    app.setPalette(before)


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_palette_text_roles_meet_aa(palette):
    for fg, bg in (
        (R.WindowText, R.Window),
        (R.Text, R.Base),
        (R.ButtonText, R.Button),
        (R.HighlightedText, R.Highlight),
        (R.ToolTipText, R.ToolTipBase),
        (R.PlaceholderText, R.Base),
    ):
        assert contrast_ratio(palette.color(fg), palette.color(bg)) >= AA, (fg, bg)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_page_colours_meet_aa_on_the_page_and_on_its_cards(dark):
    colors = page_colors(dark)
    page = QColor(PAGE_BACKGROUND[dark])
    cards = [QColor(colors[".card"]), QColor(colors[".audio"]), page]
    for selector in ("body", "h2", ".sub", ".meta", ".warn", "a"):
        for background in cards:
            ratio = contrast_ratio(QColor(colors[selector]), background)
            assert ratio >= AA, (selector, background.name(), ratio)


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_lyrics_current_and_coming_lines_meet_aa(palette):
    window = palette.color(R.Window)
    colors = LyricsColors.from_palette(palette.color(R.WindowText), window, palette.color(R.Accent))
    assert contrast_ratio(colors.text, window) >= 7  # the current line: bright
    assert contrast_ratio(colors.dim, window) >= AA  # the lines to come: soft, still readable
    past = contrast_ratio(colors.past, window)
    assert 1.8 <= past < contrast_ratio(colors.dim, window)  # sung lines: dimmer than both


@pytest.mark.parametrize("cover", [None, "#f4e04d", "#ffffff", "#0a2a8a", "#c03040"])
def test_the_full_screen_stage_is_readable_from_across_a_room(cover):
    background, text = stage_colors(QColor(cover) if cover else None)
    colors = LyricsColors.from_palette(text, background, QColor("#ffd36b"))
    assert contrast_ratio(text, background) >= 7
    assert contrast_ratio(colors.dim, background) >= AA


def test_view_appearance_dark_turns_the_window_pages_lyrics_and_transport_dark(
    qtbot, tmp_path, restore_palette
):
    w = make_window(qtbot, tmp_path)
    w.menu_actions["appearance-dark"].trigger()
    QApplication.processEvents()
    assert is_dark(QApplication.instance().palette())
    assert is_dark(w.transport.palette()) and is_dark(w.lyrics.view.palette())
    assert page_colors(True)["body"] in w.page_view.document().defaultStyleSheet()
    body = w.page_view.palette().color(R.Text)
    assert contrast_ratio(body, w.page_view.palette().color(R.Base)) >= AA
    assert w.settings.get(Keys.APPEARANCE) == "dark"
    w.menu_actions["appearance-light"].trigger()
    QApplication.processEvents()
    assert not is_dark(w.transport.palette())
    assert page_colors(False)["body"] in w.page_view.document().defaultStyleSheet()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_banners_keep_their_text_readable(qtbot, dark, restore_palette):
    QApplication.instance().setPalette(dark_palette() if dark else light_palette())
    for warning in (False, True):
        banner = Banner(warning=warning)
        qtbot.addWidget(banner)
        sheet = banner.styleSheet()
        background = QColor(sheet.split("background: ")[1].split(";")[0])
        text = QColor(sheet.split("QLabel { color: ")[1].split(";")[0])
        assert contrast_ratio(text, background) >= AA
        assert (background.lightness() < 128) == dark
