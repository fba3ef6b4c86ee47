"""What a scan proposes: links for the songs the catalog has, new songs, dramas and people for
the rest, one per recording and one per drama whatever the spelling, and review for the rest."""

from __future__ import annotations

import dataclasses
import random

import pytest
from catalog_support import bundled_catalog as bundled

from ostplayer.domain.catalog_format import _SLUG, catalog_from_dict, catalog_to_dict
from ostplayer.domain.library_growth import ScanPlan, plan_scan
from ostplayer.domain.models import Catalog
from ostplayer.domain.slugs import slug_for, slugify
from ostplayer.domain.track_facts import TrackFacts


def track(path: str, **tags: object) -> TrackFacts:
    return TrackFacts(path, **tags)  # type: ignore[arg-type]


def validates(plan: ScanPlan, catalog: Catalog) -> Catalog:
    """The plan's additions as the library would import them: they must pass validation."""
    return catalog_from_dict(catalog_to_dict(plan.additions()), known=catalog)


def test_sure_matches_become_links_and_the_rest_new_songs() -> None:
    catalog = bundled()
    plan = plan_scan(
        [
            track("/m/a/시작.flac", title="시작", artist="가호", album="이태원 클라쓰 OST Part.2"),
            track(
                "/m/b/Psycho.mp3", title="Psycho", artist="Red Velvet", album="The ReVe Festival"
            ),
        ],
        catalog,
        {},
    )
    assert [(link.song_id, link.path, link.main) for link in plan.links[:1]] == [
        ("start-over", "/m/a/시작.flac", True)
    ]
    assert plan.links[0].confidence >= 0.8
    assert [s.title for s in plan.other_music] == ["Psycho"]
    assert plan.other_music[0].drama is None
    assert [p.name for p in plan.new_people] == ["Red Velvet"]
    assert plan.review == []
    validates(plan, catalog)


def test_the_same_recording_in_several_formats_is_one_song_with_several_files() -> None:
    tags = {"title": "어른", "artist": "손디아", "album": "나의 아저씨 OST Part.2"}
    plan = plan_scan(
        [
            track("/m/flac/03 어른.flac", duration_ms=250_000, **tags),
            track("/m/mp3/03 어른.mp3", duration_ms=250_900, **tags),
            track("/m/m4a/03 어른.m4a", duration_ms=251_700, **tags),
            track("/m/live/어른.mp3", duration_ms=262_000, **tags),  # 11 s longer: another take
        ],
        bundled(),
        {},
    )
    songs = plan.new_songs
    assert len(songs) == 1  # the longer take has the same title, singer and drama: one song
    files = plan.files[songs[0].id]
    assert files[:3] == ["/m/flac/03 어른.flac", "/m/mp3/03 어른.mp3", "/m/m4a/03 어른.m4a"]
    assert [link.main for link in plan.links] == [True, False, False, False]


def test_one_fingerprint_is_one_song_whatever_the_tags_say() -> None:
    plan = plan_scan(
        [
            track(
                "/m/a.flac",
                title="어른",
                artist="손디아",
                album="나의 아저씨 OST",
                fingerprint="AQAD1",
            ),
            track("/m/b.mp3", title="Grown Ups", artist="Sondia", fingerprint="AQAD1"),
            track("/m/rec_0031.m4a", fingerprint="AQAD1"),
        ],
        bundled(),
        {},
    )
    assert len(plan.new_songs) == 1 and plan.other_music == []
    assert plan.files[plan.new_songs[0].id] == ["/m/a.flac", "/m/b.mp3", "/m/rec_0031.m4a"]


def test_a_file_with_the_fingerprint_of_a_linked_file_joins_its_song() -> None:
    linked = {"start-over": ["/m/linked/start.flac"]}
    plan = plan_scan(
        [
            track("/m/linked/start.flac", title="Start Over", artist="Gaho", fingerprint="AQAD7"),
            track("/m/phone/rec_0031.m4a", fingerprint="AQAD7"),
        ],
        bundled(),
        linked,
    )
    assert [(link.song_id, link.path, link.main) for link in plan.links] == [
        ("start-over", "/m/phone/rec_0031.m4a", False)  # the linked file stays the main one
    ]
    assert (
        "same audio fingerprint" in plan.links[0].evidence[0]
        or "already linked" in (plan.links[0].evidence[0])
    )
    assert plan.already_linked == ["/m/linked/start.flac"]
    assert plan.new_songs == plan.other_music == []
    assert plan.link_map(linked) == {
        "start-over": ["/m/linked/start.flac", "/m/phone/rec_0031.m4a"]
    }


