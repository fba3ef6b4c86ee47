"""How the files of a music folder are tagged in the wild, one branch per style.

Used by ``generate_music_folder.py``: each song's fields are written the way one of the taggers
that real collections come from would have written them for that format: ID3v2.4 UTF-8, ID3v2.3
UTF-16, ID3v2.3 with CP949 bytes declared Latin-1, ID3v1 only, ID3v2.3 plus APEv2 (foobar2000),
ID3v2.2 (old iTunes); Vorbis comments in lower or upper case; MP4 atoms with Picard's ids; ASF;
RIFF INFO in CP949 (Korean Windows); NFD text (macOS).
"""

from __future__ import annotations

import importlib.util
import random
import sys
import unicodedata
from pathlib import Path
from typing import Any

__all__ = ["tag_as_found", "track_pair"]


def _audio_files() -> Any:
    # tests/ is not a package: load the shared tag writers by path, once per process.
    name = "ostplayer_tests_audio_files"
    if name not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "tests" / "audio_files.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


af = _audio_files()

# The generator's field names as each tag kind spells them.
# fmt: off
VORBIS_NAMES = {
    "title": "title", "artist": "artist", "album": "album", "album_artist": "albumartist",
    "track": "tracknumber", "disc": "discnumber", "year": "date", "genre": "genre",
}
MP4_NAMES = {
    "title": "©nam", "artist": "©ART", "album": "©alb", "album_artist": "aART", "genre": "©gen",
}
ASF_NAMES = {
    "title": "Title", "artist": "Author", "album": "WM/AlbumTitle", "album_artist": "WM/AlbumArtist",
    "track": "WM/TrackNumber", "year": "WM/Year", "genre": "WM/Genre",
}
ID3_NAMES = ("title", "artist", "album", "album_artist", "track", "disc", "year", "genre")
# fmt: on


def tag_as_found(
    path: Path, fmt: str, fields: dict[str, Any], rng: random.Random, cover: bytes | None
) -> None:
    """Tag ``path`` (of container ``fmt``) in one of the styles real files of that format have."""
    if rng.random() < 0.05:  # tagged on a Mac: decomposed Hangul
        fields = {
            k: unicodedata.normalize("NFD", v) if isinstance(v, str) else v
            for k, v in fields.items()
        }
    if fmt == "mp3":
        _tag_mp3(path, fields, rng, cover)
    elif fmt in ("flac", "ogg", "opus"):
        upper = rng.random() < 0.3
        pairs = [(k.upper() if upper else k, str(v)) for k, v in _vorbis_fields(fields)]
        af.tag_vorbis(path, pairs, cover=cover)
    elif fmt == "m4a":
        af.tag_mp4(path, _mp4_fields(fields, rng), cover=cover)
    elif fmt == "wma":
        af.tag_asf(path, {ASF_NAMES[k]: str(v) for k, v in fields.items() if k in ASF_NAMES}, cover)
    elif fmt == "ape":
        af.tag_apev2(path, {k.title(): str(v) for k, v in fields.items()}, cover=cover)
    elif fmt == "wav" and rng.random() < 0.5:
        info = {"INAM": "title", "IART": "artist", "IPRD": "album"}
        raw = {key: _cp949(str(fields.get(name, ""))) for key, name in info.items()}
        af.add_riff_info(path, raw)
    else:  # wav and aiff: an ID3 chunk
        af.tag_id3(path, _id3_fields(fields), version=3, encoding=1)


def _tag_mp3(path: Path, fields: dict[str, Any], rng: random.Random, cover: bytes | None) -> None:
    style = rng.random()
    id3_fields = _id3_fields(fields)
    if style < 0.45:
        af.tag_id3(path, id3_fields, cover=cover)
    elif style < 0.65:
        af.tag_id3(path, id3_fields, version=3, encoding=1, cover=cover)
    elif style < 0.77:  # an old Korean tagger: CP949 bytes in Latin-1 frames
        legacy = {k: _cp949(str(v)).decode("latin-1") for k, v in id3_fields.items()}
        af.tag_id3(path, legacy, version=3, encoding=0, cover=cover)
    elif style < 0.84:  # ID3v1 only
        af.append_id3v1(
            path,
            title=_cp949(fields.get("title", "")),
            artist=_cp949(fields.get("artist", "")),
            album=_cp949(fields.get("album", "")),
            year=str(fields.get("year", "")).encode(),
            track=track_pair(fields.get("track", "0"))[0],
            genre=24,
        )
    elif style < 0.92:  # foobar2000: ID3v2.3 and APEv2
        af.tag_id3(path, id3_fields, version=3, encoding=1)
        ape = {"Title": fields.get("title", ""), "Artist": fields.get("artist", "")}
        af.tag_apev2(path, {k: str(v) for k, v in ape.items()})
    else:  # iTunes before 2004: ID3v2.2
        frames = {"TT2": "title", "TP1": "artist", "TAL": "album"}
        texts = {frame: str(fields[name]) for frame, name in frames.items() if fields.get(name)}
        af.prepend_id3v22(path, texts, picture=cover)


def track_pair(value: object) -> tuple[int, int]:
    """(3, 12) from the generator's own "3", "03", "3/12" or "1-03"."""
    number, _, total = str(value).partition("/")
    return int(number.split("-")[-1]), int(total or 0)


def _cp949(text: str) -> bytes:
    return text.encode("cp949", "replace")


def _id3_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k in ID3_NAMES}


def _vorbis_fields(fields: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(VORBIS_NAMES[k], v) for k, v in fields.items() if k in VORBIS_NAMES]


def _mp4_fields(fields: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    items: dict[str, Any] = {MP4_NAMES[k]: str(v) for k, v in fields.items() if k in MP4_NAMES}
    if "track" in fields:
        items["trkn"] = [track_pair(fields["track"])]
    if "year" in fields:
        items["©day"] = str(fields["year"])
    if rng.random() < 0.3:  # tagged by Picard
        items["----:com.apple.iTunes:MusicBrainz Track Id"] = f"{rng.getrandbits(128):032x}"
        items["----:com.apple.iTunes:MusicBrainz Album Id"] = f"{rng.getrandbits(128):032x}"
    return items
