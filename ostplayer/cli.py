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
LIBRARY_COMMANDS = ("export", "import", "link", "songs", "scan")


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
    p.add_argument("--replace", action="store_true", help="replace an existing link")
    p = sub.add_parser("songs", help="list song ids, titles and linked files")
    p.add_argument("--json", action="store_true", help="one JSON array, an object per song")
    from .cli_scan import add_scan_parser

    add_scan_parser(sub)
    p = sub.add_parser(
        "lyrics", help="show the lyrics the window would show for an audio or lyrics FILE"
    )
    p.add_argument("path", type=Path)
    p.add_argument("--json", action="store_true", help="one JSON object (see README)")
    p.add_argument("--encoding", default=None, help="read the lyrics file in this encoding")
    p = sub.add_parser("romanize", help="romanize Korean TEXT (or each line of standard input)")
    p.add_argument("text", nargs="*")
    p = sub.add_parser("install-desktop", help="add OST Player to the desktop's application menu")
    p.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
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
    if args.command == "install-desktop":
        from .integrations.desktop_entry import run_install_desktop

        # Not --data-dir: that is the library's folder, not where launchers live.
        return run_install_desktop(args.uninstall, None)
    if args.command in ("lyrics", "romanize"):
        from .cli_lyrics import run_lyrics_command

        return run_lyrics_command(args)
    from .cli_library import run_library_command

    return run_library_command(args, paths)
