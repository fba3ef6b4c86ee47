"""The people, dramas and songs a scan creates, one per person, drama and recording.

Spellings are gathered over the whole scan before anything is created: a file tagged "나의
아저씨 (My Mister) OST" ties the Hangul and English spellings together, so the Hangul-only
folder and the English-only folder become one drama; a folder named in one alphabet whose
files are all tagged with one drama in the other is another spelling of it. Sound keys tie
spellings across alphabets too (손디아 and Sondia, 이태원 클라쓰 and Itaewon Class).
Whatever the catalog already has (in any of those spellings) is reused, never duplicated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import PurePath

from .hangul import compact, script_of, sound_key
from .matching import CatalogMatcher
from .models import Catalog, Credit, Drama, Person, Song
from .name_matching import compare_names
from .romanize import has_hangul
from .slugs import SlugAllocator
from .tag_text import TrackMeaning
from .track_facts import TrackFacts

__all__ = ["Entities", "EntityBuilder", "Tentative", "recordings"]

_SAME_RECORDING_MS = 2000
_SOUND_JOIN = 4  # sound keys this long or longer tie spellings across alphabets


def recordings(tracks: Sequence[TrackFacts], meanings: Sequence[TrackMeaning]) -> list[list[int]]:
    """Indices of the files of each recording, in input order: same fingerprint, or same
    title, performers and version with durations within 2 s."""
    parent = list(range(len(tracks)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_fingerprint: dict[str, int] = {}
    by_key: dict[tuple, list[int]] = {}
    for i, (track, meaning) in enumerate(zip(tracks, meanings, strict=True)):
        if track.fingerprint:
            union(by_fingerprint.setdefault(track.fingerprint, i), i)
        if meaning.title and track.duration_ms:
            people = frozenset(compact(p.name) for p in meaning.performers)
            by_key.setdefault((compact(meaning.title), people, meaning.version), []).append(i)
    for indices in by_key.values():
        indices.sort(key=lambda i: (tracks[i].duration_ms, i))
        for a, b in pairwise(indices):
            if tracks[b].duration_ms - tracks[a].duration_ms <= _SAME_RECORDING_MS:
                union(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(tracks)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


class _Clusters:
    """Spellings joined into one thing each (a union-find over spelling keys)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.spellings: dict[str, list[str]] = {}
        self._sounds: dict[str, list[tuple[str, str]]] = {}

    def key(self, text: str) -> str:
        key = compact(text)
        if key not in self.parent:
            self.parent[key] = key
            self.spellings[key] = [text]
            sound = sound_key(text)
            if len(sound) >= _SOUND_JOIN:
                self._sounds.setdefault(sound, []).append((script_of(text), key))
        return key

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, texts: Iterable[str]) -> str | None:
        root = None
        for text in texts:
            if not compact(text):
                continue
            found = self.find(self.key(text))
            if root is None:
                root = found
            elif found != root:
                # The older cluster stays the root: its first spelling was seen first.
                self.parent[found] = root
                self.spellings[root].extend(self.spellings.pop(found))
        return root

    def join_sounds(self) -> None:
        """One name in two alphabets: "손디아" and "Sondia" sound alike."""
        for entries in self._sounds.values():
            first = {script: key for script, key in reversed(entries)}
            if len(first) < 2:
                continue
            texts = [self.spellings[self.find(k)][0] for k in first.values()]
            if all(compare_names(texts[0], other)[2] for other in texts[1:]):
                self.join(texts)


@dataclass(slots=True)
class _Draft:
    id: str
    title: str
    title_original: str
    aliases: tuple[str, ...]
    drama: str | None
    credits: tuple[Credit, ...]
    part: int | None
    sort: tuple
    tentative: bool
    keys: tuple[tuple, ...]


@dataclass(slots=True)
class Tentative:
    """What a review item's new song needs that nothing else in the plan does."""

    song: Song
    people: list[Person] = field(default_factory=list)
    drama: Drama | None = None


@dataclass(slots=True)
class Entities:
    people: list[Person]
    dramas: list[Drama]
    songs: list[Song]
    tentative: dict[str, Tentative]


