"""Carry: a stage reads its work file without the edits and raw text, hands them on as Arrow, and
writes the same table (so the same Parquet bytes) as when every document is read whole."""

from __future__ import annotations

import pytest

from khabar.document import Document, Edit, Removed
from khabar.io.schema import Carry, DocColumns, batch_to_docs, docs_to_table

pa = pytest.importorskip("pyarrow")
pytest.importorskip("numpy")


def _docs() -> list[Document]:
    """Six documents: with and without edits and raw text, one dropped, one with removed lines."""
    docs = [
        Document("a", "می‌شود", raw="میشود", edits=[Edit(2, "", "\u200c", "zwnj.glued")]),
        Document("b", "کتاب", raw="كتاب", edits=[Edit(0, "ك", "ک", "char.kaf"),
                                                Edit(3, "ي", "ی", "char.yeh")]),
        Document("c", "بی ویرایش", raw="بی ویرایش"),
        Document("d", "", raw="", removed=[Removed("تبلیغ", "footer", 0)]),
        Document("e", "خبر", raw="خبر ", edits=[Edit(3, " ", "", "space.trailing")]),
        Document("f", "دور", raw="دور"),
    ]
    docs[5].drop("too_few_words", "quality")
    for i, d in enumerate(docs):
        d.order = 100 + i
        d.meta["lang"] = "fa"
    return docs


def _batches(table: pa.Table, size: int) -> list[pa.RecordBatch]:
    return table.combine_chunks().to_batches(max_chunksize=size)


@pytest.mark.parametrize("keep_raw", [True, False])
@pytest.mark.parametrize("given_back", [(), (0,), (1, 4), (0, 1, 2, 3, 4, 5)])
@pytest.mark.parametrize("batch_size", [1, 2, 6])
def test_carried_rows_give_the_whole_documents_table(keep_raw, given_back, batch_size) -> None:
    whole = docs_to_table(_docs(), order=True)
    expected = docs_to_table(_docs(), keep_raw=keep_raw)
    carry = Carry()
    docs = [d for b in _batches(whole, batch_size) for d in carry.read(b)]
    assert len(carry) == 6
    assert all(d.edits == [] and d.raw == "" for d in docs)  # read without them
    for i in given_back:  # as the pipeline does before a step that uses them
        carry.materialize(docs[i])
    for i, d in enumerate(_docs()):
        if i in given_back:
            assert (docs[i].edits, docs[i].raw) == (d.edits, d.raw)
    cols = DocColumns(keep_raw=keep_raw, carry=carry)
    for d in docs:
        cols.add(d)
    assert len(carry) == 0
    assert cols.table().equals(expected)


def test_a_given_back_document_may_change_its_edits() -> None:
    whole = docs_to_table(_docs(), order=True)
    carry = Carry()
    docs = carry.read(_batches(whole, 6)[0])
    carry.materialize(docs[1])
    docs[1].edits = docs[1].edits[:1]  # what remove_lines does to the edits of a removed line
    docs[1].text = "ک"
    cols = DocColumns(carry=carry)
    for d in docs:
        cols.add(d)
    got = batch_to_docs(cols.table())
    assert got[1].edits == [Edit(0, "ك", "ک", "char.kaf")] and got[1].text == "ک"
    assert got[0].edits == _docs()[0].edits and got[4].raw == "خبر "


def test_edits_added_without_asking_are_an_error_not_a_loss() -> None:
    whole = docs_to_table(_docs(), order=True)
    carry = Carry()
    docs = carry.read(_batches(whole, 6)[0])
    docs[0].edits.append(Edit(0, "ي", "ی", "char.yeh"))  # a step that said it leaves them alone
    with pytest.raises(ValueError, match="uses_edits_or_raw"):
        DocColumns(carry=carry).add(docs[0])


def test_materialize_is_a_no_op_for_a_whole_document() -> None:
    carry = Carry()
    doc = _docs()[0]
    carry.materialize(doc)  # never read through this carry
    assert doc.edits == _docs()[0].edits


def test_an_unchanged_text_is_taken_from_the_batch_a_changed_one_is_not() -> None:
    whole = docs_to_table(_docs(), order=True)
    carry = Carry()
    docs = [d for b in _batches(whole, 4) for d in carry.read(b)]
    docs[0].text = "می\u200cشود"  # equal to the text read, but another str (a constant)
    docs[1].text = "کتاب‌ها"  # changed by a step
    cols = DocColumns(carry=carry)
    for d in docs:
        cols.add(d)
    # c, e and f (dropped, still written) keep the str they were read with; d's is empty
    assert [pos for pos, _, _ in cols._carried_text] == [2, 4, 5]
    expected_docs = _docs()
    expected_docs[1].text = "کتاب‌ها"
    table = cols.table()
    assert table.equals(docs_to_table(expected_docs))
    assert table.column("text").to_pylist() == [
        "می\u200cشود", "کتاب\u200cها", "بی ویرایش", "", "خبر", "دور"]
    assert table.column("text").num_chunks == 1  # one chunk, as a table built whole


def test_a_null_text_in_the_batch_is_written_empty_as_a_whole_read_writes_it() -> None:
    whole = docs_to_table(_docs()[:3], order=True)
    i = whole.schema.get_field_index("text")
    whole = whole.set_column(i, whole.schema.field(i), pa.array(["می‌شود", None, "بی ویرایش"]))
    carry = Carry()
    docs = carry.read(_batches(whole, 3)[0])
    assert docs[1].text == ""
    cols = DocColumns(carry=carry)
    for d in docs:
        cols.add(d)
    assert [pos for pos, _, _ in cols._carried_text] == [0, 2]
    assert cols.table().column("text").to_pylist() == ["می\u200cشود", "", "بی ویرایش"]


@pytest.mark.parametrize("batch_size", [1, 2, 4, 6])
@pytest.mark.parametrize("split", [
    (0, 1, 2, 3, 4, 5),  # every row to one writer: the batches' rows as they are (slices)
    (0, 2, 4),  # every other row: each batch's rows are not one run (a take)
    (1, 2, 3),  # one run in the middle of a batch (a slice with an offset)
    (5,),
])
def test_carried_rows_split_between_two_writers(batch_size, split) -> None:
    # the kept and the dropped writer of a stage each take some of a batch's rows; every table
    # is the one its documents give when read whole, whichever rows it carries
    whole = docs_to_table(_docs(), order=True)
    carry = Carry()
    docs = [d for b in _batches(whole, batch_size) for d in carry.read(b)]
    docs[3].text = "متن تازه"  # one text changed: its row is not carried, its edits are
    first, second = DocColumns(carry=carry), DocColumns(carry=carry)
    for i, d in enumerate(docs):
        (first if i in split else second).add(d)
    expected = _docs()
    expected[3].text = "متن تازه"
    for cols, picked in ((first, split), (second, tuple(i for i in range(6) if i not in split))):
        table = cols.table()
        assert table.equals(docs_to_table([expected[i] for i in picked]))
        for name in ("text", "raw", "edits", "repairs"):
            assert table.column(name).num_chunks == 1
