"""Search as you type in the real window: keystroke to updated view, against a linear scan.

    .venv/bin/python benchmarks/bench_search_view.py [--songs 100000] [--dramas 5000]
                                                      [--reps 1] [--json OUT.json]

Target (the issue): with the 100,000-song library, search-as-you-type takes at most 16 ms
median per keystroke from text change to view updated, and at most half the time of a plain
linear substring scan over the same fields measured in the same run.

Method
------
* A generated library (``generate_catalog.generate``) is imported into a temporary data
  directory with ``Library.import_file`` and opened again, as the app opens it.
* The real ``MainWindow(settings, context)`` is built as the app builds it (``app_window.py``:
  an ``AppContext`` on the data directory) with the player from ``create_player()`` under ``OSTPLAYER_NO_VLC=1`` (a NullPlayer), shown, and left alone until
  ``window.search.indexed``: the index is built by the window's own path (a background thread
  started after the first paint). Qt runs offscreen unless DISPLAY or QT_QPA_PLATFORM is set.
* ~10 realistic queries taken from the catalog (song titles, a performer, a group, drama
  titles, a character, a lyric word, a Hangul title, two names) are typed into
  ``window.browser.search`` one character at a time. Each keystroke is a KeyPress/KeyRelease
  pair carrying the character's text, sent to the search field (``--input settext`` uses
  ``setText`` of each prefix instead). The field is cleared between queries (not timed), and
  the index's term cache is emptied so every query starts cold, as in bench_store.
* VIEW, per keystroke: the clock starts just before the key event is sent. The field's
  ``textChanged`` runs ``BrowserPanel.apply_search`` synchronously (search, model reset,
  expanding, count label). Then ``QApplication.processEvents()`` runs what the event loop
  would run next: the tree's delayed item layout and the paint of every dirty widget,
  flushed to the window's backing store. If the tree's viewport was not painted by then,
  ``viewport().repaint()`` paints it synchronously. The clock stops after that, so layout
  and paint of the tree are included. The time is split into search (SearchService),
  model filter (``BrowserModel.set_filter``), the rest of ``apply_search`` and event
  handling, and layout + paint.
* SCAN (baseline), per keystroke, for the same prefixes, right after each view keystroke so
  drift hits both alike: ``q in text`` over each song's ``song_fields`` joined and lower-cased
  once up front (that preparation is not timed), returning the matching positions. The scan
  is timed alone, WITHOUT updating any view: it is the cost of the search step only, which
  makes the ratio view / scan a strict comparison.

Reports the median and p95 of both, the ratios view / scan, and per-query figures. Prints
markdown table rows; ``--json OUT`` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["OSTPLAYER_NO_VLC"] = "1"

from app_window import build_window, close_window  # noqa: E402
from generate_catalog import generate  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from timing import ms, percentile, results_table, timed  # noqa: E402

from ostplayer.catalog.library import Library  # noqa: E402
from ostplayer.domain.models import Catalog  # noqa: E402
from ostplayer.domain.search import song_fields  # noqa: E402
from ostplayer.paths import BUNDLED_CATALOG, resource_path  # noqa: E402
from ostplayer.playback import create_player  # noqa: E402

SEED = resource_path(BUNDLED_CATALOG)
TARGET_MEDIAN_MS = 16.0
TARGET_RATIO = 0.5


# --- queries ----------------------------------------------------------------------------------


def pick_queries(catalog: Catalog, rng: random.Random, bundled: int) -> list[tuple[str, str]]:
    """(kind, text) pairs a listener would type, taken from the generated part of the catalog
    (past the ``bundled`` songs that come first)."""
    songs = list(catalog.songs.values())
    generated = songs[bundled:] or songs
    song = rng.choice(generated)
    drama = catalog.dramas[song.drama]
    performer = catalog.person_name(song.performers[0].person)
    groups = [p for p in catalog.people.values() if p.is_group]
    group = rng.choice(groups[2:] or groups) if groups else None  # past the bundled two
    hangul = next((s.title_original for s in generated if s.title_original), "사랑")
    character = next((c.character for c in drama.cast if c.character), "Ko Dong-man")
    lyric_word = max(song.lyrics_excerpt.split(), key=len).strip(",.’'").lower()
    other = rng.choice(generated)
    return [
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


# --- the window -------------------------------------------------------------------------------


class PaintSpy(QObject):
    """Counts paint events of the widget it is installed on."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class Split:
    """Wraps an instance's method to add up the time spent in it."""

    def __init__(self, obj: Any, name: str) -> None:
        self.total = 0.0
        inner = getattr(obj, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - t0

        setattr(obj, name, wrapper)

    def take(self) -> float:
        total, self.total = self.total, 0.0
        return total


def key_for(ch: str) -> Qt.Key:
    """The Qt key a keyboard would report with this character (printable ASCII maps 1:1)."""
    if ch.isascii() and ch.isprintable():
        return Qt.Key(ord(ch.upper()))
    return Qt.Key.Key_unknown


def wait_until(app: QApplication, done: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


class Typist:
    def __init__(self, app: QApplication, window: Any, input_mode: str) -> None:
        self.app = app
        self.window = window
        self.field = window.browser.search
        self.tree = window.browser.tree
        self.input_mode = input_mode
        self.spy = PaintSpy()
        self.tree.viewport().installEventFilter(self.spy)
        # BrowserPanel calls these through instance attributes, so wrapping them here times
        # the search and the model reset inside apply_search.
        self.search_split = Split(window.search, "search_positions")
        self.filter_split = Split(window.model, "set_filter")
        self.forced_repaints = 0

    def clear(self) -> None:
        self.field.clear()
        self.app.processEvents()
        cache = getattr(getattr(self.window.search, "_index", None), "_term_cache", None)
        if isinstance(cache, dict):
            cache.clear()  # each typing session starts cold

    def keystroke(self, ch: str, prefix: str) -> dict[str, float]:
        """Type one character; seconds for each part, from before the text change to painted."""
        field, app = self.field, self.app
        self.search_split.take()
        self.filter_split.take()
        paints = self.spy.paints
        t0 = time.perf_counter()
        if self.input_mode == "keys":
            key = key_for(ch)
            mods = Qt.KeyboardModifier.NoModifier
            if ch.isascii() and ch.isalpha() and ch.isupper():
                mods = Qt.KeyboardModifier.ShiftModifier
            app.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, key, mods, ch))
            app.sendEvent(field, QKeyEvent(QEvent.Type.KeyRelease, key, mods, ch))
        else:
            field.setText(prefix)
        t1 = time.perf_counter()
        app.processEvents()  # delayed item layout, then paint of what changed
        if self.spy.paints == paints:
            self.tree.viewport().repaint()
            self.forced_repaints += 1
        t2 = time.perf_counter()
        if field.text() != prefix:
            raise RuntimeError(f"search field holds {field.text()!r}, expected {prefix!r}")
        search_s = self.search_split.take()
        filter_s = self.filter_split.take()
        return {
            "total": t2 - t0,
            "search": search_s,
            "filter": filter_s,
            "rest": (t1 - t0) - search_s - filter_s,
            "layout_paint": t2 - t1,
        }


