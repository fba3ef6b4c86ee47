"""The catalog file format: the bundled catalog's content, round trips and precise errors."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from catalog_support import bundled_data, generated

from ostplayer.domain.catalog_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    CatalogFormatError,
    catalog_from_dict,
    catalog_to_dict,
)
from ostplayer.domain.models import Catalog, Credit


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return bundled_data()


@pytest.fixture(scope="module")
def bundled(raw: dict[str, Any]) -> Catalog:
    return catalog_from_dict(raw)


# --- the bundled catalog ------------------------------------------------------------------------


def test_bundled_file_is_the_current_format(raw: dict[str, Any]) -> None:
    assert raw["format"] == FORMAT_NAME
    assert raw["format_version"] == FORMAT_VERSION


def test_bundled_dramas(bundled: Catalog) -> None:
    assert [(d.title, d.year) for d in bundled.dramas.values()] == [
        ("She Was Pretty", 2015),
        ("Hwarang: The Poet Warrior Youth", 2016),
        ("Fight for My Way", 2017),
        ("What’s Wrong with Secretary Kim", 2018),
        ("Itaewon Class", 2020),
    ]
    # Every drama is one Park Seo-joon appears in.
    for drama in bundled.dramas.values():
        assert "park-seo-joon" in {c.actor for c in drama.cast}, drama.id


def test_bundled_songs_in_article_order(bundled: Catalog) -> None:
    songs = list(bundled.songs.values())
    assert [s.title for s in songs] == [
        "One More Step",
        "Our Tears",
        "Ambiguous",
        "It’s You",
        "Start Over",
    ]
    # One song per drama, in the dramas' order; the article's order is the file's order.
    assert [s.drama for s in songs] == list(bundled.dramas)
    for song in songs:
        assert bundled.songs_of_drama(song.drama) == [song]
        assert song.ost_order >= 1
    feature = next(iter(bundled.features.values()))
    assert list(feature.songs) == [s.id for s in songs]


def test_kihyun_sings_as_a_member_of_monsta_x(bundled: Catalog) -> None:
    song = bundled.songs["one-more-step"]
    assert song.performers == (Credit(person="kihyun", group="monsta-x"),)
    assert bundled.people["monsta-x"].is_group
    assert "kihyun" in bundled.people["monsta-x"].members
    assert bundled.performer_names(song) == "Kihyun (Monsta X)"


def test_btob_three_members(bundled: Catalog) -> None:
    song = bundled.songs["ambiguous"]
    assert [(c.person, c.group) for c in song.performers] == [
        ("seo-eun-kwang", "btob"),
        ("lim-hyun-sik", "btob"),
        ("yook-sung-jae", "btob"),
    ]
    assert bundled.people["btob"].members == ("seo-eun-kwang", "lim-hyun-sik", "yook-sung-jae")
    assert bundled.performer_names(song) == "BTOB (Seo Eun-kwang, Lim Hyun-sik and Yook Sung-jae)"


def test_our_tears_is_sung_by_the_cast(bundled: Catalog) -> None:
    song = bundled.songs["our-tears"]
    assert song.sung_by_cast
    assert song.performers == (Credit(person="park-seo-joon"),)
    assert bundled.person_name("park-seo-joon") == "Park Seo-joon"
    hwarang = bundled.dramas[song.drama]
    assert "park-seo-joon" in {c.actor for c in hwarang.cast}
    # The only cast-sung song.
    assert [s.id for s in bundled.songs.values() if s.sung_by_cast] == ["our-tears"]


def test_hwarang_cast_has_actors_without_characters(bundled: Catalog) -> None:
    # The article names the actors of Hwarang but not their roles: character is null.
    cast = bundled.dramas["hwarang"].cast
    assert [(c.actor, c.character) for c in cast] == [
        ("park-seo-joon", None),
        ("go-ara", None),
    ]


def test_excerpts_keep_line_breaks_as_newlines(bundled: Catalog) -> None:
    # The article prints lyric lines separated by " / "; the file stores real line breaks.
    for song in bundled.songs.values():
        assert song.lyrics_excerpt, song.id
        assert "/" not in song.lyrics_excerpt, song.id
        lines = song.lyrics_excerpt.split("\n")
        assert len(lines) >= 3, song.id
        assert all(line.strip() == line and line for line in lines), song.id
    assert bundled.songs["ambiguous"].lyrics_excerpt.split("\n") == [
        "It’s ambiguous",
        "You seem to like me, but sometimes not",
        "I think I know your mind, but sometimes not.",
    ]


def test_song_characters_are_from_the_drama_cast(bundled: Catalog) -> None:
    for song in bundled.songs.values():
        cast = bundled.dramas[song.drama].cast
        assert song.characters, song.id
        assert set(song.characters) <= {c.id for c in cast}, song.id
    ambiguous = bundled.songs["ambiguous"]
    drama = bundled.dramas[ambiguous.drama]
    assert [drama.cast_member(c).character for c in ambiguous.characters] == [  # type: ignore[union-attr]
        "Ko Dong-man",
        "Choi Ae-ra",
    ]


def test_commentary_and_musical_character_present(bundled: Catalog) -> None:
    for song in bundled.songs.values():
        assert song.commentary and all(p.strip() for p in song.commentary), song.id
        assert song.musical_character, song.id
    assert len(bundled.songs["start-over"].commentary) == 2


# --- round trips ----------------------------------------------------------------------------


def test_round_trip_of_the_bundled_file_is_exact(raw: dict[str, Any], bundled: Catalog) -> None:
    assert catalog_to_dict(bundled) == raw
    assert catalog_from_dict(catalog_to_dict(bundled)) == bundled


def test_round_trip_through_json_text(bundled: Catalog) -> None:
    text = json.dumps(catalog_to_dict(bundled), ensure_ascii=False)
    assert catalog_from_dict(json.loads(text)) == bundled


def test_generated_catalog_validates_and_round_trips() -> None:
    data = generated(n_songs=300, n_dramas=15, seed=7)
    cat = catalog_from_dict(data)
    assert len(cat.songs) == 300 and len(cat.dramas) == 15
    assert catalog_to_dict(cat) == data
    assert catalog_from_dict(catalog_to_dict(cat)) == cat
    # Deterministic with the seed, different with another seed.
    assert generated(n_songs=300, n_dramas=15, seed=7) == data
    assert generated(n_songs=300, n_dramas=15, seed=8) != data


def test_generated_catalog_shape() -> None:
    data = generated(n_songs=2000, n_dramas=100, seed=1)
    cat = catalog_from_dict(data)
    for drama in cat.dramas.values():
        assert 2 <= len(drama.cast) <= 6
        songs = cat.songs_of_drama(drama.id)
        assert [s.ost_order for s in songs] == list(range(1, 21))
    songs = list(cat.songs.values())
    assert all(1 <= len(s.performers) <= 3 for s in songs)
    assert all(2 <= len(s.lyrics_excerpt.split("\n")) <= 4 for s in songs)
    assert all(len(s.commentary) <= 1 for s in songs)
    assert 0.2 < sum(bool(s.commentary) for s in songs) / len(songs) < 0.4
    assert any(c.group for s in songs for c in s.performers)
    hangul = [s for s in songs if s.title_original]
    assert 0 < len(hangul) < len(songs) * 0.1
    assert all("\uac00" <= s.title_original[0] <= "\ud7a3" for s in hangul)


def test_progress_reports_and_can_cancel() -> None:
    data = generated(n_songs=2000, n_dramas=100, seed=2)
    calls: list[tuple[int, int]] = []
    catalog_from_dict(data, progress=lambda done, total: calls.append((done, total)))
    total = sum(len(data[s]) for s in ("people", "dramas", "songs", "features"))
    assert calls[-1] == (total, total)
    assert all(t == total for _, t in calls)

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        catalog_from_dict(data, progress=cancel)


def test_references_may_point_into_the_known_library(bundled: Catalog) -> None:
    addition = {
        "format": FORMAT_NAME,
        "format_version": 1,
        "songs": [
            {
                "id": "one-more-step-acoustic",
                "title": "One More Step (Acoustic)",
                "drama": "she-was-pretty",
                "performers": [{"person": "kihyun", "group": "monsta-x"}],
                "characters": ["ji-sung-joon"],
            }
        ],
    }
    with pytest.raises(CatalogFormatError) as info:
        catalog_from_dict(addition)
    assert info.value.location == "songs[0] 'one-more-step-acoustic': field 'drama'"
    cat = catalog_from_dict(addition, known=bundled)
    song = cat.songs["one-more-step-acoustic"]
    # Omitted optional fields take their defaults.
    assert (song.ost_order, song.lyrics_excerpt, song.commentary, song.sung_by_cast) == (
        0,
        "",
        (),
        False,
    )
    assert list(cat.dramas) == []  # the known library is only looked up, not copied


# --- bad files ------------------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _parent(data: dict[str, Any], path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        _parent(data, path)[path[-1]] = value

    return mutate


def _delete(path: tuple[Any, ...]) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        del _parent(data, path)[path[-1]]

    return mutate


BAD_FIELDS: list[tuple[str, Mutation, str, str]] = [
    # (test id, mutation, exact location, a word the message must contain)
    (
        "unknown-drama",
        lambda d: (_set(("songs", 0, "id"), "x")(d), _set(("songs", 0, "drama"), "nope")(d)),
        "songs[0] 'x': field 'drama'",
        "nope",
    ),
    ("song-drama-not-slug", _set(("songs", 1, "drama"), "Hwarang!"), "songs[1] 'our-tears': field 'drama'", "slug"),
    ("song-id-not-slug", _set(("songs", 0, "id"), "One More Step"), "songs[0] 'One More Step': field 'id'", "slug"),
    ("song-id-missing", _delete(("songs", 2, "id")), "songs[2]: field 'id'", "slug"),
    ("duplicate-song-id", _set(("songs", 4, "id"), "one-more-step"), "songs[4] 'one-more-step': field 'id'", "duplicate"),
    ("empty-title", _set(("songs", 0, "title"), " "), "songs[0] 'one-more-step': field 'title'", "empty"),
    ("missing-title", _delete(("songs", 3, "title")), "songs[3] 'its-you': field 'title'", "required"),
    ("title-not-text", _set(("songs", 3, "title"), 4), "songs[3] 'its-you': field 'title'", "text"),
    ("ost-order-text", _set(("songs", 3, "ost_order"), "4"), "songs[3] 'its-you': field 'ost_order'", "whole number"),
    ("ost-order-negative", _set(("songs", 3, "ost_order"), -1), "songs[3] 'its-you': field 'ost_order'", "outside"),
    ("performers-not-list", _set(("songs", 1, "performers"), "IU"), "songs[1] 'our-tears': field 'performers'", "list"),
    ("performers-not-list", _set(("songs", 1, "performers"), "Park Seo-joon"), "songs[1] 'our-tears': field 'performers'", "list"),
    ("unknown-performer", _set(("songs", 2, "performers", 1, "person"), "nobody"), "songs[2] 'ambiguous': performers[1]: field 'person'", "nobody"),
    ("unknown-group", _set(("songs", 0, "performers", 0, "group"), "monsta-y"), "songs[0] 'one-more-step': performers[0]: field 'group'", "monsta-y"),
    ("group-is-a-person", _set(("songs", 0, "performers", 0, "group"), "park-seo-joon"), "songs[0] 'one-more-step': performers[0]: field 'group'", "not a group"),
    ("not-a-member", _set(("songs", 2, "performers", 1, "person"), "kihyun"), "songs[2] 'ambiguous': performers[1]: field 'group'", "not a member"),
    ("song-id-curly-apostrophe", _set(("songs", 3, "id"), "it’s-you"), "songs[3] 'it’s-you': field 'id'", "slug"),
    ("song-id-zero-width", _set(("songs", 3, "id"), "its-you\u200b"), "songs[3] 'its-you\\u200b': field 'id'", "slug"),
    ("song-id-bom", _set(("songs", 3, "id"), "\ufeffits-you"), "songs[3] '\\ufeffits-you': field 'id'", "slug"),
    ("performer-not-object", _set(("songs", 0, "performers", 0), "kihyun"), "songs[0] 'one-more-step': performers[0]", "object"),
    ("character-not-in-cast", _set(("songs", 0, "characters"), ["kim-mi-so"]), "songs[0] 'one-more-step': field 'characters'", "kim-mi-so"),
    ("character-not-text", _set(("songs", 0, "characters"), [1]), "songs[0] 'one-more-step': field 'characters[0]'", "text"),
    ("excerpt-not-text", _set(("songs", 4, "lyrics_excerpt"), ["a", "b"]), "songs[4] 'start-over': field 'lyrics_excerpt'", "text"),
    ("commentary-not-list", _set(("songs", 4, "commentary"), "one paragraph"), "songs[4] 'start-over': field 'commentary'", "list"),
    ("sung-by-cast-text", _set(("songs", 1, "sung_by_cast"), "yes"), "songs[1] 'our-tears': field 'sung_by_cast'", "true or false"),
    ("song-not-object", _set(("songs", 2), "ambiguous"), "songs[2]", "object"),
    ("drama-year-text", _set(("dramas", 1, "year"), "2016"), "dramas[1] 'hwarang': field 'year'", "whole number"),
    ("drama-year-range", _set(("dramas", 1, "year"), 16), "dramas[1] 'hwarang': field 'year'", "outside"),
    ("drama-year-bool", _set(("dramas", 1, "year"), True), "dramas[1] 'hwarang': field 'year'", "whole number"),
    ("drama-no-title", _delete(("dramas", 4, "title")), "dramas[4] 'itaewon-class': field 'title'", "required"),
    ("cast-unknown-actor", _set(("dramas", 0, "cast", 1, "actor"), "x"), "dramas[0] 'she-was-pretty': cast[1] 'kim-hye-jin': field 'actor'", "'x'"),
    ("cast-character-number", _set(("dramas", 2, "cast", 0, "character"), 7), "dramas[2] 'fight-for-my-way': cast[0] 'ko-dong-man': field 'character'", "text"),
    ("cast-not-list", _set(("dramas", 3, "cast"), {}), "dramas[3] 'whats-wrong-with-secretary-kim': field 'cast'", "list"),
    ("person-kind", _set(("people", 0, "kind"), "band"), "people[0] 'park-seo-joon': field 'kind'", "band"),
    ("person-no-name", _delete(("people", 2, "name")), "people[2] 'go-ara': field 'name'", "required"),
    ("person-id-upper", _set(("people", 5, "id"), "Kihyun"), "people[5] 'Kihyun': field 'id'", "slug"),
    ("group-unknown-member", _set(("people", 6, "members"), ["kihyun", "shownu"]), "people 'monsta-x': field 'members'", "shownu"),
    ("feature-unknown-song", lambda d: d["features"][0]["songs"].append("nope"), "features[0] 'k-drama-flashback-park-seo-joon': field 'songs'", "nope"),
    ("feature-no-title", _set(("features", 0, "title"), None), "features[0] 'k-drama-flashback-park-seo-joon': field 'title'", "required"),
    ("songs-not-list", _set(("songs",), {"one-more-step": {}}), "songs", "list"),
    ("wrong-format", _set(("format",), "itunes"), "format", "ostplayer-catalog"),
    ("newer-format-version", _set(("format_version",), 2), "format_version", "newer"),
    ("format-version-text", _set(("format_version",), "1"), "format_version", "whole number"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "location", "word"),
    [pytest.param(m, loc, w, id=name) for name, m, loc, w in BAD_FIELDS],
)
def test_bad_field_names_entry_and_field(
    raw: dict[str, Any], mutate: Mutation, location: str, word: str
) -> None:
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(CatalogFormatError) as info:
        catalog_from_dict(data)
    err = info.value
    assert err.location == location
    assert str(err).startswith(location + ": ")
    assert word.lower() in err.message.lower()


def test_the_example_location_from_the_format_doc(raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["songs"][0]["id"] = "x"
    data["songs"][0]["drama"] = "nope"
    with pytest.raises(CatalogFormatError, match=r"^songs\[0\] 'x': field 'drama': "):
        catalog_from_dict(data)


@pytest.mark.parametrize("top", [[], "catalog", None, 3])
def test_top_level_must_be_an_object(top: Any) -> None:
    with pytest.raises(CatalogFormatError, match="JSON object"):
        catalog_from_dict(top)


def test_error_is_a_value_error_with_location_and_message() -> None:
    err = CatalogFormatError("songs[0] 'x': field 'drama'", "unknown drama 'nope'")
    assert isinstance(err, ValueError)
    assert str(err) == "songs[0] 'x': field 'drama': unknown drama 'nope'"
    assert str(CatalogFormatError("", "not JSON")) == "not JSON"


def test_songs_from_tags_may_lack_performers_drama_and_year(raw: dict[str, Any]) -> None:
    # A scanned file whose tags name nobody, or music that is not from a drama, still becomes
    # a song the user can see and play; a drama made from tags may not know its year.
    data = copy.deepcopy(raw)
    data["dramas"][0].pop("year")
    data["songs"][0]["performers"] = []
    data["songs"][1]["drama"] = None
    data["songs"][1]["characters"] = []
    data["songs"][1]["aliases"] = ["우리의 눈물"]
    data["songs"][1]["ost_part"] = 3
    catalog = catalog_from_dict(data)
    first, second = list(catalog.songs.values())[:2]
    assert catalog.dramas[data["dramas"][0]["id"]].year is None
    assert first.performers == ()
    assert second.drama is None and second.aliases == ("우리의 눈물",) and second.ost_part == 3
    again = catalog_from_dict(catalog_to_dict(catalog))
    assert again == catalog
