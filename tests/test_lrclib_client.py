"""The LRCLIB client against a stand-in server on 127.0.0.1: what it sends, and how it copes
with 404, 429, 5xx, stalls, huge bodies, HTML pages, bad JSON and a refused connection."""

from __future__ import annotations

import socket
import time

import pytest
from lrclib_standin import Fault, StandIn, prepare_input, record

from ostplayer import __version__
from ostplayer.domain.lyrics_lookup import LyricsQuery, ProviderError, ProviderUnreachable
from ostplayer.integrations.lyrics_providers.http_json import HttpPolicy, retry_after
from ostplayer.integrations.lyrics_providers.lrclib import (
    DEFAULT_URL,
    URL_ENVIRONMENT,
    LrclibClient,
    LrclibProvider,
    server_url,
)
from ostplayer.integrations.lyrics_providers.lrclib_publish import (
    PublishRequest,
    publish,
    solve_challenge,
)

FAST = HttpPolicy(
    connect_timeout_s=2.0,
    total_timeout_s=2.0,
    max_body=64 * 1024,
    retries=2,
    backoff_s=0.05,
    max_retry_after_s=5.0,
    requests_per_second=1000.0,
)


@pytest.fixture
def standin():
    with StandIn(
        [
            record(1, "시작", "가호", "이태원 클라쓰 OST Part.2", 202.0),
            record(
                2, "Start Over", "Gaho", "Itaewon Class (Original Television Soundtrack)", 202.5
            ),
            record(3, "It's You", "Jeong Se-woon", "What's Wrong with Secretary Kim OST", 213.0),
        ]
    ) as server:
        yield server


def client(url: str, policy: HttpPolicy = FAST) -> LrclibClient:
    return LrclibClient(url, policy)


def test_the_stand_in_normalises_as_lrclib_does() -> None:
    assert prepare_input("It's You") == "its you"
    assert prepare_input("시작 (Start Over)") == "시작 start over"
    assert prepare_input("Café") == "cafe"


def test_get_sends_the_documented_parameters_and_a_user_agent(standin: StandIn) -> None:
    c = client(standin.url)
    hit = c.get("It’s You", "Jeong Se-woon", None, 212.6)
    assert hit is not None and hit.provider_id == 3 and hit.synced
    sent = standin.requests[-1]
    assert sent["path"] == "/api/get"
    assert sent["params"] == {
        "track_name": "It’s You",
        "artist_name": "Jeong Se-woon",
        "duration": "213",
    }
    agent = sent["headers"]["User-Agent"]
    assert agent.startswith(f"OSTPlayer/{__version__} (+https://")


def test_a_404_is_not_found_not_a_failure(standin: StandIn) -> None:
    c = client(standin.url)
    assert c.get("Nothing Like It", "Nobody") is None
    assert c.get_by_id(999) is None
    assert c.get_by_id(1).track == "시작"
    assert len(standin.requests) == 3  # a 404 is an answer: never retried


def test_search_by_track_name_finds_both_scripts_separately(standin: StandIn) -> None:
    c = client(standin.url)
    assert [r.provider_id for r in c.search(track="시작")] == [1]
    assert [r.provider_id for r in c.search(track="Start Over")] == [2]
    assert c.search() == []  # neither q nor track_name: nothing is even asked
    assert standin.paths() == ["/api/search", "/api/search"]


def test_429_is_retried_after_the_time_it_asks(standin: StandIn) -> None:
    standin.fault("/api/get", Fault(429, {"Retry-After": "1"}))
    started = time.monotonic()
    assert client(standin.url).get("시작", "가호").provider_id == 1
    gap = standin.requests[1]["at"] - standin.requests[0]["at"]
    assert gap >= 0.95
    assert time.monotonic() - started < 3


def test_a_retry_after_too_long_is_given_up_at_once(standin: StandIn) -> None:
    standin.fault("/api/get", Fault(429, {"Retry-After": "3600"}))
    with pytest.raises(ProviderError, match="429"):
        client(standin.url).get("시작", "가호")
    assert len(standin.requests) == 1


def test_server_errors_are_retried_with_backoff_then_reported(standin: StandIn) -> None:
    standin.fault("/api/get", Fault(500), Fault(503))
    assert client(standin.url).get("시작", "가호").provider_id == 1
    assert len(standin.requests) == 3
    standin.fault("/api/get", Fault(500), Fault(500), Fault(500))
    with pytest.raises(ProviderError, match="500"):
        client(standin.url).get("시작", "가호")


def test_a_stalled_server_times_out(standin: StandIn) -> None:
    policy = HttpPolicy(total_timeout_s=0.5, retries=0, requests_per_second=1000)
    standin.fault("/api/get", Fault(stall_s=3.0))
    started = time.monotonic()
    with pytest.raises(ProviderError, match=r"stopped answering|took more"):
        client(standin.url, policy).get("시작", "가호")
    assert time.monotonic() - started < 2.5


