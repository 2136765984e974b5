"""Refine the corrupted-corpus fixture set: every bad record is a reject naming file, place and
reason; every good record is kept; nothing is lost (read = kept + dropped + rejected).

tests/fixtures/corrupted/ is made by scripts/build_corrupted_corpus.py (its docstring lists each
file). The big hostile inputs are made here in tmp_path: a 50 MB single-line record, a gzip file
of 1 GiB of zeros (about 1 MiB on disk), and (in a run of its own, with a short
``run.doc_timeout``) an HTML page on which the extractor hangs.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.errors import KhabarError
from khabar.refine import refine

ROOT = Path(__file__).resolve().parents[2]
CORRUPTED = ROOT / "tests" / "fixtures" / "corrupted"
sys.path[:0] = [str(ROOT / "scripts"), str(Path(__file__).parent)]
from build_corrupted_corpus import articles, write_gzip_bomb, write_huge_line
from hang_step import HANG_MARK

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("fastwarc")


def _random_lines(name: str) -> list[int]:
    """1-based numbers of the non-blank lines of a committed file (all of them are garbage)."""
    lines = (CORRUPTED / name).read_bytes().split(b"\n")
    return [i for i, line in enumerate(lines, 1) if line.strip()]


#: (file, location prefix, reason) of every reject the run must write, worked out by hand from
#: the builder's docstring: one per bad record, one per damaged stretch or unreadable file.
EXPECTED_REJECTS = sorted(
    [
        ("blank.jsonl", "file", "empty_file"),
        ("corrupt.jsonl.gz", "line 3 ", "corrupt_gzip"),  # two good records come first
        ("deep.jsonl", "line 1 ", "invalid_json"),
        ("deep.jsonl", "line 2 ", "invalid_json"),
        ("empty.txt", "file", "empty_file"),
        ("garbage.warc", "record 1 ", "warc_broken_record"),  # between two good pages
        ("invalid_utf8.jsonl", "line 3 ", "decode_error"),  # Latin-1 bytes
        ("invalid_utf8.jsonl", "line 4 ", "decode_error"),  # windows-1256 bytes
        ("not_parquet.parquet", "file", "parquet_error"),
        ("nul_bytes.jsonl", "line 1 ", "invalid_json"),  # a raw NUL inside a JSON string
        ("nul_bytes.jsonl", "line 2 ", "nul_bytes"),  # an escaped \u0000
        ("nul_bytes.txt", "file", "nul_bytes"),
        ("random_bytes.html", "file", "decode_error"),
        ("random_bytes.txt", "file", "decode_error"),
        ("truncated.jsonl.gz", "line 3 ", "truncated_gzip"),
        ("truncated.jsonl.zst", "line 3 ", "truncated_zstd"),
        ("truncated.parquet", "file", "parquet_error"),
        ("truncated.warc.gz", "record 2 ", "warc_broken_record"),
        # made in tmp_path
        ("huge.jsonl", "line 1 ", "record_too_large"),
        ("bomb.jsonl.gz", "line 1 ", "decompression_bomb"),
    ]
    + [
        ("random_bytes.jsonl", f"line {n} ", "decode_error")
        for n in _random_lines("random_bytes.jsonl")
    ]
)

#: ids of the JSONL records that must be kept (the good ones beside the bad ones)
KEPT_JSONL_IDS = {
    "utf8-a", "utf8-b", "utf8-c", "nul-good", "sur-lone", "sur-good", "deep-good",
    "tgz0", "tgz1", "tzst0", "tzst1", "cgz0", "cgz1",
}  # fmt: skip
#: pages that must be kept, by file, with how many
KEPT_PAGES = Counter(
    {"cp1256_declared_utf8.html": 1, "utf8_declared_cp1256.html": 1, "nested_10000.html": 1,
     "garbage.warc": 2, "truncated.warc.gz": 2}
)  # fmt: skip


def _article_phrase(article_id: str) -> str:
    """Five words from the middle of a fixture article, to find it in the output (after fix)."""
    text = next(a["text"] for a in articles() if a["id"] == article_id)
    words = text.split("\n\n")[1].split()
    return " ".join(words[2:7])


def _outputs(out: Path) -> tuple[list[dict], list[dict], list[dict]]:
    kept = pq.read_table(out / "data").to_pylist()
    dropped = pq.read_table(out / "dropped").to_pylist()
    rejects = [json.loads(l) for l in (out / "rejects.jsonl").read_text("utf-8").splitlines()]
    return kept, dropped, rejects


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    inp = tmp_path_factory.mktemp("corrupted") / "in"
    shutil.copytree(CORRUPTED, inp)
    (inp / "README.md").unlink(missing_ok=True)
    write_huge_line(inp / "huge.jsonl")
    write_gzip_bomb(inp / "bomb.jsonl.gz")
    out = inp.parent / "out"
    result = refine([str(inp)], str(out), Config.load(overrides=["run.jobs=1"], env={}))
    kept, dropped, rejects = _outputs(out)
    return out, result, kept, dropped, rejects


def test_every_bad_record_is_a_reject_with_file_location_and_reason(run):
    rejects = run[4]
    got = sorted((Path(r["source"]).name, r["location"], r["reason"]) for r in rejects)
    assert len(got) == len(EXPECTED_REJECTS), got
    for (name, where, reason), (gname, gloc, greason) in zip(EXPECTED_REJECTS, got, strict=True):
        assert (gname, greason) == (name, reason), got
        assert (gloc + " ").startswith(where), (gname, gloc, where)
    assert all(r["detail"] for r in rejects)  # every reject says what it saw


def test_the_good_records_are_kept(run):
    kept = run[2]
    ids = {r["id"] for r in kept}
    assert KEPT_JSONL_IDS <= ids, KEPT_JSONL_IDS - ids
    pages = Counter(Path(r["source"]).name for r in kept if r["id"] not in KEPT_JSONL_IDS)
    assert pages == KEPT_PAGES
    assert len(kept) == len(KEPT_JSONL_IDS) + sum(KEPT_PAGES.values())


def test_nothing_is_dropped(run):
    # the good records are distinct clean articles: nothing in this set is a duplicate or junk
    # that passed the readers (junk is rejected before the pipeline)
    assert run[3] == []


@pytest.mark.parametrize(
    ("name", "article"),
    [
        # windows-1256 bytes under <meta charset="utf-8">: detection must win over the declaration
        ("cp1256_declared_utf8.html", "art03"),
        # UTF-8 bytes under <meta charset="windows-1256">: valid UTF-8 must win
        ("utf8_declared_cp1256.html", "art04"),
        # ten thousand nested <div>s around the article
        ("nested_10000.html", "art20"),
    ],
)
def test_pages_with_hostile_markup_or_charsets_are_read_right(run, name, article):
    kept = run[2]
    [doc] = [r for r in kept if r["source"].endswith(name)]
    assert _article_phrase(article) in doc["text"]


def test_one_invalid_byte_is_replaced_and_counted(run):
    [doc] = [r for r in run[2] if r["id"] == "utf8-b"]
    assert "\ufffd" in doc["text"]


def test_the_invariant_holds_and_is_recorded(run):
    out, result, kept, dropped, rejects = run
    assert result.invariant_holds
    assert result.read == len(kept) + len(dropped) + len(rejects)
    counts = json.loads((out / "manifest.json").read_text("utf-8"))["counts"]
    assert counts["invariant_holds"] is True
    assert counts["read"] == result.read


def test_fail_fast_stops_at_the_first_reject(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(CORRUPTED / "nul_bytes.jsonl", inp / "nul_bytes.jsonl")
    config = Config.load(overrides=["run.jobs=1", "run.fail_fast=true"], env={})
    with pytest.raises(KhabarError, match="fail-fast.*invalid_json"):
        refine([str(inp)], str(tmp_path / "out"), config)


def test_a_page_that_hangs_the_extractor_costs_only_that_page(tmp_path, monkeypatch):
    from khabar.steps import registry

    inp = tmp_path / "in"
    inp.mkdir()
    good_page = (CORRUPTED / "utf8_declared_cp1256.html").read_text(encoding="utf-8")
    (inp / "good.html").write_text(good_page, "utf-8")
    (inp / "hang.html").write_text(good_page.replace("<body>", "<body>" + HANG_MARK), "utf-8")
    monkeypatch.setitem(registry.STEPS, "extract", "hang_step:HangingExtractStep")
    config = Config.load(overrides=["run.jobs=1", "run.doc_timeout=3"], env={})
    result = refine([str(inp)], str(tmp_path / "out"), config)
    kept, dropped, rejects = _outputs(tmp_path / "out")
    assert [(Path(r["source"]).name, r["location"], r["reason"]) for r in rejects] == [
        ("hang.html", "record 0", "step_timeout_extract")
    ]
    assert [Path(r["source"]).name for r in kept] == ["good.html"]
    assert dropped == []
    assert result.invariant_holds and result.read == 2
