"""``ostplayer scan`` as a user runs it, on a folder as messy as a fan's: Hangul and English OST
albums, a file whose tags say nothing, a text file named .mp3, an empty and a truncated file,
cover images and notes. What is checked is what the user reads: the summary, and the library as
``ostplayer songs --json`` shows it afterwards (dramas, songs and the files they play)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from audio_files import AudioMaker, tag_id3, tag_vorbis

from ostplayer.catalog.library import Library
from ostplayer.catalog.scan_apply import load_review
from ostplayer.paths import BUNDLED_CATALOG, AppPaths, resource_path

pytest_plugins = ("audio_files",)

START_OVER = "이태원 클라쓰 OST Part.2/01 시작.mp3"  # the catalog's Start Over (가호)
GROWN_UPS = "나의 아저씨 OST Part.2/01 어른.flac"  # not in the catalog: a new drama and song
LOVE_ME = "Record of Youth OST/02 Love Me.ogg"  # English tags: another new drama
OUR_TEARS = "화랑/서로의 눈물.mp3"  # maybe the catalog's Our Tears: for review
NO_TAGS = "downloads/rec_0031.m4a"  # says nothing: "Other music"


def run(*args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command needs no display
    return subprocess.run(
        [sys.executable, "-m", "ostplayer", "--data-dir", str(data_dir), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def scan(*args: str | Path, data_dir: Path) -> str:
    result = run("scan", "--quiet", *args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return result.stdout


def songs(data_dir: Path) -> dict[str, dict]:
    result = run("songs", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return {song["id"]: song for song in json.loads(result.stdout)}


def by_title(data_dir: Path, title: str) -> dict:
    (song,) = [s for s in songs(data_dir).values() if s["title"] == title]
    return song


def messy_folder(audio: AudioMaker, root: Path) -> Path:
    f = audio.make(root / START_OVER, "mp3", 1.0, sound=1)
    tag_id3(
        f, {"title": "시작", "artist": "가호", "album": "이태원 클라쓰 OST Part.2", "track": "1"}
    )
    f = audio.make(root / GROWN_UPS, "flac", 1.2, sound=2)
    tags = [("TITLE", "어른"), ("ARTIST", "손디아(Sondia)"), ("ALBUM", "나의 아저씨 OST Part.2")]
    tag_vorbis(f, [*tags, ("TRACKNUMBER", "1")], cover=audio.image())
    f = audio.make(root / LOVE_ME, "ogg", 1.4, sound=3)
    tag_vorbis(f, [("title", "Love Me"), ("artist", "Kim Feel"), ("album", "Record of Youth OST")])
    f = audio.make(root / OUR_TEARS, "mp3", 1.1, sound=4)
    tag_id3(f, {"title": "서로의 눈물", "artist": "박서준", "album": "화랑 OST Part.9"})
    audio.make(root / NO_TAGS, "m4a", 0.8, sound=5)
    (root / "downloads" / "notes.mp3").write_text("not music, whatever the name says\n")
    (root / "downloads" / "empty.flac").write_bytes(b"")
    truncated = audio.clip("flac", 1.2, sound=2).read_bytes()[:300]
    (root / "downloads" / "cut short.flac").write_bytes(truncated)
    (root / "downloads" / "readme.txt").write_text("hello")
    (root / "이태원 클라쓰 OST Part.2" / "cover.jpg").write_bytes(audio.image())
    (root / "이태원 클라쓰 OST Part.2" / "playlist.m3u").write_text("01 시작.mp3\n")
    return root


@pytest.fixture
def music(audio: AudioMaker, tmp_path: Path) -> Path:
    return messy_folder(audio, tmp_path / "Music")


def test_a_scan_grows_the_library_and_gives_the_catalog_songs_their_files(
    music: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    out = scan(music, data_dir=data)
    # Five songs and three bad files; covers, playlists and notes are not songs.
    assert "Scanned 8 files" in out and "5 read" in out and "3 not usable" in out
    assert f"{music / 'downloads/empty.flac'}: empty file" in out
    assert f"{music / 'downloads/notes.mp3'}: not audio" in out
    assert f"not usable: {music / 'downloads/cut short.flac'}:" in out
    for litter in ("readme.txt", "cover.jpg", "playlist.m3u"):
        assert litter not in out
    assert "1 uncertain match is waiting for you in the window" in out

    library = songs(data)
    assert library["start-over"]["files"] == [str(music / START_OVER)]
    assert library["start-over"]["file"] == str(music / START_OVER)
    grown_ups = by_title(data, "어른")
    assert grown_ups["drama_title"] == "나의 아저씨"
    assert grown_ups["performers"] == ["Sondia"]
    assert grown_ups["file"] == str(music / GROWN_UPS)
    love_me = by_title(data, "Love Me")
    assert (love_me["drama_title"], love_me["performers"]) == ("Record of Youth", ["Kim Feel"])
    assert love_me["file"] == str(music / LOVE_ME)
    other = by_title(data, "rec_0031")  # no tags: kept under Other music, with no drama
    assert other["drama_id"] is None and other["file"] == str(music / NO_TAGS)
    # The uncertain one waits for the user: neither linked nor added.
    assert library["our-tears"]["file"] is None
    assert not [s for s in library.values() if s["title"] == "서로의 눈물"]
    # The folder is kept, so the window rescans it.
    assert str(music) in (data / "music-folders.json").read_text()


def test_a_dry_run_shows_the_plan_and_changes_nothing(music: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    before = songs(data)
    files = {p: p.read_bytes() for p in data.rglob("*") if p.is_file() and p.suffix == ".json"}
    result = run("scan", "--dry-run", "--quiet", music, data_dir=data)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Would add 2 dramas" in out
    assert "new drama: 나의 아저씨" in out and "new drama: Record of Youth" in out
    assert f"link: {music / START_OVER} -> Start Over" in out
    assert f"review: {music / OUR_TEARS} -> Our Tears?" in out
    assert out.rstrip().endswith("Dry run: nothing was changed.")
    assert songs(data) == before
    after = {p: p.read_bytes() for p in data.rglob("*") if p.is_file() and p.suffix == ".json"}
    assert after == files
    assert not (data / "cache" / "scan-cache.jsonl").exists()
    # Nothing remembered either: the real scan then reads every file.
    assert "5 read, 0 unchanged" in scan(music, data_dir=data)


def test_accept_all_applies_the_uncertain_matches_too(music: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = scan("--accept-all", music, data_dir=data)
    assert "waiting for you" not in out
    assert songs(data)["our-tears"]["file"] == str(music / OUR_TEARS)
    assert load_review(AppPaths.single(data).scan_review_file, catalog_of(data)) == []


def catalog_of(data: Path):
    paths = AppPaths.single(data)
    library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    try:
        return library.catalog
    finally:
        library.close()


def test_a_rescan_reads_only_what_changed_and_follows_moves_and_deletions(
    music: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    scan(music, data_dir=data)
    grown_ups = by_title(data, "어른")["id"]
    untagged = by_title(data, "rec_0031")["id"]
    love_me = by_title(data, "Love Me")["id"]
    paths = AppPaths.single(data)
    library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    library.record_play(grown_ups)
    library.record_play(grown_ups)
    library.set_saved_lyrics(grown_ups, "나는 어른이 되었지만")
    library.close()

    again = scan(music, data_dir=data)
    assert "0 read, 5 unchanged" in again and "0 gone" in again
    assert "0 new songs" in again

    # Renamed, moved to another folder, deleted, and one retagged in place.
    (music / "moved").mkdir()
    os.rename(music / GROWN_UPS, music / "moved" / "grown ups (flac).flac")
    os.rename(music / NO_TAGS, music / "moved" / "untitled.m4a")
    os.remove(music / LOVE_ME)
    start_over = music / START_OVER
    tag_id3(start_over, {"year": "2020"})
    os.utime(start_over, ns=(1, start_over.stat().st_mtime_ns + 1_000_000_000))
    out = scan(music, data_dir=data)
    assert "3 read, 1 unchanged" in out and "3 gone since the last scan" in out
    assert "2 moved files followed" in out and "1 deleted files unlinked" in out
    assert "0 new songs" in out

    now = songs(data)
    assert now[grown_ups]["files"] == [str(music / "moved" / "grown ups (flac).flac")]
    assert now[untagged]["files"] == [str(music / "moved" / "untitled.m4a")]
    assert now[love_me]["file"] is None  # the song stays, without a file
    assert now["start-over"]["files"] == [str(start_over)]
    assert len(now) == len(songs(data))
    library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    try:
        assert library.play_stats(grown_ups).count == 2
        assert library.saved_lyrics(grown_ups) == "나는 어른이 되었지만"
    finally:
        library.close()


def test_review_items_wait_across_runs_and_folders(
    music: Path, tmp_path: Path, audio: AudioMaker
) -> None:
    data = tmp_path / "data"
    scan(music, data_dir=data)
    review_file = AppPaths.single(data).scan_review_file
    (item,) = load_review(review_file, catalog_of(data))
    assert item.paths == (str(music / OUR_TEARS),)
    assert item.candidates[0].song_id == "our-tears"

    # Scanning another folder leaves this folder's question where it is.
    other = tmp_path / "Other"
    f = audio.make(other / "Psycho.mp3", "mp3", 0.9, sound=6)
    tag_id3(f, {"title": "Psycho", "artist": "Red Velvet", "album": "The ReVe Festival"})
    assert "waiting for you" in scan(other, data_dir=data)
    assert [i.paths for i in load_review(review_file, catalog_of(data))] == [item.paths]

    # Asked again by the next scan of the folder, not twice.
    assert "1 uncertain match is waiting" in scan(music, data_dir=data)
    assert len(load_review(review_file, catalog_of(data))) == 1

    # Once the file is gone, so is its question.
    os.remove(music / OUR_TEARS)
    assert "waiting for you" not in scan(music, data_dir=data)
    assert load_review(review_file, catalog_of(data)) == []


def test_a_generated_collection_with_every_kind_of_bad_file(
    audio: AudioMaker, tmp_path: Path
) -> None:
    """The benchmark's generator, small: every format, tag style and bad file in one run."""
    music, data = tmp_path / "Generated", tmp_path / "data"
    generator = Path(__file__).resolve().parent.parent / "benchmarks" / "generate_music_folder.py"
    made = subprocess.run(
        [sys.executable, str(generator), str(music), "--files", "120"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    summary = json.loads(made.stdout)
    out = scan(music, data_dir=data)
    read = int(out.split(": ", 1)[1].split(" read")[0].replace(",", ""))
    assert read >= summary["files"] - 2  # every song file (the bad ones aside) was read
    # Each file that cannot be a song is named with why, whatever is wrong with it.
    for kind in ("zero-byte", "a JPEG named .mp3", "a text file named .flac", "a FIFO"):
        assert f"not usable: {music / summary['bad_files'][kind]}: " in out, kind
    assert "a broken symbolic link" in out and "a video" in out

    library = songs(data)
    linked = [f for song in library.values() for f in song["files"]]
    assert len(linked) == len(set(linked))  # one song per file
    asked = {p for item in load_review(AppPaths.single(data).scan_review_file, catalog_of(data))
             for p in item.paths}  # fmt: skip
    assert len(set(linked) | asked) == read  # every file read is a song's, or a question
    # A name that is not UTF-8 is a song too, and `songs --json` gives its bytes back.
    raw = ast.literal_eval(summary["bad_files"]["a name that is not UTF-8 (a song)"])
    assert os.fsencode(music) + b"/" + raw in {os.fsencode(f) for f in linked}
    dramas = {s["drama_title"] for s in library.values() if s["files"]}
    assert {"나의 아저씨", "Record of Youth"} <= dramas  # Hangul and English albums alike
    assert any(s["drama_id"] is None and s["files"] for s in library.values())  # Other music

    again = scan(music, data_dir=data)
    assert f"0 read, {read:,} unchanged" in again


def test_what_a_scan_writes_reaches_the_views_as_one_change(tmp_path: Path) -> None:
    # One rebuild of the browser for the new songs and their files, not a rebuild and then
    # a repaint of thousands of rows.
    from ostplayer.catalog.scan_apply import apply_scan
    from ostplayer.domain.library_growth import plan_scan
    from ostplayer.domain.track_facts import TrackFacts

    paths = AppPaths.single(tmp_path / "data")
    paths.make()
    library = Library(paths.data, resource_path(BUNDLED_CATALOG), paths.state)
    seen: list = []
    library.events.subscribe(seen.append)
    tracks = [
        TrackFacts("/m/a.flac", title="어른", artist="손디아", album="나의 아저씨 OST Part.2"),
        TrackFacts("/m/b.mp3", title="시작", artist="가호", album="이태원 클라쓰 OST Part.2"),
    ]
    applied = apply_scan(library, plan_scan(tracks, library.catalog, {}))
    library.close()
    assert applied.files_linked == 2 and applied.songs_added == 1
    (change,) = seen
    assert change.added and change.dramas
    assert "start-over" in change.personal and len(change.personal) == 2


def test_a_rescan_leaves_a_question_to_the_user_until_the_file_changes(
    music: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    scan(music, data_dir=data)
    # The catalog learns meanwhile that Our Tears is also spelled as the file's tag says:
    # planned again, the file would now be linked without the user having answered.
    bundled = json.loads(resource_path(BUNDLED_CATALOG).read_text(encoding="utf-8"))
    for song in bundled["songs"]:
        if song["id"] == "our-tears":
            song["aliases"] = [*song.get("aliases", []), "서로의 눈물"]
    update = tmp_path / "update.json"
    update.write_text(json.dumps(bundled, ensure_ascii=False), encoding="utf-8")
    assert run("import", update, data_dir=data).returncode == 0

    out = scan(music, data_dir=data)
    assert "Applied: 0 files linked" in out
    assert "1 uncertain match is waiting for you in the window" in out
    assert songs(data)["our-tears"]["file"] is None

    # A changed file is a new question, answered from what the catalog knows now.
    later = (music / OUR_TEARS).stat().st_mtime + 60
    os.utime(music / OUR_TEARS, (later, later))
    out = scan(music, data_dir=data)
    assert "waiting for you" not in out
    assert songs(data)["our-tears"]["file"] == str(music / OUR_TEARS)