def test_an_already_linked_file_is_left_alone() -> None:
    plan = plan_scan(
        [track("/m/x.mp3", title="Start Over", artist="Gaho")], bundled(), {"its-you": ["/m/x.mp3"]}
    )
    assert plan.links == [] and plan.review == []
    assert plan.already_linked == ["/m/x.mp3"]


def test_nothing_replaces_an_existing_link_without_asking() -> None:
    # Two copies of one recording; one is linked to Start Over, the other to another song.
    plan = plan_scan(
        [
            track("/m/a.flac", title="Start Over", artist="Gaho", fingerprint="AQAD9"),
            track("/m/b.mp3", title="Start Over", artist="Gaho", fingerprint="AQAD9"),
        ],
        bundled(),
        {"start-over": ["/m/a.flac"], "its-you": ["/m/b.mp3"]},
    )
    assert plan.links == []
    assert [(r.paths, r.linked_to, r.candidates[0].song_id) for r in plan.review] == [
        (("/m/b.mp3",), "its-you", "start-over")
    ]


def test_a_new_file_for_a_linked_song_does_not_take_over_as_main() -> None:
    plan = plan_scan(
        [track("/m/new.flac", title="Start Over", artist="Gaho", album="Itaewon Class OST")],
        bundled(),
        {"start-over": ["/m/old.mp3"]},
    )
    assert [(link.song_id, link.main) for link in plan.links] == [("start-over", False)]
    assert plan.link_map({"start-over": ["/m/old.mp3"]}) == {
        "start-over": ["/m/old.mp3", "/m/new.flac"]
    }


def test_uncertain_matches_go_to_review_with_the_song_that_would_be_created() -> None:
    catalog = bundled()
    plan = plan_scan(
        [
            track(
                "/m/t.mp3",
                title="서로의 눈물",
                artist="박서준",
                album="화랑 OST Part.9",
            )
        ],
        catalog,
        {},
    )
    assert plan.links == [] and plan.new_songs == []
    (item,) = plan.review
    assert item.reason == "uncertain match"
    assert item.candidates[0].song_id == "our-tears"
    assert item.new_song is not None
    assert item.new_song.title == "서로의 눈물"
    assert item.new_song.drama == "hwarang"
    assert "OST part 9 from the album tag" in item.evidence


def test_a_review_carries_the_people_only_its_alternative_needs() -> None:
    # A cover of Start Over in the same drama: offered, not linked; its singer is new.
    plan = plan_scan(
        [
            track(
                "/m/cover.mp3", title="Start Over", artist="Kim Someone", album="Itaewon Class OST"
            )
        ],
        bundled(),
        {},
    )
    assert plan.links == [] and plan.new_people == [] and plan.new_songs == []
    (item,) = plan.review
    assert item.candidates[0].song_id == "start-over"
    assert [p.name for p in item.new_people] == ["Kim Someone"]
    assert item.new_song is not None and item.new_song.drama == "itaewon-class"
    assert item.new_song.performers[0].person == item.new_people[0].id


def test_an_instrumental_and_another_singers_song_join_the_catalog_drama() -> None:
    catalog = bundled()
    plan = plan_scan(
        [
            track(
                "/m/1.flac", title="시작 (Inst.)", artist="가호", album="이태원 클라쓰 OST Part.2"
            ),
            track(
                "/m/2.flac", title="그때 그 아인", artist="김필", album="이태원 클라쓰 OST Part.4"
            ),
        ],
        catalog,
        {},
    )
    assert plan.new_dramas == []
    assert [(s.title, s.drama, s.ost_part, s.ost_order) for s in plan.new_songs] == [
        ("시작 (Inst.)", "itaewon-class", 2, 2),
        ("그때 그 아인", "itaewon-class", 4, 3),
    ]
    assert plan.new_songs[0].performers[0].person == "gaho"
    validates(plan, catalog)


