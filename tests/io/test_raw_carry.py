"""RawCarry: the first stage copies a document's raw text from the Parquet input's Arrow column
it was read from, instead of encoding the str again, and writes the same table (so the same
bytes) as when every raw text is encoded; a raw text that is not that very str is encoded."""

from __future__ import annotations

import pytest

from khabar.document import Document
from khabar.io.readers import ReadConfig, expand_inputs, read_file
from khabar.io.schema import DocColumns, RawCarry, docs_to_table

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TEXTS = ["می‌خواهم به تهران برگردم.", "خبر 😀 امروز\u00a0و\ufeff", "كتاب ها را خواندم.",
         "دو\n\nپاراگراف"]


def _read(path, batch_size=2) -> tuple[list[Document], RawCarry]:
    [inp] = expand_inputs([str(path)])
    carry = RawCarry()
    docs = [d for d in read_file(inp, ReadConfig(batch_size=batch_size), raw_carry=carry)
            if isinstance(d, Document)]
    return docs, carry


def _written(docs: list[Document], carry: RawCarry, **kw) -> tuple[pa.Table, list[int]]:
    cols = DocColumns(raw_carry=carry, **kw)
    for d in docs:
        cols.add(d)
    taken = [pos for pos, _, _ in cols._carried_raw]
    return cols.table(), taken


@pytest.mark.parametrize("kind", ["string", "large_string"])
@pytest.mark.parametrize("batch_size", [1, 2, 10])
def test_raw_texts_as_read_are_copied_and_give_the_same_table(tmp_path, kind, batch_size):
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": pa.array(TEXTS, getattr(pa, kind)()),
                             "id": [f"d{i}" for i in range(4)]}), path)
    docs, carry = _read(path, batch_size)
    assert [d.raw for d in docs] == TEXTS and len(carry) == 4
    docs[1].raw = "خبر دیگر"  # a step that set another raw text: encoded, not copied
    docs[2].raw = TEXTS[2][:-1] + "."  # equal to the one read, but another str: encoded
    table, taken = _written(docs, carry)
    assert taken == [0, 3] and len(carry) == 0
    expected = [Document(f"d{i}", t, raw=t) for i, t in enumerate(TEXTS)]
    expected[1].raw = "خبر دیگر"
    for got, want in zip(docs, expected):  # the rest of each row as read
        want.source, want.record, want.domain, want.meta = got.source, got.record, None, got.meta
    assert table.equals(docs_to_table(expected))
    assert table.column("raw").to_pylist() == [TEXTS[0], "خبر دیگر", TEXTS[2], TEXTS[3]]


def test_without_keep_raw_nothing_is_copied_and_raw_is_null(tmp_path):
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": TEXTS}), path)
    docs, carry = _read(path)
    table, taken = _written(docs, carry, keep_raw=False)
    assert taken == [] and table.column("raw").to_pylist() == [None] * 4


def test_a_text_decoded_from_bytes_or_joined_from_a_list_is_not_noted(tmp_path):
    # the str is not the column's value there: bytes were decoded, paragraphs joined
    path = tmp_path / "bin.parquet"
    pq.write_table(pa.table({"text": [TEXTS[0].encode(), TEXTS[2].encode("utf-8")]}), path)
    docs, carry = _read(path)
    assert [d.raw for d in docs] == [TEXTS[0], TEXTS[2]] and len(carry) == 0
    path = tmp_path / "list.parquet"
    pq.write_table(pa.table({"text": [["بند یک", "بند دو"]]}), path)
    docs, carry = _read(path)
    assert [d.raw for d in docs] == ["بند یک\n\nبند دو"] and len(carry) == 0


def test_a_document_written_twice_or_never_noted_is_encoded(tmp_path):
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": TEXTS[:2]}), path)
    docs, carry = _read(path)
    table, taken = _written([*docs, Document("x", "نو", raw="خام")], carry)
    assert taken == [0, 1]
    assert table.column("raw").to_pylist() == [*TEXTS[:2], "خام"]
    # forgotten once written: the same document again is encoded
    again, taken = _written(docs[:1], carry)
    assert taken == [] and again.column("raw").to_pylist() == TEXTS[:1]
