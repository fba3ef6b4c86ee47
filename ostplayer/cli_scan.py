"""``ostplayer scan DIR…``: grow the library from the user's music, without a display.

It applies what it is sure of (links, and the dramas, songs and artists it creates), leaves
the uncertain matches for review in the window, and prints a summary with every file it
could not use and why. ``--dry-run`` shows the plan and changes nothing; ``--accept-all``
applies every proposal (the best candidate, or a new song).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from .paths import AppPaths


def add_scan_parser(sub: Any) -> None:
    p = sub.add_parser("scan", help="add the music in DIR… to the library (see --help)")
    p.add_argument("dirs", nargs="+", help="folders (or files) to scan")
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p.add_argument(
        "--accept-all", action="store_true", help="apply every proposal, uncertain ones too"
    )
    p.add_argument("--quiet", action="store_true", help="no progress lines")


def run_scan(args: argparse.Namespace, library: Any, paths: AppPaths) -> int:
    from .domain.collector import full_collections_held

    # Full collections would walk the growing heap again and again, freeing nothing.
    with full_collections_held():
        return _run_scan(args, library, paths)


def _run_scan(args: argparse.Namespace, library: Any, paths: AppPaths) -> int:
    from .media.music_folders import MusicFolders
    from .media.music_scan import ScanCache, scan_music
    from .media.walk import display_path

    missing = [d for d in args.dirs if not os.path.exists(d)]
    if missing:
        print(f"ostplayer: {', '.join(missing)}: no such folder or file", file=sys.stderr)
        return 2
    last = [0.0]

    def progress(done: int, found: int, what: str) -> None:
        now = time.monotonic()
        if not args.quiet and now - last[0] > 1.0:
            last[0] = now
            print(f"  {done:,} of {found:,} files · {what}", file=sys.stderr)

    cache = ScanCache(None if args.dry_run else paths.scan_cache_file)
    readings: list[Any] = []

    def arrived(track: Any) -> None:
        # The matching modules (a fifth of a second to import) load once the first file
        # is in, while the tag readers go on with the next ones.
        if not readings:
            from .catalog.scan_apply import readings_for_scan

            readings.append(readings_for_scan(library))
        readings[0].add(track)

    result = scan_music(args.dirs, cache, progress=progress, on_track=arrived)
    from .catalog import scan_apply as growth
    from .catalog.scan_declined import DeclinedFiles, declined_path

    if not readings:
        readings.append(growth.readings_for_scan(library))
    # Files the user said no to in the window's review are not asked about again, and the
    # ones still waiting there (unchanged) wait on, unless every proposal is to be applied.
    declined = DeclinedFiles(declined_path(paths.scan_review_file))
    earlier = growth.load_review(paths.scan_review_file, library.catalog)
    asked = set() if args.accept_all else growth.still_asked(earlier, result.unchanged_paths)
    tracks = [t for t in result.tracks if t.path not in asked]
    plan, moves = growth.plan_for_scan(
        library, tracks, result.gone, result.gone_tracks, declined, readings[0]
    )
    print(
        f"Scanned {result.found:,} files in {result.seconds:.1f} s: {result.read:,} read,"
        f" {result.unchanged:,} unchanged, {len(result.unreadable):,} not usable,"
        f" {len(result.gone):,} gone since the last scan."
    )
    for bad in result.unreadable:
        print(f"  not usable: {display_path(bad.path)}: {bad.reason}")
    if args.dry_run:
        _print_plan(plan, library.catalog)
        print("Dry run: nothing was changed.")
        return 0
    decisions = []
    if args.accept_all:
        for item in plan.review:
            choice = item.candidates[0].song_id if item.candidates else growth.NEW_SONG
            decisions.append(growth.Decision(item, choice))
    applied = growth.apply_scan(library, plan, decisions, result.gone, moves)
    kept = [] if args.accept_all else plan.review
    applied.kept_for_review = len(kept)
    scanned = [*(t.path for t in tracks), *result.gone]
    waiting = growth.merge_review(earlier, kept, scanned)
    growth.save_review(paths.scan_review_file, waiting)
    folders = MusicFolders(paths.music_folders_file)
    folders.add(*[d for d in args.dirs if os.path.isdir(d)])
    for notice in folders.notices:
        print(f"ostplayer: {notice}", file=sys.stderr)
    print(f"Applied: {applied}.")
    if waiting:
        count = len(waiting)
        verb = "match is" if count == 1 else "matches are"
        print(
            f"{count:,} uncertain {verb} waiting for you in the window"
            " (Library ▸ Review scan matches…)."
        )
    return 0


def _print_plan(plan: Any, catalog: Any) -> None:
    print(
        f"Would add {len(plan.new_dramas):,} dramas, {len(plan.new_songs):,} songs from dramas,"
        f" {len(plan.other_music):,} other songs and {len(plan.new_people):,} artists;"
        f" link {len(plan.links):,} files; {len(plan.review):,} to review."
    )
    for drama in plan.new_dramas:
        spellings = " / ".join(s for s in (drama.title, drama.title_original) if s)
        print(f"  new drama: {spellings}")
    for link in plan.links:
        song = catalog.songs.get(link.song_id)
        if song is not None:  # an existing catalog song (new ones are listed above)
            print(f"  link: {link.path} -> {song.title} ({link.confidence:.0%})")
    for item in plan.review:
        best = item.candidates[0] if item.candidates else None
        target = catalog.songs[best.song_id].title if best else "a new song"
        print(f"  review: {item.paths[0]} -> {target}? ({item.reason})")
