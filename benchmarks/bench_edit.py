"""One catalog edit on the 100,000-song library, against what a change cost before.

    .venv/bin/python benchmarks/bench_edit.py [--songs 100000] [--edits 100] [--json OUT.json]

All in one process and one temporary data directory:

(a) ``library.edits.apply`` of a song edit (a new title: check, one fsynced journal line, the
    new catalog in memory, the change announced), ``--edits`` times on random songs; also a
    drama rename and a person rename (those re-announce every song that shows the name).
    Target: song edit median <= 50 ms.
(b) the baselines: the same one-song change through the only write path there was before
    (``import_catalog``: revalidate the merged whole, rewrite the file), and one TinyDB
    update of a song document in a copy of the library file (plain JSONStorage).
(c) reopening the library with the edits still in the journal (replayed over the file), the
    fold that writes them into the file, and reopening after it.
(d) ``--window``: the real window (offscreen) on the same library, search index built, a
    song's page shown; each edit goes through the window's edit history and is timed until
    it returns, by which time the browser row, the search index and the page are updated
    (changes made on the GUI thread are delivered before the write returns), then one paint.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store import bench_tinydb_update  # noqa: E402
from generate_catalog import generate  # noqa: E402
from timing import ms, percentile, results_table, timed  # noqa: E402

from ostplayer.catalog.library import Library  # noqa: E402
from ostplayer.domain.catalog_edits import put_entry  # noqa: E402
from ostplayer.domain.models import Catalog  # noqa: E402
from ostplayer.paths import BUNDLED_CATALOG, resource_path  # noqa: E402

SEED = resource_path(BUNDLED_CATALOG)


def time_edits(lib: Library, make, runs: int) -> dict[str, float]:
    samples = []
    for n in range(runs):
        edit = make(n)
        t0 = time.perf_counter()
        lib.edits.apply(edit)
        samples.append(time.perf_counter() - t0)
    return {
        "median_ms": ms(statistics.median(samples)),
        "p95_ms": ms(percentile(samples, 95)),
        "max_ms": ms(max(samples)),
        "runs": runs,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    results: dict[str, Any] = {"songs": args.songs}
    with tempfile.TemporaryDirectory(prefix="ostplayer-bench-edit-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        catalog_file = work / "generated.json"
        data = generate(args.songs, max(1, args.songs // 20), args.seed)
        catalog_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        del data
        lib = Library(data_dir, SEED)
        lib.import_file(catalog_file)
        announced: list[Any] = []
        lib.events.subscribe(announced.append)
        song_ids = list(lib.catalog.songs)
        drama_ids = list(lib.catalog.dramas)
        person_ids = list(lib.catalog.people)

        def song_edit(n: int):
            song = lib.catalog.songs[rng.choice(song_ids)]
            return put_entry(lib.catalog, replace(song, title=f"{song.title} ({n})"))

        def drama_edit(n: int):
            drama = lib.catalog.dramas[rng.choice(drama_ids)]
            return put_entry(lib.catalog, replace(drama, title=f"{drama.title} ({n})"))

        def person_edit(n: int):
            person = lib.catalog.people[rng.choice(person_ids)]
            return put_entry(lib.catalog, replace(person, name=f"{person.name} ({n})"))

        results["song_edit"] = time_edits(lib, song_edit, args.edits)
        results["drama_edit"] = time_edits(lib, drama_edit, max(5, args.edits // 4))
        results["person_edit"] = time_edits(lib, person_edit, max(5, args.edits // 4))
        results["announced"] = len(announced)
        results["journal_edits"] = lib.edits.pending()

        # (c) reopen with the journal, as after a crash (no fold on close).
        lib._personal_file.close()
        replay_s, lib = timed(lambda: Library(data_dir, SEED))
        results["open_with_journal_s"] = round(replay_s, 3)
        fold_s, _ = timed(lib.edits.fold)
        results["fold_s"] = round(fold_s, 3)
        lib.close()
        reopen_s, lib = timed(lambda: Library(data_dir, SEED))
        results["open_after_fold_s"] = round(reopen_s, 3)

        # (b) the full-rewrite path: one changed song merged in as an import.
        full = []
        for n in range(args.baseline_runs):
            song = lib.catalog.songs[rng.choice(song_ids)]
            one = Catalog(songs={song.id: replace(song, title=f"{song.title} [{n}]")})
            t0 = time.perf_counter()
            lib.import_catalog(one)
            full.append(time.perf_counter() - t0)
        results["full_rewrite_median_ms"] = ms(statistics.median(full))
        results["full_rewrite_runs"] = args.baseline_runs
        lib.close()
        if args.window:
            results["window"] = bench_window(data_dir, rng, args.edits)
        results.update(bench_tinydb_update(data_dir / "library.json", work, args.baseline_runs))
    return results


def bench_window(data_dir: Path, rng: random.Random, runs: int) -> dict[str, Any]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app_window import build_window, close_window
    from PySide6.QtWidgets import QApplication

    from ostplayer.playback.null_backend import NullPlayer

    app = QApplication.instance() or QApplication([])
    window, context = build_window(data_dir, NullPlayer("benchmark"))
    window.show()
    window.search.start()
    deadline = time.monotonic() + 300
    while not window.search.indexed and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    ids = list(context.library.catalog.songs)
    resets: list[int] = []
    window.model.modelAboutToBeReset.connect(lambda: resets.append(1))
    samples = []
    for n in range(runs):
        song = context.library.catalog.songs[rng.choice(ids)]
        window.reading.show("song", song.id)
        edit = put_entry(context.library.catalog, replace(song, title=f"Edited {n}"))
        t0 = time.perf_counter()
        window.editing.history.apply(edit)
        app.processEvents()
        samples.append(time.perf_counter() - t0)
        assert window.model.find_song(song.id).data().startswith(f"Edited {n}")
    close_window(window, context)
    return {
        "median_ms": ms(statistics.median(samples)),
        "p95_ms": ms(percentile(samples, 95)),
        "runs": runs,
        "browser_resets": len(resets),
    }


def table(r: dict[str, Any]) -> str:
    s, d, p = r["song_edit"], r["drama_edit"], r["person_edit"]
    rows = [
        (f"song edit, median / p95 / max ({s['runs']} edits)", f"{s['median_ms']} / {s['p95_ms']} / {s['max_ms']} ms", "median ≤ 50 ms"),
        (f"drama rename, median / p95 ({d['runs']})", f"{d['median_ms']} / {d['p95_ms']} ms", "—"),
        (f"person rename, median / p95 ({p['runs']})", f"{p['median_ms']} / {p['p95_ms']} ms", "—"),
        ("baseline: one song changed through import (full revalidate + rewrite)", f"{r['full_rewrite_median_ms']} ms", "—"),
        ("baseline: TinyDB update of 1 song doc, plain JSONStorage", f"{r['tinydb_update_plain_median_ms']} ms", "—"),
        (f"open with {r['journal_edits']} edits in the journal (replayed)", f"{r['open_with_journal_s']} s", "—"),
        ("fold the journal into the library file", f"{r['fold_s']} s", "—"),
        ("open after the fold", f"{r['open_after_fold_s']} s", "—"),
    ]  # fmt: skip
    if "window" in r:
        w = r["window"]
        rows.append((f"song edit in the window → row, index, page updated + paint, median / p95 ({w['runs']}; browser resets: {w['browser_resets']})",
                     f"{w['median_ms']} / {w['p95_ms']} ms", "—"))  # fmt: skip
    return results_table(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--songs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--window", action="store_true", help="also time edits in the window")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results = run(args)
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
