"""The interface's words in the user's language, for the services and the window alike.

``tr(context, text)`` looks a text up in the installed catalogue (``ui.i18n`` installs it);
``say(context, text)`` does the same for a message worded below the services: a
:class:`~ostplayer.domain.phrases.Phrase` is translated by its template and filled again,
so "Delete song “봄날”" reads "“봄날” 곡 삭제" without the domain knowing any language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from ..domain.phrases import Phrase, fill

__all__ = ["fill", "say", "say_known", "tr", "tr_count"]

#: The catalogue context of the domain's and the catalog's own messages.
CATALOG_CONTEXT = "Catalog"


def tr(context: str, text: str) -> str:
    """``text`` in the interface's language (``context`` as in the ``.ts`` catalogue)."""
    return QCoreApplication.translate(context, text)


def tr_count(context: str, n: int, one: str, many: str) -> str:
    """A count in words, in the right number: ``tr_count(c, 1, "%n song", "%n songs")``.

    The two English forms are two catalogue entries (Korean has one form for both); ``%n``
    becomes ``n`` with thousands separators, so "1 lines" never shows.
    """
    return tr(context, one if n == 1 else many).replace("%n", f"{n:,}")


def say(text: str, context: str = CATALOG_CONTEXT) -> str:
    """A message from the domain or the catalog (an edit's label, a refusal) as the user
    reads it: a Phrase by its template, its Phrase arguments said too; any other text as
    the catalogue has it (unchanged when it has none)."""
    if isinstance(text, Phrase):
        args = (say(a, context) if isinstance(a, Phrase) else a for a in text.args)
        return fill(tr(context, text.template), *args)
    return tr(context, text) if text else text


def say_known(
    text: str, templates: Iterable[str], context: str, *, known_parts: bool = False
) -> str:
    """English from a layer that words its messages itself (playback, media) in the user's
    language, when it has the form of one of ``templates`` ("libVLC failed to start (%1).
    Install it: %2"): the template is translated and refilled with the parts that vary
    (each part translated too with ``known_parts``: "a JPEG image" in "%1 is %2, not
    audio"). Any other text as the catalogue has it."""
    for template in templates:
        found = _pattern(template).fullmatch(text)
        if found:
            values = [found[name] for name in sorted(found.re.groupindex)]  # p1, p2…
            if known_parts:
                values = [tr(context, v) if v else v for v in values]
            return fill(tr(context, template), *values)
    return tr(context, text) if text else text


@lru_cache(maxsize=256)
def _pattern(template: str) -> re.Pattern[str]:
    """The template as a pattern: each %N a lazy group named pN (a template's first use
    of a placeholder captures; a second use must match the same text)."""
    out, seen = [], set()
    for piece in re.split(r"(%\d)", template):
        if re.fullmatch(r"%\d", piece):
            name = f"p{piece[1]}"
            out.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
            seen.add(name)
        else:
            out.append(re.escape(piece))
    return re.compile("".join(out), re.DOTALL)
