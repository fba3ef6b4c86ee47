"""SearchIndex must give exactly what the linear reference gives, for many kinds of query."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator

import catalog_support
import pytest

from ostplayer.domain import search as search_mod
from ostplayer.domain.catalog_format import catalog_from_dict
from ostplayer.domain.models import Catalog, Song
from ostplayer.domain.search import SearchIndex, linear_search, query_terms


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return catalog_support.bundled_catalog()


@pytest.fixture(scope="module")
def generated() -> Catalog:
    return catalog_from_dict(catalog_support.generated(n_songs=2000, n_dramas=100, seed=3))


@pytest.fixture
def memo_song_words(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Memoize song_words so linear_search costs one set lookup per song and query.

    linear_search recomputes every song's words for every query (~0.2 s per query over
    2,000 songs); the words of a frozen Song in an unchanged catalog never change, so
    caching them keeps the reference's semantics while letting the test try many queries.
    """
    original = search_mod.song_words
    cache: dict[tuple[int, str, str], set[str]] = {}

    def cached(song: Song, catalog: Catalog, extra: str = "") -> set[str]:
        key = (id(catalog), song.id, extra)
        words = cache.get(key)
        if words is None:
            words = cache[key] = original(song, catalog, extra)
        return words

    monkeypatch.setattr(search_mod, "song_words", cached)
    yield


BUNDLED_QUERIES = [
    "",
    "   ",
    "!!",
    "’",
    "go ara",
    "Go Ara",
    "GO",
    "go",
    "goal",
    "ara go",
    "kihyun",
    "Kihyun (Monsta X)",
    "monsta",
    "monster",
    "btob",
    "BTOB yook",
    "seo eun",
    "lim hyun-sik",
    "park",
    "park seo-joon",
    "seo-joon",
    "joon park",
    "it’s you",
    "it's you",
    "It’s",
    "what’s wrong",
    "what's wrong with",
    "whats",
    "secretary kim",
    "“our tears,”",
    "our tears",
    "tears",
    "ambig",
    "ambiguous strings",
    "piano ballad",
    "ballad",
    "itaewon",
    "itaewon class gaho",
    "sae-ro-yi",
    "ko dong-man",
    "choi ae-ra",
    "start over",
    "hwarang poet",
    "warrior",
    "one more step",
    "step",
    "nothing-matches-this",
    "zz",
    "s",
    "a",
    "y",
    "2015",
    "love",
    "loves",
    "lov",
    "I’m going",
    "…",
    "kim-mi-so",
    "mi so",
    "사랑",
    "박서준",
    "park\tseo\njoon",
]


def test_bundled_index_matches_linear_search(bundled: Catalog) -> None:
    index = SearchIndex.build(bundled)
    for query in BUNDLED_QUERIES:
        assert index.search(query) == linear_search(bundled, query), query


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("go ara", {"our-tears"}),
        ("kihyun", {"one-more-step"}),
        ("monsta x", {"one-more-step"}),
        ("btob", {"ambiguous"}),
        ("yook sung", {"ambiguous"}),
        # Each of these three has the words "it’s" and "you"; a stray "s" term matched more.
        ("it's you", {"its-you", "ambiguous", "our-tears"}),
        ("its you", {"its-you", "ambiguous", "our-tears"}),
        ("whats wrong", {"its-you"}),
        ("what’s wrong", {"its-you"}),
        ("what's wrong", {"its-you"}),
        ("itaewon", {"start-over"}),
        ("gaho", {"start-over"}),
        ("our tears", {"our-tears"}),
        ("nothing-matches-this", set()),
    ],
)
def test_bundled_known_answers(bundled: Catalog, query: str, expected: set[str]) -> None:
    assert SearchIndex.build(bundled).search(query) == expected


def test_empty_queries_mean_everything(bundled: Catalog) -> None:
    index = SearchIndex.build(bundled)
    for query in ("", " ", "\t\n", "!?", "’", "—"):
        assert index.search(query) is None, repr(query)
        assert index.search_positions(query) is None
        assert linear_search(bundled, query) is None


def test_word_prefix_not_substring(bundled: Catalog) -> None:
    index = SearchIndex.build(bundled)
    # "ara" starts the word "Ara" (Go Ara) but "Ae-ra" only contains "ra": word starts only.
    assert index.search("ara") == {"our-tears"}
    assert "ambiguous" in index.search("ra")  # type: ignore[operator]
    # "oon" is inside "Seo-joon" and "Young-joon" but starts no word.
    assert index.search("oon") == set()


def test_curly_and_straight_apostrophes_are_the_same(bundled: Catalog) -> None:
    index = SearchIndex.build(bundled)
    assert index.search("it’s you") == index.search("it's you") == index.search("it‘s you")
    # An apostrophe joins the word, as people type it without one ("whats wrong").
    assert query_terms("What’s Wrong") == query_terms("what's wrong") == ["whats", "wrong"]


def test_positions_agree_with_ids(bundled: Catalog) -> None:
    index = SearchIndex.build(bundled)
    positions = index.search_positions("park")
    assert positions is not None
    assert {index.song_ids[p] for p in positions} == index.search("park")


