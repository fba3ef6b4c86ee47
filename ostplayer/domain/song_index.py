"""The catalog's songs indexed by what a file can say about them: title (as written and as it
sounds), singer and drama, so that a file is compared with a handful of songs, not all.

Common titles ("Because of You", "It's You") are shared by hundreds of songs in a large
catalog; for them only the songs of the file's singers or drama are candidates, since the
others could only tie. A singer's own songs are also searched for a close title (a typo)
when the file names no drama the catalog knows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.fuzz import ratio

from .hangul import compact, sound_key
from .models import Catalog, iter_credit_people
from .tag_titles import parse_title

__all__ = ["CLOSE", "SongEntry", "SongIndex"]

CLOSE = 0.80  # title similarity from here to AGREE: a likely typo, for review at most
_MANY = 50  # more songs than this share a title or a drama's name: narrowed
_SOUND_LENGTH = 4  # shorter title sounds tie unrelated titles


@dataclass(frozen=True, slots=True)
class SongEntry:
    song_id: str
    order: int
    titles: tuple[str, ...]
    versions: tuple[str, ...]  # each title's version: "서로의 눈물이 되어 (선우 Ver.)" has one
    instrumental: bool
    people: frozenset[str]
    drama: str | None
    part: int | None
    keys: frozenset[str]  # compact titles
    sounds: frozenset[str]  # their sound keys, 4 letters or more


def _plain_title(title: str) -> tuple[tuple[str, ...], str, bool]:
    """A catalog title read like a tag, cheaply: most titles have no notes to take out."""
    if not any(c in title for c in "([{-–—:") and "feat" not in title.lower():
        return (title,), "", False
    meaning = parse_title(title)
    titles = tuple(t for t in (meaning.title, meaning.alternate) if t)
    return titles or (title,), meaning.version, meaning.instrumental


class SongIndex:
    def __init__(self, catalog: Catalog) -> None:
        self.entries: list[SongEntry] = []
        self.by_title: dict[str, list[int]] = {}
        self.by_title_sound: dict[str, list[int]] = {}
        self.by_person: dict[str, list[int]] = {}
        self.by_drama: dict[str, list[int]] = {}
        self._person_keys: dict[str, dict[str, list[int]]] = {}
        self._person_titles: dict[str, tuple[list[str], list[int]]] = {}
        for order, song in enumerate(catalog.songs.values()):
            spelled: dict[str, str] = {}
            instrumental = False
            for text in (song.title, song.title_original, *song.aliases):
                if text:
                    names, version, inst = _plain_title(text)
                    instrumental = instrumental or inst
                    for name in names:
                        spelled.setdefault(name, version)
            titles = tuple(spelled)
            keys = frozenset(map(compact, titles))
            sounds = frozenset(k for k in map(sound_key, titles) if len(k) >= _SOUND_LENGTH)
            entry = SongEntry(
                song.id,
                order,
                titles,
                tuple(spelled.values()),
                instrumental,
                frozenset(iter_credit_people(song)),
                song.drama,
                song.ost_part,
                keys,
                sounds,
            )
            self.entries.append(entry)
            for key in keys:
                self.by_title.setdefault(key, []).append(order)
            for sound in sounds:
                self.by_title_sound.setdefault(sound, []).append(order)
            for pid in entry.people:
                self.by_person.setdefault(pid, []).append(order)
            if song.drama is not None:
                self.by_drama.setdefault(song.drama, []).append(order)

    def candidates(
        self,
        titles: Iterable[str],
        people: Collection[str],
        dramas: Collection[str],
        part: int | None,
    ) -> set[int]:
        """Positions of the songs worth scoring for a file with these titles, singers (catalog
        ids), dramas (catalog ids) and OST part."""
        titles = tuple(titles)
        keys = {compact(t) for t in titles}
        sounds = {k for k in map(sound_key, titles) if len(k) >= _SOUND_LENGTH}
        hits = [self.by_title.get(k, ()) for k in keys]
        hits += [self.by_title_sound.get(k, ()) for k in sounds]
        found: set[int] = set()
        if sum(map(len, hits)) <= _MANY:
            for positions in hits:
                found.update(positions)
        else:
            for pid in people:
                by_key = self._keys_of(pid)
                for key in keys | sounds:
                    found.update(by_key.get(key, ()))
        in_dramas = [i for d in dramas for i in self.by_drama.get(d, ())]
        if len(in_dramas) > _MANY:  # a name several dramas share: keep what could agree
            entries = self.entries
            in_dramas = [
                i
                for i in in_dramas
                if entries[i].people & people or entries[i].keys & keys or entries[i].part == part
            ]
        found.update(in_dramas)
        if not dramas:
            for pid in people:
                found.update(self._close_titles(pid, titles))
        return found

    def _keys_of(self, pid: str) -> dict[str, list[int]]:
        """A singer's songs by compact title and title sound, made when first needed."""
        found = self._person_keys.get(pid)
        if found is None:
            found = self._person_keys[pid] = {}
            for i in self.by_person.get(pid, ()):
                entry = self.entries[i]
                for key in entry.keys:
                    found.setdefault(key, []).append(i)
                for key in entry.sounds:
                    found.setdefault(key, []).append(i)
        return found

    def _close_titles(self, pid: str, titles: tuple[str, ...]) -> list[int]:
        if pid not in self._person_titles:
            keys, positions = [], []
            for i in self.by_person.get(pid, ()):
                for title in self.entries[i].titles:
                    keys.append(compact(title))
                    positions.append(i)
            self._person_titles[pid] = (keys, positions)
        keys, positions = self._person_titles[pid]
        found = []
        for title in titles:
            hits = process.extract(
                compact(title), keys, scorer=ratio, score_cutoff=100 * CLOSE, limit=20
            )
            found.extend(positions[position] for _, _, position in hits)
        return found
