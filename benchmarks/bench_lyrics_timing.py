"""How late (or early) does the lyrics highlight change, against the real media clock?

Method
------
* A ~12 s mono WAV is written with the stdlib ``wave`` module and played with REAL
  libVLC through the app's own path: ``create_player(["--aout=dummy"])`` (the
  backend adds its defaults; ``--file-caching`` is left at the app's default),
  wrapped in a ``PlayerBridge`` (queued hand-off, 200 ms poll, ``PlaybackClock``).
* A synthetic LRC has a line due every 700 ms starting at 637 ms. 700 is not a
  multiple of libVLC's 250 ms time step, so the due times fall at every phase of it.
* Real ``LyricsView`` widgets (offscreen QApplication, shown, scroll animation on)
  are fed by one ``QTimer`` (16 ms, ``Qt.PreciseTimer``), the tick the lead will use:
  - ``interpolated``: ``bridge.position_ms()`` - what the app will do;
  - ``raw get_time``: ``player.time_ms()`` alone, libVLC's coarse time (baseline);
  - ``events-only clock``: a second ``PlaybackClock`` fed only by TimeChanged events
    (diagnostic: shows what the bridge's 200 ms ``get_time()`` poll adds or costs).
* For every line we record the monotonic time at which each view's
  ``current_group_index`` became that line ("state"), and the first paint of the
  line's label after that ("paint", what reaches the screen buffer).
* Ground truth. With ``--aout=dummy`` there is no sound card, so "really playing"
  means libVLC's media clock, which runs at wall-clock rate. Each TimeChanged event
  is timestamped with ``time.monotonic()`` inside the libVLC callback (before any
  queueing), giving pairs (wall_i, media_i). The media clock's start is
  ``t0 = median(wall_i - media_i)``, so the true media time at wall time w is
  ``w - t0``; a line due at T ms is due at wall ``t0 + T``. Error = change - due
  (positive = late). The spread of ``wall_i - media_i`` (p5..p95) is printed: it
  bounds how well t0 is known. The Playing event time is printed for comparison.

``--no-poll-report`` patches ``PlayerBridge._on_poll`` for this process so the 200 ms
poll only re-emits the interpolated time instead of feeding ``get_time()`` (stale
by up to one 250 ms step) into the clock: the change proposed for the bridge.

Targets: median |error| <= 15 ms, p95 |error| <= 30 ms for the interpolated path.

Long lyrics (``--long-runs``, no player): a 5,000-line synced file, parsed beforehand, shown
in a visible ``LyricsView`` (``set_lyrics``) and followed to its last line (``set_position``,
which lays the document out all the way down), events processed so it is painted. The
baseline, same run: a plain ``QTextEdit`` of the same size given the same 5,000 lines with
``setPlainText``, scrolled to its end (which also lays it all out), events processed.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_lyrics_timing.py
      [--runs 3] [--seconds 12] [--tick 16] [--long-runs 5] [--no-poll-report] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import struct
import sys
import tempfile
import threading
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTextEdit

from ostplayer.domain.clock import PlaybackClock
from ostplayer.domain.found_lyrics import FoundLyrics, LyricsOrigin
from ostplayer.domain.lyrics import parse_lyrics
from ostplayer.playback import EventKind, PlayerEvent, create_player
from ostplayer.services.player_bridge import PlayerBridge
from ostplayer.ui.lyrics_view import LyricsView

FIRST_MS, INTERVAL_MS = 637, 700


def make_wav(path: Path, seconds: float, rate: int = 22050) -> None:
    step = 2 * math.pi * 440 / rate
    frames = b"".join(
        struct.pack("<h", int(3000 * math.sin(step * i))) for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)


def make_lrc(last_ms: int) -> tuple[str, list[int]]:
    times = list(range(FIRST_MS, last_ms, INTERVAL_MS))
    lines = [
        f"[{t // 60000:02d}:{t // 1000 % 60:02d}.{t % 1000:03d}]line {i}"
        for i, t in enumerate(times)
    ]
    return "\n".join(lines) + "\n", times


class _PaintSpy(QObject):
    """Records the first paint of the lyrics after each line became current."""

    def __init__(self, probe: Probe) -> None:
        super().__init__()
        self.probe = probe

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The lyrics are one text document: the first paint of its viewport after a line
        # became current is the paint that shows that line highlighted.
        if event.type() == QEvent.Type.Paint:
            index = self.probe.last
            if index >= 0 and index in self.probe.state and index not in self.probe.paint:
                self.probe.paint[index] = time.monotonic()
        return False


@dataclass
class Probe:
    name: str
    view: LyricsView
    state: dict[int, float] = field(default_factory=dict)
    paint: dict[int, float] = field(default_factory=dict)
    last: int = -1

    def feed(self, ms: int) -> None:
        self.view.set_position(ms)
        index = self.view.current_group_index
        if index != self.last:
            self.last = index
            if index >= 0 and index not in self.state:
                self.state[index] = time.monotonic()

    def reset(self) -> None:
        self.state, self.paint, self.last = {}, {}, -1


def run_once(app: QApplication, wav: Path, lrc: str, tick_ms: int, seconds: float) -> dict:
    player = create_player(["--aout=dummy"])
    if not player.available:
        sys.exit(f"libVLC unavailable: {player.unavailable_reason}")
    bridge = PlayerBridge(player)
    raw_events: list[tuple[float, PlayerEvent]] = []
    events_clock = PlaybackClock()
    lock = threading.Lock()

    def tap(event: PlayerEvent) -> None:  # libVLC thread: timestamp first, then hand off
        with lock:
            raw_events.append((time.monotonic(), event))
        bridge._handoff(event)

    player.set_event_handler(tap)

    def on_event(event: PlayerEvent) -> None:  # GUI thread, queued like the bridge's own
        if event.kind is EventKind.TIME_CHANGED:
            events_clock.report(event.time_ms)
        elif event.kind is EventKind.PLAYING:
            events_clock.resume()
        elif event.kind in (EventKind.PAUSED, EventKind.END_REACHED, EventKind.STOPPED):
            events_clock.pause()

    bridge.event_received.connect(on_event, Qt.ConnectionType.QueuedConnection)
    found = FoundLyrics(parse_lyrics(lrc), LyricsOrigin.LIBRARY, "benchmark")
    probes = []
    spy_holder = []
    for name in ("interpolated", "raw get_time", "events-only clock"):
        view = LyricsView()
        view.resize(420, 600)
        view.set_lyrics(found, "benchmark")
        view.show()
        probe = Probe(name, view)
        spy = _PaintSpy(probe)
        spy_holder.append(spy)
        view.text_view.viewport().installEventFilter(spy)
        probes.append(probe)
    sources = {
        "interpolated": bridge.position_ms,
        "raw get_time": player.time_ms,
        "events-only clock": events_clock.now_ms,
    }
    app.processEvents()

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(tick_ms)
    ticker.timeout.connect(lambda: [p.feed(sources[p.name]()) for p in probes])
    done = QTimer()
    done.setSingleShot(True)
    done.timeout.connect(app.quit)
    bridge.ended.connect(lambda: QTimer.singleShot(200, app.quit))
    bridge.error.connect(lambda msg: (print("player error:", msg), app.quit()))

    bridge.load(str(wav))
    ticker.start()
    bridge.play()
    done.start(int(seconds * 1000) + 3000)
    app.exec()
    ticker.stop()
    bridge.shutdown()

    with lock:
        events = list(raw_events)
    pairs = [
        (w, e.time_ms) for w, e in events if e.kind is EventKind.TIME_CHANGED and e.time_ms > 0
    ]
    playing = [w for w, e in events if e.kind is EventKind.PLAYING]
    offsets = sorted(w - m / 1000 for w, m in pairs)
    t0 = statistics.median(offsets)
    due = {i: t0 + (g.time_ms or 0) / 1000 for i, g in enumerate(found.lyrics.groups)}
    result = {
        "t0_spread_ms": [
            round((_pct(offsets, 5) - t0) * 1000, 1),
            round((_pct(offsets, 95) - t0) * 1000, 1),
        ],
        "playing_event_minus_t0_ms": round((playing[0] - t0) * 1000, 1) if playing else None,
        "time_events": len(pairs),
        "lines": len(due),
        "errors": {},
    }
    for p in probes:
        for kind, seen in (("state", p.state), ("paint", p.paint)):
            errs = [(seen[i] - due[i]) * 1000 for i in sorted(due) if i in seen]
            result["errors"][f"{p.name} / {kind}"] = {
                "errors_ms": errs,
                "missed": len(due) - len(errs),
            }
        p.view.close()
        p.view.deleteLater()
    app.processEvents()
    return result


def _pct(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, math.ceil(pct / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


LONG_LINES = 5000


def long_lyrics(app: QApplication, runs: int) -> dict:
    """Median ms to show a 5,000-line synced file and follow it to the end, and a plain
    QTextEdit doing the same with the same text (see the module doc)."""
    lrc = "".join(f"[{i // 60:02d}:{i % 60:02d}.00]보고 싶다 line {i}\n" for i in range(LONG_LINES))
    found = FoundLyrics(parse_lyrics(lrc), LyricsOrigin.SIDECAR_LRC, "/m/long.lrc")
    plain = "\n".join(line.text for g in found.lyrics.groups for line in g.lines)
    last_ms = (LONG_LINES - 1) * 1000 + 500
    ours, baseline = [], []
    for _ in range(runs):
        view = LyricsView()
        view.resize(420, 600)
        view.show()
        app.processEvents()
        t0 = time.perf_counter()
        view.set_lyrics(found, "Long")
        view.set_position(last_ms)
        app.processEvents()
        ours.append((time.perf_counter() - t0) * 1000)
        assert view.current_group_index == LONG_LINES - 1
        edit = QTextEdit()
        edit.setReadOnly(True)
        edit.resize(420, 600)
        edit.show()
        app.processEvents()
        t0 = time.perf_counter()
        edit.setPlainText(plain)
        bar = edit.verticalScrollBar()
        bar.setValue(bar.maximum())
        app.processEvents()
        baseline.append((time.perf_counter() - t0) * 1000)
        for widget in (view, edit):
            widget.close()
            widget.deleteLater()
        app.processEvents()
    return {
        "lines": LONG_LINES,
        "runs": runs,
        "view_median_ms": round(statistics.median(ours), 1),
        "plain_textedit_median_ms": round(statistics.median(baseline), 1),
        "view_ms": [round(v, 1) for v in ours],
        "plain_textedit_ms": [round(v, 1) for v in baseline],
    }


def summarise(runs: list[dict]) -> dict:
    table: dict[str, dict] = {}
    for run in runs:
        for key, data in run["errors"].items():
            row = table.setdefault(key, {"errors_ms": [], "missed": 0})
            row["errors_ms"].extend(data["errors_ms"])
            row["missed"] += data["missed"]
    out = {}
    for key, row in table.items():
        errs = row["errors_ms"]
        absolute = sorted(abs(e) for e in errs)
        out[key] = {
            "n": len(errs),
            "missed": row["missed"],
            "median_abs_ms": round(statistics.median(absolute), 1) if errs else None,
            "p95_abs_ms": round(_pct(absolute, 95), 1) if errs else None,
            "max_abs_ms": round(absolute[-1], 1) if errs else None,
            "mean_signed_ms": round(statistics.fmean(errs), 1) if errs else None,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=12.0)
    ap.add_argument("--tick", type=int, default=16, help="set_position timer interval, ms")
    ap.add_argument("--long-runs", type=int, default=5, help="5,000-line show runs (0: skip)")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    ap.add_argument(
        "--no-poll-report",
        action="store_true",
        help="try the proposed bridge change: the poll does not report get_time() to the clock",
    )
    args = ap.parse_args(argv)
    if args.no_poll_report:

        def _on_poll(self: PlayerBridge) -> None:
            self.time_changed.emit(self.position_ms())

        PlayerBridge._on_poll = _on_poll  # type: ignore[method-assign]

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "bench.wav"
        make_wav(wav, args.seconds)
        # Lines stop 2 s before the end: EndReached comes early by --file-caching.
        lrc, times = make_lrc(int(args.seconds * 1000) - 2000)
        runs = [run_once(app, wav, lrc, args.tick, args.seconds) for _ in range(args.runs)]
    summary = summarise(runs)
    long = long_lyrics(app, args.long_runs) if args.long_runs > 0 else None

    bridge_note = " (bridge patched: --no-poll-report)" if args.no_poll_report else ""
    print(
        f"\nLyrics highlight timing: {args.runs} run(s) x {len(times)} lines, "
        f"tick {args.tick} ms{bridge_note}"
    )
    print("error = highlight change - due time on libVLC's media clock; + = late\n")
    print(
        "| source / moment | n | missed | median abs (ms) | p95 abs (ms) | max abs (ms) | mean signed (ms) |"
    )
    print("|---|---|---|---|---|---|---|")
    for key, r in summary.items():
        print(
            f"| {key} | {r['n']} | {r['missed']} | {r['median_abs_ms']} | {r['p95_abs_ms']} "
            f"| {r['max_abs_ms']} | {r['mean_signed_ms']} |"
        )
    for i, run in enumerate(runs):
        print(
            f"\nrun {i + 1}: {run['time_events']} TimeChanged events; wall-media offset spread "
            f"p5..p95 = {run['t0_spread_ms']} ms around t0; Playing event at "
            f"{run['playing_event_minus_t0_ms']} ms relative to t0"
        )
    key = "interpolated / state"
    ok = summary[key]["median_abs_ms"] <= 15 and summary[key]["p95_abs_ms"] <= 30
    print(f"\ntarget (median <= 15 ms, p95 <= 30 ms) for {key}: {'MET' if ok else 'NOT MET'}")
    if long is not None:
        print(
            f"\n{long['lines']:,}-line synced lyrics shown and followed to the end (median of "
            f"{long['runs']}): {long['view_median_ms']} ms; plain QTextEdit, same text: "
            f"{long['plain_textedit_median_ms']} ms"
        )
    if args.json:
        out = {"args": vars(args), "summary": summary, "runs": runs}
        if long is not None:
            out["long_lyrics"] = long
        Path(args.json).write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
