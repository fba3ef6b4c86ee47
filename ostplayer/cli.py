"""Command line: ``ostplayer`` starts the window; subcommands work without a display."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .paths import AppPaths

#: Subcommands that open the library (and take its lock).
LIBRARY_COMMANDS = ("export", "import", "link", "songs", "scan", "fetch-lyrics")


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
    p.add_argument(
        "--include-personal",
        action="store_true",
        help="also write your personal data (favourites, ratings, notes, plays, file paths)"
        " in the file's own 'personal' section",
    )
    p = sub.add_parser("import", help="merge a catalog FILE into the library, by id")
    p.add_argument("file", type=Path)
    p = sub.add_parser("link", help="link the audio FILE you own to the song SONG_ID")
    p.add_argument("song_id")
    p.add_argument("file", type=Path)
    p.add_argument("--replace", action="store_true", help="replace an existing link")
    p = sub.add_parser("songs", help="list song ids, titles and linked files")
    p.add_argument("--json", action="store_true", help="one JSON array, an object per song")
    from .cli_scan import add_scan_parser

    add_scan_parser(sub)
    from .cli_fetch_lyrics import add_fetch_lyrics_parser

    add_fetch_lyrics_parser(sub)
    p = sub.add_parser(
        "lyrics", help="show the lyrics the window would show for an audio or lyrics FILE"
    )
    p.add_argument("path", type=Path, nargs="?")
    p.add_argument("--json", action="store_true", help="one JSON object (see README)")
    p.add_argument("--encoding", default=None, help="read the lyrics file in this encoding")
    p.add_argument("--song", default=None, metavar="SONG_ID", help="a library song's lyrics")
    p = sub.add_parser("romanize", help="romanize Korean TEXT (or each line of standard input)")
    p.add_argument("text", nargs="*")
    p = sub.add_parser("install-desktop", help="add OST Player to the desktop's application menu")
    p.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
    from .integrations.single_instance import add_remote_parsers

    add_remote_parsers(sub)
    parser.set_defaults(subcommands=tuple(sub.choices))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .integrations import single_instance as remote

    parser = build_parser()
    # `ostplayer FILE…` opens files; anything else is a subcommand (or nothing).
    words, files = remote.split_launch_files(
        list(sys.argv[1:] if argv is None else argv), parser.get_default("subcommands")
    )
    args = parser.parse_args(words)
    paths = AppPaths.single(args.data_dir) if args.data_dir else AppPaths.default()
    if args.command in remote.REMOTE_COMMANDS:
        return remote.run_remote(args, paths.data)
    if args.command is None:
        # A copy already runs with this library: it raises its window (or opens the files).
        if remote.hand_over(paths.data, files):
            return 0
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

        return run_gui(paths, files)
    if args.command == "install-desktop":
        from .integrations.desktop_entry import run_install_desktop

        # Not --data-dir: that is the library's folder, not where launchers live.
        return run_install_desktop(args.uninstall, None)
    if args.command == "lyrics" and (args.song is None) == (args.path is None):
        print("ostplayer: give a FILE or --song SONG_ID", file=sys.stderr)
        return 2
    if args.command in ("lyrics", "romanize") and getattr(args, "song", None) is None:
        from .cli_lyrics import run_lyrics_command

        return run_lyrics_command(args)
    from .cli_library import run_library_command

    return run_library_command(args, paths)
