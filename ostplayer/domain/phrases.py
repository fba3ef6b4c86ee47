"""Messages the lower layers word in English, kept translatable.

A :class:`Phrase` is the English text itself (a ``str``: logs, files, the CLI and tests read
it as before) that also remembers its template ("Delete song “%1”") and arguments. The
window says it in the user's language by translating the template and filling it again
(``services.texts.say``), so the domain stays free of Qt and of any catalogue.
"""

from __future__ import annotations

import re

__all__ = ["Phrase", "fill"]

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """``%1``, ``%2``… replaced in one pass, so a value that itself contains "%2" (a song
    title) is left as it is."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]), template)


class Phrase(str):
    """English text that can be said again in another language: ``Phrase("unknown drama
    %1", "'goblin'")`` is the string "unknown drama 'goblin'"; an argument may be a Phrase
    too (it is then translated as well)."""

    template: str
    args: tuple[object, ...]

    def __new__(cls, template: str, *args: object) -> Phrase:
        self = super().__new__(cls, fill(template, *args))
        self.template = template
        self.args = args
        return self

    def __reduce__(self):
        return (Phrase, (self.template, *self.args))
