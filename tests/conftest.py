"""Shared fixtures. Qt runs offscreen unless a test starts a real display itself."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A test must never touch the real user's library, settings, history or caches.
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ.setdefault(_var, f"/nonexistent-ostplayer-test-home/{_var.lower()}")
