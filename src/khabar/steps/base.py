"""The contract every pipeline step keeps.

A step is a small named object with a typed config: ``run(docs) -> docs``. It changes documents in
place and yields them; it never deletes one silently: to remove a document it calls
``doc.drop(reason, step=self.name)`` and still yields it, and the pipeline takes dropped documents
out of the stream (so later steps never see them) and counts them by reason.

Steps count what they do in ``self.stats`` (a plain ``Counter``), which the runner merges across
workers into the run's ``stats.json``. Steps must be picklable: constructor arguments are plain
config dataclasses, and anything heavy (a model, a lexicon) is loaded lazily on first use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from khabar.document import Document


class Step:
    """Base class: subclasses set ``name`` and ``version`` and override ``process`` or ``run``."""

    name: ClassVar[str] = "step"
    version: ClassVar[int] = 1
    #: what the step needs done before it (names of earlier steps), checked by the pipeline
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: Any = None) -> None:
        self.config = config
        self.stats: Counter[str] = Counter()

    @property
    def qualname(self) -> str:
        return f"{self.name}.v{self.version}"

    def stat(self, key: str, n: int | float = 1) -> None:
        self.stats[key] += n  # type: ignore[assignment]

    def process(self, doc: Document) -> Document:
        """Change one document (per-document steps override this)."""
        raise NotImplementedError(f"step {self.name!r} must override process() or run()")

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            self.stat("docs_in")
            yield self.process(doc)

    def close(self) -> None:
        """Release resources at the end of a shard (optional)."""
