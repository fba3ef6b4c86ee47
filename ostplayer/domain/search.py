"""Search across songs: an inverted word index instead of a scan.

A query is split into terms; a song matches when every term starts some word of the song's
searchable text (title, performers, drama, characters, actors, lyrics, commentary). Matching
word starts rather than any substring is what users of search-as-you-type expect ("go ara"
should find Go Ara, not "goal" and "characters"), and it lets a sorted vocabulary answer each
term with a binary search plus a union of the postings it selects.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import chain, groupby
from operator import itemgetter

from .models import Catalog, Song

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


def song_fields(song: Song, catalog: Catalog) -> list[str]:
    """The text a search looks at for one song, in the catalog's words."""
    fields = [song.title, song.title_original, song.lyrics_excerpt, song.musical_character]
    fields.extend(song.commentary)
    for credit in song.performers:
        fields.append(catalog.person_name(credit.person))
        if credit.group:
            fields.append(catalog.person_name(credit.group))
    drama = catalog.dramas.get(song.drama)
    if drama is not None:
        fields.append(drama.title)
        fields.append(drama.title_original)
        for member in drama.cast:
            fields.append(catalog.person_name(member.actor))
            if member.character:
                fields.append(member.character)
    return fields


def song_words(song: Song, catalog: Catalog) -> set[str]:
    return set(words_of(" ".join(song_fields(song, catalog))))


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
    def build(cls, catalog: Catalog) -> SearchIndex:
        songs = list(catalog.songs.values())
        return cls([s.id for s in songs], (song_words(s, catalog) for s in songs))

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


def linear_search(catalog: Catalog, query: str) -> set[str] | None:
    """The same semantics without an index: the reference for tests and fallback."""
    terms = query_terms(query)
    if not terms:
        return None
    out = set()
    for song in catalog.songs.values():
        words = song_words(song, catalog)
        if all(any(w.startswith(t) for w in words) for t in terms):
            out.add(song.id)
    return out
