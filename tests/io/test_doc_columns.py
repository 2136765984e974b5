"""Documents <-> Arrow column by column (DocColumns, docs_to_table, batch_to_docs): the same
tables, the same Parquet bytes and the same documents as the row form (doc_to_row, row_to_doc),
which is the reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.document import Document, Edit, Removed
from khabar.io.schema import (
    META_COLUMNS,
    ORDER_COLUMN,
    DocColumns,
    batch_to_docs,
    doc_to_row,
    docs_to_table,
    output_schema,
    row_to_doc,
    signal_names,
    work_schema,
)
from khabar.io.writers import ParquetWriter

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def rows_table(docs, *, keep_raw=True, order=False):
    """The reference: dict rows made by doc_to_row, then from_pylist."""
    rows = []
    for d in docs:
        row = doc_to_row(d, keep_raw=keep_raw)
        if order:
            row[ORDER_COLUMN] = d.order
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=work_schema() if order else output_schema())


def reference_docs(table):
    docs = []
    for row in table.to_pylist():
        doc = row_to_doc(row)
        if ORDER_COLUMN in row:
            doc.order = row[ORDER_COLUMN]
        docs.append(doc)
    return docs


# ---------------------------------------------------------------------------------------------
# a hand-made document: every column checked against a value written out by hand


def news_doc() -> Document:
    return Document(
        id="tasnim-1", text="خبرگزاری تسنیم: کتاب‌ها\nرسید", source="crawl.warc.gz", record=7,
        offset=1024, url="https://www.tasnimnews.com/fa/news/1", domain="tasnimnews.com",
        raw="خبرگزاري تسنيم: كتابها\nرسید", title="کتاب‌ها", lead=None,
        paragraphs=["کتاب‌ها", "رسید"],
        meta={"agency": "تسنیم", "agency_id": 12, "published": "1402-05-01", "desk": None,
              "lang_score": 0.98},
        signals={"char_count": 24, "word_count": 4.0, "my_signal": 0.5},
        edits=[Edit(6, "ي", "ی", "char.yeh"), Edit(16, "ك", "ک", "char.kaf")],
        removed=[Removed("اشتراک‌گذاری", "site_line", 2)],
        order=(3 << 32) | 5)


def test_news_document_columns_by_hand():
    [row] = docs_to_table([news_doc()], order=True).to_pylist()
    assert (row["id"], row["title"], row["lead"], row["domain"]) == (
        "tasnim-1", "کتاب‌ها", None, "tasnimnews.com")
    assert row["paragraphs"] == ["کتاب‌ها", "رسید"]
    # META_COLUMNS leave the metadata for their own columns, as strings; None stays null
    assert (row["agency"], row["agency_id"], row["published"], row["desk"], row["lang"]) == (
        "تسنیم", "12", "1402-05-01", None, None)
    # the rest of meta is JSON with sorted keys, the unknown signal under signals_extra
    assert json.loads(row["metadata"]) == {"lang_score": 0.98, "signals_extra": {"my_signal": 0.5}}
    assert row["metadata"] == '{"lang_score": 0.98, "signals_extra": {"my_signal": 0.5}}'
    assert row["signals"]["char_count"] == 24.0 and row["signals"]["word_count"] == 4.0
    assert row["signals"]["latin_ratio"] is None  # not measured: null, never 0
    assert row["repairs"] == 2
    assert row["edits"] == [{"offset": 6, "before": "ي", "after": "ی", "rule": "char.yeh"},
                            {"offset": 16, "before": "ك", "after": "ک", "rule": "char.kaf"}]
    assert row["removed"] == [{"text": "اشتراک‌گذاری", "reason": "site_line", "line": 2}]
    assert (row["raw"], row["record"], row["offset"]) == ("خبرگزاري تسنيم: كتابها\nرسید", 7, 1024)
    assert row[ORDER_COLUMN] == 12884901893  # 3 << 32 | 5


def test_news_document_round_trip_by_hand():
    [doc] = batch_to_docs(docs_to_table([news_doc()], order=True).to_batches()[0])
    assert doc.edits == [Edit(6, "ي", "ی", "char.yeh"), Edit(16, "ك", "ک", "char.kaf")]
    assert type(doc.edits[0]) is Edit and doc.edits[0].rule == "char.yeh"
    assert doc.removed == [Removed("اشتراک‌گذاری", "site_line", 2)]
    # META_COLUMNS come back as the strings they were written as (agency_id 12 -> "12")
    assert doc.meta == {"agency": "تسنیم", "agency_id": "12", "published": "1402-05-01",
                        "lang_score": 0.98}
    assert doc.signals == {"char_count": 24.0, "word_count": 4.0, "my_signal": 0.5}
    assert (doc.order, doc.record, doc.offset, doc.lead) == ((3 << 32) | 5, 7, 1024, None)


def test_keep_raw_false_writes_a_null_raw():
    [row] = docs_to_table([news_doc()], keep_raw=False).to_pylist()
    assert row["raw"] is None and ORDER_COLUMN not in row


def test_a_document_changed_after_add_keeps_its_row():
    cols = DocColumns()
    doc = news_doc()
    cols.add(doc)
    doc.text = "دیگر"
    doc.edits.append(Edit(0, "a", "b", "later"))
    doc.meta["agency"] = "ایرنا"
    doc.signals["char_count"] = 1.0
    [row] = cols.table().to_pylist()
    assert row["text"] == "خبرگزاری تسنیم: کتاب‌ها\nرسید"
    assert [e["rule"] for e in row["edits"]] == ["char.yeh", "char.kaf"]
    assert (row["agency"], row["signals"]["char_count"]) == ("تسنیم", 24.0)


def test_table_starts_empty_again():
    cols = DocColumns()
    cols.add(Document("a", "یک"))
    assert cols.table().column("id").to_pylist() == ["a"]
    assert len(cols) == 0
    cols.add(Document("b", "دو", edits=[Edit(0, "ي", "ی", "char.yeh")]))
    t = cols.table()
    assert t.column("id").to_pylist() == ["b"]
    assert t.column("edits").to_pylist() == [[{"offset": 0, "before": "ي", "after": "ی",
                                                "rule": "char.yeh"}]]


def test_no_documents_is_an_empty_table_of_the_schema():
    assert docs_to_table([]).equals(rows_table([]))
    assert docs_to_table([], order=True).schema.equals(work_schema())
    assert batch_to_docs(pa.RecordBatch.from_pylist([], schema=work_schema())) == []


def test_edit_fields_are_in_the_schema_order():
    """DocColumns unpacks an Edit by position: its fields must be the struct's, in order."""
    edit = output_schema().field("edits").type.value_type
    assert [f.name for f in edit] == list(Edit._fields)
    removed = output_schema().field("removed").type.value_type
    assert [f.name for f in removed] == ["text", "reason", "line"]


