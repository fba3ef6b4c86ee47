"""Builds the window's online lyrics service with LRCLIB as its provider (for app.py)."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QObject

from ...domain.lyrics_lookup import PublishRequest
from ...services.context import AppContext
from ...services.online_lyrics import OnlineLyricsService
from .http_json import RateLimiter
from .lrclib import URL_ENVIRONMENT, LrclibClient, LrclibProvider, rate_limit
from .lrclib_publish import publish

__all__ = ["CACHE_NAME", "make_online_lyrics"]

CACHE_NAME = "online-lyrics.jsonl"


def make_online_lyrics(context: AppContext, parent: QObject | None = None) -> OnlineLyricsService:
    # One limiter for every client the service makes (a changed server address makes another).
    limiter = RateLimiter(rate_limit())

    def provider(url: str) -> LrclibProvider:
        return LrclibProvider(LrclibClient(url, limiter=limiter))

    service = OnlineLyricsService(
        context.library,
        context.tasks,
        context.settings,
        provider,
        context.paths.cache / CACHE_NAME,
        parent,
        server_override=os.environ.get(URL_ENVIRONMENT),
        publisher=publish_to,
    )
    if service.cache.unusable:  # shown with the library's notices once the window is up
        context.notices.append(service.cache.unusable)
    return service


def publish_to(
    url: str,
    request: PublishRequest,
    check: Callable[[], None],
    progress: Callable[[int], None],
) -> None:
    """Share on LRCLIB: a client of its own (one publish, one challenge)."""
    client = LrclibClient(url)
    try:
        publish(client, request, check, progress)
    finally:
        client.close()