def _generated_queries(catalog: Catalog, count: int, seed: int) -> list[str]:
    """Queries a user would type: prefixes of words from titles, names, lyrics, Hangul."""
    rng = random.Random(seed)
    songs = list(catalog.songs.values())
    hangul = [s.title_original for s in songs if s.title_original]
    hangul += [p.name_original for p in catalog.people.values() if p.name_original]
    queries: list[str] = []
    while len(queries) < count:
        song = rng.choice(songs)
        kind = rng.randrange(8)
        if kind == 0:
            text = song.title
        elif kind == 1:
            text = catalog.performer_names(song)
        elif kind == 2:
            text = catalog.dramas[song.drama].title
        elif kind == 3:
            text = rng.choice(song.lyrics_excerpt.split("\n"))
        elif kind == 4:
            text = rng.choice(hangul)
        elif kind == 5:
            text = rng.choice(song.commentary) if song.commentary else song.title
        elif kind == 6:
            # Two words from different songs: usually no or few matches.
            text = f"{rng.choice(songs).title} {rng.choice(songs).title}"
        else:
            text = song.musical_character
        words = text.split()
        start = rng.randrange(len(words))
        picked = words[start : start + rng.randint(1, 3)]
        # Cut the last word as if the user were still typing it.
        last = picked[-1]
        picked[-1] = last[: rng.randint(1, len(last))]
        query = " ".join(picked)
        if rng.random() < 0.3:
            query = query.upper()
        if rng.random() < 0.2:
            query = query.replace("’", "'")
        queries.append(query)
    return queries


def test_generated_index_matches_linear_search(generated: Catalog, memo_song_words: None) -> None:
    index = SearchIndex.build(generated)
    queries = _generated_queries(generated, 60, seed=11)
    queries += ["", "kim", "kim j", "lee min", "’", "it’s", "it's", "don’t", "zzzz", "a b c"]
    hits = 0
    for query in queries:
        expected = linear_search(generated, query)
        assert index.search(query) == expected, query
        hits += bool(expected)
    # The queries are drawn from the catalog itself, so most of them find something.
    assert hits > len(queries) * 0.8


def test_typing_char_by_char_matches_linear_search(
    generated: Catalog, memo_song_words: None
) -> None:
    # Each keystroke is a new query; the index's per-term cache must never leak stale answers.
    index = SearchIndex.build(generated)
    song = next(s for s in generated.songs.values() if s.title_original)
    for full in (song.title, generated.performer_names(song), song.title_original, "what’s wr"):
        for end in range(1, len(full) + 1):
            query = full[:end]
            assert index.search(query) == linear_search(generated, query), query


def test_hangul_queries(generated: Catalog, memo_song_words: None) -> None:
    index = SearchIndex.build(generated)
    with_hangul = [s for s in generated.songs.values() if s.title_original]
    assert with_hangul
    for song in with_hangul[:20]:
        first_word = song.title_original.split()[0]
        # A whole word, its first syllable, and the same text decomposed into jamo (NFD, as
        # some input methods and macOS file names produce) all find the song.
        for query in (first_word, first_word[0], unicodedata.normalize("NFD", first_word)):
            result = index.search(query)
            assert result is not None and song.id in result, query
            assert result == linear_search(generated, query), query
    person = next(p for p in generated.people.values() if p.name_original)
    assert index.search(person.name_original) == linear_search(generated, person.name_original)


def test_multi_term_is_an_intersection(generated: Catalog) -> None:
    index = SearchIndex.build(generated)
    song = next(iter(generated.songs.values()))
    performer = generated.person_name(song.performers[0].person)
    a, b = song.title.split()[0], performer.split()[0]
    both = index.search(f"{a} {b}")
    assert both is not None and song.id in both
    assert both == (index.search(a) or set()) & (index.search(b) or set())
    assert index.search(f"{b} {a}") == both  # term order does not matter


@pytest.mark.parametrize(
    ("query", "song"),
    [
        ("가호", "start-over"),  # the singer in Hangul
        ("이태원", "start-over"),  # the drama's Hangul title: Itaewon Class
        ("시작", "start-over"),  # the song's Hangul title
        ("sijak", "start-over"),  # 시작 romanized
        ("Sijak", "start-over"),
        ("start over", "start-over"),
        ("ㄱㅎ", "start-over"),  # initial consonants of 가호
        ("ㅇㅌㅇ", "start-over"),  # of 이태원 (클라쓰)
        ("이태원 클라쓰", "start-over"),
        (unicodedata.normalize("NFD", "시작"), "start-over"),  # decomposed, as macOS types it
        ("서로의 눈물", "our-tears"),
    ],
)
def test_the_bundled_catalog_is_found_in_hangul_and_across_scripts(
    bundled: Catalog, query: str, song: str
) -> None:
    index = SearchIndex.build(bundled)
    found = index.search(query)
    assert found is not None and song in found, query
    assert found == linear_search(bundled, query)


def test_park_seo_joon_in_hangul_finds_every_drama_he_is_in(bundled: Catalog) -> None:
    index = SearchIndex.build(bundled)
    # He acts in all five dramas, so 박서준 finds each drama's song, as "Park Seo-joon" does.
    assert index.search("박서준") == index.search("park seo-joon") == set(bundled.songs)
    assert index.search("ㅇㅌㅇ") == {"start-over"}  # not every song with an ㅇ
