"""The numbers behind the report, on the hand-built run of ``corpus.py``.

Every expected value below was counted by hand from the documents listed in ``corpus.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.errors import KhabarError
from khabar.report.gather import (
    CHAR_EDGES,
    REPAIR_EDGES,
    WORD_EDGES,
    Histogram,
    gather,
    snippet,
    stage_rows,
    text_direction,
)

from .corpus import HOSTILE_TEXT, HOSTILE_TITLE, stand_in_signals, write_run


@pytest.fixture
def run_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The hand-built run folder of ``corpus.py``."""
    with stand_in_signals(monkeypatch):
        yield write_run(tmp_path / "run")


def _bins(h: Histogram) -> list[tuple[str, int]]:
    return [(b.label, b.count) for b in h.bins()]


def test_kept_lengths(run_dir: Path) -> None:
    k = gather(run_dir).kept
    assert k.docs == 5
    # chars: 9, 150, 14, 599, 999
    assert _bins(k.chars) == [("0–99", 2), ("100–199", 1), ("200–299", 0), ("300–499", 0),
                              ("500–749", 1), ("750–999", 1)]
    assert (k.chars.total, k.chars.sum, k.chars.minimum, k.chars.maximum) == (5, 1771, 9, 999)
    assert k.chars.mean == pytest.approx(354.2)
    # words: 2, 1, 3 (می‌روم is one word), 120, 200
    assert _bins(k.words) == [("0–19", 3), ("20–49", 0), ("50–99", 0), ("100–149", 1),
                              ("150–199", 0), ("200–299", 1)]


def test_repairs_and_rules(run_dir: Path) -> None:
    k = gather(run_dir).kept
    # repairs: 2, 1, 0, 0, 5
    assert _bins(k.repairs) == [("0", 2), ("1", 1), ("2", 1), ("3", 0), ("4", 0), ("5–9", 1)]
    assert k.repairs.sum == 8
    assert k.rules == Counter({"zwnj.glued": 5, "space.collapse": 2, "digits.persian": 1})
    assert k.removed == Counter({"footer": 2, "ads": 1})  # k1: ads + footer, k3: footer


def test_domains_and_agencies_of_kept_documents(run_dir: Path) -> None:
    k = gather(run_dir).kept
    assert k.domains == Counter({"tasnimnews.com": 2, "isna.ir": 2, "irna.ir": 1})
    assert k.agencies == Counter({"تسنیم": 2, "ایسنا": 1, "ایرنا": 1})  # k4 has none
    assert k.cited_sources == Counter({"بی‌نیوز": 2, "رویترز": 1})  # k1, k3; k5


def test_publication_months_of_kept_documents(run_dir: Path) -> None:
    # k1 2013-05-06, k2 2013-07-01; the others have no date; dropped documents are not counted
    assert gather(run_dir).kept.published_months == Counter({"2013-05": 1, "2013-07": 1})


def test_drop_and_reject_counts(run_dir: Path) -> None:
    d = gather(run_dir)
    assert d.drop_reasons == Counter({"too_short": 4, "duplicate_exact": 2, "duplicate_near": 1,
                                      "lang_en": 1})
    assert d.drop_steps == Counter({"quality": 4, "dedup": 3, "langid": 1})
    assert d.reject_reasons == Counter({"invalid_json": 1, "step_failed_fix": 1})
    assert d.warnings == []


def test_stages_end_at_kept(run_dir: Path) -> None:
    rows = gather(run_dir).stages
    assert [(r.name, r.remaining, r.dropped, r.rejected) for r in rows] == [
        ("read", 15, 0, 0), ("readable", 14, 0, 1), ("fix", 13, 0, 1), ("langid", 12, 1, 0),
        ("quality", 8, 4, 0), ("dedup", 5, 3, 0)]


def test_drop_samples_first_three_in_reading_order(run_dir: Path) -> None:
    s = gather(run_dir).drop_samples
    assert sorted(s) == ["duplicate_exact", "duplicate_near", "lang_en", "too_short"]
    assert [x.id for x in s["too_short"]] == ["d4", "d6", "d7"]  # d8 is the fourth
    assert [x.id for x in s["duplicate_exact"]] == ["d1", "d5"]
    long = s["too_short"][1]
    assert long.snippet == "ب" * 200 + "…"
    hostile = s["lang_en"][0]
    assert (hostile.title, hostile.snippet, hostile.step) == (HOSTILE_TITLE, HOSTILE_TEXT, "langid")


def test_reject_samples(run_dir: Path) -> None:
    s = gather(run_dir).reject_samples
    assert [(x.source, x.location) for x in s["invalid_json"]] == [("in/a.jsonl", "line 3")]
    assert s["step_failed_fix"][0].detail == "ValueError: <boom> at fix.py:12"


