"""Online lyrics providers (LRCLIB first).

The seam itself (``LyricsProvider``, ``LyricsQuery``, ``LyricsCandidate``) is in
:mod:`ostplayer.domain.lyrics_lookup`, pure, so the services use it without importing this
package. A new provider is a class with ``name``, ``label`` and ``candidates(query, check)``,
handed to the online lyrics service by the composition root (see :mod:`.wiring`).
"""
