"""Layering: one direction, domain → catalog and media → playback → services → ui and
integrations; third-party libraries stay behind the one module (or package) that wraps each.

Keeping Qt out of the lower layers is what lets the CLI run without a display and lets these
layers be tested without a QApplication; keeping tinydb, mutagen and vlc in one place each is
what lets any of them be replaced (or be missing, for vlc) without touching the rest. The
services are QtCore only (no widgets), and the widgets reach files and the store only through
the services.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ostplayer

PACKAGE = Path(ostplayer.__file__).resolve().parent
ROOT = PACKAGE.parent

# Modules named in the design, plus everything discovered under the Qt-free packages.
REQUIRED = [
    "ostplayer.domain.models",
    "ostplayer.domain.search",
    "ostplayer.domain.catalog_format",
    "ostplayer.catalog.library",
    "ostplayer.playback",
]
QT_FREE_PACKAGES = [
    "ostplayer.domain",
    "ostplayer.catalog",
    "ostplayer.media",
    "ostplayer.playback",
]

NO_QT_SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, json, pkgutil, sys

    BLOCKED = ("PySide6", "shiboken6")

    class BlockQt(importlib.abc.MetaPathFinder):
        # Behaves as if PySide6 were not installed at all.
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"No module named {name!r} (blocked by test_layers)")
            return None

    sys.meta_path.insert(0, BlockQt())
    required, packages = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    names = list(required)
    for package in packages:
        module = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            names.append(info.name)
    # Top-level modules other than the GUI entry point (and __main__, which runs the app).
    import ostplayer
    for info in pkgutil.iter_modules(ostplayer.__path__, "ostplayer."):
        if not info.ispkg and info.name not in ("ostplayer.app", "ostplayer.__main__"):
            names.append(info.name)
    failures = {}
    for name in dict.fromkeys(names):
        try:
            importlib.import_module(name)
        except Exception as exc:
            failures[name] = f"{type(exc).__name__}: {exc}"
    qt = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    print(json.dumps({"imported": list(dict.fromkeys(names)), "failures": failures, "qt": qt}))
    """
)


def test_lower_layers_import_without_pyside6() -> None:
    import json

    result = subprocess.run(
        [sys.executable, "-c", NO_QT_SCRIPT, json.dumps(REQUIRED), json.dumps(QT_FREE_PACKAGES)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failures"] == {}
    assert report["qt"] == []
    imported = set(report["imported"])
    assert set(REQUIRED) <= imported
    # Discovery really walked the packages (guards against a silently empty walk).
    assert {"ostplayer.catalog.store", "ostplayer.catalog.history", "ostplayer.cli"} <= imported


def test_the_qt_blocker_really_blocks() -> None:
    # The check above is only meaningful if the hook makes PySide6 imports fail.
    script = NO_QT_SCRIPT.split("required, packages")[0] + "import PySide6.QtCore\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "blocked by test_layers" in result.stderr


def _imported_roots(tree: ast.AST) -> set[str]:
    """Top-level names of every absolute import anywhere in a module, lazy ones included."""
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (getattr(node.func, "id", None) or getattr(node.func, "attr", None))
            in ("__import__", "import_module")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            roots.add(node.args[0].value.split(".")[0])
    return roots


QT_PACKAGES = ("ostplayer/ui/", "ostplayer/services/", "ostplayer/integrations/")


def _allowed(rel: str, root: str) -> bool:
    if root == "tinydb":
        return rel == "ostplayer/catalog/store.py"
    if root == "vlc":
        return rel == "ostplayer/playback/vlc_backend.py"
    if root == "mutagen":
        return rel.startswith("ostplayer/media/")
    if root in ("PySide6", "shiboken6"):
        return rel.startswith(QT_PACKAGES) or rel == "ostplayer/app.py"
    return True


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("root", ["tinydb", "vlc", "mutagen", "PySide6"])
def test_third_party_library_is_imported_only_where_allowed(root: str) -> None:
    offenders = []
    users = []
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        roots = _imported_roots(ast.parse(path.read_text(encoding="utf-8"), filename=rel))
        wanted = {root, "shiboken6"} if root == "PySide6" else {root}
        if roots & wanted:
            users.append(rel)
            if not _allowed(rel, root):
                offenders.append(rel)
    assert offenders == [], f"{root} imported outside its layer"
    # Each library is used somewhere, so an allow-list typo cannot make the check vacuous.
    assert users, f"nothing imports {root}: is the rule still right?"


def test_import_scanner_sees_lazy_and_dynamic_imports() -> None:
    tree = ast.parse(
        "def f():\n"
        "    import vlc\n"
        "    from PySide6.QtCore import QTimer\n"
        "    __import__('tinydb')\n"
        "    importlib.import_module('shiboken6')\n"
        "from . import sibling\n"
        "from .store import x\n"
    )
    assert _imported_roots(tree) == {"vlc", "PySide6", "tinydb", "shiboken6"}


def _project_imports(tree: ast.AST, rel: str) -> set[str]:
    """The ostplayer packages a module imports, absolute or relative, lazy ones included."""
    package = rel.removesuffix(".py").split("/")[:-1]  # ostplayer/ui/x.py -> [ostplayer, ui]
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *(node.module.split(".") if node.module else [])])
                names = [module] + [f"{module}.{a.name}" for a in node.names]
            elif node.module:
                names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "ostplayer" and len(parts) > 1:
                found.add(parts[1])
    return found


# Which of the app's own packages each layer may import (besides itself and top-level modules
# such as ostplayer.paths). One direction: nothing imports a layer above it.
LAYER_RULES = {
    "domain": {"domain"},
    "catalog": {"domain", "catalog", "media"},  # media: the one atomic-write helper
    "media": {"domain", "media"},
    "playback": {"domain", "playback"},
    "services": {"domain", "catalog", "media", "playback", "services"},
    "ui": {"domain", "playback", "services", "ui"},
    "integrations": {"domain", "media", "playback", "services", "integrations"},
}
TOP_LEVEL_MODULES = {"paths", "__init__", "__version__", "cli", "app"}


@pytest.mark.parametrize("layer", sorted(LAYER_RULES))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        used = _project_imports(ast.parse(path.read_text(encoding="utf-8")), rel)
        bad = used - LAYER_RULES[layer] - TOP_LEVEL_MODULES
        if bad:
            offenders.append(f"{rel} imports {sorted(bad)}")
    assert offenders == []


def test_services_use_qtcore_only() -> None:
    offenders = []
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "QtWidgets" in text or "QtGui" in text:
            offenders.append(path.name)
    assert offenders == [], "services must not need a display: no QtWidgets or QtGui"


def test_project_import_scanner_resolves_relative_imports() -> None:
    tree = ast.parse("from ..catalog.library import Library\nfrom . import pages\n")
    assert _project_imports(tree, "ostplayer/ui/x.py") == {"catalog", "ui"}