def test_one_drama_whatever_the_spelling() -> None:
    plan = plan_scan(
        [
            # A Hangul-only folder and an English-only one…
            track("/m/나의 아저씨 OST/01. 이지은 - 어른.flac", duration_ms=1, year=2018),
            track("/m/My Mister OST/02 Dear Moon.flac", title="Dear Moon", artist="Lee Ji-eun"),
            # …tied by one file that carries both spellings.
            track(
                "/m/x/Grown Ups.m4a",
                title="Grown Ups",
                artist="Sondia",
                album="나의 아저씨 (My Mister) OST Part.2",
            ),
        ],
        bundled(),
        {},
    )
    (drama,) = plan.new_dramas
    assert (drama.id, drama.title, drama.title_original, drama.year) == (
        "my-mister",
        "My Mister",
        "나의 아저씨",
        2018,
    )
    assert {s.drama for s in plan.new_songs} == {"my-mister"}


def test_a_folder_named_in_the_other_alphabet_is_another_spelling_of_its_drama() -> None:
    plan = plan_scan(
        [
            track(f"/m/My Mister OST/0{i}.flac", title=t, artist="손디아", album="나의 아저씨 OST")
            for i, t in enumerate(("어른", "Dear Moon"), start=1)
        ],
        bundled(),
        {},
    )
    (drama,) = plan.new_dramas
    assert (drama.title, drama.title_original) == ("My Mister", "나의 아저씨")


def test_a_folder_of_several_dramas_is_not_taken_for_one() -> None:
    plan = plan_scan(
        [
            track(
                "/m/My Mister OST/01.flac", title="어른", artist="손디아", album="나의 아저씨 OST"
            ),
            track("/m/My Mister OST/02.flac", title="시작", artist="가호", album="스타트업 OST"),
        ],
        bundled(),
        {},
    )
    # 시작 by 가호 is also the catalog's Start Over, so that file waits for review, offering
    # 스타트업 as the drama it would create; each folder file keeps its own drama.
    assert [d.title for d in plan.new_dramas] == ["나의 아저씨"]
    (item,) = plan.review
    assert item.new_drama is not None and item.new_drama.title == "스타트업"


def test_one_person_whatever_the_spelling() -> None:
    plan = plan_scan(
        [
            track("/m/1.mp3", title="어른", artist="손디아(Sondia)", album="나의 아저씨 OST"),
            track("/m/2.mp3", title="Maybe", artist="Sondia", album="이태원 클라쓰 OST"),
            track("/m/3.mp3", title="우리의 밤", artist="손디아", album="이태원 클라쓰 OST"),
        ],
        bundled(),
        {},
    )
    (person,) = plan.new_people
    assert (person.id, person.name, person.name_original) == ("sondia", "Sondia", "손디아")
    assert {s.performers[0].person for s in plan.new_songs} == {"sondia"}


def test_a_new_group_lists_the_members_who_sing() -> None:
    catalog = bundled()
    plan = plan_scan(
        [track("/m/1.mp3", title="Feel So Fine", artist="WENDY (Red Velvet), SEULGI (Red Velvet)")],
        catalog,
        {},
    )
    people = {p.name: p for p in plan.new_people}
    assert people["Red Velvet"].is_group
    assert set(people["Red Velvet"].members) == {people["WENDY"].id, people["SEULGI"].id}
    validates(plan, catalog)


def test_the_bilingual_spellings_go_where_the_catalog_keeps_them() -> None:
    plan = plan_scan(
        [track("/m/1.mp3", title="어른 (Grown Ups)", artist="손디아", album="나의 아저씨 OST")],
        bundled(),
        {},
    )
    (song,) = plan.new_songs
    assert (song.id, song.title, song.title_original) == ("grown-ups", "Grown Ups", "어른")


def test_the_plan_is_deterministic_and_its_ids_valid_and_unique() -> None:
    tracks = _library(400, seed=5)
    catalog = bundled()
    first, second = plan_scan(tracks, catalog, {}), plan_scan(tracks, catalog, {})
    assert first == second
    ids = [
        e.id for e in (*first.new_people, *first.new_dramas, *first.new_songs, *first.other_music)
    ]
    assert all(_SLUG.match(i) for i in ids)
    for section in ("people", "dramas", "songs"):
        taken = set(getattr(catalog, section))
        new = list(getattr(first.additions(), section))
        assert len(new) == len(set(new)) and not taken & set(new)
    validates(first, catalog)


