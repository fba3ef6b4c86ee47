"""The README rows of ``bench_scan.py`` (kept apart from ``run_all.py``, which imports them)."""

from __future__ import annotations

from typing import Any

Row = tuple[str, str, str, str, str, bool | None]


def rows_scan(r: dict[str, Any]) -> list[Row]:
    n, cli, peers = f"{r['files']:,}", r["cli"], r.get("peers", {})
    ours = cli["first_files_per_s"]
    names = {"quodlibet": "Quod Libet", "strawberry": "Strawberry", "clementine": "Clementine"}
    fps = {k: p["files_per_s"] for k, p in peers.items() if p.get("ok") and p.get("complete", True)}
    seen = "; ".join(f"{names[k]} {p['files_per_s']:,} files/s ({p['wall_s']:.1f} s)" if k in fps
                     else f"{names[k]}: not measured ({p.get('why', 'incomplete')})"
                     for k, p in peers.items()) or "peers not run (--no-peers)"  # fmt: skip
    fastest = max(fps.values(), default=0)
    rounds = (f"ours and Quod Libet: median of {len(cli['rounds'])} launches each, taking turns"
              if "rounds" in cli else "one launch each")  # fmt: skip
    ok = bool(fps) and ours >= fastest and all(ours >= 2 * fps[k] for k in ("quodlibet", "strawberry") if k in fps)  # fmt: skip
    rows: list[Row] = [
        (f"First scan of {n} tagged Ogg files: launch → library holds every file (`ostplayer scan`; peers on the same folder, same run; {rounds})",
         f"{ours:,} files/s ({cli['first']['wall_s']:.1f} s)", seen,
         f"{ours / fastest:.2f}x fastest peer" if fastest else "—",
         "≥ fastest peer, ≥ 2x Quod Libet and Strawberry", ok if fps else None),
    ]  # fmt: skip
    for key, what in (("inprocess_ogg", "Ogg"), ("inprocess_mixed", "mixed-format")):
        ip = r.get(key, {})
        if ip.get("ok"):
            f = ip["first"]
            rows.append((f"First scan in the app, {n} {what} files: walk + tags (2 workers) / matching / library write",
                         f"{f['files_per_s']:,} files/s ({f['walk_and_tags_s']:.1f} / {f['plan_s']:.1f} / {f['write_s']:.1f} s)",
                         "—", "—", "—", None))  # fmt: skip
    ip = r.get("inprocess_ogg", {})
    if ip.get("ok"):
        again = ip["rescan"]["total_s"]
        rows.append((f"Rescan of {n} unchanged files in the app (walk, cache, matching, write; `ostplayer scan` again: {cli['rescan']['wall_s']:.1f} s from launch)",
                     f"{again:.2f} s", "—", "—", "< 2 s", again < 2))  # fmt: skip
        if "fingerprint_ms_median" in ip:
            rows.append(("Fingerprint per file (fpcalc, the background pass after a scan; median of 30)",
                         f"{ip['fingerprint_ms_median']:.0f} ms", "—", "—", "—", None))  # fmt: skip
    w = r.get("window", {})
    if w.get("ok"):
        mem = w["peak_above_idle_mb"]
        rows += [
            (f"Memory while the window scans {n} files, above the idle window (PSS of the app and its tag-reading workers: {w['peak_main_above_idle_mb']:.0f} + {w['peak_workers_mb']:.0f} MB)",
             f"{mem:.0f} MB", f"idle window {w['idle_window_mb']:.0f} MB", "—", "< 150 MB", mem < 150),
            (f"Keystroke wait while the window scans {n} files (max of {w['keystrokes']}, one every 20 ms; p99 {w['wait_p99_ms']:.1f} ms)",
             f"{w['wait_max_ms']:.0f} ms", "—", "—", "≤ 50 ms", w["wait_max_ms"] <= 50),
        ]  # fmt: skip
    s = r.get("search", {})
    if s.get("ok"):
        view, ratio = s["view_median_ms"], s["ratio_median"]
        parts = s.get("breakdown_median_ms", {})
        split = (
            f"; search {parts['search']:.1f} ms, layout and paint {parts['layout_paint']:.1f} ms"
            if parts
            else ""
        )
        rows.append((f"Hangul search as you type, {s['songs']:,} songs: Hangul, initial-consonant and romanized queries, view updated (median of {s['keystrokes']}; p95 {s['view_p95_ms']:.1f} ms{split})",
                     f"{view:.1f} ms", f"linear substring scan {s['scan_median_ms']:.1f} ms", f"{ratio:.2f}x",
                     "≤ 16 ms and ≤ 0.5x", view <= 16 and ratio <= 0.5))  # fmt: skip
    return rows
