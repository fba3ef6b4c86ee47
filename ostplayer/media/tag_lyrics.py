"""Lyrics stored in an audio file's tags, the best of them chosen for the listener.

Read: ID3 (MP3, WAV, AIFF) SYLT, USLT and ``TXXX:LYRICS``; Vorbis comments (FLAC, Ogg Vorbis,
Opus) ``LYRICS``/``UNSYNCEDLYRICS``; MP4 ``©lyr``; APEv2 ``Lyrics`` (Monkey's Audio, WavPack,
Musepack, and MP3s that foobar2000 or Mp3tag gave an APEv2 tag); ASF/WMA ``WM/Lyrics``. LRC
text inside any of them is parsed as LRC.

Choosing among several (a Korean USLT next to an English one, a SYLT and a USLT): the first of
the listener's ``languages`` that a candidate is in, then Korean, then any; synced before
unsynced within a language; then the file's order. A candidate's language is what its text is
written in when that shows (Hangul, kana): taggers stamp "eng" on everything by default.

Text declared Latin-1 in ID3 is often not: older Korean taggers wrote CP949, newer tools UTF-8,
Windows ones Windows-1252. The bytes are intact (Latin-1 maps each byte to one character), so
they are read again: :func:`~ostplayer.domain.legacy_text.repair_latin1_mojibake` for CP949, then
the lyrics file detector for the rest, used only when it is confident.

Only regular files are opened (``O_NONBLOCK``, then ``fstat``), so a FIFO or a device named
``.mp3`` returns None at once instead of blocking; nothing here raises.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.legacy_text import repair_latin1_mojibake
from ostplayer.domain.lyrics import LyricLine, Lyrics, Word, lyrics_from_timed_lines, parse_lyrics
from ostplayer.domain.lyrics_encoding import decode_lyrics, lookup_codec

__all__ = ["read_tag_lyrics"]

_TEXT_KEYS = ("LYRICS", "UNSYNCEDLYRICS", "UNSYNCED LYRICS", "UNSYNCED_LYRICS")
_TXXX_KEYS = frozenset({*_TEXT_KEYS, "SYNCEDLYRICS"})
_SYLT_MPEG_FRAMES, _SYLT_MS = 1, 2
_SYLT_LYRIC_TYPES = (1, 0, 2)  # lyrics, "other", transcription; not chords, events, URLs
_ID3_ENCODINGS = {0: "Latin-1", 1: "UTF-16", 2: "UTF-16-BE", 3: "UTF-8"}
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_KANA_RE = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN = "latn"  # undeclared text in Latin letters
# Languages a Latin-script text cannot be in.
_NON_LATIN_LANGUAGES = frozenset({"kor", "jpn", "zho", "rus", "ell", "ara", "heb", "tha", "ukr"})
# ISO 639-1 and 639-2/B spellings people pass, to the 639-2/T codes tags mostly carry.
_LANGUAGE_ALIASES = {
    "ko": "kor",
    "en": "eng",
    "ja": "jpn",
    "zh": "zho",
    "chi": "zho",
    "fr": "fra",
    "fre": "fra",
    "de": "deu",
    "ger": "deu",
    "es": "spa",
}
_NO_LANGUAGE = frozenset({"", "xxx", "und", "zxx", "mis"})


@dataclass(frozen=True)
class _Candidate:
    lyrics: Lyrics
    detail: str
    language: str  # ISO 639-2 of the text, _LATIN for undeclared Latin letters, "" unknown
    encoding: str
    confidence: float = 1.0
    warnings: tuple[str, ...] = ()


def read_tag_lyrics(audio_path: str | Path, languages: Sequence[str] = ()) -> FoundLyrics | None:
    """The tag lyrics to show for ``audio_path`` (see the module docstring); None if none."""
    try:
        with _open_regular(audio_path) as handle:
            if handle is None:
                return None
            candidates = [
                c for c in _candidates(handle, os.fspath(audio_path)) if c.lyrics.line_count
            ]
    except Exception:
        # mutagen raises many kinds of errors on damaged files; none may reach the UI.
        return None
    if not candidates:
        return None
    if isinstance(languages, str):
        languages = (languages,)  # "kor" rather than ("kor",): not its letters
    wanted = [_normalize_language(lang) for lang in languages]
    best = min(
        enumerate(candidates),
        key=lambda ic: (_language_rank(ic[1].language, wanted), not ic[1].lyrics.synced, ic[0]),
    )[1]
    return FoundLyrics(
        best.lyrics,
        LyricsOrigin.EMBEDDED,
        best.detail,
        best.encoding,
        best.confidence,
        best.warnings,
    )


@contextlib.contextmanager
def _open_regular(path: str | Path) -> Iterator[IO[bytes] | None]:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError, TypeError):
        yield None
        return
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        yield None
        return
    with os.fdopen(fd, "rb") as handle:
        yield handle


# ------------------------------------------------------------------------ reading


def _candidates(handle: IO[bytes], name: str) -> list[_Candidate]:
    # mutagen takes ~15 ms to import: load it when a linked file is first read, not at start-up.
    import mutagen
    from mutagen.apev2 import APEv2
    from mutagen.asf import ASFTags
    from mutagen.id3 import ID3
    from mutagen.mp4 import MP4Tags

    audio: Any = None
    try:
        # The name (not opened again) lets mutagen use the extension to tell formats apart.
        audio = mutagen.File(fileobj=handle, filename=name)
    except Exception:
        audio = None  # e.g. an MP3 whose frames are damaged: its ID3 tag may still be fine
    tags = getattr(audio, "tags", None)
    if tags is None:
        handle.seek(0)
        try:
            tags = ID3(fileobj=handle)
        except Exception:
            tags = None
    if isinstance(tags, MP4Tags):
        return _text_candidates(tags.get("\xa9lyr"), "MP4 \xa9lyr", "UTF-8")
    if isinstance(tags, ASFTags):
        return _text_candidates(tags.get("WM/Lyrics"), "ASF WM/Lyrics", "UTF-16-LE")
    if isinstance(tags, APEv2):
        return _keyed_candidates(tags, "APEv2")
    out = _id3_candidates(tags, getattr(audio, "info", None)) if isinstance(tags, ID3) else []
    if tags is not None and not isinstance(tags, ID3):
        kind = {"OggVorbis": "Vorbis", "OggOpus": "Opus", "OggFLAC": "FLAC"}.get(
            type(audio).__name__, type(audio).__name__
        )
        out.extend(_keyed_candidates(tags, kind))
    if tags is None or isinstance(tags, ID3):
        # MP3 taggers (foobar2000, Mp3tag) may write APEv2 at the end, with or without ID3.
        handle.seek(0)
        with contextlib.suppress(Exception):
            out.extend(_keyed_candidates(APEv2(fileobj=handle), "APEv2"))
    return out


def _keyed_candidates(tags: Any, kind: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for key in _TEXT_KEYS:
        out.extend(_text_candidates(_get(tags, key), f"{kind} {key}", "UTF-8"))
    return out


def _text_candidates(value: Any, detail: str, encoding: str) -> list[_Candidate]:
    out = []
    for text in _texts(value):
        if text.strip():
            out.append(_Candidate(parse_lyrics(text), detail, _language("", text), encoding))
    return out


def _id3_candidates(tags: Any, info: Any) -> list[_Candidate]:
    out: list[_Candidate] = []
    frame_ms = _mpeg_frame_ms(info)
    sylts = [f for f in tags.getall("SYLT") if f.text and f.type in _SYLT_LYRIC_TYPES]
    sylts.sort(key=lambda f: _SYLT_LYRIC_TYPES.index(f.type))
    for frame in sylts:
        if frame.format == _SYLT_MS:
            scale = 1.0
        elif frame.format == _SYLT_MPEG_FRAMES and frame_ms is not None:
            scale = frame_ms
        else:
            continue  # MPEG frames of a stream whose frame rate is unknown (WAV, AIFF)
        texts, encoding, confidence, notes = _declared_text(frame, [t for t, _ in frame.text])
        entries = [(t, round(ms * scale)) for t, (_, ms) in zip(texts, frame.text, strict=True)]
        lyrics = _lyrics_from_sylt(entries)
        detail = _detail("ID3 SYLT", frame.lang)
        lang = _language(frame.lang, " ".join(texts))
        out.append(_Candidate(lyrics, detail, lang, encoding, confidence, notes))
    for frame in tags.getall("USLT"):
        (text,), encoding, confidence, notes = _declared_text(frame, [str(frame.text)])
        lang = _language(frame.lang, text)
        detail = _detail("ID3 USLT", frame.lang)
        out.append(_Candidate(parse_lyrics(text), detail, lang, encoding, confidence, notes))
    for frame in tags.getall("TXXX"):
        if str(frame.desc).upper() in _TXXX_KEYS:
            texts, encoding, confidence, notes = _declared_text(frame, [str(t) for t in frame.text])
            text = "\n".join(texts)
            lyrics = parse_lyrics(text)
            detail = f"ID3 TXXX:{frame.desc}"
            out.append(_Candidate(lyrics, detail, _language("", text), encoding, confidence, notes))
    return out


def _mpeg_frame_ms(info: Any) -> float | None:
    """Milliseconds per MPEG audio frame, for SYLT stamps counted in frames."""
    rate, layer, version = (getattr(info, a, None) for a in ("sample_rate", "layer", "version"))
    if not rate or layer not in (1, 2, 3) or version not in (1, 2, 2.5):
        return None
    samples = 384 if layer == 1 else 1152 if layer == 2 or version == 1 else 576
    return samples * 1000 / rate


def _declared_text(frame: Any, texts: list[str]) -> tuple[list[str], str, float, tuple[str, ...]]:
    """The frame's texts, re-read when "Latin-1" was really another encoding."""
    declared = _ID3_ENCODINGS.get(int(getattr(frame, "encoding", 3)), "UTF-8")
    joined = "\n".join(texts)
    if declared != "Latin-1" or joined.isascii() or max(joined) > "\xff":
        return texts, declared, 1.0, ()
    if repair_latin1_mojibake(joined) != joined:
        return _reread(texts, "cp949"), "CP949", 0.95, (_repaired("CP949"),)
    found = decode_lyrics(joined.encode("latin-1"))
    codec = lookup_codec(found.encoding)
    if found.guessed or codec is None:
        return texts, declared, 1.0, ()
    reread = _reread(texts, codec[1])
    if reread == texts:  # Windows-1252 without its extra characters: Latin-1 indeed
        return texts, declared, 1.0, ()
    return reread, found.encoding, found.confidence, (_repaired(found.encoding),)


