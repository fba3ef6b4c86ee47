"""The lyrics stage's frames and CPU: does its scroll hold 60 fps, and what does playing cost?

    .venv/bin/python benchmarks/bench_frames.py [--seconds 10] [--frame-seconds 16]
        [--player fake|vlc] [--size 1920x1080] [--json out.json]

Method
------
* Qt's offscreen platform (forced, whatever the display), with one screen of ``--size`` (a
  configuration file for the offscreen plugin), so the full-screen stage is that large.
* The app's real main window (``app_window.build_window``), a bundled song linked to a WAV,
  its saved lyrics an enhanced LRC as K-drama files have them: a line every 2.5 s, four
  word stamps per line, and an English translation under it. The window plays it with
  ``play_songs`` and enters the stage as F11 does (the ``lyrics-mode`` action), so the
  lyrics panel's own one-shot highlight timer drives the line changes and word fills, as
  in use. The player is ``FakePlayer`` (a real clock, time reports every 250 ms, no audio:
  the figures are the app's own) or, with ``--player vlc``, libVLC on its dummy output
  (libVLC's decoding counted in).
* Frames: for ``--frame-seconds`` of playback, every paint of the lyrics' viewport is
  timed (the paint itself, wrapped in an event filter) and time-stamped, and so is every
  tick of the scroll animation's timer (``QTimeLine.valueChanged``, every frame it can
  draw; a late tick is the GUI thread busy, a dropped frame). A glide runs from the
  timeline's start to its end; the frame intervals are the times between its successive
  ticks. Reported: median and p95 interval, the share over 16.7 ms and over 20 ms, the
  paints (a tick that moves the text by a whole pixel repaints; the OutCubic tail moves less
  than that per frame, so it paints less often), the paint cost per frame, and the cost of
  rendering the whole stage (``QWidget.grab()`` of the lyrics view; median of 30).
  **60 fps held** when the median interval is at most 16.7 ms, the p95 at most 20 ms (Qt's
  coarse timers may fire 5 % late, which is not a dropped frame) and a frame's paint p95
  at most 16.7 ms.
* CPU: process CPU time (all threads) over wall time, as % of one core, for ``--seconds``
  each: the stage shown and paused (the baseline), playing with animation on, playing with
  animation off (View ▸ Appearance ▸ Animate lyrics scrolling unticked, through its
  action). Paints and animation ticks per second are counted in each phase: animation off,
  nothing may tick per frame. Targets: 60 fps held; CPU with animation off ≤ 2 %; with
  animation on, reported.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ["QT_QPA_PLATFORM"] = "offscreen"  # frame times are measured offscreen, always

from bench_playback import BASE_VLC_ARGS, cpu_percent, spin, write_wav  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QTimeLine  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from timing import percentile, results_table  # noqa: E402

from ostplayer.playback.base import PlayerState  # noqa: E402

FRAME_BUDGET_MS = 1000 / 60
LINE_EVERY_MS = 2500
WORD_STEPS_MS = (0, 500, 1100, 1600, 2200)  # four words and the line's end stamp


def stamp(ms: int) -> str:
    return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}.{ms % 1000 // 10:02d}"


def karaoke_lrc(seconds: float) -> str:
    """A line every 2.5 s, four words stamped in each, a translation under each line."""
    words = ("보고 ", "싶다 ", "오늘도 ", "너를")
    out = []
    for i, t in enumerate(range(1000, int(seconds * 1000), LINE_EVERY_MS)):
        sung = "".join(f"<{stamp(t + d)}>{w}" for d, w in zip(WORD_STEPS_MS, words, strict=False))
        out.append(f"[{stamp(t)}]{sung}<{stamp(t + WORD_STEPS_MS[-1])}>")
        out.append(f"[{stamp(t)}]I miss you today too ({i})")
    return "\n".join(out) + "\n"


class FrameSpy(QObject):
    """Times and counts the lyrics viewport's paints, and the scroll animation's ticks."""

    def __init__(self, view) -> None:
        super().__init__()
        self.doc = view.text_view
        self.paints: list[tuple[float, float]] = []  # (start, ms spent painting)
        self.ticks: list[float] = []
        self.glides: list[list[float]] = []  # [start, end] of each glide
        (self.timeline,) = view.findChildren(QTimeLine)
        # valueChanged comes on every tick of the animation's timer (frameChanged only when
        # the scroll moves a whole pixel, which the OutCubic tail does not every frame).
        self.timeline.valueChanged.connect(lambda _v: self.ticks.append(time.perf_counter()))
        self.timeline.stateChanged.connect(self._state)
        self.doc.viewport().installEventFilter(self)

    def _state(self, state: QTimeLine.State) -> None:
        now = time.perf_counter()
        if state == QTimeLine.State.Running:
            self.glides.append([now, float("inf")])
        elif self.glides and self.glides[-1][1] == float("inf"):
            self.glides[-1][1] = now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.doc.viewport() and event.type() == QEvent.Type.Paint:
            t0 = time.perf_counter()
            self.doc.viewportEvent(event)  # the paint itself, as the scroll area would call it
            self.paints.append((t0, (time.perf_counter() - t0) * 1000))
            return True
        return False

    def counts_since(self, t0: float) -> tuple[int, int]:
        return (sum(1 for t, _ in self.paints if t >= t0), sum(1 for t in self.ticks if t >= t0))

    def frames(self, since: float) -> dict[str, object]:
        intervals: list[float] = []
        costs: list[float] = []
        glides = [g for g in self.glides if g[0] >= since and g[1] != float("inf")]
        painted = 0
        for start, end in glides:
            ticks = [t for t in self.ticks if start <= t <= end]
            intervals += [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
            costs += [c for t, c in self.paints if start <= t <= end + 0.025]
            painted += sum(1 for t, _ in self.paints if start <= t <= end + 0.025)
        if not intervals:
            return {"glides": len(glides), "frames": 0}
        median, p95 = statistics.median(intervals), percentile(intervals, 95)
        paint_p95 = percentile(costs, 95)
        return {
            "glides": len(glides),
            "frames": len(intervals),
            "paints": painted,
            "interval_median_ms": round(median, 2),
            "interval_p95_ms": round(p95, 2),
            "interval_max_ms": round(max(intervals), 2),
            "share_over_16_7_ms_pct": round(
                100 * sum(i > FRAME_BUDGET_MS for i in intervals) / len(intervals), 1
            ),
            "share_over_20_ms_pct": round(100 * sum(i > 20 for i in intervals) / len(intervals), 1),
            "fps_median": round(1000 / median, 1),
            "paint_median_ms": round(statistics.median(costs), 3),
            "paint_p95_ms": round(paint_p95, 3),
            "held_60fps": median <= FRAME_BUDGET_MS and p95 <= 20 and paint_p95 <= FRAME_BUDGET_MS,
        }


def phase_cpu(spy: FrameSpy, seconds: float) -> dict[str, float]:
    t0 = time.perf_counter()
    cpu = cpu_percent(seconds)
    paints, ticks = spy.counts_since(t0)
    wall = time.perf_counter() - t0
    return {
        "cpu_pct": round(cpu, 2),
        "paints_per_s": round(paints / wall, 1),
        "animation_ticks_per_s": round(ticks / wall, 1),
    }


def grab_cost(view, runs: int = 30) -> dict[str, float]:
    bar = view.text_view.verticalScrollBar()
    costs = []
    for i in range(runs):
        bar.setValue(bar.maximum() * i // max(1, runs - 1))
        t0 = time.perf_counter()
        view.grab()
        costs.append((time.perf_counter() - t0) * 1000)
    return {
        "median_ms": round(statistics.median(costs), 2),
        "p95_ms": round(percentile(costs, 95), 2),
    }


def make_player(kind: str):
    if kind == "vlc":
        from ostplayer.playback.vlc_backend import VlcPlayer

        return VlcPlayer(BASE_VLC_ARGS)
    from ostplayer.playback.fake_backend import FakePlayer

    return FakePlayer()


def run(args: argparse.Namespace, tmp: Path) -> dict[str, object]:
    from app_window import build_window, close_window

    song_seconds = args.frame_seconds + 2 * args.seconds + 12
    wav = write_wav(tmp / "song.wav", song_seconds)
    player = make_player(args.player)
    window, context = build_window(tmp / "data", player)
    try:
        song_id = next(iter(window.library.catalog.songs))
        window.actions_.link(song_id, str(wav))
        window.library.set_saved_lyrics(song_id, karaoke_lrc(song_seconds))
        window.show()
        search = getattr(window, "search", None)
        deadline = time.monotonic() + 20
        while search is not None and not search.indexed and time.monotonic() < deadline:
            spin(100)  # start-up work (the search index) is not the stage's
        view = window.lyrics.view
        spy = FrameSpy(view)
        window.play_songs(song_id, [song_id])
        deadline = time.monotonic() + 10
        while window.session.state() is not PlayerState.PLAYING and time.monotonic() < deadline:
            spin(20)
        window.menu_actions["lyrics-mode"].trigger()  # F11: the full-screen stage
        spin(1500)
        if not (window.isFullScreen() and view.current_group_index >= 0):
            raise RuntimeError("the stage did not show the playing song's lyrics")
        size = view.size()

        window.session.play_pause()  # paused: the baseline, same stage on screen
        spin(500)
        idle = phase_cpu(spy, args.seconds)
        window.session.play_pause()
        spin(300)
        t0 = time.perf_counter()
        spin(int(args.frame_seconds * 1000))
        frames = spy.frames(t0)
        animated = phase_cpu(spy, args.seconds)
        window.menu_actions["lyrics-animate"].trigger()  # the preference, unticked
        still = phase_cpu(spy, args.seconds)
        played = window.session.state() is PlayerState.PLAYING
        lines_seen = view.current_group_index
        window.session.play_pause()
        spin(200)
        grab = grab_cost(view)
    finally:
        close_window(window, context)
        player.close()
    return {
        "player": args.player,
        "stage_px": f"{size.width()}x{size.height()}",
        "line_every_ms": LINE_EVERY_MS,
        "words_per_line": len(WORD_STEPS_MS) - 1,
        "frames": frames,
        "render_grab": grab,
        "cpu": {
            "seconds": args.seconds,
            "paused_stage": idle,
            "playing_animation_on": animated,
            "playing_animation_off": still,
            "played_throughout": played,
            "last_line_index": lines_seen,
        },
    }


def screen_config(tmp: Path, size: str) -> str:
    width, height = (int(v) for v in size.lower().split("x"))
    path = tmp / "screen.json"
    screen = {"name": "stage", "x": 0, "y": 0, "width": width, "height": height}
    path.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="each CPU phase")
    parser.add_argument("--frame-seconds", type=float, default=16.0, help="frames phase")
    parser.add_argument("--player", choices=("fake", "vlc"), default="fake")
    parser.add_argument("--size", default="1920x1080", help="the offscreen screen, WxH")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        config = screen_config(tmp, args.size)
        app = QApplication([sys.argv[0], "-platform", f"offscreen:configfile={config}"])
        result = run(args, tmp)
        del app
    f, cpu = result["frames"], result["cpu"]
    on, off, idle = cpu["playing_animation_on"], cpu["playing_animation_off"], cpu["paused_stage"]
    print(f"Lyrics stage {result['stage_px']} offscreen, {result['player']} player\n")
    if not f.get("frames"):
        print("no frames measured")
    else:
        print(
            results_table(
                [
                    (
                        f"frame interval while scrolling, median / p95 / max ({f['frames']} "
                        f"frames, {f['paints']} paints, {f['glides']} glides)",
                        f"{f['interval_median_ms']} / {f['interval_p95_ms']} / "
                        f"{f['interval_max_ms']} ms ({f['fps_median']} fps)",
                        "≤ 16.7 / ≤ 20 ms",
                    ),
                    (
                        "frames over 16.7 ms / over 20 ms",
                        f"{f['share_over_16_7_ms_pct']} % / {f['share_over_20_ms_pct']} %",
                        "reported",
                    ),
                    (
                        "paint per frame, median / p95",
                        f"{f['paint_median_ms']} / {f['paint_p95_ms']} ms",
                        "≤ 16.7 ms",
                    ),
                    (
                        "whole stage rendered (grab), median / p95",
                        f"{result['render_grab']['median_ms']} / "
                        f"{result['render_grab']['p95_ms']} ms",
                        "reported",
                    ),
                    ("60 fps held", "yes" if f["held_60fps"] else "NO", "yes"),
                    (
                        f"CPU, stage paused, {cpu['seconds']:.0f} s",
                        f"{idle['cpu_pct']} % ({idle['paints_per_s']} paints/s)",
                        "baseline",
                    ),
                    (
                        f"CPU, playing, animation on, {cpu['seconds']:.0f} s",
                        f"{on['cpu_pct']} % ({on['paints_per_s']} paints/s, "
                        f"{on['animation_ticks_per_s']} ticks/s)",
                        "reported",
                    ),
                    (
                        f"CPU, playing, animation off, {cpu['seconds']:.0f} s",
                        f"{off['cpu_pct']} % ({off['paints_per_s']} paints/s, "
                        f"{off['animation_ticks_per_s']} ticks/s)",
                        "≤ 2 %, 0 ticks/s",
                    ),
                ]
            )
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0 if f.get("frames") and cpu["played_throughout"] else 1


if __name__ == "__main__":
    sys.exit(main())
