"""Turning a lyrics file's bytes into text: binary sniffing and encoding detection.

Pure Python (no Qt, no file access) so the rules can be tested on plain bytes. Lyrics files
come from everywhere: UTF-8 with or without BOM, UTF-16 from Windows tools (often without BOM),
legacy Korean CP949/EUC-KR, and the legacy codecs of the other places K-drama fans live: GBK and
Big5 from Chinese lyric sites, Shift-JIS from Japanese players, Windows-1252 from everyone else.

A wrong guess is worse than an error, because the user cannot tell meaningless Hangul from real
lyrics. So detection goes from certain to uncertain, and says how sure it is:

1. a BOM (UTF-8, UTF-16 LE/BE, UTF-32), then UTF-16/32 without BOM when the NUL bytes show it;
2. strict UTF-8 (or UTF-8 with a stray damaged byte among many good sequences);
3. the file's own ``[encoding:…]`` tag, when it names a codec that decodes the file cleanly;
4. CP949 only when the result reads as Korean (:func:`~ostplayer.domain.legacy_text.looks_korean`,
   the same rule the tag reader uses);
5. GBK, Big5, Shift-JIS, EUC-JP and Windows-1252/Latin-1 compared by how much of the decoded text
   is everyday writing in their script (:mod:`ostplayer.domain.script_plausibility`);
6. charset-normalizer for anything else (Cyrillic, Greek, Thai…), never trusted much.

The result carries a confidence in 0..1. Below :data:`LOW_CONFIDENCE` the caller should show the
warning that comes with it and offer the Encoding ▸ menu (:data:`ENCODING_CHOICES`). A damaged
byte becomes U+FFFD in its place; the rest of the file is never lost.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ostplayer.domain.byte_sniffing import (
    BOMS,
    MAX_LYRICS_BYTES,
    describe_size,
    not_lyrics_reason,
    unicode_without_bom,
)
from ostplayer.domain.legacy_text import looks_korean
from ostplayer.domain.script_plausibility import Script, plausible_share

__all__ = [
    "AUTO",
    "ENCODING_CHOICES",
    "LOW_CONFIDENCE",
    "MAX_LYRICS_BYTES",
    "DecodedText",
    "decode_lyrics",
    "decode_lyrics_bytes",
    "describe_reading",
    "describe_size",
    "lookup_codec",
    "not_lyrics_reason",
]

#: Below this, a guess must be shown to the user as a guess.
LOW_CONFIDENCE = 0.6
AUTO = "Auto"
#: The Encoding ▸ menu, in order; "Auto" means ``encoding=None``.
ENCODING_CHOICES: tuple[str, ...] = (
    AUTO,
    "UTF-8",
    "UTF-16",
    "CP949",
    "GBK",
    "Big5",
    "Shift-JIS",
    "Windows-1252",
    "Latin-1",
)

# Display name -> the Python codec that reads it. Supersets on purpose: GB18030 reads every GBK
# and GB2312 file, CP932 the Windows Shift-JIS files with NEC/IBM extensions, CP950 Big5 with
# the Windows additions, CP949 every EUC-KR file.
_CODEC_OF_NAME = {
    "UTF-8": "utf-8",
    "UTF-16": "utf-16",
    "UTF-16-LE": "utf-16-le",
    "UTF-16-BE": "utf-16-be",
    "UTF-32": "utf-32",
    "UTF-32-LE": "utf-32-le",
    "UTF-32-BE": "utf-32-be",
    "CP949": "cp949",
    "GBK": "gb18030",
    "Big5": "cp950",
    "Shift-JIS": "cp932",
    "EUC-JP": "euc_jp",
    "Windows-1252": "cp1252",
    "Latin-1": "latin-1",
}
# Python's canonical codec names (codecs.lookup(...).name) -> display name.
_NAME_OF_CODEC = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16-LE",
    "utf-16-be": "UTF-16-BE",
    "utf-32": "UTF-32",
    "utf-32-le": "UTF-32-LE",
    "utf-32-be": "UTF-32-BE",
    "cp949": "CP949",
    "euc_kr": "CP949",
    "johab": "Johab",
    "gbk": "GBK",
    "gb2312": "GBK",
    "gb18030": "GBK",
    "hz": "HZ",
    "big5": "Big5",
    "cp950": "Big5",
    "big5hkscs": "Big5",
    "shift_jis": "Shift-JIS",
    "cp932": "Shift-JIS",
    "shift_jis_2004": "Shift-JIS",
    "shift_jisx0213": "Shift-JIS",
    "euc_jp": "EUC-JP",
    "euc_jis_2004": "EUC-JP",
    "euc_jisx0213": "EUC-JP",
    "cp1252": "Windows-1252",
    "iso8859-1": "Latin-1",
    "latin-1": "Latin-1",
}


# The legacy candidates of step 5, each with the script it is judged by. Windows-1252 and
# Latin-1 differ only in 0x80-0x9F: curly quotes in one, control codes in the other.
_LEGACY = (
    ("GBK", Script.SIMPLIFIED_CHINESE),
    ("Big5", Script.TRADITIONAL_CHINESE),
    ("Shift-JIS", Script.JAPANESE),
    ("EUC-JP", Script.JAPANESE),
    ("Windows-1252", Script.WESTERN),
    ("Latin-1", Script.WESTERN),
)

_ENCODING_TAG = re.compile(rb"\[\s*encoding\s*:\s*([A-Za-z0-9_.:-]{2,40})\s*\]", re.IGNORECASE)


@dataclass(frozen=True)
class DecodedText:
    """A file's text and how it was read. ``encoding`` is a display name ("GBK", "UTF-8")."""

    text: str
    encoding: str
    confidence: float
    warnings: tuple[str, ...] = ()

    @property
    def guessed(self) -> bool:
        """True when the encoding is a guess the user should be able to correct."""
        return self.confidence < LOW_CONFIDENCE


