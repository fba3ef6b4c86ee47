"""Real audio files for tests and benchmarks: encoded by ffmpeg, tagged the way taggers do.

Encoding is the slow part (~0.1 s per clip), so each distinct clip (format, length, sound) is
encoded once per test session and copied byte for byte wherever a test needs a file; tagging a
copy with mutagen takes a millisecond. ``AudioMaker.for_session`` keeps one maker per pytest
session in the config's stash, so every test module shares the same clips. A test module names
this file in ``pytest_plugins`` and asks for the :func:`audio` fixture. (PYTEST_DONT_REWRITE:
test modules import these helpers before pytest loads the file as their plugin, too late to
rewrite its asserts; saying so spares every run a warning, and the asserts stay plain.)

The tag writers reproduce what is found in real collections rather than what mutagen writes
by default: ID3v2.3 frames declared Latin-1 holding CP949 bytes (old Korean Windows taggers),
ID3v1 with CP949, hand-built ID3v2.2 (iTunes before 2004; mutagen cannot write it), APEv2 on
MP3 (foobar2000, Mp3tag), lower-case Vorbis keys, MP4 freeform atoms (Picard), ASF attributes
(Windows Media Player), RIFF INFO in CP949 (Korean Windows Explorer), and a minimal Monkey's
Audio file (ffmpeg cannot encode APE: the header is enough for tag reading).

Also loaded by path from ``benchmarks/generate_music_folder.py``.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from mutagen import id3
from mutagen.aac import AAC
from mutagen.apev2 import BINARY as APE_BINARY
from mutagen.apev2 import APEv2, APEValue
from mutagen.asf import ASF, ASFByteArrayAttribute
from mutagen.flac import FLAC, Picture
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm

from ostplayer.domain.track_facts import TrackFacts, UnreadableFile
from ostplayer.media.tags import read_track

# ffmpeg arguments per container; bitexact so no encoder tag is written behind our back.
CODECS: dict[str, list[str]] = {
    "mp3": ["-c:a", "libmp3lame", "-b:a", "96k", "-id3v2_version", "0", "-write_id3v1", "0"],
    "flac": ["-c:a", "flac"],
    "ogg": ["-c:a", "libvorbis", "-q:a", "1"],
    "opus": ["-c:a", "libopus", "-b:a", "48k", "-ar", "48000"],
    "m4a": ["-c:a", "aac", "-b:a", "96k"],
    "wav": ["-c:a", "pcm_s16le"],
    "aiff": ["-c:a", "pcm_s16be"],
    "wma": ["-c:a", "wmav2", "-b:a", "64k"],
    "aac": ["-c:a", "aac", "-b:a", "96k", "-f", "adts"],  # a raw stream, as radio rippers save
}
FORMATS = tuple(CODECS)


def ffmpeg_available() -> bool:
    return shutil.which("ffmpeg") is not None


def sound_source(sound: int, seconds: float) -> str:
    """An ffmpeg lavfi graph for a distinct "recording": filtered noise, a gliding tone and a
    tremolo, all varied by ``sound``. Different sounds give unrelated fingerprints."""
    tone = 180 + 70 * (sound % 9)
    glide = 40 + 15 * (sound % 5)
    return (
        f"anoisesrc=d={seconds}:c=pink:seed={sound + 1}:a=0.25,"
        f"lowpass=f={1500 + 400 * (sound % 4)}[n];"
        f"aevalsrc=0.3*sin(2*PI*({tone}+{glide}*sin({0.3 + 0.2 * (sound % 3)}*t))*t):"
        f"d={seconds}:s=44100[t];"
        f"[n][t]amix=inputs=2,tremolo=f={1 + sound % 6}:d=0.6"
    )


def encode(dest: Path, fmt: str, seconds: float = 1.0, sound: int = 0) -> Path:
    command = ["ffmpeg", "-v", "error", "-nostdin", "-y", "-filter_complex"]
    command += [sound_source(sound, seconds), "-ac", "2", "-ar", "44100", "-map_metadata", "-1"]
    command += ["-fflags", "+bitexact", "-flags:a", "+bitexact", *CODECS[fmt], str(dest)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return dest


def encode_image(dest: Path, size: int = 64, color: str = "red") -> Path:
    """A real JPEG or PNG (by ``dest``'s extension), with noise so it compresses like a photo."""
    source = f"color=c={color}:s={size}x{size},noise=alls=60:allf=t"
    command = ["ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", source]
    command += ["-frames:v", "1", str(dest)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return dest


def encode_video(dest: Path, seconds: float = 1.0) -> Path:
    """A tiny MP4 music video: MPEG-4 video and AAC audio."""
    command = ["ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi"]
    command += ["-i", f"testsrc=s=32x32:d={seconds}", "-f", "lavfi", "-i", f"sine=d={seconds}"]
    command += ["-c:v", "mpeg4", "-c:a", "aac", "-shortest", str(dest)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return dest


class AudioMaker:
    """Encodes each distinct clip once and hands out copies."""

    def __init__(self, workdir: Path) -> None:
        self._dir = Path(workdir)
        self._dir.mkdir(parents=True, exist_ok=True)
        self._clips: dict[tuple[str, float, int], Path] = {}
        self._images: dict[tuple[str, int, str], bytes] = {}

    @classmethod
    def for_session(cls, config: pytest.Config, tmp_path_factory: Any) -> AudioMaker:
        if SESSION_KEY not in config.stash:
            config.stash[SESSION_KEY] = cls(tmp_path_factory.mktemp("audio-clips"))
        return config.stash[SESSION_KEY]

    def clip(self, fmt: str, seconds: float = 1.0, sound: int = 0) -> Path:
        key = (fmt, seconds, sound)
        if key not in self._clips:
            name = f"clip-{sound}-{seconds:g}s.{fmt}"
            self._clips[key] = encode(self._dir / name, fmt, seconds, sound)
        return self._clips[key]

    def make(self, dest: Path, fmt: str, seconds: float = 1.0, sound: int = 0) -> Path:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.clip(fmt, seconds, sound), dest)
        return dest

    def image(self, ext: str = "jpg", size: int = 64, color: str = "red") -> bytes:
        key = (ext, size, color)
        if key not in self._images:
            with tempfile.TemporaryDirectory(dir=self._dir) as tmp:
                path = encode_image(Path(tmp) / f"image.{ext}", size, color)
                self._images[key] = path.read_bytes()
        return self._images[key]


SESSION_KEY = pytest.StashKey[AudioMaker]()


@pytest.fixture
def audio(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AudioMaker:
    """The session's maker; skips the test without ffmpeg."""
    if not ffmpeg_available():
        pytest.skip("ffmpeg is needed to make real audio files")
    return AudioMaker.for_session(request.config, tmp_path_factory)


# Spelled out rather than imported from ostplayer.media: the words are what the user reads.
CP949_WARNING = "tags repaired from CP949 (Korean) stored as Latin-1"


def read_facts(path: Path) -> TrackFacts:
    """``read_track(path)``, which must have succeeded."""
    result = read_track(str(path))
    assert isinstance(result, TrackFacts), result
    return result


def read_reason(path: Path | str) -> str:
    """Why ``read_track(path)`` refused the file (it must have)."""
    result = read_track(str(path))
    assert isinstance(result, UnreadableFile), result
    return result.reason


# --- text as old taggers stored it ------------------------------------------------------------


def cp949_as_latin1(text: str) -> str:
    """What mutagen reads from a Latin-1 frame that holds ``text``'s CP949 bytes."""
    return text.encode("cp949").decode("latin-1")


def utf8_as_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


# --- ID3 -------------------------------------------------------------------------------------

_ID3_TEXT = {
    "title": id3.TIT2,
    "artist": id3.TPE1,
    "album": id3.TALB,
    "album_artist": id3.TPE2,
    "track": id3.TRCK,
    "disc": id3.TPOS,
    "year": id3.TDRC,
    "genre": id3.TCON,
}


def tag_id3(
    path: Path,
    fields: dict[str, Any],
    *,
    version: int = 4,
    encoding: int = 3,
    cover: bytes | None = None,
    cover_type: int = 3,
    lyrics: str | None = None,
    mb_recording: str = "",
    mb_release: str = "",
    v1: bool = False,
) -> Path:
    """Write an ID3v2.3/2.4 tag (``encoding`` 0 = Latin-1, 1 = UTF-16, 3 = UTF-8); list values
    become multi-valued frames. For WAV and AIFF the tag goes into the file's ID3 chunk."""
    import mutagen

    audio = mutagen.File(path)
    standalone = isinstance(audio, AAC)  # mutagen's ADTS class cannot hold tags itself
    if standalone:
        tags = id3.ID3()
    else:
        if audio.tags is None:
            audio.add_tags()
        tags = audio.tags
    for name, value in fields.items():
        values = value if isinstance(value, list) else [str(value)]
        if name == "year" and version == 3:
            tags.add(id3.TYER(encoding=encoding, text=values))
        else:
            tags.add(_ID3_TEXT[name](encoding=encoding, text=values))
    if cover is not None:
        mime = "image/png" if cover.startswith(b"\x89PNG") else "image/jpeg"
        tags.add(id3.APIC(encoding=0, mime=mime, type=cover_type, desc="", data=cover))
    if lyrics is not None:
        tags.add(id3.USLT(encoding=encoding, lang="kor", desc="", text=lyrics))
    if mb_recording:
        tags.add(id3.UFID(owner="http://musicbrainz.org", data=mb_recording.encode()))
    if mb_release:
        tags.add(id3.TXXX(encoding=encoding, desc="MusicBrainz Album Id", text=[mb_release]))
    options: dict[str, Any] = {"v2_version": version}
    if version == 3:
        options["v23_sep"] = None  # keep multiple values NUL-separated, as foobar2000 does
    if type(tags) is id3.ID3 and not standalone:  # MP3; WAV and AIFF chunks take no ID3v1
        options["v1"] = 2 if v1 else 0
    if standalone:
        tags.save(path, **options)
    else:
        audio.save(**options)
    return path


def append_id3v1(
    path: Path,
    title: bytes = b"",
    artist: bytes = b"",
    album: bytes = b"",
    year: bytes = b"",
    track: int = 0,
    genre: int = 255,
) -> Path:
    """Append a raw ID3v1.1 tag: fixed 30-byte fields, any bytes (CP949 from old taggers)."""

    def field(raw: bytes, size: int) -> bytes:
        return raw[:size].ljust(size, b"\x00")

    comment = field(b"", 28) + b"\x00" + bytes([track])
    tag = b"TAG" + field(title, 30) + field(artist, 30) + field(album, 30) + field(year, 4)
    with open(path, "ab") as fh:
        fh.write(tag + comment + bytes([genre]))
    return path


def prepend_id3v22(path: Path, frames: dict[str, str], picture: bytes | None = None) -> Path:
    """Put an ID3v2.2 tag (three-letter frames, UTF-16 text) in front of an MP3."""
    body = b""
    for frame_id, text in frames.items():
        data = b"\x01" + text.encode("utf-16")  # with BOM
        body += frame_id.encode("ascii") + len(data).to_bytes(3, "big") + data
    if picture is not None:
        data = b"\x00JPG\x03\x00" + picture
        body += b"PIC" + len(data).to_bytes(3, "big") + data
    size = len(body)
    syncsafe = bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    audio = path.read_bytes()
    path.write_bytes(b"ID3\x02\x00\x00" + syncsafe + body + audio)
    return path


# --- Vorbis comments (FLAC, Ogg Vorbis, Opus) -------------------------------------------------


def tag_vorbis(
    path: Path,
    pairs: list[tuple[str, str]],
    *,
    cover: bytes | None = None,
    cover_type: int = 3,
) -> Path:
    """Comments exactly as given (key case included); the cover as a FLAC PICTURE block, or
    as METADATA_BLOCK_PICTURE in Ogg."""
    import base64

    import mutagen

    audio = mutagen.File(path)
    if audio.tags is None:
        audio.add_tags()
    for key, value in pairs:
        audio.tags.append((key, value))
    if cover is not None:
        picture = Picture()
        picture.type = cover_type
        picture.mime = "image/png" if cover.startswith(b"\x89PNG") else "image/jpeg"
        picture.data = cover
        if isinstance(audio, FLAC):
            audio.add_picture(picture)
        else:
            encoded = base64.b64encode(picture.write()).decode("ascii")
            audio.tags.append(("METADATA_BLOCK_PICTURE", encoded))
    audio.save()
    return path


# --- MP4, ASF, APEv2 --------------------------------------------------------------------------


def tag_mp4(path: Path, items: dict[str, Any], cover: bytes | None = None) -> Path:
    """``items`` with MP4 keys ("©nam", "trkn": [(3, 12)]); "----:" freeform values as str."""
    audio = MP4(path)
    if audio.tags is None:
        audio.add_tags()
    for key, value in items.items():
        if key.startswith("----:"):
            audio.tags[key] = [MP4FreeForm(str(value).encode("utf-8"))]
        else:
            audio.tags[key] = value if isinstance(value, list) else [value]
    if cover is not None:
        kind = MP4Cover.FORMAT_PNG if cover.startswith(b"\x89PNG") else MP4Cover.FORMAT_JPEG
        audio.tags["covr"] = [MP4Cover(cover, imageformat=kind)]
    audio.save()
    return path


def asf_picture(image: bytes, picture_type: int = 3, mime: str = "image/jpeg") -> bytes:
    """The WM/Picture attribute layout Windows Media Player writes."""
    header = bytes([picture_type]) + struct.pack("<I", len(image))
    return header + mime.encode("utf-16-le") + b"\x00\x00" + b"\x00\x00" + image


def tag_asf(path: Path, items: dict[str, Any], cover: bytes | None = None) -> Path:
    audio = ASF(path)
    for key, value in items.items():
        audio.tags[key] = value if isinstance(value, list) else [value]
    if cover is not None:
        audio.tags["WM/Picture"] = [ASFByteArrayAttribute(asf_picture(cover))]
    audio.save()
    return path


def tag_apev2(path: Path, items: dict[str, str | list[str]], cover: bytes | None = None) -> Path:
    """Append (or update) an APEv2 tag at the end of the file, as foobar2000 does on MP3."""
    try:
        tag = APEv2(path)
    except Exception:
        tag = APEv2()
    for key, value in items.items():
        tag[key] = value
    if cover is not None:
        tag["Cover Art (Front)"] = APEValue(b"cover.jpg\x00" + cover, APE_BINARY)
    tag.save(path)
    return path


def make_monkeys_audio(path: Path, seconds: float = 1.0, sample_rate: int = 44100) -> Path:
    """A Monkey's Audio (3.99) header with no audio frames: what a tag reader parses."""
    blocks_per_frame = 73728
    total_blocks = int(seconds * sample_rate)
    total_frames = max(1, -(-total_blocks // blocks_per_frame))
    final_blocks = total_blocks - (total_frames - 1) * blocks_per_frame
    descriptor = b"MAC " + struct.pack("<HH", 3990, 0)
    descriptor += struct.pack("<7I", 52, 24, 0, 0, 0, 0, 0) + b"\x00" * 16
    header = struct.pack(
        "<HHIIIHHI", 2000, 0, blocks_per_frame, final_blocks, total_frames, 16, 2, sample_rate
    )
    path.write_bytes(descriptor + header)
    return path


# --- WAV RIFF INFO -----------------------------------------------------------------------------


def add_riff_info(path: Path, fields: dict[str, bytes]) -> Path:
    """Append a LIST/INFO chunk ({"INAM": b"...", ...}, raw bytes) and fix the RIFF size."""
    body = b"INFO"
    for key, raw in fields.items():
        value = raw + b"\x00"
        body += key.encode("ascii") + struct.pack("<I", len(value)) + value
        if len(value) & 1:
            body += b"\x00"
    chunk = b"LIST" + struct.pack("<I", len(body)) + body
    data = bytearray(path.read_bytes())
    if len(data) & 1:
        data += b"\x00"
    data += chunk
    data[4:8] = struct.pack("<I", len(data) - 8)
    path.write_bytes(bytes(data))
    return path
