"""Which allocator Arrow's buffers come from while a stage task (or the run's report) works.

pyarrow 26's default memory pool is mimalloc. A stage builds a table of ~1,000 documents (tens
of MB of text, raw text, canonical lines, edits) every second or so and frees it once written;
in a run, its text columns cost twice as much under mimalloc as under jemalloc, which (like
the system allocator) likely keeps freed pages for the next table: ``DocColumns.table`` 89
against 64 CPU us per generated ~4 KB document (bench/throughput/io15.md). The pool changes
where bytes live, never what they are: the files are the same bytes.

A user who chose a pool (``ARROW_DEFAULT_MEMORY_POOL``, which pyarrow reads) keeps it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

#: the pools that keep freed pages for the next allocation, best first (jemalloc is not in every
#: pyarrow build; the system allocator always is)
KEEPING_POOLS = ("jemalloc", "system")

#: the environment variable by which a user picks pyarrow's default pool
POOL_VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"


def keeping_pool(order: tuple[str, ...] = KEEPING_POOLS) -> pa.MemoryPool | None:
    """The first pool of ``order`` this pyarrow has (``None`` if none)."""
    import pyarrow as pa

    makers: dict[str, Callable[[], Any]] = {"jemalloc": pa.jemalloc_memory_pool,
                                           "mimalloc": pa.mimalloc_memory_pool,
                                           "system": pa.system_memory_pool}
    for name in order:
        try:
            return makers[name]()  # type: ignore[no-any-return]
        except NotImplementedError:  # a build without it ("support for jemalloc not built")
            continue
    return None


@contextmanager
def page_keeping_pool(environ: Mapping[str, str] | None = None) -> Iterator[str]:
    """Make Arrow allocate from :func:`keeping_pool` while the block runs, then give back the
    pool that was the default before; yields the name of the pool in use. Nothing changes when
    the user named a pool in ``ARROW_DEFAULT_MEMORY_POOL`` (``environ``, default
    ``os.environ``) or no keeping pool exists. Buffers made in the block stay valid after it:
    each is freed to the pool it came from.

    >>> import pyarrow as pa
    >>> before = pa.default_memory_pool().backend_name
    >>> with page_keeping_pool({}) as name:
    ...     name in KEEPING_POOLS and pa.default_memory_pool().backend_name == name
    True
    >>> pa.default_memory_pool().backend_name == before
    True
    """
    import pyarrow as pa

    previous = pa.default_memory_pool()
    chosen = os.environ if environ is None else environ
    pool = None if chosen.get(POOL_VARIABLE) else keeping_pool()
    if pool is None:
        yield previous.backend_name
        return
    pa.set_memory_pool(pool)
    try:
        yield pool.backend_name
    finally:
        pa.set_memory_pool(previous)
