"""A careful JSON-over-HTTP caller for lyrics providers, on httpx's synchronous client.

Synchronous on purpose: it runs on a task's worker thread in the window and directly in the
command line, so one client serves both without an event loop. Each request has a connect
timeout and a total deadline (httpx's timeouts are per operation: a server dripping a byte a
second would never trip them); the body is streamed and cut at :attr:`HttpPolicy.max_body`
(a captive portal's page or a runaway response never fills memory); 429 and 5xx are retried
with exponential backoff that honours ``Retry-After``; and a per-host rate limit spaces
requests out, shared by every thread using the same :class:`RateLimiter`.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ...domain.lyrics_lookup import ProviderError, ProviderUnreachable

if TYPE_CHECKING:
    import httpx

__all__ = ["HttpPolicy", "JsonHttp", "NotFound", "RateLimiter"]

Check = Callable[[], None] | None


class NotFound(ProviderError):
    """The server said 404: the provider has no such record (not a failure)."""


class _Transient(ProviderError):
    """A timeout or a dropped connection: another try may work (a huge body will not)."""


@dataclass(frozen=True)
class HttpPolicy:
    connect_timeout_s: float = 5.0
    total_timeout_s: float = 15.0
    max_body: int = 2 * 1024 * 1024
    retries: int = 3  # after the first attempt
    backoff_s: float = 1.0  # doubled after each retry
    max_retry_after_s: float = 60.0  # a longer wait than this is given up, not slept
    requests_per_second: float = 4.0


class RateLimiter:
    """At most N requests a second per host, across threads (a bulk fetch and a lookup)."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, check: Check = None) -> None:
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(host, 0.0))
            self._next[host] = at + self.interval
        _sleep(at - now, check)


def _sleep(seconds: float, check: Check) -> None:
    """Sleep in short slices so a cancel is noticed within 0.1 s."""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if check is not None:
            check()
        time.sleep(min(left, 0.1))
    if check is not None:
        check()


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


class JsonHttp:
    def __init__(
        self,
        base_url: str,
        user_agent: str,
        policy: HttpPolicy | None = None,
        limiter: RateLimiter | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.policy = policy or HttpPolicy()
        self.limiter = limiter or RateLimiter(self.policy.requests_per_second)
        self.host = urlsplit(self.base_url).netloc or self.base_url
        import httpx  # here, not at start-up: online lyrics are off until the user turns them on

        p = self.policy
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": "application/json"},
            timeout=httpx.Timeout(p.total_timeout_s, connect=p.connect_timeout_s),
            follow_redirects=False,  # a captive portal's redirect is an answer, not lyrics
            transport=transport,
            trust_env=False,  # no proxy or .netrc credentials picked up behind the user's back
        )
        self.requests_made = 0  # attempts that reached the network layer

    def close(self) -> None:
        self._client.close()

    def get(self, path: str, params: Mapping[str, Any] | None = None, check: Check = None) -> Any:
        return self.request("GET", path, params=params, check=check)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        check: Check = None,
        retry: bool = True,
    ) -> Any:
        """The decoded JSON; raises NotFound for 404 and ProviderError with one line else."""
        p = self.policy
        attempts = 1 + (p.retries if retry else 0)
        wait = p.backoff_s
        last = "no answer"
        for attempt in range(attempts):
            self.limiter.wait(self.host, check)
            try:
                status, header, body = self._once(method, path, params, json_body, headers)
            except _Transient as exc:
                last = str(exc)
                if attempt + 1 < attempts:
                    _sleep(wait, check)
                    wait *= 2
                    continue
                raise
            if status == 404:
                raise NotFound("not found")
            if status == 429 or status >= 500:
                last = f"{self.host} answered {status}" + (
                    " (too many requests)" if status == 429 else " (a server error)"
                )
                if attempt + 1 >= attempts:
                    break
                delay = retry_after(header.get("retry-after"))
                if delay is not None and delay > p.max_retry_after_s:
                    raise ProviderError(f"{last}; it asks to wait {delay:.0f} s, try later")
                _sleep(max(wait, delay or 0.0), check)
                wait *= 2
                continue
            return self._decode(status, header, body)
        raise ProviderError(last)

    def _once(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        json_body: Any,
        headers: Mapping[str, str] | None,
    ) -> tuple[int, httpx.Headers, bytes]:
        import httpx

        p = self.policy
        deadline = time.monotonic() + p.total_timeout_s
        self.requests_made += 1
        try:
            with self._client.stream(
                method, self.base_url + path, params=params, json=json_body, headers=headers
            ) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > p.max_body:
                    raise ProviderError(f"{self.host} sent {_size(int(declared))}: too large")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_raw():
                    size += len(chunk)
                    if size > p.max_body:
                        raise ProviderError(f"{self.host} sent more than {_size(p.max_body)}")
                    if time.monotonic() > deadline:
                        raise _Transient(f"{self.host} took more than {p.total_timeout_s:g} s")
                    chunks.append(chunk)
                return response.status_code, response.headers, b"".join(chunks)
        except httpx.ConnectTimeout:
            raise ProviderUnreachable(f"could not connect to {self.host} (timed out)") from None
        except httpx.ConnectError as exc:
            raise ProviderUnreachable(f"could not connect to {self.host}: {_reason(exc)}") from None
        except httpx.TimeoutException:
            raise _Transient(f"{self.host} stopped answering") from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Transient(f"{self.host} dropped the connection: {_reason(exc)}") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise ProviderError(f"{self.host}: {_reason(exc)}") from None

    def _decode(self, status: int, header: httpx.Headers, body: bytes) -> Any:
        kind = header.get("content-type", "")
        if 200 <= status < 300 and not body.strip():
            return None  # 201 Created (a publish) carries no body
        if 300 <= status < 400:
            raise ProviderError(
                f"{self.host} redirected elsewhere (a network login page?); nothing was changed"
            )
        if "json" not in kind.lower():
            raise ProviderError(
                f"{self.host} did not answer with JSON (a network login page?): {status}"
            )
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ProviderError(f"{self.host} sent malformed JSON") from None
        if status >= 400:
            message = data.get("message") if isinstance(data, dict) else None
            raise ProviderError(f"{self.host} refused the request ({status}): {message or ''}")
        return data


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:120]
