"""Looking a song's lyrics up online: what is asked (a :class:`LyricsQuery` built from what the
library knows of the song), what comes back (:class:`LyricsCandidate`) and who answers (a
:class:`LyricsProvider`).

Pure values and a protocol, so the services, the command line and any provider (LRCLIB
first; another can be added without touching the window) share them without importing each
other. Providers live in ``ostplayer.integrations.lyrics_providers``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .models import Catalog, Person, iter_credit_people
from .tag_album import unique_spellings

__all__ = [
    "LyricsCandidate",
    "LyricsProvider",
    "LyricsQuery",
    "ProviderError",
    "ProviderUnreachable",
    "PublishRequest",
    "query_for_song",
]


@dataclass(frozen=True, slots=True)
class LyricsQuery:
    """Every spelling the library knows of one song; the first of each is the main one."""

    song_id: str
    titles: tuple[str, ...]
    performers: tuple[tuple[str, ...], ...]  # one tuple of spellings per credited person/group
    albums: tuple[str, ...] = ()  # the drama's titles ("Itaewon Class", "이태원 클라쓰")
    ost_part: int | None = None
    duration_s: float | None = None  # of the linked file, when there is one
    vocal: bool = True  # the catalog holds words for it (an excerpt): not an instrumental

    @property
    def performer_spellings(self) -> tuple[str, ...]:
        return unique_spellings([s for names in self.performers for s in names])

    def key(self) -> str:
        """Changes whenever what would be asked changes (a cached "not found" is then stale)."""
        duration = "" if self.duration_s is None else str(round(self.duration_s))
        parts = [*self.titles, "|", *self.performer_spellings, "|", *self.albums, "|", duration]
        return "\x1f".join(parts)


@dataclass(frozen=True, slots=True)
class LyricsCandidate:
    """One record a provider offered: as the provider spelled it."""

    provider: str  # "lrclib"
    provider_id: int
    track: str
    artist: str
    album: str = ""
    duration_s: float | None = None
    instrumental: bool = False
    plain: str | None = None
    synced: str | None = None

    @property
    def has_lyrics(self) -> bool:
        return bool((self.synced or "").strip() or (self.plain or "").strip())

    @property
    def kind(self) -> str:
        if self.instrumental:
            return "instrumental"
        if (self.synced or "").strip():
            return "synced"
        return "plain" if (self.plain or "").strip() else "empty"


@dataclass(frozen=True, slots=True)
class PublishRequest:
    """Lyrics the user shares back (LRCLIB's publish): exactly what :meth:`as_json` sends."""

    track: str
    artist: str
    album: str
    duration_s: float
    plain: str
    synced: str

    def as_json(self) -> dict[str, object]:
        return {
            "trackName": self.track,
            "artistName": self.artist,
            "albumName": self.album,
            "duration": round(self.duration_s),
            "plainLyrics": self.plain,
            "syncedLyrics": self.synced,
        }


class ProviderError(Exception):
    """A lookup failed (a 500, malformed JSON, a body too large…); ``str`` is one short line."""


class ProviderUnreachable(ProviderError):
    """No request could be made at all: no network, a DNS failure, a refused connection."""


class LyricsProvider(Protocol):
    name: str  # stored with the lyrics: "lrclib"
    label: str  # shown: "LRCLIB"

    def candidates(
        self, query: LyricsQuery, check: Callable[[], None] | None = None
    ) -> list[LyricsCandidate]:
        """Records that may be the song (unsorted, deduplicated); raises ProviderError.

        ``check`` is called between requests and while waiting; it raises to cancel."""
        ...


def _person_spellings(person: Person) -> tuple[str, ...]:
    return unique_spellings([person.name, person.name_original, *person.aliases])


def query_for_song(catalog: Catalog, song_id: str, duration_s: float | None = None) -> LyricsQuery:
    song = catalog.songs[song_id]
    performers = []
    for pid in iter_credit_people(song):
        person = catalog.people.get(pid)
        spellings = _person_spellings(person) if person is not None else (pid,)
        if spellings:
            performers.append(spellings)
    drama = catalog.dramas.get(song.drama) if song.drama else None
    albums = unique_spellings([drama.title, drama.title_original, *drama.aliases]) if drama else ()
    return LyricsQuery(
        song_id=song_id,
        titles=unique_spellings([song.title, song.title_original, *song.aliases]),
        performers=tuple(performers),
        albums=albums,
        ost_part=song.ost_part,
        duration_s=duration_s,
        vocal=bool(song.lyrics_excerpt.strip()),
    )
