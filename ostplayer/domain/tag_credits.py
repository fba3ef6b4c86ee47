"""Who sings, as an artist tag says it: one or several people, each in one or two spellings,
maybe as a member of a group.

Korean sites write "손디아(Sondia)" or "Sondia (손디아)" for one person in two alphabets, "웬디
(레드벨벳)" or "WENDY (Red Velvet)" for a member with her group, "비투비 (서은광, 임현식, 육성재)"
for a group and the members who sing, and join performers with ",", "&", " X ", "feat.", "/"
or "、". A bracket in the other alphabet is an alternate spelling when it sounds like the name
("가호(Gaho)") and a group otherwise when it looks like one ("승관 (SEVENTEEN)", "김우성 (The
Rose)"); a catalog that knows the names (``NameBook``) settles what this cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz.fuzz import ratio

from .hangul import compact, fold, script_of, sound_key
from .tag_album import clean_text, split_brackets, tidy

__all__ = ["NameBook", "ParsedCredits", "PerformerName", "parse_credits"]


class NameBook(Protocol):
    """What a catalog knows about names, for the readers to settle ambiguous spellings."""

    def knows_person(self, name: str) -> bool: ...

    def knows_group(self, name: str) -> bool: ...

    def knows_drama(self, title: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class PerformerName:
    name: str
    alternate: str = ""  # the same person in the other alphabet
    group: str = ""  # the group they sing with on this song
    group_alternate: str = ""
    featured: bool = False


@dataclass(frozen=True, slots=True)
class ParsedCredits:
    performers: tuple[PerformerName, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "split 'Ailee & Yang Da-il' at '&'"


_VARIOUS = frozenset(
    ("various artists", "various", "va", "v a", "여러 아티스트", "여러 가수", "옴니버스", "omnibus")
)
_FEAT = re.compile(r"\s+(?:feat(?:uring)?\.?|ft\.|with)\s+", re.IGNORECASE)
_FEAT_NOTE = re.compile(r"^(?:feat(?:uring)?|ft|with)\.?\s+(.+)$", re.IGNORECASE)
# Separators between performers, tried only outside brackets. " X " joins collaborations
# ("Gaho X Kim Feel") but the X that ends "Monsta X" is followed by nothing, a comma or a bracket.
_SEPARATOR = re.compile(r"\s*(?:[,;/、&＆+]|\s[xX×]\s(?=[^\s,&/(\[]))\s*")
# Anything that could join several names or add a spelling or group: a bracket, a separator,
# " X ", "feat", " of ".
_ANY_MARK = re.compile(r"[()\[\]{}（）［］【】,;/、&＆+]|\s[xX×]\s|feat|ft\.|\swith\s|\sof\s", re.I)
_OF = re.compile(r"^(.+?)\s+of\s+(.+)$")
_MEMBER_LIST = re.compile(r"[,、&/]")
_GROUP_THEN_MEMBER = re.compile(
    r"^(?P<group>[^()\s]+)\s*\((?P<spelled>[^()]+)\)\s+(?P<name>[^()]+)$"
)


def parse_credits(text: str, book: NameBook | None = None) -> ParsedCredits:
    """``parse_credits("웬디 (레드벨벳), 손디아(Sondia)")``: Wendy in group 레드벨벳, and 손디아
    spelled Sondia. "Various Artists" names nobody."""
    text = tidy(clean_text(text))
    # "????" (a tagger that could not write Hangul) or bare punctuation names nobody.
    if not text or fold(text) in _VARIOUS or not any(ch.isalnum() for ch in text):
        return ParsedCredits()
    if not _ANY_MARK.search(text) or (
        book is not None and (book.knows_person(text) or book.knows_group(text))
    ):
        return ParsedCredits((PerformerName(text),))  # one name, as most artist tags are
    notes: list[str] = []
    main, *featured = _FEAT.split(text, maxsplit=1)
    performers: list[PerformerName] = []
    for part, is_featured in ((main, False), *((f, True) for f in featured)):
        pieces, separators = _split_outside_brackets(part)
        pieces, separators = _rejoin_known(pieces, separators, book)
        for sep in set(separators):
            if sep in "&＆":
                notes.append(f"split {part!r} at '&'")
        for piece in pieces:
            performers.extend(_performers_of(piece, is_featured, book))
    unique: dict[str, PerformerName] = {}
    for p in performers:
        if not any(ch.isalnum() for ch in p.name):
            continue
        unique.setdefault(compact(p.name) + "\0" + compact(p.group), p)
    return ParsedCredits(tuple(unique.values()), tuple(notes))


def _split_outside_brackets(text: str) -> tuple[list[str], list[str]]:
    pieces: list[str] = []
    separators: list[str] = []
    depth = 0
    start = i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([{（［【":
            depth += 1
        elif ch in ")]}）］】":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = _SEPARATOR.match(text, i)
            if match and match.end() > i and match.group().strip():
                pieces.append(text[start:i])
                separators.append(match.group().strip().lower())
                start = i = match.end()
                continue
        i += 1
    pieces.append(text[start:])
    kept = [(p.strip(), s) for p, s in zip(pieces, [*separators, ""], strict=True) if p.strip()]
    return [p for p, _ in kept], [s for _, s in kept][:-1]


def _rejoin_known(
    pieces: list[str], separators: list[str], book: NameBook | None
) -> tuple[list[str], list[str]]:
    """Put back a name the catalog knows with a separator inside ("Earth, Wind & Fire")."""
    if book is None or len(pieces) < 2:
        return pieces, separators
    out, seps = [pieces[0]], []
    for sep, piece in zip(separators, pieces[1:], strict=True):
        joined = f"{out[-1]} {sep} {piece}" if sep in "&＆+x×" else f"{out[-1]}{sep} {piece}"
        if book.knows_person(joined) or book.knows_group(joined):
            out[-1] = joined
        else:
            out.append(piece)
            seps.append(sep)
    return out, seps


def _performers_of(piece: str, featured: bool, book: NameBook | None) -> list[PerformerName]:
    member = _GROUP_THEN_MEMBER.match(piece)
    if member:  # "ITZY(있지) 예지", "IVE(아이브) 리즈": the group's two spellings, then the member
        group, spelled = member.group("group").strip(), member.group("spelled").strip()
        return [PerformerName(tidy(member.group("name")), "", group, spelled, featured)]
    name, groups = split_brackets(piece, keep_glued=True)
    alternate = group = group_alternate = ""
    extra: list[PerformerName] = []
    of = _OF.match(name)
    if of and not groups and script_of(of.group(2)) == "latin":  # "SUGA of BTS"
        name, group = of.group(1).strip(), of.group(2).strip()
    for content in groups:
        feat = _FEAT_NOTE.match(content)
        if feat:
            extra.extend(_performers_of(feat.group(1), True, book))
            continue
        if _MEMBER_LIST.search(content) and name:
            # "비투비 (서은광, 임현식, 육성재)": the group, then the members who sing.
            members, _ = _split_outside_brackets(content)
            return [PerformerName(tidy(m), group=name, featured=featured) for m in members] + extra
        if not name:
            name = content
        elif not alternate and _is_alternate(name, content, book):
            alternate = content
        elif not group:
            group = content
        elif not group_alternate:
            group_alternate = content
    if group and not group_alternate and _OF.match(group) is None:
        group, group_alternate = _spellings_of(group)
    if not name:
        return extra
    performer = PerformerName(tidy(name), tidy(alternate), tidy(group), group_alternate, featured)
    return [performer, *extra]


def _spellings_of(group: str) -> tuple[str, str]:
    """A group written with its own alternate spelling: "레드벨벳(Red Velvet)"."""
    outside, inner = split_brackets(group, keep_glued=True)
    if outside and len(inner) == 1 and script_of(inner[0]) != script_of(outside):
        return outside, inner[0]
    return group, ""


def _is_alternate(name: str, bracket: str, book: NameBook | None) -> bool:
    if book is not None:
        if book.knows_group(bracket):
            return False
        if book.knows_person(bracket):
            return True
    if compact(name) == compact(bracket):
        return True
    same_script = script_of(name) == script_of(bracket)
    key_a, key_b = sound_key(name), sound_key(bracket)
    if key_a and key_b and ratio(key_a, key_b) >= 75:
        return True  # "가호 (Gaho)", "크러쉬(Crush)", "Sondia (손디아)"
    if same_script:
        return False  # "웬디 (레드벨벳)", "WENDY (Red Velvet)"
    latin = bracket.strip()
    looks_like_group = (
        script_of(latin) == "latin"
        and sum(c.isalpha() for c in latin) >= 2
        and (latin.upper() == latin or latin.lower().startswith("the "))
    )
    return not looks_like_group  # "심규선 (Lucia)" is a stage name; "승관 (SEVENTEEN)" a group