# ---------------------------------------------------------------------------------------------
# reading what others may have written: nulls, slices, dictionary-encoded strings


def test_null_lists_and_struct_read_as_empty():
    table = rows_table([news_doc()])
    schema = output_schema()
    for name in ("edits", "removed", "paragraphs", "signals"):
        table = table.set_column(schema.get_field_index(name), schema.field(name),
                                 pa.nulls(1, schema.field(name).type))
    [doc] = batch_to_docs(table.to_batches()[0])
    assert (doc.edits, doc.removed, doc.paragraphs) == ([], [], [])
    assert doc.signals == {"my_signal": 0.5}  # the extra signal comes from metadata
    assert reference_docs(table) == [doc]


def test_batch_without_optional_columns():
    batch = pa.RecordBatch.from_pylist([{"id": "x", "text": "سلام"}])
    [doc] = batch_to_docs(batch)
    assert doc == Document("x", "سلام")
    assert doc == row_to_doc({"id": "x", "text": "سلام"})


def persian_docs(n: int) -> list[Document]:
    """Documents that come back equal from a table (meta values are strings, no None in meta)."""
    docs = []
    for i in range(n):
        d = news_doc()
        d.id, d.order, d.record = f"d{i}", i * 3, i
        d.meta = {"agency": "تسنیم", "agency_id": "12", "lang_score": 0.98}
        d.edits = [Edit(j, "ي", "ی", "char.yeh") for j in range(i % 4)]
        d.removed = d.removed * (i % 3)
        d.paragraphs = d.paragraphs[: i % 3]
        if i % 5 == 0:
            d.drop("duplicate_near", "dedup")
        docs.append(d)
    return docs


@pytest.mark.parametrize(("start", "length"), [(0, 10), (3, 4), (9, 1), (5, 0)])
def test_a_sliced_batch_reads_its_own_rows(start, length):
    batch = docs_to_table(persian_docs(10), order=True).to_batches()[0]
    want = persian_docs(10)[start:start + length]
    assert batch_to_docs(batch.slice(start, length)) == want


def test_dictionary_encoded_edit_strings(tmp_path):
    path = tmp_path / "w.parquet"
    docs = persian_docs(12)
    pq.write_table(docs_to_table(docs, order=True), path)
    fields = [f"edits.list.element.{f}" for f in ("before", "after", "rule")]
    pf = pq.ParquetFile(path, read_dictionary=fields)
    [batch] = pf.iter_batches()
    assert pa.types.is_dictionary(batch.schema.field("edits").type.value_type.field("rule").type)
    assert batch_to_docs(batch) == docs


