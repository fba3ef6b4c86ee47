"""Album art: the embedded picture of every tag kind, the folder's cover file, and the choice
between them with a cache key that changes exactly when the picture may have."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from audio_files import (
    AudioMaker,
    make_monkeys_audio,
    prepend_id3v22,
    tag_apev2,
    tag_asf,
    tag_id3,
    tag_mp4,
    tag_vorbis,
)
from mutagen import id3

from ostplayer.media.covers import CoverRef, cover_for, embedded_cover, folder_cover, load_cover

pytest_plugins = ("audio_files",)


def test_id3_front_cover_is_preferred_over_other_pictures(
    audio: AudioMaker, tmp_path: Path
) -> None:
    back, front = audio.image(color="blue"), audio.image(color="red")
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(path, {"title": "x"}, cover=back, cover_type=4)  # "Cover (back)" written first
    tags = id3.ID3(path)
    tags.add(id3.APIC(encoding=0, mime="image/jpeg", type=3, desc="front", data=front))
    tags.save(path)
    assert embedded_cover(path) == front


def test_any_picture_when_there_is_no_front(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(path, {"title": "x"}, cover=audio.image("png"), cover_type=0)
    assert embedded_cover(path) == audio.image("png")


def test_an_apic_holding_a_link_is_not_a_picture(audio: AudioMaker, tmp_path: Path) -> None:
    path = audio.make(tmp_path / "song.mp3", "mp3")
    tag_id3(path, {"title": "x"})
    tags = id3.ID3(path)
    tags.add(id3.APIC(encoding=0, mime="-->", type=3, desc="", data=b"http://example.com/c.jpg"))
    tags.save(path)
    assert embedded_cover(path) is None


@pytest.mark.parametrize("fmt", ["flac", "ogg", "opus"])
def test_flac_picture_and_vorbis_metadata_block_picture(
    audio: AudioMaker, tmp_path: Path, fmt: str
) -> None:
    path = audio.make(tmp_path / f"song.{fmt}", fmt)
    tag_vorbis(path, [("title", "x")], cover=audio.image())
    assert embedded_cover(path) == audio.image()


def test_mp4_covr_asf_picture_and_apev2(audio: AudioMaker, tmp_path: Path) -> None:
    image = audio.image()
    m4a = tag_mp4(audio.make(tmp_path / "a.m4a", "m4a"), {"©nam": "x"}, cover=image)
    wma = tag_asf(audio.make(tmp_path / "b.wma", "wma"), {"Title": "x"}, cover=image)
    mp3 = tag_apev2(audio.make(tmp_path / "c.mp3", "mp3"), {"Title": "x"}, cover=image)
    ape = tag_apev2(make_monkeys_audio(tmp_path / "d.ape"), {"Title": "x"}, cover=image)
    v22 = prepend_id3v22(audio.make(tmp_path / "e.mp3", "mp3"), {"TT2": "x"}, picture=image)
    for path in (m4a, wma, mp3, ape, v22):
        assert embedded_cover(path) == image, path.name


def test_no_cover_and_unreadable_files_give_none(audio: AudioMaker, tmp_path: Path) -> None:
    assert embedded_cover(audio.make(tmp_path / "plain.flac", "flac")) is None
    (tmp_path / "empty.mp3").write_bytes(b"")
    assert embedded_cover(tmp_path / "empty.mp3") is None
    assert embedded_cover(tmp_path / "missing.mp3") is None


def test_pictures_over_the_size_cap_are_not_returned(audio: AudioMaker, tmp_path: Path) -> None:
    image = audio.image(size=256)
    path = tag_vorbis(audio.make(tmp_path / "song.flac", "flac"), [], cover=image)
    assert embedded_cover(path, max_bytes=len(image)) == image
    assert embedded_cover(path, max_bytes=len(image) - 1) is None


def write(folder: Path, *names: str, data: bytes = b"\xff\xd8\xff\xe0 jpeg") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(data)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["AlbumArtSmall.jpg", "folder.jpg", "Cover.JPG"], "Cover.JPG"),
        (["AlbumArtSmall.jpg", "folder.jpg"], "folder.jpg"),
        (["back.jpg", "front.png"], "front.png"),
        (
            ["AlbumArtSmall.jpg", "AlbumArt_{6D9A2E17-8C8E-4F0E-9B84-3B8E4F1F5F10}_Large.jpg"],
            "AlbumArt_{6D9A2E17-8C8E-4F0E-9B84-3B8E4F1F5F10}_Large.jpg",
        ),
        (["AlbumArtSmall.jpg"], "AlbumArtSmall.jpg"),
        (["albumart.jpeg", "random.jpg"], "albumart.jpeg"),
        (["나의 아저씨 OST.jpg"], "나의 아저씨 OST.jpg"),  # a lone image in the album folder
        (["back.jpg"], None),  # a lone image, but not a front
        (["one.jpg", "two.jpg"], None),  # which one? neither
        (["._cover.jpg"], None),  # macOS AppleDouble litter, not an image
        ([], None),
    ],
)
def test_folder_cover_names(tmp_path: Path, names: list[str], expected: str | None) -> None:
    write(tmp_path / "album", *names, "01. song.mp3")
    found = folder_cover(tmp_path / "album")
    assert (found.name if found else None) == expected


def test_folder_cover_in_a_scans_subfolder_and_empty_files_skipped(tmp_path: Path) -> None:
    album = tmp_path / "album"
    write(album, "01. song.mp3")
    write(album / "Scans", "Front.jpg", "Back.jpg")
    (album / "cover.jpg").write_bytes(b"")
    assert folder_cover(album) == album / "Scans" / "Front.jpg"


def test_cover_for_prefers_embedded_then_folder_then_none(
    audio: AudioMaker, tmp_path: Path
) -> None:
    album = tmp_path / "album"
    embedded = tag_vorbis(audio.make(album / "01.flac", "flac"), [], cover=audio.image())
    plain = audio.make(album / "02.flac", "flac")
    assert cover_for(embedded).kind == "embedded"
    assert cover_for(plain) == CoverRef("none", None, "")
    write(album, "cover.jpg", data=audio.image(color="green"))
    ref = cover_for(plain)
    assert (ref.kind, ref.source) == ("folder", album / "cover.jpg")
    assert load_cover(ref) == audio.image(color="green")
    assert load_cover(cover_for(embedded)) == audio.image()
    # What TrackFacts.has_cover already says need not be read again.
    assert cover_for(plain, has_embedded=False).kind == "folder"


def test_cache_key_is_stable_and_changes_with_the_file(audio: AudioMaker, tmp_path: Path) -> None:
    path = tag_vorbis(audio.make(tmp_path / "song.flac", "flac"), [], cover=audio.image())
    first = cover_for(path).cache_key
    assert first == cover_for(path).cache_key and len(first) == 32
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert cover_for(path).cache_key != first


def test_load_cover_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "cover.jpg"
    os.mkfifo(fifo)
    assert folder_cover(tmp_path) is None  # not a file: never offered
    results: list[object] = []
    ref = CoverRef("folder", fifo, "key")
    thread = threading.Thread(target=lambda: results.append(load_cover(ref)), daemon=True)
    thread.start()
    thread.join(timeout=5)
    assert not thread.is_alive() and results == [None]


def test_load_cover_refuses_a_file_over_the_cap(tmp_path: Path) -> None:
    write(tmp_path, "cover.jpg", data=b"\xff\xd8\xff" + b"\x00" * 5000)
    ref = cover_for(tmp_path / "song.mp3", has_embedded=False)
    assert load_cover(ref, max_bytes=1000) is None
    assert load_cover(ref) is not None
