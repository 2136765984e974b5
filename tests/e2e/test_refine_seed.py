"""The seed document through the whole default pipeline, against its hand-made golden files."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.refine import refine

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "text" / "tasnim-kazakhstan.txt"
GOLDEN = ROOT / "tests" / "golden"

pq = pytest.importorskip("pyarrow.parquet")


def fold(s: str) -> str:
    """Compare removed lines modulo ZWNJ and spacing (boilerplate records lines as they stood)."""
    return " ".join(unicodedata.normalize("NFC", s).replace("\u200c", "").split())


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "out"
    result = refine([str(SEED)], str(out), Config.load(overrides=["run.jobs=1"], env={}))
    rows = pq.read_table(out / "data").to_pylist()
    dropped = pq.read_table(out / "dropped").to_pylist()
    return out, result, rows, dropped


def test_seed_is_kept_once_and_accounted(seed_run):
    out, result, rows, dropped = seed_run
    assert (result.read, result.kept, result.dropped, result.rejected) == (1, 1, {}, {})
    assert len(rows) == 1 and dropped == []
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["invariant_holds"] is True
    assert manifest["inputs"][0]["records"] == 1


def test_seed_text_is_the_golden_clean_text(seed_run):
    _, _, rows, _ = seed_run
    golden = (GOLDEN / "tasnim-kazakhstan.clean.txt").read_text(encoding="utf-8").strip("\n")
    got = rows[0]["text"].strip("\n")
    if got != golden:  # show the first differing line, readable
        for a, b in zip(got.split("\n"), golden.split("\n")):
            assert a == b
    assert got == golden


def test_seed_structure_and_attribution(seed_run):
    _, _, rows, _ = seed_run
    exp = json.loads((GOLDEN / "tasnim-kazakhstan.expected.json").read_text(encoding="utf-8"))
    row = rows[0]
    assert row["title"] == exp["title"]
    assert row["lead"] == exp["lead"]
    assert (row["agency"], row["desk"], row["cited_source"]) == (
        exp["agency"], exp["desk"], exp["cited_source"])
    assert row["lang"] == exp["language"]


def test_seed_removed_lines_are_exactly_the_footer_and_duplicate_title(seed_run):
    _, _, rows, _ = seed_run
    exp = json.loads((GOLDEN / "tasnim-kazakhstan.expected.json").read_text(encoding="utf-8"))
    removed = sorted(fold(r["text"]) for r in rows[0]["removed"] if r["line"] >= 0)
    assert removed == sorted(fold(x) for x in exp["removed_lines"])


def test_seed_edits_point_into_the_text(seed_run):
    _, _, rows, _ = seed_run
    row = rows[0]
    text = row["text"]
    assert row["repairs"] == len(row["edits"]) > 0
    zwnj = [e for e in row["edits"] if e["after"].count("\u200c") > e["before"].count("\u200c")]
    assert sum(e["after"].count("\u200c") - e["before"].count("\u200c") for e in zwnj) == 23
    for e in row["edits"]:
        assert text[e["offset"]:e["offset"] + len(e["after"])] == e["after"]


def test_datasets_loads_the_output(seed_run):
    datasets = pytest.importorskip("datasets")
    out = seed_run[0]
    ds = datasets.load_dataset("parquet", data_dir=str(out / "data"), split="train")
    assert ds.num_rows == 1
    assert ds[0]["title"].startswith("وزیر خارجه قزاقستان")
