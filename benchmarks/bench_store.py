"""Library storage and search at 100,000 songs, each against the cost the design avoids.

    .venv/bin/python benchmarks/bench_store.py [--songs 100000] [--json OUT.json]

Everything runs in one process and one temporary data directory, so every figure comes from
the same machine state:

(a) ``Library.record_play`` (one fsynced journal line) over ~200 plays, against updating one
    document of the 100k library file through TinyDB: what storing play counts in the library
    would cost. Target: median <= 5 ms.
(b) import of the generated 100k file: parse + validate + one atomic write.
(c) opening the library (parse + validate + backup snapshot), a few runs.
(d) search as you type: ~10 realistic queries typed one character at a time; every keystroke
    runs ``SearchIndex.search_positions`` (what the window calls) and, as the baseline, a plain
    scan ``q in text`` over each song's pre-lowered text (the same fields the index reads,
    joined once up front, which is the fastest form of the scan). Target: index/linear <= 0.5.
    Also the index build time, and the peak RSS of a fresh process that opens the library and
    builds the index (ru_maxrss), apart from this process's, which includes the generator.

Prints markdown table rows; ``--json OUT`` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_catalog import generate  # noqa: E402
from timing import ms, percentile, results_table, timed  # noqa: E402
from tinydb import TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from ostplayer.catalog.library import Library  # noqa: E402
from ostplayer.catalog.store import AtomicJSONStorage  # noqa: E402
from ostplayer.domain.models import Catalog  # noqa: E402
from ostplayer.domain.search import SearchIndex, song_fields  # noqa: E402
from ostplayer.paths import BUNDLED_CATALOG, resource_path  # noqa: E402

SEED = resource_path(BUNDLED_CATALOG)


# --- (a) recording a play ---------------------------------------------------------------------


def bench_record_play(lib: Library, plays: int, rng: random.Random) -> dict[str, float]:
    ids = list(lib.catalog.songs)
    samples = []
    for _ in range(plays):
        song = rng.choice(ids)
        t0 = time.perf_counter()
        lib.record_play(song)
        samples.append(time.perf_counter() - t0)
    return {
        "record_play_median_ms": ms(statistics.median(samples)),
        "record_play_p95_ms": ms(percentile(samples, 95)),
        "record_play_max_ms": ms(max(samples)),
        "plays": plays,
    }


def bench_tinydb_update(library_json: Path, work: Path, runs: int) -> dict[str, float]:
    """Update one song document in a copy of the 100k library file through TinyDB."""
    out: dict[str, float] = {}
    for label, storage in (("plain", JSONStorage), ("atomic", AtomicJSONStorage)):
        copy = work / f"tinydb-{label}.json"
        shutil.copyfile(library_json, copy)
        db = TinyDB(copy, storage=storage)
        table = db.table("songs")
        n_docs = len(table)
        samples = []
        for run in range(runs):
            doc_id = 1 + (run * 7919) % n_docs
            t0 = time.perf_counter()
            # Without CachingMiddleware every operation re-reads and re-writes the whole file;
            # with it, unflushed updates are lost on a crash (see measured-facts.md).
            table.update({"play_count": run + 1}, doc_ids=[doc_id])
            samples.append(time.perf_counter() - t0)
        db.close()
        copy.unlink()
        out[f"tinydb_update_{label}_median_ms"] = ms(statistics.median(samples))
    out["tinydb_update_runs"] = runs
    return out


# --- (d) search -------------------------------------------------------------------------------


def pick_queries(catalog: Catalog, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) pairs a listener would type, taken from the catalog itself."""
    songs = list(catalog.songs.values())
    song = rng.choice(songs[5:] or songs)
    drama = catalog.dramas[song.drama]
    performer = catalog.person_name(song.performers[0].person)
    groups = [p for p in catalog.people.values() if p.is_group]
    group = rng.choice(groups[2:] or groups) if groups else None  # past the bundled two
    hangul = next((s.title_original for s in songs if s.title_original), "사랑")
    character = next((c.character for c in drama.cast if c.character), "Ko Dong-man")
    lyric_word = max(song.lyrics_excerpt.split(), key=len).strip(",.’'").lower()
    other = rng.choice(songs)
    queries = [
        ("song title", song.title),
        ("song title", other.title),
        ("performer", performer),
        ("group", group.name if group else "BTOB"),
        ("drama title", drama.title),
        ("drama title", "What’s Wrong with Secretary Kim"),
        ("character", character),
        ("lyric word", lyric_word),
        ("hangul title", hangul),
        ("two names", f"{performer.split()[0]} {catalog.person_name(drama.cast[0].actor)}"),
    ]
    return queries


