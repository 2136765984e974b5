"""khabar._c.textslices.part_buffers (the paragraphs column's UTF-8 copied from the text
column's) against its pure-Python twin khabar.io.schema._part_buffers_py, and the arrays made of
them against ``pa.array`` of the same strs (what DocColumns.table built before, and still builds
without the extension or for input outside its plain form): hand-checked buffers, the inputs left
to ``pa.array``, random texts and slices, real documents through the structure step, the
DocColumns tables with and without the extension, and no leak.

The C half of each table skips only when the extension is not built (``built_c_extension`` loads
it under KHABAR_PURE=1 too, so the pure-Python CI pass compares them as well).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.document import Document, Edit
from khabar.io import schema

pa = pytest.importorskip("pyarrow")

C = _native.built_c_extension("khabar._c.textslices")
LIMIT = schema.EDIT_BYTES_LIMIT
ZWNJ, ZWJ, NBSP, BOM = "\u200c", "\u200d", "\u00a0", "\ufeff"


def _twins() -> list[Any]:
    return [schema._part_buffers_py,
            pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _fn(which: Any) -> Callable[..., Any]:
    return C.part_buffers if which == "c" else which


def _i32(*values: int) -> bytes:
    return b"".join(v.to_bytes(4, "little", signed=True) for v in values)


def _call(fn: Callable[..., Any], texts: list[Any], parts: list[Any], ends: list[Any],
          column: Any = None, limit: int = LIMIT) -> Any:
    """``fn`` over the string column made of ``texts`` (or ``column``)."""
    col = pa.array(texts, pa.string()) if column is None else column
    _, offsets, data = col.buffers()
    return fn(texts, offsets, b"" if data is None else data, col.offset, parts, ends, limit)


T1 = "خبر فوری\n\n  متن اول.  \nمتن دوم"  # a title, a blank line, a line with spaces around
CASES = [
    # (texts, parts, ends, the 2 buffers): UTF-8 and offsets worked out by hand
    ([], [], [0], (_i32(0), b"")),
    # the stripped lines of T1, found in it: م d9 85, ت d8 aa, ن d9 86, ا d8 a7, و d9 88,
    # ل d9 84, . 2e, د d8 af
    ([T1], ["متن اول.", "متن دوم"], [0, 2],
     (_i32(0, 14, 27), (b"\xd9\x85\xd8\xaa\xd9\x86 \xd8\xa7\xd9\x88\xd9\x84."
                        b"\xd9\x85\xd8\xaa\xd9\x86 \xd8\xaf\xd9\x88\xd9\x85"))),
    # a part not in the text (encoded), an empty part, and a row whose text is None
    (["ab", None], ["x", "", "b", "یک"], [0, 3, 4],
     (_i32(0, 1, 1, 2, 6), b"xb\xdb\x8c\xda\xa9")),
    # a part before the last one found is not looked for behind it: encoded, the same bytes
    (["a b a"], ["b", "a b", "a"], [0, 3], (_i32(0, 1, 4, 5), b"ba ba")),
    # an ASCII part in a two-byte text (strs of two kinds), ZWNJ, ZWJ, NBSP, BOM; «روم» is
    # before «12»: encoded (ر d8 b1, و d9 88, م d9 85)
    (["می" + ZWNJ + "روم 12" + NBSP + BOM + ZWJ], ["12", "روم"], [0, 2],
     (_i32(0, 2, 8), b"12\xd8\xb1\xd9\x88\xd9\x85")),
    # ZWNJ (e2 80 8c), NBSP (c2 a0), BOM (ef bb bf) and ZWJ (e2 80 8d) copied from the text
    (["می" + ZWNJ + "روم" + NBSP + BOM + ZWJ + "!"], [ZWNJ + "روم" + NBSP + BOM + ZWJ], [0, 1],
     (_i32(0, 17), b"\xe2\x80\x8c\xd8\xb1\xd9\x88\xd9\x85\xc2\xa0\xef\xbb\xbf\xe2\x80\x8d")),
    # astral (U+1D54F, 4 bytes) in a four-byte text, three digit scripts
    (["\U0001d54f ۱١1\nx"], ["۱١1", "x"], [0, 2],
     (_i32(0, 5, 6), b"\xdb\xb1\xd9\xa11x")),
    # rows without parts, and a part in the second of two rows
    (["الف", "ب ج", ""], ["ج"], [0, 0, 1, 1], (_i32(0, 2), b"\xd8\xac")),
]


@pytest.mark.parametrize("which", _twins())
@pytest.mark.parametrize(("texts", "parts", "ends", "expected"), CASES)
def test_buffers_by_hand(which: Any, texts: list[Any], parts: list[str], ends: list[int],
                         expected: tuple[bytes, bytes]) -> None:
    got = _call(_fn(which), texts, parts, ends)
    assert got == expected
    assert all(type(b) is bytes for b in got)
    arr = pa.Array.from_buffers(pa.string(), len(parts), [None, *map(pa.py_buffer, got)])
    arr.validate(full=True)
    assert arr.equals(pa.array(parts, pa.string()))


@pytest.mark.parametrize("which", _twins())
def test_rows_of_a_sliced_column(which: Any) -> None:
    # a carried text column is often a slice of the batch read (an offset into its buffers)
    column = pa.array(["پیش", "ردیف اول\nدو", "سه"]).slice(1)
    got = _call(_fn(which), ["ردیف اول\nدو", "سه"], ["دو", "ردیف", "سه"], [0, 2, 3],
                column=column)
    # «دو» d8 af d9 88; «ردیف» is before «دو» in its row: encoded, d8 b1 d8 af db 8c d9 81
    assert got == (_i32(0, 4, 12, 16),
                   b"\xd8\xaf\xd9\x88\xd8\xb1\xd8\xaf\xdb\x8c\xd9\x81\xd8\xb3\xd9\x87")


class _Str(str):
    pass


# what the plain form leaves to pa.array (or to the caller's check): None from both twins
LEFT = [
    (["a"], ["a", None], [0, 2]),  # a null part
    (["a"], [_Str("a")], [0, 1]),  # a str subclass
    (["a"], [b"a"], [0, 1]),  # bytes
    (["a"], ["\ud800"], [0, 1]),  # a lone surrogate not in the text: pa.array raises
    ([_Str("a")], ["a"], [0, 1]),  # a text that is no exact str
    ([1], ["a"], [0, 1]),
    (["a"], ["a"], [0]),  # ends: too short, not starting at 0, decreasing, past the parts
    (["a"], ["a"], [1, 1]),
    (["a", "b"], ["a", "b"], [0, 2, 1]),
    (["a"], ["a"], [0, 2]),
    (["a"], ["a", "b"], [0, 1]),  # parts left over
    (["a"], ["a"], [0, True]),  # not an int
    (["a"], ["a"], [0, 2**70]),
    (("a",), ["a"], [0, 1]),  # not lists
    (["a"], ("a",), [0, 1]),
    (["a"], ["a"], (0, 1)),
]


@pytest.mark.parametrize("which", _twins())
@pytest.mark.parametrize(("texts", "parts", "ends"), LEFT)
def test_input_outside_the_plain_form_is_left_to_pa_array(which: Any, texts: Any, parts: Any,
                                                          ends: Any) -> None:
    column = pa.array(["a", "b"])
    assert _call(_fn(which), texts, parts, ends, column=column) is None


@pytest.mark.parametrize("which", _twins())
def test_texts_that_are_not_the_columns_give_none(which: Any) -> None:
    fn = _fn(which)
    column = pa.array(["متن یک", "ab"])
    # one character more, fewer, or a wider one than the row holds
    assert _call(fn, ["متن یک!", "ab"], ["متن"], [0, 1, 1], column=column) is None
    assert _call(fn, ["متن ی", "ab"], ["متن"], [0, 1, 1], column=column) is None
    assert _call(fn, ["متن یک", "aب"], [], [0, 0, 0], column=column) is None
    # a part that would run past its row
    assert _call(fn, ["ab"], ["ab"], [0, 1], column=pa.array(["a"])) is None
    # a text whose UTF-8 has as many bytes copies those bytes: the caller passes the texts
    # its column was made of (DocColumns does, by construction)
    assert _call(fn, ["یک"], ["یک"], [0, 1], column=pa.array(["ab!c"])) == (_i32(0, 4), b"ab!c")


@pytest.mark.parametrize("which", _twins())
def test_limit_and_bad_arguments(which: Any) -> None:
    fn = _fn(which)
    assert _call(fn, ["یک"], ["یک"], [0, 1], limit=4) is not None
    assert _call(fn, ["یک"], ["یک"], [0, 1], limit=3) is None  # 4 bytes of data
    assert _call(fn, ["a"], ["", ""], [0, 2], limit=1) is None  # more parts than the limit
    for bad in (-1, LIMIT + 1):
        with pytest.raises(ValueError, match="limit must be 0..2147483647"):
            _call(fn, ["a"], ["a"], [0, 1], limit=bad)
    with pytest.raises(ValueError, match="first 0 or more"):
        fn(["a"], _i32(0, 1), b"a", -1, ["a"], [0, 1], LIMIT)
    with pytest.raises(ValueError, match="need 12 bytes of int32 offsets"):
        fn(["a", "b"], _i32(0, 1), b"ab", 0, [], [0, 0, 0], LIMIT)
    with pytest.raises(ValueError, match="rows 2..3 need 16 bytes"):
        fn(["a"], _i32(0, 1, 2), b"ab", 2, [], [0, 0], LIMIT)  # row 2 of a 2-row buffer
    for offsets in (_i32(0, 5), _i32(2, 1), _i32(-1, 1)):
        with pytest.raises(ValueError, match="pass a string array's own buffers"):
            fn(["a"], offsets, b"ab", 0, [], [0, 0], LIMIT)
    with pytest.raises(TypeError):
        fn(["a"], 5, b"a", 0, [], [0, 0], LIMIT)


@pytest.mark.skipif(C is None, reason="khabar._c.textslices is not built")
def test_c_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="7 arguments"):
        C.part_buffers([], b"", b"", 0, [], [0])
    with pytest.raises(TypeError):
        C.part_buffers([], b"", b"", "0", [], [0], LIMIT)


# the characters where UTF-8 could go wrong: 1-4 bytes, ZWNJ/ZWJ/NBSP/BOM, digits, line breaks
CHARS = st.sampled_from(["a", " ", "\n", "ي", "ی", "ك", "ک", ZWNJ, ZWJ, NBSP, BOM, "۱", "١",
                         "1", "\U0001d54f", "😀", "\x00", "\uffff", "\x80", "\u07ff", "\u0800"])
TEXTS = st.lists(CHARS, max_size=40).map("".join)


@st.composite
def _rows(draw: Any) -> tuple[list[str], list[str], list[int]]:
    texts = draw(st.lists(TEXTS, max_size=6))
    parts: list[str] = []
    ends = [0]
    for text in texts:
        for _ in range(draw(st.integers(0, 5))):
            if text and draw(st.booleans()):  # a slice of the text, or any str
                a = draw(st.integers(0, len(text)))
                b = draw(st.integers(a, len(text)))
                parts.append(text[a:b])
            else:
                parts.append(draw(TEXTS))
        ends.append(len(parts))
    return texts, parts, ends


@settings(max_examples=1500, deadline=None)
@given(rows=_rows(), lines=st.booleans(), start=st.integers(0, 2))
def test_twins_and_pa_array_agree_on_random_slices(rows: Any, lines: bool, start: int) -> None:
    texts, parts, ends = rows
    if lines:  # the structure step's form: the stripped non-blank lines, in order
        parts = [line.strip() for text in texts for line in text.split("\n") if line.strip()]
        ends = [0]
        for text in texts:
            ends.append(ends[-1] + sum(1 for line in text.split("\n") if line.strip()))
    column = pa.array(["x"] * start + texts, pa.string()).slice(start)
    py = _call(schema._part_buffers_py, texts, parts, ends, column=column)
    if C is not None:
        assert _call(C.part_buffers, texts, parts, ends, column=column) == py
    assert py is not None
    arr = pa.Array.from_buffers(pa.string(), len(parts), [None, *map(pa.py_buffer, py)])
    arr.validate(full=True)
    assert arr.equals(pa.array(parts, pa.string()))
    assert arr.to_pylist() == parts


def _farsnews(shared: Path) -> list[Document]:
    from khabar.news.structure import structure

    docs = []
    for path in sorted((shared / "data" / "farsnews_varzesh3_json").glob("*.docs.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = "\n".join(str(record.get(k) or "") for k in ("title", "abstract", "body"))
            s = structure(text, title_hint=record.get("title"))
            docs.append(Document(str(len(docs)), text, title=s.title, lead=s.lead,
                                 paragraphs=list(s.paragraphs),
                                 edits=[Edit(0, "ي", "ی", "char.yeh")]))
    return docs


def test_real_documents(shared: Path) -> None:
    # FarsNews + Varzesh3 through the structure step: every paragraph is found and copied
    docs = _farsnews(shared)
    texts = [d.text for d in docs]
    parts = [p for d in docs for p in d.paragraphs]
    ends = [0]
    for d in docs:
        ends.append(ends[-1] + len(d.paragraphs))
    assert len(docs) > 700 and len(parts) > 5_000
    py = _call(schema._part_buffers_py, texts, parts, ends)
    assert py is not None
    if C is not None:
        assert _call(C.part_buffers, texts, parts, ends) == py
    column = pa.array(texts, pa.string())
    assert schema._paragraph_values(texts, column, parts, ends, pa.string()).equals(
        pa.array(parts, pa.string()))


def _tables(docs: list[Document], monkeypatch: pytest.MonkeyPatch, **kw: Any) -> tuple[Any, Any]:
    got = schema.docs_to_table(docs, **kw)
    with monkeypatch.context() as m:
        m.setattr(schema, "_SLICES_C", None)
        plain = schema.docs_to_table(docs, **kw)
    return got, plain


def test_doc_columns_tables_equal_without_the_extension(shared: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _farsnews(shared)[:300]
    rng = random.Random(4)
    for d in rng.sample(docs, 40):  # paragraphs that are not the text's: encoded
        d.paragraphs = [*d.paragraphs, "پاراگرافی که در متن نیست", ""]
    docs += [Document("e", "", paragraphs=["تنها"]), Document("n", "متن", paragraphs=[])]
    for kw in ({}, {"order": True}, {"keep_raw": False}):
        got, plain = _tables(docs, monkeypatch, **kw)
        assert got.equals(plain)
        assert got.column("paragraphs").to_pylist() == [d.paragraphs for d in docs]
        if not kw.get("order"):  # and the row-by-row reference
            assert got.equals(pa.Table.from_pylist(
                [schema.doc_to_row(d, keep_raw=kw.get("keep_raw", True)) for d in docs],
                schema=schema.output_schema()))


def test_doc_columns_with_carried_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    # a later stage: texts read back from a work file (Carry) and not changed are carried as
    # Arrow; their paragraphs are copied from the carried column (a slice of the batch)
    docs = [Document(f"d{i}", f"عنوان {i}\n\nبند یک {i}\nبند دو", order=i, raw=f"خام {i}")
            for i in range(7)]
    batch = schema.docs_to_table(docs, order=True).to_batches()[0]
    for rows in (range(7), range(2, 5), [0, 3, 6]):
        carry = schema.Carry()
        read = carry.read(batch)
        kept = [read[i] for i in rows]
        for d in kept:
            d.paragraphs = [line for line in d.text.split("\n")[2:] if line]
        kept[-1].text = kept[-1].text + "\nتازه"  # one text changed: built, not carried
        cols = schema.DocColumns(order=True, carry=carry)
        for d in kept:
            cols.add(d)
        got = cols.table()
        assert got.column("paragraphs").to_pylist() == [d.paragraphs for d in kept]
        assert got.column("paragraphs").to_pylist()[0] == [f"بند یک {rows[0]}", "بند دو"]
        with monkeypatch.context() as m:
            m.setattr(schema, "_SLICES_C", None)
            carry = schema.Carry()
            read = carry.read(batch)
            again = [read[i] for i in rows]
            for d, k in zip(again, kept, strict=True):
                d.paragraphs, d.text = k.paragraphs, (d.text if d.text == k.text else k.text)
            cols = schema.DocColumns(order=True, carry=carry)
            for d in again:
                cols.add(d)
            assert cols.table().equals(got)


@pytest.mark.skipif(C is None, reason="khabar._c.textslices is not built")
def test_c_leaks_nothing(assert_rss_flat: Callable[..., None]) -> None:
    # 200 texts of ~2 KB and their lines (~400 KB of buffers a call): 5,000 calls would leak
    # gigabytes; each failure path too
    texts = ["\n".join(f"بند {i} {j} " * 20 + "\U0001d54f" for j in range(8)) for i in range(200)]
    parts = [line for t in texts for line in t.split("\n")]
    ends = list(range(0, len(parts) + 1, 8))
    col = pa.array(texts)
    _, offsets, data = col.buffers()
    wrong = ["x" + t for t in texts]

    def run(calls: int) -> None:
        for _ in range(calls):
            assert C.part_buffers(texts, offsets, data, 0, parts, ends, LIMIT) is not None
            assert C.part_buffers(wrong, offsets, data, 0, parts, ends, LIMIT) is None
            assert C.part_buffers(texts, offsets, data, 0, parts, ends, 1000) is None
            assert C.part_buffers(texts, offsets, data, 0, [*parts[:-1], "\ud800"], ends,
                                  LIMIT) is None
            with pytest.raises(ValueError):
                C.part_buffers(texts, offsets, data, 0, parts, ends, -1)
            with pytest.raises(ValueError):
                C.part_buffers(texts, offsets[:8], data, 0, parts, ends, LIMIT)

    assert_rss_flat(run, 50, 5_000)
