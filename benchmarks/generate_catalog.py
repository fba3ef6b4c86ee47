"""Generate a large, realistic catalog file (format v1) for benchmarks and tests.

    python benchmarks/generate_catalog.py OUT.json [--songs 100000] [--dramas 5000] [--seed 1]

The content imitates the bundled catalog rather than filling fields with random letters:
romanized Korean names (some with their Hangul spelling), drama titles built from the kind of
words K-drama titles use, casts with characters, 20 songs per drama in OST order, solo singers
and group members, a lyric excerpt of a few lines and commentary paragraphs that mention the
singer, the drama and its characters. Realistic text matters because search cost depends on
the vocabulary and on how many words share a prefix, and import/open cost on document size.

Sizes follow what a large personal catalog holds rather than the bundled article, whose five
songs each carry a long commentary: an excerpt of 2-4 lines, and a short commentary on about a
third of the songs. A generated song document averages about 600 bytes (TinyDB's own measured
figures in shared/notes used ~330-byte documents).

Everything comes from the word lists below and one ``random.Random(seed)``: the same arguments
always give the same catalog, with no downloads. ``generate`` is also used by the tests with
small sizes; the result always validates with ``catalog_from_dict``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

FORMAT_NAME = "ostplayer-catalog"
FORMAT_VERSION = 1

# --- word lists -------------------------------------------------------------------------------
# Romanized syllables with their Hangul spelling, so a person can carry ``name_original``.
FAMILY_NAMES = {
    "Kim": "김", "Lee": "이", "Park": "박", "Choi": "최", "Jung": "정", "Kang": "강",
    "Cho": "조", "Yoon": "윤", "Jang": "장", "Lim": "임", "Han": "한", "Oh": "오",
    "Seo": "서", "Shin": "신", "Kwon": "권", "Hwang": "황", "Ahn": "안", "Song": "송",
    "Yoo": "유", "Hong": "홍", "Jeon": "전", "Go": "고", "Moon": "문", "Yang": "양",
    "Son": "손", "Bae": "배", "Baek": "백", "Heo": "허", "Nam": "남", "Noh": "노",
    "Ha": "하", "Cha": "차", "Joo": "주", "Woo": "우", "Min": "민", "Ryu": "류",
    "Na": "나", "Jin": "진", "Byun": "변", "Chae": "채", "Uhm": "엄", "Gong": "공",
}  # fmt: skip
GIVEN_SYLLABLES = {
    "min": "민", "ji": "지", "seo": "서", "hyun": "현", "soo": "수", "woo": "우",
    "jae": "재", "young": "영", "eun": "은", "hye": "혜", "jin": "진", "ha": "하",
    "yeon": "연", "sung": "성", "joon": "준", "ho": "호", "kyung": "경", "hee": "희",
    "na": "나", "ra": "라", "ah": "아", "bin": "빈", "dong": "동", "won": "원",
    "hoon": "훈", "yoon": "윤", "mi": "미", "seok": "석", "tae": "태", "gyu": "규",
    "chan": "찬", "in": "인", "so": "소", "ye": "예", "da": "다", "kwang": "광",
    "sik": "식", "jung": "정", "hwa": "화", "yi": "이",
}  # fmt: skip
GROUP_FIRST = [
    "Monsta", "Astro", "Neon", "Crystal", "Velvet", "Stellar", "Nova", "Lunar", "Echo",
    "Prism", "Aurora", "Cosmic", "Shine", "Vivid", "Golden", "Silver", "Mellow", "Urban",
    "Starlight", "Ivory", "Sunny", "Paper", "Seoul", "Highlight", "Winter", "Loco",
]  # fmt: skip
GROUP_SECOND = [
    "X", "Boys", "Girls", "Nine", "Seven", "Moon", "Wave", "Dream", "Light", "Club",
    "Kids", "Day", "Bloom", "Line", "Pop", "Heart", "Sound", "Crew",
]  # fmt: skip
ADJECTIVES = [
    "Beautiful", "Lonely", "Secret", "Endless", "Silent", "Little", "Last", "First",
    "Golden", "Blue", "Crimson", "Gentle", "Brave", "Hidden", "Falling", "Shining",
    "Broken", "Sweet", "Wild", "Quiet", "Midnight", "Eternal", "Warm", "Cold", "Lost",
    "Distant", "Bright", "Fragile", "Strange", "Perfect", "Summer", "Winter", "Spring",
    "Autumn", "Familiar", "Reckless", "Tender", "Radiant", "Faded", "Hopeful",
]  # fmt: skip
NOUNS = [
    "Love", "Heart", "Star", "Dream", "Moon", "Rain", "Road", "Day", "Night", "Sky",
    "Flower", "Promise", "Memory", "Song", "Letter", "Garden", "Sea", "Wind", "Light",
    "Shadow", "Tear", "Smile", "Season", "Story", "Moment", "Time", "Snow", "Breath",
    "Voice", "Window", "Bridge", "Island", "City", "Kingdom", "Palace", "Destiny",
    "Journey", "Melody", "Sunset", "Horizon", "Whisper", "Echo", "Spark", "Wish",
]  # fmt: skip
ROLES = [
    "Secretary", "Doctor", "Detective", "Chef", "Lawyer", "Prince", "Teacher", "Pilot",
    "Prosecutor", "Idol", "Heir", "Nurse", "Ghost", "Goblin", "Judge", "Reporter",
]  # fmt: skip
PLACES = [
    "Seoul", "Busan", "Jeju", "Itaewon", "Gangnam", "Hongdae", "Incheon", "Gyeongju",
    "Daegu", "Namsan", "Sinchon", "Yeouido", "Mapo", "Jongno",
]  # fmt: skip
VERBS = [
    "Hold", "Stay", "Remember", "Love", "Find", "Call", "Forget", "Save", "Wait", "Run",
    "Start", "Hug", "Trust", "Follow", "Believe", "Miss", "Meet", "Touch",
]  # fmt: skip
DRAMA_PATTERNS = [
    "{A} {N}", "The {N} of {N2}", "My {A} {N}", "{P} Class", "Hello, {N}",
    "Goodbye, My {N}", "{N} in {P}", "What’s Wrong with {R} {F}", "When the {N} Falls",
    "The {A} {R}", "{R} {F}’s {N}", "{P} Diaries", "{A} {R}", "Welcome to {P}",
    "Fight for My {N}", "{N} Hotel", "Mr. {F}", "The {R} Next Door",
]  # fmt: skip
SONG_PATTERNS = [
    "{N}", "{A} {N}", "My {N}", "{V} Me", "It’s You", "Don’t {V}", "{N} of Mine",
    "Only You", "You Are My {N}", "One More {N}", "{V} Over", "Because of You",
    "To My {N}", "{A} Day", "I’ll Be Your {N}", "{V} Me Tonight", "Our {N}s",
    "{N} and {N2}", "Like a {N}", "Every {N}", "Ambiguous", "Maybe {A}",
]  # fmt: skip
HANGUL_WORDS = [
    "사랑", "너에게", "별", "하늘", "눈물", "그대", "우리", "이야기", "바람", "꿈",
    "처음", "마지막", "시간", "기억", "봄", "밤", "너", "나의", "약속", "노래",
    "안녕", "영원히", "그날", "편지", "햇살", "첫눈", "비", "너를", "사랑해", "다시",
]  # fmt: skip
LYRIC_NOUNS = [
    "stars", "rain", "night", "light", "heart", "road", "sky", "dream", "tears", "wind",
    "moon", "city", "flowers", "snow", "voice", "hands", "eyes", "dawn", "sea", "season",
]  # fmt: skip
LYRIC_ADJ = [
    "dazzling", "quiet", "endless", "faded", "gentle", "lonely", "bright", "cold",
    "warm", "distant", "tender", "empty", "silver", "shining",
]  # fmt: skip
LYRIC_VERBS = [
    "hold", "find", "miss", "remember", "wait for", "follow", "call", "see", "love",
    "protect", "believe in", "forget",
]  # fmt: skip
LYRIC_LINES = [
    "I will {v} you {t}",
    "{Aj} {n}, {aj} {n2}",
    "Even if the {n} fades, I’ll stay",
    "You are the {n} in my {n2}",
    "On that {aj} day across the {n}",
    "I can only see you",
    "Don’t let go of my hand",
    "Like the {n} in the {aj} sky",
    "I’m going to go on my way",
    "It’s you, it’s always you",
    "Even when I close my eyes, I {v} you",
    "We became {n} for each other",
    "Holding each other tightly under the {n}",
    "I won’t regret it, not even {t}",
    "Tell me it’s not a dream",
]  # fmt: skip
TIMES = ["tonight", "forever", "again", "someday", "tomorrow", "once more", "like this"]
GENRES = [
    "ballad", "piano ballad", "modern-rock song", "acoustic pop song", "R&B track",
    "synth-pop number", "folk song", "orchestral anthem", "city-pop tune", "jazz ballad",
]  # fmt: skip
TEMPOS = ["slow-burning", "medium-tempo", "up-tempo", "driving", "lilting", "gentle"]
INSTRUMENTS = [
    "dramatic strings", "a lone piano", "acoustic guitar", "brass swells", "soft synth pads",
    "a cello line", "light percussion", "a music-box motif", "electric guitar",
]  # fmt: skip
VOCALS = [
    "breathy, honeyed", "elegant, emotive", "husky", "soaring", "hypnotic", "crystal-clear",
    "warm, unhurried", "raw, passionate", "delicate", "powerful",
]  # fmt: skip
EMOTIONS = [
    "longing", "regret", "hope", "first love", "heartbreak", "quiet resolve", "nostalgia",
    "tenderness", "defiance", "loneliness",
]  # fmt: skip
COMMENTARY = [
    "{perf} lends {voc} vocals to this {tempo} {genre}, and the result is hard to forget.",
    "The song follows {c1} through the drama’s turning points, voicing the {emo} that the"
    " script leaves unsaid.",
    "Its arrangement of {inst} gives the melody room to breathe before the chorus lifts it.",
    "In {drama}, it plays whenever {c1} and {c2} almost say what they feel.",
    "Few OSTs capture {emo} as precisely as this one does.",
    "{perf}’s phrasing turns the simple lyric into something close to a confession.",
    "The bridge drops to {inst} alone, and the silence around it says as much as the words.",
    "Fans of {drama} still name it as the track that defines the series.",
    "It rewards repeated listening: every chorus adds a layer of {inst}.",
    "{actor}, who plays {c1}, has said the song helped in finding the character.",
    "The music video intercuts studio footage of {perf} with scenes of {c1} and {c2}.",
    "What makes it work is restraint; the {genre} never reaches for more than it needs.",
    "By the final episode, the first notes alone are enough to bring back the whole story.",
    "The lyric’s image of the {n} returns in the last scene, tying song and story together.",
]


def slugify(text: str) -> str:
    """'What’s Wrong with Secretary Kim' -> 'whats-wrong-with-secretary-kim'."""
    text = text.lower().replace("’", "").replace("'", "")
    return re.sub(r"[^0-9a-z]+", "-", text).strip("-") or "item"


def bundled_ids() -> set[str]:
    """Every id in the bundled catalog (empty when it cannot be found).

    Generated ids avoid them: a generated "It’s You" or "Itaewon Class" would otherwise
    *replace* the bundled entry on import (merge by id), so a benchmark library would not
    hold bundled + generated entries and the counts in tests would depend on word luck.
    """
    path = Path(__file__).resolve().parent.parent / "resources" / "catalog" / "park-seo-joon.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    ids = {
        e["id"]
        for section in ("people", "dramas", "songs", "features")
        for e in data.get(section, [])
    }
    ids.update(c["id"] for d in data.get("dramas", []) for c in d.get("cast", []))
    return ids


class _Ids:
    """Unique slugs within one namespace: 'its-you', 'its-you-2', ..."""

    def __init__(self, reserved: set[str] | None = None) -> None:
        self.used: set[str] = set(reserved or ())
        self.next_suffix: dict[str, int] = {}

    def make(self, base: str) -> str:
        slug = slugify(base)
        if slug not in self.used:
            self.used.add(slug)
            return slug
        n = self.next_suffix.get(slug, 2)
        while f"{slug}-{n}" in self.used:
            n += 1
        self.next_suffix[slug] = n + 1
        self.used.add(f"{slug}-{n}")
        return f"{slug}-{n}"


def _korean_name(rng: random.Random) -> tuple[str, str]:
    """('Kim Ji-won', '김지원')."""
    family = rng.choice(list(FAMILY_NAMES))
    first, second = rng.sample(list(GIVEN_SYLLABLES), 2)
    name = f"{family} {first.capitalize()}-{second}"
    hangul = FAMILY_NAMES[family] + GIVEN_SYLLABLES[first] + GIVEN_SYLLABLES[second]
    return name, hangul


def _stage_name(rng: random.Random) -> tuple[str, str]:
    """A one-word stage name like 'Kihyun' ('Ji' + 'hyun')."""
    first, second = rng.sample(list(GIVEN_SYLLABLES), 2)
    return (first + second).capitalize(), GIVEN_SYLLABLES[first] + GIVEN_SYLLABLES[second]


def _fill(rng: random.Random, pattern: str) -> str:
    n, n2 = rng.sample(NOUNS, 2)
    return pattern.format(
        A=rng.choice(ADJECTIVES),
        N=n,
        N2=n2,
        R=rng.choice(ROLES),
        F=rng.choice(list(FAMILY_NAMES)),
        P=rng.choice(PLACES),
        V=rng.choice(VERBS),
    )


def _hangul_title(rng: random.Random) -> str:
    return " ".join(rng.sample(HANGUL_WORDS, rng.randint(1, 3)))


def _lyrics(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(2, 4)):
        n, n2 = rng.sample(LYRIC_NOUNS, 2)
        aj = rng.choice(LYRIC_ADJ)
        line = rng.choice(LYRIC_LINES).format(
            v=rng.choice(LYRIC_VERBS), t=rng.choice(TIMES), n=n, n2=n2, aj=aj, Aj=aj.capitalize()
        )
        lines.append(line)
    return "\n".join(lines)


def _paragraph(rng: random.Random, slots: dict[str, str]) -> str:
    target = rng.randint(25, 50)
    sentences: list[str] = []
    words = 0
    while words < target:
        sentence = rng.choice(COMMENTARY).format(
            tempo=rng.choice(TEMPOS),
            genre=rng.choice(GENRES),
            inst=rng.choice(INSTRUMENTS),
            voc=rng.choice(VOCALS),
            emo=rng.choice(EMOTIONS),
            n=rng.choice(LYRIC_NOUNS),
            **slots,
        )
        sentences.append(sentence)
        words += sentence.count(" ") + 1
    return " ".join(sentences)


def generate(n_songs: int = 100_000, n_dramas: int = 5_000, seed: int = 1) -> dict[str, Any]:
    """A catalog file (format v1) as a dict, with ``n_songs`` spread over ``n_dramas``."""
    if n_songs < 0 or n_dramas < 1:
        raise ValueError("need n_songs >= 0 and n_dramas >= 1")
    rng = random.Random(seed)
    reserved = bundled_ids()
    people_ids, drama_ids, song_ids, cast_ids = (_Ids(reserved) for _ in range(4))

    # People: ~3,000 at full size; fewer for small catalogs so most of them are used.
    n_people = max(30, min(3000, 20 + 3 * n_dramas))
    people: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    for i in range(n_people):
        stage = i % 7 == 0  # some singers go by one stage name, like "Kihyun" or "Gaho"
        name, hangul = _stage_name(rng) if stage else _korean_name(rng)
        pid = people_ids.make(name)
        person: dict[str, Any] = {"id": pid, "name": name, "kind": "person"}
        if rng.random() < 0.3:
            person["name_original"] = hangul
        people.append(person)
        names[pid] = name
    person_ids = [p["id"] for p in people]

    # Groups: members drawn without replacement, so a person sings in at most one group.
    n_groups = max(2, n_people // 25)
    free = person_ids[:]
    rng.shuffle(free)
    groups: list[tuple[str, list[str]]] = []
    in_group: set[str] = set()
    for _ in range(n_groups):
        size = rng.randint(2, 7)
        if len(free) < size + 10:
            break
        members = [free.pop() for _ in range(size)]
        name = f"{rng.choice(GROUP_FIRST)} {rng.choice(GROUP_SECOND)}"
        if rng.random() < 0.3:  # acronym names like BTOB
            name = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXY") for _ in range(rng.randint(3, 4)))
        gid = people_ids.make(name)
        people.append({"id": gid, "name": name, "kind": "group", "members": members})
        names[gid] = name
        groups.append((gid, members))
        in_group.update(members)
    soloists = [pid for pid in person_ids if pid not in in_group][: max(10, n_people // 3)]

    # Dramas with casts; every cast member gets a character, a few only the actor (as in
    # the bundled catalog's Hwarang entry).
    dramas: list[dict[str, Any]] = []
    for _ in range(n_dramas):
        title = _fill(rng, rng.choice(DRAMA_PATTERNS))
        year = rng.randint(1998, 2025)
        did = drama_ids.make(f"{title} {year}" if slugify(title) in drama_ids.used else title)
        cast = []
        for actor in rng.sample(person_ids, rng.randint(2, 6)):
            if rng.random() < 0.05:
                cast.append(
                    {"id": cast_ids.make(f"{did}-{actor}"), "actor": actor, "character": None}
                )
            else:
                character, _ = _korean_name(rng)
                cast.append(
                    {"id": cast_ids.make(character), "actor": actor, "character": character}
                )
        drama: dict[str, Any] = {"id": did, "title": title, "year": year, "cast": cast}
        if rng.random() < 0.05:
            drama["title_original"] = _hangul_title(rng)
        dramas.append(drama)

    # Songs: n_songs spread as evenly as possible (20 per drama at the default sizes).
    songs: list[dict[str, Any]] = []
    base, extra = divmod(n_songs, n_dramas)
    for d_index, drama in enumerate(dramas):
        cast = drama["cast"]
        for order in range(1, base + (1 if d_index < extra else 0) + 1):
            title = _fill(rng, rng.choice(SONG_PATTERNS))
            sung_by_cast = rng.random() < 0.03
            performers: list[dict[str, Any]] = []
            if sung_by_cast:
                performers.append({"person": rng.choice(cast)["actor"], "group": None})
            elif groups and rng.random() < 0.3:
                gid, members = rng.choice(groups)
                count = min(len(members), rng.choice((1, 1, 2, 3)))
                performers.extend({"person": m, "group": gid} for m in rng.sample(members, count))
            else:
                count = rng.choice((1, 1, 1, 1, 1, 1, 1, 2, 2, 3))
                performers.extend({"person": p, "group": None} for p in rng.sample(soloists, count))
            chars = rng.sample(cast, min(len(cast), rng.randint(1, 2)))
            c1 = chars[0]["character"] or names[chars[0]["actor"]]
            c2 = chars[-1]["character"] or names[chars[-1]["actor"]]
            lead = performers[0]
            perf = names[lead["person"]]
            if lead["group"]:
                perf = f"{names[lead['group']]}’s {perf}"
            slots = {
                "perf": perf,
                "drama": drama["title"],
                "c1": c1,
                "c2": c2 if c2 != c1 else "everyone around them",
                "actor": names[chars[0]["actor"]],
            }
            song: dict[str, Any] = {
                "id": song_ids.make(title),
                "title": title,
                "drama": drama["id"],
                "ost_order": order,
                "performers": performers,
                "lyrics_excerpt": _lyrics(rng),
                # Like most songs a user adds, few carry a written commentary.
                "commentary": [_paragraph(rng, slots)] if rng.random() < 0.3 else [],
                "musical_character": (
                    f"A {rng.choice(TEMPOS)} {rng.choice(GENRES)} with {rng.choice(INSTRUMENTS)}"
                    f" and {rng.choice(VOCALS)} vocals."
                ),
                "characters": [c["id"] for c in chars],
                "sung_by_cast": sung_by_cast,
            }
            if rng.random() < 0.04:
                song["title_original"] = _hangul_title(rng)
            songs.append(song)

    # A few editorial features like the bundled "Five Hit OSTs of Park Seo-joon".
    features: list[dict[str, Any]] = []
    feature_ids = _Ids(reserved)
    for _ in range(min(len(songs) // 5, max(1, n_dramas // 250))):
        picked = rng.sample(songs, 5)
        actor = names[rng.choice(person_ids)]
        title = f"K-Drama Flashback: Five Hit OSTs of {actor}"
        features.append(
            {
                "id": feature_ids.make(title),
                "title": title,
                "subtitle": "Songs from the dramas that made a career",
                "introduction": (
                    f"{actor} is a favourite of ours, and these songs from the dramas"
                    f" {actor} appeared in show why. Check them out below."
                ),
                "songs": [s["id"] for s in picked],
                "source": "Generated by benchmarks/generate_catalog.py",
            }
        )

    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "people": people,
        "dramas": dramas,
        "songs": songs,
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the catalog file to write")
    parser.add_argument("--songs", type=int, default=100_000)
    parser.add_argument("--dramas", type=int, default=None, help="default: songs / 20")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-validate", action="store_true", help="skip catalog_from_dict")
    args = parser.parse_args(argv)
    n_dramas = args.dramas or max(1, args.songs // 20)
    data = generate(args.songs, n_dramas, args.seed)
    if not args.no_validate:
        from ostplayer.domain.catalog_format import catalog_from_dict

        catalog_from_dict(data)
    args.out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    print(
        f"wrote {args.out}: {len(data['songs'])} songs, {len(data['dramas'])} dramas,"
        f" {len(data['people'])} people, {args.out.stat().st_size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
