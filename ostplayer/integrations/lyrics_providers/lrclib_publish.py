"""Sharing synced lyrics back to LRCLIB: challenge, proof of work, publish. Never automatic.

1. ``POST /api/request-challenge`` gives a ``prefix`` and a 64-hex-digit ``target``;
2. a nonce is found with ``sha256(prefix + nonce) <= target`` as big-endian bytes (about 2^24
   hashes at the base target: seconds to tens of seconds, so on a worker thread, cancellable,
   with progress);
3. ``POST /api/publish`` with ``X-Publish-Token: PREFIX:NONCE`` and the lyrics; 201 is success.
A challenge is good for one publish.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ...domain.lyrics_lookup import ProviderError, PublishRequest
from .lrclib import LrclibClient

__all__ = ["PublishRequest", "publish", "solve_challenge"]

_PROGRESS_EVERY = 1 << 16


def solve_challenge(
    prefix: str,
    target_hex: str,
    check: Callable[[], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> str:
    """The first decimal nonce whose hash is at or under the target; ``check`` may raise to
    cancel, ``progress`` hears how many hashes were tried."""
    try:
        target = bytes.fromhex(target_hex)
    except ValueError:
        raise ProviderError("the server's challenge is not valid hexadecimal") from None
    if len(target) != 32:
        raise ProviderError("the server's challenge has the wrong length")
    base = hashlib.sha256(prefix.encode("utf-8"))
    nonce = 0
    while True:
        h = base.copy()
        h.update(str(nonce).encode("ascii"))
        if h.digest() <= target:
            return str(nonce)
        nonce += 1
        if nonce % _PROGRESS_EVERY == 0:
            if check is not None:
                check()
            if progress is not None:
                progress(nonce)


def publish(
    client: LrclibClient,
    request: PublishRequest,
    check: Callable[[], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Raises ProviderError with one line when the server refuses."""
    http = client.http
    challenge = http.request("POST", "/api/request-challenge", check=check, retry=False)
    if not isinstance(challenge, dict) or not all(
        isinstance(challenge.get(k), str) for k in ("prefix", "target")
    ):
        raise ProviderError("the server's challenge is not what LRCLIB sends")
    nonce = solve_challenge(challenge["prefix"], challenge["target"], check, progress)
    http.request(
        "POST",
        "/api/publish",
        json_body=request.as_json(),
        headers={"X-Publish-Token": f"{challenge['prefix']}:{nonce}"},
        check=check,
        retry=False,  # a token is good once: a retried publish would be refused anyway
    )
