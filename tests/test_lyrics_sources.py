"""Tests for ostplayer.lyrics_sources with real files written by the tests.

Audio containers are built in-process: WAV with the stdlib ``wave`` module, MP3 as
an ID3 tag followed by silent MPEG frame headers (and one with no frames at all),
FLAC as ``fLaC`` + STREAMINFO, MP4 as ``ftyp`` + empty ``moov``; mutagen then adds
the tags.
"""

from __future__ import annotations

import os
import struct
import wave
from pathlib import Path

import pytest
from mutagen.flac import FLAC
from mutagen.id3 import ID3, SYLT, TXXX, USLT, Encoding
from mutagen.mp4 import MP4
from mutagen.wave import WAVE

from ostplayer import lyrics_sources
from ostplayer.domain.lyrics import Lyrics, parse_lyrics
from ostplayer.lyrics_sources import (
    FoundLyrics,
    LyricsOrigin,
    export_lrc_next_to,
    find_sidecar,
    read_embedded,
    resolve_lyrics,
)

LRC = "[ti:봄날]\n[00:01.00]보고 싶다\n[00:01.00]bogo sipda\n[00:04.00]이렇게 말하니까\n"


def texts(lyrics: Lyrics) -> list[tuple[int | None, tuple[str, ...]]]:
    return [(g.time_ms, tuple(line.text for line in g.lines)) for g in lyrics.groups]


# ----------------------------------------------------------------- file builders


def make_wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 800)
    return path


