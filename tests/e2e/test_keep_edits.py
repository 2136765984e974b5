"""``run.keep_edits=false``: the fix step repairs without recording its edits (for very large
runs). The texts and every other column must be the same as a default run's; ``repairs`` and
``edits`` are null (unknown, not zero) in data/ and dropped/; the report says why it shows no
repair counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("numpy")

ROOT = Path(__file__).resolve().parents[2]
# the bundled examples (the seed article: 23 glued words, Arabic letters) and the e2e fixture (copies
# that dedup drops)
INPUTS = [str(ROOT / "examples" / kind) for kind in ("text", "jsonl", "html", "warc")] + [
    str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]


def _run(out: Path, sets: list[str]) -> dict[str, list[dict]]:
    from khabar.config import Config
    from khabar.refine import refine
    from khabar.runners.local import LocalExecutor

    refine(INPUTS, str(out), Config.load(overrides=["run.jobs=1", *sets], env={}),
           executor=LocalExecutor(1))
    return {folder: sorted((row for p in sorted((out / folder).glob("*.parquet"))
                            for row in pq.read_table(p).to_pylist()), key=lambda r: r["id"])
            for folder in ("data", "dropped")}


def test_no_edits_kept_same_texts(tmp_path) -> None:
    full = _run(tmp_path / "full", [])
    bare = _run(tmp_path / "bare", ["run.keep_edits=false"])
    # the seed alone has 23 ZWNJ repairs, so the default run has edits
    assert sum(r["repairs"] for r in full["data"]) >= 23
    for folder in ("data", "dropped"):
        assert [r["id"] for r in bare[folder]] == [r["id"] for r in full[folder]]
        for a, b in zip(full[folder], bare[folder], strict=True):
            assert b["repairs"] is None and b["edits"] is None, b["id"]
            assert {k: v for k, v in a.items() if k not in ("repairs", "edits")} == \
                {k: v for k, v in b.items() if k not in ("repairs", "edits")}, a["id"]

    def fix_stats(out: Path) -> dict[str, int]:
        stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))["steps"]
        return next(v for k, v in stats.items() if k.startswith("fix"))

    full_stats, bare_stats = fix_stats(tmp_path / "full"), fix_stats(tmp_path / "bare")
    assert bare_stats["docs_changed"] == full_stats["docs_changed"] > 0
    assert any(k.startswith("edit.") for k in full_stats)
    assert not any(k.startswith("edit.") for k in bare_stats)
    html = (tmp_path / "bare" / "report.html").read_text(encoding="utf-8")
    assert "Repairs were not recorded (run.keep_edits = false)" in html
    assert "not recorded" not in (tmp_path / "full" / "report.html").read_text(encoding="utf-8")
