from __future__ import annotations

import pytest

from khabar.config import DEFAULT_STEPS
from khabar.errors import StepNotFound
from khabar.pipeline import plan_segments
from khabar.refine import plan_shards


def test_default_pipeline_has_three_stages():
    segs = plan_segments(DEFAULT_STEPS)
    assert [(s.apply, s.observe) for s in segs] == [(None, "sitelines"), ("sitelines", "dedup"),
                                                    ("dedup", None)]
    # every step appears exactly once
    names = [n for s in segs for n in s.steps] + [s.observe for s in segs if s.observe]
    assert sorted(names) == sorted(DEFAULT_STEPS)


def test_no_corpus_step_is_one_stage():
    assert [s.steps for s in plan_segments(["fix", "quality"])] == [("fix", "quality")]


def test_unknown_step_lists_alternatives():
    with pytest.raises(StepNotFound, match="available steps: extract, boilerplate"):
        plan_segments(["fix", "nosuch"])


class F:
    def __init__(self, size):
        self.size = size


def test_shards_group_files_in_order():
    files = [F(5), F(5), F(20), F(1), F(1)]
    shards = plan_shards(files, 10)
    assert [[f.size for f in s.files] for s in shards] == [[5, 5], [20], [1, 1]]
    assert [s.index for s in shards] == [0, 1, 2]


def test_small_corpora_are_split_for_the_workers():
    files = [F(4) for _ in range(8)]
    assert len(plan_shards(files, 1000)) == 1
    assert [len(s.files) for s in plan_shards(files, 1000, min_shards=4)] == [2, 2, 2, 2]
    assert len(plan_shards(files, 1000, min_shards=16)) == 8  # a file is never split
