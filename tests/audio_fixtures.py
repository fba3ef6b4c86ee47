"""Real audio files for tag tests: a short sine made by ffmpeg in each container, once per run.

ffmpeg writes the streams the way real encoders do (LAME headers, Ogg pages, MP4 atoms, ASF
objects), so mutagen meets what it meets in users' folders; the tests then add their tags with
mutagen. They are tiny 48 kHz sines, where ``audio_files`` makes 44.1 kHz recordings for the
tag readers and fingerprints: the SYLT tests count 24 ms MPEG frames of a 48 kHz MP3. Each
test gets its own copy of a template (:func:`audio_copy`, or the :func:`mp3`
fixture), so tagging one never leaks into another. A test module names this file in
``pytest_plugins`` for its fixtures. (PYTEST_DONT_REWRITE: test modules import these helpers
before pytest loads the file as their plugin, too late to rewrite its asserts; saying so spares
every run a warning.)
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from mutagen.id3 import ID3, Frame

# extension -> ffmpeg encoder arguments
FORMATS: dict[str, tuple[str, ...]] = {
    "mp3": ("-c:a", "libmp3lame", "-b:a", "64k"),
    "flac": (
        "-c:a",
        "flac",
    ),
    "ogg": (
        "-c:a",
        "libvorbis",
    ),
    "opus": ("-c:a", "libopus", "-b:a", "32k"),
    "m4a": ("-c:a", "aac", "-b:a", "64k"),
    "wma": ("-c:a", "wmav2", "-b:a", "64k"),
    "wav": (
        "-c:a",
        "pcm_s16le",
    ),
}


def make_sine(path: Path, seconds: float = 0.3) -> Path:
    """A mono 440 Hz sine in the container ``path``'s extension names, without metadata."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is not installed")
    source = f"sine=frequency=440:duration={seconds}:sample_rate=48000"
    command = [ffmpeg, "-v", "error", "-y", "-f", "lavfi", "-i", source, "-ac", "1"]
    command += [*FORMATS[path.suffix[1:]], "-map_metadata", "-1", str(path)]
    subprocess.run(command, check=True, timeout=60, capture_output=True)
    return path


@pytest.fixture(scope="session")
def audio_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One untagged file per format in :data:`FORMATS`, made once per test session."""
    folder = tmp_path_factory.mktemp("audio-templates")
    return {ext: make_sine(folder / f"sine.{ext}") for ext in FORMATS}


def audio_copy(templates: dict[str, Path], ext: str, target: Path) -> Path:
    """A private copy of the ``ext`` template at ``target`` (its own name and folder)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(templates[ext], target)
    return target


@pytest.fixture
def mp3(audio_templates: dict[str, Path], tmp_path: Path) -> Path:
    """An untagged MP3 of its own, ``song.mp3`` in the test's folder."""
    return audio_copy(audio_templates, "mp3", tmp_path / "song.mp3")


def add_id3(path: Path, *frames: Frame) -> Path:
    """Add ``frames`` to the file's ID3 tag, as a tagger saving them does."""
    tags = ID3(path)
    for frame in frames:
        tags.add(frame)
    tags.save(path)
    return path
