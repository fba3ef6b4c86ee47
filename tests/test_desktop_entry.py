"""The launcher entry, icons and AppStream metadata, and ``ostplayer install-desktop``.

The validators (desktop-file-validate, appstreamcli) are what distributions and software
centres run on these files; a missing validator skips, unless OSTPLAYER_REQUIRE_VLC=1 (CI
installs them), where it fails.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ostplayer.integrations import desktop_entry
from ostplayer.integrations.desktop_entry import (
    APP_ID,
    find_script,
    install,
    installed_files,
    launcher_command,
    refresh_desktop_caches,
    rewrite_exec,
    run_install_desktop,
    uninstall,
)

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "desktop" / f"{APP_ID}.desktop"
METAINFO = RESOURCES / "desktop" / f"{APP_ID}.metainfo.xml"
HICOLOR = RESOURCES / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
SYMBOLIC = HICOLOR / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SVG_NS = "{http://www.w3.org/2000/svg}"
# AppStream 0.16 does not know 1.0's <developer>, 1.0 calls 0.16's <developer_name>
# deprecated: the metainfo carries both, so each validator notes one of them.
ACCEPTED_INFOS = {("unknown-tag", "developer"), ("developer-name-tag-deprecated", "")}


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("OSTPLAYER_REQUIRE_VLC") == "1":
        pytest.fail(f"{name} is missing: `make test` installs it")
    pytest.skip(f"{name} not installed")


def run(*command: str, **options) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **options)


def assert_valid_desktop_file(path: Path) -> None:
    result = run(require_tool("desktop-file-validate"), str(path))
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stdout


def read_desktop(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser


def exec_argv(value: str) -> list[str]:
    """An Exec= value as a desktop runs it (the spec's order: string escapes, then quoting)."""
    escapes = {"\\": "\\", "s": " ", "n": "\n", "t": "\t", "r": "\r"}
    value = re.sub(r"\\(.)", lambda m: escapes.get(m[1], m[0]), value)
    args: list[str] = []
    current: list[str] | None = None
    quoted = False
    chars = iter(value)
    for ch in chars:
        if quoted and ch == "\\":
            ch = next(chars)  # inside quotes a backslash escapes one of " ` $ \
        elif ch == '"':
            quoted = not quoted
            current = current or []
            continue
        elif ch == " " and not quoted:
            if current is not None:
                args.append("".join(current))
            current = None
            continue
        current = (current or []) + [ch]
    if current is not None:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", path
    return struct.unpack(">II", head[16:24])


def fake_script(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "ostplayer"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    return script


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# -- the bundled files ------------------------------------------------------------------------


def test_the_desktop_file_passes_desktop_file_validate_without_a_remark():
    assert_valid_desktop_file(DESKTOP)


def test_the_launcher_entry_says_what_a_menu_and_a_file_manager_need():
    entry = read_desktop(DESKTOP)["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert (entry["Name"], entry["Name[ko]"]) == ("OST Player", "OST 플레이어")
    assert entry["GenericName"] == "Music Player" and entry["GenericName[ko]"]
    assert entry["Comment"] and entry["Comment[ko]"]
    assert (entry["Exec"], entry["TryExec"]) == ("ostplayer %F", "ostplayer")
    assert entry["Icon"] == APP_ID and entry["Terminal"] == "false"
    assert entry["Categories"] == "AudioVideo;Audio;Player;"
    assert entry["StartupNotify"] == "true" and entry["X-GNOME-SingleWindow"] == "true"
    assert {"K-drama", "OST", "soundtrack", "lyrics"} <= set(entry["Keywords"].split(";"))
    assert "드라마" in entry["Keywords[ko]"].split(";")
    wanted = [
        *("audio/mpeg", "audio/flac", "audio/x-flac", "audio/ogg", "audio/x-vorbis+ogg"),
        *("audio/x-opus+ogg", "audio/mp4", "audio/x-m4a", "audio/x-wav", "audio/x-aiff"),
        *("audio/x-ape", "audio/x-ms-wma"),
    ]
    assert set(wanted) <= set(entry["MimeType"].split(";"))


def test_the_actions_play_pause_and_skip_through_the_command_line():
    desktop = read_desktop(DESKTOP)
    actions = [a for a in desktop["Desktop Entry"]["Actions"].split(";") if a]
    commands = {desktop[f"Desktop Action {a}"]["Exec"] for a in actions}
    assert commands == {"ostplayer toggle", "ostplayer next", "ostplayer previous"}
    for action in actions:
        assert desktop[f"Desktop Action {action}"]["Name[ko]"]


def test_the_metainfo_passes_appstreamcli_validate():
    tool = require_tool("appstreamcli")
    result = run(tool, "validate", "--no-net", "--pedantic", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    # Lines read "E: component:line: tag hint"; E errors, W warnings, I infos, P pedantic.
    issues = re.findall(r"^([EWIP]): [^:]+:\d+: (\S+) ?(.*)$", result.stdout, re.MULTILINE)
    assert not [i for i in issues if i[0] in "EW"], result.stdout
    assert {(tag, hint) for kind, tag, hint in issues if kind == "I"} <= ACCEPTED_INFOS
    # The one pedantic note: AppStream prefers lowercase ids, the app id is CamelCase.
    assert {tag for kind, tag, _ in issues if kind == "P"} <= {"cid-contains-uppercase-letter"}


def test_the_metainfo_describes_the_app_its_releases_and_screenshots():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.find("launchable").text == DESKTOP.name
    names = {
        n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text for n in root.findall("name")
    }
    assert names == {None: "OST Player", "ko": "OST 플레이어"}
    description = " ".join(ET.tostring(root.find("description"), encoding="unicode").split())
    assert "never bundled or downloaded" in description
    assert root.find("developer").get("id") and root.findtext("developer/name")
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findtext("provides/binary") == "ostplayer"
    mime = set(read_desktop(DESKTOP)["Desktop Entry"]["MimeType"].split(";"))
    assert {m.text for m in root.iter("mediatype")} <= mime
    releases = [(r.get("version"), r.get("date")) for r in root.iter("release")]
    assert releases == [("0.2.0", "2026-12-02"), ("0.1.0", "2026-11-25")]  # newest first
    news = ET.tostring(root.find("releases/release"), encoding="unicode")
    for feature in ("music folders", "LRCLIB", "MPRIS", "tray", "redesigned", "Korean"):
        assert feature in news


def test_every_screenshot_is_a_picture_in_the_repository_with_its_real_size():
    root = ET.parse(METAINFO).getroot()
    shots = root.findall("screenshots/screenshot")
    assert shots[0].get("type") == "default"
    prefix = "https://raw.githubusercontent.com/ostplayer/ostplayer/main/"
    for shot in shots:
        image = shot.find("image")
        assert image.text.startswith(prefix) and shot.findtext("caption")
        local = ROOT / image.text.removeprefix(prefix)
        assert local.is_file(), f"{local} is gone: make screenshots, or fix the metainfo"
        assert png_size(local) == (int(image.get("width")), int(image.get("height")))
    assert {Path(s.findtext("image")).name for s in shots} == {
        "feature.png",
        "song.png",
        "lyrics-mode.png",
    }


# -- the icons --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_the_icon_exists_at_every_size_with_those_pixels(size):
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path) == (size, size)


def test_the_svg_icons_are_xml_on_their_grids_and_the_symbolic_one_has_one_colour():
    for path, grid in ((SVG, "0 0 128 128"), (SYMBOLIC, "0 0 16 16")):
        root = ET.parse(path).getroot()
        assert root.tag == f"{SVG_NS}svg" and root.get("viewBox") == grid
        assert not list(root.iter(f"{SVG_NS}text")), "icons carry no text"
    colours = {
        value
        for element in ET.parse(SYMBOLIC).getroot().iter()
        for key, value in element.attrib.items()
        if key in ("fill", "stroke")
    }
    assert colours == {"#2e3436"}


def test_the_committed_pngs_are_rendered_from_the_current_svg():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = run(sys.executable, str(ROOT / "tools" / "render_icons.py"), "--check", env=env)
    assert result.returncode == 0, result.stderr


# -- install and uninstall --------------------------------------------------------------------


def test_install_writes_exactly_the_entry_metainfo_and_icons_and_uninstall_removes_them(
    tmp_path,
):
    home = tmp_path / "share"
    other = home / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"another application's icon")
    before = tree(home)

    written = install(home, script=fake_script(tmp_path / "bin"), refresh=False)

    expected = {
        f"applications/{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg",
        *(f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in SIZES),
    }
    assert {str(p.relative_to(home)) for p in written} == expected
    assert written == installed_files(home)
    assert set(tree(home)) == expected | set(before)
    icon = home / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    assert icon.read_bytes() == (HICOLOR / "256x256" / "apps" / f"{APP_ID}.png").read_bytes()
    metainfo = home / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert metainfo.read_bytes() == METAINFO.read_bytes()

    removed = uninstall(home, refresh=False)
    assert sorted(removed) == sorted(written)
    assert tree(home) == before
    assert uninstall(home, refresh=False) == []


def test_uninstall_also_removes_an_icon_size_an_older_version_installed(tmp_path):
    home = tmp_path / "share"
    install(home, script=fake_script(tmp_path / "bin"), refresh=False)
    old = home / "icons" / "hicolor" / "96x96" / "apps" / f"{APP_ID}.png"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"png")
    assert old in uninstall(home, refresh=False)
    assert not [p for p in home.rglob("*") if p.is_file()]


def test_reinstalling_leaves_the_same_files_and_no_temporary_ones(tmp_path):
    home = tmp_path / "share"
    script = fake_script(tmp_path / "bin")
    first = install(home, script=script, refresh=False)
    snapshot = tree(home)
    assert install(home, script=script, refresh=False) == first
    assert tree(home) == snapshot
    assert not list(home.rglob(".*"))
    # Installed again from another installation (a new venv): the entry follows it.
    new = fake_script(tmp_path / "new" / "bin")
    install(home, script=new, refresh=False)
    entry = read_desktop(home / "applications" / f"{APP_ID}.desktop")["Desktop Entry"]
    assert entry["TryExec"] == str(new)


def test_a_script_outside_the_session_path_is_written_into_every_exec_line(tmp_path):
    home = tmp_path / "share"
    script = fake_script(tmp_path / ".local" / "bin")
    install(home, script=script, refresh=False)
    desktop = read_desktop(home / "applications" / f"{APP_ID}.desktop")
    entry = desktop["Desktop Entry"]
    assert entry["TryExec"] == str(script)
    assert exec_argv(entry["Exec"]) == [str(script), "%F"]
    assert exec_argv(desktop["Desktop Action next"]["Exec"]) == [str(script), "next"]
    # Everything else is the bundled entry, untouched.
    assert entry["Name[ko]"] == "OST 플레이어" and entry["Icon"] == APP_ID


@pytest.mark.parametrize(
    "folder",
    [
        "My Apps/bin",
        "100% pure/bin",
        '$HOME\'s "odd" `dir`/bin',
        "back\\slash/bin",
        "한글 폴더/bin",
    ],
)
def test_an_awkward_script_path_is_quoted_so_that_the_desktop_runs_exactly_it(tmp_path, folder):
    home = tmp_path / "share"
    script = fake_script(tmp_path / folder)
    install(home, script=script, refresh=False)
    path = home / "applications" / f"{APP_ID}.desktop"
    entry = read_desktop(path)["Desktop Entry"]
    assert exec_argv(entry["Exec"]) == [str(script), "%F"]
    tryexec = entry["TryExec"].replace("\\\\", "\\")
    assert tryexec == str(script)
    assert_valid_desktop_file(path)


def test_a_script_the_session_finds_by_name_keeps_the_bare_command(tmp_path):
    system_bin = tmp_path / "usr" / "bin"
    script = fake_script(system_bin)
    assert launcher_command(script, session_path=[str(system_bin)]) == "ostplayer"
    elsewhere = fake_script(tmp_path / "venv" / "bin")
    # Same name on the session PATH, but another installation: this one must be named.
    assert launcher_command(elsewhere, session_path=[str(system_bin)]) == str(elsewhere)
    assert launcher_command(None) == "ostplayer"
    assert rewrite_exec("Exec=ostplayer %F\n", "ostplayer") == "Exec=ostplayer %F\n"


def test_the_running_script_is_found_before_whatever_path_finds(tmp_path):
    running = fake_script(tmp_path / "pipx" / "bin")
    venv = fake_script(tmp_path / "venv" / "bin")
    on_path = fake_script(tmp_path / "usr" / "bin")

    def which(_name):
        return str(on_path)

    python = str(tmp_path / "venv" / "bin" / "python")
    assert find_script(str(running), python, which) == running
    # `python -m ostplayer`: argv[0] is __main__.py; the interpreter's own bin folder wins.
    assert find_script("/x/ostplayer/__main__.py", python, which) == venv
    assert find_script("/x/__main__.py", "/nowhere/python", which) == on_path
    assert find_script("/x/__main__.py", "/nowhere/python", lambda _n: None) is None


def test_a_failed_install_removes_the_files_it_had_created(tmp_path):
    home = tmp_path / "share"
    home.mkdir()
    (home / "metainfo").write_text("a file where the folder should be")
    with pytest.raises(OSError):
        install(home, script=fake_script(tmp_path / "bin"), refresh=False)
    assert not (home / "applications" / f"{APP_ID}.desktop").exists()


def test_the_installed_tree_validates_as_a_whole(tmp_path):
    tool = require_tool("appstreamcli")
    root = tmp_path / "root"
    install(root / "usr" / "share", script=fake_script(tmp_path / "bin"), refresh=False)
    result = run(tool, "validate-tree", "--no-net", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_the_mime_cache_lists_the_app_after_install_and_not_after_uninstall(tmp_path):
    require_tool("update-desktop-database")
    home = tmp_path / "share"
    install(home, script=fake_script(tmp_path / "bin"))
    cache = home / "applications" / "mimeinfo.cache"
    assert f"audio/flac={APP_ID}.desktop;" in cache.read_text()
    uninstall(home)
    assert APP_ID not in cache.read_text()


def test_an_existing_icon_cache_is_rebuilt_and_none_is_created(tmp_path):
    tool = shutil.which("gtk-update-icon-cache")
    if tool is None:
        pytest.skip("gtk-update-icon-cache not installed (it is optional for install)")
    fresh = tmp_path / "fresh"
    install(fresh, script=fake_script(tmp_path / "bin"))
    assert not (fresh / "icons" / "hicolor" / "icon-theme.cache").exists()

    home = tmp_path / "share"
    hicolor = home / "icons" / "hicolor"
    other = hicolor / "48x48" / "apps" / "org.example.Other.png"
    other.parent.mkdir(parents=True)
    other.write_bytes((HICOLOR / "48x48" / "apps" / f"{APP_ID}.png").read_bytes())
    run(tool, "-q", "-t", "-f", str(hicolor), check=True)
    install(home, script=fake_script(tmp_path / "bin"))
    assert APP_ID.encode() in (hicolor / "icon-theme.cache").read_bytes()
    uninstall(home)
    assert APP_ID.encode() not in (hicolor / "icon-theme.cache").read_bytes()
    assert refresh_desktop_caches(home, which=lambda _name: None) == []  # no tools: no fuss


# -- the command ------------------------------------------------------------------------------


def test_the_command_says_what_it_installed_and_removed(tmp_path, capsys, monkeypatch):
    script = fake_script(tmp_path / "bin")
    monkeypatch.setattr(desktop_entry, "find_script", lambda: script)
    home = tmp_path / "share"
    assert run_install_desktop(False, home) == 0
    out = capsys.readouterr().out
    assert f"Installed {home / 'applications' / (APP_ID + '.desktop')}" in out
    assert f"The launcher starts {script}" in out
    assert run_install_desktop(True, home) == 0
    out = capsys.readouterr().out
    assert out.count("Removed ") == len(installed_files(home))
    assert run_install_desktop(True, home) == 0
    assert "No OST Player launcher entry was installed" in capsys.readouterr().out


def test_the_command_reports_an_unwritable_folder_in_one_line(tmp_path, capsys):
    (tmp_path / "share").write_text("not a folder")
    assert run_install_desktop(False, tmp_path / "share") == 2
    err = capsys.readouterr().err
    assert err.startswith("ostplayer: ") and err.count("\n") == 1


def test_the_default_folder_is_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert installed_files()[0] == tmp_path / "xdg" / "applications" / f"{APP_ID}.desktop"


# -- the running app matches its entry --------------------------------------------------------

PROBE = textwrap.dedent(
    r"""
    import json, re, subprocess, sys, time
    app, found, deadline = subprocess.Popen(sys.argv[1:]), None, time.monotonic() + 60
    while not found and time.monotonic() < deadline and app.poll() is None:
        time.sleep(0.2)
        tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True)
        found = re.search(r'(0x[0-9a-f]+) "OST Player": \("([^"]*)" "([^"]*)"\)', tree.stdout)
    props = found and subprocess.run(["xprop", "-id", found[1], "_GTK_APPLICATION_ID"],
                                     capture_output=True, text=True).stdout
    app.terminate()
    app.wait(30)
    print(json.dumps(found and {"class": found[3], "app_id": re.findall('"(.*)"', props)}))
    """
)


@pytest.fixture(scope="module")
def running_window(tmp_path_factory):
    if shutil.which("xvfb-run") is None:
        if os.environ.get("OSTPLAYER_REQUIRE_VLC") == "1":
            pytest.fail("xvfb-run is missing: `make test` should have installed xvfb")
        pytest.skip("xvfb-run not installed")
    if not (shutil.which("xwininfo") and shutil.which("xprop")):
        pytest.skip("xwininfo/xprop (x11-utils) not installed")
    tmp = tmp_path_factory.mktemp("window")
    script = Path(sys.executable).parent / "ostplayer"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "ostplayer"]
    env = dict(os.environ, OSTPLAYER_NO_VLC="1", XDG_DATA_HOME=str(tmp / "xdg"))
    env.pop("QT_QPA_PLATFORM", None)  # the real xcb platform, as a user gets it
    probe = ["xvfb-run", "-a", sys.executable, "-c", PROBE, *command, "--data-dir", str(tmp)]
    result = run(*probe, env=env)
    lines = result.stdout.strip().splitlines()
    found = json.loads(lines[-1]) if lines else None
    assert found, f"no OST Player window appeared: {result.stdout}{result.stderr}"
    return found


def test_the_window_carries_the_wm_class_the_entry_names(running_window):
    # On X11 docks and GNOME Shell match a window to its launcher by StartupWMClass.
    entry = read_desktop(DESKTOP)["Desktop Entry"]
    assert running_window["class"] == entry["StartupWMClass"]


def test_the_window_names_the_entry_as_its_application_id(running_window):
    # Wayland compositors (app_id) and GNOME on X11 (_GTK_APPLICATION_ID) look the entry up
    # by this name before anything else.
    assert running_window["app_id"] == [APP_ID]