@pytest.mark.parametrize("kept_copy_cluster", [True, False])
def test_largest_duplicate_clusters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    kept_copy_cluster: bool) -> None:
    # with or without dup_cluster on the kept copy, it is found (by dup_of) and counted once
    with stand_in_signals(monkeypatch):
        run = write_run(tmp_path / "run", kept_copy_cluster=kept_copy_cluster)
    clusters = gather(run).clusters
    assert [(c.cluster_id, c.size) for c in clusters] == [("c1", 3), ("c2", 2)]
    assert [(m.id, m.kept, m.drop_reason) for m in clusters[0].members] == [
        ("k1", True, ""), ("d1", False, "duplicate_exact"), ("d2", False, "duplicate_near")]
    assert [(m.id, m.domain) for m in clusters[1].members] == [("k4", "isna.ir"),
                                                               ("d5", "isna.ir")]


def test_a_damaged_part_becomes_a_warning_not_a_crash(run_dir: Path) -> None:
    (run_dir / "data" / "part-00001.parquet").write_bytes(b"not parquet")
    d = gather(run_dir)
    assert d.kept.docs == 3  # the first shard still counts
    assert any("part-00001.parquet could not be read" in w for w in d.warnings)
    assert any("counts 5 kept documents but data/ holds 3" in w for w in d.warnings)


def test_a_bad_rejects_line_becomes_a_warning(run_dir: Path) -> None:
    with open(run_dir / "rejects.jsonl", "a", encoding="utf-8") as f:
        f.write("{truncated\n")
    d = gather(run_dir)
    assert any("1 line(s) are not JSON objects" in w for w in d.warnings)
    assert d.reject_reasons == Counter({"invalid_json": 1, "step_failed_fix": 1})


@pytest.mark.parametrize("missing", ["stats.json", "manifest.json"])
def test_not_a_finished_run_says_what_to_do(run_dir: Path, missing: str) -> None:
    (run_dir / missing).unlink()
    with pytest.raises(KhabarError, match=f"{missing} is missing.*finished 'khabar refine' run"):
        gather(run_dir)


def test_an_empty_run_has_empty_figures(run_dir: Path) -> None:
    for folder in ("data", "dropped"):
        for p in (run_dir / folder).iterdir():
            p.unlink()
    d = gather(run_dir)
    assert d.kept.docs == 0 and d.kept.chars.bins() == [] and d.clusters == []
    assert all(v == [] for v in d.drop_samples.values())


@pytest.mark.parametrize("counts, steps, drops, expected", [
    # nothing rejected or dropped: every stage keeps everything
    ({"read": 3, "kept": 3}, [{"name": "fix"}], {}, [("read", 3), ("readable", 3), ("fix", 3)]),
    # a drop by a step the manifest does not list (the reader) gets its own row
    ({"read": 4, "kept": 2, "rejected": {}}, [{"name": "quality"}], {"read": 1, "quality": 1},
     [("read", 4), ("readable", 4), ("dropped outside the steps", 3), ("quality", 2)]),
    # a failure of an unlisted step counts as a reader reject
    ({"read": 2, "kept": 1, "rejected": {"step_failed_gone": 1}}, [{"name": "fix"}], {},
     [("read", 2), ("readable", 1), ("fix", 1)]),
])
def test_stage_rows(counts: dict, steps: list, drops: dict, expected: list) -> None:
    assert [(r.name, r.remaining) for r in stage_rows(counts, steps, drops)] == expected


@pytest.mark.parametrize("text, expected", [
    ("خبرگزاری تسنیم", "rtl"),
    ("«سلام» world", "rtl"),  # the guillemet is neutral; the first letter decides
    ("2024 سال", "rtl"),  # digits are weak
    ("BBC فارسی", "ltr"),
    ("", "ltr"),
    ("123 !?", "ltr"),
])
def test_text_direction(text: str, expected: str) -> None:
    assert text_direction(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("", 0),
    ("   ", 0),
    ("سلام", 1),
    ("می\u200cروم به خانه", 3),  # ZWNJ joins: one word
    ("  دو   کلمه  ", 2),  # leading, trailing and repeated spaces
    ("یک\u00a0دو\u2009سه\nچهار\tپنج", 5),  # NBSP, thin space, newline, tab separate words
    ("کتاب\u200bها", 1),  # zero-width space is a format character, not a separator
])
def test_word_counts(text: str, expected: int) -> None:
    import pyarrow as pa

    from khabar.report.gather import word_counts

    assert word_counts(pa.array([text])).to_pylist() == [expected]


@given(st.text(alphabet=st.sampled_from(["a", "ب", " ", "\u00a0", "\n", "\t", "\r", "\u200c",
                                          "\u200b", "\u2009", "\u3000", "\u2028", "\x1c"]),
               max_size=20))
def test_word_counts_agree_with_str_split(text: str) -> None:
    import pyarrow as pa

    from khabar.report.gather import word_counts

    assert word_counts(pa.array([text])).to_pylist() == [len(text.split())]