def test_after_the_plan_is_applied_every_file_is_found_again() -> None:
    # The catalog the plan grows must recognise the same files, by their tags alone.
    tracks = _library(1_500, seed=9)
    catalog = bundled()
    first = plan_scan(tracks, catalog, {})
    catalog.merge(first.additions())
    again = plan_scan(tracks, catalog, {})
    assert again.review == [] and again.new_songs == again.other_music == []
    assert {(link.song_id, link.path) for link in again.links} == {
        (link.song_id, link.path) for link in first.links
    }
    rescan = plan_scan(tracks, catalog, first.link_map({}))
    assert rescan.links == [] and rescan.review == []
    assert sorted(rescan.already_linked) == sorted(t.path for t in tracks)


def test_thousands_of_files_each_get_a_song() -> None:
    # Correctness at size; how long 10,000 take is benchmarks/bench_scan.py's to measure.
    tracks = _library(3_000, seed=1)
    plan = plan_scan(tracks, bundled(), {})
    assert len(plan.links) == 3_000


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("My Mister", "my-mister"),
        ("나의 아저씨", "naui-ajeossi"),
        ("What’s Wrong with Secretary Kim", "whats-wrong-with-secretary-kim"),
        ("Hwarang: The Poet Warrior Youth", "hwarang-the-poet-warrior-youth"),
        ("Beyoncé", "beyonce"),
        ("(G)I-DLE", "g-i-dle"),
        ("이태원 Class", "itaewon-class"),
        ("梨泰院Class", "梨泰院class"),  # neither Latin nor Hangul: as written
        ("!!!", "untitled"),
    ],
)
def test_slugs_read_like_the_name(text: str, slug: str) -> None:
    assert slugify(text, set()) == slug
    assert _SLUG.match(slugify(text, set()))


def test_a_taken_slug_gets_a_number() -> None:
    assert slugify("My Mister", {"my-mister"}) == "my-mister-2"
    assert slugify("My Mister", {"my-mister", "my-mister-2"}) == "my-mister-3"


def test_the_latin_spelling_makes_the_slug() -> None:
    assert slug_for(["나의 아저씨", "My Mister"], set()) == "my-mister"
    assert slug_for(["梨泰院Class", "이태원 클라쓰"], set()).startswith("itaewon")
    assert slug_for(["나의 아저씨"], set()) == "naui-ajeossi"


