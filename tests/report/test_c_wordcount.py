"""khabar._c.wordcount and its twin give the report the same word counts as Arrow did.

``word_counts(offsets, data, rows)`` (C) and ``gather._word_counts_py`` (its twin) count the words
of an Arrow string column from its buffers; ``gather.word_counts`` uses the C one when it is built
and Arrow's kernels otherwise. The tables below run against both (the C half skips only when the
extension is not built); the whitespace set is taken from Arrow itself (every code point split);
hypothesis compares C, the twin, Arrow and ``len(s.split())`` on strings of the characters where
they could differ; ../shared's real text compares them too.
"""

from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Callable

import pytest

pa = pytest.importorskip("pyarrow")
pc = pytest.importorskip("pyarrow.compute")

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.report import gather

C = _native.built_c_extension("khabar._c.wordcount")

COUNTERS: list[Callable[..., bytes]] = [gather._word_counts_py]
if C is not None:
    COUNTERS.append(C.word_counts)
counters = pytest.mark.parametrize("count", COUNTERS,
                                   ids=lambda f: "c" if f is not gather._word_counts_py else "py")


def _arrow_counts(strings: pa.Array) -> list[int | None]:
    """What the report counted before this extension (Arrow's trim + split), for reference."""
    trimmed = pc.utf8_trim_whitespace(strings)
    pieces = pc.list_value_length(pc.utf8_split_whitespace(trimmed))
    return pc.multiply(pieces, pc.sign(pc.utf8_length(trimmed))).to_pylist()


def _counts(count: Callable[..., bytes], strings: list[str | None]) -> list[int]:
    arr = pa.array(strings, type=pa.string())
    _, offsets, data = arr.buffers()
    return list(array("i", count(offsets, b"" if data is None else data, len(arr))))


# the 29 code points str.split() splits at (U+0009..U+000D, U+001C..U+0020, U+0085, U+00A0,
# U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), written out by hand
SPACES = ([*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
           0x2028, 0x2029, 0x202F, 0x205F, 0x3000])


def test_the_whitespace_set_is_arrows_and_str_splits() -> None:
    # every code point between two letters: Arrow's split makes two pieces exactly at a space
    cps = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    arr = pa.array(["a" + chr(c) + "b" for c in cps])
    pieces = pc.list_value_length(pc.utf8_split_whitespace(arr)).to_pylist()
    arrow = [c for c, n in zip(cps, pieces) if n == 2]
    assert len(SPACES) == 29
    assert arrow == SPACES
    assert [c for c in cps if chr(c).isspace()] == SPACES
    # and every count function splits at exactly those: one row per code point
    for count in COUNTERS:
        got = _counts(count, ["a" + chr(c) + "b" for c in cps])
        assert [c for c, n in zip(cps, got) if n == 2] == SPACES
        assert set(got) == {1, 2}


# text -> words, counted by hand
TABLE = [
    ("", 0),
    (" ", 0),
    ("\n\t\r\x0b\x0c", 0),
    ("سلام", 1),
    ("می\u200cروم به خانه", 3),  # ZWNJ joins: one word
    ("  دو   کلمه  ", 2),  # leading, trailing and repeated spaces
    ("یک\u00a0دو\u2009سه\nچهار\tپنج", 5),  # NBSP, thin space, newline, tab
    ("کتاب\u200bها", 1),  # zero-width space is a format character
    ("کتاب\u200dها\ufeffی", 1),  # ZWJ and BOM too
    ("الف\u0085ب\u1680پ\u2028ت\u2029ث\u202fج\u205fچ\u3000ح", 8),  # the non-ASCII spaces
    ("a\x1cb\x1dc\x1ed\x1fe", 5),  # the information separators split
    ("۱۲۳ 456 ١٢٣", 3),  # Persian, ASCII and Arabic-Indic digits
    ("\U0001f600 \U0001d54f\U0001f600", 2),  # astral characters are letters here
    ("\u2000\u200a", 0),  # the ends of the U+2000 range
    ("a\u200bb\u200cc\u2027d\u2030e\u205ef\u2060g", 1),  # the neighbours of spaces are not
    ("\u3001 \u1681", 2),  # nor are U+3001 and U+1681
    ("é\u00a1\u0084x", 1),  # nor the neighbours of C2 85 / C2 A0
]


