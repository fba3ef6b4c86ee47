"""The lyrics panel's Encoding ▸ menu: a guessed encoding is said, a choice re-reads the file
and is remembered for that file across a restart, until the file changes. And the tag lyrics
the panel picks: the listener's language (from the locale) first, then Korean."""

from __future__ import annotations

import os

import pytest
from audio_fixtures import add_id3, make_sine
from mutagen.id3 import USLT, Encoding
from ui_support import make_window
from vlc_support import make_wav

from ostplayer.domain.listener_languages import languages_from_locale
from ostplayer.domain.lyrics_encoding import decode_lyrics, describe_reading

THANKS = "[00:01.00]謝謝\n[00:03.00]謝謝\n"  # Big5 bytes that read as (wrong) GBK, unsure


def shown_lines(panel) -> list[str]:
    lyrics = panel.view.lyrics
    return [g.text for g in lyrics.groups] if lyrics is not None else []


def action(panel, label: str):
    (found,) = [a for a in panel.encoding.menu.actions() if a.text() == label]
    return found


def checked(panel) -> str:
    (on,) = [a.text() for a in panel.encoding.menu.actions() if a.isChecked()]
    return on


def linked_song_with_sidecar(qtbot, tmp_path, data):
    w = make_window(qtbot, data)
    audio = make_wav(tmp_path / "thanks.wav", 0.2)
    lrc = tmp_path / "thanks.lrc"
    lrc.write_bytes(THANKS.encode("big5"))
    w.actions_.link("its-you", str(audio))
    w.lyrics.show_song("its-you")
    return w, lrc


def test_a_guess_is_said_in_the_panel_and_a_choice_survives_a_restart(qtbot, tmp_path) -> None:
    data = tmp_path / "data"
    w, lrc = linked_song_with_sidecar(qtbot, tmp_path, data)
    panel = w.lyrics
    guess = decode_lyrics(lrc.read_bytes())  # what detection makes of it: unsure GBK
    wrong = [line.split("]", 1)[1] for line in guess.text.splitlines()]
    assert guess.encoding == "GBK" and wrong[0] == "谅谅"
    qtbot.waitUntil(lambda: shown_lines(panel) == wrong)
    row = panel.encoding
    assert row.isVisible() and row.button.isVisible()
    assert row.label.text() == "Read as GBK (not sure) — Encoding ▸ to change"
    assert checked(panel) == "Automatic"

    said: list[str] = []
    panel.message.connect(said.append)
    action(panel, "Big5").trigger()
    qtbot.waitUntil(lambda: shown_lines(panel) == ["謝謝", "謝謝"])
    assert row.label.text() == "Read as Big5 (your choice)"
    assert checked(panel) == "Big5"
    assert said == ["thanks.lrc is read as Big5 from now on."]
    w.close()
    w.ctx.shutdown()

    again = make_window(qtbot, data)  # a restart on the same library
    again.lyrics.show_song("its-you")
    qtbot.waitUntil(lambda: shown_lines(again.lyrics) == ["謝謝", "謝謝"])
    assert again.lyrics.encoding.label.text() == "Read as Big5 (your choice)"
    assert checked(again.lyrics) == "Big5"

    action(again.lyrics, "Automatic").trigger()  # back to detection
    qtbot.waitUntil(lambda: shown_lines(again.lyrics) == wrong)
    assert again.lyrics.encoding.label.text().startswith("Read as GBK (not sure)")
    again.close()


def test_a_choice_is_dropped_once_the_file_is_rewritten(qtbot, tmp_path) -> None:
    w, lrc = linked_song_with_sidecar(qtbot, tmp_path, tmp_path / "data")
    panel = w.lyrics
    qtbot.waitUntil(lambda: len(shown_lines(panel)) == 2)
    action(panel, "Big5").trigger()
    qtbot.waitUntil(lambda: shown_lines(panel) == ["謝謝", "謝謝"])
    # Converted to UTF-8 by another program: reading it as Big5 now would be mojibake.
    lrc.write_text("[00:01.00]谢谢\n[00:03.00]再见\n", encoding="utf-8")
    stat = lrc.stat()
    os.utime(lrc, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    w.lyrics.lyrics.forget("its-you")
    panel.reload()
    qtbot.waitUntil(lambda: shown_lines(panel) == ["谢谢", "再见"])
    assert panel.encoding.label.text() == "Read as UTF-8"
    assert checked(panel) == "Automatic"
    w.close()


def test_no_encoding_row_for_lyrics_that_never_were_a_file(qtbot, tmp_path) -> None:
    w = make_window(qtbot, tmp_path / "data")
    w.library.set_saved_lyrics("its-you", "[00:01.00]saved words\n")
    w.lyrics.show_song("its-you")
    qtbot.waitUntil(lambda: shown_lines(w.lyrics) == ["saved words"])
    assert not w.lyrics.encoding.isVisible()
    said: list[str] = []
    w.lyrics.message.connect(said.append)
    w.lyrics.choose_encoding("GBK")
    assert said == ["These lyrics are not read from a file: there is no encoding to choose."]
    w.close()


def test_the_reading_is_described_in_plain_words() -> None:
    assert describe_reading("UTF-8", 1.0) == "Read as UTF-8"
    assert describe_reading("CP949", 0.4) == "Read as CP949 (not sure) — Encoding ▸ to change"
    assert describe_reading("CP949", 0.4, can_choose=False) == "Read as CP949 (not sure)"
    assert describe_reading("GBK", 1.0, chosen=True) == "Read as GBK (your choice)"


# ------------------------------------------------ tag lyrics in the listener's language first


def test_languages_come_from_the_locale() -> None:
    assert languages_from_locale({"LANG": "fr_FR.UTF-8"}) == ("fra",)
    assert languages_from_locale({"LANGUAGE": "pt_BR:en", "LANG": "pt_BR.UTF-8"}) == ("por", "eng")
    assert languages_from_locale({"LC_ALL": "de_DE@euro", "LANG": "ko_KR.UTF-8"}) == ("deu",)
    assert languages_from_locale({"LANG": "C.UTF-8"}) == ()
    assert languages_from_locale({"LC_ALL": "POSIX"}) == ()
    assert languages_from_locale({}) == ()


@pytest.mark.parametrize(
    ("lang", "shown"), [("fr_FR.UTF-8", "je t'attends"), ("C.UTF-8", "기다려")]
)
def test_the_window_shows_the_tag_lyrics_in_the_listeners_language(
    qtbot, tmp_path, monkeypatch, lang, shown
) -> None:
    song = add_id3(
        make_sine(tmp_path / "song.mp3"),
        USLT(encoding=Encoding.UTF8, lang="kor", desc="", text="기다려"),
        USLT(encoding=Encoding.UTF8, lang="fra", desc="", text="je t'attends"),
    )
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)
    w = make_window(qtbot, tmp_path / "data")
    w.actions_.link("its-you", str(song))
    w.lyrics.show_song("its-you")
    qtbot.waitUntil(lambda: shown_lines(w.lyrics) == [shown])
    assert not w.lyrics.encoding.isVisible()  # tag text that was UTF-8 all along: no notice
    w.close()
