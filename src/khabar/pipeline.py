"""A pipeline: named steps in order, split into stages at the corpus-level steps.

Per-document steps run one after the other on each document. A corpus-level step (dedup, site
lines) needs to see every document before it decides, so the pipeline is cut there into
*segments*: a segment applies the previous corpus step's decision, runs its per-document steps,
and observes the documents for the next corpus step. The runner runs each segment as one parallel
stage over the shards, with a reduce between stages.

>>> [s.steps for s in plan_segments(["extract", "fix", "sitelines", "structure", "dedup"])]
[('extract', 'fix'), ('structure',), ()]
>>> [(s.apply, s.observe) for s in plan_segments(["extract", "fix", "sitelines", "structure", "dedup"])]
[(None, 'sitelines'), ('sitelines', 'dedup'), ('dedup', None)]
"""

from __future__ import annotations

import signal
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Self

from khabar._native import reduce_by_constructor
from khabar.config import Config
from khabar.document import Document, Reject
from khabar.gc_tuning import frozen_heap, rare_young_collections
from khabar.steps.base import CorpusStep, Step
from khabar.steps.registry import step_class


@dataclass(frozen=True, slots=True)
class Segment:
    """One stage's share of the pipeline."""

    apply: str | None
    steps: tuple[str, ...]
    observe: str | None

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


def plan_segments(names: Sequence[str]) -> list[Segment]:
    segments: list[Segment] = []
    apply: str | None = None
    current: list[str] = []
    for name in names:
        cls = step_class(name)
        if issubclass(cls, CorpusStep):
            segments.append(Segment(apply, tuple(current), name))
            apply, current = name, []
        else:
            current.append(name)
    segments.append(Segment(apply, tuple(current), None))
    return segments


def reads_text(segment: Segment) -> bool:
    """Whether a stage running ``segment`` reads its documents' texts (and so their canonical
    lines, which the stage before hands on in its work file): it does unless all it runs is the
    apply of a corpus step that reads none (dedup's, which drops documents by their order).

    >>> [reads_text(s) for s in plan_segments(["fix", "sitelines", "quality", "dedup"])]
    [True, True, False]
    """
    if segment.steps or segment.observe:
        return True
    if segment.apply is None:
        return False
    cls = step_class(segment.apply)
    return not issubclass(cls, CorpusStep) or cls.apply_reads_text


def build_step(name: str, config: Config) -> Step:
    cls = step_class(name)
    section = cls.section
    step = cls(config.section(section) if section else None)
    step.configure_run(config.run)
    return step


#: whether a step may read or change a document's ``edits`` or ``raw`` (``None``: never)
_Needs = Callable[[Document], bool] | None


def _always(doc: Document) -> bool:
    return True


def uses_edits_or_raw(step: Step, call: str, decision: Any = None) -> _Needs:
    """Whether ``step``'s ``call`` (``"process"``, ``"apply"`` or ``"observe"``) may read or
    change a document's ``edits`` or ``raw``: ``None`` when it never does, else a test per
    document.

    Those two are most of a document's bytes and Python objects (a hundred or more edits), and a
    stage that does not touch them hands them from its work file to the next one as Arrow. A step
    says it leaves them alone with a method ``uses_edits_or_raw(doc)`` (for ``apply``:
    ``apply_uses_edits_or_raw(doc, decision)``; for ``observe``:
    ``observe_uses_edits_or_raw(doc)``) returning ``False``, or a class attribute of that name
    set to ``None`` (never). A step that says nothing (fix, a plug-in) is given them always.

    >>> from khabar.steps.corpus import QualityStep
    >>> uses_edits_or_raw(QualityStep(), "process") is None
    True
    """
    name = {"process": "uses_edits_or_raw", "apply": "apply_uses_edits_or_raw",
            "observe": "observe_uses_edits_or_raw"}[call]
    if not hasattr(step, name):
        return _always
    test = getattr(step, name)
    if test is None:
        return None
    if call == "apply":
        return lambda doc: bool(test(doc, decision))
    return test  # type: ignore[no-any-return]


