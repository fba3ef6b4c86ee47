"""What MPRIS clients are told about a song, built without a bus (integrations.mpris_metadata)."""

from __future__ import annotations

import re

import pytest

from ostplayer.domain.models import Catalog, Credit, Drama, Person, Song
from ostplayer.domain.queue import RepeatMode
from ostplayer.integrations import mpris_metadata as mm
from ostplayer.playback.base import PlayerState

# The D-Bus specification's grammar for object paths.
OBJECT_PATH = re.compile(r"^/([A-Za-z0-9_]+(/[A-Za-z0-9_]+)*)?$")


def catalog() -> Catalog:
    c = Catalog()
    c.people["kihyun"] = Person("kihyun", "Kihyun")
    c.people["sondia"] = Person("sondia", "Sondia")
    c.dramas["itaewon-class"] = Drama("itaewon-class", "Itaewon Class", 2020)
    c.songs["start-over"] = Song(
        "start-over",
        "Start Over",
        "itaewon-class",
        2,
        (Credit("kihyun"), Credit("sondia")),
        ost_part=2,
    )
    c.songs["no-drama"] = Song("no-drama", "Loose Song", None, 0, ())
    return c


@pytest.mark.parametrize(
    "song_id",
    ["start-over", "its-you", "a_b", "꿈", "x.y z/..", "-", "_5f", "song--2"],
)
def test_track_ids_are_valid_object_paths_and_decode_back(song_id):
    path = mm.track_id(song_id)
    assert OBJECT_PATH.match(path), path
    assert path.startswith(mm.TRACK_PREFIX)
    assert mm.song_id_from_track(path) == song_id


def test_distinct_song_ids_never_share_a_track_id():
    ids = ["a-b", "a_b", "a_2db", "a__b", "ab"]
    assert len({mm.track_id(i) for i in ids}) == len(ids)


def test_no_song_is_the_specs_no_track_path():
    assert mm.track_id(None) == mm.NO_TRACK == "/org/mpris/MediaPlayer2/TrackList/NoTrack"
    assert mm.song_id_from_track(mm.NO_TRACK) is None
    assert mm.song_id_from_track(mm.TRACK_PREFIX + "bad_zz") is None


def test_metadata_carries_the_song_the_drama_the_lyrics_and_the_cover(tmp_path):
    cover = tmp_path / "cover.jpg"
    meta = mm.build_metadata(
        catalog(),
        "start-over",
        length_ms=215_000,
        file_path=str(tmp_path / "Start Over.flac"),
        lyrics_text="  이 밤 그림자 속에\nin the shadow of this night\n",
        art_path=cover,
    )
    assert meta["mpris:trackid"] == mm.track_id("start-over")
    assert meta["xesam:title"] == "Start Over"
    assert meta["xesam:artist"] == ["Kihyun", "Sondia"]
    assert meta["xesam:albumArtist"] == ["Kihyun", "Sondia"]
    assert meta["xesam:album"] == "Itaewon Class OST Part.2"
    assert meta["mpris:length"] == 215_000_000  # microseconds
    assert meta["mpris:artUrl"] == cover.as_uri()
    assert meta["xesam:url"].startswith("file:///") and meta["xesam:url"].endswith(
        "Start%20Over.flac"
    )
    assert meta["xesam:asText"] == "이 밤 그림자 속에\nin the shadow of this night"
    assert meta["xesam:trackNumber"] == 2


def test_metadata_leaves_out_what_is_not_known():
    meta = mm.build_metadata(catalog(), "no-drama")
    assert meta == {"mpris:trackid": mm.track_id("no-drama"), "xesam:title": "Loose Song"}
    assert mm.build_metadata(catalog(), None) == {"mpris:trackid": mm.NO_TRACK}
    assert mm.build_metadata(catalog(), "deleted-song") == {"mpris:trackid": mm.NO_TRACK}


def test_loop_status_maps_to_repeat_and_back():
    assert mm.loop_status(RepeatMode.OFF) == "None"
    assert mm.loop_status(RepeatMode.ONE) == "Track"
    assert mm.loop_status(RepeatMode.ALL) == "Playlist"
    for mode in RepeatMode:
        assert mm.repeat_mode(mm.loop_status(mode)) is mode
    assert mm.repeat_mode("Sometimes") is None


def test_playback_status_and_volume():
    assert mm.playback_status(PlayerState.PLAYING) == "Playing"
    assert mm.playback_status(PlayerState.OPENING) == "Playing"
    assert mm.playback_status(PlayerState.PAUSED) == "Paused"
    for state in (PlayerState.STOPPED, PlayerState.ENDED, PlayerState.ERROR):
        assert mm.playback_status(state) == "Stopped"
    assert mm.volume_to_mpris(80) == 0.8
    assert mm.volume_to_mpris(80, muted=True) == 0.0
    assert mm.volume_from_mpris(0.254) == 25
    assert mm.volume_from_mpris(-1.0) == 0
    assert mm.volume_from_mpris(1.7) == 100


def test_uris_name_local_files_only(tmp_path):
    f = tmp_path / "a b#c.mp3"
    assert mm.path_from_uri(f.as_uri()) == f
    assert mm.path_from_uri(str(f)) == f
    assert mm.path_from_uri("file://localhost/tmp/x.mp3") == mm.Path("/tmp/x.mp3")
    assert mm.path_from_uri("http://example.com/x.mp3") is None
    assert mm.path_from_uri("file://otherhost/x.mp3") is None
