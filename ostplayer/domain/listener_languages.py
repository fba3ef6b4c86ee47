"""The listener's languages, from the POSIX locale: which of several tag lyrics to show first.

Pure (the environment is passed in), so the window's lyrics service and ``ostplayer lyrics``
choose alike. The order is gettext's: ``LANGUAGE`` (a colon-separated priority list), then
the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set. ``C`` and ``POSIX`` name no
language. Codes come back as ISO 639-2/T ("fra"), the codes ID3 language fields carry.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["languages_from_locale"]

# ISO 639-1 -> 639-2/T for the languages K-drama fans most often run their desktop in.
_THREE_LETTER = {
    "ar": "ara",
    "de": "deu",
    "en": "eng",
    "es": "spa",
    "fi": "fin",
    "fr": "fra",
    "id": "ind",
    "it": "ita",
    "ja": "jpn",
    "ko": "kor",
    "ms": "msa",
    "nl": "nld",
    "pl": "pol",
    "pt": "por",
    "ru": "rus",
    "sv": "swe",
    "th": "tha",
    "tr": "tur",
    "uk": "ukr",
    "vi": "vie",
    "zh": "zho",
}


def languages_from_locale(environ: Mapping[str, str]) -> tuple[str, ...]:
    """``{"LANG": "fr_FR.UTF-8"}`` -> ``("fra",)``; ``()`` for the C locale or none."""
    names = [n for n in environ.get("LANGUAGE", "").split(":") if n]
    names += [environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(v)][:1]
    out: list[str] = []
    for name in names:
        # "pt_BR.UTF-8@euro" -> "pt"
        code = name.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].split("-", 1)[0].lower()
        if not code.isalpha() or code in ("c", "posix") or len(code) not in (2, 3):
            continue
        code = _THREE_LETTER.get(code, code)
        if code not in out:
            out.append(code)
    return tuple(out)
