"""Import the khabar package of another source tree in the same process (for the A/B scripts
under bench/ that compare two trees line by line).

Call :func:`forget_khabar`, put the tree's ``src`` first on ``sys.path``, and import: the next
import reads that tree. Forgetting must cover three things, or the second tree silently runs
the first tree's code:

* the ``khabar`` modules themselves;
* mypyc's shared library, the top-level module ``khabar__mypyc`` beside the package: every
  compiled module of a build calls into it, so a compiled tree loaded after another compiled
  tree would run the first tree's compiled code through its own module names;
* khabar._native's source-first finder, which a pure (``KHABAR_PURE=1``) run of a tree with a
  build puts on ``sys.meta_path``, and which would load the later trees from the first one's
  sources.
"""

from __future__ import annotations

import sys


def forget_khabar() -> None:
    """Drop every loaded khabar module, mypyc's shared library and the source-first finder."""
    for name in [
        m for m in sys.modules if m == "khabar" or m.startswith("khabar.") or m.endswith("__mypyc")
    ]:
        del sys.modules[name]
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "_SourceFirst"]
