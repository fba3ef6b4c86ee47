"""The Korean interface: chosen by the system locale (or View ▸ Language), menus in Korean."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from ui_support import make_context, make_window

from ostplayer.services.settings import Keys
from ostplayer.ui.i18n import TsTranslator, choose_language, install_translator, translations_dir


@pytest.fixture
def korean_locale():
    before = QLocale()
    QLocale.setDefault(QLocale("ko_KR"))
    installed: list = []
    yield installed
    app = QApplication.instance()
    for translator in installed:
        app.removeTranslator(translator)
    QLocale.setDefault(before)


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_under_ko_kr_the_window_shows_korean_menus(qtbot, tmp_path, korean_locale):
    ctx = make_context(tmp_path / "settings-only")
    assert choose_language(ctx.settings) == "ko"
    korean_locale.extend(install_translator(QApplication.instance(), ctx.settings))
    assert korean_locale
    w = make_window(qtbot, tmp_path / "data")
    qtbot.waitUntil(lambda: "파일(&F)" in menu_titles(w), timeout=3000)
    assert {"파일(&F)", "보기(&V)", "재생(&P)", "도움말(&H)"} <= set(menu_titles(w))
    assert w.menu_actions["play"].text() == "재생/일시 정지"
    assert w.transport.play_button.accessibleName() == "재생"
    assert w.transport.title.text() == "재생할 수 없음"  # the null player: "Playback is off"


def test_the_language_setting_overrides_the_locale(tmp_path, korean_locale):
    ctx = make_context(tmp_path)
    ctx.settings.set(Keys.LANGUAGE, "en")
    assert choose_language(ctx.settings) == "en"
    assert install_translator(QApplication.instance(), ctx.settings) == []


def test_the_ts_source_is_complete_and_readable_without_lrelease():
    translator = TsTranslator(translations_dir() / "ostplayer_ko.ts")
    assert len(translator) > 100
    assert translator.translate("Menus", "&File") == "파일(&F)"
    assert translator.translate("Menus", "not a menu") == ""
