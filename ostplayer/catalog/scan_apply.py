"""What a scan changes in the library: new dramas, songs and people, and the files' links.

One scan, however many files, is two writes: the catalog once (everything new merged in, as
an import is) and the personal file once (every link). The uncertain matches the scan could
not decide alone are kept for the window's review (``scan-review.json`` in the state folder),
so ``ostplayer scan`` can leave them there for the user to look at.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import bounded_json
from ..domain.catalog_format import CatalogBuilder, drama_to_dict, person_to_dict, song_to_dict
from ..domain.library_growth import ReviewItem, ScanPlan, plan_scan
from ..domain.matching import SongMatch
from ..domain.models import Catalog, Drama, Person, Song
from ..domain.track_facts import TrackFacts
from ..domain.track_readings import TrackReadings
from ..media.atomic import atomic_write_bytes, json_bytes
from ..media.regular_read import read_regular_file
from .library import Library
from .scan_declined import DeclinedFiles

log = logging.getLogger(__name__)

NEW_SONG = "~new"  # a review answer: none of the candidates, add the file as a new song
MAX_REVIEW_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class Decision:
    """The user's answer for one review item: a candidate's song id, NEW_SONG, or None (no)."""

    item: ReviewItem
    song_id: str | None


@dataclass
class Applied:
    songs_added: int = 0
    dramas_added: int = 0
    people_added: int = 0
    songs_linked: int = 0  # songs whose files changed
    files_linked: int = 0
    files_moved: int = 0  # linked files found again under another path or name
    files_unlinked: int = 0  # linked files the scan found deleted
    kept_for_review: int = 0
    files_declined: int = 0  # said no to in the review: not asked about again
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [
            f"{self.files_linked:,} files linked to {self.songs_linked:,} songs",
            f"{self.songs_added:,} new songs",
            f"{self.dramas_added:,} new dramas",
            f"{self.people_added:,} new artists",
        ]
        if self.files_moved:
            parts.append(f"{self.files_moved:,} moved files followed")
        if self.files_unlinked:
            parts.append(f"{self.files_unlinked:,} deleted files unlinked")
        if self.kept_for_review:
            parts.append(f"{self.kept_for_review:,} to review")
        if self.files_declined:
            parts.append(f"{self.files_declined:,} files left out (not asked again)")
        return ", ".join(parts)


def linked_files(
    library: Library, gone: Iterable[str] = (), moves: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """Song id -> its linked files, without those the scan found gone; a moved file (``moves``:
    old path -> new path) takes its old path's place, so a moved main file stays main."""
    missing = set(gone)
    moved = moves or {}
    out = {}
    for sid in library.linked_song_ids():
        files = []
        for f in library.audio_files(sid):
            now = moved.get(f, None if f in missing else f)
            if now is not None and now not in files:
                files.append(now)
        if files:
            out[sid] = files
    return out


def plan_for_scan(
    library: Library,
    tracks: Sequence[TrackFacts],
    gone: Sequence[str],
    gone_tracks: Sequence[TrackFacts],
    declined: DeclinedFiles | None = None,
    readings: TrackReadings | None = None,
) -> tuple[ScanPlan, dict[str, str]]:
    """The plan for a scan's files, and the moves it follows (give both to :func:`apply_scan`).
    ``declined``: the files the user said no to in a review, not asked about again;
    ``readings``: from :func:`readings_for_scan`, fed the files as the scan read them."""
    linked_now = [f for sid in library.linked_song_ids() for f in library.audio_files(sid)]
    moves = find_moves(gone_tracks, tracks, linked_now)
    plan = plan_scan(tracks, library.catalog, linked_files(library, gone, moves), readings)
    if declined is not None:
        plan = declined.drop_asked(plan, tracks)
    return plan, moves


def readings_for_scan(library: Library) -> TrackReadings:
    """Where a scan's files are understood as they arrive (``scan_music(on_track=...add)``),
    so that planning does not start over once every file is read."""
    linked = {f for sid in library.linked_song_ids() for f in library.audio_files(sid)}
    return TrackReadings(library.catalog, linked)


