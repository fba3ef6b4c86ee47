"""What a file's name and its folders say when its tags say little or nothing.

Names in the wild: "03. 손디아 - 어른.mp3", "1-03 어른.flac" (disc 1, track 3), "Sondia - Grown Ups
(My Mister OST).flac", "[MV] Gaho(가호) _ Start Over(시작) (Itaewon Class OST Part.2).m4a",
"Artist - Title [Official Audio].m4a", and folders like "나의 아저씨 OST", "My Mister OST/CD1" or
"[FLAC, MP3] 란 (RAN) - 인형의 집 OST Part.2 [2018.03.16]". Pure string work on the path as the
scanner found it: nothing here touches the disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from .hangul import fold
from .tag_album import AlbumMeaning, clean_text, has_ost_marker, is_noise, parse_album, tidy

__all__ = [
    "FileNameMeaning",
    "FolderMeaning",
    "folders_above",
    "is_disc_folder",
    "is_placeholder_title",
    "parse_file_name",
    "parse_folder",
]


@dataclass(frozen=True, slots=True)
class FileNameMeaning:
    """The parts of a file name, as raw text for the title and credit readers."""

    title: str = ""
    artist: str = ""
    track: int | None = None
    disc: int | None = None
    album: AlbumMeaning | None = None  # an OST label inside the name: "[나의 아저씨 OST Part.2]"
    video: bool = False  # an upload of a music video ([MV], "Official Video")


@dataclass(frozen=True, slots=True)
class FolderMeaning:
    album: AlbumMeaning
    artist: str = ""  # "란 (RAN)" in "란 (RAN) - 인형의 집 OST Part.2"


_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{1,4}$")
# "1-03 " disc and track; "03. ", "03 - ", "03_", "3) "; "03 " only zero-padded, so that a
# title that starts with a number ("24 Hours") keeps it.
_TRACK = re.compile(
    r"^(?:(?P<disc>\d{1,2})-(?P<dtrack>\d{1,3})|(?P<track>\d{1,3}))"
    r"(?P<sep>\s*[.)\]_]\s*|\s*-\s*|\s+)(?=\S)"
)
_PARTS = re.compile(r"\s+[-–—_]\s+|_-_|\s+[-–—]|[-–—]\s+")
_FLAT_BRACKET = re.compile(r"[\[(【（［]([^\[\]()【】（）［］]*)[\])】）］]")
_VIDEO = re.compile(r"\bm ?v\b|video|visuali[sz]er|lyric|가사|live", re.IGNORECASE)
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_DISC = re.compile(r"^(?:cd|disc|disk|디스크|vol)\s*\d{1,2}$")
_VARIOUS = frozenset(("various artists", "various", "va", "v a", "여러 아티스트", "omnibus"))


def parse_file_name(name: str, *, extension: bool = True) -> FileNameMeaning:
    """``parse_file_name("03. 손디아 - 어른.mp3")``: track 3, artist 손디아, title 어른.

    ``extension=False`` reads an upload's title kept in a title tag the same way ("[MV] 손디아 -
    어른 [나의 아저씨 OST Part.2]"), where a final ".Lee" is part of the text, not a suffix.
    """
    stem = clean_text(name.rsplit("/", 1)[-1] if extension else name)
    if extension:
        stem = _EXTENSION.sub("", stem)
    if " " not in stem and "_" in stem:
        stem = stem.replace("_", " ")  # "Sondia_-_Grown_Ups": spaces a downloader replaced
    stem = stem.strip()
    track = disc = None
    number = _TRACK.match(stem)
    if number and _is_track_number(number):
        if number.group("disc"):
            disc, track = int(number.group("disc")), int(number.group("dtrack"))
        else:
            track = int(number.group("track"))
        stem = stem[number.end() :]
    found: list[AlbumMeaning] = []
    video = False

    def keep(match: re.Match[str]) -> str:
        nonlocal video
        content = match.group(1).strip()
        if has_ost_marker(content):
            album = parse_album(content)
            if album.is_ost:
                found.append(album)
                return " "
        if is_noise(content) or _looks_like_video_id(content):
            video = video or bool(_VIDEO.search(content))
            return " "
        return match.group(0)

    stem = _FLAT_BRACKET.sub(keep, stem)
    parts = [tidy(p) for p in _PARTS.split(stem) if tidy(p)]
    artist = title = ""
    if len(parts) == 1:
        title = parts[0]
    elif parts:
        artist, title = parts[0], parts[-1]
        for middle in parts[1:-1]:
            if middle.isdigit() and track is None:
                track = int(middle)
            elif has_ost_marker(middle):
                found.append(parse_album(middle))
    return FileNameMeaning(
        title=title,
        artist=artist,
        track=track,
        disc=disc,
        album=found[0] if found else None,
        video=video,
    )


def _is_track_number(match: re.Match[str]) -> bool:
    if match.group("disc"):
        return True
    digits, separator = match.group("track"), match.group("sep")
    return bool(separator.strip()) or (len(digits) >= 2 and digits.startswith("0"))


def _looks_like_video_id(content: str) -> bool:
    """A downloader's "[dQw4w9WgXcQ]": eleven characters mixing case, digits or dashes."""
    if not _YOUTUBE_ID.fullmatch(content) or content.isdigit():
        return False
    mixed_case = content not in (content.lower(), content.upper()) and not content.istitle()
    return mixed_case or any(c.isdigit() or c in "-_" for c in content)


def is_placeholder_title(title: str) -> bool:
    """A name a recorder or ripper made up, which says nothing about the song: "rec_0031",
    "Track 03", "New Recording 2", "01", "Unknown", or "????" (a tagger that lost the Hangul)."""
    return bool(_PLACEHOLDER.match(fold(title))) or not any(ch.isalnum() for ch in title)


_PLACEHOLDER = re.compile(
    r"^(?:(?:rec|recording|new recording|voice|audio|track|sound|untitled|unknown|trk|녹음|트랙"
    r"|음성|제목 없음|audiotrack|dsc|mvi|img|vid|file)\s*\d*|\d+|[0-9a-f]{8,})$"
)


def is_disc_folder(name: str) -> bool:
    """ "CD1", "Disc 2", "디스크 1": a folder that says nothing about the album."""
    return bool(_DISC.match(fold(name)))


@lru_cache(maxsize=1 << 12)  # the same folder names recur along many paths
def parse_folder(name: str) -> FolderMeaning | None:
    """The soundtrack a folder is named after, or None ("Music", "CD1", "The Red")."""
    text = clean_text(name).strip()
    if not text or is_disc_folder(text):
        return None
    text = tidy(_FLAT_BRACKET.sub(lambda m: " " if is_noise(m.group(1)) else m.group(0), text))
    artist = ""
    parts = _PARTS.split(text, maxsplit=1)
    if len(parts) == 2 and has_ost_marker(parts[1]) and not has_ost_marker(parts[0]):
        artist, text = tidy(parts[0]), parts[1]
        if fold(artist) in _VARIOUS:
            artist = ""
    album = parse_album(text)
    if not album.is_ost:
        return None
    return FolderMeaning(album=album, artist=artist)


def folders_above(path: str, levels: int = 3) -> list[str]:
    """The names of the folders holding a file, nearest first, disc folders passed over."""
    names = []
    for parent in PurePath(path).parents:
        if not parent.name:
            break
        if is_disc_folder(parent.name):
            continue
        names.append(parent.name)
        if len(names) == levels:
            break
    return names
