"""A stage hands each text's canonical lines to the next with its work file (``_canonical``), so
the next stage's steps (quality, dedup, site lines) read them instead of computing them again.

What must hold: the handed lines are used only for the very text they were made from; a text a
step changed in between (site lines removed a line) is computed afresh; lines that do not fit the
text are refused; the column never reaches the output; and a run gives the same files with the
carry as without it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from khabar.corpus import keys
from khabar.corpus.keys import canonical_lines, known_canonical_lines, remember_canonical_lines
from khabar.document import Document
from khabar.io.schema import CANONICAL_COLUMN, DocColumns, batch_to_docs, output_schema, work_schema

pa = pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]

# a text and its canonical lines, worked out by hand: ي -> ی, the ZWNJ goes, «/» is punctuation
TEXT = "مي‌شود\n\nانتهاي پيام /"
JOINED = "میشود\n\nانتهای پیام"


@pytest.fixture(autouse=True)
def fresh_cache():
    keys.forget_canonical_lines()
    yield
    keys.forget_canonical_lines()


@pytest.fixture
def no_computing(monkeypatch):
    """canonical_lines may not compute anything: the lines must come from the cache."""

    def refuse(text: str) -> tuple[str, ...]:
        raise AssertionError(f"computed the canonical lines of {text!r}")

    monkeypatch.setattr(keys, "_compute_lines", refuse)


def test_known_only_after_computing() -> None:
    assert known_canonical_lines(TEXT) is None
    assert canonical_lines(TEXT) == ("میشود", "", "انتهای پیام")
    assert known_canonical_lines(TEXT) == JOINED


def test_handed_lines_are_used(no_computing) -> None:
    remember_canonical_lines(TEXT, JOINED)
    assert known_canonical_lines(TEXT) == JOINED  # a stage that does not read them hands them on
    assert canonical_lines(TEXT) == ("میشود", "", "انتهای پیام")
    assert canonical_lines(TEXT) == ("میشود", "", "انتهای پیام")  # read twice (quality, dedup)


def test_a_changed_text_is_computed_afresh() -> None:
    remember_canonical_lines(TEXT, JOINED)
    changed = "مي‌شود\n\nخبر"  # the last line removed and another put in its place
    assert canonical_lines(changed) == ("میشود", "", "خبر")


@pytest.mark.parametrize("joined", ["میشود\nانتهای پیام", "میشود\n\nانتهای پیام\n"])
def test_lines_that_do_not_fit_are_refused(joined: str) -> None:
    remember_canonical_lines(TEXT, joined)  # two or four lines for a text of three
    assert known_canonical_lines(TEXT) is None
    assert canonical_lines(TEXT) == ("میشود", "", "انتهای پیام")


def test_work_file_carries_the_known_lines_only(no_computing, monkeypatch) -> None:
    seen = Document("a", TEXT, order=1)
    unseen = Document("b", "خبر دوم", order=2)
    remember_canonical_lines(TEXT, JOINED)  # as if a step of this stage had computed them
    cols = DocColumns(order=True)
    cols.add(seen)
    cols.add(unseen)
    table = cols.table()
    assert table.schema.equals(work_schema())
    assert table.column(CANONICAL_COLUMN).to_pylist() == [JOINED, None]
    keys.forget_canonical_lines()  # the next stage: another process, nothing cached
    docs = batch_to_docs(table)
    assert [d.text for d in docs] == [TEXT, "خبر دوم"]
    assert canonical_lines(docs[0].text) == ("میشود", "", "انتهای پیام")  # handed, not computed


def test_output_has_no_canonical_column() -> None:
    assert CANONICAL_COLUMN not in output_schema().names
    canonical_lines(TEXT)
    cols = DocColumns()
    cols.add(Document("a", TEXT))
    assert CANONICAL_COLUMN not in cols.table().schema.names


def _runs_compiled(module: str) -> bool:
    from khabar import _native

    return module in _native.COMPILED and _native.status().mode == "compiled"


# the count below patches keys._compute_lines, which compiled callers in keys call natively
# (never through the module attribute): with keys compiled it counts nothing, so it runs pure only
# (KHABAR_PURE=1 runs it on a compiled build)
@pytest.mark.skipif(_runs_compiled("khabar.corpus.keys"),
                    reason="counts calls through a module attribute compiled code does not read")
def test_a_run_computes_each_text_once_and_writes_the_same_files(
        tmp_path, monkeypatch, refine_in_process) -> None:
    pytest.importorskip("numpy")
    carried = refine_in_process(INPUTS, tmp_path / "carried", [])
    computed: Counter[str] = Counter()
    real = keys._compute_lines

    def counting(text: str) -> tuple[str, ...]:
        computed[text] += 1
        return real(text)

    monkeypatch.setattr(keys, "_compute_lines", counting)
    keys.forget_canonical_lines()
    again = refine_in_process(INPUTS, tmp_path / "again", [])
    assert carried == again
    from khabar.steps.corpus import _WARM_TEXT

    computed.pop(_WARM_TEXT, None)  # each stage's set-up warms the tables with it
    assert len(computed) > 20  # langid, quality and dedup did read the documents' lines
    # stage 2 read every text of stage 1 from the work file; a text site lines changed is new
    assert max(computed.values()) == 1, [t[:40] for t, n in computed.items() if n > 1]

    # the reference: nothing carried (the column all null), the same files and counts
    monkeypatch.setattr(keys, "known_canonical_lines", lambda text: None)
    monkeypatch.setattr(keys, "remember_canonical_lines", lambda text, joined: None)
    computed.clear()
    keys.forget_canonical_lines()
    assert refine_in_process(INPUTS, tmp_path / "uncarried", []) == carried
    computed.pop(_WARM_TEXT, None)
    assert max(computed.values()) == 2  # stage 2 computed them again


def test_canonical_false_writes_nulls() -> None:
    """For a next stage that only passes rows on as Arrow: nothing to read the lines."""
    canonical_lines(TEXT)
    cols = DocColumns(order=True, canonical=False)
    cols.add(Document("a", TEXT, order=1))
    table = cols.table()
    assert table.schema.equals(work_schema())
    assert table.column(CANONICAL_COLUMN).to_pylist() == [None]


def test_a_stage_that_reads_no_text_is_handed_no_lines(tmp_path) -> None:
    """The default run's stages: extract..langid | sitelines, structure, quality (observe dedup)
    | dedup's apply, which drops documents by order and reads no text. Stage 1's work file hands
    its lines on (stage 2 reads them); stage 2's leaves them out. (That the output does not depend
    on the lines handed on is test_a_run_computes_each_text_once_and_writes_the_same_files.)"""

    from khabar.config import Config
    from khabar.pipeline import plan_segments, reads_text
    from khabar.refine import refine
    from khabar.runners.local import LocalExecutor

    config = Config.load(overrides=["run.jobs=1"], env={})
    assert [reads_text(s) for s in plan_segments(config.run.steps)] == [True, True, False]
    out = tmp_path / "out"
    refine(INPUTS, str(out), config, executor=LocalExecutor(1), keep_work=True)

    def lines(stage: int) -> list[str | None]:
        from khabar.io.writers import read_arrow_batches

        files = sorted(out.glob(f"_work/stage{stage}/*.arrow"))
        assert files
        return [v for f in files for b in read_arrow_batches(str(f))
                for v in b.column(CANONICAL_COLUMN).to_pylist()]

    handed, left_out = lines(0), lines(1)
    assert len(handed) >= 10 and all(v is not None for v in handed)
    assert len(left_out) >= 10 and all(v is None for v in left_out)
