"""One document's failure costs only that document: errors and timeouts become rejects."""

from __future__ import annotations

import time

import pytest

from khabar import pipeline
from khabar.config import Config
from khabar.document import Document
from khabar.pipeline import Segment, SegmentRunner
from khabar.steps.base import Step


class Upper(Step):
    name = "upper"

    def process(self, doc):
        doc.text = doc.text.upper()
        return doc


class Picky(Step):
    """Raises on 'boom', hangs on 'slow', drops 'short'."""

    name = "picky"

    def process(self, doc):
        if doc.text == "BOOM":
            raise ValueError("cannot handle this one")
        if doc.text == "SLOW":
            while True:  # a pure-Python hang, as a pathological regex loop would be
                time.sleep(0.01)
        if doc.text == "SHORT":
            doc.drop("too_short", self.name)
        return doc


@pytest.fixture()
def runner(monkeypatch):
    steps = {"upper": Upper, "picky": Picky}
    monkeypatch.setattr(pipeline, "step_class", lambda name: steps[name])
    cfg = Config.load(overrides=["run.doc_timeout=0.5"], env={}, only=["run"])
    return SegmentRunner(Segment(None, ("upper", "picky"), None), cfg)


def test_errors_timeouts_and_drops_are_each_accounted(runner):
    docs = [Document(id=str(i), text=t, source="in.jsonl", record=i)
            for i, t in enumerate(["ok", "boom", "slow", "short", "fine"])]
    dropped, rejects = [], []
    t0 = time.monotonic()
    out = list(runner.run(docs, None, dropped.append, rejects.append))
    assert time.monotonic() - t0 < 30  # the hang was cut (generous bound, not a timing test)
    assert [d.text for d in out] == ["OK", "FINE"]
    assert [d.id for d in dropped] == ["3"] and dropped[0].drop_reason == "too_short"
    assert [(r.location, r.reason) for r in rejects] == [
        ("record 1", "step_failed_picky"), ("record 2", "step_timeout_picky")]
    assert "ValueError: cannot handle this one" in rejects[0].detail
    assert runner.stats()["picky.v1"] == {"errors": 1, "timeouts": 1, "dropped.too_short": 1}


class Sleepy(Step):
    """Sleeps the seconds its document's text names (``"0.2"``), in short naps, as Python code."""

    name = "sleepy"

    def process(self, doc):
        end = time.monotonic() + float(doc.text)
        while time.monotonic() < end:
            time.sleep(0.01)
        return doc


class Later(Sleepy):
    name = "later"


def test_the_time_limit_is_per_document_and_names_the_step_it_ran_out_in(monkeypatch):
    # run.doc_timeout bounds a document's time in all the segment's steps together (one timer
    # per document): two steps of 0.2 s each overrun a 0.3 s limit in the second one, while a
    # document of 0.05 + 0.05 s goes through, and so do the documents after the rejected one
    import signal

    steps = {"sleepy": Sleepy, "later": Later}
    monkeypatch.setattr(pipeline, "step_class", lambda name: steps[name])
    cfg = Config.load(overrides=["run.doc_timeout=0.3"], env={}, only=["run"])
    runner = SegmentRunner(Segment(None, ("sleepy", "later"), None), cfg)
    docs = [Document(id=str(i), text=t, source="in.jsonl", record=i)
            for i, t in enumerate(["0.05", "0.2", "0", "0.05"])]
    dropped, rejects, timers = [], [], []
    handler = signal.getsignal(signal.SIGALRM)
    for doc in runner.run(docs, None, dropped.append, rejects.append):
        timers.append(signal.getitimer(signal.ITIMER_REAL))  # between documents: no timer
    assert [(r.location, r.reason, r.detail) for r in rejects] == [
        ("record 1", "step_timeout_later", "longer than run.doc_timeout = 0.3 s")]
    assert timers == [(0.0, 0.0)] * 3 and dropped == []
    assert runner.stats() == {"later.v1": {"timeouts": 1}}
    # the run's own SIGALRM handler is back once the segment is done
    assert signal.getsignal(signal.SIGALRM) == handler
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_alarm_after_the_documents_time_is_ignored():
    with pipeline._Deadline(30) as deadline:
        deadline.start()
        assert deadline.running and signal_timer() > 0
        deadline.stop()
        assert not deadline.running and signal_timer() == 0
        deadline._on_alarm(14, None)  # rings late: nothing is raised
        deadline.start()
        with pytest.raises(pipeline.StepTimeout):
            deadline._on_alarm(14, None)
        assert not deadline.running  # raised once: its stop() has nothing left to disarm


def signal_timer() -> float:
    import signal

    return signal.getitimer(signal.ITIMER_REAL)[0]
