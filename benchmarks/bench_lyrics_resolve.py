"""Finding and reading a song's lyrics: the sidecar found, decoded and parsed, per request.

    .venv/bin/python benchmarks/bench_lyrics_resolve.py [--runs 200] [--lines 200]

What the lyrics service runs on a worker thread each time a song without cached lyrics is
selected: ``resolve_lyrics`` for a linked file with a 200-line ``.lrc`` next to it (Korean
lines, every fourth word-timed, a translation line under some), median of 200 runs. The same
sidecar is also measured in CP949 and GBK, which take the slower detection paths (the Korean
rule; the legacy-codec comparison), and parsing alone, to show where the time goes.
Target: UTF-8 median under 20 ms.

Prints JSON and writes it to ``--json OUT`` (default ``benchmarks/out/lyrics_resolve.json``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from timing import ms, percentile, timed  # noqa: E402

from ostplayer.domain.lyrics import parse_lrc  # noqa: E402
from ostplayer.media.lyrics_files import resolve_lyrics  # noqa: E402

TARGET_MS = 20.0
_KOREAN = [
    "보고 싶다 오늘도",
    "바람이 불어오는 곳으로",
    "별이 빛나는 밤에 너를",
    "눈물이 나도 웃을게",
]
_CHINESE = ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]


def make_lrc(lines: int, phrases: list[str]) -> str:
    out = ["[ti:Benchmark]", "[ar:Singer]", "[al:Album]", "[by:bench]", "[offset:+120]"]
    for i in range(lines):
        t = 1000 + i * 3210
        stamp = f"[{t // 60000:02d}:{t // 1000 % 60:02d}.{t % 1000 // 10:02d}]"
        text = phrases[i % len(phrases)]
        if i % 4 == 0:  # word-timed (enhanced LRC)
            words = text.split()
            text = "".join(
                f"<{(t + k * 400) // 60000:02d}:{(t + k * 400) // 1000 % 60:02d}."
                f"{(t + k * 400) % 1000 // 10:02d}>{w} "
                for k, w in enumerate(words)
            )
        out.append(stamp + text)
        if i % 3 == 0:
            out.append(f"{stamp}line {i} in English")
    return "\n".join(out) + "\n"


def measure(audio: Path, runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        seconds, found = timed(lambda: resolve_lyrics(None, audio, None))
        assert found is not None and found.lyrics.synced
        times.append(seconds)
    return {"median_ms": ms(statistics.median(times)), "p95_ms": ms(percentile(times, 95))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--json", type=Path, default=HERE / "out" / "lyrics_resolve.json")
    args = parser.parse_args()
    results: dict[str, object] = {"runs": args.runs, "lrc_lines": args.lines}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for label, phrases, codec in (
            ("utf8", _KOREAN, "utf-8"),
            ("cp949", _KOREAN, "cp949"),
            ("gbk", _CHINESE, "gbk"),
        ):
            audio = root / label / "01. Song.mp3"
            audio.parent.mkdir()
            audio.write_bytes(b"\xff\xfb\x90\x64" + b"\0" * 413)
            text = make_lrc(args.lines, phrases)
            (root / label / "01. Song.lrc").write_bytes(text.encode(codec))
            results[f"resolve_{label}"] = measure(audio, args.runs)
            if label == "utf8":
                results["lrc_bytes"] = len(text.encode())
                parse = [timed(lambda t=text: parse_lrc(t))[0] for _ in range(args.runs)]
                results["parse_only_median_ms"] = ms(statistics.median(parse))
    median = results["resolve_utf8"]["median_ms"]  # type: ignore[index]
    results["target_ms"] = TARGET_MS
    results["met"] = median < TARGET_MS
    print(json.dumps(results, indent=1))
    out = args.json
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
