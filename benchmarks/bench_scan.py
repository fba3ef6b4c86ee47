"""Scanning the user's music: first scan, rescan, memory, Hangul search, typing during a scan,
and the same folder put into Quod Libet, Strawberry and Clementine in the same run.

    .venv/bin/python benchmarks/bench_scan.py [--files 10000] [--songs 100000] [--no-peers]
                                              [--json OUT.json]

Targets (issue 10): first scan of 10,000 files at least the files/s of the fastest peer and 2x
Quod Libet and Strawberry; rescan of 10,000 unchanged files under 2 s; memory while scanning
under 150 MB above the idle app; Hangul search-as-you-type on 100,000 songs ≤ 16 ms median
per keystroke; no keystroke waits more than 50 ms while a scan runs in the window.

Method
------
* The folder is ``generate_music_folder.py OUT --files N --ogg-only``: N tagged Ogg Vorbis
  files laid out as a K-drama fan's OST folders (the players compared all read Ogg). A mixed
  folder (all formats, covers, bad files; ``--files N``) is scanned by this app too. Before the
  timings every file is read once, so every program meets a warm page cache.
* Ours, first scan: ``ostplayer --data-dir D scan --quiet FOLDER`` in a new process on an empty
  library, timed from launch to exit (walk, tags in 2 worker processes, matching, the
  library written). Files no tag names are fingerprinted by that command (none in the Ogg
  folder); fingerprinting the rest is a background pass in the window, not in this figure,
  and its cost per file is measured beside it. This launch and Quod Libet's scan take turns,
  three times each, and the medians are compared (the machine's speed drifts by a third
  within minutes; one launch each gave ratios from 1.9x to 3.4x in one afternoon). Also
  in-process, phase by phase (walk + tags,
  plan, library write) with the peak memory of the process and its workers above the process
  with its library open. Rescan: the same, again, nothing changed.
* Peers: ``scan_peers.py`` (how each is driven, and why one could not be).
* In the window (``xvfb-run`` or offscreen): the real MainWindow on the bundled library, idle
  memory taken once it is painted and indexed; then the folder is scanned as a drop does
  (``ScanUi.scan_dropped``) while a key event is posted to the search field every 20 ms
  (typing "ost" and erasing it); the wait of a keystroke is from its posting to its delivery to
  the field, so it includes whatever held the GUI thread (the previous keystroke's search,
  the library growing by thousands of songs). Memory (the app and its workers, sampled every
  20 ms) peaks are taken above the idle window.
* Hangul search on 100,000 songs: ``bench_search_view.py``'s own method (real window, key
  events, view updated and painted, against a linear substring scan) with Hangul, initial
  consonant and romanized queries instead of its mixed ones.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import scan_peers  # noqa: E402
from timing import ms, percentile  # noqa: E402

PY = sys.executable


SAMPLER = """
import os, sys, threading, time
from pathlib import Path
root, every, me = int(sys.argv[1]), float(sys.argv[2]), os.getpid()
def pss(pid):
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    return int(text.split("Pss:")[1].split()[0]) * 1024
def tree():
    pids, main, others = [root], 0, 0
    while pids:
        p = pids.pop()
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                pids += [int(c) for c in (task / "children").read_text().split()]
            if p == root:
                main = pss(p)
            elif p != me:
                others += pss(p)
        except (OSError, IndexError, ValueError):
            continue
    return main + others, main, others
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
peak = (0, 0, 0)
while not done.is_set():
    peak = max(peak, tree())
    time.sleep(every)
print(*peak)
"""


class Memory:
    """Peak memory (PSS: shared pages split between the processes sharing them) of this
    process and every process under it (the tag-reading workers), sampled by a separate
    process so the sampling never takes this one's GIL."""

    def __init__(self, every_s: float = 0.05) -> None:
        self.every_s = every_s
        self.peak = self.peak_main = self.peak_workers = 0
        self._proc: subprocess.Popen | None = None

    @staticmethod
    def now() -> int:
        text = Path("/proc/self/smaps_rollup").read_text()
        return int(text.split("Pss:")[1].split()[0]) * 1024

    def __enter__(self) -> Memory:
        cmd = [PY, "-c", SAMPLER, str(os.getpid()), str(self.every_s)]
        self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        return self

    def end_sampling(self) -> None:
        """Tell the sampler to stop, without waiting for its answer: called on the GUI
        thread, waiting here would be a pause of the window that the app did not cause."""
        if self._proc is not None and self._proc.stdin and not self._proc.stdin.closed:
            self._proc.stdin.close()

    def stop(self) -> None:
        if self._proc is not None:
            self.end_sampling()
            out = self._proc.stdout.read() if self._proc.stdout else ""
            self._proc.wait(timeout=30)
            self.peak, self.peak_main, self.peak_workers = map(int, out.split() or (0, 0, 0))
            self._proc = None

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def mb(n: float) -> float:
    return round(n / 1024 / 1024, 1)


