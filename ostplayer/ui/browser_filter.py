"""Which groups and songs the browser shows for a search: the matching songs under their
groups, in the groups' order, at most ``limit`` + 1 groups when capped.

Kept apart from :mod:`.browser_model` so the model stays about answering the tree; this is
the part that runs on every keystroke and is tuned for a 100,000-song library.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from ..domain.grouping import Group
from .browser_rows import Memberships, places

# Below this share of the library, a filter walks the matches instead of every song.
SPARSE_SHARE = 0.25
SPARSE_SHARE_CAPPED = 0.02

Shown = list[tuple[Group, list[int]]]


def filter_groups(
    groups: Sequence[Group],
    total: int,
    keep: Collection[int],
    limit: int | None,
    member_of: Callable[[], Memberships],
) -> Shown:
    """Groups with their matching songs, in order; with a limit, at most limit + 1.
    ``member_of`` gives each song's groups, built on first need (the sparse walk only)."""
    # With a cap, walking groups in order stops after the first few hundred groups, cheap
    # unless the matches are so rare that most groups must be walked past.
    share = SPARSE_SHARE if limit is None else SPARSE_SHARE_CAPPED
    if len(keep) < share * total:
        return _sparse_filter(groups, keep, limit, member_of())
    visible = []
    for group in groups:
        songs = [p for p in group.songs if p in keep]
        if songs:
            visible.append((group, songs))
            if limit is not None and len(visible) > limit:
                break
    return visible


def _sparse_filter(
    groups: Sequence[Group], keep: Collection[int], limit: int | None, member_of: Memberships
) -> Shown:
    # A few matches in a big library: visit the matches, not the 100,000 songs.
    buckets: dict[int, list[tuple[int, int]]] = {}
    for p in keep:
        for g, order in places(member_of, p):
            buckets.setdefault(g, []).append((order, p))
    chosen = sorted(buckets)[: None if limit is None else limit + 1]
    return [(groups[g], [p for _, p in sorted(buckets[g])]) for g in chosen]
