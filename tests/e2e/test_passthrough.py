"""The last stage passes the rows dedup does not touch through as Arrow columns: its files must
be the same bytes as when every row is rebuilt as a Document and written back, with any row
group size and with or without the raw column."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import khabar.refine as refine_mod
from khabar.config import Config
from khabar.runners.local import LocalExecutor

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]

pytest.importorskip("pyarrow.parquet")
pytest.importorskip("numpy")



def _run(out: Path, sets: list[str]) -> tuple[dict[str, str], dict]:
    refine_mod.refine(INPUTS, str(out), Config.load(overrides=["run.jobs=1", *sets], env={}),
                      executor=LocalExecutor(1))  # one job: in this process, patches apply
    files = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for folder in ("data", "dropped") for p in sorted((out / folder).glob("*.parquet"))}
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    return files, {"counts": stats["counts"], "steps": stats["steps"]}


@pytest.mark.parametrize("sets", [[], ["run.row_group_rows=2"], ["run.keep_raw=false", "run.row_group_rows=3"]])
def test_passthrough_writes_the_same_bytes_as_rebuilding_every_row(sets, tmp_path, monkeypatch) -> None:
    fast = _run(tmp_path / "fast", sets)
    used: list[bool] = []
    real = refine_mod._touched

    def spy(*args):
        got = real(*args)
        used.append(got is not None)
        return got

    monkeypatch.setattr(refine_mod, "_touched", spy)
    _run(tmp_path / "spied", sets)
    assert any(used)  # the pass-through really ran in the last stage
    monkeypatch.setattr(refine_mod, "_touched", lambda *args: None)
    slow = _run(tmp_path / "slow", sets)
    assert fast == slow
    assert fast[1]["counts"]["dropped"].get("duplicate_exact", 0) + \
        fast[1]["counts"]["dropped"].get("duplicate_near", 0) > 0  # the fixture has copies
