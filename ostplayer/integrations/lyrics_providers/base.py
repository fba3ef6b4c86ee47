"""The lyrics provider seam: what a provider is given and returns.

The types live in :mod:`ostplayer.domain.lyrics_lookup` (pure, so the services can use them
without importing this package); they are re-exported here for providers to implement.
A new provider is a class with ``name``, ``label`` and ``candidates(query, check)``, handed
to the online lyrics service by the composition root.
"""

from __future__ import annotations

from ...domain.lyrics_lookup import (
    LyricsCandidate,
    LyricsProvider,
    LyricsQuery,
    ProviderError,
    ProviderUnreachable,
    query_for_song,
)

__all__ = [
    "LyricsCandidate",
    "LyricsProvider",
    "LyricsQuery",
    "ProviderError",
    "ProviderUnreachable",
    "query_for_song",
]
