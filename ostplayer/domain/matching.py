"""Which catalog song a file is, with how sure and why.

Names are compared in every form a spelling can take (``name_similarity``): folded text,
Hangul jamo (a one-letter typo costs one jamo), and across alphabets by sound (가호 = Gaho,
이태원 클라쓰 = Itaewon Class) or through the romanizer (Sijak = 시작). The catalog is indexed
once by those keys, so a file is scored only against the songs that share its title, singer or
drama, never against the whole catalog.

Confidence, 0..1, from what agrees:

- **title** agreeing is required: a singer's other songs never match by the singer alone. When
  the file and the catalog spell the title in different alphabets with nothing to compare
  (시작 against "Start Over"), the title is unknown, not different: then the singer and the
  drama must both agree and the catalog must hold only one such song of that drama.
- **performer** agreeing in either alphabet raises it; another singer with the same title (a
  cover or a remake) stays below "sure".
- **drama** agreeing raises it, a different drama lowers it.
- **version**: an instrumental never matches the vocal song, nor an acoustic version the
  original: they are other recordings.
- **OST part** and **duration** (when known on both sides) nudge it up or down.

``SURE`` (0.80) and above: the scan links the file by itself. ``UNCERTAIN`` (0.50) to SURE:
offered for review. Below: no match (``match`` does not return it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.fuzz import ratio

from .hangul import compact, script_of
from .models import Catalog, Person
from .name_matching import AGREE, Found, NameIndex, compare_names, name_similarity
from .song_index import CLOSE, SongEntry, SongIndex
from .tag_text import TrackMeaning

_NUMBERS = re.compile(r"\d+")  # "Love Playlist 3" is not "Love Playlist 4"

__all__ = [
    "SURE",
    "UNCERTAIN",
    "CatalogMatcher",
    "SongMatch",
    "name_similarity",
]

SURE = 0.80
UNCERTAIN = 0.50


@dataclass(frozen=True, slots=True)
class SongMatch:
    song_id: str
    confidence: float
    evidence: tuple[str, ...]

    @property
    def level(self) -> str:
        """ "sure" (linked by the scan), "uncertain" (offered for review) or "none"."""
        if self.confidence >= SURE:
            return "sure"
        return "uncertain" if self.confidence >= UNCERTAIN else "none"


class CatalogMatcher:
    """The catalog indexed for matching files; also a ``NameBook`` for ``understand``.

    ``durations`` (song id → ms, from files already linked) lets a duration confirm or doubt.
    """

    def __init__(self, catalog: Catalog, durations: Mapping[str, int] | None = None) -> None:
        self.catalog = catalog
        self.durations = dict(durations or {})
        self._people = NameIndex()
        for person in catalog.people.values():
            for text in _person_spellings(person):
                self._people.add(person.id, text)
        self._dramas = NameIndex()
        for drama in catalog.dramas.values():
            for text in (drama.title, drama.title_original, *drama.aliases):
                if text:
                    self._dramas.add(drama.id, text)
                    head = text.split(":")[0]  # "Hwarang: The Poet Warrior Youth" is "Hwarang"
                    if head != text and len(compact(head)) >= 4:
                        self._dramas.add(drama.id, head)
        self._drama_keys = sorted(self._dramas.by_key)
        self._songs = SongIndex(catalog)
        self._drama_cache: dict[tuple[str, ...], Found | None] = {}
        self._person_cache: dict[tuple[str, str], Found | None] = {}

    # -- people and dramas ---------------------------------------------------------------

    def match_person(self, name: str, alternate: str = "", *, by_sound: bool = True) -> str | None:
        """The catalog person (or group) with this name in any spelling, if exactly one;
        ``by_sound=False`` takes only a spelling the catalog has as written."""
        found = (
            self._resolve_person(name, alternate)
            if by_sound
            else self._people.find(name, by_sound=False)
        )
        return next(iter(found.ids)) if found and len(found.ids) == 1 else None

    def _resolve_person(self, name: str, alternate: str = "") -> Found | None:
        """By the name in any spelling; by the alternate only as written: when a tag gives
        two spellings and the catalog knows neither, a sound-alike of the second is a guess."""
        cache_key = (name, alternate)
        if cache_key not in self._person_cache:
            found = self._people.find(name) if name else None
            if found is None and alternate:
                found = self._people.find(alternate, by_sound=not name)
            self._person_cache[cache_key] = found
        return self._person_cache[cache_key]

    def match_drama(self, titles: Iterable[str]) -> str | None:
        """The catalog drama any of these spellings names, if exactly one."""
        found = self._resolve_drama(tuple(titles))
        return next(iter(found.ids)) if found and len(found.ids) == 1 else None

    def _resolve_drama(self, titles: tuple[str, ...]) -> Found | None:
        if titles in self._drama_cache:
            return self._drama_cache[titles]
        result = next((f for f in map(self._dramas.find, titles) if f), None)
        if result is None:
            for title in titles:
                key = compact(title)
                if len(key) < 6:
                    continue
                # A spelling off by a letter or a punctuation mark: "Whats Wrong With …".
                close = process.extractOne(key, self._drama_keys, scorer=ratio, score_cutoff=92)
                if close and _NUMBERS.findall(close[0]) == _NUMBERS.findall(key):
                    result = Found(
                        frozenset(self._dramas.by_key[close[0]]), "close spelling", title
                    )
                    break
        self._drama_cache[titles] = result
        return result

    def knows_person(self, name: str) -> bool:
        return compact(name) in self._people.by_key

    def knows_group(self, name: str) -> bool:
        ids = self._people.by_key.get(compact(name), ())
        return any(self.catalog.people[i].is_group for i in ids)

    def knows_drama(self, title: str) -> bool:
        return self._resolve_drama((title,)) is not None

    def songs_of_drama(self, drama_id: str) -> list[str]:
        return [self._songs.entries[i].song_id for i in self._songs.by_drama.get(drama_id, ())]

    # -- songs ---------------------------------------------------------------------------

    def match(self, meaning: TrackMeaning, duration_ms: int | None = None) -> list[SongMatch]:
        """Catalog songs this file may be, best first, each at least ``UNCERTAIN``."""
        if not meaning.title:
            return []
        ctx = _Context.of(self, meaning)
        dramas = ctx.drama.ids if ctx.drama is not None else frozenset()
        candidates = self._songs.candidates(ctx.titles, ctx.people.keys(), dramas, meaning.ost_part)
        out = []
        for index in sorted(candidates):
            scored = self._score(self._songs.entries[index], meaning, ctx, duration_ms)
            if scored is not None and scored.confidence >= UNCERTAIN:
                out.append((scored, index))
        out.sort(key=lambda pair: (-pair[0].confidence, pair[1]))
        return [m for m, _ in out]

    def _score(
        self, entry: SongEntry, meaning: TrackMeaning, ctx: _Context, duration_ms: int | None
    ) -> SongMatch | None:
        if entry.instrumental != meaning.instrumental:
            return None
        title_score, title_how, title_pair, comparable = 0.0, "", ("", ""), False
        version = entry.versions[0]  # the main title's, unless another spelling is closer
        for mine in ctx.titles:
            for theirs, their_version in zip(entry.titles, entry.versions, strict=True):
                score, how, can = compare_names(mine, theirs)
                comparable = comparable or can
                if score > title_score:
                    title_score, title_how, title_pair = score, how, (mine, theirs)
                    version = their_version
        if comparable and title_score < CLOSE:
            return None  # another song, whoever sings it
        evidence: list[str] = []
        if not comparable:
            title_state = "unknown"
            evidence.append(
                f"title {meaning.title} not comparable with {entry.titles[0]}"
                " (no spelling in the same alphabet)"
            )
        else:
            title_state = "agree" if title_score >= AGREE else "close"
            sign = "=" if title_score == 1.0 else "≈"
            note = f" ({title_how})" if title_how and sign == "≈" else ""
            evidence.append(f"title {title_pair[0]} {sign} song title {title_pair[1]}{note}")
        if meaning.version != version:
            if title_state != "unknown":
                return None  # the same title in another version: another recording
            evidence.append(f"version {meaning.version or 'original'!r} not in the catalog title")
        performer = self._performer_state(entry, meaning, ctx, evidence)
        drama = self._drama_state(entry, meaning, ctx, evidence)
        if title_state == "unknown":
            confidence = self._unknown_title(entry, meaning, ctx, performer, drama)
            if meaning.version != version:
                confidence *= 0.9
        else:
            confidence = _TABLE[performer][drama] * (0.8 if title_state == "close" else 1.0)
        if confidence <= 0:
            return None
        if meaning.ost_part is not None and entry.part is not None:
            same = meaning.ost_part == entry.part
            confidence += 0.03 if same else -0.2
            sign = "=" if same else "≠"
            evidence.append(f"OST part {meaning.ost_part} {sign} part {entry.part}")
        known = self.durations.get(entry.song_id)
        if duration_ms and known:
            gap = abs(duration_ms - known)
            evidence.append(f"duration {_clock(duration_ms)} vs {_clock(known)}")
            confidence += 0.02 if gap <= 3000 else -0.05 if gap <= 10_000 else -0.25
        return SongMatch(entry.song_id, round(min(1.0, max(0.0, confidence)), 3), tuple(evidence))

    def _performer_state(
        self, entry: SongEntry, meaning: TrackMeaning, ctx: _Context, evidence: list[str]
    ) -> str:
        agreeing = [pid for pid in ctx.people if pid in entry.people]
        if agreeing:
            for pid in agreeing:
                how, spelling = ctx.people[pid]
                note = f" ({how})" if how else ""
                evidence.append(f"performer {spelling} = {self.catalog.person_name(pid)}{note}")
            return "agree"
        if not meaning.performers or not entry.people:
            return "unknown"
        # Someone the catalog knows as another person, or a name in an alphabet the song's
        # singers are spelled in, that matches none of them: another singer.
        if not ctx.people and not any(
            ctx.performer_scripts & self._people.scripts.get(p, set()) for p in entry.people
        ):
            return "unknown"
        theirs = ", ".join(self.catalog.person_name(p) for p in sorted(entry.people))
        names = ", ".join(p.name for p in meaning.performers)
        evidence.append(f"performer {names} ≠ {theirs} (a cover or another song?)")
        return "differ"

    def _drama_state(
        self, entry: SongEntry, meaning: TrackMeaning, ctx: _Context, evidence: list[str]
    ) -> str:
        if not meaning.from_drama or not meaning.dramas:
            return "unknown"
        if ctx.drama is not None:
            if entry.drama in ctx.drama.ids:
                title = self.catalog.dramas[entry.drama].title
                spelling, how = ctx.drama.spelling, ctx.drama.how
                same = compact(spelling) == compact(title)
                note = f" ({how.replace('name', 'title')})" if how else ""
                evidence.append(f"drama {title}" if same else f"drama {spelling} = {title}{note}")
                return "agree"
            evidence.append(f"drama {ctx.drama.spelling}, not this song's drama")
            return "differ"
        if entry.drama is None:
            return "unknown"
        if ctx.drama_scripts & self._dramas.scripts.get(entry.drama, set()):
            evidence.append(f"drama {meaning.dramas[0]} is not in the catalog")
            return "differ"
        return "unknown"

    def _unknown_title(
        self, entry: SongEntry, meaning: TrackMeaning, ctx: _Context, performer: str, drama: str
    ) -> float:
        """Title spelled in another alphabet only: the drama's OST decides, if it can."""
        if drama != "agree" or entry.drama is None:
            return 0.0
        siblings = [self._songs.entries[i] for i in self._songs.by_drama.get(entry.drama, ())]
        siblings = [e for e in siblings if e.instrumental == entry.instrumental]
        if performer == "agree":
            same = [e for e in siblings if e.people & ctx.people.keys()]
            return 0.82 if len(same) == 1 else 0.55
        if performer == "unknown" and meaning.ost_part is not None and entry.part is not None:
            same_part = [e for e in siblings if e.part == meaning.ost_part]
            return 0.6 if len(same_part) == 1 and entry.part == meaning.ost_part else 0.0
        return 0.0