def test_work_file_is_arrow_ipc_and_gives_the_documents_back(tmp_path):
    # the work files between stages are Arrow IPC (bench/throughput/io11.md): what goes in comes
    # back, in groups of batch_rows, whether rows came one by one or as tables
    from khabar.io.writers import ArrowWriter, read_arrow_batches

    docs = persian_docs(7)
    path = tmp_path / "w.arrow"
    with ArrowWriter(path, work_schema(), batch_rows=3, rows=DocColumns(order=True)) as w:
        w.write(docs[0])
        w.write_arrow(docs_to_table(docs[1:5], order=True))
        for d in docs[5:]:
            w.write(d)
        assert not path.exists()  # nothing visible while writing
    assert [p.name for p in tmp_path.iterdir()] == ["w.arrow"]  # no temporary file left
    assert path.read_bytes()[:6] == b"ARROW1"  # the IPC file format's magic
    batches = list(read_arrow_batches(str(path)))
    assert [b.num_rows for b in batches] == [3, 3, 1]
    assert all(b.schema.equals(work_schema()) for b in batches)
    assert [d for b in batches for d in batch_to_docs(b)] == docs
    assert pa.Table.from_batches(batches).equals(rows_table(docs, order=True))


def test_a_failed_work_file_leaves_nothing(tmp_path):
    from khabar.io.writers import ArrowWriter

    with (pytest.raises(RuntimeError, match="boom"),
          ArrowWriter(tmp_path / "w.arrow", work_schema(), batch_rows=2,
                      rows=DocColumns(order=True)) as w):
        for d in persian_docs(5):
            w.write(d)
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_work_file_batches_outlive_the_file(tmp_path):
    # a stage's Carry holds read batches until its writers close, after the reader has closed
    # (and a later stage may remove) the memory-mapped file
    from khabar.io.writers import ArrowWriter, read_arrow_batches

    docs = persian_docs(4)
    path = tmp_path / "w.arrow"
    with ArrowWriter(path, work_schema(), rows=DocColumns(order=True)) as w:
        for d in docs:
            w.write(d)
    batches = list(read_arrow_batches(str(path)))
    path.unlink()
    assert batch_to_docs(batches[0]) == docs


@pytest.mark.parametrize("n", [0, 1, 6])
def test_dictionary_edits_same_documents(n):
    from khabar.io.schema import dictionary_edits

    docs = persian_docs(n)
    docs[1:2] = [Document("e", "کتاب", edits=[Edit(0, "ك", "ک", "char.kaf"),
                                              Edit(3, "ي", "ی", "char.yeh")])][: n]
    batch = docs_to_table(docs, order=True).to_batches()
    batch = batch[0] if batch else pa.RecordBatch.from_pylist([], schema=work_schema())
    encoded = dictionary_edits(batch)
    rule = encoded.schema.field("edits").type.value_type.field("rule").type
    assert pa.types.is_dictionary(rule) and rule.value_type == pa.string()
    assert batch_to_docs(encoded) == docs
    for start, length in [(1, 3), (n, 0)]:  # sliced, as _read_work reads 512 rows at a time
        assert batch_to_docs(dictionary_edits(batch.slice(start, length))) == \
            docs[start:start + length]
    if n == 6:  # the distinct strings only: char.yeh and char.kaf
        assert sorted(encoded.column("edits").values.field("rule").dictionary.to_pylist()) == \
            ["char.kaf", "char.yeh"]


def test_dictionary_edits_null_edits():
    # run.keep_edits=false writes the edits column as nulls: they read back as no edits
    from khabar.io.schema import dictionary_edits

    docs = persian_docs(3)
    table = docs_to_table(docs, order=True, keep_edits=False)
    got = batch_to_docs(dictionary_edits(table.to_batches()[0]))
    assert [d.edits for d in got] == [[], [], []]
    assert [d.id for d in got] == ["d0", "d1", "d2"]


def test_a_table_of_several_chunks():
    docs = persian_docs(7)
    table = pa.concat_tables([docs_to_table(docs[:3], order=True),
                              docs_to_table(docs[3:], order=True)])
    assert batch_to_docs(table) == docs


# ---------------------------------------------------------------------------------------------
# properties: any document, the same table as the rows, the same bytes, the same documents back

texts = st.text(alphabet="ابپتکگیيكهۀ‌ \n؟«»0123456789abc", max_size=40)
maybe_text = st.none() | texts
meta_values = st.none() | texts | st.integers(-5, 10**12) | st.floats(allow_nan=False) | st.booleans() \
    | st.lists(texts, max_size=2)
edits = st.builds(Edit, st.integers(0, 2**31 - 1), texts, texts,
                  st.sampled_from(["char.yeh", "char.kaf", "zwnj.glue", "space.collapse"]))
removed = st.builds(Removed, texts, st.sampled_from(["site_line", "boilerplate"]),
                    st.integers(-1, 2**31 - 1))
