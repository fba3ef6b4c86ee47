"""The desktop integration's costs, measured with the real clients on a private session bus.

* Start → first painted window (and → library on screen) with MPRIS, the remote socket and
  the tray attached, against a bare PySide6 window started the same way, runs alternating.
* ``playerctl play-pause`` → the state change reported back: a ``playerctl status --follow``
  client is running, and the clock runs from spawning ``playerctl play-pause`` to the new
  status line arriving at the follower (PropertiesChanged over the bus). The app plays a
  generated WAV with libVLC's dummy output (the fake player when libVLC is missing).
* ``ostplayer now`` while the window runs: wall time of the whole command, interpreter
  start included, as a user types it.

    .venv/bin/python benchmarks/bench_desktop.py [--runs 7] [--toggles 40] [--json FILE]

Needs a display for the start-up part (run_all puts it under xvfb-run); the rest runs
offscreen.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(HERE))

from desktop_support import SONG_A, RunningApp, make_library, private_bus  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed_start(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the first paint, and to the last stamp (library on screen)."""
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "painted"
        run_env = dict(env, OSTPLAYER_EXIT_AFTER_PAINT=str(stamp))
        t0 = time.time()
        result = subprocess.run(cmd, env=run_env, capture_output=True, text=True, timeout=120)
        if result.returncode != 0 or not stamp.exists():
            raise RuntimeError(f"{cmd} failed: {result.stderr[-2000:]}")
        stamps = [float(x) for x in stamp.read_text().split()]
        return stamps[0] - t0, stamps[-1] - t0


def startup(runs: int, bus: str, tmp: Path) -> dict[str, float]:
    py = sys.executable
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "ostplayer")], check=True)
    data = tmp / "startup"
    make_library(data)
    runtime = tmp / "run-startup"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=bus, XDG_RUNTIME_DIR=str(runtime))
    env["OSTPLAYER_NO_VLC"] = "1"  # as bench_startup's headline figure: the window alone
    app_cmd = [py, "-m", "ostplayer", "--data-dir", str(data)]
    timed_start(app_cmd, env)  # warm the caches once
    bare, first, content = [], [], []
    for _ in range(runs):
        bare.append(timed_start([py, str(HERE / "bare_window.py")], env)[0])
        f, c = timed_start(app_cmd, env)
        first.append(f)
        content.append(c)
    b = statistics.median(bare)
    return {
        "bare_window_s": b,
        "first_paint_s": statistics.median(first),
        "ratio_first_paint_vs_bare": statistics.median(first) / b,
        "content_s": statistics.median(content),
        "ratio_content_vs_bare": statistics.median(content) / b,
    }


def play_pause_latency(app: RunningApp, toggles: int) -> list[float]:
    follow = subprocess.Popen(
        ["playerctl", "-p", "ostplayer", "status", "--follow"],
        env=app.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert follow.stdout is not None
    try:
        line = follow.stdout.readline().strip()
        assert line == "Playing", line
        times = []
        for _ in range(toggles):
            t0 = time.perf_counter()
            subprocess.run(["playerctl", "-p", "ostplayer", "play-pause"], env=app.env, check=True)
            new = follow.stdout.readline().strip()
            times.append((time.perf_counter() - t0) * 1000)
            assert new in ("Playing", "Paused"), new
            time.sleep(0.05)
        return times
    finally:
        follow.terminate()
        follow.wait(timeout=10)


def now_wall(app: RunningApp, runs: int) -> tuple[list[float], list[float]]:
    """``ostplayer now`` walls, and (interleaved, the baseline) a bare ``python -c pass``."""
    times, bare = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=app.env, check=True)
        bare.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        result = app.cli("now")
        times.append((time.perf_counter() - t0) * 1000)
        assert result.returncode == 0, result.stderr
    return times, bare


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--toggles", type=int, default=40)
    parser.add_argument("--now-runs", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    for tool in ("dbus-daemon", "playerctl"):
        if shutil.which(tool) is None:
            sys.exit(f"bench_desktop: {tool} is missing (make test installs it)")
    results: dict[str, object] = {"runs": args.runs, "toggles": args.toggles}
    with tempfile.TemporaryDirectory(prefix="ostb") as tmp_name, private_bus() as bus:
        tmp = Path(tmp_name)
        if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            results["startup"] = startup(args.runs, bus, tmp)
        backend = "vlc"
        try:
            from vlc_support import VLC_TEST_ARGS

            from ostplayer.playback.vlc_backend import VlcPlayer

            VlcPlayer(VLC_TEST_ARGS).close()
        except Exception:
            backend = "fake"
        app = RunningApp(tmp / "app", bus, backend)
        app.start()
        try:
            assert app.cli("play", SONG_A).returncode == 0
            # Four-second clips: loop the one song so it never ends mid-measurement.
            subprocess.run(["playerctl", "-p", "ostplayer", "loop", "Track"], env=app.env)
            time.sleep(0.5)
            pp = play_pause_latency(app, args.toggles)
            now, bare_python = now_wall(app, args.now_runs)
        finally:
            app.stop()
        results.update(
            backend=backend,
            play_pause_median_ms=statistics.median(pp),
            play_pause_p95_ms=p95(pp),
            now_median_ms=statistics.median(now),
            now_p95_ms=p95(now),
            python_start_median_ms=statistics.median(bare_python),
            now_runs=args.now_runs,
        )
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
