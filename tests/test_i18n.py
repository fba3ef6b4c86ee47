"""The Korean interface: chosen by the system locale (or View ▸ Language), menus in Korean,
and every string the sources hand to the translation system has its Korean entry."""

from __future__ import annotations

import ast
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMenu
from ui_support import make_context, make_window

import ostplayer
from ostplayer.domain import catalog_edits, catalog_merge
from ostplayer.domain.catalog_edits import delete_song
from ostplayer.domain.phrases import Phrase
from ostplayer.paths import AppPaths
from ostplayer.services import lyrics_file_access, notice_words
from ostplayer.services.settings import Keys
from ostplayer.services.texts import CATALOG_CONTEXT, say, say_known
from ostplayer.ui import song_actions, transport
from ostplayer.ui.i18n import (
    TsTranslator,
    choose_language,
    install_translator,
    translate_menu,
    translations_dir,
)
from ostplayer.ui.menus import RowCommands, row_menu

PACKAGE = Path(ostplayer.__file__).resolve().parent
TS = translations_dir() / "ostplayer_ko.ts"
HANGUL = re.compile("[\uac00-\ud7a3]")
# Where a module's Phrases are said, when not in ``say``'s own context (edits' labels and
# refusals: "Catalog").
PHRASE_CONTEXTS = {
    "services/playable.py": "PlaybackUi",
    "services/playback_session.py": "PlaybackUi",
    "domain/lyrics_choice.py": "OnlineLyrics",
    "domain/lyrics_fetch.py": "OnlineLyrics",
}
# Texts said through ``say_known`` (English from the layers below, matched by form).
KNOWN_FORMS = [
    # Templates chosen by a table (not a literal at the call).
    (CATALOG_CONTEXT, (*catalog_edits._LABELS.values(), *catalog_merge._KINDS.values())),
    (CATALOG_CONTEXT, (catalog_merge._OTHER_KINDS,)),
    ("Transport", transport.OFF_REASONS),
    ("Notices", notice_words.NOTICE_FORMS),
    ("SongActions", song_actions.LINK_PROBLEMS + song_actions.NOT_AUDIO),
    ("LyricsEditor", lyrics_file_access.EXPORT_PROBLEMS + lyrics_file_access.NOT_LYRICS),
]
# Not user-visible words, or words that are the same in Korean.
SAME_IN_KOREAN = {"OST Player", "LRCLIB", "English", "한국어", "UTF-8", "UTF-16", "GBK", "Big5"}


@pytest.fixture
def korean_locale(qapp):
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
    # The reason is the playback layer's English, said in Korean; the command stays.
    off = w.playback_off.text()
    assert off.startswith("재생할 수 없음: ") and "sudo apt install" in off
    assert HANGUL.search(w.transport.now.performers.text())


def test_every_menu_item_reads_korean(qtbot, tmp_path, korean_locale):
    ctx = make_context(tmp_path / "settings-only")
    korean_locale.extend(install_translator(QApplication.instance(), ctx.settings))
    w = make_window(qtbot, tmp_path / "data")
    qtbot.waitUntil(lambda: "파일(&F)" in menu_titles(w), timeout=3000)
    english = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            text = action.text()
            if action.isSeparator() or not text or text in SAME_IN_KOREAN:
                continue
            if not HANGUL.search(text):
                english.append(f"{menu.title()} ▸ {text}")
            if action.menu() is not None:
                walk(action.menu())

    for action in w.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    # A song row's context menu, as the window shows it (menus.row_menu words it in English).
    noop = lambda *_: None  # noqa: E731
    row = row_menu(w, "its-you", "linked", True, True, RowCommands(*[noop] * 6))
    translate_menu(row)
    walk(row)
    # Encodings are names; a song's own title in a menu is library data.
    assert [e for e in english if "인코딩" not in e] == []


def test_the_language_setting_overrides_the_locale(tmp_path, korean_locale):
    ctx = make_context(tmp_path)
    ctx.settings.set(Keys.LANGUAGE, "en")
    assert choose_language(ctx.settings) == "en"
    assert install_translator(QApplication.instance(), ctx.settings) == []


