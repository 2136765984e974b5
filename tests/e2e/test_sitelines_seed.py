"""Issue acceptance: on the seed plus copies of its page with other articles, the footer lines are
removed by the repeated-line (site lines) step alone, with the per-document boilerplate step off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.refine import refine

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "text" / "tasnim-kazakhstan.txt"
OTHER = ROOT / "tests" / "fixtures" / "e2e" / "crawl-1.jsonl"
GOLDEN = ROOT / "tests" / "golden" / "tasnim-kazakhstan.expected.json"

pq = pytest.importorskip("pyarrow.parquet")


def fold(line: str) -> str:
    """Site lines are removed after repair: compare lines modulo ZWNJ and spaces."""
    return line.replace("\u200c", "").replace(" ", "")


def test_site_footer_goes_by_repetition_alone(tmp_path):
    raw = SEED.read_text(encoding="utf-8")
    lines = raw.split("\n")
    footer_start = lines.index("واژه های کاربردی مرتبط")
    footer = lines[footer_start:]
    assert len(footer) == 17
    # four other Tasnim pages: other articles (UD sentences), the same site footer under each
    others = [json.loads(l)["text"] for l in OTHER.read_text(encoding="utf-8").splitlines()[:4]]
    records = [{"id": "seed", "url": "https://www.tasnimnews.com/fa/news/1", "text": raw}]
    records += [{"id": f"page{i}", "url": f"https://www.tasnimnews.com/fa/news/{i + 2}",
                 "text": body + "\n\n" + "\n".join(footer)} for i, body in enumerate(others)]
    crawl = tmp_path / "tasnim.jsonl"
    crawl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                     encoding="utf-8")
    steps = "extract,fix,langid,sitelines,structure,quality,dedup"  # no per-document boilerplate
    refine([str(crawl)], str(tmp_path / "out"),
           Config.load(overrides=["run.jobs=1", f"run.steps={steps}"], env={}))
    rows = {r["id"]: r for r in pq.read_table(tmp_path / "out" / "data").to_pylist()}
    assert set(rows) == {"seed", "page0", "page1", "page2", "page3"}
    seed = rows["seed"]
    text_lines = {fold(x) for x in seed["text"].split("\n")}
    expected_gone = json.loads(GOLDEN.read_text(encoding="utf-8"))["removed_lines"][1:]  # footer
    by_step = [r for r in seed["removed"] if r["reason"] == "site_line"]
    assert sorted(fold(r["text"]) for r in by_step) == sorted(fold(x) for x in expected_gone)
    assert not text_lines & {fold(x) for x in footer}
    for r in rows.values():  # every page of the site lost exactly the footer, nothing else
        assert sorted(fold(x["text"]) for x in r["removed"]) == sorted(fold(x) for x in footer)