@counters
@pytest.mark.parametrize(("text", "words"), TABLE)
def test_count_by_hand(count: Callable[..., bytes], text: str, words: int) -> None:
    assert len(text.split()) == words  # the definition
    assert _counts(count, [text]) == [words]
    assert _arrow_counts(pa.array([text])) == [words]


@counters
def test_many_rows_and_an_offset(count: Callable[..., bytes]) -> None:
    texts = [t for t, _ in TABLE]
    assert _counts(count, texts) == [w for _, w in TABLE]
    # fewer rows than the buffers hold: only those are counted
    arr = pa.array(texts)
    _, offsets, data = arr.buffers()
    assert list(array("i", count(offsets, data, 4))) == [0, 0, 0, 1]
    assert count(offsets, data, 0) == b""


@counters
@pytest.mark.parametrize(("offsets", "data", "rows", "message"), [
    (array("i", [0, 3]).tobytes(), b"ab", 1, "row 0's offsets 0..3 do not fit"),
    (array("i", [0, 2, 1]).tobytes(), b"ab", 2, "row 1's offsets 2..1"),
    (array("i", [-1, 1]).tobytes(), b"ab", 1, "row 0's offsets -1..1"),
    (array("i", [0, 1]).tobytes(), b"ab", 2, "2 rows need 12 bytes of int32 offsets"),
    (array("i", [0]).tobytes(), b"", -1, "rows must be 0 or more"),
])
def test_bad_buffers_raise(count: Callable[..., bytes], offsets: bytes, data: bytes, rows: int,
                           message: str) -> None:
    with pytest.raises(ValueError, match=message):
        count(offsets, data, rows)


@pytest.mark.skipif(C is None, reason="khabar._c.wordcount is not built")
def test_c_argument_errors() -> None:
    with pytest.raises(TypeError, match="takes 3 arguments"):
        C.word_counts(b"", b"")
    with pytest.raises(TypeError):
        C.word_counts("not a buffer", b"", 0)
    with pytest.raises(TypeError):
        C.word_counts(array("i", [0]).tobytes(), b"", "0")


@pytest.mark.skipif(C is None, reason="khabar._c.wordcount is not built")
def test_c_reads_any_bytes_safely() -> None:
    # an Arrow string column is valid UTF-8; other bytes give some count, never a read past
    # the row (each row here ends inside a multi-byte sequence)
    data = b"\xe2\x80\x80\xe3\x80\xc2\xe1\x9a\xf0\x9f\x98\xd8\x80\xff\xc2"
    offs = array("i", range(len(data) + 1)).tobytes()
    got = list(array("i", C.word_counts(offs, data, len(data))))
    assert len(got) == len(data) and set(got) <= {0, 1}
    ends = array("i", [0, 1, 2, 4, 5, 6, 9, 12, 14, 15]).tobytes()
    assert len(C.word_counts(ends, data, 9)) == 36


WORDS = st.text(alphabet=st.sampled_from(
    ["a", "ب", "ی", "۱", "1", "١", " ", "\u00a0", "\n", "\t", "\r", "\x1c", "\x1f", "\x85",
     "\u200c", "\u200d", "\u200b", "\ufeff", "\u2009", "\u200a", "\u200b", "\u2028", "\u202f",
     "\u205f", "\u3000", "\u1680", "\u3001", "\u2027", "\U0001f600", "\U0001d54f", "é"]),
    max_size=30)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.none(), WORDS), max_size=8), st.integers(0, 3))
