"""Write a realistic music folder for scan benchmarks and manual testing.

    python benchmarks/generate_music_folder.py OUT_DIR --files 10000 [--seed N] [--ogg-only]

Thousands of short real audio files (0.6-2.8 s) in mp3, flac, ogg, opus, m4a, wav, aiff, wma
and ape, laid out and tagged the way a K-drama fan's collection is: Hangul and English OST
albums ("나의 아저씨 OST Part.2", "Itaewon Class (Original Television Soundtrack) Pt. 3"),
credits such as "손디아(Sondia)" or "하현우 (국카스텐)", plain K-pop albums and compilations,
"[MV] …" rips, untagged files named "03. 손디아 - 어른.mp3" or "rec_0031.m4a", old CP949 tags
declared Latin-1, ID3v1-only files, NFD text from macOS, embedded covers and ``cover.jpg``
files, the same recording in two formats, and the bad files a scanner meets: empty, truncated,
a JPEG named .mp3, a text file named .flac, a FIFO, a symlink loop, a dangling link, a name
that is not UTF-8, a name with a newline, a locked file, a music video, and the litter of
playlists, lyrics, logs and OS metadata.

ffmpeg runs once per (format, sound): the rest are byte copies retagged with mutagen, so 10,000
files take seconds. Monkey's Audio cannot be encoded by ffmpeg; its files are a valid header
plus an APEv2 tag, which is all a tag reader looks at (they do not play). The same seed gives
the same folder. A JSON summary (files per format, the bad files) is printed and written to
``OUT_DIR/summary.json``. ``--ogg-only`` writes N tagged Ogg Vorbis files and nothing else,
for comparing scan speed with other players.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _load_styles() -> Any:
    # benchmarks/ is not a package: load the sibling module by path (it loads tests/audio_files).
    name = "ostplayer_bench_music_tag_styles"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "music_tag_styles.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


styles = _load_styles()
af = styles.af

# fmt: off
DRAMAS = [
    ("나의 아저씨", "My Mister", 2018), ("이태원 클라쓰", "Itaewon Class", 2020),
    ("도깨비", "Guardian: The Lonely and Great God", 2016),
    ("태양의 후예", "Descendants of the Sun", 2016), ("사랑의 불시착", "Crash Landing on You", 2019),
    ("호텔 델루나", "Hotel Del Luna", 2019), ("응답하라 1988", "Reply 1988", 2015),
    ("그 해 우리는", "Our Beloved Summer", 2021),
    ("김비서가 왜 그럴까", "What's Wrong with Secretary Kim", 2018),
    ("쌈, 마이웨이", "Fight for My Way", 2017), ("청춘기록", "Record of Youth", 2020),
    ("스물다섯 스물하나", "Twenty-Five Twenty-One", 2022),
    ("동백꽃 필 무렵", "When the Camellia Blooms", 2019), ("미스터 션샤인", "Mr. Sunshine", 2018),
    ("빈센조", "Vincenzo", 2021), ("화랑", "Hwarang: The Poet Warrior Youth", 2016),
    ("킬미, 힐미", "Kill Me, Heal Me", 2015), ("그녀는 예뻤다", "She Was Pretty", 2015),
]
SINGERS = [  # Hangul name, romanized name, group
    ("손디아", "Sondia", ""), ("가호", "Gaho", ""), ("하현우", "Ha Hyun-woo", "국카스텐"),
    ("웬디", "Wendy", "레드벨벳"), ("김필", "Kim Feel", ""), ("아이유", "IU", ""),
    ("에일리", "Ailee", ""), ("거미", "Gummy", ""), ("폴킴", "Paul Kim", ""), ("헤이즈", "Heize", ""),
    ("백예린", "Baek Yerin", ""), ("크러쉬", "Crush", ""), ("펀치", "Punch", ""),
    ("다비치", "Davichi", ""), ("백현", "Baekhyun", "EXO"), ("태연", "Taeyeon", "소녀시대"),
    ("멜로망스", "MeloMance", ""), ("윤미래", "Yoon Mirae", ""), ("정승환", "Jung Seung-hwan", ""),
    ("십센치", "10cm", ""),
]
TITLES = [
    ("어른", "Grown Ups"), ("시작", "Start Over"), ("돌덩이", "Stone Block"), ("우리의 밤", "Our Night"),
    ("그대라는 시", "All About You"), ("첫눈처럼 너에게 가겠다", "I Will Go to You Like the First Snow"),
    ("너를 사랑하고 있어", "I Love You"), ("별을 담은 시", "Star Poem"),
    ("마음을 드려요", "Give You My Heart"), ("숨", "Breath"), ("아무렇지 않게", "Like Nothing Happened"),
    ("기다릴게", "I'll Be Waiting"), ("그리워하다", "Missing You"), ("하루하루", "Day by Day"),
    ("꽃길", "Flower Road"), ("위로", "Comfort"), ("Stay With Me", ""), ("Beautiful", ""),
    ("Everytime", ""), ("Sweet Night", ""),
]
KPOP_ALBUMS = ["Love Poem", "Palette", "The Red Summer", "Purpose", "Map of the Soul", "Lilac"]
# Share of song files per format (the rest of the folder is bad files and litter).
FORMAT_SHARES = {
    "mp3": 0.46, "flac": 0.15, "m4a": 0.14, "ogg": 0.05, "opus": 0.04, "wav": 0.04, "aiff": 0.03,
    "wma": 0.05, "ape": 0.02, "mp4": 0.02,
}
# fmt: on
SOUNDS = {0: 0.6, 1: 1.2, 2: 2.0, 3: 2.8}  # distinct "recordings" and their lengths
LITTER = ["album.m3u", "album.cue", "rip.log", "info.nfo", "Thumbs.db", "desktop.ini", ".DS_Store"]


class FolderWriter:
    """Writes songs and keeps the counts for the summary."""

    def __init__(self, root: Path, rng: random.Random, maker: Any) -> None:
        self.root = root
        self.rng = rng
        self.maker = maker
        self.per_format: dict[str, int] = {}
        self.bad: dict[str, str] = {}
        self.covers = [
            maker.image("jpg", size, color) for size, color in ((300, "red"), (200, "blue"))
        ]

    def credit(self) -> str:
        ko, en, group = self.rng.choice(SINGERS)
        style = self.rng.randrange(6)
        if style == 0:
            return f"{ko}({en})"
        if style == 1:
            return f"{ko} ({group})" if group else f"{ko} ({en})"
        if style == 2:
            return en
        if style == 3:
            return ko
        other = self.rng.choice(SINGERS)
        return f"{ko}, {other[0]}" if style == 4 else f"{en} & {other[1]}"

    def album_name(self, drama: tuple[str, str, int], part: int) -> str:
        ko, en, _ = drama
        return self.rng.choice(
            [
                f"{ko} OST Part.{part}",
                f"{en} (Original Television Soundtrack) Pt. {part}",
                f"{ko} (Original Television Soundtrack), Pt. {part}",
                f"{en} OST Part {part}",
                f"{ko} OST",
            ]
        )

    def song(self, path: Path, fmt: str, sound: int, fields: dict[str, Any]) -> Path:
        container = "m4a" if fmt == "mp4" else fmt
        if fmt == "ape":
            path.parent.mkdir(parents=True, exist_ok=True)
            af.make_monkeys_audio(path, SOUNDS[sound])
        else:
            self.maker.make(path, container, SOUNDS[sound], sound)
        self.per_format[fmt] = self.per_format.get(fmt, 0) + 1
        if fields:
            cover = self.rng.choice(self.covers) if self.rng.random() < 0.25 else None
            styles.tag_as_found(path, container, fields, self.rng, cover)
        return path


def _track_value(rng: random.Random, number: int, total: int, disc: int) -> str:
    return rng.choice([str(number), f"{number:02d}", f"{number}/{total}", f"{disc}-{number:02d}"])


def _year_value(rng: random.Random, year: int) -> str:
    return rng.choice(
        [
            str(year),
            f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            f"{year}0{rng.randint(1, 9)}15",
        ]
    )


def _safe(name: str) -> str:
    return name.replace("/", "_").replace(":", " -")


def plan_counts(files: int) -> dict[str, int]:
    counts = {fmt: int(files * share) for fmt, share in FORMAT_SHARES.items()}
    counts["mp3"] += files - sum(counts.values())
    return counts


def write_songs(writer: FolderWriter, files: int) -> None:
    rng = writer.rng
    music = writer.root / "Music"
    formats = [fmt for fmt, count in plan_counts(files).items() for _ in range(count)]
    rng.shuffle(formats)
    index = 0
    album_number = 0
    while index < len(formats):
        album_number += 1
        kind = rng.random()
        size = rng.randint(2, 14)
        drama = rng.choice(DRAMAS)
        part = rng.randint(1, 16)
        album_artist = ""
        if kind < 0.65:
            album = writer.album_name(drama, part)
            folder = music / "OST" / _safe(drama[0]) / _safe(f"{album} [{album_number}]")
        elif kind < 0.8:
            singer = rng.choice(SINGERS)
            album = f"{rng.choice(KPOP_ALBUMS)} {album_number}"
            folder = music / "K-Pop" / _safe(singer[1]) / _safe(album)
        elif kind < 0.9:
            album, album_artist = (
                f"{drama[2]} K-Drama OST Best Vol.{album_number}",
                "Various Artists",
            )
            folder = music / "Compilations" / _safe(album)
        else:
            album, folder = "", music / "Downloads" / f"batch {album_number}"
        if kind < 0.9 and rng.random() < 0.4:
            cover_name = rng.choice(
                ["cover.jpg", "Folder.jpg", "front.png", "Cover.JPG", "AlbumArtSmall.jpg"]
            )
            folder.mkdir(parents=True, exist_ok=True)
            (folder / cover_name).write_bytes(writer.covers[0])
        for number in range(1, size + 1):
            if index >= len(formats):
                break
            fmt = formats[index]
            index += 1
            title_ko, title_en = rng.choice(TITLES)
            title = title_ko if rng.random() < 0.7 or not title_en else title_en
            artist = writer.credit()
            sound = rng.randrange(len(SOUNDS))
            ext = "mp4" if fmt == "mp4" else fmt
            if not album:  # downloads: rips and untagged files with telling names
                name = rng.choice(
                    [
                        f"[MV] {artist} - {title} ({drama[1]} OST Part.{part})",
                        f"{number:02d}. {artist} - {title}",
                        f"rec_{rng.randint(1, 9999):04d}",
                    ]
                )
                writer.song(folder / _safe(f"{name}.{ext}"), fmt, sound, {})
                continue
            fields: dict[str, Any] = {
                "title": title,
                "artist": artist,
                "album": album,
                "track": _track_value(rng, number, size, 1),
                "year": _year_value(rng, drama[2]),
                "genre": rng.choice(["OST", "Soundtrack", "Ballad", "K-Pop"]),
            }
            if album_artist:
                fields["album_artist"] = album_artist
            if rng.random() < 0.08:
                fields = {}  # ripped without tags: only the name says what it is
            path = writer.song(folder / _safe(f"{number:02d}. {title}.{ext}"), fmt, sound, fields)
            if fmt in ("flac", "wav") and rng.random() < 0.15 and index < len(formats):
                # The same recording kept twice: the lossless rip and the MP3 made from it.
                formats[index] = "mp3"
                index += 1
                writer.song(path.with_suffix(".mp3"), "mp3", sound, fields)
        litter_folder = folder if folder.exists() else None
        if litter_folder is not None and rng.random() < 0.3:
            (litter_folder / rng.choice(LITTER)).write_bytes(b"litter\n")
            (litter_folder / f"01. {title}.lrc").write_text("[00:00.50]가사\n", encoding="utf-8")


def write_bad_files(writer: FolderWriter) -> None:
    maker, bad = writer.maker, writer.bad
    folder = writer.root / "Music" / "Problems"
    folder.mkdir(parents=True, exist_ok=True)

    def note(kind: str, path: Path) -> None:
        bad[kind] = str(path.relative_to(writer.root))

    (folder / "empty.mp3").write_bytes(b"")
    note("zero-byte", folder / "empty.mp3")
    tagged = maker.make(folder / "cut-in-tag.mp3", "mp3", 2.0, 2)
    af.tag_id3(tagged, {"title": "어른"}, cover=writer.covers[0])
    tagged.write_bytes(tagged.read_bytes()[:700])
    note("truncated inside its tag", tagged)
    cut = folder / "cut-in-audio.flac"
    data = maker.clip("flac", 2.8, 3).read_bytes()
    cut.write_bytes(data[: len(data) * 6 // 10])
    note("truncated audio (readable, warned)", cut)
    m4a = maker.clip("m4a", 2.8, 3).read_bytes()
    (folder / "download.m4a").write_bytes(m4a[: len(m4a) // 2])
    note("truncated m4a without its index", folder / "download.m4a")
    (folder / "cover.mp3").write_bytes(writer.covers[1])
    note("a JPEG named .mp3", folder / "cover.mp3")
    (folder / "lyrics.flac").write_text("[00:01.00]나는 어른이 되어\n" * 20, encoding="utf-8")
    note("a text file named .flac", folder / "lyrics.flac")
    (folder / "unfinished.mp3").write_bytes(b"\x00" * 65536)
    note("zeros (an unfinished download)", folder / "unfinished.mp3")
    video = folder / "[MV] 손디아 - 어른.mp4"
    af.encode_video(video)
    note("a music video", video)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "stream.mp3")
        note("a FIFO", folder / "stream.mp3")
    (folder / "loop").symlink_to(writer.root / "Music")
    note("a symlink loop", folder / "loop")
    (folder / "dangling.mp3").symlink_to(folder / "moved-away.mp3")
    note("a dangling symlink", folder / "dangling.mp3")
    odd = folder / os.fsdecode(b"caf\xe9 \xbe\xee\xb8\xa5.mp3")
    af.tag_id3(maker.make(odd, "mp3", 1.2, 1), {"title": "not UTF-8 name"})
    bad["a name that is not UTF-8 (a song)"] = repr(os.fsencode(odd.relative_to(writer.root)))
    newline = maker.make(folder / "two\nlines.mp3", "mp3", 1.2, 1)
    bad["a name with a newline (a song)"] = repr(str(newline.relative_to(writer.root)))
    locked = maker.make(folder / "locked.mp3", "mp3", 1.2, 1)
    locked.chmod(0)
    note("an unreadable file (chmod 000; root can still read it)", locked)
    for hidden in ("@eaDir", ".git", ".Trash-1000"):
        (folder / hidden).mkdir(exist_ok=True)
        (folder / hidden / "thumb.mp3").write_bytes(b"\xff\xd8\xff")
    (folder / "._03. 어른.mp3").write_bytes(b"\x00\x05\x16\x07")


def generate(out: Path, files: int, seed: int, ogg_only: bool) -> dict[str, Any]:
    started = time.perf_counter()
    rng = random.Random(seed)
    maker = af.AudioMaker(out / ".clips")
    writer = FolderWriter(out, rng, maker)
    if ogg_only:
        for i in range(files):
            drama = rng.choice(DRAMAS)
            folder = (
                out
                / "Music"
                / "OST"
                / _safe(writer.album_name(drama, 1 + i // 12 % 16))
                / f"disc {i // 12}"
            )
            title = rng.choice(TITLES)[0]
            fields = {
                "title": title,
                "artist": writer.credit(),
                "album": folder.parent.name,
                "track": str(i % 12 + 1),
                "year": str(drama[2]),
            }
            writer.song(
                folder / _safe(f"{i % 12 + 1:02d}. {title}.ogg"),
                "ogg",
                rng.randrange(len(SOUNDS)),
                fields,
            )
    else:
        write_songs(writer, files)
        write_bad_files(writer)
    shutil.rmtree(out / ".clips", ignore_errors=True)
    summary = {
        "files": sum(writer.per_format.values()),
        "per_format": dict(sorted(writer.per_format.items())),
        "bad_files": writer.bad,
        "seed": seed,
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out / "summary.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ogg-only", action="store_true")
    args = parser.parse_args(argv)
    if not af.ffmpeg_available():
        print("generate_music_folder: ffmpeg is needed (apt-get install ffmpeg)", file=sys.stderr)
        return 2
    if args.out.exists() and any(args.out.iterdir()):
        print(f"generate_music_folder: {args.out} is not empty", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    summary = generate(args.out, args.files, args.seed, args.ogg_only)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
