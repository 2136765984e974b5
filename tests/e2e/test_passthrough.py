"""The last stage passes the rows dedup does not touch through as Arrow columns: its files must
be the same bytes as when every row is rebuilt as a Document and written back, with any row
group size and with or without the raw column."""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar.refine as refine_mod

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]

pytest.importorskip("pyarrow.parquet")
pytest.importorskip("numpy")




@pytest.mark.parametrize("sets", [[], ["run.row_group_rows=2"], ["run.keep_raw=false", "run.row_group_rows=3"],
                                  ["run.keep_edits=false", "run.row_group_rows=3"]])
def test_passthrough_writes_the_same_bytes_as_rebuilding_every_row(sets, tmp_path, monkeypatch, refine_in_process) -> None:
    fast = refine_in_process(INPUTS, tmp_path / "fast", sets)
    used: list[bool] = []
    real = refine_mod._touched

    def spy(*args):
        got = real(*args)
        used.append(got is not None)
        return got

    monkeypatch.setattr(refine_mod, "_touched", spy)
    refine_in_process(INPUTS, tmp_path / "spied", sets)
    assert any(used)  # the pass-through really ran in the last stage
    monkeypatch.setattr(refine_mod, "_touched", lambda *args: None)
    slow = refine_in_process(INPUTS, tmp_path / "slow", sets)
    assert fast == slow
    assert fast[1]["counts"]["dropped"].get("duplicate_exact", 0) + \
        fast[1]["counts"]["dropped"].get("duplicate_near", 0) > 0  # the fixture has copies
