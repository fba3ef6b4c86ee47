"""Lyrics files on disk (ostplayer.media.lyrics_files): sidecars, imports, resolving, export.

Files are written by the tests; the audio files the resolver also looks into come from
``audio_fixtures`` (ffmpeg), tagged with mutagen.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from audio_fixtures import add_id3
from mutagen.id3 import USLT, Encoding

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.domain.lyrics_encoding import LOW_CONFIDENCE
from ostplayer.media import lyrics_files
from ostplayer.media.lyrics_files import (
    MAX_SIDECAR_BYTES,
    LyricsFileError,
    export_error_message,
    export_lrc_next_to,
    find_sidecar,
    lrc_target,
    read_lyrics_file,
    read_lyrics_text,
    resolve_lyrics,
)

pytest_plugins = ("audio_fixtures",)

LRC = "[ti:봄날]\n[00:01.00]보고 싶다\n[00:01.00]bogo sipda\n[00:04.00]이렇게 말하니까\n"


def make_mp3(path: Path) -> Path:
    # MPEG-1 Layer III frame headers and silence: enough for a file that is "an MP3".
    frame = bytes([0xFF, 0xFB, 0x90, 0x64]) + b"\0" * (144 * 128_000 // 44_100 - 4)
    path.write_bytes(frame * 10)
    return path


# ----------------------------------------------------------------------- sidecars


def test_sidecar_lrc_preferred_over_txt(tmp_path: Path) -> None:
    audio = tmp_path / "01. Spring Day.wav"
    (tmp_path / "01. Spring Day.lrc").write_text(LRC, encoding="utf-8")
    (tmp_path / "01. Spring Day.txt").write_text("plain", encoding="utf-8")
    found = find_sidecar(audio)
    assert found is not None
    assert found.origin is LyricsOrigin.SIDECAR_LRC
    assert found.detail == str(tmp_path / "01. Spring Day.lrc")
    assert found.lyrics == parse_lyrics(LRC)


def test_sidecar_txt_and_audio_need_not_exist(tmp_path: Path) -> None:
    (tmp_path / "song.txt").write_text("line one\nline two\n", encoding="utf-8")
    found = find_sidecar(tmp_path / "song.flac")
    assert found is not None
    assert found.origin is LyricsOrigin.SIDECAR_TXT
    assert not found.lyrics.synced
    assert found.lyrics.plain_text() == "line one\nline two"


@pytest.mark.parametrize("name", ["song.LRC", "song.Lrc"])
def test_sidecar_extension_case_variants(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(LRC, encoding="utf-8")
    found = find_sidecar(tmp_path / "song.mp3")
    assert found is not None
    assert found.origin is LyricsOrigin.SIDECAR_LRC
    assert Path(found.detail).name == name


def test_sidecar_uppercase_txt(tmp_path: Path) -> None:
    (tmp_path / "song.TXT").write_text("words", encoding="utf-8")
    found = find_sidecar(tmp_path / "song.mp3")
    assert found is not None
    assert found.origin is LyricsOrigin.SIDECAR_TXT


def test_sidecar_other_base_name_ignored(tmp_path: Path) -> None:
    (tmp_path / "song2.lrc").write_text(LRC, encoding="utf-8")
    (tmp_path / "Song.lrc.bak").write_text(LRC, encoding="utf-8")
    assert find_sidecar(tmp_path / "song.mp3") is None


def test_sidecar_cp949_and_utf16(tmp_path: Path) -> None:
    (tmp_path / "a.lrc").write_bytes(LRC.encode("cp949"))
    (tmp_path / "b.lrc").write_bytes(LRC.encode("utf-16"))
    (tmp_path / "c.lrc").write_bytes(LRC.encode("utf-16-le"))
    for stem in "abc":
        found = find_sidecar(tmp_path / f"{stem}.mp3")
        assert found is not None
        assert found.lyrics == parse_lyrics(LRC), stem


def test_malformed_sidecar_is_parsed_leniently(tmp_path: Path) -> None:
    (tmp_path / "x.lrc").write_bytes(b"[00:01]ok\n[12:3x]\xff\xfe garbage \x00\x81\n[ab:cd]t\n")
    found = find_sidecar(tmp_path / "x.mp3")
    assert found is not None
    assert found.lyrics.synced
    assert found.lyrics.groups[0].lines[0].text == "ok"


def test_empty_or_unreadable_sidecar_skipped(tmp_path: Path) -> None:
    (tmp_path / "x.lrc").write_bytes(b"\n\n")
    os.mkdir(tmp_path / "y.lrc")  # a directory with the sidecar's name
    (tmp_path / "y.txt").write_text("fallback", encoding="utf-8")
    assert find_sidecar(tmp_path / "x.mp3") is None
    found = find_sidecar(tmp_path / "y.mp3")
    assert found is not None
    assert found.origin is LyricsOrigin.SIDECAR_TXT


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX non-root")
def test_permission_denied_sidecar_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "z.lrc"
    locked.write_text(LRC, encoding="utf-8")
    locked.chmod(0)
    try:
        assert find_sidecar(tmp_path / "z.mp3") is None
    finally:
        locked.chmod(0o644)


def test_sidecar_read_error_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "z.lrc").write_text(LRC, encoding="utf-8")
    (tmp_path / "z.txt").write_text("fallback", encoding="utf-8")
    real_read = os.read
    calls: list[int] = []

    def read(fd: int, n: int) -> bytes:
        calls.append(fd)
        if len(calls) == 1:  # the .lrc, read first
            raise OSError(5, "Input/output error")
        return real_read(fd, n)

    monkeypatch.setattr(lyrics_files.os, "read", read)
    found = find_sidecar(tmp_path / "z.mp3")
    assert found is not None
    assert found.origin is LyricsOrigin.SIDECAR_TXT


def test_sidecar_odd_paths_do_not_raise(tmp_path: Path) -> None:
    assert find_sidecar(tmp_path / "missing-dir" / "a.mp3") is None
    assert find_sidecar(str(tmp_path) + "/bad\0name.mp3") is None
    assert find_sidecar("") is None
    assert find_sidecar("/") is None


# ---------------------------------------------------------------------- resolving


def test_resolve_priority_order(tmp_path: Path, mp3: Path) -> None:
    audio = add_id3(mp3, USLT(encoding=Encoding.UTF8, lang="eng", desc="", text="embedded words"))
    (tmp_path / "song.txt").write_text("txt words", encoding="utf-8")
    (tmp_path / "song.lrc").write_text("[00:01]lrc words", encoding="utf-8")

    def origin(saved: str | None, path: Path | None, excerpt: str | None) -> LyricsOrigin | None:
        found = resolve_lyrics(saved, str(path) if path else None, excerpt)
        return found.origin if found else None

    assert origin("[00:02]saved", audio, "excerpt") is LyricsOrigin.LIBRARY
    assert origin("   ", audio, "excerpt") is LyricsOrigin.SIDECAR_LRC
    (tmp_path / "song.lrc").unlink()
    assert origin(None, audio, "excerpt") is LyricsOrigin.SIDECAR_TXT
    (tmp_path / "song.txt").unlink()
    assert origin(None, audio, "excerpt") is LyricsOrigin.EMBEDDED
    assert origin(None, tmp_path / "other.mp3", "excerpt") is LyricsOrigin.EXCERPT
    assert origin(None, None, "excerpt") is LyricsOrigin.EXCERPT
    assert origin(None, None, "  \n") is None
    assert origin(None, None, None) is None


def test_resolve_contents(tmp_path: Path) -> None:
    found = resolve_lyrics(LRC, None, None)
    assert found == FoundLyrics(parse_lyrics(LRC), LyricsOrigin.LIBRARY, "saved in library")
    excerpt = resolve_lyrics(None, None, "a\nb")
    assert excerpt is not None
    assert excerpt.detail == "catalog excerpt"
    assert excerpt.lyrics.plain_text() == "a\nb"


# ---------------------------------------------------------------------- exporting


def test_export_writes_atomically_and_round_trips(tmp_path: Path) -> None:
    audio = tmp_path / "01. 봄날.flac"
    lyrics = parse_lyrics(LRC)
    target = export_lrc_next_to(audio, lyrics)
    assert target == tmp_path / "01. 봄날.lrc"
    assert target.read_bytes().decode("utf-8") == lyrics.to_lrc()
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01. 봄날.lrc"]  # no temp left
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644
    found = find_sidecar(audio)
    assert found is not None
    assert found.lyrics == lyrics


def test_export_replaces_existing_keeping_mode(tmp_path: Path) -> None:
    target = tmp_path / "s.lrc"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    export_lrc_next_to(tmp_path / "s.mp3", parse_lyrics(LRC))
    assert target.read_text(encoding="utf-8") == parse_lyrics(LRC).to_lrc()
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640


def test_export_failure_raises_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail_replace(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail_replace)
    with pytest.raises(OSError):
        export_lrc_next_to(tmp_path / "s.mp3", parse_lyrics(LRC))
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------ gaps: binary, size, APEv2, exporting


def test_binary_or_huge_sidecar_is_ignored_with_a_reason(tmp_path: Path) -> None:
    make_mp3(tmp_path / "a.lrc")  # an MP3 renamed .lrc
    (tmp_path / "a.txt").write_text("plain fallback", encoding="utf-8")
    problems: list[str] = []
    found = resolve_lyrics(None, tmp_path / "a.mp3", None, problems)
    assert found is not None and found.origin is LyricsOrigin.SIDECAR_TXT
    assert problems == [f"Ignored {tmp_path / 'a.lrc'}: it is an MP3 audio file, not lyrics"]

    (tmp_path / "b.lrc").write_bytes(b"[00:01.00]x\n" * (MAX_SIDECAR_BYTES // 12 + 1))
    problems = []
    assert find_sidecar(tmp_path / "b.mp3", problems) is None
    assert "too large for a lyrics file" in problems[0] and "1 MB" in problems[0]


def test_read_lyrics_text_refuses_images_and_decodes_text(tmp_path: Path) -> None:
    image = tmp_path / "cover.lrc"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    with pytest.raises(LyricsFileError, match="it is a PNG image, not lyrics"):
        read_lyrics_text(image)
    text = tmp_path / "ok.lrc"
    text.write_bytes("[00:01.00]사랑해\n".encode("cp949"))
    assert read_lyrics_text(text) == "[00:01.00]사랑해\n"
    with pytest.raises(LyricsFileError):
        read_lyrics_text(tmp_path / "missing.lrc")


def test_export_replaces_an_existing_case_variant(tmp_path: Path) -> None:
    audio = tmp_path / "song.mp3"
    (tmp_path / "song.LRC").write_text("[00:01.00]old\n", encoding="utf-8")
    target, exists = lrc_target(audio)
    assert (target.name, exists) == ("song.LRC", True)
    path = export_lrc_next_to(audio, parse_lyrics("[00:02.00]new\n"))
    assert path == tmp_path / "song.LRC"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.LRC"]
    assert find_sidecar(audio).lyrics == parse_lyrics("[00:02.00]new\n")
    assert lrc_target(tmp_path / "other.mp3") == (tmp_path / "other.lrc", False)


def test_export_error_messages_name_the_cause(tmp_path: Path) -> None:
    target = tmp_path / "song.lrc"
    denied = export_error_message(PermissionError(13, "Permission denied"), target)
    assert "song.lrc" in denied and "read-only" in denied and str(tmp_path) in denied
    gone = export_error_message(FileNotFoundError(2, "No such file"), target)
    assert "does not exist" in gone


# ------------------------------------------------- regular files only, encodings, shim


def _in_a_thread(call: Callable[[], object]) -> object:
    """``call()``, failing the test if it blocks; its exception is raised here."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "blocked"
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_sidecar_never_blocks(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "song.lrc")  # nobody will ever write to it
    (tmp_path / "song.txt").write_text("plain fallback", encoding="utf-8")
    found = _in_a_thread(lambda: find_sidecar(tmp_path / "song.mp3"))
    assert isinstance(found, FoundLyrics) and found.origin is LyricsOrigin.SIDECAR_TXT
    with pytest.raises(LyricsFileError, match="not a regular file"):
        _in_a_thread(lambda: read_lyrics_text(tmp_path / "song.lrc"))