def make_mp3(path: Path, frames: bool = True) -> Path:
    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames. Silence is enough
    # for mutagen to sync and compute stream info.
    header = bytes([0xFF, 0xFB, 0x90, 0x64])
    frame = header + b"\0" * (144 * 128_000 // 44_100 - 4)
    path.write_bytes(frame * 10 if frames else b"")
    return path


def make_flac(path: Path) -> Path:
    # STREAMINFO: block sizes, frame sizes, then 44.1 kHz / 2 ch / 16 bit / 0 samples
    # packed into 64 bits, then an all-zero MD5.
    packed = (44_100 << 44) | (1 << 41) | (15 << 36)
    info = struct.pack(">HH", 4096, 4096) + b"\0" * 6 + packed.to_bytes(8, "big") + b"\0" * 16
    block_header = bytes([0x80]) + len(info).to_bytes(3, "big")  # last block, type 0
    path.write_bytes(b"fLaC" + block_header + info)
    return path


def make_m4a(path: Path) -> Path:
    def atom(name: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", 8 + len(payload)) + name + payload

    path.write_bytes(atom(b"ftyp", b"M4A \0\0\0\0M4A isom") + atom(b"moov", b""))
    return path


# ----------------------------------------------------------------------- sidecars


def test_sidecar_lrc_preferred_over_txt(tmp_path: Path) -> None:
    audio = make_wav(tmp_path / "01. Spring Day.wav")
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
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.suffix == ".lrc":
            raise OSError("I/O error")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    found = find_sidecar(tmp_path / "z.mp3")
    assert found is not None
    assert found.origin is LyricsOrigin.SIDECAR_TXT


def test_sidecar_odd_paths_do_not_raise(tmp_path: Path) -> None:
    assert find_sidecar(tmp_path / "missing-dir" / "a.mp3") is None
    assert find_sidecar(str(tmp_path) + "/bad\0name.mp3") is None
    assert find_sidecar("") is None
    assert find_sidecar("/") is None


# ----------------------------------------------------------------------- embedded


def test_wav_id3_sylt_preferred_over_uslt(tmp_path: Path) -> None:
    audio = make_wav(tmp_path / "t.wav")
    tagged = WAVE(audio)
    tagged.add_tags()
    tagged.tags.add(USLT(encoding=Encoding.UTF8, lang="kor", desc="", text="가사\n두 줄"))
    tagged.tags.add(
        SYLT(
            encoding=Encoding.UTF8,
            lang="kor",
            format=2,
            type=1,
            desc="",
            text=[("첫 줄", 1000), ("둘째 줄", 2500), ("", 4000)],
        )
    )
    tagged.save()
    found = read_embedded(audio)
    assert found is not None
    assert found.origin is LyricsOrigin.EMBEDDED
    assert found.detail == "ID3 SYLT"
    assert texts(found.lyrics) == [(1000, ("첫 줄",)), (2500, ("둘째 줄",)), (4000, ("",))]


def test_sylt_syllables_with_newlines_become_lines_with_words(tmp_path: Path) -> None:
    audio = make_mp3(tmp_path / "s.mp3")
    tags = ID3()
    entries = [("Hel", 1000), ("lo", 1200), ("\nworld", 3000), (" again", 3500), ("\n", 5000)]
    tags.add(SYLT(encoding=Encoding.UTF8, lang="eng", format=2, type=1, desc="", text=entries))
    tags.save(audio)
    found = read_embedded(audio)
    assert found is not None
    assert texts(found.lyrics) == [(1000, ("Hello",)), (3000, ("world again",))]
    assert [w.time_ms for w in found.lyrics.groups[1].lines[0].words] == [3000, 3500]


def test_sylt_in_mpeg_frames_is_skipped_for_uslt(tmp_path: Path) -> None:
    audio = make_mp3(tmp_path / "f.mp3")
    tags = ID3()
    tags.add(SYLT(encoding=Encoding.UTF8, lang="eng", format=1, type=1, desc="", text=[("x", 9)]))
    tags.add(USLT(encoding=Encoding.UTF16, lang="eng", desc="", text=LRC))
    tags.save(audio)
    found = read_embedded(audio)
    assert found is not None
    assert found.detail == "ID3 USLT"
    assert found.lyrics == parse_lyrics(LRC)  # LRC stored in USLT is synced


def test_mp3_with_id3_but_no_audio_frames(tmp_path: Path) -> None:
    audio = make_mp3(tmp_path / "empty.mp3", frames=False)
    tags = ID3()
    tags.add(USLT(encoding=Encoding.UTF8, lang="eng", desc="", text="just text"))
    tags.save(audio)
    found = read_embedded(audio)
    assert found is not None
    assert found.lyrics.plain_text() == "just text"


def test_id3_txxx_lyrics(tmp_path: Path) -> None:
    audio = make_mp3(tmp_path / "x.mp3")
    tags = ID3()
    tags.add(TXXX(encoding=Encoding.UTF8, desc="LYRICS", text=["line"]))
    tags.save(audio)
    found = read_embedded(audio)
    assert found is not None
    assert found.detail == "ID3 TXXX:LYRICS"


def test_flac_vorbis_comments(tmp_path: Path) -> None:
    audio = make_flac(tmp_path / "t.flac")
    tagged = FLAC(audio)
    tagged["UNSYNCEDLYRICS"] = "plain words"
    tagged.save()
    found = read_embedded(audio)
    assert found is not None
    assert found.detail == "FLAC UNSYNCEDLYRICS"
    assert not found.lyrics.synced

    tagged = FLAC(audio)
    tagged["LYRICS"] = LRC
    tagged.save()
    found = read_embedded(audio)
    assert found is not None
    assert found.detail == "FLAC LYRICS"
    assert found.lyrics == parse_lyrics(LRC)


def test_synced_value_wins_over_plain_in_same_file(tmp_path: Path) -> None:
    audio = make_flac(tmp_path / "t.flac")
    tagged = FLAC(audio)
    tagged["LYRICS"] = "plain first"
    tagged["UNSYNCEDLYRICS"] = LRC  # mislabelled, but it is LRC
    tagged.save()
    found = read_embedded(audio)
    assert found is not None
    assert found.lyrics.synced


def test_mp4_lyr_atom(tmp_path: Path) -> None:
    audio = make_m4a(tmp_path / "t.m4a")
    tagged = MP4(audio)
    tagged.add_tags()
    tagged.tags["\xa9lyr"] = [LRC]
    tagged.save()
    found = read_embedded(audio)
    assert found is not None
    assert found.detail == "MP4 \xa9lyr"
    assert found.lyrics == parse_lyrics(LRC)


def test_embedded_none_cases(tmp_path: Path) -> None:
    assert read_embedded(tmp_path / "missing.mp3") is None
    assert read_embedded(make_wav(tmp_path / "untagged.wav")) is None
    (tmp_path / "junk.mp3").write_bytes(b"ID3\x04\x00\x00\x7f\x7f\x7f\x7fgarbage")
    assert read_embedded(tmp_path / "junk.mp3") is None
    (tmp_path / "junk.flac").write_bytes(b"fLaC\x00\x00")
    assert read_embedded(tmp_path / "junk.flac") is None
    assert read_embedded(tmp_path) is None  # a directory


def test_embedded_unexpected_mutagen_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    audio = make_wav(tmp_path / "t.wav")

    def boom(path: str) -> list[tuple[Lyrics, str]]:
        raise RuntimeError("mutagen bug")

    monkeypatch.setattr(lyrics_sources, "_embedded_candidates", boom)
    assert read_embedded(audio) is None


# ---------------------------------------------------------------------- resolving


def test_resolve_priority_order(tmp_path: Path) -> None:
    audio = make_mp3(tmp_path / "song.mp3")
    tags = ID3()
    tags.add(USLT(encoding=Encoding.UTF8, lang="eng", desc="", text="embedded words"))
    tags.save(audio)
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

    monkeypatch.setattr(lyrics_sources.os, "replace", fail_replace)
    with pytest.raises(OSError):
        export_lrc_next_to(tmp_path / "s.mp3", parse_lyrics(LRC))
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------ gaps: binary, size, APEv2, exporting


def test_binary_or_huge_sidecar_is_ignored_with_a_reason(tmp_path: Path) -> None:
    make_mp3(tmp_path / "a.lrc")  # an MP3 renamed .lrc
    (tmp_path / "a.txt").write_text("plain fallback", encoding="utf-8")
    problems: list[str] = []
    found = lyrics_sources.resolve_lyrics(None, tmp_path / "a.mp3", None, problems)
    assert found is not None and found.origin is LyricsOrigin.SIDECAR_TXT
    assert problems == [f"Ignored {tmp_path / 'a.lrc'}: it is an MP3 audio file, not lyrics"]

    (tmp_path / "b.lrc").write_bytes(
        b"[00:01.00]x\n" * (lyrics_sources.MAX_SIDECAR_BYTES // 12 + 1)
    )
    problems = []
    assert find_sidecar(tmp_path / "b.mp3", problems) is None
    assert "too large for a lyrics file" in problems[0] and "1 MB" in problems[0]


def test_read_lyrics_text_refuses_images_and_decodes_text(tmp_path: Path) -> None:
    image = tmp_path / "cover.lrc"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    with pytest.raises(lyrics_sources.LyricsFileError, match="it is a PNG image, not lyrics"):
        lyrics_sources.read_lyrics_text(image)
    text = tmp_path / "ok.lrc"
    text.write_bytes("[00:01.00]사랑해\n".encode("cp949"))
    assert lyrics_sources.read_lyrics_text(text) == "[00:01.00]사랑해\n"
    with pytest.raises(lyrics_sources.LyricsFileError):
        lyrics_sources.read_lyrics_text(tmp_path / "missing.lrc")


def test_apev2_lyrics_in_wavpack_and_mp3(tmp_path: Path) -> None:
    from mutagen.apev2 import APEv2

    wv = tmp_path / "a.wv"
    header = b"wvpk" + struct.pack("<IHBBIIIII", 32, 0x410, 0, 0, 8000, 0, 8000, 0, 0)
    wv.write_bytes(header + b"\0" * 8)
    mp3 = make_mp3(tmp_path / "b.mp3")
    for path in (wv, mp3):
        tag = APEv2()
        tag["Lyrics"] = "[00:01.00]사랑해\n[00:02.00]너를"
        tag.save(path)
        found = read_embedded(path)
        assert found is not None, path
        assert found.detail == "APEv2 LYRICS"
        assert texts(found.lyrics) == [(1000, ("사랑해",)), (2000, ("너를",))]


def test_export_replaces_an_existing_case_variant(tmp_path: Path) -> None:
    audio = tmp_path / "song.mp3"
    (tmp_path / "song.LRC").write_text("[00:01.00]old\n", encoding="utf-8")
    target, exists = lyrics_sources.lrc_target(audio)
    assert (target.name, exists) == ("song.LRC", True)
    path = export_lrc_next_to(audio, parse_lyrics("[00:02.00]new\n"))
    assert path == tmp_path / "song.LRC"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.LRC"]
    assert find_sidecar(audio).lyrics == parse_lyrics("[00:02.00]new\n")
    assert lyrics_sources.lrc_target(tmp_path / "other.mp3") == (tmp_path / "other.lrc", False)


def test_export_error_messages_name_the_cause(tmp_path: Path) -> None:
    target = tmp_path / "song.lrc"
    denied = lyrics_sources.export_error_message(PermissionError(13, "Permission denied"), target)
    assert "song.lrc" in denied and "read-only" in denied and str(tmp_path) in denied
    gone = lyrics_sources.export_error_message(FileNotFoundError(2, "No such file"), target)
    assert "does not exist" in gone
