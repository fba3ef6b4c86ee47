"""Search across songs: an inverted word index instead of a scan.

A query is split into terms; a song matches when every term starts some word of the song's
searchable text (titles and aliases in every script, performers, drama, characters, actors,
lyrics, commentary, and text outside the catalog such as saved lyrics). Matching word starts
rather than any substring is what users of search-as-you-type expect ("go ara" should find Go
Ara, not "goal" and "characters"), and it lets a sorted vocabulary answer each term with a
binary search plus a union of the postings it selects.

Across scripts: every Hangul word is also indexed by its romanization ("sijak" finds 시작)
and by its initial consonants, the Korean search convention ("ㄱㅎ" finds 가호, "ㅇㅌㅇ"
finds 이태원).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, groupby
from operator import itemgetter

from .hangul import initials
from .models import Catalog, Song
from .romanize import romanize

_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")

_WORD = re.compile(r"\w+")
_MAX_CHAR = chr(0x10FFFF)
# Every ASCII character that is not a word character becomes a space, so ASCII text splits
# into exactly the words ``\w+`` finds. str.translate has a fast path for ASCII-to-ASCII
# tables, and str.split is far cheaper than a regex: indexing 100,000 songs is mostly this.
# An apostrophe joins instead of breaking: "It’s" is the word "its", as users type it, not
# "it" plus an "s" that would match every word starting with s.
_ASCII_BREAKS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_'")} | {"'": None}
)
_APOSTROPHES = ("’", "‘", "ʼ")
_COMMON_PUNCT = ("“", "”", "–", "—", "…", "\u00a0")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def words_of(text: str) -> list[str]:
    r"""The normalized words of a text, as ``\w+`` would split it."""
    text = text.casefold()
    if not text.isascii():
        for mark in _APOSTROPHES:
            if mark in text:
                text = text.replace(mark, "")
        for mark in _COMMON_PUNCT:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return _WORD.findall(unicodedata.normalize("NFC", text.replace("'", "")))
    return text.translate(_ASCII_BREAKS).split()


def query_terms(query: str) -> list[str]:
    return words_of(query)


def _person_fields(catalog: Catalog, person_id: str, out: list[str]) -> None:
    person = catalog.people.get(person_id)
    if person is None:
        out.append(person_id)
        return
    out.append(person.name)
    if person.name_original:
        out.append(person.name_original)
    out.extend(person.aliases)


def song_fields(song: Song, catalog: Catalog) -> list[str]:
    """The text a search looks at for one song, in the catalog's words."""
    fields = [song.title, song.title_original, song.lyrics_excerpt, song.musical_character]
    fields.extend(song.aliases)
    fields.extend(song.commentary)
    for credit in song.performers:
        _person_fields(catalog, credit.person, fields)
        if credit.group:
            _person_fields(catalog, credit.group, fields)
    drama = catalog.dramas.get(song.drama) if song.drama else None
    if drama is not None:
        fields.append(drama.title)
        fields.append(drama.title_original)
        fields.extend(drama.aliases)
        for member in drama.cast:
            _person_fields(catalog, member.actor, fields)
            if member.character:
                fields.append(member.character)
    return fields


# Romanizing is the costly part of indexing Hangul; the same words recur across songs.
_ROMANIZED: dict[str, tuple[str, str]] = {}


def _hangul_forms(word: str) -> tuple[str, str]:
    """A Hangul word's romanization (no spaces) and its initial consonants."""
    forms = _ROMANIZED.get(word)
    if forms is None:
        roman = "".join(romanize(word).split()).casefold()
        forms = (roman if roman.isascii() else "", initials(word))
        if len(_ROMANIZED) < 500_000:
            _ROMANIZED[word] = forms
    return forms


def song_words(song: Song, catalog: Catalog, extra: str = "") -> set[str]:
    """Every word a query term may start: the fields' words, and for each Hangul word its
    romanization and initial consonants. ``extra``: text kept outside the catalog."""
    text = " ".join(song_fields(song, catalog))
    if extra:
        text = f"{text} {extra}"
    words = set(words_of(text))
    if not text.isascii() and _HANGUL_SYLLABLE.search(text):
        for word in [w for w in words if _HANGUL_SYLLABLE.search(w)]:
            roman, first = _hangul_forms(word)
            if roman:
                words.add(roman)
            if first:
                words.add(first)
    return words