def lookup_codec(name: str) -> tuple[str, str] | None:
    """``(display name, Python codec)`` for a menu label or any codec name; None if unknown."""
    label = name.strip()
    for display, codec in _CODEC_OF_NAME.items():
        if display.casefold() == label.casefold():
            return display, codec
    try:
        canonical = codecs.lookup(label).name
    except (LookupError, ValueError):
        return None
    display = _NAME_OF_CODEC.get(canonical)
    if display is None:
        return canonical.upper(), canonical
    return display, _CODEC_OF_NAME.get(display, canonical)


def describe_reading(
    encoding: str, confidence: float | None, *, chosen: bool = False, can_choose: bool = True
) -> str:
    """How the lyrics panel says a file was read: "Read as CP949 (not sure) — Encoding ▸ to
    change". ``chosen``: the user picked the encoding; ``can_choose``: the menu is there."""
    if chosen:
        return f"Read as {encoding} (your choice)"
    if confidence is not None and confidence < LOW_CONFIDENCE:
        return f"Read as {encoding} (not sure)" + (" — Encoding ▸ to change" if can_choose else "")
    return f"Read as {encoding}"


def decode_lyrics(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode lyrics file bytes; never fails (see the module docstring for the order).

    ``encoding`` forces a codec: a label of :data:`ENCODING_CHOICES` or any codec name; "Auto"
    and None detect. An unknown name is reported in the warnings and detection is used.
    """
    data = bytes(data)
    notes: tuple[str, ...] = ()
    if encoding and encoding.strip().casefold() != AUTO.casefold():
        forced = lookup_codec(encoding)
        if forced is not None:
            return _forced(data, *forced)
        notes = (f"Unknown encoding {encoding!r}: the encoding was detected instead.",)
    found = _detect(data)
    return DecodedText(found.text, found.encoding, found.confidence, notes + found.warnings)


def decode_lyrics_bytes(data: bytes) -> str:
    """Just the text of :func:`decode_lyrics`."""
    return decode_lyrics(data).text


# ----------------------------------------------------------------------- detection


def _forced(data: bytes, display: str, codec: str) -> DecodedText:
    if display in ("UTF-16", "UTF-32"):
        display, codec = _unicode_byte_order(data, display)
    if codec.startswith("utf"):
        for bom, bom_name in BOMS:
            if data.startswith(bom) and bom_name.startswith(display[:6]):
                data = data[len(bom) :]
                break
    text, bad = _decode(data, codec)
    return DecodedText(text, display, 1.0, _damage_note(bad, display))


def _unicode_byte_order(data: bytes, family: str) -> tuple[str, str]:
    """UTF-16/UTF-32 as chosen in the menu: the BOM's byte order, else the NULs', else LE."""
    for bom, name in BOMS:
        if data.startswith(bom) and name.startswith(family):
            return name, _CODEC_OF_NAME[name]
    guessed = unicode_without_bom(data)
    if guessed is not None and guessed.upper().startswith(family):
        name = guessed.upper()
        return name, guessed
    return f"{family}-LE", f"{family.lower()}-le"


def _detect(data: bytes) -> DecodedText:
    if not data:
        return DecodedText("", "UTF-8", 1.0)
    for bom, name in BOMS:
        if data.startswith(bom):
            text, bad = _decode(data[len(bom) :], _CODEC_OF_NAME[name])
            if name == "UTF-8" and bad * 20 > len(text):
                return _mislabelled(data[len(bom) :])
            return DecodedText(text, name, 1.0, _damage_note(bad, name))
    codec = unicode_without_bom(data)
    if codec is not None:
        text, bad = _decode(data, codec)
        return DecodedText(text, codec.upper(), 0.95, _damage_note(bad, codec.upper()))
    return _utf8(data) or _declared(data) or _korean(data) or _legacy(data)


def _mislabelled(data: bytes) -> DecodedText:
    """Legacy bytes behind a UTF-8 BOM (an editor that added the mark without converting)."""
    found = _detect(data)
    note = f"The file is marked as UTF-8 but is not; it was read as {found.encoding}."
    return DecodedText(found.text, found.encoding, found.confidence, (note, *found.warnings))


def _decode(data: bytes, codec: str) -> tuple[str, int]:
    """Text with U+FFFD for each damaged spot, and how many there were."""
    unit = 4 if codec.startswith("utf-32") else 2 if codec.startswith("utf-16") else 1
    # A truncated file may end in part of a code unit; drop it rather than show junk.
    data = data[: len(data) - len(data) % unit]
    text = data.decode(codec, errors="replace").lstrip("\ufeff")
    # Legacy codecs cannot hold U+FFFD, so every one in their text is a damaged spot.
    real = data.count("\ufffd".encode(codec)) if codec.startswith("utf") else 0
    return text, max(0, text.count("\ufffd") - real)


def _damage_note(bad: int, name: str) -> tuple[str, ...]:
    if not bad:
        return ()
    what = "1 character" if bad == 1 else f"{bad} characters"
    return (f"{what} could not be read as {name} and show as \ufffd (the file is damaged there).",)


def _utf8(data: bytes) -> DecodedText | None:
    try:
        return DecodedText(data.decode("utf-8"), "UTF-8", 1.0)
    except UnicodeDecodeError:
        pass
    text, bad = _decode(data, "utf-8")
    good = sum(1 for ch in text if ord(ch) >= 0x80) - text.count("\ufffd")
    # A stray byte in a UTF-8 file (a cut download, one mis-pasted character): valid multi-byte
    # sequences are common in UTF-8 text and almost never happen by chance in legacy bytes.
    if good >= 8 * bad:
        return DecodedText(text, "UTF-8", 0.9, _damage_note(bad, "UTF-8"))
    return None


def _declared(data: bytes) -> DecodedText | None:
    """The codec named by an ``[encoding:…]`` tag, when it reads the file (nearly) cleanly."""
    match = _ENCODING_TAG.search(data[:4096])
    found = lookup_codec(match.group(1).decode("ascii")) if match else None
    if found is None or found[1].startswith("utf"):
        return None  # a UTF name on bytes that are not UTF-8 is simply wrong
    display, codec = found
    text, bad = _decode(data, codec)
    if bad * 100 > max(1, len(text)):
        return None
    return DecodedText(text, display, 0.9, _damage_note(bad, display))


def _korean(data: bytes) -> DecodedText | None:
    text, bad = _decode(data, "cp949")
    syllables = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
    if not looks_korean(text) or bad * 10 > syllables:
        return None
    return DecodedText(text, "CP949", 0.95 if not bad else 0.85, _damage_note(bad, "CP949"))


def _legacy(data: bytes) -> DecodedText:
    scored: list[tuple[float, int, str, str, int]] = []  # (score, size, name, text, bad)
    for name, script in _LEGACY:
        text, bad = _decode(data, _CODEC_OF_NAME[name])
        good, total = plausible_share(text, script)
        # A character that did not decode weighs against a codec twice: real files are rarely
        # damaged, wrong codecs fail all the time.
        score = max(0.0, (good - 2 * bad) / max(1, total + bad))
        scored.append((score, total + bad, name, text, bad))
    scored.sort(key=lambda s: -s[0])  # stable: the order of _LEGACY breaks ties
    score, size, name, text, bad = scored[0]
    # The runner-up from another family (Latin-1 is Windows-1252's twin, not a rival).
    rival = next((s[0] for s in scored[1:] if _family(s[2]) != _family(name)), 0.0)
    # Few characters prove little, a close rival means doubt: "你好" is as good Big5 as GBK.
    # One accented letter inside a word ("schläft") is fair evidence already: double-byte
    # codecs need pairs of high bytes.
    confidence = score * (size / (size + 0.5)) * min(1.0, 0.4 + score - rival)
    if score < 0.5:
        other = _charset_normalizer(data)
        if other is not None and other.confidence > confidence:
            return other
    confidence = round(min(confidence, 0.95), 2)
    warnings = _damage_note(bad, name)
    if confidence < LOW_CONFIDENCE:
        warnings = (_guess_note(name), *warnings)
    return DecodedText(text, name, confidence, warnings)


def _family(name: str) -> str:
    return "western" if name in ("Windows-1252", "Latin-1") else name


def _guess_note(name: str) -> str:
    return (
        f"The encoding was guessed ({name}, low confidence); "
        "choose one in Encoding \u25b8 if the text looks wrong."
    )


def _charset_normalizer(data: bytes) -> DecodedText | None:
    """The last resort for scripts the steps above do not know (Cyrillic, Greek, Thai…)."""
    # Imported here: it costs start-up time and almost every file is decided before this.
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data).best()
    except Exception:  # a bug in a heuristic library must not lose the lyrics
        return None
    if best is None or best.encoding is None:
        return None
    found = lookup_codec(best.encoding)
    if found is None:
        return None
    display, codec = found
    text, bad = _decode(data, codec)
    # Its "coherence" (letter frequencies of a detected language) is the only real evidence;
    # without it the pick is a shrug, however little "chaos" it reports.
    confidence = round((1.0 - best.chaos) * (0.3 + 0.6 * best.coherence), 2)
    warnings = _damage_note(bad, display)
    if confidence < LOW_CONFIDENCE:
        warnings = (_guess_note(display), *warnings)
    return DecodedText(text, display, confidence, warnings)
