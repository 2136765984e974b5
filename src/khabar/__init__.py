"""khabar: the Persian web-text refinery.

``import khabar`` stays light: the public names below are loaded on first use.

>>> import khabar
>>> khabar.__version__
'0.1.0'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from khabar import _native

__version__ = "0.1.0"

# compiled or pure: decided before any compiled module is imported (khabar/_native.py)
_native.install()

__all__ = ["Document", "__version__", "fix", "fix_with_edits"]

if TYPE_CHECKING:  # pragma: no cover
    from khabar.document import Document
    from khabar.text.fix import fix, fix_with_edits

_LAZY = {
    "Document": ("khabar.document", "Document"),
    "fix": ("khabar.text.fix", "fix"),
    "fix_with_edits": ("khabar.text.fix", "fix_with_edits"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'khabar' has no attribute {name!r}")
