"""khabar._c.chunks (the ZWNJ engine's per-line plumbing in C) against its pure-Python twins in
khabar.text.zwnj: the same results on hand-checked tables, random strings and real text.

Each table runs against both: the twin directly, and the C function via ``_native.built_c_extension``
(its half skips only when the extension is not built: ``_native.built_c_extension`` loads
it under KHABAR_PURE=1 too, so the pure-Python CI pass compares them as well).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.text import zwnj
from khabar.text.zwnj.twins import (
    _join_fixed,
    _join_fixed_py,
    _lookup,
    _lookup_py,
    _members,
    _members_py,
    _truthy,
    _truthy_py,
)

Z = "\u200c"
C = _native.built_c_extension("khabar._c.chunks")


def _lookups() -> list[Any]:
    return [_lookup_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _joiners() -> list[Any]:
    return [_join_fixed_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _fn(which: Any, name: str) -> Callable[..., Any]:
    return getattr(C, name) if which == "c" else which


# -- lookup -------------------------------------------------------------------------------------

BOOK = ((), "کتاب", "کتاب", "کتاب", True, False, False, 0, None)
GO = (((2, 2, Z, "zwnj.glued"),), "می\u200cروم", "میروم", "میروم", False, False, False, 3, None)
MEMO = {"کتاب": BOOK, "میروم": GO, "\ud800": BOOK, "😀": GO, "": BOOK}

LOOKUP_CASES = [
    # (parts, expected infos, expected count of new chunks)
    ([], [], 0),
    (["کتاب"], [BOOK], 0),
    (["کتاب", "ها"], [BOOK, None], 1),  # «ها» was never analysed
    (["میروم", "کتاب", "میروم"], [GO, BOOK, GO], 0),  # the same chunk twice
    (["ها", "ها", "را"], [None, None, None], 3),
    (["", "کتاب", ""], [BOOK, BOOK, BOOK], 0),  # two spaces in a row: an empty chunk
    (["\ud800", "\udc00"], [BOOK, None], 1),  # a lone surrogate is a key like any
    (["😀", "😀x"], [GO, None], 1),  # astral
    (["كتاب"], [None], 1),  # Arabic kaf: another key (the memo is by the chunk as written)
    (["کتاب" + Z], [None], 1),
]


@pytest.mark.parametrize("which", _lookups())
@pytest.mark.parametrize(("parts", "infos", "new"), LOOKUP_CASES)
def test_lookup_table(which: Any, parts: list[str], infos: list[Any], new: int) -> None:
    got = _fn(which, "lookup")(MEMO, parts)
    assert got == (infos, new)
    assert all(a is b for a, b in zip(got[0], infos))  # the memo's own objects, not copies


@pytest.mark.parametrize("which", _lookups())
def test_lookup_of_an_unhashable_part_raises_as_dict_get(which: Any) -> None:
    with pytest.raises(TypeError):
        _fn(which, "lookup")(MEMO, ["کتاب", ["not", "hashable"]])


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_lookup_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="dict memo"):
        C.lookup([], [])
    with pytest.raises(TypeError, match="list of parts"):
        C.lookup({}, ("a",))
    with pytest.raises(TypeError, match="2 arguments"):
        C.lookup({})


# -- join_fixed ---------------------------------------------------------------------------------


def _infos(*fixed: str) -> list[tuple[Any, ...]]:
    return [((), f, "", "", False, False, False, 0, None) for f in fixed]


JOIN_CASES = [
    # (repaired chunks, joins, expected line): each checked by hand
    (("می", "روم"), {1}, "می" + Z + "روم"),  # «می روم» → «می‌روم»
    (("کتاب", "ها", "را"), {1}, "کتاب" + Z + "ها را"),
    (("کتاب", "ها", "را"), set(), "کتاب ها را"),  # no join: spaces only
    (("رئیس" + Z + "جمهوری", "و", "نخست" + Z + "وزیر"), set(),
     "رئیس" + Z + "جمهوری و نخست" + Z + "وزیر"),  # repaired chunks, no join
    (("عبدالله", "بن", "زبیر"), {1, 2}, "عبدالله" + Z + "بن" + Z + "زبیر"),
    (("a", "b"), {0, 2, -1, 99}, "a b"),  # indices that name no space between chunks
    (("a", "b"), {1, 10**30}, "a" + Z + "b"),  # a huge int among them
    (("",), set(), ""),
    (("", ""), set(), " "),
    (("", ""), {1}, Z),
    ((), set(), ""),
    (("ascii", "only"), set(), "ascii only"),  # the result stays ASCII (its kind is the least)
    (("café", "x"), set(), "café x"),  # Latin-1
    (("café", "x"), {1}, "café" + Z + "x"),
    (("😀", "ب"), {1}, "😀" + Z + "ب"),  # astral and Arabic
    (("\ud800", "a"), set(), "\ud800 a"),  # a lone surrogate
    (("۱۲", "می", "تشکیل"), set(), "۱۲ می تشکیل"),  # «14 می»: after a number, May
    (("x", "\u00a0", "\ufeff"), {2}, "x \u00a0" + Z + "\ufeff"),
]


@pytest.mark.parametrize("which", _joiners())
@pytest.mark.parametrize(("fixed", "joins", "line"), JOIN_CASES)
def test_join_fixed_table(which: Any, fixed: tuple[str, ...], joins: set[int], line: str) -> None:
    got = _fn(which, "join_fixed")(_infos(*fixed), joins)
    assert got == line
    assert hash(got) == hash(line) and len(got) == len(line)


@pytest.mark.parametrize("which", _joiners())
@pytest.mark.parametrize("joins", [{1}, {True}, {1.0}])
def test_join_fixed_asks_in_joins_as_python_does(which: Any, joins: Any) -> None:
    # `i in joins` is all the twin asks: True and 1.0 equal 1
    assert _fn(which, "join_fixed")(_infos("a", "b", "c"), joins) == "a" + Z + "b c"


@pytest.mark.parametrize("which", _joiners())
def test_join_fixed_of_no_infos_with_a_join_raises_index_error(which: Any) -> None:
    with pytest.raises(IndexError):
        _fn(which, "join_fixed")([], {1})


@pytest.mark.parametrize("which", _joiners())
@pytest.mark.parametrize("joins", [set(), {1}])
def test_join_fixed_of_a_non_str_raises_type_error(which: Any, joins: set[int]) -> None:
    with pytest.raises(TypeError):
        _fn(which, "join_fixed")([((), "a"), ((), 3)], joins)


# -- truthy, members ------------------------------------------------------------------------------


def _pickers() -> list[Any]:
    return [
        (_truthy_py, _members_py),
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _picked(which: Any) -> tuple[Callable[..., Any], Callable[..., Any]]:
    return (C.truthy, C.members) if which == "c" else which


GLUED = (((2, 2, Z, "zwnj.glued"),), "می" + Z + "روم", "میروم", "میروم", False, False, False, 3, None)
HA = ((), "ها", "ها", "ها", True, False, False, 0, None)  # a spaced plural: joins the word before
HAYASH = ((), "هایش", "هایش", "هایش", frozenset({"کتاب"}), False, False, 0, None)
NUMBER = ((), "۱۲", "", "", False, True, False, 0, None)  # no word: keys empty, ends in a digit

TRUTHY_CASES = [
    # (infos, field, start, expected indices): each checked by hand
    ([], 0, 0, []),
    ([BOOK, GLUED, HA], 0, 0, [1]),  # only «میروم» has a repair inside
    ([GLUED, BOOK, GLUED], 0, 0, [0, 2]),
    ([GLUED, BOOK, GLUED], 0, 1, [2]),  # from start on
    ([GLUED, BOOK, GLUED], 0, 3, []),
    ([GLUED, BOOK, GLUED], 0, 9, []),  # start past the end
    ([BOOK, HA, NUMBER, HAYASH], 4, 1, [1, 3]),  # True and a non-empty frozenset: may join
    ([BOOK, HA, NUMBER, HAYASH], 4, 0, [0, 1, 3]),  # «کتاب» (True) opens the line
    ([BOOK, HA, NUMBER], 5, 0, [2]),  # ends in a digit
    ([((), "x", "", "", frozenset(), 0, "", 0, None)], 4, 0, []),  # an empty set: false
]


@pytest.mark.parametrize("which", _pickers())
@pytest.mark.parametrize(("infos", "field", "start", "expected"), TRUTHY_CASES)
def test_truthy_table(
    which: Any, infos: list[Any], field: int, start: int, expected: list[int]
) -> None:
    assert _picked(which)[0](infos, field, start) == expected


MEMBERS_CASES = [
    # (infos, field, start, expected indices in SPACED_PLURALS): each checked by hand
    ([], 2, 1, []),
    ([BOOK, HA, HAYASH], 2, 1, [1, 2]),  # «ها» and «هایش» are spaced plurals
    ([HA, BOOK, HA], 2, 0, [0, 2]),
    ([HA, BOOK, HA], 2, 1, [2]),  # the first chunk joins nothing before it
    ([BOOK, GLUED, NUMBER], 2, 0, []),  # «میروم», «» are none
    ([BOOK, ((), "ها" + Z, "ها" + Z)], 2, 0, []),  # a key with a ZWNJ is another key
    ([BOOK, HA], 1, 1, [1]),  # any field: the repaired text «ها»
]


@pytest.mark.parametrize("which", _pickers())
@pytest.mark.parametrize(("infos", "field", "start", "expected"), MEMBERS_CASES)
def test_members_table(
    which: Any, infos: list[Any], field: int, start: int, expected: list[int]
) -> None:
    assert _picked(which)[1](infos, field, zwnj.SPACED_PLURALS, start) == expected


@pytest.mark.parametrize("which", _pickers())
def test_truthy_and_members_raise_as_indexing_does(which: Any) -> None:
    truthy, members = _picked(which)
    with pytest.raises(IndexError):
        truthy([((), "a")], 4, 0)  # a row without field 4
    with pytest.raises(IndexError):
        members([((), "a")], 2, zwnj.SPACED_PLURALS, 0)
    with pytest.raises(TypeError):
        members([((), ["unhashable"])], 1, zwnj.SPACED_PLURALS, 0)
    assert truthy([((), "a")], 4, 1) == []  # rows before start are not read
    assert truthy([[0, "a"], [1, "b"]], 0, 0) == [1]  # lists index as tuples do


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_truthy_and_members_say_what_they_need() -> None:
    with pytest.raises(TypeError, match="list of infos"):
        C.truthy((BOOK,), 0, 0)
    with pytest.raises(TypeError, match="int field and start"):
        C.truthy([BOOK], "0", 0)
    with pytest.raises(ValueError, match="field >= 0 and start >= 0"):
        C.truthy([BOOK], -1, 0)
    with pytest.raises(ValueError, match="field >= 0 and start >= 0"):
        C.members([BOOK], 2, zwnj.SPACED_PLURALS, -1)
    with pytest.raises(TypeError, match="set or frozenset table"):
        C.members([BOOK], 2, ["ها"], 0)
    with pytest.raises(TypeError, match="3 arguments"):
        C.truthy([BOOK], 0)
    with pytest.raises(TypeError, match="4 arguments"):
        C.members([BOOK], 2, zwnj.SPACED_PLURALS)


# -- random strings -----------------------------------------------------------------------------

ALPHABET = (
    "کتابهایمیروداست" "يكىة" "ۀهٔ" "\u064b\u064e\u0650\u0651"  # letters, Arabic forms, marks
    "\u200c\u200d\u00a0\ufeff\u200e\u200f\u00ad"  # ZWNJ ZWJ NBSP BOM LRM RLM SHY
    "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"  # three scripts of digits
    "abcXYZé" "https://t.co/x#@." "،؛؟!«»()" "😀𝕏" "\ud800\udfff" "  \t"
)
TEXT = st.text(alphabet=ALPHABET, max_size=60)


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
@settings(max_examples=2000, deadline=None)
@given(line=TEXT, known=st.lists(TEXT, max_size=8), seed=st.integers(0, 2**32))
def test_c_and_python_agree_on_random_strings(line: str, known: list[str], seed: int) -> None:
    parts = line.split(" ")
    rng = random.Random(seed)
    memo = {k: (k,) for k in known}
    memo.update({p: ((), p.upper()) for p in parts if rng.random() < 0.5})
    assert C.lookup(memo, parts) == _lookup_py(memo, parts)
    infos = [((), rng.choice([p, p + Z, p[::-1], ""])) for p in parts]
    joins = {rng.randrange(-1, len(parts) + 2) for _ in range(rng.randrange(4))}
    assert C.join_fixed(infos, joins) == _join_fixed_py(infos, joins)
    rows = [
        (p if rng.random() < 0.3 else "", p, rng.choice([p, "ها", "هایش"]),
         rng.choice([True, False, frozenset(), frozenset({p})]))
        for p in parts
    ]
    start = rng.randrange(0, len(rows) + 2)
    for field in range(4):
        assert C.truthy(rows, field, start) == _truthy_py(rows, field, start)
        table = frozenset(known) if field % 2 else zwnj.SPACED_PLURALS
        got = C.members(rows, field % 3, table, start)
        assert got == _members_py(rows, field % 3, table, start)


# -- real text ------------------------------------------------------------------------------------


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_c_and_python_agree_on_real_lines(shared: Path) -> None:
    data = shared / "data"
    lines = (data / "peyma_nsurl2019/peyma600k.sentences.txt").read_text(encoding="utf-8")
    social = (data / "parsner_social/all.sentences.txt").read_text(encoding="utf-8")
    sample = lines.splitlines()[:3000] + social.splitlines()[:3000]
    sample += [line.replace(Z, "") for line in sample[:2000]]  # glued
    sample += [line.replace(Z, " ") for line in sample[:2000]]  # spaced
    rng = random.Random(8)
    memo: dict[str, Any] = {}
    for line in sample:
        parts = line.split(" ")
        got = C.lookup(memo, parts)
        assert got == _lookup_py(memo, parts), line
        for p in parts:  # the next lines find these, as the engine's memo fills
            if rng.random() < 0.7:
                memo[p] = ((), p.replace(Z, ""), p)
        infos = [((), p if rng.random() < 0.8 else p + Z) for p in parts]
        joins = {i for i in range(1, len(parts)) if rng.random() < 0.2}
        assert C.join_fixed(infos, joins) == _join_fixed_py(infos, joins), line
        found = [f for f in C.lookup(memo, parts)[0] if f is not None]
        for start in (0, 1):
            assert C.truthy(found, 0, start) == _truthy_py(found, 0, start), line
    engine = zwnj.default_repairer()
    for line in sample[:4000]:  # the engine's own ChunkInfos, every field the engine asks for
        infos = engine._chunk_infos(line.split(" "), zwnj.GLUED_ALL)
        for field in (0, 4, 6):
            assert C.truthy(infos, field, 1) == _truthy_py(infos, field, 1), line
        got = C.members(infos, 2, zwnj.SPACED_PLURALS, 1)
        assert got == _members_py(infos, 2, zwnj.SPACED_PLURALS, 1), line


def test_the_engine_uses_the_twin_khabar_decided_on() -> None:
    used = _native.c_extension("khabar._c.chunks")  # None: KHABAR_PURE=1, not built, or stale
    if used is None:
        assert _lookup is _lookup_py and _join_fixed is _join_fixed_py
        assert _truthy is _truthy_py and _members is _members_py
    else:
        assert _lookup is used.lookup and _join_fixed is used.join_fixed
        assert _truthy is used.truthy and _members is used.members


def test_the_engine_repairs_alike_either_way() -> None:
    # hand-checked repairs through the per-line path (whichever twin this process runs)
    r = zwnj.default_repairer()
    assert r.repair("می روم") == "می" + Z + "روم"
    assert r.repair("رئیسجمهوری و نخستوزیران") == "رئیس" + Z + "جمهوری و نخست" + Z + "وزیران"
    assert r.repair("کتاب خوب") == "کتاب خوب"  # must not change
    assert r.repair("") == ""
    assert r.repair("a  b") == "a  b"
    # find_repairs reads which chunks change (truthy, field 0) and which may join (field 4),
    # or which open with a spaced plural (members) in a line that writes its ZWNJs
    def found(line: str) -> list[tuple[int, int, str]]:
        return [(x.start, x.end, x.rule) for x in r.find_repairs(line)]

    assert found("کتاب ها را خواندم") == [(4, 5, "zwnj.spaced")]
    assert found("کتاب" + Z + "ها و دفتر ها") == [(14, 15, "zwnj.spaced")]
    assert r.find_repairs("کتاب خوب را خواندم") == []  # must not change
    assert r.find_repairs("ها کتاب") == []  # a plural opening the line joins nothing