def test_the_ts_source_is_complete_and_readable_without_lrelease(qapp):
    translator = TsTranslator(TS)
    assert len(translator) > 100
    assert translator.translate("Menus", "&File") == "파일(&F)"
    assert not translator.translate("Menus", "not a menu")
    # Installed, it leaves a text it does not have as it is (never empty).
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Menus", "/home/me/Music") == "/home/me/Music"
    finally:
        qapp.removeTranslator(translator)


def test_a_catalogue_edited_since_the_build_is_read_from_its_source(
    tmp_path, monkeypatch, korean_locale
):
    built = translations_dir() / "ostplayer_ko.qm"
    if not built.is_file():
        pytest.skip("make translations has not built the .qm")
    (tmp_path / "ostplayer_ko.qm").write_bytes(built.read_bytes())
    (tmp_path / "ostplayer_ko.ts").write_bytes(TS.read_bytes())
    monkeypatch.setattr("ostplayer.ui.i18n.translations_dir", lambda: tmp_path)
    os.utime(tmp_path / "ostplayer_ko.qm", (1_000_000, 1_000_000))
    ctx = make_context(tmp_path / "settings-only")
    korean_locale.extend(install_translator(QApplication.instance(), ctx.settings))
    assert isinstance(korean_locale[0], TsTranslator)
    for translator in korean_locale:
        QApplication.instance().removeTranslator(translator)
    korean_locale.clear()
    os.utime(tmp_path / "ostplayer_ko.ts", (1_000_000 - 10, 1_000_000 - 10))
    korean_locale.extend(install_translator(QApplication.instance(), ctx.settings))
    assert not isinstance(korean_locale[0], TsTranslator)  # the compiled one, up to date


def test_domain_messages_are_said_in_korean_with_their_values(tmp_path, korean_locale):
    ctx = make_context(tmp_path / "settings-only")
    korean_locale.extend(install_translator(QApplication.instance(), ctx.settings))
    catalog = ctx.library.catalog
    song = next(iter(catalog.songs.values()))
    label = delete_song(catalog, song.id).label
    assert label == f"Delete song “{song.title}”"  # the English (journal, tests) as before
    assert say(label) == f"곡 “{song.title}” 삭제"
    nested = Phrase("%1 is not in the cast of %2", "'x'", "'y'")
    assert HANGUL.search(say(nested)) and "'x'" in say(nested) and "'y'" in say(nested)
    # A title holding a placeholder is left as it is.
    assert say(Phrase("Delete song “%1”", "%2 and %1")) == "곡 “%2 and %1” 삭제"
    refused = say_known(
        "cover.jpg is a JPEG image, not audio", song_actions.LINK_PROBLEMS, "SongActions"
    )
    assert refused.startswith("cover.jpg") and HANGUL.search(refused)


def test_the_editor_names_the_field_and_the_problem_in_korean(qtbot, tmp_path, korean_locale):
    ctx = make_context(tmp_path / "settings-only")
    korean_locale.extend(install_translator(QApplication.instance(), ctx.settings))
    w = make_window(qtbot, tmp_path / "data")
    w.page_view.anchorClicked.emit(QUrl("ost:drama/itaewon-class"))
    seen = []

    def type_badly() -> None:
        dialog = w.editing.open_dialog
        if dialog is None:
            QTimer.singleShot(10, type_badly)
            return
        dialog.title.setText("")
        seen.append(dialog.error.text())
        dialog.title.setText("이태원 클라쓰")
        dialog.year.setText("twenty")
        seen.append(dialog.error.text())
        dialog.cast.add_row(["Nobody Known", "Jo Yi-seo"])
        dialog.year.setText("2020")
        seen.append(dialog.error.text())
        dialog.reject()

    QTimer.singleShot(0, type_badly)
    w.editing.edit_current()
    assert seen == [
        "제목: 비워 둘 수 없습니다",
        "연도: 정수여야 하는데 텍스트입니다",
        "출연진, 2번째 줄, 배우: 보관함에 'Nobody Known'(이)라는 사람이 없습니다"
        " (보관함 ▸ 새 사람 또는 그룹으로 추가하세요)",
    ]