def _library(n: int, seed: int) -> list[TrackFacts]:
    """A library as the scanner finds it: OST singles tagged in Hangul (song and Inst.), full
    OSTs tagged in English, K-pop albums, untagged files in OST folders, video rips, and 5 %
    of the recordings a second time in another format."""
    rng = random.Random(seed)
    syllables = "가나다라마바사아자차카타파하시작어른호태원클쓰손디현정세운박서준기이음별빛꿈사랑"

    def word(k: int) -> str:
        return "".join(rng.choice(syllables) for _ in range(k))

    out: list[TrackFacts] = []
    for d in range(1, n):
        if len(out) >= n - n // 20:
            break
        kind, drama, english = rng.random(), word(4), f"Drama {d}"
        singers = [(word(3), f"Singer {d}-{i}") for i in range(8)]
        if kind < 0.45:  # OST singles, Hangul tags: the song and its instrumental per part
            for part, (singer, _) in enumerate(singers, start=1):
                title, album = word(3), f"{drama} OST Part.{part}"
                for k, t in ((1, title), (2, f"{title} (Inst.)")):
                    path = f"/Music/{drama} OST/{album}/{k:02d}. {singer} - {t}.flac"
                    ms = 200_000 + 1000 * part + k
                    out.append(track(path, title=t, artist=singer, album=album, duration_ms=ms))
        elif kind < 0.65:  # a full OST, English tags
            album = f"{english} (Original Television Soundtrack)"
            for k in range(1, 17):
                hangul, latin = singers[k % 8]
                title, artist = f"Song {d}-{k}", f"{latin} ({hangul})"
                path, ms = f"/Music/{english}/{k:02d} {title}.m4a", 180_000 + k * 997
                out.append(track(path, title=title, artist=artist, album=album, duration_ms=ms))
        elif kind < 0.9:  # a K-pop album
            artist, album = singers[0][1], f"{singers[0][1]} The {d}th Album"
            for k in range(1, 11):
                title, ms = f"Pop {d}-{k}", 190_000 + k * 1013
                path = f"/Music/K-pop/{artist}/{album}/{k:02d} {title}.mp3"
                out.append(track(path, title=title, artist=artist, album=album, duration_ms=ms))
        elif kind < 0.96:  # untagged files in an OST folder
            for k in range(1, 7):
                path = f"/Music/{drama} OST/{k:02d}. {singers[k][0]} - {word(2)}.mp3"
                out.append(track(path, duration_ms=170_000 + k * 1500))
        else:  # video rips
            for k in range(1, 4):
                path = (
                    f"/Music/YouTube/[MV] {singers[k][0]} - {word(3)} [{drama} OST Part.{k}].opus"
                )
                out.append(track(path, duration_ms=230_000 + k * 1100))
    out = out[: n - n // 20]
    copies = [
        dataclasses.replace(t, path=f"{t.path} (copy).mp3", duration_ms=(t.duration_ms or 0) + 400)
        for t in out[: n // 20]
    ]
    return out + copies


def _iu_album(album: str = "Love poem", folder: str = "/m/IU/Love poem", **extra: object):
    songs = [("Unlucky", "K-Pop"), ("그 사람", "OST"), ("Blueming", "Soundtrack")]
    songs.append(("Love poem", "Ballad"))
    return [
        track(
            f"{folder}/0{n} {title}.mp3",
            title=title,
            artist="IU",
            album_artist="IU",
            album=album,
            genre=genre,
            track_number=n,
            **extra,
        )
        for n, (title, genre) in enumerate(songs, 1)
    ]


def test_a_soundtrack_genre_alone_never_makes_a_kpop_album_a_drama() -> None:
    catalog = bundled()
    plan = plan_scan(_iu_album(), catalog, {})
    assert plan.new_dramas == [] and plan.new_songs == []
    assert sorted(s.title for s in plan.other_music) == [
        "Blueming",
        "Love poem",
        "Unlucky",
        "그 사람",
    ]
    assert all(s.drama is None for s in plan.other_music)
    validates(plan, catalog)


def test_one_track_naming_a_drama_does_not_split_its_album() -> None:
    tracks = _iu_album("Love Poem 8")
    tracks[2] = dataclasses.replace(tracks[2], title="Blueming (호텔 델루나 OST)")
    plan = plan_scan(tracks, bundled(), {})
    assert plan.new_dramas == [] and plan.new_songs == []
    assert len(plan.other_music) == 4
    blueming = next(s for s in plan.other_music if s.title.startswith("Blueming"))
    assert blueming.drama is None


def test_an_album_or_folder_that_says_soundtrack_takes_all_its_tracks_to_the_drama() -> None:
    by_tag = plan_scan(_iu_album("호텔 델루나 OST"), bundled(), {})
    assert [d.title for d in by_tag.new_dramas] == ["호텔 델루나"]
    assert by_tag.other_music == [] and len(by_tag.new_songs) == 4
    assert {s.drama for s in by_tag.new_songs} == {by_tag.new_dramas[0].id}
    by_folder = plan_scan(
        _iu_album("Hotel Del Luna", folder="/m/Hotel Del Luna OST"), bundled(), {}
    )
    assert [d.title for d in by_folder.new_dramas] == ["Hotel Del Luna"]
    assert by_folder.other_music == [] and len(by_folder.new_songs) == 4


def test_a_drama_the_catalog_knows_is_found_from_a_plain_album_name() -> None:
    catalog = bundled()
    plan = plan_scan(
        [
            track("/m/ic/01.mp3", title="Sweet Night", artist="V", album="이태원 클라쓰"),
            track(
                "/m/ic/02.mp3", title="새 노래", artist="가호", album="이태원 클라쓰", genre="OST"
            ),
        ],
        catalog,
        {},
    )
    assert plan.other_music == []
    assert {s.drama for s in plan.new_songs} == {"itaewon-class"}


def test_a_compilations_tracks_keep_their_own_dramas() -> None:
    plan = plan_scan(
        [
            track(
                "/m/va/01.mp3",
                title="어른 (나의 아저씨 OST)",
                artist="Sondia",
                album="2020 Hits",
                album_artist="Various Artists",
            ),
            track(
                "/m/va/02.mp3",
                title="Psycho",
                artist="Red Velvet",
                album="2020 Hits",
                album_artist="Various Artists",
            ),
        ],
        bundled(),
        {},
    )
    assert [s.title for s in plan.other_music] == ["Psycho"]
