"""The catalogs tests start from: the bundled one, and generated ones of any size.

Import from test modules (``from catalog_support import ...``). Generated catalogs come from
``benchmarks/generate_catalog.py``, the generator the benchmarks use, so a test at 2,000 songs
meets the same kind of text a benchmark meets at 100,000. Every call returns a new object:
tests change what they get (break a field, add Hangul spellings) without reaching others.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from ostplayer.domain.catalog_format import catalog_from_dict
from ostplayer.domain.models import Catalog
from ostplayer.paths import BUNDLED_CATALOG, resource_path

REPO = Path(__file__).resolve().parent.parent
BUNDLED = resource_path(BUNDLED_CATALOG)
_GENERATOR_MODULE = "ostplayer_bench_generate_catalog"


def load_generator() -> ModuleType:
    """``benchmarks/generate_catalog.py`` as a module, loaded once per process."""
    # benchmarks/ is not a package; putting it on sys.path would make every script there
    # importable by its bare name for the rest of the session, so load the one file by path.
    if _GENERATOR_MODULE in sys.modules:
        return sys.modules[_GENERATOR_MODULE]
    path = REPO / "benchmarks" / "generate_catalog.py"
    spec = importlib.util.spec_from_file_location(_GENERATOR_MODULE, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[_GENERATOR_MODULE] = module
    spec.loader.exec_module(module)
    return module


def generated(n_songs: int, n_dramas: int, seed: int) -> dict[str, Any]:
    """A catalog file's content (format v1): the same arguments always give the same catalog."""
    return load_generator().generate(n_songs=n_songs, n_dramas=n_dramas, seed=seed)


def bundled_data() -> dict[str, Any]:
    """The bundled catalog file, parsed from JSON."""
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


def bundled_catalog() -> Catalog:
    """The bundled catalog, validated as the app loads it."""
    return catalog_from_dict(bundled_data())
