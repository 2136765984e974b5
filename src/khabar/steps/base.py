"""The contract every pipeline step keeps.

A step is a small named object with a typed config: ``run(docs) -> docs``. It changes documents in
place and yields them; it never deletes one silently: to remove a document it calls
``doc.drop(reason, step=self.name)`` and still yields it, and the pipeline takes dropped documents
out of the stream (so later steps never see them) and counts them by reason.

Steps count what they do in ``self.stats`` (a plain ``Counter``), which the runner merges across
workers into the run's ``stats.json``. Steps must be picklable: constructor arguments are plain
config dataclasses, and anything heavy (a model, a lexicon) is loaded lazily on first use.

Some steps can only decide after seeing the whole corpus (duplicates, lines repeated across a
site). They are :class:`CorpusStep`\\ s, and the runner schedules them as a partitioned
map-reduce, so that no task ever holds the whole corpus and every part can be restarted:

1. every shard task ``observe``\\ s its documents, then ``partition``\\ s its ``state()`` into
   ``n`` buckets by a stable hash (a domain, a band of a MinHash signature);
2. one task per bucket ``reduce_bucket``\\ s that bucket's parts from every shard;
3. one task ``combine``\\ s the buckets' results into a small decision, shared by every shard
   and/or split per shard;
4. every shard task ``apply``\\ s its decision to its documents.

:meth:`CorpusStep.reduce` runs steps 1-3 in one process (for tests and small in-memory uses).
"""

from __future__ import annotations

import functools
import importlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, ClassVar

from khabar.document import Document
from khabar.io import fs


@functools.cache
def deferred(*specs: str) -> tuple[Any, ...]:
    """The objects named by ``specs`` (``"module:name"``), imported on the first call and then
    held. A step's ``process`` calls this instead of a from-import, which costs about 0.8
    microseconds a document, while ``import khabar`` stays light.

    >>> deferred("khabar.document:Document", "khabar.document:Removed")[1].__name__
    'Removed'
    """
    out = []
    for spec in specs:
        module, _, name = spec.partition(":")
        out.append(getattr(importlib.import_module(module), name))
    return tuple(out)


class Step:
    """Base class: subclasses set ``name``, ``version`` and ``section`` and override ``process``
    or ``run``."""

    name: ClassVar[str] = "step"
    version: ClassVar[int] = 1
    #: the config section this step reads (``None``: the step has no options)
    section: ClassVar[str | None] = None
    #: one line for ``khabar steps``
    summary: ClassVar[str] = ""

    def __init__(self, config: Any = None) -> None:
        self.config = config
        self.stats: Counter[str] = Counter()

    @property
    def qualname(self) -> str:
        return f"{self.name}.v{self.version}"

    def stat(self, key: str, n: int = 1) -> None:
        self.stats[key] += n

    def configure_run(self, run: Any) -> None:
        """Take the run-level settings (a :class:`khabar.config.RunConfig`) this step follows;
        none by default. The pipeline calls it once, right after building the step."""

    def setup(self) -> None:
        """Load what the step needs (a lexicon, a model, a library) before the first document.

        The runner calls it once per worker before it starts the per-document clock
        (``run.doc_timeout``), so a load of several seconds is never mistaken for a slow document.
        """

    def process(self, doc: Document) -> Document:
        """Change one document (per-document steps override this)."""
        raise NotImplementedError(f"step {self.name!r} must override process() or run()")

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.process(doc)


def stable_bucket(key: str, n: int) -> int:
    """The bucket of ``key`` among ``n``, the same in every process and on every machine (Python's
    own ``hash`` of a str changes with each process).

    >>> stable_bucket("isna.ir", 16) == stable_bucket("isna.ir", 16)
    True
    """
    import zlib

    return zlib.crc32(key.encode("utf-8")) % n


class SideFiles:
    """A folder where a corpus step keeps files of its partitioned reduce beyond the bucket parts
    the runner moves for it (for example, each shard's MinHash signatures, read back by
    position). Every task of one run sees the same folder: a local path or an object-store URL
    (see :mod:`khabar.io.fs`)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = str(folder)

    def path(self, name: str) -> str:
        return fs.join(self.folder, name)

    def local(self, name: str) -> str | None:
        """The file's local path (to memory-map it), or ``None`` when the folder is remote."""
        return fs.local_path(self.path(name))

    def write_bytes(self, name: str, data: bytes) -> None:
        """Write the file whole or not at all."""
        fs.atomic_write_bytes(self.path(name), data)

    def read_bytes(self, name: str) -> bytes:
        return fs.read_bytes(self.path(name))

    def open(self, name: str) -> Any:
        """The file opened for seekable binary reading."""
        return fs.open_input(self.path(name))


class CorpusStep(Step):
    """A step that decides after seeing every document: observe -> partition -> reduce per
    bucket -> combine -> apply (see the module docstring)."""

    #: whether :meth:`apply` reads a document's text (site lines removes lines by their canonical
    #: form). A stage that applies a step that does not, and runs nothing else, reads no text: the
    #: stage before it then leaves its work file's canonical lines empty (nothing would read them)
    apply_reads_text: ClassVar[bool] = True

    def observe(self, doc: Document) -> None:
        """Record what the decision needs from ``doc`` (called in the workers)."""
        raise NotImplementedError

    def state(self) -> Any:
        """This shard's observations, picklable."""
        raise NotImplementedError

    def partition(self, state: Any, n: int, shard: int, side: SideFiles) -> list[Any]:
        """Split one shard's ``state`` into ``n`` picklable bucket parts (called in the worker
        that observed it). Whatever must meet in one bucket (one domain's counts, one band
        value's documents) must hash to the same bucket in every shard."""
        raise NotImplementedError

    def reduce_bucket(self, parts: Sequence[Any], side: SideFiles) -> Any:
        """Reduce one bucket's parts from every shard (one task per bucket)."""
        raise NotImplementedError

    def combine(self, results: Sequence[Any], side: SideFiles) -> tuple[Any, Mapping[int, Any]]:
        """Join the buckets' results into ``(shared, per_shard)``: a decision every shard reads,
        and decisions only one shard needs, by shard index (one task)."""
        raise NotImplementedError

    def shard_decision(self, shared: Any, own: Any) -> Any:
        """What :meth:`apply` receives in one shard, from :meth:`combine`'s two parts."""
        return own if shared is None else shared

    def reduce(self, states: Sequence[Any], side: SideFiles | str | Path | None = None,
               buckets: int = 4) -> Any:
        """Partition, reduce and combine ``states`` (one per shard, in shard order) in this
        process, and return every shard's decision as ``{shard: decision}``. ``side`` is a
        folder for the step's side files (a temporary one when ``None``)."""
        import tempfile

        if side is None:
            with tempfile.TemporaryDirectory(prefix="khabar-reduce-") as tmp:
                return self.reduce(states, tmp, buckets)
        files = side if isinstance(side, SideFiles) else SideFiles(side)
        parts = [self.partition(st, buckets, i, files) for i, st in enumerate(states)]
        results = [self.reduce_bucket([p[b] for p in parts], files) for b in range(buckets)]
        shared, own = self.combine(results, files)
        return {i: self.shard_decision(shared, own.get(i)) for i in range(len(states))}

    def touches(self, decision: Any) -> AbstractSet[int] | None:
        """The orders of the only documents :meth:`apply` can change under this shard's
        decision, or ``None`` when it may change any (the default). Given a set, the runner
        passes every other row through as it is."""
        return None

    def apply(self, doc: Document, decision: Any) -> Document:
        """Apply the decision to one document (called in the workers)."""
        raise NotImplementedError
