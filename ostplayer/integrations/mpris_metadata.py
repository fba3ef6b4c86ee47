"""What MPRIS says about playback, as plain values: no Qt, no D-Bus, unit-tested on its own.

The D-Bus side (:mod:`.mpris`) only wraps these values in D-Bus types. Keeping the mapping
here means the track ids, the loop status names and the metadata keys are checked without a
bus, and the same functions answer ``ostplayer now``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..domain.models import Catalog
from ..domain.queue import RepeatMode
from ..playback.base import PlayerState

BUS_NAME = "org.mpris.MediaPlayer2.ostplayer"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT_INTERFACE = "org.mpris.MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"
#: The spec's "no track" id, for when nothing is loaded.
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
#: Our own namespace under the app id: the spec reserves /org/mpris for itself.
TRACK_PREFIX = "/io/github/ostplayer/OSTPlayer/track/"
SUPPORTED_MIME_TYPES = (
    "audio/mpeg",
    "audio/flac",
    "audio/x-flac",
    "audio/ogg",
    "audio/x-vorbis+ogg",
    "audio/opus",
    "audio/mp4",
    "audio/x-m4a",
    "audio/aac",
    "audio/wav",
    "audio/x-wav",
    "audio/x-aiff",
    "audio/x-ms-wma",
    "audio/x-ape",
)

_LOOP = {RepeatMode.OFF: "None", RepeatMode.ONE: "Track", RepeatMode.ALL: "Playlist"}
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def track_id(song_id: str | None) -> str:
    """A valid D-Bus object path for a song. Object path elements allow only ``[A-Za-z0-9_]``;
    song ids hold ``-`` (and may hold anything), so every other character becomes ``_XX``
    (its UTF-8 bytes in hex) and ``_`` itself ``_5f``: the mapping is reversible."""
    if not song_id:
        return NO_TRACK
    out = []
    for ch in song_id:
        if ch in _SAFE:
            out.append(ch)
        else:
            out.extend(f"_{b:02x}" for b in ch.encode("utf-8"))
    return TRACK_PREFIX + "".join(out)


def song_id_from_track(path: str) -> str | None:
    """The song id :func:`track_id` encoded, or None for any other path."""
    if not path.startswith(TRACK_PREFIX):
        return None
    encoded = path[len(TRACK_PREFIX) :]
    raw = bytearray()
    i = 0
    while i < len(encoded):
        ch = encoded[i]
        if ch == "_":
            try:
                raw.append(int(encoded[i + 1 : i + 3], 16))
            except ValueError:
                return None
            i += 3
        elif ch in _SAFE:
            raw.extend(ch.encode())
            i += 1
        else:
            return None
    try:
        return raw.decode("utf-8") or None
    except UnicodeDecodeError:
        return None


def loop_status(mode: RepeatMode) -> str:
    return _LOOP[mode]


def repeat_mode(status: str) -> RepeatMode | None:
    """The repeat mode for an MPRIS LoopStatus, or None for a name the spec does not have."""
    for mode, name in _LOOP.items():
        if name == status:
            return mode
    return None


def playback_status(state: PlayerState) -> str:
    if state in (PlayerState.PLAYING, PlayerState.OPENING):
        return "Playing"
    if state is PlayerState.PAUSED:
        return "Paused"
    return "Stopped"


def volume_to_mpris(percent: int, muted: bool = False) -> float:
    return 0.0 if muted else max(0.0, min(1.0, percent / 100.0))


def volume_from_mpris(value: float) -> int:
    """MPRIS volumes below 0 mean 0; above 1 are allowed by the spec, but the slider stops at
    100 %, so they are held there."""
    return round(max(0.0, min(1.0, float(value))) * 100)


def file_uri(path: str | Path) -> str:
    return Path(path).absolute().as_uri()


def path_from_uri(uri: str) -> Path | None:
    """The local file a ``file://`` URI (or a plain absolute path) names; None otherwise."""
    if uri.startswith("/"):
        return Path(uri)
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(unquote(parts.path)) if parts.path else None


def build_metadata(
    catalog: Catalog,
    song_id: str | None,
    *,
    length_ms: int = 0,
    file_path: str | None = None,
    lyrics_text: str = "",
    art_path: str | Path | None = None,
) -> dict[str, object]:
    """The MPRIS ``Metadata`` map for a song (``{}`` with nothing loaded but the no-track id).

    ``mpris:trackid`` is the object path as a ``str``: the D-Bus layer gives it the ``o``
    type. ``xesam:album`` is the drama with the OST part ("Itaewon Class OST Part.2"), as a
    soundtrack album is named; ``xesam:albumArtist`` the drama's OST as a whole has none, so
    it is the song's performers too, which is what players group such albums by.
    """
    song = catalog.songs.get(song_id) if song_id else None
    if song is None:
        return {"mpris:trackid": NO_TRACK}
    meta: dict[str, object] = {"mpris:trackid": track_id(song.id), "xesam:title": song.title}
    artists = [catalog.person_name(c.person) for c in song.performers if c.person]
    artists = [a for a in artists if a]
    if artists:
        meta["xesam:artist"] = artists
        meta["xesam:albumArtist"] = artists
    drama = catalog.dramas.get(song.drama) if song.drama else None
    if drama is not None:
        album = f"{drama.title} OST"
        if song.ost_part:
            album += f" Part.{song.ost_part}"
        meta["xesam:album"] = album
        if drama.year:
            meta["xesam:contentCreated"] = f"{drama.year:04d}-01-01T00:00:00Z"
    if song.ost_order:
        meta["xesam:trackNumber"] = song.ost_order
    if length_ms > 0:
        meta["mpris:length"] = int(length_ms) * 1000
    if file_path:
        meta["xesam:url"] = file_uri(file_path)
    if art_path:
        meta["mpris:artUrl"] = file_uri(art_path)
    text = lyrics_text.strip()
    if text:
        meta["xesam:asText"] = text
    return meta
