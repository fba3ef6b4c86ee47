"""Where the app keeps things: the XDG folders (through platformdirs) and bundled resources.

- data ($XDG_DATA_HOME/ostplayer): the library (catalog, personal data), the data-folder lock;
- config ($XDG_CONFIG_HOME/ostplayer): settings.ini;
- state ($XDG_STATE_HOME/ostplayer): play history, the resume point and the queue;
- cache ($XDG_CACHE_HOME/ostplayer): thumbnails, scan and lyrics caches (safe to delete).

``--data-dir DIR`` keeps all four in that one folder. Files that older versions kept in the
data folder are moved to their new places once, atomically, and never overwrite a newer copy.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "ostplayer"
BUNDLED_CATALOG = "catalog/park-seo-joon.json"

# Files that moved out of the data folder: (name, which folder it belongs in now).
_MIGRATED = (("settings.ini", "config"), ("history.jsonl", "state"))


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    state: Path
    cache: Path

    @classmethod
    def default(cls) -> AppPaths:
        import platformdirs

        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            state=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def single(cls, folder: Path) -> AppPaths:
        """Everything in one folder (``--data-dir``)."""
        folder = Path(folder)
        return cls(data=folder, config=folder, state=folder, cache=folder / "cache")

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.ini"

    @property
    def playback_state_file(self) -> Path:
        return self.state / "playback.json"

    @property
    def music_folders_file(self) -> Path:
        return self.config / "music-folders.json"

    @property
    def scan_cache_file(self) -> Path:
        return self.cache / "scan-cache.jsonl"

    @property
    def scan_review_file(self) -> Path:
        return self.state / "scan-review.json"

    def make(self) -> None:
        for folder in (self.data, self.config, self.state, self.cache):
            folder.mkdir(parents=True, exist_ok=True)

    def migrate(self) -> list[str]:
        """Move files an older version kept in the data folder; what was done, for notices."""
        done: list[str] = []
        for name, where in _MIGRATED:
            old = self.data / name
            new = getattr(self, where) / name
            if old == new or not old.is_file() or old.is_symlink():
                continue
            if new.exists():
                continue  # the new place already has one: never overwrite it with the old
            new.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, new)  # atomic; a crash leaves both names, never neither
            except OSError:
                _copy_atomically(old, new)
            with contextlib.suppress(OSError):
                old.unlink()
            done.append(f"{name} moved from {self.data} to {new.parent}")
        return done


def _copy_atomically(source: Path, target: Path) -> None:
    # Another filesystem: copy under a temporary name, fsync, rename into place.
    tmp = target.with_name(f".{target.name}.migrating.tmp")
    shutil.copy2(source, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def default_data_dir() -> Path:
    """The platform's user data directory ($XDG_DATA_HOME/ostplayer on Linux)."""
    return AppPaths.default().data


def resource_path(relative: str) -> Path:
    """A file under ``resources/``: inside the wheel when installed, the repo when editable."""
    here = Path(__file__).resolve().parent
    for base in (here / "_resources", here.parent / "resources"):
        candidate = base / relative
        if candidate.exists():
            return candidate
    return here.parent / "resources" / relative