def test_a_dripping_server_is_cut_at_the_total_deadline(standin: StandIn) -> None:
    policy = HttpPolicy(total_timeout_s=0.6, retries=0, requests_per_second=1000)
    standin.fault(
        "/api/get", Fault(body=b'{"id": 1, "trackName": "' + b"x" * 200 + b'"}', drip_s=0.05)
    )
    started = time.monotonic()
    with pytest.raises(ProviderError):
        client(standin.url, policy).get("시작", "가호")
    assert time.monotonic() - started < 4


def test_a_huge_body_is_refused_without_reading_it_all(standin: StandIn) -> None:
    standin.fault("/api/search", Fault(body=b"[" + b" " * (5 * 1024 * 1024) + b"]"))
    with pytest.raises(ProviderError, match=r"too large|more than"):
        client(standin.url).search(track="시작")
    assert len(standin.requests) == 1  # too big once is too big again: no retry


def test_a_captive_portal_page_and_bad_json_are_one_line_errors(standin: StandIn) -> None:
    standin.fault(
        "/api/get",
        Fault(
            body=b"<html><body>Log in to the hotel Wi-Fi</body></html>", content_type="text/html"
        ),
    )
    with pytest.raises(ProviderError, match="did not answer with JSON"):
        client(standin.url).get("시작", "가호")
    standin.fault("/api/get", Fault(body=b'{"id": 1, "trackName": '))
    with pytest.raises(ProviderError, match="malformed JSON"):
        client(standin.url).get("시작", "가호")


def test_a_refused_connection_is_unreachable_and_quick() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again below: nothing listens there
    started = time.monotonic()
    with pytest.raises(ProviderUnreachable, match="could not connect"):
        client(f"http://127.0.0.1:{port}").get("시작", "가호")
    assert time.monotonic() - started < 3


def test_the_rate_limit_spaces_requests_per_host(standin: StandIn) -> None:
    policy = HttpPolicy(retries=0, requests_per_second=10.0)
    c = client(standin.url, policy)
    for _ in range(4):
        c.get_by_id(1)
    stamps = [r["at"] for r in standin.requests]
    assert stamps[-1] - stamps[0] >= 0.28


def test_the_provider_asks_with_every_spelling(standin: StandIn) -> None:
    provider = LrclibProvider(client(standin.url))
    query = LyricsQuery(
        "start-over", ("Start Over", "시작"), (("Gaho", "가호"),), ("Itaewon Class",), None, 202.0
    )
    found = provider.candidates(query)
    # "Start Over" by "Gaho" is an exact hit with synced lyrics: nothing more is asked.
    assert [c.provider_id for c in found] == [2]
    # Filed under both spellings at once, and the singer too: no exact hit, so the title is
    # searched in each script.
    standin.records = [record(4, "시작 (Start Over)", "가호 (Gaho)", "", 202.0)]
    standin.requests.clear()
    found = provider.candidates(query)
    assert [c.provider_id for c in found] == [4]
    asked = [(r["path"], r["params"].get("track_name")) for r in standin.requests]
    assert ("/api/search", "시작") in asked and ("/api/search", "Start Over") in asked


def test_the_server_address_comes_from_the_option_the_environment_or_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(URL_ENVIRONMENT, raising=False)
    assert server_url() == DEFAULT_URL
    assert server_url("https://lyrics.example/") == "https://lyrics.example"
    monkeypatch.setenv(URL_ENVIRONMENT, "http://127.0.0.1:9")
    assert server_url("https://lyrics.example") == "http://127.0.0.1:9"
    assert server_url("https://lyrics.example", "http://127.0.0.1:8") == "http://127.0.0.1:8"


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert retry_after("soon") is None


def test_publish_solves_the_challenge_and_sends_the_token(standin: StandIn) -> None:
    standin.target = "00" + "F" * 62  # easy: a few hundred hashes, not millions
    request = PublishRequest(
        "시작", "가호", "이태원 클라쓰 OST Part.2", 202.0, "첫 줄", "[00:01.00]첫 줄"
    )
    publish(client(standin.url), request)
    assert standin.published == [request.as_json()]
    token = standin.requests[-1]["headers"]["X-Publish-Token"]
    assert ":" in token
    # A token is good once.
    standin.challenges[token.split(":")[0]] = standin.target
    assert solve_challenge(token.split(":")[0], standin.target) == token.split(":")[1]


def test_solving_can_be_cancelled() -> None:
    class Stop(Exception):
        pass

    def check() -> None:
        raise Stop

    with pytest.raises(Stop):
        solve_challenge("p" * 32, "0" * 64, check)  # unsolvable: only a cancel ends it
