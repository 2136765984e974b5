"""How the long-running commands tune CPython's cyclic garbage collector.

Both ``khabar refine`` (each pipeline segment) and ``khabar fix`` load large tables once (the
lexicons, the step models) and then make millions of short-lived objects that reference counting
frees. The collector's default schedule walks the young generation every 700 allocations and,
now and then, every object there is, lexicons included. These two context managers are the
remedy both commands share; neither changes what a run outputs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: the youngest generation's allocation threshold inside :func:`rare_young_collections`
#: (CPython's default is 700)
YOUNG_THRESHOLD = 50_000


@contextmanager
def rare_young_collections() -> Iterator[None]:
    """Collect the youngest generation every :data:`YOUNG_THRESHOLD` allocations instead of
    every 700 while the block runs, and put the old thresholds back after.

    Nearly all of a document's objects are freed by reference counting, so the frequent young
    collections found almost nothing; and a set-up that loads a lexicon keeps what it makes, so
    each collection there only moved survivors. On 3,000 generated documents (-j 1) they were
    1,250 collections and 0.33 CPU s of a 16 s run; with this, a few dozen and 0.1 s
    (bench/throughput/results.md). Only garbage cycles wait longer: a few MB at most.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with rare_young_collections():
    ...     gc.get_threshold()[0]
    50000
    >>> gc.get_threshold() == before
    True
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the objects that exist now (the loaded lexicons, tables and models) out of the
    cyclic garbage collector's passes while the block runs, and give them back after it.

    Each full collection walked every object of the loaded lexicons (about 4% of a ``refine``
    run's CPU on 3,000 documents, half of that after freezing). Objects are still freed by
    reference counting while frozen; only cycles among them wait for the unfreeze.

    >>> import gc
    >>> keep = [[] for _ in range(10)]
    >>> with frozen_heap():
    ...     gc.get_freeze_count() >= 10
    True
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
