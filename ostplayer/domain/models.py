"""The catalog's entities: pure dataclasses, no Qt and no storage.

Every entity carries a readable, stable slug id. Songs are identified by that id, never by a
file path: a linked audio file is personal data kept elsewhere (see ``catalog.personal``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    kind: str = "person"  # "person" or "group"
    members: tuple[str, ...] = ()
    name_original: str = ""  # e.g. the Hangul spelling, when a catalog gives it
    aliases: tuple[str, ...] = ()  # other spellings seen in tags ("Sondia", "손디아")

    @property
    def is_group(self) -> bool:
        return self.kind == "group"


@dataclass(frozen=True, slots=True)
class CastMember:
    id: str
    actor: str  # person id
    character: str | None = None  # None when the source names the actor but not the role


@dataclass(frozen=True, slots=True)
class Drama:
    id: str
    title: str
    year: int | None  # None when nothing the app read says (a drama created from tags)
    cast: tuple[CastMember, ...] = ()
    title_original: str = ""
    aliases: tuple[str, ...] = ()  # other spellings: "My Mister", "나의 아저씨", "我的大叔"
    network: str = ""  # "tvN", "JTBC"
    episodes: int | None = None

    def cast_member(self, cast_id: str) -> CastMember | None:
        return next((c for c in self.cast if c.id == cast_id), None)


@dataclass(frozen=True, slots=True)
class Scene:
    """Where a song plays: an episode, a short note, and whether the note gives away the plot
    (then it is hidden until the reader asks)."""

    episode: int | None = None
    note: str = ""
    spoiler: bool = False


@dataclass(frozen=True, slots=True)
class Credit:
    person: str  # person id
    group: str | None = None  # the group the person sings with on this song


@dataclass(frozen=True, slots=True)
class Song:
    id: str
    title: str
    drama: str | None  # drama id; None for music that is not from a drama ("Other music")
    ost_order: int
    performers: tuple[Credit, ...]
    lyrics_excerpt: str = ""
    commentary: tuple[str, ...] = ()
    musical_character: str = ""
    characters: tuple[str, ...] = ()  # cast-member ids within the drama
    sung_by_cast: bool = False
    title_original: str = ""
    aliases: tuple[str, ...] = ()
    ost_part: int | None = None  # "OST Part.3" -> 3
    scenes: tuple[Scene, ...] = ()


@dataclass(frozen=True, slots=True)
class Feature:
    id: str
    title: str
    subtitle: str = ""
    introduction: str = ""
    songs: tuple[str, ...] = ()
    source: str = ""


@dataclass(slots=True)
class Catalog:
    """An in-memory catalog. Dict order is the order entries were added (the OST order)."""

    people: dict[str, Person] = field(default_factory=dict)
    dramas: dict[str, Drama] = field(default_factory=dict)
    songs: dict[str, Song] = field(default_factory=dict)
    features: dict[str, Feature] = field(default_factory=dict)

    def merge(self, other: Catalog) -> MergeSummary:
        """Add or replace entries by id; nothing is removed."""
        summary = MergeSummary()
        for name in ("people", "dramas", "songs", "features"):
            mine: dict = getattr(self, name)
            for key, value in getattr(other, name).items():
                if key not in mine:
                    summary.added += 1
                    summary.songs_added += name == "songs"
                elif mine[key] != value:
                    summary.updated += 1
                    summary.songs_updated += name == "songs"
                else:
                    summary.unchanged += 1
                mine[key] = value
        return summary

    def songs_of_drama(self, drama_id: str) -> list[Song]:
        return sorted(
            (s for s in self.songs.values() if s.drama == drama_id), key=lambda s: s.ost_order
        )

    def performer_names(self, song: Song) -> str:
        return format_credits(song.performers, self.people)

    def person_name(self, person_id: str | None) -> str:
        if person_id is None:
            return ""
        person = self.people.get(person_id)
        return person.name if person else person_id


@dataclass(slots=True)
class MergeSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    songs_added: int = 0
    songs_updated: int = 0

    def __str__(self) -> str:
        return (
            f"{self.songs_added:,} new songs, {self.songs_updated:,} songs updated"
            f" ({self.added:,} entries added, {self.updated:,} updated,"
            f" {self.unchanged:,} unchanged)"
        )


def format_credits(credits: Iterable[Credit], people: dict[str, Person]) -> str:
    """ "Kihyun (Monsta X)" for one member; "BTOB (A, B and C)" when several members sing."""

    def name(pid: str) -> str:
        p = people.get(pid)
        return p.name if p else pid

    parts: list[str] = []
    by_group: dict[str, list[str]] = {}
    order: list[tuple[str, str]] = []
    for credit in credits:
        if credit.group:
            if credit.group not in by_group:
                by_group[credit.group] = []
                order.append(("group", credit.group))
            by_group[credit.group].append(credit.person)
        else:
            order.append(("person", credit.person))
    for kind, key in order:
        if kind == "person":
            parts.append(name(key))
            continue
        members = [name(m) for m in by_group[key]]
        if len(members) == 1:
            parts.append(f"{members[0]} ({name(key)})")
        else:
            parts.append(f"{name(key)} ({join_names(members)})")
    return join_names(parts)


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def iter_credit_people(song: Song) -> Iterator[str]:
    """Every person and group id credited on a song, groups once."""
    seen: set[str] = set()
    for credit in song.performers:
        for pid in (credit.person, credit.group):
            if pid and pid not in seen:
                seen.add(pid)
                yield pid
