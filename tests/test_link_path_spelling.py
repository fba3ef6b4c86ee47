"""A linked file's path is kept absolute and spelled as pathlib spells it, whether it came
from a scan (already so: taken as it is, without making a Path of each of 10,000 files) or
from the user (relative, "~", doubled slashes, "." parts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ostplayer.catalog.library import _absolute

CASES = [
    "/music/어른.mp3",
    "/music/Sondia - Grown Ups (My Mister OST).flac",
    "/a//b.ogg",
    "/a/./b.ogg",
    "/a/b/",
    "//a/b.ogg",
    "~/Music/x.mp3",
    "Music/x.mp3",
    "/a/../b.ogg",
    "/a/.hidden/b.ogg",
    "/a/b.",
    "/a/...",
    "/a/b\udcff.mp3",  # a name that is not valid UTF-8, as os.fsdecode gives it
    "/",
    "/a/.",
]


@pytest.mark.parametrize("path", CASES)
def test_a_linked_path_is_spelled_as_pathlib_spells_it(path: str) -> None:
    assert _absolute(path) == str(Path(path).expanduser().absolute())
    assert _absolute(Path(path)) == str(Path(path).expanduser().absolute())