def _reread(texts: list[str], codec: str) -> list[str]:
    return [t.encode("latin-1").decode(codec, errors="replace") for t in texts]


def _repaired(name: str) -> str:
    return f"The tag said Latin-1 but held {name} text; it was read as {name}."


def _lyrics_from_sylt(entries: list[tuple[str, int]]) -> Lyrics:
    """SYLT entries are either whole lines or syllables whose newlines mark lines."""
    if not any("\n" in text or "\r" in text for text, _ in entries):
        return lyrics_from_timed_lines((time_ms, text) for text, time_ms in entries)
    lines: list[tuple[int, LyricLine]] = []
    words: list[Word] = []
    start: int | None = None

    def flush() -> None:
        text = " ".join("".join(w.text for w in words).split())
        if start is not None and text:
            lines.append((start, LyricLine(text, tuple(words) if len(words) > 1 else ())))

    for text, time_ms in entries:
        for i, part in enumerate(_NEWLINE_RE.split(text)):
            if i:  # a newline inside or before this entry ends the current line
                flush()
                words, start = [], None
            if part:
                words.append(Word(time_ms, part))
                if start is None and part.strip():
                    # A line starts with its first audible syllable, not the newline.
                    start = time_ms
    flush()
    return lyrics_from_timed_lines(lines)