def find_moves(
    gone: Sequence[TrackFacts], found: Sequence[TrackFacts], linked: Iterable[str]
) -> dict[str, str]:
    """Old path -> new path for the linked files that were moved or renamed.

    A gone linked file and a found file that is linked to nothing are one file when they have
    the same audio fingerprint, or the same size, duration and tags (a move keeps the bytes).
    Only a one-to-one answer counts: two identical copies stay for the plan to decide.
    """
    linked_paths = set(linked)

    def keys(track: TrackFacts) -> list[tuple[object, ...]]:
        out: list[tuple[object, ...]] = []
        if track.fingerprint:
            out.append(("fp", track.fingerprint))
        if track.size:
            identity = (track.title, track.artist, track.album, track.track_number)
            out.append(("tags", track.size, track.duration_ms, track.format, *identity))
        return out

    candidates: dict[tuple[object, ...], list[str]] = {}
    for track in found:
        if track.path not in linked_paths:
            for key in keys(track):
                candidates.setdefault(key, []).append(track.path)
    moves: dict[str, str] = {}
    taken: set[str] = set()
    for old in gone:
        if old.path not in linked_paths:
            continue
        for key in keys(old):
            paths = [p for p in candidates.get(key, ()) if p not in taken]
            if len(paths) == 1:
                moves[old.path] = paths[0]
                taken.add(paths[0])
                break
    return moves


def apply_scan(
    library: Library,
    plan: ScanPlan,
    decisions: Sequence[Decision] = (),
    gone: Iterable[str] = (),
    moves: Mapping[str, str] | None = None,
    declined: DeclinedFiles | None = None,
) -> Applied:
    """Write the plan's sure part and the user's decisions on its uncertain part; the files
    the user said no to are remembered in ``declined`` (a rescan does not ask again).

    ``plan`` must have been made with :func:`linked_files` for the same ``gone`` and
    ``moves``. Linked files found deleted leave their song (which stays, with its lyrics,
    notes and plays); moved ones are followed.
    """
    gone = list(gone)
    said_no: list[str] = []
    additions = plan.additions()
    linked = linked_files(library, gone, moves)
    links = plan.link_map(linked)
    applied = Applied(files_moved=len(moves or {}))
    if gone:
        deleted = set(gone) - set(moves or {})
        for sid in library.linked_song_ids():
            old = library.audio_files(sid)
            if sid not in links and linked.get(sid, []) != old:
                links[sid] = list(linked.get(sid, []))
            applied.files_unlinked += sum(1 for f in old if f in deleted)
    for decision in decisions:
        target = decision.song_id
        if target is None:
            said_no.extend(decision.item.paths)
            continue
        if target == NEW_SONG:
            item = decision.item
            if item.new_song is None:
                continue
            _add_new(additions, item.new_song, item.new_people, item.new_drama)
            target = item.new_song.id
        files = links.setdefault(target, list(linked.get(target, ())))
        for path in decision.item.paths:
            if path not in files:
                files.append(path)
    applied.songs_added = len(additions.songs)
    applied.dramas_added = len(additions.dramas)
    applied.people_added = len(additions.people)
    # The new songs and their files reach the views as one change: one rebuild of the
    # browser, not a rebuild and then a repaint of every row.
    with library.events.held():
        if additions.songs or additions.dramas or additions.people:
            library.import_catalog(additions)
        # Unknown ids (a review answer for a song deleted meanwhile) are left out, not fatal.
        links = {sid: files for sid, files in links.items() if sid in library.catalog.songs}
        before = {sid: set(library.audio_files(sid)) for sid in links}
        applied.songs_linked = library.link_many(links)
        # Counted before the change is told: the window's turn taking it in then has the
        # interpreter to itself, not shared with this thread's arithmetic.
        moved_to = set((moves or {}).values())
        applied.files_linked = sum(len(set(f) - before[sid] - moved_to) for sid, f in links.items())
    if said_no and declined is not None:
        applied.files_declined = declined.add(said_no)
    return applied


