"""``ostplayer fetch-lyrics``: look songs' lyrics up on LRCLIB and keep what is found.

Running it is the user's consent (the window's "online lyrics" preference is not needed).
Exit status: 0 when the run completed (even if songs were not found), 1 when no request could
be made at all (no network, refused, DNS), 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import configparser
import json
import sys
from typing import Any, TextIO

from .paths import AppPaths

__all__ = ["add_fetch_lyrics_parser", "run_fetch_lyrics", "run_song_lyrics"]


def add_fetch_lyrics_parser(sub: Any) -> None:
    p = sub.add_parser(
        "fetch-lyrics",
        help="look up lyrics on LRCLIB for SONG_IDs (or --all songs without lyrics) and keep them",
        description="Sends each song's title, performers, drama and length to the LRCLIB"
        " server (lrclib.net unless --server or $OSTPLAYER_LRCLIB_URL says otherwise).",
    )
    p.add_argument("song_ids", nargs="*", metavar="SONG_ID")
    p.add_argument("--all", action="store_true", help="every song without lyrics")
    p.add_argument(
        "--replace",
        action="store_true",
        help="ask again for songs that have fetched or file lyrics (lyrics you saved are kept)",
    )
    p.add_argument("--dry-run", action="store_true", help="ask, but store nothing")
    p.add_argument("--json", action="store_true", help="one JSON array, an object per song")
    p.add_argument("--server", default=None, metavar="URL", help="another LRCLIB server")


def _setting(paths: AppPaths, key: str) -> str | None:
    """lyrics/KEY from settings.ini, read without Qt (QSettings' INI layout)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(paths.settings_file, encoding="utf-8")
        value = parser.get("lyrics", key, fallback=None)
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    return value.strip().strip('"') if value else None


def run_fetch_lyrics(
    args: argparse.Namespace,
    library: Any,
    paths: AppPaths,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    cache: Any = None,
) -> int:
    """``out``/``err``: where to print (the running window answers a forwarded run with
    them); ``cache``: the window's lookup cache, so two copies never diverge on one file."""
    from .catalog.lyrics_lookup_cache import LookupCache
    from .catalog.online_lyrics_fetch import LyricsFetcher
    from .integrations.lyrics_providers.lrclib import LrclibClient, LrclibProvider, server_url

    out = out or sys.stdout
    err = err or sys.stderr
    if bool(args.song_ids) == bool(args.all):
        print("ostplayer: give SONG_IDs or --all (not both)", file=err)
        return 2
    unknown = [s for s in args.song_ids if s not in library.catalog.songs]
    if unknown:
        print(f"ostplayer: there is no song with id {unknown[0]!r}", file=err)
        return 2
    url = server_url(_setting(paths, "lrclib_url"), args.server)
    if not url.startswith(("http://", "https://")):
        print(f"ostplayer: the server address must start with https:// ({url})", file=err)
        return 2
    client = LrclibClient(url)
    if cache is None or args.dry_run:
        cache = LookupCache(None if args.dry_run else paths.cache / "online-lyrics.jsonl")
        if cache.unusable:
            print(f"ostplayer: {cache.unusable}", file=err)
    fetcher = LyricsFetcher(library, LrclibProvider(client), cache)
    fetcher.write_lrc = (_setting(paths, "online_write_lrc") or "").lower() == "true"
    ids = list(args.song_ids) if args.song_ids else list(library.catalog.songs)

    def report(outcome: Any, done: int, total: int) -> None:
        if not args.json:
            line = f"[{done}/{total}] {outcome.song_id}: {outcome.status}"
            if outcome.candidate is not None and outcome.status != "needs_review":
                c = outcome.candidate
                line += f" ({c.track} by {c.artist}, LRCLIB #{c.provider_id})"
            if outcome.message:
                line += f" - {outcome.message}"
            print(line, file=out, flush=True)

    try:
        outcomes = fetcher.run(ids, replace=args.replace, dry_run=args.dry_run, report=report)
    except KeyboardInterrupt:
        print("ostplayer: stopped; what was found so far is kept", file=err)
        return 130
    finally:
        client.close()
    if args.json:
        json.dump([o.as_json() for o in outcomes], out, ensure_ascii=False, indent=1)
        print(file=out)
    asked = [o for o in outcomes if o.status != "skipped"]
    if asked and all(o.unreachable for o in asked):
        print(f"ostplayer: no request could be made: {asked[0].message}", file=err)
        return 1
    return 0


_SOURCES = {
    "library": "library",
    "sidecar-lrc": "sidecar",
    "sidecar-txt": "sidecar",
    "embedded": "tag",
    "online": "online",
    "excerpt": "catalog",
}


def run_song_lyrics(args: argparse.Namespace, library: Any, paths: AppPaths) -> int:
    """``ostplayer lyrics --song SONG_ID [--json]``: the lyrics the window would choose for a
    library song, in ``ostplayer lyrics FILE --json``'s shape; ``source`` may also be
    "library" (saved by you), "online" (fetched) or "catalog" (the excerpt)."""
    from .domain.lyrics_fetch import FETCHED_KEY, found_from_record
    from .domain.romanize import romanize
    from .media.lyrics_files import resolve_lyrics
    from .media.lyrics_report import _lines

    song = library.catalog.songs.get(args.song)
    if song is None:
        print(f"ostplayer: there is no song with id {args.song!r}", file=sys.stderr)
        return 2
    problems: list[str] = []
    found = resolve_lyrics(
        library.saved_lyrics(args.song), library.audio_path(args.song), None, problems
    )
    if found is None:
        found = found_from_record(library.personal(args.song).get(FETCHED_KEY))
    if found is None:
        found = resolve_lyrics(None, None, song.lyrics_excerpt or None)
    lyrics = found.lyrics if found is not None else None
    report = {
        "source": _SOURCES.get(found.origin.value) if found is not None else None,
        "path": _path_of(found, library.audio_path(args.song)),
        "encoding": found.encoding if found is not None else None,
        "confidence": found.confidence if found is not None else None,
        "offset_ms": lyrics.offset_ms if lyrics is not None else 0,
        "tags": dict(lyrics.tags) if lyrics is not None else {},
        "synced": bool(lyrics is not None and lyrics.synced),
        "lines": _lines(lyrics, romanize) if lyrics is not None else [],
        "warnings": [*problems, *(found.warnings if found is not None else ())],
    }
    if found is not None and found.origin.value == "online":
        report["detail"] = found.detail  # "LRCLIB #123, 2026-12-02"
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if lyrics is None:
        print("No lyrics found.")
        return 0
    print(f"Lyrics from {report['source']}: {found.detail}")
    for line in report["lines"]:
        print(line["text"])
    return 0


def _path_of(found: Any, audio: str | None) -> str | None:
    if found is None:
        return None
    if found.origin.value.startswith("sidecar"):
        return found.detail
    return audio if found.origin.value == "embedded" else None
