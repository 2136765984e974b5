"""Run stages on this machine: one worker process per core (or ``-j N``).

Workers are started with the ``forkserver`` method: the driver may hold pyarrow thread pools,
which ``fork`` would copy in a locked state. The server imports :mod:`khabar.runners.preload` once
(pyarrow, pandas, khabar's step modules, the default steps' set-ups), so the workers it forks
start with them loaded. ``concurrent.futures`` is used rather than
``multiprocessing.Pool`` because it fails loudly (``BrokenProcessPool``) when a worker dies, where
a Pool waits forever for the lost task. With one job (or one task) the work runs in-process, which
is also what tests and debuggers want.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from khabar.errors import KhabarError

#: what the forkserver imports before it forks a worker: the main module (multiprocessing's
#: default) and what every worker loads anyway (about 1 CPU s each, paid once instead)
PRELOAD = ("__main__", "khabar.runners.preload")

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
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        items = list(items)
        if self.workers <= 1 or len(items) <= 1:
            for item in items:
                yield fn(item)
            return
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            # the process's one forkserver: this takes effect when it starts (the first worker
            # of the first pool); a server already running keeps its list
            context.set_forkserver_preload(list(PRELOAD))
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        pending: set[Future[Any]] = {self._pool.submit(fn, item) for item in items}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()
        except BrokenProcessPool as exc:
            raise KhabarError(
                "a worker process died (out of memory, or killed). Finished shards are kept: "
                "run the same command again to resume, with fewer jobs (-j) if memory is short."
            ) from exc
        finally:
            for fut in pending:
                fut.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
