"""Choosing a song's lyrics among LRCLIB's records, without a network (recorded responses):
the right one among decoys, in Hangul or English, never a same-titled song of another singer."""

from __future__ import annotations

from lrclib_standin import record

from ostplayer.catalog.library import Library
from ostplayer.domain.found_lyrics import LyricsOrigin
from ostplayer.domain.lyrics_choice import APPLY_CONFIDENCE, choose
from ostplayer.domain.lyrics_fetch import fetch_one, fetched_record, found_from_record
from ostplayer.domain.lyrics_lookup import LyricsQuery, ProviderError, query_for_song
from ostplayer.integrations.lyrics_providers.lrclib import candidate_from_record
from ostplayer.paths import BUNDLED_CATALOG, resource_path

START_OVER = LyricsQuery(
    "start-over",
    ("Start Over", "시작"),
    (("Gaho", "가호"),),
    ("Itaewon Class", "이태원 클라쓰"),
    2,
    202.0,
)


def candidates(*records):
    return [candidate_from_record(r) for r in records]


def best_id(query, *records):
    choice = choose(query, candidates(*records))
    return choice.best.candidate.provider_id if choice.best else None


def test_the_song_is_found_in_hangul_among_decoys() -> None:
    decoys = [
        record(
            10, "Start Over", "Kim Feel", "Another Drama OST", 202.0
        ),  # same title, other singer
        record(11, "시작 (Inst.)", "가호", "이태원 클라쓰 OST Part.2", 202.0),  # the instrumental
        record(12, "시작", "가호", "이태원 클라쓰 OST Part.2", 215.0),  # 13 s off: another cut
        record(13, "Start Over (Remix)", "Gaho", "", 202.0),  # a remix
        record(14, "시작", "가호", "", 202.0, instrumental=True),  # filed as instrumental
    ]
    right = record(20, "시작", "가호", "이태원 클라쓰 OST Part.2", 201.2)
    choice = choose(START_OVER, candidates(*decoys, right))
    assert choice.best.candidate.provider_id == 20
    assert choice.best.confidence >= APPLY_CONFIDENCE and not choice.needs_review
    why = {s.candidate.provider_id: s.rejected for s in choice.scored}
    assert why[10] == "another singer"
    assert why[11].startswith("another version")
    assert why[12].endswith("off the file's length")
    assert why[13].startswith("another version")
    assert "instrumental" in why[14]


def test_the_song_is_found_in_english_and_with_a_featured_singer() -> None:
    english = record(
        30, "Start Over", "Gaho", "Itaewon Class (Original Television Soundtrack), Pt. 2"
    )
    assert best_id(START_OVER, english) == 30
    featured = record(31, "Start Over (Feat. Someone)", "Gaho, Someone", "", 203.0)
    assert best_id(START_OVER, featured) == 31
    both = record(32, "시작 (Start Over)", "가호 (Gaho)", "", 202.0)
    assert best_id(START_OVER, both) == 32


def test_only_sharing_the_title_is_never_enough() -> None:
    cover = record(40, "시작", "Some Cover Singer", "", 202.0)
    assert best_id(START_OVER, cover) is None
    unknown_length = LyricsQuery("start-over", ("Start Over",), (("Gaho",),))
    assert best_id(unknown_length, record(41, "Start Over", "Ailee")) is None


def test_synced_wins_over_plain_and_the_drama_breaks_ties() -> None:
    plain = record(50, "Start Over", "Gaho", "Itaewon Class OST", 202.0, synced=None)
    synced = record(51, "Start Over", "Gaho", "", 202.0)
    assert best_id(START_OVER, plain, synced) == 51
    elsewhere = record(52, "Start Over", "Gaho", "Some Other Drama OST Part.5", 202.0)
    here = record(53, "Start Over", "Gaho", "이태원 클라쓰 OST Part.2", 202.0)
    assert best_id(START_OVER, elsewhere, here) == 53


def test_a_few_seconds_off_asks_the_user_instead_of_applying() -> None:
    near = record(60, "Start Over", "Gaho", "", 205.5)
    choice = choose(START_OVER, candidates(near))
    assert choice.best.candidate.provider_id == 60 and choice.needs_review


def test_an_instrumental_song_is_remembered_as_instrumental() -> None:
    query = LyricsQuery("bgm", ("Theme of Love",), (("Nam Hye-seung",),), vocal=False)
    outcome = fetch_one(
        query, _Recorded([record(70, "Theme of Love", "Nam Hye-seung", instrumental=True)])
    )
    assert outcome.status == "instrumental" and outcome.stores
    assert found_from_record(fetched_record(outcome.candidate, 1.0, "2026-12-02")) is None


def test_outcomes_say_what_happened() -> None:
    assert fetch_one(START_OVER, _Recorded([])).status == "not_found"
    review = fetch_one(START_OVER, _Recorded([record(80, "Start Over", "Gaho", "", 205.0)]))
    assert review.status == "needs_review" and not review.stores
    assert "Are these the lyrics of this song? Start Over by Gaho" in review.message
    failed = fetch_one(START_OVER, _Recorded(ProviderError("lrclib.net answered 500")))
    assert failed.as_json() == {
        "id": "start-over",
        "status": "error",
        "provider": "lrclib",
        "provider_id": None,
        "confidence": None,
        "message": "lrclib.net answered 500",
    }
    good = fetch_one(START_OVER, _Recorded([record(81, "시작", "가호", "", 202.0)]))
    assert good.status == "synced" and good.as_json()["provider_id"] == 81


def test_stored_lyrics_go_through_the_lrc_reader() -> None:
    c = candidate_from_record(record(90, "시작", "가호", synced="[offset:+500]\n[00:01.00]첫 줄"))
    found = found_from_record(fetched_record(c, 0.97, "2026-12-02T10:00:00Z"))
    assert found.origin is LyricsOrigin.ONLINE and found.detail == "LRCLIB #90, 2026-12-02"
    assert found.lyrics.synced and found.lyrics.groups[0].lines[0].text == "첫 줄"
    assert found.lyrics.offset_ms == 500


def test_queries_carry_every_spelling_the_library_knows(tmp_path) -> None:
    library = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    try:
        query = query_for_song(library.catalog, "start-over", 202.0)
    finally:
        library.close()
    assert query.titles == ("Start Over", "시작")
    assert query.performers == (("Gaho", "가호"),)
    assert "이태원 클라쓰" in query.albums and query.duration_s == 202.0


def test_malformed_records_are_skipped() -> None:
    assert candidate_from_record({"id": "1", "trackName": "x", "artistName": "y"}) is None
    assert candidate_from_record(["not", "a", "record"]) is None
    ok = candidate_from_record({"id": 5, "trackName": "x", "artistName": "y", "duration": "long"})
    assert ok is not None and ok.duration_s is None


class _Recorded:
    name, label = "lrclib", "LRCLIB"

    def __init__(self, answer) -> None:
        self.answer = answer

    def candidates(self, query, check=None):
        if isinstance(self.answer, Exception):
            raise self.answer
        return candidates(*self.answer)