def bench_search(catalog: Catalog, rng: random.Random, reps: int) -> dict[str, Any]:
    build_s, index = timed(lambda: SearchIndex.build(catalog))
    # The baseline's own preparation (not timed per keystroke): each song's fields lowered once.
    prep_s, texts = timed(
        lambda: ["\n".join(song_fields(s, catalog)).lower() for s in catalog.songs.values()]
    )

    def linear(query: str) -> list[int]:
        q = query.lower()
        return [i for i, text in enumerate(texts) if q in text]

    index_samples: list[float] = []
    ids_samples: list[float] = []
    linear_samples: list[float] = []
    per_query: list[dict[str, Any]] = []
    queries = pick_queries(catalog, rng)
    for kind, text in queries:
        q_index: list[float] = []
        q_linear: list[float] = []
        for _ in range(reps):
            # Each typing session starts cold; within it, the index may reuse earlier terms.
            cache = getattr(index, "_term_cache", None)
            if isinstance(cache, dict):
                cache.clear()
            for end in range(1, len(text) + 1):
                prefix = text[:end]
                t0 = time.perf_counter()
                found = index.search_positions(prefix)
                t1 = time.perf_counter()
                index.search(prefix)
                t2 = time.perf_counter()
                scanned = linear(prefix)
                t3 = time.perf_counter()
                q_index.append(t1 - t0)
                ids_samples.append(t2 - t1)
                q_linear.append(t3 - t2)
                del found, scanned
        index_samples += q_index
        linear_samples += q_linear
        last = index.search_positions(text)
        per_query.append(
            {
                "kind": kind,
                "query": text,
                "keystrokes": len(text),
                "index_median_ms": ms(statistics.median(q_index)),
                "linear_median_ms": ms(statistics.median(q_linear)),
                "final_index_hits": None if last is None else len(last),
                "final_substring_hits": len(linear(text)),
            }
        )
    return {
        "index_build_s": round(build_s, 3),
        "index_vocabulary": index.vocabulary_size,
        "linear_prep_s": round(prep_s, 3),
        "keystrokes": len(index_samples),
        "index_median_ms": ms(statistics.median(index_samples)),
        "index_p95_ms": ms(percentile(index_samples, 95)),
        "index_ids_median_ms": ms(statistics.median(ids_samples)),
        "index_ids_p95_ms": ms(percentile(ids_samples, 95)),
        "linear_median_ms": ms(statistics.median(linear_samples)),
        "linear_p95_ms": ms(percentile(linear_samples, 95)),
        "ratio_median": round(
            statistics.median(index_samples) / statistics.median(linear_samples), 3
        ),
        "ratio_p95": round(percentile(index_samples, 95) / percentile(linear_samples, 95), 3),
        "queries": per_query,
    }


# --- peak memory of a fresh process -----------------------------------------------------------

