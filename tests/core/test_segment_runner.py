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
