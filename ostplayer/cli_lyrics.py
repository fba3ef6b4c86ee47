"""``ostplayer lyrics`` and ``ostplayer romanize``: the lyrics machinery on the command line.

For scripts, bug reports and tests: what the window would show, without a display.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .domain.romanize import has_hangul, romanize


def run_lyrics_command(args: argparse.Namespace) -> int:
    if args.command == "romanize":
        lines = args.text if args.text else sys.stdin.read().splitlines()
        for line in lines:
            print(romanize(line) if has_hangul(line) else line)
        return 0
    from .domain.listener_languages import languages_from_locale
    from .domain.lyrics_encoding import lookup_codec
    from .media.lyrics_report import lyrics_report

    if args.encoding is not None and lookup_codec(args.encoding) is None:
        print(f"ostplayer: unknown encoding {args.encoding!r}", file=sys.stderr)
        return 2
    if not args.path.exists():
        print(f"ostplayer: {args.path} does not exist", file=sys.stderr)
        return 2
    languages = languages_from_locale(os.environ)  # as the window's lyrics service does
    report = lyrics_report(args.path, args.encoding, romanize, languages)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for warning in report["warnings"]:
        print(f"ostplayer: {warning}", file=sys.stderr)
    if report["source"] is None:
        print("No lyrics found.")
        return 0
    print(f"Lyrics from {report['source']}: {report['path']} ({report['encoding'] or 'tags'})")
    for line in report["lines"]:
        stamp = line["time_ms"]
        prefix = (
            f"[{stamp // 60000:02d}:{stamp // 1000 % 60:02d}.{stamp % 1000 // 10:02d}] "
            if (stamp is not None)
            else ""
        )
        print(f"{prefix}{line['text']}")
        if line["romanized"]:
            print(f"{' ' * len(prefix)}{line['romanized']}")
    return 0