# Confidence with an agreeing title, by performer then drama agreement.
_TABLE = {
    "agree": {"agree": 0.97, "unknown": 0.9, "differ": 0.6},
    "unknown": {"agree": 0.85, "unknown": 0.6, "differ": 0.35},
    "differ": {"agree": 0.55, "unknown": 0.4, "differ": 0.2},
}


@dataclass(slots=True)
class _Context:
    """What a file's meaning resolves to in the catalog, worked out once per file."""

    titles: tuple[str, ...]
    people: dict[str, tuple[str, str]]  # person id -> (how, the file's spelling)
    performer_scripts: set[str]
    drama: Found | None
    drama_scripts: set[str]

    @classmethod
    def of(cls, matcher: CatalogMatcher, meaning: TrackMeaning) -> _Context:
        people: dict[str, tuple[str, str]] = {}
        scripts: set[str] = set()
        for performer in meaning.performers:
            for name, alternate in (
                (performer.name, performer.alternate),
                (performer.group, performer.group_alternate),
            ):
                if not name:
                    continue
                scripts.update(script_of(s) for s in (name, alternate) if s)
                found = matcher._resolve_person(name, alternate)
                for pid in found.ids if found else ():
                    people.setdefault(pid, (found.how, found.spelling))
        drama = matcher._resolve_drama(meaning.dramas) if meaning.dramas else None
        drama_scripts = {script_of(t) for t in meaning.dramas}
        return cls(meaning.titles, people, scripts, drama, drama_scripts)


def _person_spellings(person: Person) -> tuple[str, ...]:
    return tuple(t for t in (person.name, person.name_original, *person.aliases) if t)


def _clock(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"