def test_c_twin_arrow_and_split_agree(texts: list[str | None], cut: int) -> None:
    expected = [None if t is None else len(t.split()) for t in texts]
    arr = pa.array(texts, type=pa.string())
    assert _arrow_counts(arr) == expected
    for count in COUNTERS:
        assert [None if t is None else n for t, n in zip(texts, _counts(count, texts))] == expected
    # the report's function, on the array and on a slice of it (an offset into the buffers)
    assert gather.word_counts(arr).to_pylist() == expected
    assert gather.word_counts(arr.slice(cut)).to_pylist() == expected[cut:]
    assert gather.word_counts(arr).type == pa.int32()


def test_word_counts_uses_c_when_built(monkeypatch) -> None:
    arr = pa.array(["یک دو", None, "", " سه "])
    got = gather.word_counts(arr)
    assert got.to_pylist() == [2, None, 0, 1]
    assert got.null_count == 1
    monkeypatch.setattr(gather, "_WORDS", None)  # the Arrow path
    assert gather.word_counts(arr).equals(got)
    # a chunked array or a large_string array always takes the Arrow path
    assert gather.word_counts(pa.chunked_array([arr])).to_pylist() == [2, None, 0, 1]
    assert gather.word_counts(arr.cast(pa.large_string())).to_pylist() == [2, None, 0, 1]
    # an empty array (Arrow's path: its offsets buffer may be left out at 0 rows)
    assert gather.word_counts(arr.slice(4)).to_pylist() == []
    assert gather.word_counts(pa.array([], pa.string())).type == pa.int32()


@pytest.mark.skipif(C is None, reason="khabar._c.wordcount is not built")
def test_word_counts_makes_no_python_conversion() -> None:
    # pyarrow imports pandas on its first conversion of a Python object; the report's driver
    # has not imported it (end12.md), and the C path must not make it
    import os
    import subprocess

    code = ("import sys\n"
            "from array import array\n"
            "import pyarrow as pa\n"
            "from khabar.report import gather\n"
            "offsets = pa.py_buffer(array('i', [0, 9, 9]).tobytes())\n"
            "data = pa.py_buffer('یک دو'.encode())\n"
            "t = pa.Array.from_buffers(pa.string(), 2, [None, offsets, data])\n"
            "assert gather._WORDS is not None and 'pandas' not in sys.modules\n"
            "print(gather.word_counts(t).to_pylist(), 'pandas' in sys.modules)\n")
    env = {k: v for k, v in os.environ.items() if k != "KHABAR_PURE"}  # the C path, built
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env)
    assert out.stdout.strip() == "[2, 0] False"


@pytest.mark.skipif(C is None, reason="khabar._c.wordcount is not built")
def test_c_leaks_nothing(assert_rss_flat: Callable[..., None]) -> None:
    # 1,000 rows (4 KB of counts a call): 20,000 calls would leak ~80 MB; the error path too
    arr = pa.array(["یک دو سه\u00a0چهار"] * 1000)
    _, offsets, data = arr.buffers()
    bad = array("i", [0, 5]).tobytes()

    def run(calls: int) -> None:
        for _ in range(calls):
            C.word_counts(offsets, data, 1000)
            with pytest.raises(ValueError):
                C.word_counts(bad, b"ab", 1)

    assert_rss_flat(run, 2_000, 20_000)


def test_real_text_agrees(shared) -> None:
    data = shared / "data"
    lines = (data / "parsner_social" / "all.sentences.txt").read_text(
        encoding="utf-8").splitlines()[:3000]
    with open(data / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][:300]
    texts = lines + [d.get("text") or d.get("body") or "" for d in docs]
    assert len(texts) > 3000
    expected = [len(t.split()) for t in texts]
    assert sum(expected) > 50_000
    arr = pa.array(texts)
    assert _arrow_counts(arr) == expected
    for count in COUNTERS:
        assert _counts(count, texts) == expected
    assert gather.word_counts(arr).to_pylist() == expected
