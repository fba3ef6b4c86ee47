"""The online lookups' cache: answers survive a restart, expire, go stale when what would be
asked changes, and a torn line after a crash costs only that answer."""

from __future__ import annotations

import time

from ostplayer.catalog.library import Library
from ostplayer.catalog.lyrics_lookup_cache import EXPIRY_S, LookupCache
from ostplayer.paths import BUNDLED_CATALOG, resource_path


def test_answers_survive_a_restart_and_expire(tmp_path) -> None:
    path = tmp_path / "cache" / "online-lyrics.jsonl"
    cache = LookupCache(path)
    cache.put("start-over", "key-1", "not_found")
    cache.put("its-you", "key-2", "needs_review", "Are these the lyrics of this song? …")
    again = LookupCache(path)
    assert again.get("start-over", "key-1")["status"] == "not_found"
    assert again.get("its-you", "key-2")["message"].startswith("Are these")
    assert again.get("start-over", "another key") is None  # asked differently: stale
    later = time.time() + EXPIRY_S["not_found"] + 1
    assert again.get("start-over", "key-1", now=later) is None


def test_try_again_forgets_and_a_torn_line_is_skipped(tmp_path) -> None:
    path = tmp_path / "online-lyrics.jsonl"
    cache = LookupCache(path)
    cache.put("start-over", "k", "not_found")
    cache.put("its-you", "k", "not_found")
    cache.forget("start-over")
    with path.open("a", encoding="utf-8") as f:
        f.write('{"song": "our-tears", "key": "k", "sta')  # a crash mid-line
    again = LookupCache(path)
    assert again.get("start-over", "k") is None
    assert again.get("its-you", "k") is not None
    assert again.get("our-tears", "k") is None and len(again) == 1


def test_many_songs_personal_fields_in_one_write(tmp_path) -> None:
    library = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    library.set_saved_lyrics("start-over", "mine")
    seen = []
    library.events.subscribe(seen.append)
    library.update_personal_many(
        {"start-over": {"fetched_lyrics": {"text": "a"}}, "its-you": {"fetched_lyrics": None}}
    )
    library.close()
    reopened = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    try:
        assert reopened.saved_lyrics("start-over") == "mine"  # the user's lyrics are kept
        assert reopened.personal("start-over")["fetched_lyrics"] == {"text": "a"}
    finally:
        reopened.close()
    assert len(seen) == 1 and set(seen[0].personal) == {"start-over", "its-you"}