class EntityBuilder:
    def __init__(
        self,
        catalog: Catalog,
        matcher: CatalogMatcher,
        tracks: Sequence[TrackFacts],
        meanings: Sequence[TrackMeaning],
    ) -> None:
        self.catalog = catalog
        self.matcher = matcher
        self.tracks = tracks
        self.meanings = meanings
        self._dramas = _Clusters()
        self._people = _Clusters()
        self._groups: set[str] = set()  # people keys that appear as a group
        self._years: dict[str, int] = {}
        self._learn()
        self._drama_ids: dict[str, str] = {}  # cluster root -> catalog or new id
        self._person_ids: dict[str, str] = {}
        self._new_dramas: dict[str, Drama] = {}
        self._new_people: dict[str, Person] = {}
        self._drafts: list[_Draft] = []
        self._by_identity: dict[tuple, _Draft] = {}
        self._song_slugs = SlugAllocator(catalog.songs)
        self._person_slugs = SlugAllocator(catalog.people)
        self._drama_slugs = SlugAllocator(catalog.dramas)

    def _learn(self) -> None:
        folder_roots: dict[str, set[str]] = {}
        for track, meaning in zip(self.tracks, self.meanings, strict=True):
            for performer in meaning.performers:
                self._people.join([performer.name, performer.alternate])
                if performer.group:
                    root = self._people.join([performer.group, performer.group_alternate])
                    if root:
                        self._groups.add(root)
            if not meaning.dramas:
                continue
            root = self._dramas.join(meaning.dramas)
            if root and meaning.folder_dramas:
                folder = compact(meaning.folder_dramas[0])
                folder_roots.setdefault(folder, set()).add(root)
            if track.year and root:
                self._years[root] = min(self._years.get(root, track.year), track.year)
        self._people.join_sounds()
        self._dramas.join_sounds()
        for meaning in self.meanings:
            if meaning.folder_dramas and meaning.dramas:
                roots = folder_roots.get(compact(meaning.folder_dramas[0]), set())
                roots = {self._dramas.find(r) for r in roots}
                if len(roots) == 1:  # every file in that folder agrees on one drama
                    self._dramas.join([*meaning.dramas, *meaning.folder_dramas])
        self._groups = {self._people.find(g) for g in self._groups}

    # -- dramas --------------------------------------------------------------------------

    def drama_for(self, meaning: TrackMeaning) -> str | None:
        """The catalog's drama for these spellings, else a new one (made once)."""
        if not meaning.from_drama or not meaning.dramas:
            return None
        root = self._dramas.find(self._dramas.key(meaning.dramas[0]))
        if root not in self._drama_ids:
            spellings = self._dramas.spellings[root]
            known = self.matcher.match_drama(spellings)
            if known is None:
                known, title, original, aliases = self._named(spellings, self._drama_slugs)
                year = self._years.get(root)
                self._new_dramas[root] = Drama(known, title, year, (), original, aliases)
            self._drama_ids[root] = known
        return self._drama_ids[root]

    # -- people --------------------------------------------------------------------------

    def person_for(self, name: str, alternate: str) -> str:
        """The catalog's person (or group) for these spellings, else a new one."""
        root = self._people.find(self._people.key(name))
        if root not in self._person_ids:
            spellings = self._people.spellings[root]
            # Other spellings seen for this person count only as the catalog writes them.
            found = (self.matcher.match_person(s, by_sound=False) for s in spellings)
            known = self.matcher.match_person(name, alternate)
            known = known or next((pid for pid in found if pid is not None), None)
            if known is None:
                known, title, original, aliases = self._named(spellings, self._person_slugs)
                kind = "group" if root in self._groups else "person"
                self._new_people[root] = Person(known, title, kind, (), original, aliases)
            self._person_ids[root] = known
        return self._person_ids[root]

    @staticmethod
    def _named(
        spellings: Sequence[str], ids: SlugAllocator
    ) -> tuple[str, str, str, tuple[str, ...]]:
        title, original, aliases = _names(spellings)
        return ids.allocate([title, original]), title, original, aliases

    def _credits(self, meaning: TrackMeaning) -> tuple[Credit, ...]:
        credits: list[Credit] = []
        for performer in meaning.performers:
            person = self.person_for(performer.name, performer.alternate)
            group = None
            if performer.group:
                group = self.person_for(performer.group, performer.group_alternate)
                existing = self.catalog.people.get(group)
                if existing is not None and (
                    not existing.is_group or (existing.members and person not in existing.members)
                ):
                    group = None  # the catalog's group does not list them: credit the singer
            credit = Credit(person, group)
            if credit not in credits and person != group:
                credits.append(credit)
        return tuple(credits)

    # -- songs ---------------------------------------------------------------------------

    def song_for(self, group: Sequence[int], tentative: bool) -> Song:
        """The new song for a recording's files (the same one for the same song twice)."""
        first = min(group, key=lambda i: (-_score(self.meanings[i]), i))
        meaning, track = self.meanings[first], self.tracks[first]
        drama = self.drama_for(meaning)
        credits = self._credits(meaning)
        spellings = [t for t in (meaning.title, meaning.title_alternate) if t]
        if not spellings:
            spellings = [PurePath(track.path).stem]
        people = frozenset(c.person for c in credits)
        keys = tuple((drama, meaning.version, people, compact(s)) for s in spellings)
        for key in keys:
            draft = self._by_identity.get(key)
            if draft is not None:
                draft.tentative = draft.tentative and tentative
                return self._song(draft)
        title, original, aliases = _names(spellings)
        if meaning.version_note:
            title = f"{title} ({meaning.version_note})"
            original = f"{original} ({meaning.version_note})" if original else ""
        ident = self._song_slugs.allocate([title, original])
        sort = (
            meaning.ost_part if meaning.ost_part is not None else 10**6,
            meaning.disc_number or 0,
            meaning.track_number or 0,
            len(self._drafts),
        )
        draft = _Draft(
            ident, title, original, aliases, drama, credits, meaning.ost_part, sort, tentative, keys
        )
        self._drafts.append(draft)
        for key in keys:
            self._by_identity.setdefault(key, draft)
        return self._song(draft)

    def _song(self, draft: _Draft, order: int = 0) -> Song:
        return Song(
            id=draft.id,
            title=draft.title,
            drama=draft.drama,
            ost_order=order,
            performers=draft.credits,
            title_original=draft.title_original,
            aliases=draft.aliases,
            ost_part=draft.part,
        )

    def finish(self) -> Entities:
        orders = self._ost_orders()
        songs = [self._song(d, orders[d.id]) for d in self._drafts]
        definite = [s for s, d in zip(songs, self._drafts, strict=True) if not d.tentative]
        used_people = {pid for s in definite for c in s.performers for pid in (c.person, c.group)}
        used_dramas = {s.drama for s in definite}
        people = [p for p in self._new_people.values() if p.id in used_people]
        people = [_with_members(p, definite) for p in people]
        dramas = [d for d in self._new_dramas.values() if d.id in used_dramas]
        tentative: dict[str, Tentative] = {}
        for song, draft in zip(songs, self._drafts, strict=True):
            if not draft.tentative:
                continue
            needed = {pid for c in song.performers for pid in (c.person, c.group) if pid}
            extra = Tentative(song)
            extra.people = [
                _with_members(p, [song])
                for p in self._new_people.values()
                if p.id in needed and p.id not in used_people
            ]
            extra.drama = next(
                (d for d in self._new_dramas.values() if d.id == song.drama and d not in dramas),
                None,
            )
            tentative[song.id] = extra
        return Entities(people, dramas, definite, tentative)

    def _ost_orders(self) -> dict[str, int]:
        """New songs of a drama follow its catalog songs, by OST part, disc and track."""
        orders: dict[str, int] = {}
        by_drama: dict[str | None, list[_Draft]] = {}
        for draft in self._drafts:
            by_drama.setdefault(draft.drama, []).append(draft)
        for drama, drafts in by_drama.items():
            if drama is None:
                orders.update((d.id, 0) for d in drafts)
                continue
            known = self.matcher.songs_of_drama(drama)
            base = max((self.catalog.songs[s].ost_order for s in known), default=0)
            for n, draft in enumerate(sorted(drafts, key=lambda d: d.sort), start=1):
                orders[draft.id] = base + n
        return orders


