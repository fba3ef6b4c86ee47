"""What the running instance does for ``ostplayer`` commands sent to it (see single_instance).

The library commands run the command line's own handlers on the running app's library service
(the window then shows the new link or import at once, through the service's change events);
the one writer stays the process that holds the data folder's lock. Slow ones (import,
export) run as tasks and answer when they end.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..services.texts import fill, tr
from .single_instance import Handler, Reply

if TYPE_CHECKING:
    from ..services.context import AppContext


def _clock(ms: int) -> str:
    s = max(0, int(ms)) // 1000
    return (
        f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )


def now_text(ctx: AppContext) -> str:
    """What is playing, where, and the current lyric line: ``ostplayer now``."""
    from ..playback.base import PlayerState
    from .mpris_metadata import build_metadata

    session = ctx.playback
    song = session.current_song_id
    state = session.state()
    if song is None or not session.is_active():
        return "Nothing is playing."
    meta = build_metadata(ctx.library.catalog, song)
    word = "Paused" if state is PlayerState.PAUSED else "Playing"
    lines = [f"{word}: {ctx.library.describe(song)}"]
    if "xesam:album" in meta:
        lines.append(str(meta["xesam:album"]))
    position, length = session.position_ms(), session.length_ms()
    lines.append(f"{_clock(position)} / {_clock(length)}" if length > 0 else _clock(position))
    # Asked once, answered from the cache the next time (the lookup reads files: a worker's job).
    result = ctx.lyrics.cached(song) or (
        None if ctx.lyrics.is_pending(song) else ctx.lyrics.request(song)
    )
    if result is not None and result.found is not None:
        lyrics = result.found.lyrics
        index = lyrics.group_index_at(position, ctx.library.lyrics_offset(song))
        if index >= 0 and lyrics.groups[index].text.strip():
            lines.append(f"♪ {lyrics.groups[index].text.strip()}")
    return "\n".join(lines)


def _captured(fn: Callable[[Any, argparse.Namespace], int], library: Any, **args: Any):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = fn(library, argparse.Namespace(**args))
    return code, out.getvalue(), err.getvalue()


def song_for_file(ctx: AppContext, path: Path) -> str | None:
    target = str(Path(path).expanduser().absolute())
    for song_id in ctx.library.linked_song_ids():
        if target in ctx.library.audio_files(song_id) or ctx.library.audio_path(song_id) == target:
            return song_id
    return None


def build_handlers(
    ctx: AppContext,
    *,
    raise_window: Callable[[], None],
    play_songs: Callable[[str, list[str]], None],
    scan_paths: Callable[[list[str]], None],
    status: Callable[[str], None],
    quit_app: Callable[[], None] = lambda: None,
    library_commands: dict[str, Callable[[Any, argparse.Namespace], int]] | None = None,
) -> dict[str, Handler]:
    commands = library_commands or {}
    session, library = ctx.playback, ctx.library

    def open_paths(paths: list[Path]) -> tuple[list[str], list[str]]:
        """Play the songs these files are linked to; scan the others (the scan offers to
        link what it recognises). Returns (songs played, files scanned)."""
        songs, unknown = [], []
        for p in paths:
            sid = song_for_file(ctx, p)
            if sid is not None:
                songs.append(sid)
            elif Path(p).exists():
                unknown.append(str(Path(p).absolute()))
        if songs:
            play_songs(songs[0], songs)
        if unknown:
            scan_paths(unknown)
            # The window's status line (the terminal's reply stays English, as the CLI).
            looking = tr("Window", "Looking at %1 file(s) that are not linked to a song yet…")
            status(fill(looking, str(len(unknown))))
        return songs, unknown

    def h_raise(_args: dict, reply: Reply) -> None:
        raise_window()
        reply(0, "", "")

    def h_open(args: dict, reply: Reply) -> None:
        raise_window()
        songs, unknown = open_paths([Path(p) for p in args.get("files", [])])
        out = [f"Playing {library.describe(s)}" for s in songs[:1]]
        out += [f"Not linked yet, scanning: {f}" for f in unknown]
        reply(0, "\n".join(out) + ("\n" if out else ""), "")

    def transport(action: Callable[[], Any]) -> Handler:
        def run(_args: dict, reply: Reply) -> None:
            if not session.available:
                reply(2, "", f"ostplayer: cannot play: {session.unavailable_reason}\n")
                return
            action()
            reply(0, "", "")

        return run

    def h_play(args: dict, reply: Reply) -> None:
        sid = args.get("song_id")
        if not sid:
            transport(session.play)(args, reply)
            return
        if sid not in library.catalog.songs:
            reply(2, "", f"ostplayer: there is no song with id {sid!r}\n")
        elif library.audio_path(sid) is None:
            reply(2, "", f"ostplayer: “{library.title(sid)}” has no audio file linked\n")
        else:
            play_songs(sid, [sid])
            reply(0, f"Playing {library.describe(sid)}\n", "")

    def h_quit(_args: dict, reply: Reply) -> None:
        from PySide6.QtCore import QTimer

        reply(0, "", "")
        QTimer.singleShot(0, quit_app)  # after the answer has gone out

    def h_now(_args: dict, reply: Reply) -> None:
        reply(0, now_text(ctx) + "\n", "")

    def h_songs(args: dict, reply: Reply) -> None:
        reply(*_captured(commands["songs"], library, json=bool(args.get("json"))))

    def h_link(args: dict, reply: Reply) -> None:
        reply(
            *_captured(
                commands["link"],
                library,
                song_id=str(args["song_id"]),
                file=Path(args["file"]),
                replace=bool(args.get("replace")),
            )
        )

    def in_task(name: str, job: Callable[[], str]) -> Handler:
        def run(_args: dict, reply: Reply) -> None:
            task = ctx.tasks.run(f"remote-{name}", lambda _ctx: job())
            task.finished.connect(lambda text: reply(0, text, ""))
            task.failed.connect(lambda exc: reply(2, "", f"ostplayer: {exc}\n"))
            task.cancelled.connect(lambda: reply(2, "", f"ostplayer: {name} was cancelled\n"))

        return run

    def h_scan(args: dict, reply: Reply) -> None:
        dirs = [str(d) for d in args.get("dirs", []) if Path(d).exists()]
        if not dirs:
            reply(2, "", "ostplayer: nothing to scan: none of those exist\n")
            return
        raise_window()
        scan_paths(dirs)
        reply(
            0, f"Scanning {len(dirs)} folder(s) in the running window: it shows what it finds\n", ""
        )

    def h_fetch_lyrics(args: dict, reply: Reply) -> None:
        """``ostplayer fetch-lyrics`` while the window is open: the window's library and
        lookup cache do it on a worker (the one writer stays one), and the answer is every
        song's line once the run ends."""
        out, err = io.StringIO(), io.StringIO()
        online = getattr(ctx, "online_lyrics", None)
        namespace = argparse.Namespace(
            song_ids=[str(s) for s in args.get("song_ids", [])],
            all=bool(args.get("all")),
            replace=bool(args.get("replace")),
            dry_run=bool(args.get("dry_run")),
            json=bool(args.get("json")),
            server=args.get("server") or None,
            paths=ctx.paths,
            cache=online.cache if online is not None else None,
            out=out,
            err=err,
        )
        fetch = commands["fetch-lyrics"]
        task = ctx.tasks.run("remote-fetch-lyrics", lambda _ctx: fetch(library, namespace))
        task.finished.connect(lambda code: reply(int(code), out.getvalue(), err.getvalue()))
        task.failed.connect(
            lambda exc: reply(2, out.getvalue(), err.getvalue() + f"ostplayer: {exc}\n")
        )
        task.cancelled.connect(
            lambda: reply(2, out.getvalue(), "ostplayer: fetch-lyrics was cancelled\n")
        )

    def h_import(args: dict, reply: Reply) -> None:
        path = Path(args["file"])

        def job() -> str:
            return f"Imported {path}: {library.import_file(path)}\n"

        in_task("import", job)(args, reply)

    def h_export(args: dict, reply: Reply) -> None:
        path = Path(args["file"])

        def job() -> str:
            library.export_file(path)
            return f"Exported {len(library.catalog.songs)} songs to {path}\n"

        in_task("export", job)(args, reply)

    return {
        "raise": h_raise,
        "open": h_open,
        "play": h_play,
        "pause": transport(session.pause),
        "toggle": transport(session.play_pause),
        "next": transport(session.next),
        "previous": transport(session.previous),
        "stop": transport(session.stop),
        "now": h_now,
        "quit": h_quit,
        **({"songs": h_songs} if "songs" in commands else {}),
        **({"link": h_link} if "link" in commands else {}),
        **({"fetch-lyrics": h_fetch_lyrics} if "fetch-lyrics" in commands else {}),
        "import": h_import,
        "scan": h_scan,
        "export": h_export,
    }
