"""How fast the scanner's file layer is: walking, tag reading per format, reading on 1 and 2
worker processes, and fingerprinting.

    .venv/bin/python benchmarks/bench_tag_reading.py [--files 10000] [--dir EXISTING] [--json OUT]

Without ``--dir`` a folder is generated with ``generate_music_folder.py`` (same seed, so the
same files every run) in a temporary directory and removed afterwards. Every timing is taken
on a warm page cache (a first pass reads every file), so it measures the parsing, not the disk.
The baseline for tag reading is ``mutagen.File(path)``, which opens the file and lets every
format's class score it before loading one.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import mutagen  # noqa: E402

from ostplayer.domain.track_facts import TrackFacts  # noqa: E402
from ostplayer.media.fingerprint import available, fingerprint  # noqa: E402
from ostplayer.media.scan_reader import read_tracks  # noqa: E402
from ostplayer.media.tags import read_track  # noqa: E402
from ostplayer.media.walk import FoundFile, walk_music  # noqa: E402


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "ostplayer_bench_music", HERE / "generate_music_folder.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed_walk(root: Path) -> tuple[list[str], float]:
    best = float("inf")
    paths: list[str] = []
    for _ in range(3):
        started = time.perf_counter()
        paths = [e.path for e in walk_music([root], {}, None) if isinstance(e, FoundFile)]
        best = min(best, time.perf_counter() - started)
    return paths, best


def per_format(paths: list[str]) -> dict[str, dict[str, float]]:
    by_format: dict[str, list[str]] = defaultdict(list)
    for path in paths:  # the warm-up pass, which also sorts the files by what they hold
        result = read_track(path)
        if isinstance(result, TrackFacts):
            by_format[result.format].append(path)
    table = {}
    for fmt, files in sorted(by_format.items()):
        ours, baseline = [], []
        for _ in range(3):
            started = time.perf_counter()
            for path in files:
                read_track(path)
            ours.append((time.perf_counter() - started) / len(files))
            started = time.perf_counter()
            for path in files:
                with contextlib.suppress(Exception):
                    mutagen.File(path)
            baseline.append((time.perf_counter() - started) / len(files))
        table[fmt] = {
            "files": len(files),
            "read_track_ms": round(min(ours) * 1000, 3),
            "mutagen_File_ms": round(min(baseline) * 1000, 3),
        }
    return table


def reader_speed(paths: list[str], workers: int) -> dict[str, float]:
    counts = {"results": 0}

    def count(_result: object) -> None:
        counts["results"] += 1

    summary = read_tracks(paths, workers=workers, on_result=count)
    assert counts["results"] == len(paths)
    return {
        "workers": workers,
        "seconds": round(summary.seconds, 2),
        "files_per_s": round(len(paths) / summary.seconds),
    }


def fingerprint_cost(paths: list[str], workdir: Path) -> dict[str, Any]:
    if not available():
        return {"available": False}
    sample = paths[:: max(1, len(paths) // 30)][:30]
    costs = []
    for path in sample:
        started = time.perf_counter()
        fingerprint(path)
        costs.append(time.perf_counter() - started)
    songs = {}
    for ext, codec in (("mp3", ["-c:a", "libmp3lame", "-b:a", "192k"]), ("flac", ["-c:a", "flac"])):
        song = workdir / f"four-minutes.{ext}"
        source = "anoisesrc=d=240:c=pink:a=0.2,lowpass=f=4000"
        command = [
            "ffmpeg",
            "-v",
            "error",
            "-nostdin",
            "-y",
            "-f",
            "lavfi",
            "-i",
            source,
            "-ac",
            "2",
            *codec,
            str(song),
        ]
        subprocess.run(command, check=True, timeout=300)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            fingerprint(song)
            runs.append(time.perf_counter() - started)
        songs[ext] = round(statistics.median(runs) * 1000)
    return {
        "available": True,
        "short_clip_ms_median": round(statistics.median(costs) * 1000, 1),
        "four_minute_song_ms (first 120 s)": songs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--dir", type=Path, help="an existing music folder instead of a generated one"
    )
    parser.add_argument(
        "--ogg-only", action="store_true", help="generate only tagged Ogg Vorbis files"
    )
    parser.add_argument("--no-fingerprints", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ostplayer-bench-music-") as tmp:
        results: dict[str, Any] = {"cpu_count": os.cpu_count()}
        root = args.dir
        if root is None:
            root = Path(tmp) / "folder"
            root.mkdir()
            started = time.perf_counter()
            summary = _generator().generate(root, args.files, args.seed, args.ogg_only)
            results["generate"] = {
                "files": summary["files"],
                "seconds": round(time.perf_counter() - started, 1),
            }
        paths, walk_s = timed_walk(root)
        results["walk"] = {
            "files": len(paths),
            "seconds": round(walk_s, 3),
            "files_per_s": round(len(paths) / walk_s),
        }
        results["per_format"] = per_format(paths)
        results["scan_reader"] = [reader_speed(paths, workers) for workers in (0, 1, 2)]
        if not args.no_fingerprints:
            results["fingerprint"] = fingerprint_cost(paths, Path(tmp))
    text = json.dumps(results, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
