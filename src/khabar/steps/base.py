"""The contract every pipeline step keeps.

A step is a small named object with a typed config: ``run(docs) -> docs``. It changes documents in
place and yields them; it never deletes one silently: to remove a document it calls
``doc.drop(reason, step=self.name)`` and still yields it, and the pipeline takes dropped documents
out of the stream (so later steps never see them) and counts them by reason.

Steps count what they do in ``self.stats`` (a plain ``Counter``), which the runner merges across
workers into the run's ``stats.json``. Steps must be picklable: constructor arguments are plain
config dataclasses, and anything heavy (a model, a lexicon) is loaded lazily on first use.

Some steps can only decide after seeing the whole corpus (duplicates, lines repeated across a
site). They are :class:`CorpusStep`\\ s and work in three phases that the runner schedules: every
worker ``observe``\\ s its documents into a mergeable ``state()``; the runner calls ``reduce`` on
all the states once; then every worker ``apply``\\ s the decision to its documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

from khabar.document import Document


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


class CorpusStep(Step):
    """A step that decides after seeing every document: observe -> reduce -> apply."""

    def observe(self, doc: Document) -> None:
        """Record what the decision needs from ``doc`` (called in the workers)."""
        raise NotImplementedError

    def state(self) -> Any:
        """This worker's observations, picklable and mergeable by :meth:`reduce`."""
        raise NotImplementedError

    def reduce(self, states: Sequence[Any]) -> Any:
        """Combine every worker's state into one picklable decision (called once, in the driver)."""
        raise NotImplementedError

    def apply(self, doc: Document, decision: Any) -> Document:
        """Apply the decision to one document (called in the workers)."""
        raise NotImplementedError
