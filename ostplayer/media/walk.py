"""Find the audio files under the user's music folders, safely and without opening any of them.

``walk_music`` yields events as it goes: each audio file (with ``unchanged`` when its size and
mtime equal what the last scan recorded, so a rescan reads only what changed), each entry that
cannot be used and why, the folder being listed (for progress), and once the walk has finished
(not when cancelled) the known files that are gone.

What real folders hold, and what happens to it:

* Symbolic links are followed, to files and to folders, but every folder is entered once (by
  ``(st_dev, st_ino)``): a link back to a parent, or two roots that overlap, cannot loop or
  count a song twice. A link that points nowhere, or at itself, is reported.
* A folder that cannot be listed (permission denied, I/O error, an unplugged drive as a root) is
  reported, and the known files under it are *not* called gone: they are out of reach, not
  deleted.
* Names that are not valid UTF-8 (a Windows-1252 or CP949 name copied from an old disk) stay
  usable: Python keeps the bytes as surrogate escapes, the path still opens, and the event
  carries a readable form of the name. Names with newlines are ordinary names here.
* Hidden folders and the litter of NAS boxes, Windows and macOS (``.git``, ``.Trash-1000``,
  ``@eaDir``, ``$RECYCLE.BIN``, ``__MACOSX``) are not entered. Only audio extensions are
  yielded: covers, playlists, ``.cue``/``.lrc``/``.txt``/``.nfo``/``.log``, ``Thumbs.db``,
  ``desktop.ini``, ``.DS_Store`` and ``._`` AppleDouble files are not songs. ``.mp4`` is
  yielded (audio-only MP4 rips are common); the tag reader refuses it if it has a video track.
* The tree is walked with an explicit stack, so depth costs memory, not recursion.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ostplayer.domain.track_facts import UnreadableFile
from ostplayer.media.file_kinds import (
    describe_special_file,
    is_audio_name,
    unreadable_from_os_error,
)

__all__ = [
    "FolderProgress",
    "FoundFile",
    "NotSeen",
    "WalkEvent",
    "display_path",
    "walk_music",
]

MAX_DEPTH = 64
_SKIPPED_FOLDERS = frozenset(
    name.lower()
    for name in (
        "@eaDir",  # Synology thumbnails
        "@Recycle",
        "@Recently-Snapshot",
        "#recycle",
        "#snapshot",
        "$RECYCLE.BIN",
        "System Volume Information",
        "lost+found",
        "__MACOSX",
    )
)
_CANCEL_EVERY = 256  # entries between cancellation checks inside one big folder


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: str
    size: int
    mtime_ns: int
    unchanged: bool  # same size and mtime as ``known`` says: no need to read it again
    note: str = ""  # e.g. the readable form of a name that is not valid UTF-8


@dataclass(frozen=True, slots=True)
class FolderProgress:
    folder: str  # the folder about to be listed
    folders_done: int
    files_found: int


@dataclass(frozen=True, slots=True)
class NotSeen:
    """Known files under the walked roots that the finished walk did not find."""

    paths: tuple[str, ...]


WalkEvent = FoundFile | UnreadableFile | FolderProgress | NotSeen


def display_path(path: str) -> str:
    """``path`` for people: undecodable bytes as ``\\xe9``, control characters escaped."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _is_valid_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _skip_folder(name: str) -> bool:
    return name.startswith(".") or name.lower() in _SKIPPED_FOLDERS


