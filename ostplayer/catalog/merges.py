"""Merges with the user's own data: two songs become one and the survivor keeps the files,
lyrics, notes and plays of both.

The catalog's side is :mod:`ostplayer.domain.catalog_merge`; the personal row and play
counts of the merged-away song move to the survivor here, in the same :class:`Edit`, so undo
puts them back. The merged-away song's own personal row is left as it was (its lyrics may
differ from the survivor's): nothing the user wrote is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.catalog_edits import unique
from ..domain.catalog_merge import merge_dramas, merge_people, merge_songs
from .edits import Edit

if TYPE_CHECKING:
    from .library import Library


def song_merge(library: Library, source_id: str, target_id: str) -> Edit:
    catalog_edit = merge_songs(library.catalog, source_id, target_id)
    src, dst = library.personal(source_id), library.personal(target_id)
    merged = _merged_row(src, dst, target_id)
    personal = {target_id: (dst or None, merged)} if merged != dst else {}
    a, b = library.play_stats(source_id), library.play_stats(target_id)
    plays = {}
    if a.count:
        last = max((t for t in (a.last_played, b.last_played) if t is not None), default=None)
        plays = {
            target_id: ((b.count, b.last_played), (a.count + b.count, last)),
            source_id: ((a.count, a.last_played), (0, None)),
        }
    return Edit(catalog_edit, personal, plays)


def _merged_row(src: dict[str, Any], dst: dict[str, Any], target_id: str) -> dict[str, Any]:
    if not src:
        return dst
    row = dict(dst, song=target_id)
    files = unique([*(dst.get("files") or ()), *(src.get("files") or ())])
    for path in (dst.get("audio"), src.get("audio")):
        if path and path not in files:
            files = (*files, path)
    if files:
        row["files"] = list(files)
    if not row.get("audio") and src.get("audio"):
        row["audio"] = src["audio"]
    if not row.get("lyrics") and src.get("lyrics"):
        row["lyrics"] = src["lyrics"]
        if "lyrics_offset_ms" in src:
            row["lyrics_offset_ms"] = src["lyrics_offset_ms"]
    notes = [n for n in (dst.get("notes"), src.get("notes")) if isinstance(n, str) and n.strip()]
    if notes:
        row["notes"] = "\n\n".join(dict.fromkeys(notes))
    if src.get("favourite"):
        row["favourite"] = True
    for key, value in src.items():  # anything else the source had and the target lacks
        row.setdefault(key, value)
    return row


def drama_merge(library: Library, source_id: str, target_id: str) -> Edit:
    return Edit(merge_dramas(library.catalog, source_id, target_id))


def person_merge(library: Library, source_id: str, target_id: str) -> Edit:
    return Edit(merge_people(library.catalog, source_id, target_id))


MERGES = {"songs": song_merge, "dramas": drama_merge, "people": person_merge}
