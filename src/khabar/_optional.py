"""Import optional dependencies lazily, with an error that names the extra to install."""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from khabar.errors import MissingExtraError


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``khabar[extra]``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # only the missing module itself is turned into advice
        if exc.name and not module.startswith(exc.name) and exc.name not in module:
            raise
        raise MissingExtraError(feature, extra, module) from exc


@functools.cache
def numpy_or_none() -> ModuleType | None:
    """numpy if it is installed, else ``None``: for code with a numpy fast path and a complete
    pure-Python path (numpy is the optional extra ``dedup``). Imported on first call, once."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy
