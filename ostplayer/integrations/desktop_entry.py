"""The launcher entry, the icons and the AppStream metadata in the user's XDG data folder.

pip and pipx install a script and nothing a desktop can show. ``ostplayer install-desktop``
copies the bundled ``.desktop`` file, metainfo and hicolor icons to where freedesktop desktops
look for them (``$XDG_DATA_HOME/applications``, ``/metainfo``, ``/icons/hicolor``), and
``--uninstall`` removes them again. No Qt: it runs without a display.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..media.atomic import write_file_atomically
from ..paths import default_data_dir, resource_path

__all__ = [
    "APP_ID",
    "exec_argument",
    "find_script",
    "install",
    "installed_files",
    "launcher_command",
    "refresh_desktop_caches",
    "rewrite_exec",
    "run_install_desktop",
    "uninstall",
    "xdg_data_home",
]

APP_ID = "io.github.ostplayer.OSTPlayer"
SCRIPT_NAME = "ostplayer"
DESKTOP_RESOURCE = f"desktop/{APP_ID}.desktop"
METAINFO_RESOURCE = f"desktop/{APP_ID}.metainfo.xml"
ICONS_RESOURCE = "icons/hicolor"
# What a desktop session's PATH always holds. ~/.local/bin (pipx) is often added only by a
# login shell's profile, which the session that reads .desktop files may never have run: a
# script anywhere else gets its absolute path written into Exec=, or the entry is hidden.
SESSION_PATH: tuple[str, ...] = ("/usr/local/bin", "/usr/bin", "/bin")
# Characters the Desktop Entry spec reserves in Exec arguments; any of them means quoting.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_TOOL_TIMEOUT_S = 30


def xdg_data_home(data_home: Path | None = None) -> Path:
    """``data_home``, else ``$XDG_DATA_HOME`` when absolute, else ``~/.local/share``."""
    return Path(data_home) if data_home is not None else default_data_dir().parent


def _bundled() -> list[tuple[Path, Path]]:
    """(bundled file, its path relative to the data home) for everything install writes."""
    desktop = resource_path(DESKTOP_RESOURCE)
    metainfo = resource_path(METAINFO_RESOURCE)
    icons = resource_path(ICONS_RESOURCE)
    missing = [p for p in (desktop, metainfo, icons) if not p.exists()]
    if missing:
        raise FileNotFoundError(
            f"this installation of OST Player lacks its launcher files ({missing[0]}): reinstall it"
        )
    files = [
        (desktop, Path("applications") / desktop.name),
        (metainfo, Path("metainfo") / metainfo.name),
    ]
    files += [
        (icon, Path("icons") / "hicolor" / icon.relative_to(icons))
        for icon in sorted(icons.rglob("*"))
        if icon.is_file() and icon.name.startswith(APP_ID)
    ]
    return files


def installed_files(data_home: Path | None = None) -> list[Path]:
    """Where install puts each file, absolute, in the order it writes them."""
    home = xdg_data_home(data_home)
    return [home / relative for _, relative in _bundled()]


def find_script(
    argv0: str | None = None,
    executable: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> Path | None:
    """The ``ostplayer`` script of the installation that is running, or None.

    The running script itself comes first: another ``ostplayer`` earlier on PATH (an older
    system package, another venv) is not the one the user just installed.
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    candidates: list[Path] = []
    if argv0 and Path(argv0).name == SCRIPT_NAME:
        candidates.append(Path(argv0))
    if executable:
        # Not resolved: a venv's bin/python is a symlink to the system interpreter, whose
        # folder holds no ostplayer of this installation.
        candidates.append(Path(executable).parent / SCRIPT_NAME)
    found = which(SCRIPT_NAME)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate.absolute()
    return None


def launcher_command(script: Path | None, session_path: Iterable[str] = SESSION_PATH) -> str:
    """What Exec= and TryExec= start: the bare name when a desktop session finds this very
    script by it, else the script's absolute path."""
    if script is None:
        return SCRIPT_NAME
    on_path = shutil.which(SCRIPT_NAME, path=os.pathsep.join(session_path))
    if on_path:
        with contextlib.suppress(OSError):
            if os.path.samefile(on_path, script):
                return SCRIPT_NAME
    return str(script)


def _escape_string(value: str) -> str:
    # The spec's escapes for values of type string, applied after Exec quoting.
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def exec_argument(program: str) -> str:
    """``program`` as the first argument of an Exec= value (quoted, %-escaped, string-escaped)."""
    if any(ch in _EXEC_RESERVED for ch in program):
        quoted = "".join("\\" + ch if ch in '"`$\\' else ch for ch in program)
        program = f'"{quoted}"'
    return _escape_string(program.replace("%", "%%"))


