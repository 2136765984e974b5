"""khabar._c.edits.edit_buffers (the edits column's Arrow buffers in C) against its pure-Python
twin khabar.io.schema._edit_buffers_py, and the struct array built from them against
``pa.array`` of the same Edit tuples (what DocColumns.table built before, and still builds for
input outside the plain form): hand-checked buffers, the inputs left to ``pa.array`` (its own
result or error kept), random edits, real documents, and no leak.

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
from khabar.text import fix

pa = pytest.importorskip("pyarrow")

C = _native.built_c_extension("khabar._c.edits")
LIMIT = schema.EDIT_BYTES_LIMIT
TYPE = schema.output_schema().field("edits").type.value_type
ZWNJ, ZWJ, NBSP, BOM = "\u200c", "\u200d", "\u00a0", "\ufeff"


def _twins() -> list[Any]:
    return [schema._edit_buffers_py,
            pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _fn(which: Any) -> Callable[..., Any]:
    return C.edit_buffers if which == "c" else which


def _i32(*values: int) -> bytes:
    return b"".join(v.to_bytes(4, "little", signed=True) for v in values)


CASES = [
    # (edits, the 7 buffers): UTF-8 and offsets worked out by hand
    ([], (b"", _i32(0), b"", _i32(0), b"", _i32(0), b"")),
    ([Edit(2, "ي", "ی", "char.yeh")],  # U+064A d9 8a -> U+06CC db 8c
     (_i32(2), _i32(0, 2), b"\xd9\x8a", _i32(0, 2), b"\xdb\x8c", _i32(0, 8), b"char.yeh")),
    # an empty before (an insertion) and an empty after (a deletion); offset 0
    ([Edit(0, "", ZWNJ, "zwnj"), Edit(5, " ", "", "space")],
     (_i32(0, 5), _i32(0, 0, 1), b" ", _i32(0, 3, 3), b"\xe2\x80\x8c", _i32(0, 4, 9), b"zwnjspace")),
    # astral (U+1D54F, 4 bytes), ZWJ, NBSP, BOM, three digit scripts
    ([Edit(7, "\U0001d54f", ZWJ + NBSP, "a"), Edit(9, BOM, "۱١1", "d")],
     (_i32(7, 9), _i32(0, 4, 7), b"\xf0\x9d\x95\x8f\xef\xbb\xbf", _i32(0, 5, 10),
      b"\xe2\x80\x8d\xc2\xa0\xdb\xb1\xd9\xa11", _i32(0, 1, 2), b"ad")),
    # int32's two ends, and plain tuples as well as Edits
    ([(-2**31, "a", "b", "r"), (2**31 - 1, "a", "b", "r")],
     (_i32(-2**31, 2**31 - 1), _i32(0, 1, 2), b"aa", _i32(0, 1, 2), b"bb", _i32(0, 1, 2), b"rr")),
]


@pytest.mark.parametrize("which", _twins())
@pytest.mark.parametrize(("edits", "expected"), CASES)
def test_buffers_by_hand(which: Any, edits: list[Any], expected: tuple[bytes, ...]) -> None:
    got = _fn(which)(edits, LIMIT)
    assert got == expected
    assert all(type(b) is bytes for b in got)
    # and the struct array made of them is pa.array's, value for value
    arr = schema._edit_arrays(got, len(edits), TYPE)
    arr.validate(full=True)
    assert arr.equals(pa.array(edits, type=TYPE))


# every size the C copy treats apart (0, 1, 2-3, 4-7, 8-16 and over 16 bytes), byte for byte:
# ``size`` ASCII letters from "a" (one byte each), after them a yeh (db 8c) or a ZWNJ (e2 80 8c)
@pytest.mark.parametrize("which", _twins())
@pytest.mark.parametrize("size", range(31))
def test_every_string_size(which: Any, size: int) -> None:
    s = "".join(chr(0x61 + i) for i in range(size))
    b = bytes(range(0x61, 0x61 + size))
    edits = [Edit(1, s, s + ZWNJ, "r" * size), Edit(2, "ی", s, "r" * size)]
    expected = (_i32(1, 2),
                _i32(0, size, size + 2), b + b"\xdb\x8c",
                _i32(0, size + 3, 2 * size + 3), b + b"\xe2\x80\x8c" + b,
                _i32(0, size, 2 * size), b"r" * (2 * size))
    assert _fn(which)(edits, LIMIT) == expected


class _Str(str):
    pass


# what the plain form leaves to pa.array: None from both twins
LEFT = [
    [Edit(0, "\ud800", "x", "r")],  # a lone surrogate (pa.array raises UnicodeEncodeError)
    [Edit(0, "x", "\udfff", "r")],
    [Edit(0, "x", "y", "\ud83d")],
    [Edit(0, "a", "b", "r"), None],  # a null struct
    [Edit(None, "a", "b", "r")],  # null fields
    [Edit(0, None, "b", "r")],
    [Edit(True, "a", "b", "r")],  # bool: pa.array raises
    [Edit(1.0, "a", "b", "r")],  # float: pa.array makes 1
    [Edit(2**31, "a", "b", "r")],  # out of int32: pa.array raises
    [Edit(-2**31 - 1, "a", "b", "r")],
    [Edit(2**70, "a", "b", "r")],
    [Edit(0, _Str("a"), "b", "r")],  # a str subclass
    [Edit(0, b"a", "b", "r")],  # bytes: pa.array takes them
    [(0, "a", "b")],  # three fields: pa.array raises
    [{"offset": 0, "before": "a", "after": "b", "rule": "r"}],
    [[0, "a", "b", "r"]],
]


@pytest.mark.parametrize("which", _twins())
@pytest.mark.parametrize("edits", LEFT)
def test_input_outside_the_plain_form_is_left_to_pa_array(which: Any, edits: list[Any]) -> None:
    assert _fn(which)(edits, LIMIT) is None
    assert _fn(which)([Edit(1, "a", "b", "r"), *edits], LIMIT) is None  # not only first


@pytest.mark.parametrize("edits", LEFT)
def test_edit_values_gives_pa_arrays_result_or_error(edits: list[Any]) -> None:
    # whichever twin this process runs: exactly what pa.array gives, or its exception
    try:
        expected = pa.array(edits, type=TYPE)
    except Exception as e:  # noqa: BLE001 (the same type and message below)
        with pytest.raises(type(e)) as got:
            schema._edit_values(edits, TYPE)
        assert str(got.value) == str(e)
    else:
        assert schema._edit_values(edits, TYPE).equals(expected)


def test_a_surrogate_raises_from_doc_columns_as_before() -> None:
    cols = schema.DocColumns()
    cols.add(Document("d", "ی", edits=[Edit(0, "\ud800", "ی", "r")]))
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        cols.table()


@pytest.mark.parametrize("which", _twins())
def test_limit_per_string_child_and_edits(which: Any) -> None:
    fn = _fn(which)
    edits = [Edit(0, "ی", "a", "r"), Edit(1, "ک", "bc", "r")]  # before 4 bytes, after 3, rule 2
    assert fn(edits, 4) is not None
    assert fn(edits, 3) is None  # before's 4 bytes
    assert fn([Edit(0, "", "", "")] * 3, 3) is not None
    assert fn([Edit(0, "", "", "")] * 4, 3) is None  # more edits than the limit
    assert fn([], 0) == (b"", _i32(0), b"", _i32(0), b"", _i32(0), b"")
    for bad in (-1, LIMIT + 1):
        with pytest.raises(ValueError, match="limit must be 0..2147483647"):
            fn([], bad)


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_c_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="list of edits"):
        C.edit_buffers((Edit(0, "a", "b", "r"),), LIMIT)
    with pytest.raises(TypeError, match="2 arguments"):
        C.edit_buffers([])
    with pytest.raises(TypeError):
        C.edit_buffers([], "9")


def test_edit_arrays_checks_the_struct_type() -> None:
    other = pa.struct([("offset", pa.int64()), ("before", pa.string()), ("after", pa.string()),
                       ("rule", pa.string())])
    with pytest.raises(AssertionError, match="struct type changed"):
        schema._edit_arrays(schema._edit_buffers_py([], LIMIT), 0, other)


# the characters where UTF-8 could go wrong: 1-4 bytes, ZWNJ/ZWJ/NBSP/BOM, digits, surrogates
CHARS = st.sampled_from(["a", " ", "ي", "ی", "ك", "ک", ZWNJ, ZWJ, NBSP, BOM, "۱", "١", "1",
                         "\U0001d54f", "😀", "\ud800", "\udc00", "\x00", "\uffff"])
STRS = st.lists(CHARS, max_size=8).map("".join)  # up to 32 bytes: every copy size
EDITS = st.lists(st.builds(Edit, st.integers(-2**31, 2**31 - 1), STRS, STRS,
                           st.sampled_from(["char.yeh", "zwnj", "", "ی"]) | STRS), max_size=20)


@settings(max_examples=1500, deadline=None)
@given(edits=EDITS)
def test_twins_and_pa_array_agree_on_random_edits(edits: list[Edit]) -> None:
    py = schema._edit_buffers_py(edits, LIMIT)
    if C is not None:
        assert C.edit_buffers(edits, LIMIT) == py
    surrogate = any(0xD800 <= ord(c) <= 0xDFFF for e in edits for s in e[1:] for c in s)
    assert (py is None) == surrogate  # only the surrogates leave this form
    if py is not None:
        arr = schema._edit_arrays(py, len(edits), TYPE)
        arr.validate(full=True)
        assert arr.equals(pa.array(edits, type=TYPE))
        assert arr.to_pylist() == [e._asdict() for e in edits]


def test_real_documents(shared: Path) -> None:
    # fix_with_edits' edits of real news (FarsNews + Varzesh3: Arabic yeh and kaf, spacing, ZWNJ)
    # and social text, a document at a time and all in one list
    data = shared / "data"
    texts = []
    for path in sorted((data / "farsnews_varzesh3_json").glob("*.docs.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append("\n".join(str(record.get(k) or "") for k in ("title", "abstract", "body")))
    social = (data / "parsner_social/all.sentences.txt").read_text(encoding="utf-8").splitlines()
    rng = random.Random(9)
    texts += ["\n".join(rng.sample(social, 30)) for _ in range(60)]
    every: list[Edit] = []
    for text in texts:
        _, edits = fix.fix_with_edits(text)
        py = schema._edit_buffers_py(edits, LIMIT)
        assert py is not None
        if C is not None:
            assert C.edit_buffers(edits, LIMIT) == py
        every += edits
    assert len(every) > 20_000 and len({e.rule for e in every}) > 5
    assert schema._edit_values(every, TYPE).equals(pa.array(every, type=TYPE))


def test_doc_columns_edits_column_equals_pa_arrays(monkeypatch: pytest.MonkeyPatch) -> None:
    # the whole edits column (lists of structs, null lists without keep_edits aside) both ways
    docs = [Document(f"d{i}", "متن", edits=[Edit(i, "ي" * i, "ی", "char.yeh")] * (i % 4))
            for i in range(9)]
    docs.append(Document("z", "", edits=[Edit(0, "x\U0001d54f", ZWNJ, "r")]))
    got = schema.docs_to_table(docs, order=True).column("edits")
    monkeypatch.setattr(schema, "_EDITS_C", None)
    assert got.equals(schema.docs_to_table(docs, order=True).column("edits"))
    assert got.to_pylist()[3] == [{"offset": 3, "before": "ييي", "after": "ی",
                                   "rule": "char.yeh"}] * 3


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_c_leaks_nothing(assert_rss_flat: Callable[..., None]) -> None:
    # 1,000 edits of fresh strs (about 30 KB of buffers a call): 20,000 calls would leak
    # hundreds of MB; each failure path too
    edits = [Edit(i, f"ي{i}", f"ی{i}\U0001d54f", "char.yeh") for i in range(1000)]
    bad = [*edits[:500], Edit(0, "\ud800", "x", "r")]

    def run(calls: int) -> None:
        for _ in range(calls):
            assert C.edit_buffers(edits, LIMIT) is not None
            assert C.edit_buffers(bad, LIMIT) is None
            assert C.edit_buffers(edits, 100) is None
            with pytest.raises(TypeError):
                C.edit_buffers(tuple(edits), LIMIT)
            with pytest.raises(ValueError):
                C.edit_buffers(edits, -1)

    assert_rss_flat(run, 500, 20_000)
