"""What an album tag (or a folder name) says about a K-drama soundtrack, as written in the wild.

Music sites, taggers and video rips spell the same release many ways: "나의 아저씨 OST Part.2",
"My Mister (Original Television Soundtrack), Pt. 2", "JTBC 금토드라마 '이태원 클라쓰' OST",
"[MV] 손디아 - 어른 [나의 아저씨 OST Part.2]". ``parse_album`` says which drama in which
spellings and which OST part, keeping the spellings as written: comparing them is
``matching``'s job, through ``hangul``'s forms. The bracket and label helpers here are shared
by the title, credit and file-name readers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .hangul import compact, fold

__all__ = [
    "AlbumMeaning",
    "clean_text",
    "has_ost_marker",
    "is_noise",
    "parse_album",
    "split_brackets",
    "tidy",
    "unique_spellings",
]

_OPENERS = "([{【「『《〈<（［｛"
_CLOSERS = ")]}】」』》〉>）］｝"
_PAIRS = dict(zip(_OPENERS, _CLOSERS, strict=True))
_ANY_OPENER = re.compile("[" + re.escape(_OPENERS) + "]")


def split_brackets(text: str, *, keep_glued: bool = False) -> tuple[str, list[str]]:
    """The text outside top-level brackets (each bracket a space) and the bracket contents.

    With ``keep_glued`` a bracket that starts a word and is glued to the letters after it stays
    in the text: "(G)I-DLE" and "(여자)아이들" are names, not a name and a note.
    """
    if not _ANY_OPENER.search(text):
        return tidy(text), []
    outside: list[str] = []
    groups: list[str] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            if not stack:
                start = i
            stack.append(_PAIRS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                glued = (
                    keep_glued
                    and (start == 0 or text[start - 1].isspace())
                    and i + 1 < len(text)
                    and text[i + 1].isalnum()
                )
                if glued:
                    outside.append(text[start : i + 1])
                else:
                    groups.append(text[start + 1 : i].strip())
                    outside.append(" ")
        elif not stack:
            outside.append(ch)
    if stack:  # an unclosed bracket, cut off by a length limit: "시작 (Start Over"
        groups.append(text[start + 1 :].strip())
    return tidy("".join(outside)), [g for g in groups if g]


def tidy(text: str) -> str:
    """Single spaces, no separator left dangling at either end ("Itaewon Class, " …), and no
    quotes around the whole ("\"Goblin\"")."""
    text = " ".join(text.split()).strip(" ,-_:/|·~–—").strip()
    while len(text) > 1 and text[0] in _QUOTE_PAIRS and text[-1] == _QUOTE_PAIRS[text[0]]:
        text = text[1:-1].strip()
    return text


_QUOTE_PAIRS = {"'": "'", '"': '"', "‘": "’", "“": "”", "「": "」", "『": "』"}


# Full-width ASCII (ＯＳＴ Ｐａｒｔ．２) as some Windows taggers write it; the rest of NFKC is
# left out because it would also turn typed jamo (ㄱ) into conjoining ones.
_HALF_WIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Composed (NFD file names from macOS put back together), full-width ASCII made plain;
    the bytes of a file name that is not UTF-8 (lone surrogates) shown as "\ufffd"."""
    text = text or ""
    if not text.isascii() and _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text if text.isascii() else text.translate(_HALF_WIDTH)


# Bracketed notes that describe the file or the upload, never the music.
_NOISE = re.compile(
    r"^(?:\d{4}(?:[.\-/ ]\d{1,2}){0,2}\.?|\d{2}[.\-/]\d{2}[.\-/]\d{2,4}"
    r"|(?:flac|mp3|m4a|aac|alac|wav|ogg|opus|hi ?res|hq|hd|4k|8k|\d{3,4}p|\d+ ?bits?|"
    r"\d+ ?k(?:bps)?|web|cd ?rip|lossless)(?:[ ,/+&]+.*)?"
    r"|m ?v|music video|official(?: (?:mv|m v|music video|video|audio|lyric video|visualizer))?"
    r"|(?:color coded )?lyrics?(?: video)?(?: .*)?|가사(?: .*)?|자막|eng ?sub.*|han.*rom.*|audio"
    r"|visuali[sz]er|full album|special edition|deluxe(?: .*)?|remaster(?:ed)?(?: .*)?"
    r"|single|ep|mini album|정규.*|싱글|digital single|ost|o s t)$"
)


def is_noise(content: str) -> bool:
    """True for a bracketed upload note: "[MV]", "(2018.03.16)", "[FLAC, MP3]", "(가사)"."""
    return bool(_NOISE.match(fold(content)))


