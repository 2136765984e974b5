"""The seed through the order the pipeline runs: boilerplate on the raw text, then repair
(``khabar.fix``, another area's), then structure, attribution and dates on the repaired text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.dates import find_dates
from khabar.news.attribution import parse_attribution
from khabar.news.boilerplate import strip_boilerplate
from khabar.news.structure import structure


def test_seed_end_to_end(fixtures: Path) -> None:
    fix_module = pytest.importorskip("khabar.text.fix")
    seed = fixtures / "news" / "tasnim-kazakhstan"
    gold = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    raw = (seed / "raw.txt").read_text(encoding="utf-8")

    kept, removed = strip_boilerplate(raw)
    assert [r.text for r in removed] == gold["removed_lines"]
    repaired = fix_module.fix(kept)

    s = structure(repaired)
    assert (s.title, s.lead) == (gold["title"], gold["lead"])
    a = parse_attribution(repaired)
    assert (a.agency, a.desk, a.cited_source) == (gold["agency"], gold["desk"], gold["cited_source"])
    got = {(m.text, m.year, m.month, m.day) for m in find_dates(repaired)}
    want = {(d["text"], d.get("year"), d.get("month"), d.get("day")) for d in gold["dates_mentioned"]}
    assert got == want
