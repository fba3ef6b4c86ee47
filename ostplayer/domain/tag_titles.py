"""What a title tag says: the song's name in one or two spellings, and what else is in it.

Titles carry more than the name: "시작 (Start Over)", "Some (Feat. Lil Boi)", "Stay Alive (Prod.
SUGA of BTS)", "시작 (Inst.)", "Start Over - Instrumental", "Grown Ups - From "My Mister"",
"어른 (드라마 "나의 아저씨" OST)". Versions matter most: an instrumental or an acoustic version is
another recording, so another song, and must never be taken for the vocal one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .hangul import fold, script_of
from .tag_album import (
    clean_text,
    has_ost_marker,
    is_noise,
    parse_album,
    split_brackets,
    tidy,
    unique_spellings,
)

__all__ = ["TitleMeaning", "parse_title"]


@dataclass(frozen=True, slots=True)
class TitleMeaning:
    """What a title tag says: the song's name in one or two spellings, who features, whether it
    is the instrumental or another version (a different recording, hence a different song), and
    the drama when the title names it ("Title - From "Drama"", "Title (드라마 "X" OST)")."""

    title: str
    alternate: str = ""
    featuring: tuple[str, ...] = ()
    producers: tuple[str, ...] = ()
    instrumental: bool = False
    version: str = ""  # folded: "inst", "acoustic ver", "piano ver", "remix", …
    version_note: str = ""  # as written: "Inst.", "Acoustic Ver."
    dramas: tuple[str, ...] = ()
    ost_part: int | None = None


_FEAT = re.compile(r"^(?:feat(?:uring)?|ft|with|w)\.?\s*:?\s+(.+)$", re.IGNORECASE)
_FEAT_TAIL = re.compile(r"\s+(?:feat(?:uring)?\.?|ft\.)\s+(.+)$", re.IGNORECASE)
_PROD = re.compile(r"^prod(?:uced)?\.?\s*(?:by\s+)?(.+)$", re.IGNORECASE)
_INSTRUMENTAL = re.compile(
    r"^(?:inst\.?|instrumental|mr|m\.r\.?|off ?vocal|karaoke|반주|연주곡?|인스트(?:루멘탈)?)"
    r"(?:\s*(?:ver(?:sion)?\.?|버전))?$",
    re.IGNORECASE,
)
_VERSION = re.compile(
    r"(?<![A-Za-z])(?:ver(?:sion)?\.?|버전|remix|mix|edit|live|acoustic|sped\s*up|slowed(?:\s*\+\s*reverb)?"
    r"|cover|demo|reprise|a\s*cappella|tv\s*size|short)$",
    re.IGNORECASE,
)
_FROM = re.compile(
    r"\s+[-–—]\s+(?:from|taken\s+from)\s+(?:the\s+)?(?:(?:netflix|tv|drama|k-?drama)\s+)*"
    r"(?:series\s+|drama\s+)?(.+)$|^(?:from|taken\s+from)\s+(?:the\s+)?(?:(?:netflix|tv|drama|"
    r"k-?drama)\s+)*(?:series\s+|drama\s+)?(.+)$",
    re.IGNORECASE,
)
# What any note starts with: a bracket, a dash or colon before a suffix, "feat", "from".
_NOTES = re.compile(r"[(\[{【（［<「『]|\s[-–—]|:\s|\bfeat|\bft\.|\bfrom\b", re.IGNORECASE)
_DASH_SUFFIX = re.compile(r"(?:\s+[-–—]|\s*:)\s+([^-–—:]+)$")


def parse_title(text: str) -> TitleMeaning:
    """``parse_title("시작 (Start Over)")`` is 시작 with the alternate spelling Start Over;
    "(Feat. X)", "(Prod. X)", "(Inst.)", "(Acoustic Ver.)", "- From "Drama"" are taken out."""
    raw = clean_text(text).strip()
    if not _NOTES.search(raw):  # most titles: nothing to take out
        return TitleMeaning(title=tidy(raw))
    featuring: list[str] = []
    producers: list[str] = []
    dramas: list[str] = []
    part: int | None = None
    version = version_note = ""
    instrumental = False

    def read_note(content: str, *, bracketed: bool = True) -> bool:
        nonlocal version, version_note, instrumental, part
        content = content.strip().strip("\"'“”‘’")
        if _INSTRUMENTAL.match(content):
            instrumental, version, version_note = True, "inst", content
            return True
        feat = _FEAT.match(content)
        if feat:
            featuring.append(feat.group(1).strip())
            return True
        prod = _PROD.match(content)
        if prod:
            producers.append(prod.group(1).strip())
            return True
        source = _FROM.search(content) if content.lower().startswith(("from", "taken")) else None
        if bracketed and (source or has_ost_marker(content)):
            album = parse_album((source.group(1) or source.group(2)) if source else content)
            if album.is_ost or source:
                dramas.extend(album.titles)
                part = part if part is not None else album.part
                return True
        if _VERSION.search(content) and len(content) <= 40:
            version, version_note = fold(content), content
            instrumental = instrumental or bool(re.search(r"\binst", version))
            return True
        return is_noise(content)

    source = _FROM.search(raw)
    if source and source.start() > 0:
        dramas.extend(parse_album(source.group(1)).titles or (tidy(source.group(1)),))
        raw = raw[: source.start()]
    dash = _DASH_SUFFIX.search(raw)
    if dash and read_note(dash.group(1), bracketed=False):  # Spotify style: "Title - Instrumental"
        raw = raw[: dash.start()]
    tail = _FEAT_TAIL.search(raw)
    if tail and not any(c in tail.group(1) for c in "([{【（［"):
        featuring.append(tail.group(1).strip())
        raw = raw[: tail.start()]
    outside, groups = split_brackets(raw)
    kept = [g for g in groups if not read_note(g)]
    main, alternate = outside, ""
    main_script = script_of(main)
    for content in kept:
        if not main:
            main, main_script = content, script_of(content)
        elif not alternate and script_of(content) not in ("", main_script):
            alternate = content
        else:
            main = f"{main} ({content})"  # "Love (Story)": one spelling with a bracket in it
    if not main and alternate:
        main, alternate = alternate, ""
    return TitleMeaning(
        title=tidy(main) or tidy(outside),
        alternate=tidy(alternate),
        featuring=tuple(featuring),
        producers=tuple(producers),
        instrumental=instrumental,
        version=version,
        version_note=version_note,
        dramas=unique_spellings(dramas),
        ost_part=part,
    )
