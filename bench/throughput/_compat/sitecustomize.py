"""Bench-only workaround, loaded through PYTHONPATH by bench/throughput/run.py when needed.

``khabar.config.Config.__getattr__`` reads ``self.sections``; while pickle rebuilds a Config (in a
pool worker or a Ray worker) ``sections`` is not set yet and pickle's lookup of ``__setstate__``
recurses until RecursionError. The worker dies, the task is lost, and ``multiprocessing.Pool``
waits forever. run.py applies this shim only if a pickle round trip of ``Config.load()`` fails,
and says so in results.md. The fix belongs in src/khabar/config.py (dunder names and
``sections`` itself must raise AttributeError); remove this file once it is there.
"""

from __future__ import annotations


def _patch() -> None:
    try:
        from khabar.config import Config
    except ImportError:  # not the khabar venv: nothing to patch
        return
    original = Config.__getattr__

    def __getattr__(self, name):  # replaces the method of that name
        if name == "sections" or name.startswith("__"):
            raise AttributeError(name)
        return original(self, name)

    Config.__getattr__ = __getattr__


_patch()
