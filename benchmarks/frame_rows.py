"""The README rows of ``bench_frames.py`` (kept apart from ``run_all.py``, which imports them)."""

from __future__ import annotations

from typing import Any

Row = tuple[str, str, str, str, str, bool | None]


def rows_frames(r: dict[str, Any]) -> list[Row]:
    f, cpu, grab = r["frames"], r["cpu"], r["render_grab"]
    idle, on, off = cpu["paused_stage"], cpu["playing_animation_on"], cpu["playing_animation_off"]
    where = f"full-screen stage {r['stage_px']} offscreen, {r['player']} player"
    return [
        (f"Lyrics stage scroll, frame interval median / p95 ({where}; {f['frames']} frames in "
         f"{f['glides']} line changes; {f['share_over_16_7_ms_pct']:.1f} % over 16.7 ms, "
         f"{f['share_over_20_ms_pct']:.1f} % over 20 ms)",
         f"{f['interval_median_ms']:.1f} / {f['interval_p95_ms']:.1f} ms",
         f"paint per frame p95 {f['paint_p95_ms']:.2f} ms; whole stage (grab) {grab['median_ms']:.1f} ms",
         "—", "60 fps held", f["held_60fps"]),
        (f"CPU while playing, lyrics stage, animation off, {cpu['seconds']:.0f} s (process CPU "
         f"time; {off['animation_ticks_per_s']:.0f} animation ticks/s, {off['paints_per_s']:.1f} paints/s)",
         f"{off['cpu_pct']:.2f} % of a core", f"same stage paused {idle['cpu_pct']:.2f} %", "—",
         "≤ 2 %", off["cpu_pct"] <= 2 and off["animation_ticks_per_s"] == 0
         and cpu["played_throughout"]),
        (f"CPU while playing, lyrics stage, animation on, {cpu['seconds']:.0f} s "
         f"({on['animation_ticks_per_s']:.0f} animation ticks/s, {on['paints_per_s']:.1f} paints/s)",
         f"{on['cpu_pct']:.2f} % of a core", f"same stage paused {idle['cpu_pct']:.2f} %", "—",
         "reported", None),
    ]  # fmt: skip
