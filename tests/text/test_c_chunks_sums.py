"""khabar._c.chunks.field_sum and tail_index against their pure twins in khabar.text.zwnj
(``_field_sum_py``, ``_tail_index_py``): hand-checked tables, random input, the real lexicon,
errors, and no leak.

``field_sum`` adds up a line's glued weights (ChunkInfo field 7) once per line in ``_plan``;
``tail_index`` is the glued-tail index the segmenter builds once per engine
(``Segmenter._glued_tail_count``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.text import zwnj
from khabar.text.lexicon import Lexicon
from khabar.text.zwnj import twins
from khabar.text.zwnj.twins import (
    _FOLD_CHARS,
    _field_sum,
    _field_sum_py,
    _tail_index,
    _tail_index_py,
    _word_kind_py,
)

Z = "\u200c"
C = _native.built_c_extension("khabar._c.chunks")


def _twins(name: str) -> list[Any]:
    return [
        getattr(twins, f"_{name}_py"),
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _fn(which: Any, name: str) -> Callable[..., Any]:
    return getattr(C, name) if which == "c" else which


BOOK = ((), "کتاب", "کتاب", "کتاب", True, False, False, 0, None)  # a word: weight 0
GLUED = (((2, 2, Z, "zwnj.glued"),), "می" + Z + "روم", "میروم", "میروم", False, False, False, 3, None)
ONE = (((4, 4, Z, "zwnj.glued"),), "کتاب" + Z + "ها", "کتابها", "کتابها", False, False, False, 1, None)

SUM_CASES = [
    # (infos, field, expected): each added up by hand
    ([], 7, 0),
    ([BOOK], 7, 0),
    ([BOOK, GLUED, BOOK], 7, 3),  # «میروم» glued after a prefix: GLUED_LINE_WEIGHT
    ([GLUED, ONE, GLUED, BOOK], 7, 7),  # 3 + 1 + 3
    ([(0, 5), (0, -2)], 1, 3),
    ([(2**62,), (2**62,)], 0, 2**63),  # past a C long long: Python's int
    ([(2**41,), (1,)], 0, 2**41 + 1),  # past the C loop's bound, the first value
    ([(1,), (2**70,), (1,)], 0, 2**70 + 2),  # and a later one
    ([(True,), (True,), (2,)], 0, 4),  # bools add as ints, as in sum()
    # zeros (read without a conversion call since speed20v) among the other kinds of value
    ([(0,), (0,), (5,), (0,)], 0, 5),
    ([(0,), (2**62,), (0,), (2**62,), (0,)], 0, 2**63),  # zeros on either side of the bound
    ([(0,), (0,)], 0, 0),
]


@pytest.mark.parametrize("which", _twins("field_sum"))
@pytest.mark.parametrize(("infos", "field", "expected"), SUM_CASES)
def test_field_sum_table(which: Any, infos: list[Any], field: int, expected: Any) -> None:
    got = _fn(which, "field_sum")(infos, field)
    assert got == expected
    assert type(got) is type(expected)


@pytest.mark.parametrize("which", _twins("field_sum"))
def test_field_sum_raises_as_sum_does(which: Any) -> None:
    field_sum = _fn(which, "field_sum")
    with pytest.raises(IndexError):
        field_sum([BOOK, (1,)], 7)  # a row too short
    with pytest.raises(TypeError):
        field_sum([(1,), ("a",)], 0)  # 1 + "a"
    with pytest.raises(TypeError):
        field_sum([(0,), ("a",)], 0)  # 0 + "a": a zero before it changes nothing


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_field_sum_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="takes 2 arguments"):
        C.field_sum([])
    with pytest.raises(TypeError, match="needs a list of infos"):
        C.field_sum((BOOK,), 7)
    with pytest.raises(TypeError, match="needs int field"):
        C.field_sum([BOOK], "7")
    with pytest.raises(ValueError, match="field >= 0"):
        C.field_sum([BOOK], -1)


FORMS = {
    "دانشگاه": {"دانشگاه": 50, "دانش" + Z + "گاه": 2},  # glued: in
    "میگاه": {"می" + Z + "گاه": 1},  # never written glued: out
    "گاه": {"گاه": 9},  # three letters, no longer than the tail: out
    "دستگاه": {"دستگاه": 7},  # glued: in, after «دانشگاه» (the dict's order)
    "باغبان": {"باغبان": 4},
    "ناگاه": {"ناگاه": 0},  # a form with count 0 is still a form
}
INDEX = {"گاه": ["دانشگاه", "دستگاه", "ناگاه"], "بان": ["باغبان"]}

TAIL_CASES = [
    # (forms, tail, expected): each listed by hand
    ({}, 3, {}),
    (FORMS, 3, INDEX),
    (FORMS, 5, {"نشگاه": ["دانشگاه"], "ستگاه": ["دستگاه"], "اغبان": ["باغبان"]}),  # ناگاه: 5
    ({"ab": {"ab": 1}, "abc": {"abc": 1}, "xbc": {"xbc": 1}}, 2, {"bc": ["abc", "xbc"]}),
    ({"😀😀x": {"😀😀x": 1}, "\ud800ab": {"\ud800ab": 1}}, 2, {"😀x": ["😀😀x"], "ab": ["\ud800ab"]}),
]


@pytest.mark.parametrize("which", _twins("tail_index"))
@pytest.mark.parametrize(("forms", "tail", "expected"), TAIL_CASES)
def test_tail_index_table(which: Any, forms: Any, tail: int, expected: dict[str, list[str]]) -> None:
    got = _fn(which, "tail_index")(forms, tail)
    assert list(got.items()) == list(expected.items())  # the order too


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_tail_index_table_grows_and_keeps_first_seen_order() -> None:
    """C keeps tails of up to three characters in its own table, which starts at 1,024 slots
    and doubles at half full: 3,000 distinct tails (each key its own bucket, in the dict's
    order) make it grow twice; a tail met again after the growth joins its first bucket."""
    letters = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
    tails = [a + b + c for a in letters for b in letters for c in letters][:3000]
    forms = {"ا" + t: {"ا" + t: 1} for t in tails}
    forms["ب" + tails[0]] = {"ب" + tails[0]: 1}  # after the growths, the first tail again
    got = C.tail_index(forms, 3)
    assert list(got) == tails  # first seen order
    assert got[tails[0]] == ["ا" + tails[0], "ب" + tails[0]]
    assert all(got[t] == ["ا" + t] for t in tails[1:])
    assert list(got.items()) == list(_tail_index_py(forms, 3).items())


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_tail_index_one_tail_whatever_the_keys_width() -> None:
    """A tail is its code points: «abc» ends an ASCII key, a Persian one and an astral one."""
    forms = {k: {k: 1} for k in ("xabc", "کتابabc", "😀abc", "abcd")}
    assert C.tail_index(forms, 3) == {"abc": ["xabc", "کتابabc", "😀abc"], "bcd": ["abcd"]}
    # four: the general path; only «کتابabc» is longer than four
    assert C.tail_index(forms, 4) == {"بabc": ["کتابabc"]}


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_tail_index_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="takes 2 arguments"):
        C.tail_index({})
    with pytest.raises(TypeError, match="needs a dict of forms"):
        C.tail_index([("abcd", {"abcd": 1})], 3)
    with pytest.raises(TypeError, match="needs an int tail"):
        C.tail_index({}, 3.0)
    with pytest.raises(ValueError, match="tail >= 1"):
        C.tail_index({}, 0)
    with pytest.raises(TypeError, match="str keys and dict values"):
        C.tail_index({1: {1: 1}}, 3)
    with pytest.raises(TypeError, match="str keys and dict values"):
        C.tail_index({"abcd": ["abcd"]}, 3)


WORD = st.text(alphabet="ابپتگاهنیم" + Z + "😀\ud800", max_size=8)


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
@settings(max_examples=1500, deadline=None)
@given(
    forms=st.dictionaries(WORD, st.dictionaries(WORD, st.integers(0, 9), max_size=3), max_size=30),
    glued=st.sets(WORD, max_size=20),
    tail=st.integers(1, 5),
    weights=st.lists(st.integers(-(2**45), 2**45) | st.integers(0, 5), max_size=40),
)
def test_c_and_python_agree_on_random_input(
    forms: dict[str, dict[str, int]], glued: set[str], tail: int, weights: list[int]
) -> None:
    for key in glued & forms.keys():  # some keys written as themselves
        forms[key][key] = 1
    assert list(C.tail_index(forms, tail).items()) == list(_tail_index_py(forms, tail).items())
    rows = [((), "", "", "", False, False, False, w, None) for w in weights]
    assert C.field_sum(rows, 7) == _field_sum_py(rows, 7) == sum(weights)


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_c_and_python_agree_on_the_lexicon() -> None:
    forms = Lexicon.load().forms
    got = C.tail_index(forms, zwnj.TAIL_KEY)
    assert list(got.items()) == list(_tail_index_py(forms, zwnj.TAIL_KEY).items())
    assert "دانشگاه" in got["گاه"]  # hand-checked: a word written glued ends in «گاه»
    assert all(len(k) > zwnj.TAIL_KEY and k.endswith(end) for end, ks in got.items() for k in ks)


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    forms = {f"کتاب{i}": {f"کتاب{i}": i} for i in range(50)}
    rows = [GLUED, ONE, BOOK, ((), "", "", "", 0, 0, 0, 2**70, None)]

    def loop(n: int) -> None:
        for _ in range(n):
            C.tail_index(forms, 3)
            C.field_sum(rows, 7)
            C.word_kind("تأمین", _FOLD_CHARS)
            for bad in ((rows, 99), ([(1,), ("a",)], 0)):
                try:
                    C.field_sum(*bad)
                except (IndexError, TypeError):
                    pass
            try:
                C.tail_index({"abcd": ["x"]}, 3)
            except TypeError:
                pass

    assert_rss_flat(loop, 2_000, 30_000, limit_kb=4_000)


def test_the_engine_uses_the_twin_khabar_decided_on() -> None:
    used = _native.c_extension("khabar._c.chunks")
    if used is None:
        assert _field_sum is _field_sum_py
        assert _tail_index is _tail_index_py
    else:
        assert _field_sum is used.field_sum and _tail_index is used.tail_index


# -- word_kind ------------------------------------------------------------------------------------

KIND_CASES = [
    # (chunk, expected): 0 not one word of letters, 1 a word that folds to itself, 2 one that folds
    ("کتاب", 1),
    ("میروم", 1),
    ("تأمین", 2),  # أ folds to ا
    ("نقطهٔ", 2),  # the hamza above folds away
    ("كتاب", 2),  # Arabic kaf folds to ک
    ("کتاب،", 0),  # a comma is no letter
    ("کتاب" + Z + "ها", 0),  # ZWNJ: _analyse_mixed
    ("", 0),
    ("abc", 0),
    ("۱۲", 0),  # Persian digits are no letters
    ("١", 0),  # Arabic-Indic digit (U+0661)
    ("ـ", 2),  # a tatweel alone is a letter that folds to ""
    ("کتاب😀", 0),
    ("\ud800", 0),
]


@pytest.mark.parametrize("which", _twins("word_kind"))
@pytest.mark.parametrize(("chunk", "expected"), KIND_CASES)
def test_word_kind_table(which: Any, chunk: str, expected: int) -> None:
    assert _fn(which, "word_kind")(chunk, _FOLD_CHARS) == expected


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_word_kind_with_other_folds() -> None:
    # folds of any width, some outside the Arabic block (speed20v reads those of U+0600-U+06FF
    # into a bitmap: the others can match no letter), a fold at either end of the block; C
    # only: the pure twin knows one folds, _FOLD_CHARS (it asks fold() instead)
    word_kind = C.word_kind
    folds = "aé😀\u0600\u06ffك"
    assert word_kind("كتاب", folds) == 2  # Arabic kaf, in folds
    assert word_kind("کتاب", folds) == 1  # Persian keheh, not
    assert word_kind("کتابۿ", folds) == 2  # U+06FF, a letter, last in the block
    assert word_kind("abc", folds) == 0  # no letters, though «a» is in folds
    assert word_kind("کتاب", "") == 1


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_word_kind_of_every_code_point() -> None:
    # the C letter ranges are zwnj.LETTER's, and the fold test is fold()'s, for every character
    for c in range(0x110000):
        ch = chr(c)
        for chunk in (ch, "کتاب" + ch, ch + "ب"):
            assert C.word_kind(chunk, _FOLD_CHARS) == _word_kind_py(
                chunk, _FOLD_CHARS
            ), hex(c)


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_word_kind_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="takes 2 arguments"):
        C.word_kind("کتاب")
    with pytest.raises(TypeError, match="needs str chunk and folds"):
        C.word_kind(b"abc", _FOLD_CHARS)


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
@settings(max_examples=2000, deadline=None)
@given(chunk=st.text(alphabet="کتابأإكئـ" + Z + "\u064b\u0670\u06d4\u06d5\u06f0a😀\ud800 ،", max_size=10))
def test_word_kind_agrees_on_random_chunks(chunk: str) -> None:
    assert C.word_kind(chunk, _FOLD_CHARS) == _word_kind_py(chunk, _FOLD_CHARS)
