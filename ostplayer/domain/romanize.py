"""Revised Romanization of Korean text, via the optional ``korean_romanizer`` package.

Only runs of Hangul are handed to the romanizer: its pronunciation rules are meant
for Korean words, and Latin text, digits and punctuation must come back untouched.
Romanizing word by word (spaces split runs) also matches the official convention of
not applying sound changes across word boundaries.
"""

from __future__ import annotations

import re

try:
    from korean_romanizer.romanizer import Romanizer
except Exception:  # pragma: no cover - depends on the environment
    Romanizer = None

__all__ = ["ROMANIZATION_AVAILABLE", "has_hangul", "romanize"]

ROMANIZATION_AVAILABLE: bool = Romanizer is not None

# Syllables plus compatibility jamo (ㅋㅋ, ㅠㅠ): the set the romanizer understands.
_HANGUL_RUN_RE = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+")
# Wider set for detection: also conjoining jamo and their extensions.
_ANY_HANGUL_RE = re.compile(r"[\u1100-\u11ff\u3131-\u318e\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]")


def has_hangul(text: str) -> bool:
    return bool(_ANY_HANGUL_RE.search(text or ""))


def romanize(text: str) -> str:
    """Romanize the Hangul in ``text``, leaving everything else as is.

    Returns "" when the romanizer package is unavailable, so callers can simply hide
    the romanization line.
    """
    if Romanizer is None or not text:
        return ""
    return _HANGUL_RUN_RE.sub(_romanize_run, text)


def _romanize_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return str(Romanizer(run).romanize())
    except Exception:
        # Third-party code on arbitrary input: a failure must not break the lyrics view.
        return run
