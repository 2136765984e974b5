"""The repository's scripts as modules, for their tests: ``scripts/``, ``bench/`` and ``eval/``
are not packages, so a script is loaded by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_script(relative: str, name: str) -> ModuleType:
    """A fresh import of the script at ``ROOT / relative``, registered as ``name`` in
    ``sys.modules`` (a script's dataclasses look their module up there)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def build_module() -> ModuleType:
    """A fresh import of scripts/build_lexicon.py."""
    return load_script("scripts/build_lexicon.py", "build_lexicon")