def test_a_start_up_notice_reads_korean_with_its_paths(tmp_path, korean_locale):
    ctx = make_context(tmp_path / "settings-only")
    korean_locale.extend(install_translator(QApplication.instance(), ctx.settings))
    data = tmp_path / "data"
    AppPaths.single(data).settings_file.mkdir(parents=True)  # a folder where the file goes
    (notice,) = make_context(data).notices
    assert notice.startswith("설정 파일 ") and "(폴더)" in notice and "기본값" in notice
    assert str(AppPaths.single(data).settings_file) in notice


# --- every translatable source string has its Korean entry ---------------------------------


def catalogue() -> dict[tuple[str, str], str | None]:
    """(context, source) -> the Korean (None while unfinished)."""
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            done = node is not None and node.get("type") not in ("unfinished", "obsolete")
            text = node.text if node is not None else None
            out[(name, message.findtext("source") or "")] = text if done and text else None
    return out


def _constants(node: ast.AST, names: dict[str, str]) -> list[str]:
    """The texts an argument can be: a literal, a module constant, either of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name) and node.id in names:
        return [names[node.id]]
    if isinstance(node, ast.IfExp):
        return _constants(node.body, names) + _constants(node.orelse, names)
    return []


def _call_name(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def source_strings(path: Path) -> set[tuple[str, str]]:
    """Every (context, text) a module hands to the translation system: ``translate(c, t)``,
    ``tr(c, t)``, ``tr_count(c, n, one, many)``, its one-argument wrappers (``_tr(t)``
    defined as ``return translate("Context", text)``) and its Phrases."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        t.id: n.value.value
        for n in tree.body
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
        for t in n.targets
        if isinstance(t, ast.Name) and isinstance(n.value.value, str)
    }
    wrappers: dict[str, str] = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or len(fn.args.args) != 1:
            continue
        body = [s for s in fn.body if not isinstance(s, ast.Expr)]
        if len(body) == 1 and isinstance(body[0], ast.Return):
            call = body[0].value
            if isinstance(call, ast.Call) and _call_name(call) in ("translate", "tr"):
                context = _constants(call.args[0], names) if len(call.args) == 2 else []
                if len(context) == 1:
                    wrappers[fn.name] = context[0]
    rel = path.relative_to(PACKAGE).as_posix()
    found: set[tuple[str, str]] = set()
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name, args = _call_name(call), call.args
        if name in wrappers and len(args) == 1:
            contexts, texts = [wrappers[name]], _constants(args[0], names)
        elif name in ("translate", "tr") and len(args) == 2:
            contexts, texts = _constants(args[0], names), _constants(args[1], names)
        elif name == "tr_count" and len(args) == 4:
            contexts = _constants(args[0], names)
            texts = _constants(args[2], names) + _constants(args[3], names)
        elif name == "Phrase" and args:
            contexts = [PHRASE_CONTEXTS.get(rel, CATALOG_CONTEXT)]
            texts = _constants(args[0], names)
        else:
            continue
        found.update((c, t) for c in contexts for t in texts if t)
    return found


def all_source_strings() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        found |= source_strings(path)
    for context, texts in KNOWN_FORMS:
        found.update((context, t) for t in texts)
    return found


def placeholders(text: str) -> list[str]:
    return sorted(set(re.findall(r"%(?:\d|n)", text)))


def test_every_source_string_has_a_korean_translation():
    korean = catalogue()
    wanted = all_source_strings()
    assert len(wanted) > 400
    missing = sorted(f"{c} | {s}" for c, s in wanted if not korean.get((c, s)))
    assert missing == []


def test_translations_keep_their_placeholders():
    wrong = [
        f"{context} | {source} | {text}"
        for (context, source), text in catalogue().items()
        if text is not None
        and placeholders(source) != placeholders(text)
        # One Korean form serves "%n song" and "1 song"-less wordings alike.
        and not (placeholders(source) == [] and placeholders(text) == ["%n"])
    ]
    assert wrong == []
