"""The fields the app uses, taken from each kind of tag mutagen loads.

A file may carry several tags (ID3v2 and ID3v1 and APEv2 on one MP3, ID3 and RIFF INFO on a
WAV); the richest one is read first and the others only fill what it left empty. Keys follow
what Picard, foobar2000, Mp3tag, iTunes and Windows Media Player write, in the case they write
them (Vorbis and APEv2 keys are matched case-insensitively, as those formats define).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mutagen.apev2 import TEXT as APE_TEXT
from mutagen.id3 import ID3
from mutagen.mp4 import MP4Tags

from ostplayer.media.audio_open import OpenedAudio
from ostplayer.media.tag_values import TextCleaner, parse_disc, parse_track, parse_year

__all__ = ["Fields", "collect_fields"]

_TEXT_FIELDS = ("title", "artist", "album", "album_artist", "genre")
_MB_UFID_OWNER = "http://musicbrainz.org"
_LYRIC_KEYS = ("lyrics", "unsyncedlyrics", "unsynced lyrics", "unsynced_lyrics", "syncedlyrics")


@dataclass(slots=True)
class Fields:
    values: dict[str, Any] = field(default_factory=dict)
    kinds: list[str] = field(default_factory=list)
    has_lyrics: bool = False
    has_cover: bool = False

    def offer(self, name: str, value: Any) -> None:
        if value not in (None, "") and name not in self.values:
            self.values[name] = value

    def offer_track(self, raw: Any) -> None:
        track, disc = parse_track(raw)
        self.offer("track_number", track)
        self.offer("disc_number", disc)


def collect_fields(opened: OpenedAudio, clean: TextCleaner) -> Fields:
    fields = Fields()
    tags = opened.audio.tags
    if isinstance(tags, ID3):
        _from_id3(tags, fields, clean)
    elif isinstance(tags, MP4Tags):
        _from_mp4(tags, fields, clean)
    elif opened.kind == "asf" and tags is not None:
        _from_asf(tags, fields, clean)
    elif opened.kind in ("ape", "wavpack", "musepack") and tags is not None:
        _from_ape(tags, fields, clean)
    elif tags is not None:
        _from_vorbis(tags, fields, clean)
    if opened.apev2 is not None:
        _from_ape(opened.apev2, fields, clean)
    if opened.id3v1:
        _from_id3v1(opened.id3v1, fields, clean)
    if opened.riff_info:
        _from_riff_info(opened.riff_info, fields, clean)
    if getattr(opened.audio, "pictures", None):  # FLAC PICTURE blocks
        fields.has_cover = True
    return fields


def _offer_texts(
    fields: Fields, clean: TextCleaner, get: Callable[[str], list[Any]], keys: dict[str, tuple]
) -> None:
    for name, candidates in keys.items():
        for key in candidates:
            text = clean.joined(get(key))
            if text:
                fields.offer(name, text)
                break


def _from_id3(tags: ID3, fields: Fields, clean: TextCleaner) -> None:
    fields.kinds.append(f"ID3v2.{tags.version[1]}")
    for frame_id, name in (
        ("TIT2", "title"),
        ("TPE1", "artist"),
        ("TALB", "album"),
        ("TPE2", "album_artist"),
    ):
        fields.offer(name, clean.joined(t for f in tags.getall(frame_id) for t in f.text))
    fields.offer("genre", clean.joined(g for f in tags.getall("TCON") for g in f.genres))
    for frame in tags.getall("TRCK")[:1]:
        fields.offer_track(frame.text[0] if frame.text else "")
    for frame in tags.getall("TPOS")[:1]:
        fields.offer("disc_number", parse_disc(frame.text[0] if frame.text else ""))
    for frame_id in ("TDRC", "TDRL", "TDOR", "TYER", "TORY"):
        for frame in tags.getall(frame_id):
            fields.offer("year", parse_year(frame.text[0] if frame.text else ""))
    fields.has_lyrics = any(f.text.strip() for f in tags.getall("USLT")) or any(
        f.text for f in tags.getall("SYLT")
    )
    fields.has_cover = bool(tags.getall("APIC"))
    for ufid in tags.getall("UFID"):
        if ufid.owner == _MB_UFID_OWNER:
            fields.offer("musicbrainz_recording_id", clean.text(ufid.data))
    for txxx in tags.getall("TXXX"):
        desc = txxx.desc.strip().lower()
        value = clean.joined(txxx.text)
        if desc in ("musicbrainz album id", "musicbrainz_albumid"):
            fields.offer("musicbrainz_release_id", value)
        elif desc in ("musicbrainz track id", "musicbrainz_trackid"):
            # Not Picard's mapping (that is the UFID above), but what some tools write.
            fields.offer("musicbrainz_recording_id", value)
        elif desc in _LYRIC_KEYS and value:
            fields.has_lyrics = True


def _from_id3v1(frames: dict[str, Any], fields: Fields, clean: TextCleaner) -> None:
    fields.kinds.append("ID3v1")

    def first(frame_id: str) -> str:
        frame = frames.get(frame_id)
        # ID3v1 fields are cut at 30 bytes, often in the middle of a CP949 character.
        return clean.text(frame.text[0], cut=True) if frame is not None and frame.text else ""

    fields.offer("title", first("TIT2"))
    fields.offer("artist", first("TPE1"))
    fields.offer("album", first("TALB"))
    fields.offer("year", parse_year(first("TDRC")))
    fields.offer_track(first("TRCK"))
    genre = frames.get("TCON")
    if genre is not None:
        fields.offer("genre", clean.joined(genre.genres))


def _lower_keyed(pairs: Iterable[tuple[str, Any]]) -> dict[str, list[Any]]:
    by_key: dict[str, list[Any]] = {}
    for key, value in pairs:
        by_key.setdefault(key.lower(), []).append(value)
    return by_key


@dataclass(frozen=True, slots=True)
class _Keys:
    """Where one tag kind keeps each field, best key first."""

    texts: dict[str, tuple[str, ...]]
    track: tuple[str, ...] = ()
    disc: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    lyrics: tuple[str, ...] = ()
    recording: tuple[str, ...] = ()
    release: tuple[str, ...] = ()


def _offer_keyed(
    fields: Fields, clean: TextCleaner, get: Callable[[str], list[Any]], keys: _Keys
) -> None:
    _offer_texts(fields, clean, get, keys.texts)
    for key in keys.track:
        for value in get(key)[:1]:
            fields.offer_track(value)
    for key in keys.disc:
        for value in get(key)[:1]:
            fields.offer("disc_number", parse_disc(value))
    for key in keys.year:
        for value in get(key)[:1]:
            fields.offer("year", parse_year(value))
    if any(str(value).strip() for key in keys.lyrics for value in get(key)):
        fields.has_lyrics = True
    for name, candidates in (
        ("musicbrainz_recording_id", keys.recording),
        ("musicbrainz_release_id", keys.release),
    ):
        for key in candidates:
            for value in get(key)[:1]:
                fields.offer(name, clean.text(value))


_VORBIS = _Keys(
    texts={
        "title": ("title",),
        "artist": ("artist", "artists", "performer"),
        "album": ("album",),
        "album_artist": ("albumartist", "album artist", "album_artist", "ensemble"),
        "genre": ("genre",),
    },
    track=("tracknumber", "track"),
    disc=("discnumber", "disc"),
    year=("date", "year", "originaldate", "originalyear"),
    lyrics=_LYRIC_KEYS,
    recording=("musicbrainz_trackid",),
    release=("musicbrainz_albumid",),
)


def _from_vorbis(tags: Any, fields: Fields, clean: TextCleaner) -> None:
    fields.kinds.append("Vorbis")
    by_key = _lower_keyed(tags)
    _offer_keyed(fields, clean, lambda key: by_key.get(key, []), _VORBIS)
    if by_key.get("metadata_block_picture") or by_key.get("coverart"):
        fields.has_cover = True


_ITUNES = "----:com.apple.iTunes:"
_MP4 = _Keys(
    texts={
        "title": ("©nam",),
        "artist": ("©ART",),
        "album": ("©alb",),
        "album_artist": ("aART",),
        "genre": ("©gen",),
    },
    track=("trkn",),
    disc=("disk",),
    year=("©day",),
    lyrics=("©lyr",),
    recording=(_ITUNES + "MusicBrainz Track Id",),
    release=(_ITUNES + "MusicBrainz Album Id",),
)


def _from_mp4(tags: MP4Tags, fields: Fields, clean: TextCleaner) -> None:
    fields.kinds.append("MP4")
    _offer_keyed(fields, clean, lambda key: tags.get(key, []), _MP4)
    fields.has_cover = bool(tags.get("covr"))


_APE = _Keys(
    texts={
        "title": ("title",),
        "artist": ("artist",),
        "album": ("album",),
        "album_artist": ("album artist", "albumartist", "album_artist"),
        "genre": ("genre",),
    },
    track=("track", "tracknumber"),
    disc=("disc", "discnumber"),
    year=("year", "date", "originalyear"),
    lyrics=("lyrics",),
    recording=("musicbrainz_trackid",),
    release=("musicbrainz_albumid",),
)


def _from_ape(tags: Any, fields: Fields, clean: TextCleaner) -> None:
    fields.kinds.append("APEv2")
    texts: dict[str, list[str]] = {}
    for key, value in tags.items():
        lowered = key.lower()
        if value.kind == APE_TEXT:
            texts[lowered] = list(value)
        elif lowered.startswith("cover art"):
            fields.has_cover = True
    _offer_keyed(fields, clean, lambda key: texts.get(key, []), _APE)


_ASF = _Keys(
    texts={
        "title": ("Title",),
        "artist": ("Author", "WM/ARTISTS"),
        "album": ("WM/AlbumTitle",),
        "album_artist": ("WM/AlbumArtist",),
        "genre": ("WM/Genre",),
    },
    track=("WM/TrackNumber",),
    disc=("WM/PartOfSet",),
    year=("WM/Year",),
    lyrics=("WM/Lyrics",),
    recording=("MusicBrainz/Track Id",),
    release=("MusicBrainz/Album Id",),
)


def _from_asf(tags: Any, fields: Fields, clean: TextCleaner) -> None:
    fields.kinds.append("ASF")
    by_key: dict[str, list[Any]] = {}
    for key, attribute in tags:
        by_key.setdefault(key, []).append(attribute.value)
    _offer_keyed(fields, clean, lambda key: by_key.get(key, []), _ASF)
    for value in by_key.get("WM/Track", [])[:1]:
        text = str(value).strip()
        if text.isdigit():  # the old attribute counts from zero
            fields.offer("track_number", int(text) + 1)
    fields.has_cover = bool(by_key.get("WM/Picture"))


_RIFF_KEYS = {"INAM": "title", "IART": "artist", "IPRD": "album", "IGNR": "genre"}


def _from_riff_info(info: dict[str, bytes], fields: Fields, clean: TextCleaner) -> None:
    texts = {key: _riff_text(raw) for key, raw in info.items()}
    if not any(texts.get(key) for key in (*_RIFF_KEYS, "ICRD", "ITRK", "IPRT")):
        return
    fields.kinds.append("RIFF INFO")
    for key, name in _RIFF_KEYS.items():
        fields.offer(name, clean.text(texts.get(key, "")))
    fields.offer("year", parse_year(texts.get("ICRD", "")))
    for key in ("ITRK", "IPRT"):
        if texts.get(key):
            fields.offer_track(texts[key])


def _riff_text(raw: bytes) -> str:
    # RIFF INFO has no declared encoding: tools write UTF-8 or the Windows code page (CP949
    # on Korean Windows). Latin-1 keeps every byte, for the cleaner's CP949 repair.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
