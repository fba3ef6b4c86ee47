"""Read what one audio file says about itself: ``read_track(path)``.

Formats: MP3 (ID3v1, ID3v2.2/2.3/2.4, APEv2 at the end), FLAC, Ogg Vorbis, Opus, Ogg FLAC,
Speex, MP4/M4A, WAV (ID3 chunk and RIFF INFO), AIFF, Monkey's Audio (APE), WavPack, Musepack,
ADTS AAC and WMA/ASF.

Conventions the rest of the app relies on:

* Several values of one field (ID3v2.4's NUL-separated artists, repeated Vorbis ``ARTIST``
  comments, MP4 lists) are joined with ``"; "``, so they can be split again; a single value is
  kept exactly as tagged ("손디아(Sondia)", "A, B & C").
* Text is NFC (macOS writes NFD); CP949 or UTF-8 bytes declared Latin-1 come back as what they
  were, with a warning naming the repair.
* Nothing raises: a file that cannot be used is an ``UnreadableFile`` with a short reason.
"""

from __future__ import annotations

from ostplayer.domain.track_facts import TrackFacts, UnreadableFile
from ostplayer.media.audio_open import OpenedAudio, open_audio
from ostplayer.media.tag_fields import collect_fields
from ostplayer.media.tag_values import TextCleaner

__all__ = ["read_track"]


def read_track(path: str) -> TrackFacts | UnreadableFile:
    """The tags and stream facts of ``path``, or why it cannot be read. Never raises."""
    try:
        opened = open_audio(path)
        if isinstance(opened, UnreadableFile):
            return opened
        return _facts(opened)
    except Exception as exc:  # a bug or a mutagen corner case must cost one file, not a scan
        return UnreadableFile(path, f"could not be read ({type(exc).__name__})")


def _facts(opened: OpenedAudio) -> TrackFacts:
    clean = TextCleaner()
    fields = collect_fields(opened, clean)
    values = fields.values
    length = getattr(opened.audio.info, "length", 0) or 0
    return TrackFacts(
        path=opened.path,
        size=opened.size,
        mtime_ns=opened.mtime_ns,
        format=opened.format,
        title=values.get("title", ""),
        artist=values.get("artist", ""),
        album=values.get("album", ""),
        album_artist=values.get("album_artist", ""),
        track_number=values.get("track_number"),
        disc_number=values.get("disc_number"),
        year=values.get("year"),
        genre=values.get("genre", ""),
        duration_ms=round(length * 1000) if length > 0 else None,
        musicbrainz_recording_id=values.get("musicbrainz_recording_id", ""),
        musicbrainz_release_id=values.get("musicbrainz_release_id", ""),
        has_lyrics=fields.has_lyrics,
        has_cover=fields.has_cover,
        tag_kinds=tuple(fields.kinds),
        warnings=(*opened.warnings, *sorted(clean.repairs)),
    )
