"""The official romanization examples (official_examples.tsv) and how each one is checked.

Shared by tests/test_romanize.py and benchmarks/bench_romanization.py, so the test and the
published accuracy figure count the same thing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ostplayer.domain.romanize import Scheme, romanize, romanize_name, romanize_place

EXAMPLES_FILE = Path(__file__).with_name("official_examples.tsv")


class Example(NamedTuple):
    hangul: str
    expected: str
    article: str
    kind: str


# kind -> (the call that must produce the expected text, whether capitals count)
CHECKS: dict[str, tuple[Callable[[str], str], bool]] = {
    "word": (romanize, False),
    "hyphen": (lambda text: romanize(text, hyphenate=True), False),
    "place": (romanize_place, True),
    "unit": (lambda text: romanize_place(text, admin_unit=True), True),
    "unit-drop": (lambda text: romanize_place(text, admin_unit=True, drop_unit=True), True),
    "name": (romanize_name, True),
    "name-hyphen": (lambda text: romanize_name(text, hyphenate=True), True),
    "translit": (lambda text: romanize(text, Scheme.REVISED_TRANSLITERATION), True),
}

# Kinds that a plain "romanize this word" call is expected to get right, whatever the
# library: the ones any other romanizer can be compared on.
PLAIN_KINDS = frozenset({"word", "place"})


def read_examples(path: Path = EXAMPLES_FILE) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [Example(**row) for row in rows]


def romanized(example: Example) -> str:
    """What our romanizer writes for ``example``, through the call its kind names."""
    return CHECKS[example.kind][0](example.hangul)


def matches(example: Example, got: str | None = None) -> bool:
    """Whether ``got`` (default: our own output) is the spelling the notice prints."""
    text = romanized(example) if got is None else got
    if CHECKS[example.kind][1]:
        return text == example.expected
    return plain_match(example, text)


def plain_match(example: Example, got: str) -> bool:
    """The same letters as the notice prints, capitals aside: how a plain "romanize this
    text" call (ours or another library's) is scored."""
    return got.lower() == example.expected.lower()
