"""Where the app keeps things: the user's data directory and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ostplayer"
BUNDLED_CATALOG = "catalog/park-seo-joon.json"


def default_data_dir() -> Path:
    """The platform's user data directory ($XDG_DATA_HOME/ostplayer on Linux)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / APP_NAME


def resource_path(relative: str) -> Path:
    """A file under ``resources/``: inside the wheel when installed, the repo when editable."""
    here = Path(__file__).resolve().parent
    for base in (here / "_resources", here.parent / "resources"):
        candidate = base / relative
        if candidate.exists():
            return candidate
    return here.parent / "resources" / relative