class SearchIndex:
    """Maps normalized words to the positions of the songs that contain them."""

    def __init__(self, song_ids: Sequence[str], words_per_song: Iterable[Iterable[str]]) -> None:
        self.song_ids = list(song_ids)
        postings: dict[str, list[int]] = {}
        for index, words in enumerate(words_per_song):
            for word in words:
                bucket = postings.get(word)
                if bucket is None:
                    postings[word] = [index]
                else:
                    bucket.append(index)
        # Typed arrays hold a posting in 4 bytes instead of an 8-byte pointer.
        self._postings = {word: array("i", songs) for word, songs in postings.items()}
        del postings
        self._vocab = sorted(self._postings)
        # The first letter typed selects most of the library: its union of postings is the
        # slowest set to build per keystroke, so it is built once here, off the GUI thread,
        # one letter at a time (the vocabulary is sorted) so only one set exists at once.
        self._first_letter: dict[str, array] = {}
        for letter, words in groupby(self._vocab, key=itemgetter(0)):
            union = set(chain.from_iterable(self._postings[w] for w in words))
            self._first_letter[letter] = array("i", union)
            del union
        self._term_cache: dict[str, frozenset[int]] = {}

    @classmethod
    def build(cls, catalog: Catalog, extra: Mapping[str, str] | None = None) -> SearchIndex:
        """``extra``: more text per song id that is not in the catalog (saved lyrics)."""
        songs = list(catalog.songs.values())
        more = extra or {}
        return cls(
            [s.id for s in songs], (song_words(s, catalog, more.get(s.id, "")) for s in songs)
        )

    @property
    def vocabulary_size(self) -> int:
        return len(self._vocab)

    def _words_with_prefix(self, term: str) -> list[str]:
        vocab = self._vocab
        start = bisect_left(vocab, term)
        # Every word with this prefix sorts before term + the highest code point.
        end = bisect_left(vocab, term + _MAX_CHAR, start)
        return vocab[start:end]

    def _positions(self, term: str) -> frozenset[int]:
        cached = self._term_cache.get(term)
        if cached is not None:
            return cached
        postings = self._postings
        if len(term) == 1:
            found = frozenset(self._first_letter.get(term, ()))
        else:
            found = frozenset(
                chain.from_iterable(postings[w] for w in self._words_with_prefix(term))
            )
        self._term_cache[term] = found
        if len(self._term_cache) > 64:
            self._term_cache.pop(next(iter(self._term_cache)))
        return found

    def search_positions(self, query: str) -> frozenset[int] | None:
        """Positions of matching songs; None for an empty query (everything matches)."""
        terms = query_terms(query)
        if not terms:
            return None
        # Longest term first: it is usually the most selective.
        terms.sort(key=len, reverse=True)
        result = self._positions(terms[0])
        for term in terms[1:]:
            if not result:
                break
            if len(term) == 1 and term not in self._term_cache:
                # Keep the found songs that have a word with this letter: one pass in C.
                result = result.intersection(self._first_letter.get(term, ()))
            else:
                result = result & self._positions(term)
        return result

    def search(self, query: str) -> set[str] | None:
        positions = self.search_positions(query)
        if positions is None:
            return None
        ids = self.song_ids
        return {ids[p] for p in positions}


def linear_search(
    catalog: Catalog, query: str, extra: Mapping[str, str] | None = None
) -> set[str] | None:
    """The same semantics without an index: the reference for tests and fallback."""
    terms = query_terms(query)
    if not terms:
        return None
    out = set()
    more = extra or {}
    for song in catalog.songs.values():
        words = song_words(song, catalog, more.get(song.id, ""))
        if all(any(w.startswith(t) for w in words) for t in terms):
            out.add(song.id)
    return out
