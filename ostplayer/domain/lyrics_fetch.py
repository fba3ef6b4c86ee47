"""One song's online lookup, from query to outcome, and how fetched lyrics are stored.

The same steps for the window's lookup, its bulk fetch and ``ostplayer fetch-lyrics``: ask the
provider, choose (:mod:`.lyrics_choice`), and say what happened in one of the statuses the
command line prints. Fetched lyrics are kept in the song's personal row under
:data:`FETCHED_KEY`, with the provider, its id, the date and the confidence: apart from lyrics
the user saved (``lyrics``), so they never replace the user's, a sidecar's or a tag's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .found_lyrics import FoundLyrics, LyricsOrigin
from .lrc_reader import parse_lrc
from .lyrics_choice import Choice, choose
from .lyrics_lookup import (
    LyricsCandidate,
    LyricsProvider,
    LyricsQuery,
    ProviderError,
    ProviderUnreachable,
)
from .phrases import Phrase

__all__ = [
    "FETCHED_KEY",
    "STATUSES",
    "FetchOutcome",
    "clock",
    "describe_candidate",
    "fetch_one",
    "fetched_record",
    "found_from_record",
    "outcome_of",
]

FETCHED_KEY = "fetched_lyrics"
STATUSES = ("synced", "plain", "instrumental", "not_found", "needs_review", "skipped", "error")
PROVIDER_LABELS = {"lrclib": "LRCLIB"}


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    song_id: str
    status: str  # one of STATUSES
    provider: str | None = None
    candidate: LyricsCandidate | None = None
    confidence: float | None = None
    message: str | None = None
    choice: Choice | None = None
    unreachable: bool = False  # no request could be made (no network, refused, DNS)

    @property
    def stores(self) -> bool:
        """Whether this outcome is kept in the library (a review or a failure never is)."""
        return self.status in ("synced", "plain", "instrumental")

    def as_json(self) -> dict[str, Any]:
        c = self.candidate
        return {
            "id": self.song_id,
            "status": self.status,
            "provider": self.provider,
            "provider_id": c.provider_id if c is not None else None,
            "confidence": self.confidence,
            "message": self.message,
        }


def clock(seconds: float | None) -> str:
    """A duration as m:ss ("?:??" when unknown)."""
    if seconds is None:
        return "?:??"
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def describe_candidate(c: LyricsCandidate) -> str:
    """ "시작 by 가호, 이태원 클라쓰 OST Part.2, 3:22 (LRCLIB #123)" """
    album = f", {c.album}" if c.album else ""
    label = PROVIDER_LABELS.get(c.provider, c.provider)
    when = clock(c.duration_s)
    return Phrase("%1 by %2%3, %4 (%5 #%6)", c.track, c.artist, album, when, label, c.provider_id)


def outcome_of(query: LyricsQuery, provider: str, choice: Choice) -> FetchOutcome:
    best = choice.best
    if best is None:
        return FetchOutcome(query.song_id, "not_found", provider, choice=choice)
    c = best.candidate
    if choice.needs_review:
        return FetchOutcome(
            query.song_id,
            "needs_review",
            provider,
            c,
            best.confidence,
            Phrase(
                "Are these the lyrics of this song? %1 (%2)"
                if best.review
                else "Are these the lyrics of this song? %1",
                describe_candidate(c),
                best.review,
            ),
            choice,
        )
    return FetchOutcome(query.song_id, c.kind, provider, c, best.confidence, None, choice)


def fetch_one(
    query: LyricsQuery, provider: LyricsProvider, check: Callable[[], None] | None = None
) -> FetchOutcome:
    """Never raises a provider's error: it becomes an ``error`` outcome with its one line."""
    try:
        candidates = provider.candidates(query, check)
    except ProviderUnreachable as exc:
        return FetchOutcome(
            query.song_id, "error", provider.name, message=str(exc), unreachable=True
        )
    except ProviderError as exc:
        return FetchOutcome(query.song_id, "error", provider.name, message=str(exc))
    return outcome_of(query, provider.name, choose(query, candidates))


def fetched_record(candidate: LyricsCandidate, confidence: float, when: str) -> dict[str, Any]:
    """What the personal row keeps (``when``: an ISO date-time, UTC)."""
    synced = (candidate.synced or "").strip()
    return {
        "provider": candidate.provider,
        "provider_id": candidate.provider_id,
        "at": when,
        "confidence": confidence,
        "instrumental": candidate.instrumental,
        "synced": bool(synced) and not candidate.instrumental,
        "text": "" if candidate.instrumental else (synced or (candidate.plain or "").strip()),
        "track": candidate.track,
        "artist": candidate.artist,
        "album": candidate.album,
        "duration": candidate.duration_s,
    }


def found_from_record(record: Mapping[str, Any] | None) -> FoundLyrics | None:
    """The stored lyrics read through the same LRC reader as files (offsets, word timing)."""
    if not isinstance(record, Mapping) or record.get("instrumental"):
        return None
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    lyrics = parse_lrc(text)
    if lyrics.is_empty:
        return None
    label = PROVIDER_LABELS.get(str(record.get("provider")), str(record.get("provider")))
    date = str(record.get("at") or "")[:10]
    detail = f"{label} #{record.get('provider_id')}" + (f", {date}" if date else "")
    return FoundLyrics(lyrics, LyricsOrigin.ONLINE, detail, confidence=record.get("confidence"))
