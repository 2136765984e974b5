"""refine writes and reads its stage files column by column (DocColumns, batch_to_docs). The row
form (doc_to_row dicts + from_pylist, to_pylist + row_to_doc) is the reference: a run through it
must give the same data/ and dropped/ bytes and the same counts, whatever the row group size and
with or without the raw and edits columns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import khabar.io.schema as schema_mod
import khabar.refine as refine_mod
from khabar.document import Document
from khabar.io.schema import ORDER_COLUMN, doc_to_row, output_schema, row_to_doc, work_schema
from khabar.io.writers import DictRows

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("numpy")



class RowsOfDocs(DictRows):
    """DocColumns' interface, through doc_to_row dicts and from_pylist (the reference)."""

    def __init__(self, *, keep_raw: bool = True, order: bool = False, carry=None,
                 canonical: bool = True, keep_edits: bool = True, raw_carry=None) -> None:
        # carry is not used: the reference reads every document whole (read_work_by_rows); nor
        # are a work file's canonical lines (null here: every stage computes them afresh), nor
        # the Parquet inputs' raw texts as Arrow (raw_carry): every raw text is encoded
        super().__init__(work_schema() if order else output_schema())
        self.keep_raw, self.order, self.keep_edits = keep_raw, order, keep_edits

    def add(self, doc: Document) -> None:  # type: ignore[override]
        row = doc_to_row(doc, keep_raw=self.keep_raw, keep_edits=self.keep_edits)
        if self.order:
            row[ORDER_COLUMN] = doc.order
        super().add(row)


def rows_to_docs(batch) -> list[Document]:
    docs = []
    for row in batch.to_pylist():
        doc = row_to_doc(row)
        doc.order = row[ORDER_COLUMN]
        docs.append(doc)
    return docs


def read_work_by_rows(path: str) -> Iterator[Document]:
    from khabar.io.writers import read_arrow_batches

    for batch in read_arrow_batches(path):
        yield from rows_to_docs(batch)



def _as_parquet(folder: Path) -> list[str]:
    """The JSONL inputs as Parquet files (the datasets layout: text, id, url, date columns), so
    that the first stage copies their raw texts from the input's column (RawCarry)."""
    import json

    import pyarrow as pa

    folder.mkdir()
    paths = []
    for inp in INPUTS:
        rows = []
        for line in Path(inp).read_text(encoding="utf-8").splitlines():
            try:
                rows.append(json.loads(line))
            except ValueError:  # the fixtures' broken lines (rejects of the JSONL runs)
                continue
        path = folder / Path(inp).with_suffix(".parquet").name
        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=3)
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("sets", [[], ["run.row_group_rows=2"],
                                  ["run.keep_raw=false", "run.row_group_rows=3"],
                                  ["run.keep_edits=false", "run.row_group_rows=3"],
                                  ["parquet", "read.batch_size=2"]])
def test_columns_give_the_bytes_of_rows(sets, tmp_path, monkeypatch, refine_in_process) -> None:
    inputs = INPUTS
    copied: list[bool] = []
    if sets and sets[0] == "parquet":
        inputs, sets = _as_parquet(tmp_path / "parquet"), sets[1:]
        pop = schema_mod.RawCarry.pop

        def counted_pop(self, doc):
            source = pop(self, doc)
            copied.append(source is not None)
            return source

        monkeypatch.setattr(schema_mod.RawCarry, "pop", counted_pop)
    columns = refine_in_process(inputs, tmp_path / "columns", sets)
    if inputs is not INPUTS:  # the raw texts really were copied from the input's column
        assert sum(copied) > 10, copied
    calls: list[str] = []
    monkeypatch.setattr(schema_mod, "DocColumns",
                        lambda **kw: calls.append("write") or RowsOfDocs(**kw))
    monkeypatch.setattr(schema_mod, "batch_to_docs",
                        lambda batch: calls.append("passthrough") or rows_to_docs(batch))
    monkeypatch.setattr(refine_mod, "_read_work",
                        lambda path, carry=None: calls.append("read") or read_work_by_rows(path))
    rows = refine_in_process(inputs, tmp_path / "rows", sets)
    assert {"write", "read", "passthrough"} <= set(calls)  # the reference path really ran
    assert columns == rows
    counts = columns[1]["counts"]
    assert counts["kept"] > 0 and sum(counts["dropped"].values()) > 0  # both files have rows