def test_a_folder_is_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(LyricsFileError, match="folder"):
        read_lyrics_file(tmp_path)


def test_the_encoding_can_be_forced_for_a_sidecar(tmp_path: Path) -> None:
    chinese = "[00:01.00]我爱你直到永远\n[00:05.00]月亮代表我的心\n"
    (tmp_path / "s.lrc").write_bytes(chinese.encode("gbk"))
    found = find_sidecar(tmp_path / "s.mp3")
    assert found.encoding == "GBK" and found.lyrics == parse_lyrics(chinese)
    forced = find_sidecar(tmp_path / "s.mp3", encoding="Big5")
    assert forced.encoding == "Big5" and forced.confidence == 1.0
    assert forced.lyrics != found.lyrics  # what the user asked for, even if wrong
    assert read_lyrics_file(tmp_path / "s.lrc", "GBK").text == chinese


def test_a_low_confidence_guess_is_reported(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_bytes("你好".encode("gbk"))  # as good Big5 as GBK
    problems: list[str] = []
    found = find_sidecar(tmp_path / "s.mp3", problems)
    assert found.lyrics.plain_text() == "你好"
    assert found.confidence < LOW_CONFIDENCE
    assert found.warnings and "Encoding" in found.warnings[0]
    assert problems == [f"s.txt: {found.warnings[0]}"]


def test_a_damaged_byte_keeps_the_rest_of_the_sidecar(tmp_path: Path) -> None:
    data = LRC.encode("utf-8")
    (tmp_path / "s.lrc").write_bytes(data[:20] + b"\xff" + data[20:])
    found = find_sidecar(tmp_path / "s.mp3")
    assert found.encoding == "UTF-8"
    assert found.lyrics.groups[-1].lines[0].text == "이렇게 말하니까"
    assert "\ufffd" in found.lyrics.to_lrc() and found.warnings