# ---------------------------------------------------------------------- languages


def _language(declared: Any, text: str) -> str:
    """The language of a candidate: its script when that shows, else what the tag declares.

    Undeclared text in Latin letters is :data:`_LATIN`: some Latin-script language, which a
    listener's "eng" or "fra" takes after any text declared in exactly that language.
    """
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    if len(_HANGUL_RE.findall(text)) * 5 >= letters:
        return "kor"
    if len(_KANA_RE.findall(text)) * 10 >= letters:
        return "jpn"
    if len(_HAN_RE.findall(text)) * 2 >= letters:
        return "zho"
    lang = _normalize_language(str(declared or ""))
    # "kor"/"jpn"/"zho" on text without their scripts is a tagger's default.
    if lang in ("kor", "jpn", "zho") or lang in _NO_LANGUAGE:
        return _LATIN if _LATIN_RE.search(text) else ""
    return lang


def _normalize_language(code: str) -> str:
    lang = code.strip("\x00 ").lower()
    return _LANGUAGE_ALIASES.get(lang, lang)


def _language_rank(language: str, wanted: list[str]) -> float:
    if language in wanted:
        return wanted.index(language)
    if language == _LATIN:
        latin = [i for i, lang in enumerate(wanted) if lang not in _NON_LATIN_LANGUAGES]
        if latin:
            return latin[0] + 0.5
    return len(wanted) if language == "kor" else len(wanted) + 1


def _detail(frame: str, lang: Any) -> str:
    code = _normalize_language(str(lang or ""))
    return f"{frame}, {code}" if code not in _NO_LANGUAGE else frame


# -------------------------------------------------------------------------- values


def _get(tags: Any, key: str) -> Any:
    for variant in (key, key.lower(), key.title()):
        try:
            value = tags.get(variant)
        except Exception:
            value = None
        if value:
            return value
    return None


def _texts(value: Any) -> list[str]:
    """A tag value as its text items: a list of strings, one string, bytes, APE/ASF values."""
    if value is None:
        return []
    if isinstance(value, bytes):
        return [value.decode("utf-8", "replace")]
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)
    except TypeError:
        return [str(value)]
    # Each value of a multi-valued tag is a lyrics text of its own (one per language, say).
    return [str(getattr(item, "value", item)) for item in items]
