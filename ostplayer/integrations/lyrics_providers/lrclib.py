"""LRCLIB (https://lrclib.net): free synced lyrics, no key or account, an open-source server.

Its API, as its server implements it: ``GET /api/get`` (exact track and artist after its
normalisation, album when given, duration within 2 s), ``GET /api/search`` (full-text, at most
20 records), ``GET /api/get/{id}``; a 404 means "not found". A track filed under several
spellings (Hangul, English, with "OST Part.3" or not) is several records, so
:meth:`LrclibProvider.candidates` asks with every spelling the library knows, and leaves the
choice to :mod:`ostplayer.domain.lyrics_choice`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from ... import __version__
from ...domain.lyrics_lookup import LyricsCandidate, LyricsQuery, ProviderError
from ...domain.tag_album import unique_spellings
from ...domain.tag_titles import parse_title
from .http_json import HttpPolicy, JsonHttp, NotFound, RateLimiter

__all__ = [
    "DEFAULT_URL",
    "HOME_PAGE",
    "RATE_ENVIRONMENT",
    "URL_ENVIRONMENT",
    "USER_AGENT",
    "LrclibClient",
    "LrclibProvider",
    "candidate_from_record",
    "rate_limit",
    "server_url",
]

DEFAULT_URL = "https://lrclib.net"
URL_ENVIRONMENT = "OSTPLAYER_LRCLIB_URL"
#: Requests a second to one server (default 4): raise it for a server of your own (and tests).
RATE_ENVIRONMENT = "OSTPLAYER_LRCLIB_RATE"
HOME_PAGE = "https://github.com/ostplayer/ostplayer"
USER_AGENT = f"OSTPlayer/{__version__} (+{HOME_PAGE})"
MAX_GETS = 4
MAX_SEARCHES = 3

Check = Callable[[], None] | None


def server_url(setting: str | None = None, explicit: str | None = None) -> str:
    """``--server`` first, then $OSTPLAYER_LRCLIB_URL, then the setting, then lrclib.net."""
    for value in (explicit, os.environ.get(URL_ENVIRONMENT), setting):
        if value and value.strip():
            return value.strip().rstrip("/")
    return DEFAULT_URL


def rate_limit(default: float = 4.0) -> float:
    """$OSTPLAYER_LRCLIB_RATE when it is a positive number, else ``default``."""
    try:
        value = float(os.environ.get(RATE_ENVIRONMENT, ""))
    except ValueError:
        return default
    return value if 0 < value <= 10_000 else default


def candidate_from_record(record: Any) -> LyricsCandidate | None:
    """A record as the API returns it; None for one that is not (a malformed entry)."""
    if not isinstance(record, Mapping):
        return None
    ident = record.get("id")
    track, artist = record.get("trackName"), record.get("artistName")
    if not isinstance(ident, int) or isinstance(ident, bool):
        return None
    if not isinstance(track, str) or not isinstance(artist, str):
        return None
    duration = record.get("duration")
    album = record.get("albumName")
    plain, synced = record.get("plainLyrics"), record.get("syncedLyrics")
    return LyricsCandidate(
        provider="lrclib",
        provider_id=ident,
        track=track,
        artist=artist,
        album=album if isinstance(album, str) else "",
        duration_s=float(duration)
        if isinstance(duration, int | float) and not isinstance(duration, bool)
        else None,
        instrumental=record.get("instrumental") is True,
        plain=plain if isinstance(plain, str) else None,
        synced=synced if isinstance(synced, str) else None,
    )


class LrclibClient:
    """The three read endpoints (and, in :mod:`.lrclib_publish`, the two write ones)."""

    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        policy: HttpPolicy | None = None,
        limiter: RateLimiter | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        if policy is None:
            policy = HttpPolicy(requests_per_second=rate_limit())
        self.http = JsonHttp(base_url, user_agent, policy, limiter)

    @property
    def base_url(self) -> str:
        return self.http.base_url

    def close(self) -> None:
        self.http.close()

    def get(
        self,
        track: str,
        artist: str,
        album: str | None = None,
        duration_s: float | None = None,
        check: Check = None,
    ) -> LyricsCandidate | None:
        params: dict[str, Any] = {"track_name": track, "artist_name": artist}
        if album:
            params["album_name"] = album
        if duration_s is not None and 1 <= round(duration_s) <= 3600:
            params["duration"] = round(duration_s)
        try:
            return candidate_from_record(self.http.get("/api/get", params, check))
        except NotFound:
            return None

    def get_by_id(self, ident: int, check: Check = None) -> LyricsCandidate | None:
        try:
            return candidate_from_record(self.http.get(f"/api/get/{int(ident)}", None, check))
        except NotFound:
            return None

    def search(
        self,
        q: str | None = None,
        *,
        track: str | None = None,
        artist: str | None = None,
        album: str | None = None,
        check: Check = None,
    ) -> list[LyricsCandidate]:
        params = {
            k: v
            for k, v in (
                ("q", q),
                ("track_name", track),
                ("artist_name", artist),
                ("album_name", album),
            )
            if v
        }
        if not params.get("q") and not params.get("track_name"):
            return []  # the server would answer an empty list anyway
        try:
            data = self.http.get("/api/search", params, check)
        except NotFound:
            return []
        if not isinstance(data, list):
            raise ProviderError(f"{self.http.host} sent something other than a list of lyrics")
        return [c for c in map(candidate_from_record, data) if c is not None]


def _asked_titles(query: LyricsQuery) -> tuple[str, ...]:
    """Each title as written and without its "(Feat. …)", "OST Part" or second spelling."""
    spellings: list[str] = []
    for title in query.titles:
        meaning = parse_title(title)
        spellings += [meaning.title, meaning.alternate, title]
    return unique_spellings(spellings)


class LrclibProvider:
    name = "lrclib"
    label = "LRCLIB"

    def __init__(self, client: LrclibClient) -> None:
        self.client = client

    def candidates(self, query: LyricsQuery, check: Check = None) -> list[LyricsCandidate]:
        found: dict[int, LyricsCandidate] = {}
        titles = _asked_titles(query)
        artists = query.performers[0] if query.performers else ()
        # Exact lookups first: cheap for the server, and usually enough for a tagged OST.
        pairs = [(t, a) for t in titles for a in artists][:MAX_GETS]
        for title, artist in pairs:
            hit = self.client.get(title, artist, None, query.duration_s, check)
            if hit is not None:
                found[hit.provider_id] = hit
                if hit.kind == "synced":
                    return list(found.values())
        # Then every spelling of the title alone: the record may name the singer in the other
        # alphabet, or with a featured artist; the choice checks the singer.
        for title in titles[:MAX_SEARCHES]:
            for hit in self.client.search(track=title, check=check):
                found.setdefault(hit.provider_id, hit)
        return list(found.values())
