"""Time how long desktop players take to put a folder into their library (for bench_scan.py).

Each peer runs as the Debian package installs it (``apt install quodlibet strawberry
clementine``; ``.ci/ensure-system-deps.sh --bench`` does it), headless, with its own HOME and
XDG folders in a temporary directory, so nothing of the user's is read or changed:

* Quod Libet: its own library code in its own Python (``/usr/bin/python3``, where Debian puts
  the ``quodlibet`` package): ``quodlibet.library.init()`` then ``library.scan([folder])``
  run to its end, then ``save()``. That is what Preferences ▸ Library ▸ Scan Library runs (the
  GUI steps the same generator from its main loop). Timed from the interpreter's start.
* Strawberry and Clementine: started once under ``xvfb-run`` so they create their SQLite
  database, stopped, the folder added to its ``directories`` table (what Preferences ▸
  Collection ▸ Add new folder writes), started again; timed from that launch until the
  ``songs`` table holds every file (or stops growing for a while), polled read-only.

Every process started here is stopped by its own process group id.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

SYSTEM_PYTHON = "/usr/bin/python3"
XVFB = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24"]
QL_SCRIPT = """
import json, os, sys, time
t0 = time.perf_counter()
import quodlibet
from quodlibet import config
quodlibet.init_cli(no_translations=True)
config.init()
from quodlibet import library
lib = library.init(os.path.join(os.environ["HOME"], "songs"))
t1 = time.perf_counter()
for _ in lib.scan([sys.argv[1]]):
    pass
t2 = time.perf_counter()
lib.save()
print(json.dumps({"songs": len(lib), "import_s": t1 - t0, "scan_s": t2 - t1,
                  "save_s": time.perf_counter() - t2}))
"""
QT_PEERS = {
    # name -> (command, database under HOME)
    "strawberry": ("strawberry", ".local/share/strawberry/strawberry/strawberry.db"),
    "clementine": ("clementine", ".config/Clementine/clementine.db"),
}


def has_xvfb() -> bool:
    return shutil.which("xvfb-run") is not None


def isolated_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "DBUS_", "QT_"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
    )
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    return env


def quodlibet(folder: Path, work: Path) -> dict[str, Any]:
    if not shutil.which("quodlibet"):
        return {"ok": False, "why": "quodlibet is not installed (apt install quodlibet)"}
    home = work / "quodlibet"
    env = isolated_env(home)
    script = home / "scan.py"
    script.write_text(QL_SCRIPT)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [SYSTEM_PYTHON, str(script), str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        return {"ok": False, "why": f"quodlibet scan failed: {proc.stderr.strip()[-300:]}"}
    facts = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"ok": True, "how": "quodlibet.library scan() + save()", "wall_s": wall, **facts}


def _launch(command: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("ab") as out:
        return subprocess.Popen(
            [*XVFB, command],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped by that id below
        )


def _stop(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _query(db: Path, sql: str) -> Any:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as con:
            return con.execute(sql).fetchone()
    except sqlite3.Error:
        return None


def qt_peer(name: str, folder: Path, expected: int, work: Path, timeout_s: float) -> dict:
    command, db_rel = QT_PEERS[name]
    if not shutil.which(command):
        return {"ok": False, "why": f"{command} is not installed (apt install {command})"}
    if not shutil.which("xvfb-run"):
        return {"ok": False, "why": "xvfb-run is not installed (apt install xvfb xauth)"}
    home = work / name
    env = isolated_env(home)
    db, log = home / db_rel, home / f"{name}.log"
    proc = _launch(command, env, log)
    deadline = time.monotonic() + 60
    while _query(db, "select count(*) from directories") is None:
        if time.monotonic() > deadline or proc.poll() is not None:
            _stop(proc)
            return {"ok": False, "why": f"{name} did not create its database {db_rel} in 60 s"}
        time.sleep(0.2)
    time.sleep(2)  # let it finish starting before it is asked to quit
    _stop(proc)
    with sqlite3.connect(db) as con:
        con.execute("insert into directories (path, subdirs) values (?, 1)", (str(folder),))
    t0 = time.monotonic()
    proc = _launch(command, env, log)
    count, grew_at, first_at = 0, t0, None
    try:
        while True:
            time.sleep(0.2)
            now = time.monotonic()
            row = _query(db, "select count(*) from songs")
            if row is not None and row[0] != count:
                count, grew_at = row[0], now
                first_at = first_at or now
            if count >= expected or now - t0 > timeout_s:
                break
            if first_at is not None and now - grew_at > 30:
                break  # stopped growing: it will not take the rest
            if proc.poll() is not None:
                break
    finally:
        _stop(proc)
    done = count >= expected
    result = {
        "ok": count > 0,
        "how": f"{name} under xvfb-run, folder in its database, launch → songs table full",
        "songs": count,
        "wall_s": grew_at - t0,
        "first_song_s": (first_at - t0) if first_at else None,
        "complete": done,
    }
    if not count:
        result["why"] = f"{name} added no song in {timeout_s:.0f} s (see {log})"
    return result