signal_values = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-100, 100)


@st.composite
def documents(draw):
    names = list(signal_names())
    meta = draw(st.dictionaries(st.sampled_from([*META_COLUMNS, "date", "lang_score", "x"]),
                                meta_values, max_size=6))
    signals = draw(st.dictionaries(st.sampled_from([*names, "extra_a", "extra_b"]),
                                   signal_values, max_size=8))
    drop = draw(st.none() | st.sampled_from(["duplicate_near", "too_short"]))
    return Document(
        id=draw(texts), text=draw(texts), source=draw(texts), record=draw(st.integers(0, 2**40)),
        offset=draw(st.none() | st.integers(0, 2**40)), url=draw(maybe_text),
        domain=draw(maybe_text), raw=draw(texts), title=draw(maybe_text), lead=draw(maybe_text),
        paragraphs=draw(st.lists(texts, max_size=3)), meta=meta, signals=signals,
        edits=draw(st.lists(edits, max_size=6)), removed=draw(st.lists(removed, max_size=2)),
        drop_reason=drop, drop_step="dedup" if drop else None,
        order=draw(st.integers(0, 2**62)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), max_size=6), st.booleans(), st.booleans())
def test_same_table_as_the_rows(docs, keep_raw, order):
    assert docs_to_table(docs, keep_raw=keep_raw, order=order).equals(
        rows_table(docs, keep_raw=keep_raw, order=order))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=6))
def test_same_documents_as_row_to_doc(docs):
    table = rows_table(docs, order=True)
    got = [d for b in table.to_batches() for d in batch_to_docs(b)]
    want = reference_docs(table)
    assert got == want
    # and the metadata dicts keep row_to_doc's key order too
    assert [list(d.meta) for d in got] == [list(d.meta) for d in want]
    assert [d.order for d in got] == [d.order for d in docs]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(documents(), max_size=12), st.integers(1, 5))
def test_same_parquet_bytes_as_dict_rows(tmp_path_factory, docs, batch_rows):
    folder = tmp_path_factory.mktemp("bytes")
    with ParquetWriter(folder / "rows.parquet", output_schema(), batch_rows=batch_rows) as w:
        for d in docs:
            w.write(doc_to_row(d))
    with ParquetWriter(folder / "cols.parquet", output_schema(), batch_rows=batch_rows,
                       rows=DocColumns()) as w:
        for i, d in enumerate(docs):
            if i % 4 == 3:  # Arrow tables in between, as the last stage's pass-through writes
                w.write_arrow(rows_table([d]))
            else:
                w.write(d)
    assert (folder / "cols.parquet").read_bytes() == (folder / "rows.parquet").read_bytes()


def _from_source(name: str) -> Any:
    """Module ``name`` executed from its ``.py`` file, also when a mypyc build of it is what
    ``import`` gives (compiled functions carry no docstrings doctest can find)."""
    import importlib
    import importlib.util

    module = importlib.import_module(name)
    if str(module.__file__).endswith(".py"):
        return module
    source = Path(str(module.__file__)).with_name(name.rsplit(".", 1)[1] + ".py")
    spec = importlib.util.spec_from_file_location(f"{name}__source", source)
    assert spec is not None and spec.loader is not None
    copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copy)
    return copy


@pytest.mark.parametrize("module", ["khabar.io.schema", "khabar.io.writers"])
def test_docstring_examples(module: str) -> None:
    import doctest

    result = doctest.testmod(_from_source(module))
    assert result.attempted > 0 and result.failed == 0


json_leaves = (st.none() | st.booleans() | st.integers() | st.floats()  # nan and inf included
               | st.text(alphabet=st.characters(codec=None))  # astral, lone surrogates, controls
               | st.sampled_from(["می\u200cشود", "۱۲\u00a0٣4", "\ufeffخبر", "a\u200db", "😀"])
               | st.frozensets(st.integers(0, 3), max_size=2)  # made lists by the default
               | st.dates())  # made strings by the default
json_values = st.recursive(json_leaves, lambda inner: st.lists(inner, max_size=3)
                           | st.tuples(inner, inner)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=8), json_values, max_size=5))
def test_the_metadata_json_is_json_dumps(meta):
    from khabar.io.schema import _encode_meta, _json_default

    assert _encode_meta(meta) == json.dumps(meta, ensure_ascii=False, sort_keys=True,
                                            default=_json_default)


def test_the_metadata_json_by_hand():
    from khabar.io.schema import _encode_meta

    meta = {"z": float("nan"), "b": {"y": 1, "x": (2, "۲")}, "a": "می\u200cشود", "c": float("inf")}
    assert _encode_meta(meta) == ('{"a": "می\u200cشود", "b": {"x": [2, "۲"], "y": 1}, '
                                  '"c": Infinity, "z": NaN}')