# --- parts, each in its own process -----------------------------------------------------------


def part_ours(folder: Path, work: Path) -> dict[str, Any]:
    """In-process, phase by phase: first scan, rescan, fingerprints per file."""
    from ostplayer.catalog.library import Library
    from ostplayer.catalog.scan_apply import apply_scan, plan_for_scan
    from ostplayer.media.fingerprint import available, fingerprint
    from ostplayer.media.music_scan import ScanCache, scan_music
    from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path

    paths = AppPaths.single(work / "data-inprocess")
    paths.make()
    library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    out: dict[str, Any] = {}
    idle = Memory.now()
    for run in ("first", "rescan"):
        with Memory() as memory:
            t0 = time.perf_counter()
            result = scan_music([folder], ScanCache(paths.scan_cache_file), fingerprints=False)
            t1 = time.perf_counter()
            plan, moves = plan_for_scan(library, result.tracks, result.gone, result.gone_tracks)
            t2 = time.perf_counter()
            applied = apply_scan(library, plan, (), result.gone, moves)
            t3 = time.perf_counter()
        out[run] = {
            "files": result.found,
            "read": result.read,
            "unchanged": result.unchanged,
            "walk_and_tags_s": round(t1 - t0, 3),
            "plan_s": round(t2 - t1, 3),
            "write_s": round(t3 - t2, 3),
            "total_s": round(t3 - t0, 3),
            "files_per_s": round(result.found / (t3 - t0)),
            "peak_above_idle_mb": mb(memory.peak - idle),
            "peak_main_above_idle_mb": mb(memory.peak_main - idle),
            "peak_workers_mb": mb(memory.peak_workers),
            "applied": str(applied),
        }
    out["idle_process_mb"] = mb(idle)
    library.close()
    if available():
        samples = []
        for track in result.tracks[:30]:
            t0 = time.perf_counter()
            fingerprint(track.path)
            samples.append(time.perf_counter() - t0)
        out["fingerprint_ms_median"] = ms(statistics.median(samples))
    return out


