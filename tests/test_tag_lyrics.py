"""Lyrics from tags, in real files: ffmpeg makes the audio, mutagen writes the tags as taggers do.

Cases come from what users' files hold: several USLT frames in different languages (often all
marked "eng" by the tagger's default), SYLT counted in MPEG frames, CP949 or UTF-8 bytes in
frames declared Latin-1 by older Korean tools, Vorbis/MP4/APEv2/WMA lyrics with LRC inside.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from audio_fixtures import add_id3, audio_copy
from mutagen.apev2 import APEv2
from mutagen.asf import ASF
from mutagen.flac import FLAC
from mutagen.id3 import ID3, SYLT, TXXX, USLT, Encoding
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from ostplayer.domain.lyrics import Lyrics
from ostplayer.domain.lyrics_encoding import LOW_CONFIDENCE
from ostplayer.media.tag_lyrics import read_tag_lyrics

pytest_plugins = ("audio_fixtures",)

KOREAN_LRC = "[ti:봄날]\n[00:01.00]보고 싶다\n[00:04.00]이렇게 말하니까\n"
KOREAN = "보고 싶다\n이렇게 말하니까 더 보고 싶다"
ENGLISH = "I miss you\nsaying this makes me miss you more"


def texts(lyrics: Lyrics) -> list[tuple[int | None, str]]:
    return [(g.time_ms, g.text) for g in lyrics.groups]


# ------------------------------------------------------------------ choosing frames


def test_korean_uslt_wins_over_an_english_one_listed_first(mp3: Path) -> None:
    add_id3(
        mp3,
        USLT(encoding=Encoding.UTF8, lang="eng", desc="", text=ENGLISH),
        USLT(encoding=Encoding.UTF8, lang="kor", desc="", text=KOREAN),
    )
    found = read_tag_lyrics(mp3)
    assert found is not None
    assert found.detail == "ID3 USLT, kor"
    assert found.lyrics.plain_text() == KOREAN


def test_the_listeners_language_comes_before_korean(mp3: Path) -> None:
    add_id3(
        mp3,
        USLT(encoding=Encoding.UTF8, lang="kor", desc="", text=KOREAN),
        USLT(encoding=Encoding.UTF8, lang="eng", desc="translation", text=ENGLISH),
    )
    assert read_tag_lyrics(mp3, languages=["eng"]).lyrics.plain_text() == ENGLISH
    assert read_tag_lyrics(mp3, languages=["en"]).lyrics.plain_text() == ENGLISH  # ISO 639-1
    assert read_tag_lyrics(mp3, languages=["jpn"]).lyrics.plain_text() == KOREAN


def test_hangul_text_in_a_frame_marked_eng_counts_as_korean(mp3: Path) -> None:
    # Mp3tag and iTunes write "eng" unless told otherwise.
    add_id3(
        mp3,
        USLT(encoding=Encoding.UTF16, lang="eng", desc="en", text=ENGLISH),
        USLT(encoding=Encoding.UTF16, lang="eng", desc="ko", text=KOREAN),
    )
    assert read_tag_lyrics(mp3).lyrics.plain_text() == KOREAN
    assert read_tag_lyrics(mp3, languages=["eng"]).lyrics.plain_text() == ENGLISH


def test_synced_wins_within_a_language_and_lrc_in_uslt_is_synced(mp3: Path) -> None:
    add_id3(
        mp3,
        USLT(encoding=Encoding.UTF8, lang="kor", desc="", text=KOREAN),
        USLT(encoding=Encoding.UTF8, lang="kor", desc="lrc", text=KOREAN_LRC),
    )
    found = read_tag_lyrics(mp3)
    assert found.lyrics.synced
    assert texts(found.lyrics) == [(1000, "보고 싶다"), (4000, "이렇게 말하니까")]
    assert dict(found.lyrics.tags) == {"ti": "봄날"}


def test_sylt_in_milliseconds_and_in_mpeg_frames(mp3: Path) -> None:
    lines = [("보고 싶다", 1000), ("이렇게 말하니까", 2500)]
    add_id3(mp3, SYLT(encoding=Encoding.UTF8, lang="kor", format=2, type=1, text=lines))
    assert texts(read_tag_lyrics(mp3).lyrics) == [(1000, "보고 싶다"), (2500, "이렇게 말하니까")]

    # 48 kHz MPEG-1 Layer III: 1152 samples a frame, 24 ms. Frame 42 is 1008 ms in.
    tags = ID3(mp3)
    tags.delall("SYLT")
    tags.add(SYLT(encoding=Encoding.UTF8, lang="kor", format=1, type=1, text=[("첫 줄", 42)]))
    tags.save(mp3)
    found = read_tag_lyrics(mp3)
    assert found.detail == "ID3 SYLT, kor"
    assert texts(found.lyrics) == [(1008, "첫 줄")]


def test_sylt_in_frames_without_an_mpeg_stream_falls_back_to_uslt(
    audio_templates: dict[str, Path],
    tmp_path: Path,
) -> None:
    wav = audio_copy(audio_templates, "wav", tmp_path / "a.wav")
    tagged = WAVE(wav)
    tagged.add_tags()
    tagged.tags.add(SYLT(encoding=Encoding.UTF8, lang="kor", format=1, type=1, text=[("x", 9)]))
    tagged.tags.add(USLT(encoding=Encoding.UTF8, lang="kor", desc="", text=KOREAN))
    tagged.save()
    found = read_tag_lyrics(wav)
    assert found.detail == "ID3 USLT, kor"


def test_sylt_chords_and_events_are_not_lyrics(mp3: Path) -> None:
    add_id3(
        mp3,
        SYLT(encoding=Encoding.UTF8, lang="eng", format=2, type=5, text=[("Am", 0), ("C", 900)]),
        USLT(encoding=Encoding.UTF8, lang="kor", desc="", text=KOREAN),
    )
    assert not read_tag_lyrics(mp3).lyrics.synced


def test_sylt_syllables_with_newlines_become_word_timed_lines(mp3: Path) -> None:
    entries = [("Hel", 1000), ("lo", 1200), ("\nworld", 3000), (" again", 3500), ("\n", 5000)]
    add_id3(mp3, SYLT(encoding=Encoding.UTF8, lang="eng", format=2, type=1, text=entries))
    found = read_tag_lyrics(mp3)
    assert texts(found.lyrics) == [(1000, "Hello"), (3000, "world again")]
    assert [w.time_ms for w in found.lyrics.groups[1].lines[0].words] == [3000, 3500]


def test_txxx_lyrics(mp3: Path) -> None:
    add_id3(mp3, TXXX(encoding=Encoding.UTF8, desc="LYRICS", text=["line one", "line two"]))
    found = read_tag_lyrics(mp3)
    assert found.detail == "ID3 TXXX:LYRICS"
    assert found.lyrics.plain_text() == "line one\nline two"


# ------------------------------------------------------------ Latin-1 that is not


def test_cp949_in_a_latin1_frame_is_read_as_korean(mp3: Path) -> None:
    # What older Korean taggers wrote: CP949 bytes, the frame declared ISO-8859-1.
    mojibake = KOREAN.encode("cp949").decode("latin-1")
    add_id3(mp3, USLT(encoding=Encoding.LATIN1, lang="kor", desc="", text=mojibake))
    found = read_tag_lyrics(mp3)
    assert found.lyrics.plain_text() == KOREAN
    assert found.encoding == "CP949"
    assert any("Latin-1" in w and "CP949" in w for w in found.warnings)


def test_cp949_syllables_of_a_latin1_sylt_are_read_as_korean(mp3: Path) -> None:
    lines = [("보고 싶다", 1000), ("이렇게 말하니까", 2500), ("사랑해", 4000)]
    raw = [(t.encode("cp949").decode("latin-1"), ms) for t, ms in lines]
    add_id3(mp3, SYLT(encoding=Encoding.LATIN1, lang="kor", format=2, type=1, text=raw))
    assert texts(read_tag_lyrics(mp3).lyrics) == [(ms, t) for t, ms in lines]


def test_utf8_and_gbk_in_a_latin1_frame(mp3: Path) -> None:
    chinese = "我爱你直到永远\n月亮代表我的心\n你问我爱你有多深\n我爱你有几分"
    add_id3(
        mp3,
        USLT(encoding=Encoding.LATIN1, lang="eng", desc="", text=KOREAN.encode().decode("latin-1")),
    )
    assert read_tag_lyrics(mp3).lyrics.plain_text() == KOREAN
    tags = ID3(mp3)
    tags.delall("USLT")
    tags.add(USLT(encoding=0, lang="chi", desc="", text=chinese.encode("gbk").decode("latin-1")))
    tags.save(mp3)
    found = read_tag_lyrics(mp3)
    assert found.lyrics.plain_text() == chinese
    assert found.encoding == "GBK" and found.confidence >= LOW_CONFIDENCE


def test_real_latin1_french_stays_french(mp3: Path) -> None:
    french = "Au clair de la lune, mon ami Pierrot\nPrête-moi ta plume pour écrire un mot"
    add_id3(mp3, USLT(encoding=Encoding.LATIN1, lang="fra", desc="", text=french))
    found = read_tag_lyrics(mp3)
    assert found.lyrics.plain_text() == french
    assert found.encoding == "Latin-1" and found.warnings == ()


# ------------------------------------------------------------------ other formats


def test_flac_lyrics_and_unsyncedlyrics(audio_templates: dict[str, Path], tmp_path: Path) -> None:
    path = audio_copy(audio_templates, "flac", tmp_path / "a.flac")
    tagged = FLAC(path)
    tagged["UNSYNCEDLYRICS"] = "plain words"
    tagged.save()
    found = read_tag_lyrics(path)
    assert (found.detail, found.lyrics.synced) == ("FLAC UNSYNCEDLYRICS", False)
    tagged = FLAC(path)
    tagged["LYRICS"] = KOREAN_LRC
    tagged.save()
    found = read_tag_lyrics(path)
    assert found.detail == "FLAC LYRICS" and found.lyrics.synced  # synced wins


@pytest.mark.parametrize(
    ("ext", "kind", "opener"), [("ogg", "Vorbis", OggVorbis), ("opus", "Opus", OggOpus)]
)
def test_ogg_vorbis_and_opus(
    audio_templates: dict[str, Path],
    tmp_path: Path,
    ext: str,
    kind: str,
    opener: type,
) -> None:
    path = audio_copy(audio_templates, ext, tmp_path / f"a.{ext}")
    tagged = opener(path)
    tagged["lyrics"] = [ENGLISH, KOREAN]  # one value per language, as some taggers do
    tagged.save()
    found = read_tag_lyrics(path)
    assert found.detail == f"{kind} LYRICS"
    assert found.lyrics.plain_text() == KOREAN
    assert read_tag_lyrics(path, ["eng"]).lyrics.plain_text() == ENGLISH


def test_mp4_lyr_atom(audio_templates: dict[str, Path], tmp_path: Path) -> None:
    path = audio_copy(audio_templates, "m4a", tmp_path / "a.m4a")
    tagged = MP4(path)
    tagged["\xa9lyr"] = [KOREAN_LRC]
    tagged.save()
    found = read_tag_lyrics(path)
    assert found.detail == "MP4 \xa9lyr"
    assert texts(found.lyrics) == [(1000, "보고 싶다"), (4000, "이렇게 말하니까")]


def test_wma_lyrics(audio_templates: dict[str, Path], tmp_path: Path) -> None:
    path = audio_copy(audio_templates, "wma", tmp_path / "a.wma")
    tagged = ASF(path)
    tagged["WM/Lyrics"] = [KOREAN]
    tagged.save()
    found = read_tag_lyrics(path)
    assert found.detail == "ASF WM/Lyrics"
    assert found.lyrics.plain_text() == KOREAN


def test_apev2_lyrics_on_an_mp3_without_id3_lyrics(mp3: Path) -> None:
    tag = APEv2()
    tag["Lyrics"] = "[00:01.00]사랑해\n[00:02.00]너를"
    tag.save(mp3)
    found = read_tag_lyrics(mp3)
    assert found.detail == "APEv2 LYRICS"
    assert texts(found.lyrics) == [(1000, "사랑해"), (2000, "너를")]


# ------------------------------------------------------------ never block, never raise


def _returns_quickly(path: Path) -> object:
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(read_tag_lyrics(path)), daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), f"read_tag_lyrics blocked on {path}"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_mp3_returns_none_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "song.mp3"
    os.mkfifo(fifo)
    assert _returns_quickly(fifo) is None


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_named_mp3_returns_none(tmp_path: Path) -> None:
    device = tmp_path / "endless.mp3"
    device.symlink_to("/dev/zero")  # a read would never end
    assert _returns_quickly(device) is None


def test_damaged_missing_and_odd_paths_return_none(tmp_path: Path) -> None:
    assert read_tag_lyrics(tmp_path / "missing.mp3") is None
    assert read_tag_lyrics(tmp_path) is None  # a folder
    assert read_tag_lyrics(str(tmp_path) + "/bad\0name.mp3") is None
    (tmp_path / "junk.mp3").write_bytes(b"ID3\x04\x00\x00\x7f\x7f\x7f\x7fgarbage")
    assert read_tag_lyrics(tmp_path / "junk.mp3") is None
    (tmp_path / "junk.flac").write_bytes(b"fLaC\x00\x00")
    assert read_tag_lyrics(tmp_path / "junk.flac") is None
    (tmp_path / "noise.m4a").write_bytes(os.urandom(2048))
    assert read_tag_lyrics(tmp_path / "noise.m4a") is None


def test_untagged_files_have_no_lyrics(audio_templates: dict[str, Path]) -> None:
    for path in audio_templates.values():
        assert read_tag_lyrics(path) is None, path
