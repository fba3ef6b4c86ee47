"""What a scan of the user's music proposes: songs to link, and people, dramas and songs to add.

``plan_scan`` decides nothing it cannot undo: it returns a ``ScanPlan`` that the scanner shows
and applies. Sure matches become links; uncertain ones, and anything that would move a file
already linked to another song, go to ``review``; files that match nothing become new songs,
with their singers and dramas, in every spelling the files gave.

One recording is one song, however many copies: files with the same non-empty fingerprint, or
the same title, performers and version within 2 s of each other, are grouped first and decided
together (the first file is the main link). A file whose fingerprint equals that of a file
already linked joins that song even when its tags and name say nothing ("rec_0031.m4a").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .album_consistency import album_consistent
from .growth_entities import EntityBuilder, recordings
from .matching import SURE, SongMatch
from .models import Catalog, Drama, Person, Song
from .tag_text import TrackMeaning
from .track_facts import TrackFacts
from .track_readings import TrackReadings

__all__ = ["PlannedLink", "ReviewItem", "ScanPlan", "plan_scan"]

# Two candidates this close are a tie: the user chooses.
_TIE = 0.05


@dataclass(frozen=True, slots=True)
class PlannedLink:
    song_id: str
    path: str
    confidence: float
    evidence: tuple[str, ...]
    main: bool = False  # becomes the song's main file (the song had none)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """Files the scan will not decide alone, and what it would do for each answer."""

    paths: tuple[str, ...]
    reason: str
    candidates: tuple[SongMatch, ...] = ()
    linked_to: str | None = None  # the song a path is linked to now, when a link would move
    new_song: Song | None = None  # added instead if no candidate is right
    new_people: tuple[Person, ...] = ()  # needed only by new_song
    new_drama: Drama | None = None  # needed only by new_song
    evidence: tuple[str, ...] = ()  # what the files say, and where


@dataclass(slots=True)
class ScanPlan:
    new_people: list[Person] = field(default_factory=list)
    new_dramas: list[Drama] = field(default_factory=list)
    new_songs: list[Song] = field(default_factory=list)  # from a drama
    other_music: list[Song] = field(default_factory=list)  # not from a drama (drama=None)
    links: list[PlannedLink] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    files: dict[str, list[str]] = field(default_factory=dict)  # song id -> files, main first
    already_linked: list[str] = field(default_factory=list)  # paths linked to the song they are

    def additions(self) -> Catalog:
        """The new people, dramas and songs as a catalog to merge into the library."""
        added = Catalog()
        added.people = {p.id: p for p in self.new_people}
        added.dramas = {d.id: d for d in self.new_dramas}
        added.songs = {s.id: s for s in (*self.new_songs, *self.other_music)}
        return added

    def link_map(self, linked: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
        """Song id -> every file after the plan: the files it had first (its main file stays
        main), then the new ones; the form ``Library.link_many`` takes."""
        out: dict[str, list[str]] = {}
        for link in self.links:
            files = out.setdefault(link.song_id, list(linked.get(link.song_id, ())))
            if link.path not in files:
                files.append(link.path)
        return out


def plan_scan(
    tracks: Sequence[TrackFacts],
    catalog: Catalog,
    linked: Mapping[str, Sequence[str]],
    readings: TrackReadings | None = None,
) -> ScanPlan:
    """The plan for these files against the catalog; ``linked`` is song id -> linked paths;
    ``readings``: the files' tags already understood during the scan (against this catalog).

    Deterministic: the same input gives the same ids, order and decisions.
    """
    seen: set[str] = set()
    tracks = [t for t in tracks if not (t.path in seen or seen.add(t.path))]  # each path once
    path_song = {path: sid for sid, paths in linked.items() for path in paths}
    by_path = {t.path: t for t in tracks}
    durations: dict[str, int] = {}
    fingerprint_song: dict[str, str] = {}
    for song_id, paths in linked.items():
        for path in paths:
            known = by_path.get(path)
            if known is None:
                continue
            if known.duration_ms:
                durations.setdefault(song_id, known.duration_ms)
            if known.fingerprint:
                fingerprint_song.setdefault(known.fingerprint, song_id)
    if readings is None or readings.catalog is not catalog:
        readings = TrackReadings(catalog)  # the catalog changed while the files were read
    matcher = readings.matcher
    matcher.durations = durations
    # A linked file is already its song (a rescan is mostly these): its tags are not read.
    unread = TrackMeaning()
    meanings = [unread if t.path in path_song else readings.meaning(t) for t in tracks]
    # New songs go where their album goes: one album is never split (see album_consistency).
    builder = EntityBuilder(catalog, matcher, tracks, album_consistent(tracks, meanings))
    plan = ScanPlan()
    undecided: list[tuple[tuple[str, ...], str, tuple[SongMatch, ...], str, tuple[str, ...]]] = []
    for group in recordings(tracks, meanings):
        paths = [tracks[i].path for i in group]
        rep = max(group, key=lambda i: (_richness(meanings[i]), -i))
        meaning, track = meanings[rep], tracks[rep]
        evidence = tuple(meaning.evidence)
        known = _known_song(group, tracks, path_song, fingerprint_song, catalog)
        if known is not None:
            song_id, why = known
            _link(plan, song_id, paths, 1.0, (why,), path_song, linked, evidence)
            continue
        matches = matcher.match(meaning, track.duration_ms)
        if matches and matches[0].confidence >= SURE and not _tie(matches):
            top = matches[0]
            _link(
                plan, top.song_id, paths, top.confidence, top.evidence, path_song, linked, evidence
            )
            continue
        if matches:
            fallback = builder.song_for(group, tentative=True)
            reason = "two catalog songs match equally well" if _tie(matches) else "uncertain match"
            undecided.append((tuple(paths), reason, tuple(matches), fallback.id, evidence))
            continue
        song = builder.song_for(group, tentative=False)
        why = ("no catalog song matches: a new song", *evidence)
        _link(plan, song.id, paths, 1.0, why, path_song, linked, evidence)
    entities = builder.finish()
    plan.new_people = entities.people
    plan.new_dramas = entities.dramas
    plan.new_songs = [s for s in entities.songs if s.drama is not None]
    plan.other_music = [s for s in entities.songs if s.drama is None]
    created = {s.id: s for s in entities.songs}
    for paths, reason, matches, fallback_id, evidence in undecided:
        extra = entities.tentative.get(fallback_id)
        if extra is not None:
            item = ReviewItem(
                paths, reason, matches, None, extra.song, tuple(extra.people), extra.drama, evidence
            )
        else:  # the same new song was also created for sure files: it is the alternative
            item = ReviewItem(
                paths, reason, matches, None, created.get(fallback_id), evidence=evidence
            )
        plan.review.append(item)
    plan.files = {song_id: files for song_id, files in plan.files.items() if files}
    return plan


def _tie(matches: list[SongMatch]) -> bool:
    return len(matches) > 1 and matches[1].confidence > matches[0].confidence - _TIE


def _richness(meaning: TrackMeaning) -> tuple[int, ...]:
    """Which file of a recording says the most: its tags speak for the group."""
    return (
        bool(meaning.title),
        bool(meaning.performers),
        bool(meaning.dramas),
        bool(meaning.title_alternate),
        meaning.ost_part is not None,
    )


def _known_song(
    group: list[int],
    tracks: list[TrackFacts],
    path_song: Mapping[str, str],
    fingerprint_song: Mapping[str, str],
    catalog: Catalog,
) -> tuple[str, str] | None:
    for i in group:
        song_id = path_song.get(tracks[i].path)
        if song_id is not None and song_id in catalog.songs:
            return song_id, f"already linked: {tracks[i].path}"
    for i in group:
        song_id = fingerprint_song.get(tracks[i].fingerprint) if tracks[i].fingerprint else None
        if song_id is not None and song_id in catalog.songs:
            return song_id, f"same audio fingerprint as a file linked to {song_id}"
    return None


def _link(
    plan: ScanPlan,
    song_id: str,
    paths: list[str],
    confidence: float,
    why: tuple[str, ...],
    path_song: Mapping[str, str],
    linked: Mapping[str, Sequence[str]],
    evidence: tuple[str, ...],
) -> None:
    files = plan.files.setdefault(song_id, [])
    for path in paths:
        current = path_song.get(path)
        if current == song_id:
            plan.already_linked.append(path)
            if path not in files:
                files.append(path)
            continue
        if current is not None:
            # Nothing replaces an existing link without asking.
            plan.review.append(
                ReviewItem(
                    (path,),
                    f"linked to {current}, but the scan finds it is {song_id}",
                    (SongMatch(song_id, confidence, why),),
                    current,
                    evidence=evidence,
                )
            )
            continue
        main = not linked.get(song_id) and not files  # files holds only new links here
        plan.links.append(PlannedLink(song_id, path, confidence, why, main))
        files.append(path)
