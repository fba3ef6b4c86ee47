"""What a scan changes in the library: new dramas, songs and people, and the files' links.

One scan, however many files, is two writes: the catalog once (everything new merged in, as
an import is) and the personal file once (every link). The uncertain matches the scan could
not decide alone are kept for the window's review (``scan-review.json`` in the state folder),
so ``ostplayer scan`` can leave them there for the user to look at.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.catalog_format import CatalogBuilder, drama_to_dict, person_to_dict, song_to_dict
from ..domain.library_growth import ReviewItem, ScanPlan
from ..domain.matching import SongMatch
from ..domain.models import Catalog, Drama, Person, Song
from ..media.atomic import atomic_write_bytes, json_bytes
from .library import Library

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
    kept_for_review: int = 0
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [
            f"{self.files_linked:,} files linked to {self.songs_linked:,} songs",
            f"{self.songs_added:,} new songs",
            f"{self.dramas_added:,} new dramas",
            f"{self.people_added:,} new artists",
        ]
        if self.kept_for_review:
            parts.append(f"{self.kept_for_review:,} to review")
        return ", ".join(parts)


def linked_files(library: Library, gone: Iterable[str] = ()) -> dict[str, list[str]]:
    """Song id -> its linked files, without those the scan found gone (a moved file's song
    then takes the file where it is now as its main file)."""
    missing = set(gone)
    out = {}
    for sid in library.linked_song_ids():
        files = [f for f in library.audio_files(sid) if f not in missing]
        if files:
            out[sid] = files
    return out


def apply_scan(
    library: Library,
    plan: ScanPlan,
    decisions: Sequence[Decision] = (),
    gone: Iterable[str] = (),
) -> Applied:
    """Write the plan's sure part and the user's decisions on its uncertain part.

    ``plan`` must have been made with :func:`linked_files` for the same ``gone``.
    """
    additions = plan.additions()
    linked = linked_files(library, gone)
    links = plan.link_map(linked)
    for decision in decisions:
        target = decision.song_id
        if target is None:
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
    applied = Applied(
        songs_added=len(additions.songs),
        dramas_added=len(additions.dramas),
        people_added=len(additions.people),
    )
    if additions.songs or additions.dramas or additions.people:
        library.import_catalog(additions)
    # Unknown ids (a review answer for a song deleted meanwhile) are left out, not fatal.
    links = {sid: files for sid, files in links.items() if sid in library.catalog.songs}
    before = {sid: set(library.audio_files(sid)) for sid in links}
    applied.songs_linked = library.link_many(links)
    applied.files_linked = sum(len(set(f) - before[sid]) for sid, f in links.items())
    return applied


def _add_new(additions: Catalog, song: Song, people: Iterable[Person], drama: Drama | None) -> None:
    for person in people:
        additions.people.setdefault(person.id, person)
    if drama is not None:
        additions.dramas.setdefault(drama.id, drama)
    additions.songs.setdefault(song.id, song)


# --- review items kept between the command line and the window -------------------------------


def save_review(path: Path, items: Sequence[ReviewItem]) -> None:
    data = [_item_to_dict(item) for item in items]
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json_bytes(data))


def load_review(path: Path, catalog: Catalog) -> list[ReviewItem]:
    """Kept review items still about this catalog; a damaged file is an empty review."""
    try:
        if path.stat().st_size > MAX_REVIEW_BYTES:
            return []
        raw = json.loads(path.read_bytes())
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