def _add_new(additions: Catalog, song: Song, people: Iterable[Person], drama: Drama | None) -> None:
    for person in people:
        additions.people.setdefault(person.id, person)
    if drama is not None:
        additions.dramas.setdefault(drama.id, drama)
    additions.songs.setdefault(song.id, song)


# --- review items kept between the command line and the window -------------------------------


def still_asked(review: Sequence[ReviewItem], unchanged: Collection[str]) -> set[str]:
    """The files of the review items whose every file is unchanged since the scan that asked:
    a rescan leaves them waiting for the user's answer. Planned again, some would be
    decided without the user, once the dramas and songs the first scan created are in the
    catalog (a file asked about as "this song, or a new one?" then linked to the new one)."""
    return {
        path for item in review if all(p in unchanged for p in item.paths) for path in item.paths
    }


def merge_review(
    kept: Sequence[ReviewItem], fresh: Sequence[ReviewItem], scanned: Iterable[str]
) -> list[ReviewItem]:
    """The review after a scan: its own items replace the kept ones about the files it looked
    at (answered, linked or deleted since); kept items about other folders stay."""
    looked = set(scanned)
    return [item for item in kept if not looked.intersection(item.paths)] + list(fresh)


def save_review(path: Path, items: Sequence[ReviewItem]) -> None:
    data = [_item_to_dict(item) for item in items]
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json_bytes(data))


def load_review(path: Path, catalog: Catalog) -> list[ReviewItem]:
    """Kept review items still about this catalog; a damaged file is an empty review."""
    try:
        raw = bounded_json.loads(read_regular_file(path, MAX_REVIEW_BYTES))
    except (OSError, ValueError, RecursionError):
        return []
    items = []
    for entry in raw if isinstance(raw, list) else ():
        try:
            item = _item_from_dict(entry, catalog)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("skipping a kept review item: %s", exc)
            continue
        if item is not None:
            items.append(item)
    return items


def _item_to_dict(item: ReviewItem) -> dict[str, Any]:
    return {
        "paths": list(item.paths),
        "reason": item.reason,
        "candidates": [
            {"song": m.song_id, "confidence": m.confidence, "evidence": list(m.evidence)}
            for m in item.candidates
        ],
        "linked_to": item.linked_to,
        "new_song": song_to_dict(item.new_song) if item.new_song else None,
        "new_people": [person_to_dict(p) for p in item.new_people],
        "new_drama": drama_to_dict(item.new_drama) if item.new_drama else None,
        "evidence": list(item.evidence),
    }


def _item_from_dict(data: Any, catalog: Catalog) -> ReviewItem | None:
    if not isinstance(data, dict):
        raise TypeError("not an object")
    paths = tuple(str(p) for p in data["paths"])
    candidates = tuple(
        SongMatch(str(c["song"]), float(c["confidence"]), tuple(str(e) for e in c["evidence"]))
        for c in data.get("candidates", ())
        if c.get("song") in catalog.songs
    )
    new_song = new_drama = None
    new_people: tuple[Person, ...] = ()
    if data.get("new_song"):
        # Validated as an import would be: a hand-edited file cannot smuggle in a bad entry.
        builder = CatalogBuilder(catalog)
        for i, person in enumerate(data.get("new_people", ())):
            builder.add_people(person, i)
        if data.get("new_drama"):
            builder.add_dramas(data["new_drama"], 0)
        builder.add_songs(data["new_song"], 0)
        built = builder.finish()
        new_song = next(iter(built.songs.values()))
        new_people = tuple(built.people.values())
        new_drama = next(iter(built.dramas.values()), None)
    if not candidates and new_song is None:
        return None
    return ReviewItem(
        paths,
        str(data.get("reason", "")),
        candidates,
        data.get("linked_to"),
        new_song,
        new_people,
        new_drama,
        tuple(str(e) for e in data.get("evidence", ())),
    )
