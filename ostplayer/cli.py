"""Command line: ``ostplayer`` starts the window; subcommands work without a display."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .paths import BUNDLED_CATALOG, AppPaths, resource_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ostplayer",
        description="OST Player: browse K-drama soundtracks, read their stories and lyrics,"
        " and play the audio files you own.",
    )
    parser.add_argument("--version", action="version", version=f"ostplayer {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="keep the library, settings, history and caches in this one folder (default:"
        " the XDG folders, e.g. ~/.local/share/ostplayer for the library)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("export", help="write the catalog (no file paths or history) to FILE")
    p.add_argument("file", type=Path)
    p = sub.add_parser("import", help="merge a catalog FILE into the library, by id")
    p.add_argument("file", type=Path)
    p = sub.add_parser("link", help="link the audio FILE you own to the song SONG_ID")
    p.add_argument("song_id")
    p.add_argument("file", type=Path)
    sub.add_parser("songs", help="list song ids, titles and linked files")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = AppPaths.single(args.data_dir) if args.data_dir else AppPaths.default()
    if args.command is None:
        if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        ):
            # Qt would abort with a page about platform plugins; say it in one line.
            print(
                "ostplayer: no display (DISPLAY is not set): run it in a desktop session, "
                "or use a command such as `ostplayer songs` (see --help)",
                file=sys.stderr,
            )
            return 1
        from .app import run_gui

        return run_gui(paths)
    return run_command(args, paths)


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    from .catalog.library import Library, LibraryError
    from .catalog.lock import AlreadyRunning, DataDirLock
    from .domain.catalog_format import CatalogFormatError

    data_dir = paths.data
    lock = DataDirLock(data_dir)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        print(f"ostplayer: {exc}", file=sys.stderr)
        return 3
    except OSError as exc:
        print(f"ostplayer: cannot use the data folder {data_dir}: {exc}", file=sys.stderr)
        return 2
    try:
        for moved in paths.migrate():
            print(f"ostplayer: {moved}", file=sys.stderr)
        library = Library(data_dir, resource_path(BUNDLED_CATALOG), paths.state)
        for notice in library.notices:
            print(f"ostplayer: {notice}", file=sys.stderr)
        if args.command == "export":
            library.export_file(args.file)
            print(f"Exported {len(library.catalog.songs)} songs to {args.file}")
        elif args.command == "import":
            summary = library.import_file(args.file)
            print(f"Imported {args.file}: {summary}")
        elif args.command == "link":
            if not args.file.is_file():
                print(f"ostplayer: {args.file} is not a file", file=sys.stderr)
                return 2
            path = library.link(args.song_id, args.file)
            title = library.catalog.songs[args.song_id].title
            print(f"Linked “{title}” to {path}")
        elif args.command == "songs":
            for song in library.catalog.songs.values():
                audio = library.audio_path(song.id) or "-"
                print(f"{song.id}\t{song.title}\t{audio}")
        return 0
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
