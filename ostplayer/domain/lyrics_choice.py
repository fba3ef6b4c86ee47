"""Choosing a song's lyrics among a provider's candidates, with the scan's Hangul-aware matching.

A candidate must agree on the title (in either script, "(Feat. …)" and "OST Part" set aside)
*and* on a performer: a record that only shares the title (another singer's song of that
name, a cover, a remake) is never chosen. When the song has a file, the durations must agree
within :data:`DURATION_OK_S`; a candidate more than :data:`DURATION_MAX_S` off is rejected and
one in between is only offered for review. The drama (album) and the OST part break ties, and
synced lyrics win over plain ones. Another version ("Inst.", "Acoustic Ver.", a remix) is
another recording, so never the vocal song's lyrics.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .lyrics_lookup import LyricsCandidate, LyricsQuery
from .name_matching import compare_names
from .phrases import Phrase
from .tag_album import parse_album, unique_spellings
from .tag_credits import parse_credits
from .tag_titles import parse_title

__all__ = [
    "APPLY_CONFIDENCE",
    "DURATION_MAX_S",
    "DURATION_OK_S",
    "Choice",
    "Scored",
    "choose",
    "score_candidate",
]

DURATION_OK_S = 2.0
DURATION_MAX_S = 5.0
TITLE_MIN = 0.88
ARTIST_MIN = 0.85
#: At or above: applied without asking; below, the user is asked "Are these the lyrics…?".
APPLY_CONFIDENCE = 0.85
_SYNCED_BONUS = 0.04  # in the ranking only: synced beats plain of about the same confidence

_OFF_LENGTH = "%1 s off the file's length"


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: LyricsCandidate
    confidence: float  # 0..1; 0 for a rejected candidate
    rejected: str = ""  # why it can never be chosen ("another singer", "7 s longer"…)
    review: str = ""  # why it may be it but should be confirmed ("3 s off")

    @property
    def rank(self) -> float:
        bonus = _SYNCED_BONUS if self.candidate.kind == "synced" else 0.0
        return -1.0 if self.rejected else self.confidence + bonus


@dataclass(frozen=True, slots=True)
class Choice:
    """The best candidate (None: nothing fits) and every candidate scored, best first."""

    best: Scored | None
    scored: tuple[Scored, ...] = field(default=())

    @property
    def needs_review(self) -> bool:
        b = self.best
        return b is not None and (bool(b.review) or b.confidence < APPLY_CONFIDENCE)


def _best(ours: Iterable[str], theirs: Iterable[str]) -> float:
    theirs = [t for t in theirs if t]
    return max((compare_names(a, b)[0] for a in ours if a for b in theirs), default=0.0)


def _title_spellings(track: str) -> tuple[tuple[str, ...], object]:
    meaning = parse_title(track)
    return unique_spellings([meaning.title, meaning.alternate, track]), meaning


def _artist_spellings(artist: str, featuring: Sequence[str]) -> tuple[str, ...]:
    names: list[str] = [artist]
    for p in parse_credits(artist).performers:
        names += [p.name, p.alternate, p.group, p.group_alternate]
    return unique_spellings([*names, *featuring])


def score_candidate(query: LyricsQuery, candidate: LyricsCandidate) -> Scored:
    titles, meaning = _title_spellings(candidate.track)
    ours = [s for t in query.titles for s in _title_spellings(t)[0]]
    title = _best(ours, titles)
    if title < TITLE_MIN:
        return Scored(candidate, 0.0, Phrase("another title"))
    if (meaning.instrumental or meaning.version) and not any(
        parse_title(t).version == meaning.version for t in query.titles
    ):
        return Scored(
            candidate, 0.0, Phrase("another version (%1)", meaning.version_note or "Inst.")
        )
    artist = _best(
        query.performer_spellings, _artist_spellings(candidate.artist, meaning.featuring)
    )
    if artist < ARTIST_MIN:
        return Scored(candidate, 0.0, Phrase("another singer"))
    if candidate.instrumental and query.vocal:
        return Scored(candidate, 0.0, Phrase("marked instrumental, but the song has words"))
    if not candidate.instrumental and not candidate.has_lyrics:
        return Scored(candidate, 0.0, Phrase("no lyrics in the record"))
    review = ""
    if query.duration_s is not None and candidate.duration_s is not None:
        off = abs(query.duration_s - candidate.duration_s)
        if off > DURATION_MAX_S:
            return Scored(candidate, 0.0, Phrase(_OFF_LENGTH, f"{off:.0f}"))
        timing = 1.0 if off <= DURATION_OK_S else 0.3
        if off > DURATION_OK_S:
            review = Phrase(_OFF_LENGTH, f"{off:.0f}")
    else:
        timing = 0.6  # no file (or no length): title and singer must carry it
    confidence = 0.5 * title + 0.35 * artist + 0.15 * timing
    confidence += _album_agreement(query, candidate.album, meaning.ost_part)
    return Scored(candidate, round(max(0.0, min(1.0, confidence)), 3), "", review)


def _album_agreement(query: LyricsQuery, album: str, title_part: int | None) -> float:
    """A small push either way: the drama named (or another named), the OST part matching."""
    if not album:
        return 0.0
    meaning = parse_album(album)
    bonus = 0.0
    if query.albums and meaning.titles:
        bonus += 0.04 if _best(query.albums, meaning.titles) >= TITLE_MIN else -0.03
    part = meaning.part or title_part
    if query.ost_part is not None and part is not None:
        bonus += 0.02 if part == query.ost_part else -0.04
    return bonus


def choose(query: LyricsQuery, candidates: Iterable[LyricsCandidate]) -> Choice:
    seen: set[tuple[str, int]] = set()
    scored = []
    for candidate in candidates:
        key = (candidate.provider, candidate.provider_id)
        if key not in seen:
            seen.add(key)
            scored.append(score_candidate(query, candidate))
    scored.sort(key=lambda s: (-s.rank, s.candidate.provider_id))
    best = scored[0] if scored and not scored[0].rejected else None
    return Choice(best, tuple(scored))