def _score(meaning: TrackMeaning) -> int:
    return (
        2 * bool(meaning.title)
        + bool(meaning.title_alternate)
        + bool(meaning.performers)
        + bool(meaning.dramas)
    )


def _names(spellings: Sequence[str]) -> tuple[str, str, tuple[str, ...]]:
    """(main, original, aliases): the first Latin spelling is the main name, the first Hangul
    one the original; the rest (other spellings, other alphabets) are aliases."""
    unique: list[str] = []
    seen: set[str] = set()
    for text in spellings:
        key = compact(text)
        if key and key not in seen:
            seen.add(key)
            unique.append(text.strip())
    latin = [s for s in unique if script_of(s) == "latin"]
    hangul = [s for s in unique if has_hangul(s)]
    main = latin[0] if latin else unique[0] if unique else ""
    original = hangul[0] if hangul and hangul[0] != main else ""
    aliases = tuple(s for s in unique if s not in (main, original))
    return main, original, aliases


def _with_members(person: Person, songs: Iterable[Song]) -> Person:
    if not person.is_group:
        return person
    members = []
    for song in songs:
        for credit in song.performers:
            if credit.group == person.id and credit.person not in members:
                members.append(credit.person)
    return Person(
        person.id, person.name, person.kind, tuple(members), person.name_original, person.aliases
    )