class StepTimeout(Exception):
    """The steps spent longer than ``run.doc_timeout`` seconds on one document (raised in the
    step that was running then)."""


class _Deadline:
    """Bounds the time the steps of a segment spend on one document, with SIGALRM (worker main
    threads only; elsewhere no limit). Python code is interrupted at once; a long call inside a C
    extension is interrupted when it returns to Python.

    :meth:`start` arms the timer once per document and :meth:`stop` disarms it after its last
    step: an alarm raises :class:`StepTimeout` in the step that is running then (the reject
    names it), and one that rings after the document's time ended (between :meth:`stop`'s two
    lines) is ignored. One arm-and-disarm pair per document instead of one around each of its
    ~7 step calls (~5 CPU us per document, bench/throughput/io12.md).

    >>> with _Deadline(0) as deadline:  # no limit: nothing armed
    ...     deadline.start()
    ...     deadline.running
    False
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds if seconds > 0 and threading.current_thread() is threading.main_thread() else 0.0
        #: whether a document is in its steps now (an alarm raises only then)
        self.running = False
        self._previous: Any = None

    def __enter__(self) -> Self:
        if self.seconds:
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        return self

    def __exit__(self, *exc: object) -> None:
        self.running = False
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)

    def start(self) -> None:
        """A document's steps begin: it has ``seconds`` from now."""
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.running = True

    def stop(self) -> None:
        """The document's steps are over (or it failed): an alarm from now on is ignored."""
        if self.running:
            self.running = False
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _on_alarm(self, signum: int, frame: Any) -> None:
        if self.running:
            self.running = False
            raise StepTimeout


