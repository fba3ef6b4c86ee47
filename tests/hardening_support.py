"""Helpers for the hardening tests: small disks, read-only folders, calls that must not hang.

A full disk is a real tmpfs of a few hundred KB: mounted directly when the tests run as root,
else inside a user namespace (``unshare -rm``) for a child process. A read-only folder is a
tmpfs remounted read-only (root, whom permissions do not stop) or a folder without write
permission (everyone else).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, resource_path

SEED = resource_path(BUNDLED_CATALOG)
IS_ROOT = os.name == "posix" and os.geteuid() == 0


def open_library(data_dir: Path) -> Library:
    return Library(data_dir, SEED)


def finishes(call: Callable[[], Any], seconds: float = 10.0) -> Any:
    """``call()``'s result; fails the test (instead of hanging it) if it takes too long."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # handed to the test below
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it hangs"
    if "error" in box:
        raise box["error"]
    return box.get("value")


def can_mount_here() -> bool:
    return IS_ROOT and shutil.which("mount") is not None


def can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /tmp && echo ok"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    return probe.stdout.strip() == "ok"


@contextlib.contextmanager
def tmpfs(path: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` mounted at ``path`` (root only) for the ``with`` block."""
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)], check=True
    )
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder``'s content, read-only for the ``with`` block, as this user sees it."""
    if can_mount_here():
        keep = folder.with_name(folder.name + ".content")
        shutil.copytree(folder, keep, symlinks=True)
        with tmpfs(folder, 64 * 1024):
            shutil.copytree(keep, folder, symlinks=True, dirs_exist_ok=True)
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            yield folder
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for p in sorted(modes, key=lambda p: len(p.parts), reverse=True):
        p.chmod(modes[p] & ~0o222)
    try:
        yield folder
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
