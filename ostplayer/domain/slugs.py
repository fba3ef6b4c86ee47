"""Readable ids for what a scan adds to the catalog: "my-mister", "naui-ajeossi", "sondia-2".

Ids are what links, lyrics and plays hang on, so they must be valid for the catalog format
(``catalog_format._SLUG``), stable for the same input and readable in an exported file. The
English or Latin spelling reads best; Hangul is romanized; a name in neither (梨泰院) stays
as written, which the format allows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable
from functools import lru_cache

from .catalog_format import _SLUG
from .hangul import script_of
from .romanize import has_hangul, romanize

__all__ = ["SlugAllocator", "slug_for", "slugify"]

_MAX_LENGTH = 60
_NOT_SLUG = re.compile(r"[^0-9a-z]+")
_NOT_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’‘ʼ`´]")
_OTHER_LETTER = re.compile(r"(?![\x00-\x7f])\w")


def _ascii_slug(text: str) -> str:
    """Latin letters without accents ("Beyoncé" → "beyonce"); "" when other letters would be
    lost on the way (梨泰院Class is not "class")."""
    text = _APOSTROPHES.sub("", text)
    if text.isascii():
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    if not plain.isascii() and _OTHER_LETTER.search(plain):
        return ""
    return _NOT_SLUG.sub("-", plain).strip("-")


def _shorten(slug: str) -> str:
    if len(slug) <= _MAX_LENGTH:
        return slug
    cut = slug[:_MAX_LENGTH]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


@lru_cache(maxsize=1 << 14)
def _romanized_word(word: str) -> str:
    return romanize(word) if has_hangul(word) else word


def _base(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    if has_hangul(text):
        # Word by word, as Revised Romanization treats words: titles share many ("사랑").
        romanized = " ".join(_romanized_word(w) for w in text.split())
        if romanized and not has_hangul(romanized):
            text = romanized
    slug = _ascii_slug(text)
    if slug and _SLUG.match(slug):
        return _shorten(slug)
    # Neither Latin nor romanizable (梨泰院, or Hangul without a romanizer): as written.
    own = _NOT_WORD.sub("-", text.casefold()).strip("-")
    return _shorten(own) if own and _SLUG.match(own) else ""


def slugify(text: str, taken: Container[str]) -> str:
    """A slug valid for the catalog and not in ``taken``: "My Mister" → "my-mister", "나의
    아저씨" → "naui-ajeossi", then "my-mister-2", "my-mister-3" when those are taken."""
    base = _base(text) or "untitled"
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def slug_for(spellings: Iterable[str], taken: Container[str]) -> str:
    """The slug of the best spelling for an id: the first Latin one, else the first Hangul one
    (romanized), else the first."""
    return slugify(_best_spelling(spellings), taken)


def _best_spelling(spellings: Iterable[str]) -> str:
    spellings = [s for s in spellings if s and s.strip()]
    latin = [s for s in spellings if script_of(s) == "latin"]
    hangul = [s for s in spellings if has_hangul(s)]
    return (latin or hangul or spellings or [""])[0]


class SlugAllocator:
    """Ids for many new entries at once, unique among ``taken`` and each other. Remembers the
    last number used for each slug, so that a thousand songs called "Love" do not each count
    up from "love-2"."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)
        self._next: dict[str, int] = {}

    def allocate(self, spellings: Iterable[str]) -> str:
        base = _base(_best_spelling(spellings)) or "untitled"
        slug = base
        if slug in self.taken:
            n = self._next.get(base, 2)
            while f"{base}-{n}" in self.taken:
                n += 1
            slug = f"{base}-{n}"
            self._next[base] = n + 1
        self.taken.add(slug)
        return slug