FRESH_OPEN = """
import json, resource, sys, time
from pathlib import Path
from ostplayer.catalog.library import Library
from ostplayer.domain.search import SearchIndex
t0 = time.perf_counter()
lib = Library(Path(sys.argv[1]), Path(sys.argv[2]))
t1 = time.perf_counter()
index = SearchIndex.build(lib.catalog)
t2 = time.perf_counter()
lib.close()
print(json.dumps({"open_s": t1 - t0, "build_s": t2 - t1, "songs": len(lib.catalog.songs),
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def fresh_process_open(data_dir: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", FRESH_OPEN, str(data_dir), str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        "fresh_open_s": round(data["open_s"], 3),
        "fresh_index_build_s": round(data["build_s"], 3),
        "fresh_peak_rss_mb": round(data["maxrss_kb"] / 1024, 1),
    }


# --- main -------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    n_dramas = args.dramas or max(1, args.songs // 20)
    results: dict[str, Any] = {
        "songs": args.songs,
        "dramas": n_dramas,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    with tempfile.TemporaryDirectory(prefix="ostplayer-bench-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        catalog_file = work / "generated.json"

        gen_s, data = timed(lambda: generate(args.songs, n_dramas, args.seed))
        catalog_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        del data
        results["generate_s"] = round(gen_s, 2)
        results["catalog_file_mb"] = round(catalog_file.stat().st_size / 1e6, 1)

        # (b) import into a fresh library (which starts from the bundled catalog).
        lib = Library(data_dir, SEED)
        import_s, summary = timed(lambda: lib.import_file(catalog_file))
        lib.close()
        results["import_s"] = round(import_s, 2)
        results["import_summary"] = str(summary)
        results["library_file_mb"] = round((data_dir / "library.json").stat().st_size / 1e6, 1)

        # (c) open, a few runs (page cache warm after the first).
        opens = []
        for _ in range(args.open_runs):
            open_s, lib = timed(lambda: Library(data_dir, SEED))
            if lib.notices:
                raise SystemExit(f"unexpected notices on open: {lib.notices}")
            lib.close()
            opens.append(open_s)
        results["open_median_s"] = round(statistics.median(opens), 3)
        results["open_runs"] = args.open_runs

        # (a) record_play against a TinyDB update of the library file.
        lib = Library(data_dir, SEED)
        results.update(bench_record_play(lib, args.plays, rng))
        results.update(bench_tinydb_update(data_dir / "library.json", work, args.baseline_runs))

        # (d) search.
        results["search"] = bench_search(lib.catalog, rng, args.reps)
        lib.close()
        results["this_process_peak_rss_mb"] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        )
        results.update(fresh_process_open(data_dir))
    return results


def table(r: dict[str, Any]) -> str:
    s = r["search"]
    rows = [
        ("`record_play` median / p95", f"{r['record_play_median_ms']} / {r['record_play_p95_ms']} ms", "median ≤ 5 ms"),
        ("baseline: TinyDB update of 1 song, plain JSONStorage (median)", f"{r['tinydb_update_plain_median_ms']} ms", "—"),
        ("baseline: TinyDB update of 1 song, AtomicJSONStorage (median)", f"{r['tinydb_update_atomic_median_ms']} ms", "—"),
        (f"import {r['songs']:,} songs (parse+validate+write)", f"{r['import_s']} s", "—"),
        ("open library (median of runs)", f"{r['open_median_s']} s", "—"),
        ("open library, fresh process", f"{r['fresh_open_s']} s", "—"),
        ("index build", f"{s['index_build_s']} s (fresh process: {r['fresh_index_build_s']} s)", "—"),
        ("per keystroke, index `search_positions` median / p95", f"{s['index_median_ms']} / {s['index_p95_ms']} ms", "—"),
        ("per keystroke, index `search` (ids) median / p95", f"{s['index_ids_median_ms']} / {s['index_ids_p95_ms']} ms", "—"),
        ("per keystroke, linear substring scan median / p95", f"{s['linear_median_ms']} / {s['linear_p95_ms']} ms", "—"),
        ("ratio index / linear, median / p95", f"{s['ratio_median']} / {s['ratio_p95']}", "≤ 0.5"),
        ("peak RSS after open + index (fresh process)", f"{r['fresh_peak_rss_mb']} MB", "—"),
    ]  # fmt: skip
    return results_table(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--songs", type=int, default=100_000)
    parser.add_argument("--dramas", type=int, default=None, help="default: songs / 20")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plays", type=int, default=200)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--open-runs", type=int, default=3)
    parser.add_argument("--reps", type=int, default=1, help="typing sessions per query")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results = run(args)
    print(table(results))
    print()
    print(
        "| query kind | query | keys | index median ms | linear median ms | hits (index / substring) |"
    )
    print("|---|---|---|---|---|---|")
    for q in results["search"]["queries"]:
        print(
            f"| {q['kind']} | {q['query']} | {q['keystrokes']} | {q['index_median_ms']} |"
            f" {q['linear_median_ms']} | {q['final_index_hits']} / {q['final_substring_hits']} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
