"""Every file of the lyrics corpus shows what its expectation file says it must.

``tests/data/lyrics/`` holds lyrics files in the encodings and LRC dialects found in the wild
(each one's ``note`` says which), next to a ``NAME.expected.json`` with the lines a user must
see, in display order, at the times they must highlight (the ``[offset:]`` applied): the file
goes through the same reading, decoding and parsing as the window, via ``lyrics_report``.

Expectation keys: ``file``, ``encoding``, ``synced``, ``lines`` (``[time_ms or null, text]``),
and optionally ``tags`` (a subset), ``offset_ms``, ``guessed`` (default false: the decoder must
be confident), ``details`` (line index -> ``end_ms``/``words`` of that line), ``note``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from audio_fixtures import add_id3, audio_copy
from mutagen.id3 import USLT, Encoding

from ostplayer.domain.lyrics_encoding import LOW_CONFIDENCE
from ostplayer.domain.romanize import has_hangul
from ostplayer.media.lyrics_report import lyrics_report

pytest_plugins = ("audio_fixtures",)

CORPUS = Path(__file__).parent / "data" / "lyrics"
EXPECTATIONS = sorted(CORPUS.glob("*.expected.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_corpus_is_complete() -> None:
    data_files = {p.name for p in CORPUS.iterdir() if not p.name.endswith(".expected.json")}
    expected_files = {_load(p)["file"] for p in EXPECTATIONS}
    assert data_files == expected_files  # no file without expectation, none missing
    assert len(data_files) >= 40


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda p: p.name.split(".")[0])
def test_corpus_file_shows_the_expected_lines(expectation: Path) -> None:
    expected = _load(expectation)
    report = lyrics_report(CORPUS / expected["file"])
    assert report["source"] == "file"
    assert report["encoding"] == expected["encoding"]
    assert report["synced"] is expected["synced"]
    assert [[line["time_ms"], line["text"]] for line in report["lines"]] == expected["lines"]
    guessed = report["confidence"] < LOW_CONFIDENCE
    assert guessed is expected.get("guessed", False), report["warnings"]
    assert any("guessed" in w for w in report["warnings"]) is guessed
    assert report["offset_ms"] == expected.get("offset_ms", report["offset_ms"])
    for key, value in expected.get("tags", {}).items():
        assert report["tags"].get(key) == value, key
    for index, detail in expected.get("details", {}).items():
        line = report["lines"][int(index)]
        assert {key: line[key] for key in detail} == detail, index


def test_romanization_is_given_for_hangul_lines_only() -> None:
    report = lyrics_report(CORPUS / "shared_stamp_translation.lrc", romanize=lambda t: f"<{t}>")
    for line in report["lines"]:
        assert line["romanized"] == (f"<{line['text']}>" if has_hangul(line["text"]) else None)
    assert lyrics_report(CORPUS / "ko_utf8.lrc")["lines"][0]["romanized"] is None  # no callable


def test_a_forced_encoding_goes_through_to_the_report() -> None:
    report = lyrics_report(CORPUS / "zh_gbk.lrc", encoding="Big5")
    assert (report["encoding"], report["confidence"]) == ("Big5", 1.0)
    assert [line["text"] for line in report["lines"]] != [
        text for _, text in _load(CORPUS / "zh_gbk.expected.json")["lines"]
    ]


def test_report_shape_for_a_file_that_is_not_lyrics(tmp_path: Path) -> None:
    (tmp_path / "cover.lrc").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    report = lyrics_report(tmp_path / "cover.lrc")
    assert report == {
        "source": None,
        "path": None,
        "encoding": None,
        "confidence": None,
        "offset_ms": 0,
        "tags": {},
        "synced": False,
        "lines": [],
        "warnings": [f"{tmp_path / 'cover.lrc'}: it is a PNG image, not lyrics"],
    }


# ------------------------------------------------------------------ audio files


def test_report_for_an_audio_file_shows_its_sidecar_first(
    tmp_path: Path, audio_templates: dict[str, Path]
) -> None:
    audio = audio_copy(audio_templates, "mp3", tmp_path / "01. Song.mp3")
    add_id3(audio, USLT(encoding=Encoding.UTF8, lang="kor", desc="", text="태그 가사"))
    lrc = "[offset:+100]\n[00:01.00]<00:01.00>보고 <00:01.50>싶다<00:02.00>\n[00:03.00]\n"
    (tmp_path / "01. Song.lrc").write_bytes(lrc.encode("cp949"))
    report = lyrics_report(audio)
    assert (report["source"], report["path"]) == ("sidecar", str(tmp_path / "01. Song.lrc"))
    assert (report["encoding"], report["offset_ms"], report["synced"]) == ("CP949", 100, True)
    assert report["lines"] == [
        {
            "time_ms": 900,
            "end_ms": 1900,
            "text": "보고 싶다",
            "romanized": None,
            "words": [{"time_ms": 900, "text": "보고 "}, {"time_ms": 1400, "text": "싶다"}],
        },
        {"time_ms": 2900, "end_ms": None, "text": "", "romanized": None, "words": []},
    ]
    (tmp_path / "01. Song.lrc").unlink()
    report = lyrics_report(audio, romanize=str.upper)
    assert (report["source"], report["path"], report["synced"]) == ("tag", str(audio), False)
    assert report["encoding"] == "UTF-8" and report["confidence"] == 1.0
    assert report["lines"] == [
        {
            "time_ms": None,
            "end_ms": None,
            "text": "태그 가사",
            "romanized": "태그 가사",
            "words": [],
        }
    ]


def test_report_for_an_audio_file_without_lyrics(
    tmp_path: Path, audio_templates: dict[str, Path]
) -> None:
    audio = audio_copy(audio_templates, "flac", tmp_path / "a.flac")
    report = lyrics_report(audio)
    assert (report["source"], report["path"], report["lines"], report["warnings"]) == (
        None,
        None,
        [],
        [],
    )