@pytest.mark.parametrize("text, limit, expected", [
    ("", 3, ""), ("abc", 3, "abc"), ("abcd", 3, "abc…"), ("سلام", 2, "سل…"), (None, 3, ""),
])
def test_snippet(text: str | None, limit: int, expected: str) -> None:
    assert snippet(text, limit) == expected


@given(st.lists(st.integers(min_value=0, max_value=10**6), max_size=200),
       st.sampled_from([CHAR_EDGES, WORD_EDGES, REPAIR_EDGES]))
def test_histogram_arrow_and_python_paths_agree(values: list[int], edges: tuple[int, ...]) -> None:
    import pyarrow as pa

    py, arrow = Histogram(edges), Histogram(edges)
    py.add_values(values)
    arrow.add_array(pa.array(values, pa.int64()))
    assert (arrow.counts, arrow.total, arrow.sum) == (py.counts, py.total, py.sum)
    assert sum(py.counts) == len(values)


def test_histogram_skips_nulls() -> None:
    import pyarrow as pa

    h = Histogram((0, 10))
    h.add_array(pa.array([None, 3, 12, None], pa.int32()))
    assert (h.counts, h.total, h.minimum, h.maximum) == ([1, 1], 2, 3, 12)


@pytest.mark.parametrize("values", [
    [],
    [""],
    ["sport", "", "ورزش"],
    ["می\u200cروم", "a\u00a0b", "\ufeff", "\U0001f600 astral", "۱۲۳ ١٢٣ 123"],
])
def test_string_array_holds_the_strings(values: list[str]) -> None:
    import pyarrow as pa

    from khabar.report.gather import string_array

    arr = string_array(values)
    arr.validate(full=True)
    assert arr.type == pa.string() and arr.null_count == 0
    assert arr.to_pylist() == values


def test_false_for_null() -> None:
    import pyarrow as pa

    from khabar.report.gather import _false_for_null

    mask = pa.array([True, None, False, None], pa.bool_())
    assert _false_for_null(mask).to_pylist() == [True, False, False, False]


def test_the_report_does_not_import_pandas(run_dir: Path) -> None:
    """The driver of a ``-j 2`` run imports pandas for nothing else (0.3-0.5 CPU s): pyarrow
    loads it on its first conversion of a Python object (``pa.array``, ``pa.scalar``, a number
    given to a compute function), so the report builds its constants from buffers."""
    import subprocess
    import sys

    pytest.importorskip("pandas")  # else the check below could not fail
    code = ("import sys, pyarrow, pyarrow.parquet, pyarrow.compute\n"
            "from khabar.report import build_report\n"
            f"build_report({str(run_dir)!r})\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pandas'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert (run_dir / "report.html").stat().st_size > 0


def _rules_part(path: Path, rows: list[list[str] | None], row_group_size: int) -> None:
    """A data part whose ``edits`` column holds one list of rules per row (None: a null list)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from khabar.io.schema import output_schema

    type_ = output_schema().field("edits").type
    edits = [None if r is None else [{"offset": i, "before": "ي", "after": "ی", "rule": rule}
                                     for i, rule in enumerate(r)] for r in rows]
    pq.write_table(pa.table({"id": [str(i) for i in range(len(rows))],
                             "edits": pa.array(edits, type=type_)}),
                   path, row_group_size=row_group_size)


@pytest.mark.parametrize("row_group_size", [1, 2, 10])
def test_rules_counted_from_dictionary_indices(tmp_path: Path, row_group_size: int) -> None:
    from khabar.report.gather import gather_kept

    _rules_part(tmp_path / "a.parquet", [["char.yeh", "zwnj.glued", "char.yeh"], None, [],
                                         ["space.collapse"], ["zwnj.glued", "char.kaf"]],
                row_group_size)
    _rules_part(tmp_path / "b.parquet", [["char.kaf", "ی"], ["char.yeh"]], row_group_size)
    warnings: list[str] = []
    k = gather_kept([tmp_path / "a.parquet", tmp_path / "b.parquet"], warnings)
    # counted by hand, in the order each rule first appears (the report's order among ties)
    assert list(k.rules.items()) == [("char.yeh", 3), ("zwnj.glued", 2), ("space.collapse", 1),
                                     ("char.kaf", 2), ("ی", 1)]
    assert warnings == []
    assert k.docs == 7


def test_rules_of_a_part_without_edits_and_a_damaged_part(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from khabar.report.gather import gather_kept

    pq.write_table(pa.table({"id": ["x"]}), tmp_path / "old.parquet")  # an older output
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    _rules_part(tmp_path / "c.parquet", [["char.kaf"]], 10)
    warnings: list[str] = []
    k = gather_kept([tmp_path / "old.parquet", tmp_path / "bad.parquet", tmp_path / "c.parquet"],
                    warnings)
    assert list(k.rules.items()) == [("char.kaf", 1)]
    assert len(warnings) == 1 and "bad.parquet could not be read" in warnings[0]  # once
    assert k.docs == 2
