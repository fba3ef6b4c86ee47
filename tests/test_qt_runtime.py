"""The Qt build the project installs must survive a long session of signal emits.

PySide6 6.12.0 on CPython 3.11 leaks a reference to True on every Python-side emit() and the
interpreter aborts after a few hundred; pyproject.toml excludes that release. This guards
against a future release with the same fault.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_signal_emits_do_not_crash_the_interpreter():
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        class Source(QObject):
            changed = Signal(int)

        app = QCoreApplication([])
        source = Source()
        seen = []
        source.changed.connect(seen.append)
        before = sys.getrefcount(True)
        for i in range(5000):
            source.changed.emit(i)
        assert len(seen) == 5000
        assert abs(sys.getrefcount(True) - before) < 100, sys.getrefcount(True) - before
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
