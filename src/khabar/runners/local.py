"""Run stages on this machine: one worker process per core (or ``-j N``).

Workers are started with the ``forkserver`` method: the driver may hold pyarrow thread pools,
which ``fork`` would copy in a locked state. With one job (or one task) the work runs in-process,
which is also what tests and debuggers want.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class LocalExecutor:
    def __init__(self, jobs: int = 0) -> None:
        self.workers = jobs if jobs > 0 else default_jobs()
        self._pool: Any = None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        items = list(items)
        if self.workers <= 1 or len(items) <= 1:
            for item in items:
                yield fn(item)
            return
        if self._pool is None:
            ctx = multiprocessing.get_context("forkserver")
            self._pool = ctx.Pool(self.workers)
        yield from self._pool.imap_unordered(fn, items, chunksize=1)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
