"""Parquet reader: the datasets layout, row batches, rejects per row, unreadable files."""

from __future__ import annotations

import pytest
from io_support import read

from khabar.document import Document, Reject
from khabar.io.readers import ReadConfig

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.mark.parametrize("batch_size", [1, 2, 1000])
def test_parquet_docs(io_dir, sentences, batch_size):
    items, _ = read(io_dir / "docs.parquet", ReadConfig(batch_size=batch_size))
    assert [i.reason if isinstance(i, Reject) else i.id for i in items] == [
        "p0", "p1", "no_text_field", "p3", "p4",
    ]  # fmt: skip
    p0 = items[0]
    assert (p0.text, p0.raw, p0.record, p0.offset) == (sentences[0], sentences[0], 0, None)
    assert (p0.url, p0.domain) == ("https://www.example.ir/news/0", "example.ir")
    # a timestamp column becomes an ISO string; other columns are kept in meta["input"]
    assert p0.meta == {"date": "2020-02-18T08:00:00+00:00", "input": {"language_score": 0.99}}
    assert items[2].location == "row 2"
    assert [i.record for i in items if isinstance(i, Document)] == [0, 1, 3, 4]


def test_parquet_without_text_column(io_dir):
    [rej], _ = read(io_dir / "no_text.parquet")
    assert (rej.reason, rej.location) == ("no_text_field", "file")
    assert "title, n" in rej.detail
    [doc], _ = read(io_dir / "no_text.parquet", ReadConfig(text_field="title"))
    assert doc.text == "فقط عنوان"


def test_parquet_is_read_in_batches_never_whole(tmp_path, monkeypatch):
    path = tmp_path / "many.parquet"
    n = 2500
    pq.write_table(pa.table({"text": [f"سند {i}" for i in range(n)]}), path, row_group_size=1000)
    batches: list[int] = []
    real_iter = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        for batch in real_iter(self, *args, **kwargs):
            batches.append(batch.num_rows)
            yield batch

    def whole(*args, **kwargs):
        raise AssertionError("the reader must not load the whole file")

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    monkeypatch.setattr(pq.ParquetFile, "read", whole)
    monkeypatch.setattr(pq, "read_table", whole)
    items, _ = read(path, ReadConfig(batch_size=300))
    assert [d.text for d in items] == [f"سند {i}" for i in range(n)]
    assert [d.record for d in items] == list(range(n))
    assert max(batches) <= 300
    assert sum(batches) == n


def test_parquet_empty(tmp_path):
    path = tmp_path / "empty.parquet"
    pq.write_table(pa.table({"text": pa.array([], pa.string())}), path)
    [rej], _ = read(path)
    assert rej.reason == "empty_file"


def test_parquet_not_parquet(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 this is not really parquet PAR1")
    [rej], _ = read(path)
    assert (rej.reason, rej.location) == ("parquet_error", "file")


def test_parquet_binary_text_column(tmp_path):
    path = tmp_path / "bin.parquet"
    pq.write_table(pa.table({"text": [b"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", b"\xff\xfe\xfd"]}), path)
    items, _ = read(path)
    assert items[0].text == "سلام"
    assert items[1].reason == "decode_error"


def _unchecked_strings(values: list[bytes]) -> pa.Array:
    """A string array holding ``values`` as they are, valid UTF-8 or not (Parquet and pyarrow
    do not check a string column's bytes when they are written)."""
    import itertools

    ends = list(itertools.accumulate(map(len, values), initial=0))
    return pa.Array.from_buffers(pa.string(), len(values), [
        None, pa.array(ends, pa.int32()).buffers()[1], pa.py_buffer(b"".join(values))])


def test_parquet_strings_with_surrogate_bytes_are_rejected_not_read(tmp_path):
    # The reader does not scan Parquet strings for lone surrogates (pick_fields' no_surrogates):
    # pyarrow decodes them with CPython's strict UTF-8 decoder, which refuses a surrogate's
    # three bytes (ED A0 80 is U+D800), so such a row is a decode_error reject, never a text.
    path = tmp_path / "surrogate.parquet"
    texts = ["خبر 😀 امروز می‌شود".encode(), "خبر".encode() + b"\xed\xa0\x80",
             "دیگر\u00a0خبر\ufeff".encode()]
    pq.write_table(pa.table({"text": _unchecked_strings(texts)}), path)
    items, _ = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Reject", "Document"]
    # an astral character, a ZWNJ, an NBSP and a BOM are read as they are, nothing replaced
    assert (items[0].text, items[0].meta) == ("خبر 😀 امروز می\u200cشود", {})
    assert (items[1].reason, items[1].location) == ("decode_error", "row 1")
    assert (items[2].text, items[2].meta) == ("دیگر\u00a0خبر\ufeff", {})
