"""``scripts/build_lexicon.py`` as a module, for the tests of the lexicon build (scripts/ is not
a package, so the script is loaded by path)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def build_module() -> ModuleType:
    """A fresh import of scripts/build_lexicon.py."""
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", ROOT / "scripts" / "build_lexicon.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
