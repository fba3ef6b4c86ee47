"""The processes that read tags: how they are started, and starting early.

They are started with ``forkserver`` (``spawn`` where that is missing), never ``fork``: the
app's GUI process has Qt's threads running, and a forked copy of a process with threads can
deadlock on a lock some other thread held. The fork server imports the tag readers once and
every worker is forked from it with them loaded, instead of each worker importing mutagen and
the tag modules (some 0.15 s each, at the start of every scan).
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context

log = logging.getLogger(__name__)

# What a worker runs: loaded in the fork server, so no worker imports it again.
_PRELOAD = ["ostplayer.media.scan_reader", "ostplayer.media.tags"]


def reader_context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)  # only before the server starts; then a no-op
    return context


def warm_up() -> None:
    """Start the fork server now (it loads the tag readers while this process goes on with
    its own start-up), so the scan's first workers are forked at once. Returns at once."""
    context = reader_context()
    if context.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    try:
        forkserver.ensure_running()
    except Exception as exc:  # only a head start: the scan finds its own way (or reads here)
        log.info("could not start the tag readers' fork server early: %s", exc)