_OST = re.compile(r"(?<![A-Za-z])O\.?\s?S\.?\s?T\.?(?![A-Za-z])|오에스티", re.IGNORECASE)
_SOUNDTRACK = re.compile(
    r"(?:original\s+)?(?:(?:television|tv|drama|netflix|series|web\s*drama|motion\s+picture|"
    r"movie|film|k-?drama)\s+)*sound\s*-?\s*tracks?|music\s+from\s+the\s+\w+(?:\s+\w+)?\s+series"
    r"|(?:오리지널\s*)?사운드\s*트랙",
    re.IGNORECASE,
)
_PART = re.compile(
    r"(?<![A-Za-z])(?:part|pt|파트)\s*[.:#]?\s*(\d{1,3})(?!\d)(?:\s*(?:차|탄))?", re.IGNORECASE
)
# "OST Special", "Special OST", "(…Soundtrack) Special", but not "Special Labor Inspector".
_SPECIAL = re.compile(
    r"(?<![A-Za-z])(?:special|스페셜)(?:\s+(?:track|edition))?\s*$"
    r"|^\s*(?:special|스페셜)\s+(?=O\.?S\.?T|오에스티)",
    re.IGNORECASE,
)

_NETWORK = (
    r"KBS\s*2\s*TV|KBS\s*[12]?|MBC(?:\s*every\s*1)?|SBS(?:\s*plus)?|tvN|JTBC|OCN|MBN|ENA"
    r"|TV\s*CHOSUN|TV\s*조선|채널\s*A|Channel\s*A|Mnet|Netflix|넷플릭스|Disney\s*\+|디즈니\s*\+"
    r"|TVING|티빙|Coupang\s*Play|쿠팡\s*플레이|wavve|웨이브|Kakao\s*TV|카카오\s*TV|Viu|iQIYI"
)
_SLOT = (
    r"월화|수목|금토|토일|일일|주말|아침|저녁|평일|특별\s*기획|미니\s*시리즈|시리즈|오리지널"
    r"|Original(?:\s+Series)?|드라마|Drama|연속극|단막극|시트콤|Sitcom|예능"
)
_NETWORK_NOTE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<net>{_NETWORK})(?:\s*(?:{_SLOT}))*(?![A-Za-z0-9])"
    rf"|(?:월화|수목|금토|토일|일일|주말|아침|저녁|특별\s*기획)\s*(?:드라마|미니\s*시리즈|연속극)",
    re.IGNORECASE,
)
# A title inside quotes is the drama's name, whatever notes surround it:
# "KBS2 주말드라마 '황금빛 내 인생' OST Part.1". A single quote counts only at a word edge, so the
# apostrophe of "What's Wrong" is not a quote.
_QUOTED = re.compile(
    r"(?:^|(?<=\s))['‘]([^'‘’]+)['’](?=\s|$|[,.)\]])|[\"“]([^\"“”]+)[\"”]|[「『«]([^」』»]+)[」』»]"
)
_LEADING_DRAMA_WORD = re.compile(r"^(?:드라마|drama|k-?drama)\s+(?=['‘\"“「『])", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s+/\s+|\s*／\s*")

# Words that name no drama: what is left of "Best of K-Drama OST" or "드라마 OST 모음".
_GENERIC_WORDS = (
    "best of the hits hit collection top k kdrama korean drama dramas tv series 드라마 모음"
    " 베스트 인기 명곡 greatest playlist compilation various artists va vol 한국 kpop pop"
    " songs song 인기곡 추천 movie 영화 애니메이션 뉴에이지 new age piano"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
_COLLECTION_WORDS = "best hits hit collection top 모음 베스트 인기 명곡 greatest compilation"
_COLLECTION = frozenset(_COLLECTION_WORDS.split())
_COVER_ALBUM = re.compile(
    r"(?:piano|guitar|music\s*box|orgel|lullaby|cello|violin|acoustic|cover|8-?bit|"
    r"피아노|기타|오르골|자장가|첼로|바이올린)\s*(?:ver(?:sion)?\.?|cover|collection|covers|연주|커버)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class AlbumMeaning:
    """What an album tag (or a folder name) says.

    ``titles`` are the drama's spellings as written, main one first ("나의 아저씨", "My Mister");
    for an album that is not a soundtrack, its own title. ``is_ost`` is True for soundtrack
    labels, including "OST Part.3" with no drama named. ``version`` is set for cover albums
    ("Goblin OST (Piano Version)" holds piano versions, not the drama's recordings).
    """

    titles: tuple[str, ...] = ()
    is_ost: bool = False
    part: int | None = None
    network: str = ""
    special: bool = False
    version: str = ""
    compilation: bool = False
    version_note: str = ""  # as written: "Piano Version"

    @property
    def drama_titles(self) -> tuple[str, ...]:
        return self.titles if self.is_ost else ()


def has_ost_marker(text: str) -> bool:
    return bool(_OST.search(text) or _SOUNDTRACK.search(text))


_LABELS = ("original television soundtrack", "original soundtrack", "original tv soundtrack")


def _is_cut_label(content: str) -> bool:
    folded = fold(content)
    return len(folded) >= 10 and any(label.startswith(folded) for label in _LABELS)


@lru_cache(maxsize=1 << 13)  # a library repeats its albums: each distinct text is read once
def parse_album(text: str) -> AlbumMeaning:
    """Understand an album tag: ``parse_album("나의 아저씨 (My Mister) OST Part.2")`` gives titles
    ("나의 아저씨", "My Mister"), part 2, is_ost. Plain albums ("Melon Top 100", "The Red") and
    genre compilations ("…(뉴에이지, 영화, 드라마, OST)") are not from a drama."""
    raw = clean_text(text).strip()
    if not raw:
        return AlbumMeaning()
    outside, groups = split_brackets(raw)
    aliases: list[str] = []
    network = ""
    ost = special = compilation = False
    part: int | None = None
    version = version_note = ""
    for content in groups:
        if is_noise(content):
            ost = ost or bool(_OST.fullmatch(content.strip()))
            continue
        if _is_cut_label(content):
            ost = True  # "Crash Landing on You (Original Tel": an ID3v1 field's 30 bytes
            continue
        if has_ost_marker(content):
            if "," in content and _only_generic(_strip_markers(content)[0].replace(",", " ")):
                compilation = True
                continue
            inner = parse_album(content)
            if inner.titles and _separates_artist(outside):
                # A video title: "Gaho(가호) _ Start Over(시작) (Itaewon Class OST Part.2)".
                return inner
            ost = True
            part = part if part is not None else inner.part
            special = special or inner.special
            network = network or inner.network
            aliases.extend(inner.titles)
            continue
        note = _NETWORK_NOTE.fullmatch(content)
        if note:
            network = network or (note.group("net") or "")
            continue
        if _COVER_ALBUM.search(content):
            version, version_note = fold(content), content
            continue
        if fold(content) in ("드라마", "drama", "ost special", "special"):
            special = special or "special" in fold(content)
            continue
        aliases.append(content)
    # "Goblin OST / 도깨비 OST": one label per spelling.
    pieces = [_strip_markers(piece) for piece in _TITLE_SPLIT.split(outside)]
    mains = [main for main, _ in pieces if main]
    flags = _Markers(
        ost=any(f.ost for _, f in pieces),
        part=next((f.part for _, f in pieces if f.part is not None), None),
        special=any(f.special for _, f in pieces),
        network=next((f.network for _, f in pieces if f.network), ""),
    )
    ost = ost or flags.ost
    part = flags.part if flags.part is not None else part
    if not ost and part is not None and not mains and not aliases:
        ost = True  # "Part.3" alone: a soundtrack part whose drama the tag does not name
    titles = unique_spellings([*mains, *aliases])
    if compilation or (ost and titles and all(_only_generic(t, raw) for t in titles)):
        return AlbumMeaning(titles=(raw,), compilation=True)
    if not ost:
        # "NCT RESONANCE Pt.1" is an album; "Love Playlist 4 Part.1" a web drama's OST that
        # says so only in its genre: the title without the part serves both.
        return AlbumMeaning(titles=(titles[0] if part is not None and titles else raw,), part=part)
    network = network or flags.network
    special = special or flags.special
    return AlbumMeaning(titles, True, part, network, special, version, False, version_note)


@dataclass(slots=True)
class _Markers:
    ost: bool = False
    part: int | None = None
    special: bool = False
    network: str = ""


def _strip_markers(text: str) -> tuple[str, _Markers]:
    """The drama title left once soundtrack labels, parts and broadcaster notes are taken out."""
    found = _Markers()
    quoted = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]
    part = _PART.search(text)
    if part:
        found.part = int(part.group(1))
    note = _NETWORK_NOTE.search(text)
    if note:
        found.network = note.group("net") or ""
    found.special = bool(_SPECIAL.search(text))
    marker = _OST.search(text) or _SOUNDTRACK.search(text)
    found.ost = marker is not None
    if quoted and (found.ost or note is not None):
        return tidy(quoted[0]), found
    if marker is not None:
        before, after = text[: marker.start()], text[marker.end() :]
        # After the label come only parts and notes ("OST Part.12 - Sweet Night" names a song).
        text = before if tidy(_remove_markers(before)) else after
    text = _LEADING_DRAMA_WORD.sub("", text)
    return tidy(_remove_markers(text)), found


def _remove_markers(text: str) -> str:
    for pattern in (_OST, _SOUNDTRACK, _PART, _SPECIAL, _NETWORK_NOTE):
        text = pattern.sub(" ", text)
    return text


def _only_generic(text: str, context: str = "") -> bool:
    """Words that name no drama: "K-Drama", "Best of 2020", "드라마 모음". With a number they
    must also say "collection", here or elsewhere in the album ("2015 K-Drama OST Best
    Vol.29"): "Drama 606" could be a title."""
    words = fold(text).split()
    if not all(w in _GENERIC or w.isdigit() for w in words):
        return False
    said = words + fold(context).split()
    return not any(w.isdigit() for w in words) or any(w in _COLLECTION for w in said)


def _separates_artist(text: str) -> bool:
    return bool(re.search(r"\s[-_–—]\s", f" {text} "))


def unique_spellings(values: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for value in values:
        value = tidy(value)
        key = compact(value)
        if value and key and key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)
