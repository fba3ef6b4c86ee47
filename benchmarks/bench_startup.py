"""Start to first painted window, and peak memory, against a bare PySide6 window.

Each run spawns a fresh process and records the wall time from just before the spawn to the
first paint (the process writes time.time() from its first paintEvent). The baseline is
``bare_window.py``, a QMainWindow with a label, started the same way in the same run; runs
alternate between the two so drift hits both alike. Peak memory is the child's ru_maxrss from
os.wait4, with the app kept alive until its search index is built.

The app runs with OSTPLAYER_NO_VLC=1 (the silent player), which skips loading libVLC: the
headline figures are the window alone. Users start with libVLC, which run_gui creates before
the window (python-vlc import + ``vlc.Instance``), so the same figures are also measured with
libVLC loaded, as users start it ("..._vlc" keys), interleaved with the others.

Run under a display, e.g.: xvfb-run -a .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def timed_start(
    cmd: list[str], env_extra: dict[str, str] | None = None, vlc: bool = False
) -> tuple[float, float, float]:
    """(seconds from spawn to first paint, peak RSS in MB, seconds to the library on screen);
    ``vlc``: load libVLC as users do. The app paints its bare window first and the library
    right after (two stamps); the bare baseline writes one, used for both."""
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "painted"
        env = dict(os.environ, OSTPLAYER_EXIT_AFTER_PAINT=str(stamp), OSTPLAYER_NO_VLC="1")
        if vlc:
            del env["OSTPLAYER_NO_VLC"]
        env.update(env_extra or {})
        t0 = time.time()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        if status != 0 or not stamp.exists():
            raise RuntimeError(f"{cmd} failed: {proc.stderr.read().decode()[-2000:]}")
        stamps = [float(x) for x in stamp.read_text().split()]
        return stamps[0] - t0, usage.ru_maxrss / 1024, stamps[-1] - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--songs", type=int, default=100_000)
    parser.add_argument("--dramas", type=int, default=5_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        sys.exit("bench_startup: needs a display; run it under xvfb-run -a")

    py = sys.executable
    # Users run from byte-compiled modules (pip compiles on install); this machine sets
    # PYTHONDONTWRITEBYTECODE, so compile once up front or every run would compile from source.
    subprocess.run([py, "-m", "compileall", "-q", str(HERE.parent / "ostplayer")], check=True)
    app_cmd = [py, "-m", "ostplayer", "--data-dir"]
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "bundled"
        big = Path(tmp) / "big"
        # Seed both libraries first so start-up measures an existing library, as users have.
        timed_start([*app_cmd, str(small)])
        from generate_catalog import generate

        catalog_file = Path(tmp) / "big.json"
        catalog_file.write_text(json.dumps(generate(args.songs, args.dramas)))
        subprocess.run(
            [py, "-m", "ostplayer", "--data-dir", str(big), "import", str(catalog_file)],
            check=True,
            stdout=subprocess.DEVNULL,
        )

        bare, app, app_vlc, content, content_vlc = [], [], [], [], []
        for _ in range(args.runs):
            bare.append(timed_start([py, str(HERE / "bare_window.py")])[0])
            first, _, shown = timed_start([*app_cmd, str(small)])
            app.append(first)
            content.append(shown)
            first, _, shown = timed_start([*app_cmd, str(small)], vlc=True)
            app_vlc.append(first)
            content_vlc.append(shown)
        big_times, big_vlc, big_rss, big_rss_vlc = [], [], [], []
        for _ in range(max(3, args.runs // 2)):
            # For the big library the clock stops when the library is on screen.
            big_times.append(timed_start([*app_cmd, str(big)])[2])
            big_vlc.append(timed_start([*app_cmd, str(big)], vlc=True)[2])
        wait = {"OSTPLAYER_WAIT_FOR_INDEX": "1"}
        for _ in range(2):
            big_rss.append(timed_start([*app_cmd, str(big)], wait)[1])
            big_rss_vlc.append(timed_start([*app_cmd, str(big)], wait, vlc=True)[1])

    results = {
        "bare_window_s": statistics.median(bare),
        "bundled_catalog_s": statistics.median(app),
        "ratio_bundled_vs_bare": statistics.median(app) / statistics.median(bare),
        "big_library_s": statistics.median(big_times),
        "big_library_peak_rss_mb": max(big_rss),
        "bundled_content_s": statistics.median(content),
        "ratio_bundled_content_vs_bare": statistics.median(content) / statistics.median(bare),
        "bundled_content_vlc_s": statistics.median(content_vlc),
        "ratio_bundled_content_vlc_vs_bare": statistics.median(content_vlc)
        / statistics.median(bare),
        "bundled_catalog_vlc_s": statistics.median(app_vlc),
        "ratio_bundled_vlc_vs_bare": statistics.median(app_vlc) / statistics.median(bare),
        "big_library_vlc_s": statistics.median(big_vlc),
        "big_library_peak_rss_vlc_mb": max(big_rss_vlc),
        "songs": args.songs,
        "runs": args.runs,
    }
    print("| metric | value | target |")
    print("|---|---|---|")
    print(
        f"| bare PySide6 window: start to first paint (median of {args.runs}) | "
        f"{results['bare_window_s'] * 1000:.0f} ms | baseline |"
    )
    print(
        f"| bundled catalog: start to first paint | {results['bundled_catalog_s'] * 1000:.0f} ms"
        f" = **{results['ratio_bundled_vs_bare']:.2f}x** bare | ≤ 1.5x |"
    )
    print(
        f"| bundled catalog: start to the library on screen (browser painted) | "
        f"{results['bundled_content_s'] * 1000:.0f} ms"
        f" = {results['ratio_bundled_content_vs_bare']:.2f}x bare; with libVLC "
        f"{results['bundled_content_vlc_s'] * 1000:.0f} ms"
        f" = {results['ratio_bundled_content_vlc_vs_bare']:.2f}x | — |"
    )
    print(
        f"| {args.songs:,}-song library: start to the library on screen | "
        f"{results['big_library_s'] * 1000:.0f} ms | ≤ 3000 ms |"
    )
    print(
        f"| {args.songs:,}-song library: peak memory (incl. search index) | "
        f"{results['big_library_peak_rss_mb']:.0f} MB | ≤ 400 MB |"
    )
    print(
        f"| bundled catalog, with libVLC (as users start it) | "
        f"{results['bundled_catalog_vlc_s'] * 1000:.0f} ms"
        f" = **{results['ratio_bundled_vlc_vs_bare']:.2f}x** bare | ≤ 1.5x |"
    )
    print(
        f"| {args.songs:,}-song library, with libVLC: start to first paint / peak memory | "
        f"{results['big_library_vlc_s'] * 1000:.0f} ms / "
        f"{results['big_library_peak_rss_vlc_mb']:.0f} MB | ≤ 3000 ms / ≤ 400 MB |"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
