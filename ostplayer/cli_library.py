"""The command line's library commands: export, import, link, songs.

Each takes the data folder's lock (one writer at a time), opens the library, and reports in
one line what it did or why it did nothing; the exit status matches what is on disk.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from .paths import BUNDLED_CATALOG, AppPaths, resource_path


def run_library_command(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.command == "scan":
        from .media.reader_processes import warm_up

        warm_up()  # the tag readers load while this process imports and opens the library
    from .catalog.library import Library, LibraryError
    from .catalog.lock import AlreadyRunning, DataDirLock
    from .domain.catalog_format import CatalogFormatError

    lock = DataDirLock(paths.data)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        if getattr(args, "include_personal", False):
            # The window's export answers for the catalog alone: it must not quietly write a
            # file without the personal data the user asked for.
            print(
                f"ostplayer: {exc}; to include your personal data, export from the window"
                " (File ▸ Export, with “Include my personal data” ticked) or close it first",
                file=sys.stderr,
            )
            return 3
        # The window has the library open: it runs the command (the one writer stays one).
        from .integrations.single_instance import forward

        forwarded = forward(args, paths.data)
        if forwarded is not None:
            return forwarded
        print(f"ostplayer: {exc}", file=sys.stderr)
        return 3
    except OSError as exc:
        print(f"ostplayer: cannot use the data folder {paths.data}: {exc}", file=sys.stderr)
        return 2
    try:
        for moved in paths.migrate():
            print(f"ostplayer: {moved}", file=sys.stderr)
        library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
        for notice in library.notices:
            print(f"ostplayer: {notice}", file=sys.stderr)
        if args.command in ("fetch-lyrics", "lyrics"):  # lyrics --song SONG_ID
            from .cli_fetch_lyrics import run_fetch_lyrics, run_song_lyrics

            run = run_fetch_lyrics if args.command == "fetch-lyrics" else run_song_lyrics
            return run(args, library, paths)
        if args.command == "scan":
            from .cli_scan import run_scan

            return run_scan(args, library, paths)
        handler = {"export": _export, "import": _import, "link": _link, "songs": _songs}
        return handler[args.command](library, args)
    except CatalogFormatError as exc:
        print(f"ostplayer: nothing was imported: {exc}", file=sys.stderr)
        return 2
    except LibraryError as exc:
        print(f"ostplayer: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ostplayer: {exc}", file=sys.stderr)
        return 2
    finally:
        lock.release()


def library_commands() -> dict[str, Any]:
    """The handlers a running window runs for ``ostplayer songs``, ``link`` and
    ``fetch-lyrics`` sent to it."""
    return {"songs": _songs, "link": _link, "fetch-lyrics": _fetch_lyrics}


def _fetch_lyrics(library: Any, args: argparse.Namespace) -> int:
    """``args`` also carries the window's ``paths``, ``cache`` and ``out``/``err`` streams."""
    from .cli_fetch_lyrics import run_fetch_lyrics

    return run_fetch_lyrics(
        args, library, args.paths, out=args.out, err=args.err, cache=getattr(args, "cache", None)
    )


def _export(library: Any, args: argparse.Namespace) -> int:
    personal = bool(getattr(args, "include_personal", False))
    try:
        library.export_file(args.file, include_personal=personal)
    except OSError as exc:
        print(f"ostplayer: nothing was exported: {exc.strerror or exc}", file=sys.stderr)
        return 2
    what = " with your personal data (favourites, ratings, notes, plays, file paths)"
    print(f"Exported {len(library.catalog.songs)} songs to {args.file}{what if personal else ''}")
    return 0


def _import(library: Any, args: argparse.Namespace) -> int:
    try:
        summary = library.import_file(args.file)
    except OSError as exc:
        # The write replaces the library whole or not at all: a failure left it as it was.
        print(
            f"ostplayer: nothing was imported: {exc.strerror or exc}; your library is as it was",
            file=sys.stderr,
        )
        return 2
    print(f"Imported {args.file}: {summary}")
    return 0


def _link(library: Any, args: argparse.Namespace) -> int:
    from .media.sniff import link_problem

    song = library.catalog.songs.get(args.song_id)
    if song is None:
        print(f"ostplayer: there is no song with id {args.song_id!r}", file=sys.stderr)
        return 2
    problem = link_problem(args.file)
    if problem is not None:
        print(f"ostplayer: not linked: {problem}", file=sys.stderr)
        return 2
    current = library.audio_path(args.song_id)
    target = str(args.file.expanduser().absolute())
    if current and current != target and not args.replace:
        print(
            f"ostplayer: “{song.title}” is already linked to {current}; add --replace to"
            " link it to this file instead",
            file=sys.stderr,
        )
        return 2
    try:
        path = library.link(args.song_id, args.file)
    except OSError as exc:
        print(f"ostplayer: not linked: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Linked “{song.title}” to {path}")
    return 0


def _songs(library: Any, args: argparse.Namespace) -> int:
    catalog = library.catalog
    if not args.json:
        for song in catalog.songs.values():
            audio = library.audio_path(song.id) or "-"
            print(f"{song.id}\t{song.title}\t{audio}")
        return 0
    out = []
    for song in catalog.songs.values():
        drama = catalog.dramas.get(song.drama) if song.drama else None
        out.append(
            {
                "id": song.id,
                "title": song.title,
                "original_title": song.title_original or None,
                "drama_id": drama.id if drama else None,
                "drama_title": drama.title if drama else None,
                "performers": [catalog.person_name(c.person) for c in song.performers],
                "file": library.audio_path(song.id),
                "files": library.audio_files(song.id),
            }
        )
    text = json.dumps(out, ensure_ascii=False, indent=1)
    # A file name that is not UTF-8 holds lone surrogates (surrogateescape): written as \udcXX
    # escapes, as ensure_ascii would, the output stays UTF-8 and os.fsencode gives the name back.
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    print(text)
    return 0


_SURROGATE = re.compile("[\ud800-\udfff]")
