"""The record that flows through every step: one document, what was done to it, and why.

A :class:`Document` is created by a reader, changed in place by steps, and written by a writer.
Steps never delete a document silently: they call :meth:`Document.drop` with a reason, and the
pipeline routes it to the dropped counts. Readers that cannot make a document from a record yield
a :class:`Reject` instead, naming the file, the location inside it and the reason.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple


class Edit(NamedTuple):
    """One change made by a repair rule.

    ``offset`` is the position in the *repaired* text where ``after`` starts (so an inspector can
    highlight it in the clean text); ``before`` is what stood there in the input.

    A named tuple rather than a frozen dataclass: documents carry a hundred or more edits each (one
    per Arabic ي in some sources), rebuilt every time a document crosses a stage, and a tuple is
    made in about a third of the time. It is immutable and compares by value all the same.

    >>> Edit(0, "ي", "ی", "char.yeh")
    Edit(offset=0, before='ي', after='ی', rule='char.yeh')
    """

    offset: int
    before: str
    after: str
    rule: str


@dataclass(slots=True, frozen=True)
class Removed:
    """A line or block removed from the text, with the rule that removed it."""

    text: str
    reason: str
    #: index of the line in the text as it was before the removal (for showing it struck in place)
    line: int = -1


@dataclass(slots=True, frozen=True)
class Reject:
    """An input record that could not be turned into a document.

    ``location`` says where in ``source`` it is: ``"record 17"``, ``"byte 10240"``, ``"line 3"``.
    """

    source: str
    location: str
    reason: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """A document and everything khabar learned about it.

    Attributes:
        id: stable identifier (from the input's id field, or derived from the input file's hash
            and the record's index, so it does not depend on paths or on how the run was split).
        text: the current text; steps replace it as they repair and clean.
        source: the input file it came from; ``record`` its index there (0-based), ``offset`` its
            byte offset where the format has one.
        raw: the text as read (or as extracted from HTML), before any repair.
        html: the raw HTML for HTML and WARC inputs (not written to the output by default).
        title, lead, paragraphs: news structure, filled by the structure step.
        meta: agency, desk, cited source, dates and other metadata (JSON-serialisable values).
        signals: numeric quality signals, filled by the quality step.
        edits: repairs made to the text, for the inspector and the report.
        removed: lines removed as boilerplate, with the reason.
        drop_reason: set by :meth:`drop`; a dropped document leaves the stream.
    """

    id: str
    text: str
    source: str = ""
    record: int = 0
    offset: int | None = None
    url: str | None = None
    domain: str | None = None
    raw: str = ""
    html: str | None = None
    title: str | None = None
    lead: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    signals: dict[str, float] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    drop_reason: str | None = None
    drop_step: str | None = None
    #: position in the run's global reading order (shard, then record): "first seen" for dedup
    order: int = 0

    @property
    def dropped(self) -> bool:
        return self.drop_reason is not None

    def drop(self, reason: str, step: str) -> None:
        """Mark this document as dropped by ``step`` for ``reason`` (a short snake_case word)."""
        self.drop_reason = reason
        self.drop_step = step