def part_window(folder: Path, work: Path) -> dict[str, Any]:
    """The scan in the real window, with keystrokes posted all along."""
    os.environ["OSTPLAYER_NO_VLC"] = "1"
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app_window import build_window, close_window
    from bench_search_view import wait_until
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from ostplayer.playback import create_player

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ostplayer.app import GUI_SWITCH_INTERVAL_S

    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)  # as the app's run_gui sets it
    window, context = build_window(work / "data-window", create_player())
    window.show()
    wait_until(app, lambda: getattr(window, "_painted", False), 30)
    wait_until(app, lambda: window.search.indexed, 60)
    settle = time.monotonic() + 1.0
    wait_until(app, lambda: time.monotonic() > settle, 5)
    idle = Memory.now()
    field = window.browser.search
    posted: list[float] = []
    waits: list[float] = []

    events: list[tuple[float, str]] = []  # what the scan was doing when, for long waits
    long_waits: list[dict[str, Any]] = []

    class Arrivals(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.KeyPress and posted:
                sent = posted.pop(0)
                waits.append(time.perf_counter() - sent)
                if waits[-1] > 0.05:
                    before = [what for at, what in events if at <= sent]
                    long_waits.append(
                        {"at_s": round(sent - t0, 2), "ms": ms(waits[-1]), "after": before[-1:]}
                    )
            return False

    arrivals = Arrivals()
    field.installEventFilter(arrivals)
    keys = [(Qt.Key.Key_O, "o"), (Qt.Key.Key_S, "s"), (Qt.Key.Key_T, "t")]
    keys += [(Qt.Key.Key_Backspace, "")] * 3
    step = [0]

    def post_key() -> None:
        key, text = keys[step[0] % len(keys)]
        step[0] += 1
        posted.append(time.perf_counter())
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            QApplication.postEvent(field, event)

    reports: list[Any] = []
    t0 = time.perf_counter()
    context.scan.progressed.connect(
        lambda _d, _t, what: events.append((time.perf_counter(), what.split(" /")[0]))
    )
    context.library.changed.connect(
        lambda change: events.append((time.perf_counter(), f"library changed ({change})"[:90]))
    )
    context.scan.finished.connect(reports.append)
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(post_key)
    loop = QEventLoop()  # the app's own event loop, as exec() runs it: no polling here
    finished_at: list[float] = []

    def on_report(_report: object) -> None:
        finished_at.append(time.perf_counter())
        events.append((finished_at[0], "scan finished"))
        memory.end_sampling()  # while scanning; the fingerprint pass after it is not counted
        QTimer.singleShot(2000, loop.quit)  # the browser taking in the new songs, typing on

    context.scan.finished.connect(on_report)
    QTimer.singleShot(600_000, loop.quit)
    memory = Memory()
    with memory:
        timer.start()
        t0 = time.perf_counter()
        window.scan_ui.scan_dropped([str(folder)])
        loop.exec()
        timer.stop()
        wait_until(app, lambda: not posted, 5)
    scan_s = (finished_at or [time.perf_counter()])[0] - t0
    if context.scan.fingerprints is not None:
        context.scan.fingerprints.cancel()  # the background pass: not part of these figures
    songs = window.model.rowCount()
    close_window(window, context)
    return {
        "platform": app.platformName(),
        "scan_s": round(scan_s, 2),
        "summary": reports[0].summary() if reports else "no report",
        "browser_groups_after": songs,
        "keystrokes": len(waits),
        "wait_median_ms": ms(statistics.median(waits)),
        "wait_p99_ms": ms(percentile(waits, 99)),
        "wait_max_ms": ms(max(waits)),
        "waits_over_50_ms": sum(w > 0.05 for w in waits),
        "long_waits": long_waits,
        "idle_window_mb": mb(idle),
        "peak_above_idle_mb": mb(memory.peak - idle),
        "peak_main_above_idle_mb": mb(memory.peak_main - idle),
        "peak_workers_mb": mb(memory.peak_workers),
    }


def part_search(songs: int) -> dict[str, Any]:
    """bench_search_view's measurement, with Hangul queries."""
    import bench_search_view as view

    from ostplayer.domain.hangul import initials
    from ostplayer.domain.romanize import romanize

    def hangul_queries(catalog: Any, rng: Any, bundled: int) -> list[tuple[str, str]]:
        generated = list(catalog.songs.values())[bundled:]
        song = rng.choice([s for s in generated if s.title_original])
        drama = rng.choice([d for d in catalog.dramas.values() if d.title_original])
        person = rng.choice([p for p in catalog.people.values() if p.name_original])
        # Romanization is indexed word by word, as a listener types one word of a title.
        roman = "".join(romanize(song.title_original.split()[0]).split()).lower()
        return [
            ("Hangul song title", song.title_original),
            ("Hangul drama title", drama.title_original),
            ("Hangul name", person.name_original),
            ("initial consonants", initials(person.name_original)),
            ("romanized title word", roman),
            ("bundled: 이태원", "이태원"),
            ("bundled: 가호", "가호"),
            ("bundled: ㅇㅌㅇ", "ㅇㅌㅇ"),
            ("bundled: sijak", "sijak"),
        ]

    view.pick_queries = hangul_queries
    args = argparse.Namespace(
        songs=songs, dramas=None, seed=1, reps=1, input="keys", index_timeout=300.0
    )
    result = view.run(args)
    keep = ("songs", "keystrokes", "view_median_ms", "view_p95_ms", "view_max_ms")
    keep += ("scan_median_ms", "ratio_median", "queries", "platform", "breakdown_median_ms")
    return {k: result[k] for k in keep}


# --- the whole run ----------------------------------------------------------------------------


def child(part: str, *extra: str) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = Path(tmp.name)
    cmd = [PY, str(Path(__file__)), "--part", part, *extra, "--json", str(out)]
    if part in ("window", "search") and not os.environ.get("DISPLAY"):
        cmd = [*scan_peers.XVFB, *cmd] if scan_peers.has_xvfb() else cmd
    print(f"== {part}: {' '.join(cmd)}", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"ok": False, "why": proc.stderr.strip()[-800:]}
    result = json.loads(out.read_text())
    out.unlink()
    return {"ok": True, **result}


ROUNDS = 3  # launches each of ours and Quod Libet's first scan, taking turns


def cli_scan(folder: Path, data: Path) -> dict[str, Any]:
    cmd = [PY, "-m", "ostplayer", "--data-dir", str(data), "scan", "--quiet", str(folder)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    return {"wall_s": round(wall, 3), "summary": proc.stdout.strip().splitlines()[:2]}


def warm(folder: Path) -> int:
    """Read every regular file once (the generator's FIFO, loops and dangling links are not)."""
    count = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            try:
                if not stat.S_ISREG(os.lstat(path).st_mode):
                    continue
                with open(path, "rb") as fh:
                    while fh.read(1 << 20):
                        pass
            except OSError:
                continue
            count += 1
    return count


def generate(out: Path, files: int, ogg_only: bool) -> None:
    cmd = [PY, str(HERE / "generate_music_folder.py"), str(out), "--files", str(files)]
    subprocess.run([*cmd, *(["--ogg-only"] if ogg_only else [])], check=True, capture_output=True)


def run(args: argparse.Namespace) -> dict[str, Any]:
    r: dict[str, Any] = {"files": args.files, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="ostplayer-bench-scan-") as tmp:
        work = Path(tmp)
        ogg, mixed = work / "ogg", work / "mixed"
        generate(ogg, args.files, ogg_only=True)
        generate(mixed, args.files, ogg_only=False)
        warm(ogg)
        warm(mixed)
        # Ours and Quod Libet, the two closest, take turns for ROUNDS launches each (the
        # machine's speed drifts by a third within minutes); their medians are compared.
        ours: list[dict[str, Any]] = []
        ql: list[dict[str, Any]] = []
        for i in range(ROUNDS):
            ours.append(cli_scan(ogg, work / f"cli-data-{i}"))
            if not args.no_peers:
                ql.append(scan_peers.quodlibet(ogg, work / f"ql-{i}"))
        middle = sorted(range(ROUNDS), key=lambda i: ours[i]["wall_s"])[ROUNDS // 2]
        first = ours[middle]
        again = cli_scan(ogg, work / f"cli-data-{middle}")
        r["cli"] = {"first": first, "rescan": again, "rounds": [o["wall_s"] for o in ours],
                    "first_files_per_s": round(args.files / first["wall_s"])}  # fmt: skip
        r["inprocess_ogg"] = child("ours", "--folder", str(ogg), "--work", str(work / "ip-ogg"))
        r["inprocess_mixed"] = child("ours", "--folder", str(mixed), "--work", str(work / "ipm"))
        r["window"] = child("window", "--folder", str(ogg), "--work", str(work / "win"))
        r["search"] = child("search", "--songs", str(args.songs))
        peers: dict[str, Any] = {}
        if not args.no_peers:
            done = sorted((q for q in ql if q.get("ok")), key=lambda q: q["wall_s"])
            walls = [round(q["wall_s"], 2) for q in done]
            peers["quodlibet"] = {**done[len(done) // 2], "rounds": walls} if done else ql[0]
            for name in ("strawberry", "clementine"):
                peers[name] = scan_peers.qt_peer(name, ogg, args.files, work, args.peer_timeout)
            for p in peers.values():
                if p.get("ok") and p.get("wall_s"):
                    p["files_per_s"] = round(p["songs"] / p["wall_s"])
        r["peers"] = peers
    return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--songs", type=int, default=100_000, help="for the search figure")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--peer-timeout", type=float, default=600.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--part", choices=("ours", "window", "search"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part == "ours":
        result = part_ours(args.folder, args.work)
    elif args.part == "window":
        result = part_window(args.folder, args.work)
    elif args.part == "search":
        result = part_search(args.songs)
    else:
        result = run(args)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
