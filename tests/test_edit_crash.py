"""Every acknowledged edit survives kill -9, whenever it lands (mid-edit, mid-fold)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from ostplayer.catalog.library import Library
from ostplayer.paths import BUNDLED_CATALOG, resource_path

SEED = resource_path(BUNDLED_CATALOG)

CHILD = """
import sys
from dataclasses import replace
from pathlib import Path
from ostplayer.catalog.library import Library
from ostplayer.domain.catalog_edits import put_entry
lib = Library(Path(sys.argv[1]), Path(sys.argv[2]))
ids = sorted(lib.catalog.songs)
n = int(sys.argv[3])
while True:
    song = lib.catalog.songs[ids[n % len(ids)]]
    lib.edits.apply(put_entry(lib.catalog, replace(song, title=f"t{n}")))
    print(song.id, n, flush=True)  # acknowledged: the edit returned
    if n % 7 == 0:
        lib.edits.fold()  # the whole-file write, killed in the middle now and then
    n += 1
"""


def test_acknowledged_edits_survive_kill_9(tmp_path):
    rng = random.Random(13)
    data = tmp_path / "data"
    Library(data, SEED).close()
    acked: dict[str, int] = {}
    for round_ in range(30):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data), str(SEED), str(round_ * 1000)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        for _ in range(rng.randint(1, 25)):
            line = child.stdout.readline()
            if not line:
                break
            song, n = line.split()
            acked[song] = int(n)
        time.sleep(rng.random() * 0.02)  # land anywhere in the next edit or fold
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        lib = Library(data, SEED)
        assert all("unfinished edit" in notice for notice in lib.notices), lib.notices
        for song, n in acked.items():
            title = lib.catalog.songs[song].title
            # The acknowledged edit, or a later one of the same song that made it too.
            assert title.startswith("t") and int(title[1:]) >= n, (round_, song, title, n)
        lib._personal_file.close()  # no fold: the next child starts from the journal
    assert len(acked) == 5