# --- main -------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    n_dramas = args.dramas or max(1, args.songs // 20)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    results: dict[str, Any] = {
        "songs": args.songs,
        "dramas": n_dramas,
        "platform": app.platformName(),
        "input": args.input,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    with tempfile.TemporaryDirectory(prefix="ostplayer-bench-view-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        catalog_file = work / "generated.json"
        data = generate(args.songs, n_dramas, args.seed)
        catalog_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        del data

        lib = Library(data_dir, SEED)
        bundled = len(lib.catalog.songs)
        import_s, _ = timed(lambda: lib.import_file(catalog_file))
        lib.close()
        results["import_s"] = round(import_s, 2)

        open_s, library = timed(lambda: Library(data_dir, SEED))
        results["open_s"] = round(open_s, 3)
        catalog = library.catalog
        results["library_songs"] = len(catalog.songs)

        player = create_player()
        t0 = time.perf_counter()
        window, context = build_window(data_dir, player, library)
        window.show()
        painted = wait_until(app, lambda: getattr(window, "_painted", False), 30)
        if not painted:  # a platform that never paints: start the index as the paint would
            window.search.start()
        if not wait_until(app, lambda: window.search.indexed, args.index_timeout):
            raise SystemExit(f"the search index was not ready after {args.index_timeout} s")
        results["window_to_indexed_s"] = round(time.perf_counter() - t0, 2)
        results["first_paint_seen"] = painted
        app.processEvents()

        # Baseline preparation, not timed per keystroke: each song's fields lowered once.
        prep_s, texts = timed(
            lambda: ["\n".join(song_fields(s, catalog)).lower() for s in catalog.songs.values()]
        )
        results["scan_prep_s"] = round(prep_s, 3)

        def scan(query: str) -> list[int]:
            q = query.lower()
            return [i for i, text in enumerate(texts) if q in text]

        typist = Typist(app, window, args.input)
        # Warm-up session (not measured): first calls into Qt's paths, fonts, glyph caches.
        typist.clear()
        for end, ch in enumerate("love", 1):
            typist.keystroke(ch, "love"[:end])
        typist.clear()
        typist.forced_repaints = 0

        parts: dict[str, list[float]] = {
            k: [] for k in ("total", "search", "filter", "rest", "layout_paint")
        }
        scan_samples: list[float] = []
        per_query: list[dict[str, Any]] = []
        for kind, text in pick_queries(catalog, rng, bundled):
            q_view: list[float] = []
            q_scan: list[float] = []
            for _ in range(args.reps):
                typist.clear()
                for end in range(1, len(text) + 1):
                    prefix = text[:end]
                    sample = typist.keystroke(text[end - 1], prefix)
                    for k, v in sample.items():
                        parts[k].append(v)
                    q_view.append(sample["total"])
                    t0 = time.perf_counter()
                    scanned = scan(prefix)
                    q_scan.append(time.perf_counter() - t0)
                    del scanned
            scan_samples += q_scan
            per_query.append(
                {
                    "kind": kind,
                    "query": text,
                    "keystrokes": len(text),
                    "view_median_ms": ms(statistics.median(q_view)),
                    "view_max_ms": ms(max(q_view)),
                    "scan_median_ms": ms(statistics.median(q_scan)),
                    "shown_matches": window.model.match_count,
                    "count_label": window.browser.count_label.text(),
                    "substring_matches": len(scan(text)),
                }
            )
        typist.clear()
        view_samples = parts["total"]
        results.update(
            {
                "keystrokes": len(view_samples),
                "reps": args.reps,
                "view_median_ms": ms(statistics.median(view_samples)),
                "view_p95_ms": ms(percentile(view_samples, 95)),
                "view_max_ms": ms(max(view_samples)),
                "scan_median_ms": ms(statistics.median(scan_samples)),
                "scan_p95_ms": ms(percentile(scan_samples, 95)),
                "ratio_median": round(
                    statistics.median(view_samples) / statistics.median(scan_samples), 3
                ),
                "ratio_p95": round(percentile(view_samples, 95) / percentile(scan_samples, 95), 3),
                "breakdown_median_ms": {
                    k: ms(statistics.median(v)) for k, v in parts.items() if k != "total"
                },
                "breakdown_p95_ms": {
                    k: ms(percentile(v, 95)) for k, v in parts.items() if k != "total"
                },
                "forced_repaints": typist.forced_repaints,
                "queries": per_query,
            }
        )
        results["target_met"] = (
            results["view_median_ms"] <= TARGET_MEDIAN_MS
            and results["ratio_median"] <= TARGET_RATIO
        )
        close_window(window, context)  # also closes the player and the library
        window.deleteLater()
        app.processEvents()
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return results


def table(r: dict[str, Any]) -> str:
    b, p = r["breakdown_median_ms"], r["breakdown_p95_ms"]
    rows = [
        (f"per keystroke, text change → view updated, {r['songs']:,} songs (median / p95 of {r['keystrokes']})", f"{r['view_median_ms']} / {r['view_p95_ms']} ms", f"median ≤ {TARGET_MEDIAN_MS:g} ms"),
        ("  of which search (SearchService.search_positions)", f"{b['search']} / {p['search']} ms", "—"),
        ("  of which model filter (BrowserModel.set_filter)", f"{b['filter']} / {p['filter']} ms", "—"),
        ("  of which rest of apply_search (expand, count, selection) + key handling", f"{b['rest']} / {p['rest']} ms", "—"),
        ("  of which tree layout + paint (event loop)", f"{b['layout_paint']} / {p['layout_paint']} ms", "—"),
        ("baseline: linear substring scan, same fields and keystrokes, scan only (no view)", f"{r['scan_median_ms']} / {r['scan_p95_ms']} ms", "—"),
        ("ratio view / scan, median / p95", f"{r['ratio_median']} / {r['ratio_p95']}", f"≤ {TARGET_RATIO:g}"),
        ("window built → search index ready (background build)", f"{r['window_to_indexed_s']} s", "—"),
    ]  # fmt: skip
    return results_table(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--songs", type=int, default=100_000)
    parser.add_argument("--dramas", type=int, default=None, help="default: songs / 20")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reps", type=int, default=1, help="typing sessions per query")
    parser.add_argument(
        "--input",
        choices=("keys", "settext"),
        default="keys",
        help="key events with the character's text (default), or setText of each prefix",
    )
    parser.add_argument("--index-timeout", type=float, default=300.0, help="seconds")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results = run(args)
    print(table(results))
    print()
    print(
        "| query kind | query | keys | view median ms | view max ms | scan median ms |"
        " shown / substring matches |"
    )
    print("|---|---|---|---|---|---|---|")
    for q in results["queries"]:
        print(
            f"| {q['kind']} | {q['query']} | {q['keystrokes']} | {q['view_median_ms']} |"
            f" {q['view_max_ms']} | {q['scan_median_ms']} |"
            f" {q['shown_matches']} / {q['substring_matches']} |"
        )
    print(
        f"\nQt platform: {results['platform']}; input: {results['input']};"
        f" tree repainted explicitly on {results['forced_repaints']} keystroke(s)."
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