class SegmentRunner:
    """Runs one segment over a stream of documents inside one worker.

    Dropped documents leave the stream at once (``on_dropped``); a step that raises on a
    document, or spends more than ``run.doc_timeout`` seconds on it, turns it into a
    :class:`Reject` naming the step and the error (``on_reject``), and the run goes on: one bad
    document never costs the shard.
    """

    def __init__(self, segment: Segment, config: Config) -> None:
        self.segment = segment
        self.doc_timeout = float(config.run.doc_timeout)
        self.apply_step = build_step(segment.apply, config) if segment.apply else None
        self.steps = [build_step(n, config) for n in segment.steps]
        self.observe_step = build_step(segment.observe, config) if segment.observe else None

    def run(self, docs: Iterable[Document], decision: Any,
            on_dropped: Callable[[Document], None],
            on_reject: Callable[[Reject], None],
            materialize: Callable[[Document], None] | None = None) -> Iterator[Document]:
        with self.session(decision, on_dropped, on_reject, materialize) as process:
            for doc in docs:
                out = process(doc)
                if out is not None:
                    yield out

    @contextmanager
    def session(self, decision: Any, on_dropped: Callable[[Document], None],
                on_reject: Callable[[Reject], None],
                materialize: Callable[[Document], None] | None = None,
                ) -> Iterator[Callable[[Document], Document | None]]:
        """Set the steps up and give a function that runs the segment on one document and
        returns it, or ``None`` when it was dropped (``on_dropped``) or rejected (``on_reject``).
        :meth:`run` is this over a stream; a caller that interleaves documents with other work
        (the last stage passing untouched rows through as Arrow) calls it one document at a time.

        ``materialize``: the documents come without their ``edits`` and ``raw`` (a stage reading
        its work file hands those on as Arrow, :class:`khabar.io.schema.Carry`); it gives a
        document them back, and is called before any step that may read or change them (see
        :func:`uses_edits_or_raw`).
        """
        with (rare_young_collections(),
              self._steps_ready(decision, on_dropped, on_reject, materialize) as process):
            yield process

    @contextmanager
    def _steps_ready(self, decision: Any, on_dropped: Callable[[Document], None],
                 on_reject: Callable[[Reject], None],
                 materialize: Callable[[Document], None] | None,
                 ) -> Iterator[Callable[[Document], Document | None]]:
        chain: list[tuple[Step, Callable[[Document], Document], _Needs]] = []
        if self.apply_step is not None:
            apply_step = self.apply_step
            chain.append((apply_step, lambda d: apply_step.apply(d, decision),  # type: ignore[attr-defined]
                          uses_edits_or_raw(apply_step, "apply", decision)))
        chain.extend((s, s.process, uses_edits_or_raw(s, "process")) for s in self.steps)
        for step, _, _ in chain:
            step.setup()  # one-time loads happen before the per-document clock starts
        observe_needs: _Needs = None
        if self.observe_step is not None:
            self.observe_step.setup()
            observe_needs = uses_edits_or_raw(self.observe_step, "observe")
        if materialize is None:  # the documents are whole: nothing to give back
            chain = [(step, fn, None) for step, fn, _ in chain]
            observe_needs = None
        with _Deadline(self.doc_timeout) as deadline, frozen_heap():
            yield lambda doc: self._one(doc, chain, observe_needs, materialize, deadline,
                                        on_dropped, on_reject)

    def _one(self, doc: Document, chain: list[tuple[Step, Callable[[Document], Document], _Needs]],
             observe_needs: _Needs, materialize: Callable[[Document], None] | None,
             deadline: _Deadline, on_dropped: Callable[[Document], None],
             on_reject: Callable[[Reject], None]) -> Document | None:
        if doc.dropped:
            on_dropped(doc)
            return None
        if chain:
            step = chain[0][0]  # the step an error or the deadline is put down to
            try:
                deadline.start()
                try:
                    for step, fn, needs in chain:
                        if needs is not None and needs(doc):
                            materialize(doc)  # type: ignore[misc]
                        fn(doc)
                        if doc.dropped:
                            break
                finally:
                    deadline.stop()
            except StepTimeout:
                step.stat("timeouts")
                on_reject(Reject(doc.source, f"record {doc.record}", f"step_timeout_{step.name}",
                                 f"longer than run.doc_timeout = {self.doc_timeout:g} s"))
                return None
            except Exception as exc:  # noqa: BLE001 - recorded as a reject with its cause
                step.stat("errors")
                on_reject(Reject(doc.source, f"record {doc.record}", f"step_failed_{step.name}",
                                 _short_error(exc)))
                return None
            if doc.dropped:
                step.stat(f"dropped.{doc.drop_reason}")
                on_dropped(doc)
                return None
        if self.observe_step is not None:
            try:
                if observe_needs is not None and observe_needs(doc):
                    materialize(doc)  # type: ignore[misc]
                self.observe_step.observe(doc)  # type: ignore[attr-defined]
            except Exception as exc:  # noqa: BLE001 - recorded as a reject with its cause
                self.observe_step.stat("errors")
                on_reject(Reject(doc.source, f"record {doc.record}",
                                 f"step_failed_{self.observe_step.name}", _short_error(exc)))
                return None
        return doc

    def leaves_edits_and_raw(self) -> bool:
        """Whether no step of the segment wants every document's ``edits`` and ``raw``, so a
        stage can read its documents without them (the ``materialize`` of :meth:`session`)."""
        calls = [(self.apply_step, "apply"), *((s, "process") for s in self.steps),
                 (self.observe_step, "observe")]
        return all(uses_edits_or_raw(step, call) is not _always
                   for step, call in calls if step is not None)

    def state(self) -> Any:
        return self.observe_step.state() if self.observe_step is not None else None  # type: ignore[attr-defined]

    def stats(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for s in [self.apply_step, *self.steps, self.observe_step]:
            if s is not None and s.stats:
                out.setdefault(s.qualname, Counter()).update(s.stats)  # type: ignore[union-attr]
        return {k: dict(v) for k, v in out.items()}


def _short_error(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
    return f"{type(exc).__name__}: {exc}"[:500] + where