@dataclass(slots=True)
class _Walk:
    known: Mapping[str, tuple[int, int]]
    cancel: Callable[[], bool]
    visited: set[tuple[int, int]]
    seen: set[str]
    unreachable: list[str]  # folders whose contents could not be listed
    folders_done: int = 0
    files_found: int = 0
    cancelled: bool = False

    def root(self, root: str) -> Iterator[WalkEvent]:
        try:
            st = os.stat(root)
        except OSError as exc:
            self.unreachable.append(root)
            reason = "folder not found (is the drive connected?)"
            if not isinstance(exc, FileNotFoundError):
                reason = unreadable_from_os_error(root, exc).reason
            yield UnreadableFile(root, reason)
            return
        if not stat.S_ISDIR(st.st_mode):
            if stat.S_ISREG(st.st_mode) and is_audio_name(os.path.basename(root)):
                yield self._found(root, st)
            else:
                yield UnreadableFile(root, "not a folder")
            return
        if (st.st_dev, st.st_ino) in self.visited:
            return
        self.visited.add((st.st_dev, st.st_ino))
        stack = [(root, 0)]
        while stack:
            if self.cancel():
                self.cancelled = True
                return
            folder, depth = stack.pop()
            yield FolderProgress(folder, self.folders_done, self.files_found)
            subfolders: list[tuple[str, int]] = []
            yield from self._folder(folder, depth, subfolders)
            if self.cancelled:
                return
            self.folders_done += 1
            stack.extend(reversed(subfolders))  # depth first, in name order

    def _folder(self, folder: str, depth: int, subfolders: list) -> Iterator[WalkEvent]:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except FileNotFoundError:
            return  # removed while walking: what was in it is gone, which NotSeen will say
        except OSError as exc:
            self.unreachable.append(folder)
            reason = unreadable_from_os_error(folder, exc).reason
            yield UnreadableFile(folder, f"folder cannot be listed ({reason})")
            return
        for count, entry in enumerate(entries, 1):
            if count % _CANCEL_EVERY == 0 and self.cancel():
                self.cancelled = True
                return
            yield from self._entry(entry, depth, subfolders)

    def _entry(self, entry: os.DirEntry, depth: int, subfolders: list) -> Iterator[WalkEvent]:
        name = entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if _skip_folder(name):
                return
            try:
                st = entry.stat()
            except OSError:
                return  # vanished or became unreadable between listing and stat
            key = (st.st_dev, st.st_ino)
            if key in self.visited:
                return  # a link to a folder already walked (or being walked): a loop
            if depth + 1 > MAX_DEPTH:
                self.unreachable.append(entry.path)
                yield UnreadableFile(entry.path, f"more than {MAX_DEPTH} folders deep, skipped")
                return
            self.visited.add(key)
            subfolders.append((entry.path, depth + 1))
            return
        if name.startswith(".") or not is_audio_name(name):
            return
        try:
            st = entry.stat()
        except FileNotFoundError:
            if entry.is_symlink():
                yield UnreadableFile(entry.path, "a broken symbolic link")
            return  # deleted since the folder was listed
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                yield UnreadableFile(entry.path, "a symbolic link loop")
            else:
                yield unreadable_from_os_error(entry.path, exc)
            return
        if not stat.S_ISREG(st.st_mode):
            what = describe_special_file(st.st_mode)
            yield UnreadableFile(entry.path, f"not a regular file ({what})")
            return
        yield self._found(entry.path, st)

    def _found(self, path: str, st: os.stat_result) -> FoundFile:
        self.seen.add(path)
        self.files_found += 1
        unchanged = self.known.get(path) == (st.st_size, st.st_mtime_ns)
        note = ""
        if not _is_valid_utf8(path):
            note = f"name is not valid UTF-8: {display_path(path)}"
        return FoundFile(path, st.st_size, st.st_mtime_ns, unchanged, note)

    def not_seen(self, roots: Sequence[str]) -> tuple[str, ...]:
        reachable = [r for r in roots if r not in self.unreachable]
        prefixes = tuple(_as_prefix(r) for r in reachable)
        blocked = tuple(_as_prefix(f) for f in self.unreachable)
        return tuple(
            sorted(
                path
                for path in self.known
                if path not in self.seen
                and (path in reachable or path.startswith(prefixes))
                and not path.startswith(blocked)
            )
        )


def _as_prefix(folder: str) -> str:
    return folder if folder.endswith(os.sep) else folder + os.sep


def walk_music(
    roots: Sequence[Path | str],
    known: Mapping[str, tuple[int, int]] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[WalkEvent]:
    """Walk ``roots`` for audio files; see the module docstring for what is yielded.

    ``known`` maps the paths of the last scan to ``(size, mtime_ns)``. Paths are absolute (roots
    are made absolute without resolving links, so they stay the paths the user chose).
    ``cancel`` is polled between folders and every few hundred entries; after a cancel the walk
    stops without a ``NotSeen`` (an unfinished walk cannot tell what is gone).
    """
    absolute = list(dict.fromkeys(os.path.abspath(os.fspath(root)) for root in roots))
    walk = _Walk(
        known=known or {},
        cancel=cancel or (lambda: False),
        visited=set(),
        seen=set(),
        unreachable=[],
    )
    for root in absolute:
        yield from walk.root(root)
        if walk.cancelled:
            return
    if known is not None:
        yield NotSeen(walk.not_seen(absolute))
