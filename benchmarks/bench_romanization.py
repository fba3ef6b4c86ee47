"""Romanization: accuracy on the official examples, against korean_romanizer, and speed.

    .venv/bin/python benchmarks/bench_romanization.py [--lines 1000] [--runs 7] [--json OUT]

Everything runs in one process, so both libraries see the same examples and lines:

(a) accuracy on ``tests/data/romanization/official_examples.tsv``, the examples printed in
    the Revised Romanization notice (2000-8, amended 2014), each checked through the call
    its kind names (plain words, place names, administrative units, given names, hyphens,
    transliteration). ``korean_romanizer`` (the package the app used before) has only a
    plain "romanize this text" call, so it is scored on the examples where that is the
    whole question ("plain" kinds: words and place names, compared case-insensitively),
    and, for the record, on all of them. ``null`` when it is not installed.
(b) the time to romanize ``--lines`` lyric lines (a set of typical K-drama OST lines,
    repeated), median of ``--runs``: ours through ``romanize``, and korean_romanizer the
    way the app called it (each run of Hangul on its own, the rest kept).

Prints one JSON object and writes it to ``--json OUT`` (default
``benchmarks/out/romanization.json``).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "romanization"))

from romanization_examples import (  # noqa: E402
    PLAIN_KINDS,
    Example,
    matches,
    plain_match,
    read_examples,
    romanized,
)
from timing import ms  # noqa: E402

from ostplayer.domain.romanize import romanize  # noqa: E402

OUT = HERE / "out" / "romanization.json"

# Lines in the style of OST lyrics: particles, double finals, ㅎ, compounds, English mixed in.
LYRIC_LINES = [
    "그대 없이는 못 살아",
    "눈물이 흘러내려도 괜찮아",
    "우리 처음 만났던 그 날처럼",
    "별처럼 빛나는 너의 두 눈",
    "잊지 말아요 내 사랑",
    "끝없이 펼쳐진 하늘 아래",
    "밤하늘의 별을 따라 걸어가",
    "한 걸음 더 다가갈게",
    "너 없는 하루는 너무 길어",
    "시간이 멈췄으면 좋겠어",
    "꽃잎이 흩날리던 봄날에",
    "마음속에 숨겨둔 말",
    "햇살 가득한 창가에 앉아",
    "그리워 그리워 또 그리워",
    "어떻게 널 잊을 수 있겠니",
    "Baby 보고 싶어 oh",
    "내 옆에 있어줘 영원히 (forever)",
    "같이 걸어요 이 길을",
    "닿을 듯 말 듯 한 거리",
    "넌 나의 첫사랑, my love",
    "안녕 잘 지내니?",
    "밝게 웃던 네 얼굴",
    "넓은 세상 속에 너와 나",
    "읽지 않은 메시지 ㅠㅠ",
    "설렘 가득한 첫눈",
    "늦여름 밤 바람이 불어와",
    "솔직히 말할게 I love you",
    "행복했던 기억들만 남아",
    "Stay with me 내 곁에",
    "다시 만날 그날까지",
]


def _accuracy(
    examples: list[Example],
    got: Callable[[Example], str],
    check: Callable[[Example, str], bool] = matches,
) -> dict[str, Any]:
    wrong = [
        {"hangul": e.hangul, "expected": e.expected, "got": got(e), "article": e.article}
        for e in examples
        if not check(e, got(e))
    ]
    by_article: dict[str, list[int]] = {}
    missed = {(w["hangul"], w["article"]) for w in wrong}
    for e in examples:
        counts = by_article.setdefault(e.article.split(" (")[0], [0, 0])
        counts[0] += (e.hangul, e.article) not in missed
        counts[1] += 1
    return {
        "examples": len(examples),
        "correct": len(examples) - len(wrong),
        "accuracy": round(1 - len(wrong) / len(examples), 4) if examples else None,
        "correct_by_article": {k: f"{c}/{n}" for k, (c, n) in by_article.items()},
        "wrong": wrong,
    }


def _korean_romanizer() -> tuple[Callable[[str], str], str] | None:
    try:
        from korean_romanizer.romanizer import Romanizer
    except Exception:  # not installed, or broken: the figure is reported as null
        return None
    runs = re.compile("[\uac00-\ud7a3\u3131-\u318e]+")

    def convert(text: str) -> str:
        return runs.sub(lambda m: str(Romanizer(m.group(0)).romanize()), text)

    return convert, metadata.version("korean_romanizer")


def _ms_per_1000(convert: Callable[[str], str], lines: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for line in lines:
            convert(line)
        samples.append(time.perf_counter() - t0)
    return ms(statistics.median(samples) * 1000 / len(lines))


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, default=OUT, help="write the figures here")
    args = parser.parse_args(argv)

    examples = read_examples()
    plain = [e for e in examples if e.kind in PLAIN_KINDS]
    lines = [LYRIC_LINES[i % len(LYRIC_LINES)] for i in range(args.lines)]

    ours = {
        "all_examples": _accuracy(examples, romanized),
        "plain_examples": _accuracy(plain, lambda e: romanize(e.hangul), plain_match),
        "ms_per_1000_lines": _ms_per_1000(romanize, lines, args.runs),
    }
    other = _korean_romanizer()
    theirs: dict[str, Any] | None = None
    if other is not None:
        convert, version = other
        theirs = {
            "version": version,
            "all_examples": _accuracy(examples, lambda e: convert(e.hangul)),
            "plain_examples": _accuracy(plain, lambda e: convert(e.hangul), plain_match),
            "ms_per_1000_lines": _ms_per_1000(convert, lines, args.runs),
        }
    result = {
        "examples_file": str(Path("tests/data/romanization/official_examples.tsv")),
        "lyric_lines": len(lines),
        "runs": args.runs,
        "ostplayer": ours,
        "korean_romanizer": theirs,
    }
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(text + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
