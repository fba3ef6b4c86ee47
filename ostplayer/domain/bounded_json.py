"""JSON parsing with limits, for every file that comes from disk or from a user.

Python's decoder accepts things no file of ours ever holds and that break the code after it:
nesting thousands deep (a RecursionError, in the parser or later in whoever walks the
value), integers of thousands of digits (a ValueError at 4,300 digits, and slow arithmetic
below that), ``NaN``, ``Infinity`` and ``1e999`` (an OverflowError as soon as one becomes an
int or a date). :func:`loads` refuses all of them with :class:`JSONLimitError`, a
``ValueError`` whose message a user can read.

:func:`loads_trusted` is for text whose checksum proved that this app wrote it: the plain C
decoder, a third faster on a large library, because nothing in it can be hostile.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "JSONLimitError",
    "first_lone_surrogate",
    "loads",
    "loads_trusted",
    "may_hold_lone_surrogates",
    "nesting_depth",
]

MAX_INT_DIGITS = 20  # 64 bits (a nanosecond file time has 19 digits); nothing of ours is larger
MAX_DEPTH = 32  # our deepest document nests 5 levels


class JSONLimitError(ValueError):
    """Valid or not, JSON that no file of ours can hold; ``str`` says what was refused."""


def _parse_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise JSONLimitError(f"it holds a number of {digits} digits, larger than any field allows")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONLimitError(f"it holds the number {text[:24]}, which is too large")
    return value


def _parse_constant(name: str) -> Any:
    raise JSONLimitError(f"it holds {name}, which is not a number")


_DECODER = json.JSONDecoder(
    parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
)
_PLAIN = json.JSONDecoder()


def decoder() -> json.JSONDecoder:
    """The bounded decoder, for callers that stream with ``raw_decode``."""
    return _DECODER


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``text``; JSONLimitError for hostile content, JSONDecodeError for broken JSON."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8")  # UnicodeDecodeError is a ValueError too
    try:
        value = _DECODER.decode(text)
    except RecursionError:
        raise JSONLimitError("it is nested thousands of levels deep") from None
    depth = nesting_depth(value, max_depth)
    if depth > max_depth:
        raise JSONLimitError(f"it is nested more than {max_depth} levels deep")
    return value


def loads_trusted(text: str) -> Any:
    try:
        return _PLAIN.decode(text)
    except RecursionError:
        raise JSONLimitError("it is nested thousands of levels deep") from None


def nesting_depth(value: Any, stop: int = MAX_DEPTH) -> int:
    """How deep ``value`` nests (a scalar is 0), counting no further than ``stop + 1``."""
    # Iterative on purpose: the point is to never recurse on hostile data.
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop:
                return deepest
        stack.extend((child, depth) for child in children if isinstance(child, dict | list))
    return deepest


# A \uD800-\uDFFF escape; real UTF-8 text cannot hold a surrogate, so JSON escapes are the only
# way one gets in, and text without one needs no further look.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE = re.compile(r"[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")


def may_hold_lone_surrogates(text: str) -> bool:
    return _SURROGATE_ESCAPE.search(text) is not None


def first_lone_surrogate(value: Any) -> tuple[list[str | int], str] | None:
    """(the keys leading to it, the surrogate as \\uXXXX) of the first text holding a lone
    surrogate, in file order; None when there is none."""
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            found = _LONE.search(item)
            if found:
                return at, f"\\u{ord(found.group()):04x}"
        elif isinstance(item, dict):
            stack.extend((v, [*at, k]) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((v, [*at, i]) for i, v in reversed(list(enumerate(item))))
    return None