def rewrite_exec(desktop_text: str, command: str) -> str:
    """The desktop file with every Exec= and TryExec= that starts ``ostplayer`` starting
    ``command`` instead (the main entry and each action)."""
    if command == SCRIPT_NAME:
        return desktop_text
    lines = []
    for line in desktop_text.splitlines(keepends=True):
        key, sep, value = line.partition("=")
        body = value.rstrip("\r\n")
        ending = value[len(body) :]
        first, space, rest = body.partition(" ")
        if sep and first == SCRIPT_NAME:
            if key.strip() == "Exec":
                line = f"{key}={exec_argument(command)}{space}{rest}{ending}"
            elif key.strip() == "TryExec":
                line = f"{key}={_escape_string(command)}{ending}"
        lines.append(line)
    return "".join(lines)


def install(
    data_home: Path | None = None,
    *,
    script: Path | None = None,
    refresh: bool = True,
) -> list[Path]:
    """Copy the launcher entry, metainfo and icons into the XDG data folder; return the paths.

    ``script`` is the ``ostplayer`` to launch (default: :func:`find_script`). Installing again
    replaces the files with the same content. On an error the files this call created are
    removed again and the ``OSError`` is raised.
    """
    home = xdg_data_home(data_home)
    command = launcher_command(script if script is not None else find_script())
    created: list[Path] = []
    written: list[Path] = []
    try:
        for source, relative in _bundled():
            target = home / relative
            payload = source.read_bytes()
            if relative.suffix == ".desktop":
                payload = rewrite_exec(payload.decode("utf-8"), command).encode("utf-8")
            target.parent.mkdir(parents=True, exist_ok=True)
            existed = target.exists()
            write_file_atomically(target, payload)
            if not existed:
                created.append(target)
            written.append(target)
    except OSError:
        for path in created:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    if refresh:
        refresh_desktop_caches(home)
    return written


def uninstall(data_home: Path | None = None, *, refresh: bool = True) -> list[Path]:
    """Remove what :func:`install` wrote (also icon sizes an older version wrote); return the
    paths removed. Folders stay: they are the desktop's, shared with other applications.

    Found by name, not from the bundled files, so that it works on a damaged installation.
    """
    home = xdg_data_home(data_home)
    hicolor = home / "icons" / "hicolor"
    targets = [
        home / "applications" / f"{APP_ID}.desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml",
    ]
    for pattern in (f"*/apps/{APP_ID}.png", f"*/apps/{APP_ID}.svg", f"*/apps/{APP_ID}-*.svg"):
        targets += sorted(hicolor.glob(pattern))
    removed = []
    for path in targets:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    if refresh and removed:
        refresh_desktop_caches(home)
    return removed


# run_install_desktop's flag is named like the CLI option, which hides the function there.
_uninstall = uninstall


def refresh_desktop_caches(
    data_home: Path | None = None, which: Callable[[str], str | None] = shutil.which
) -> list[str]:
    """Tell the desktop the files changed; one line per thing done, for the user.

    Missing tools are skipped: a desktop without them rescans the folders itself.
    """
    home = xdg_data_home(data_home)
    done = []
    applications = home / "applications"
    tool = which("update-desktop-database")
    if tool and applications.is_dir() and _run([tool, "-q", str(applications)]):
        done.append(f"Updated the MIME type cache in {applications}")
    hicolor = home / "icons" / "hicolor"
    if hicolor.is_dir():
        # Icon theme caches are checked against the theme folder's mtime, not its subfolders'.
        with contextlib.suppress(OSError):
            os.utime(hicolor)
        tool = which("gtk-update-icon-cache")
        # Only an existing cache is rebuilt: a new one would go stale, and hide icons, when
        # another application later copies its icons here without rebuilding it.
        if tool and (hicolor / "icon-theme.cache").exists():
            if _run([tool, "-q", "-t", "-f", str(hicolor)]):
                done.append(f"Updated the icon cache in {hicolor}")
    return done


def _run(command: Sequence[str]) -> bool:
    try:
        result = subprocess.run(
            command, capture_output=True, timeout=_TOOL_TIMEOUT_S, check=False, text=True
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def run_install_desktop(uninstall: bool, data_home: Path | None) -> int:
    """``ostplayer install-desktop [--uninstall]``: do it and say what was done; exit status."""
    if sys.platform in ("win32", "darwin"):
        print(
            "ostplayer: install-desktop adds a launcher entry on Linux and other freedesktop"
            " desktops; there is none to add here",
            file=sys.stderr,
        )
        return 2
    home = xdg_data_home(data_home)
    try:
        if uninstall:
            paths = _uninstall(home, refresh=False)
        else:
            script = find_script()
            paths = install(home, script=script, refresh=False)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"ostplayer: {exc}", file=sys.stderr)
        return 2
    notes = refresh_desktop_caches(home) if paths else []
    if uninstall:
        if not paths:
            print(f"No OST Player launcher entry was installed in {home}")
        for path in paths:
            print(f"Removed {path}")
    else:
        for path in paths:
            print(f"Installed {path}")
        command = launcher_command(script)
        if script is None:
            print(
                "ostplayer: the ostplayer command was not found; the launcher runs "
                "`ostplayer`, which must be on the desktop session's PATH",
                file=sys.stderr,
            )
        elif command != SCRIPT_NAME:
            print(f"The launcher starts {command}")
    for note in notes:
        print(note)
    return 0
