"""Shared fixtures. Qt runs offscreen unless a test starts a real display itself."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A test must never touch the real user's library or settings.
os.environ.setdefault("XDG_DATA_HOME", "/nonexistent-ostplayer-test-home")
