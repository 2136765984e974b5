"""refine's later stages hand each document's edits and raw text from one work file to the next
as Arrow (khabar.io.schema.Carry) when their steps never look at them: the run must write the
same data/ and dropped/ bytes and the same counts as one that reads every document whole."""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar.io.schema as schema_mod
from khabar.config import Config
from khabar.pipeline import SegmentRunner, plan_segments, uses_edits_or_raw
from khabar.steps.corpus import DedupStep, LangIdStep, QualityStep, SiteLinesStep
from khabar.steps.news import BoilerplateStep, StructureStep
from khabar.steps.registry import step_class

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]

pytest.importorskip("pyarrow.parquet")
pytest.importorskip("numpy")


@pytest.mark.parametrize("sets", [[], ["run.row_group_rows=2"],
                                  ["run.keep_raw=false", "run.row_group_rows=3"]])
def test_carried_edits_give_the_bytes_of_whole_documents(sets, tmp_path, monkeypatch,
                                                          refine_in_process) -> None:
    counts = {"read": 0, "given_back": 0}
    read, materialize = schema_mod.Carry.read, schema_mod.Carry.materialize

    def counting_read(self, batch):
        counts["read"] += batch.num_rows
        return read(self, batch)

    def counting_materialize(self, doc):
        counts["given_back"] += doc.order in self._rows
        return materialize(self, doc)

    monkeypatch.setattr(schema_mod.Carry, "read", counting_read)
    monkeypatch.setattr(schema_mod.Carry, "materialize", counting_materialize)
    carried = refine_in_process(INPUTS, tmp_path / "carried", sets)
    # the fixture's site lines are removed from some documents: those are given their edits back
    assert counts["read"] > 0 and 0 < counts["given_back"] < counts["read"]
    assert carried[1]["steps"]["sitelines.v1"]["lines_removed"] > 0
    monkeypatch.setattr(SegmentRunner, "leaves_edits_and_raw", lambda self: False)
    before = dict(counts)
    whole = refine_in_process(INPUTS, tmp_path / "whole", sets)
    assert counts == before  # the reference run read every document whole
    assert carried == whole


def test_a_stage_with_a_step_that_says_nothing_reads_documents_whole() -> None:
    """fix declares nothing about edits (it adds them), so a stage running it never carries."""
    config = Config.load(env={})
    default = [SegmentRunner(s, config) for s in plan_segments(config.run.steps)]
    assert [r.leaves_edits_and_raw() for r in default[1:]] == [True, True]
    moved = plan_segments(["extract", "sitelines", "fix", "quality", "dedup"])
    assert [SegmentRunner(s, config).leaves_edits_and_raw() for s in moved[1:]] == [False, True]


@pytest.mark.parametrize("cls, call", [(LangIdStep, "process"), (QualityStep, "process"),
                                       (StructureStep, "process"), (SiteLinesStep, "observe"),
                                       (DedupStep, "observe"), (DedupStep, "apply")])
def test_steps_that_read_only_the_text_say_so(cls, call) -> None:
    assert uses_edits_or_raw(cls(), call) is None


@pytest.mark.parametrize("cls", [BoilerplateStep, step_class("fix"), step_class("extract")])
def test_steps_that_change_edits_or_raw_are_given_them(cls) -> None:
    from khabar.document import Document

    needs = uses_edits_or_raw(cls(), "process")
    assert needs is not None and needs(Document("a", "متن"))


def test_site_lines_want_the_edits_of_a_document_that_loses_lines() -> None:
    from khabar.document import Document

    step = SiteLinesStep()
    decision = {"a.ir": {"تبلیغات ویژه"}}
    loses = Document("1", "خبر اصلی امروز\nتبليغات ويژه", domain="a.ir")  # Arabic ي folds
    keeps = Document("2", "خبر اصلی امروز\nتبلیغات", domain="a.ir")
    other = Document("3", "تبلیغات ویژه", domain="b.ir")
    needs = uses_edits_or_raw(step, "apply", decision)
    assert needs is not None
    assert [needs(d) for d in (loses, keeps, other)] == [True, False, False]
