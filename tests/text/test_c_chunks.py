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

Z = "\u200c"
C = _native.built_c_extension("khabar._c.chunks")


def _lookups() -> list[Any]:
    return [zwnj._lookup_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _joiners() -> list[Any]:
    return [zwnj._join_fixed_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


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
    assert C.lookup(memo, parts) == zwnj._lookup_py(memo, parts)
    infos = [((), rng.choice([p, p + Z, p[::-1], ""])) for p in parts]
    joins = {rng.randrange(-1, len(parts) + 2) for _ in range(rng.randrange(4))}
    assert C.join_fixed(infos, joins) == zwnj._join_fixed_py(infos, joins)


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
        assert got == zwnj._lookup_py(memo, parts), line
        for p in parts:  # the next lines find these, as the engine's memo fills
            if rng.random() < 0.7:
                memo[p] = ((), p.replace(Z, ""), p)
        infos = [((), p if rng.random() < 0.8 else p + Z) for p in parts]
        joins = {i for i in range(1, len(parts)) if rng.random() < 0.2}
        assert C.join_fixed(infos, joins) == zwnj._join_fixed_py(infos, joins), line


def test_the_engine_uses_the_twin_khabar_decided_on() -> None:
    used = _native.c_extension("khabar._c.chunks")  # None: KHABAR_PURE=1, not built, or stale
    if used is None:
        assert zwnj._lookup is zwnj._lookup_py and zwnj._join_fixed is zwnj._join_fixed_py
    else:
        assert zwnj._lookup is used.lookup and zwnj._join_fixed is used.join_fixed


def test_the_engine_repairs_alike_either_way() -> None:
    # hand-checked repairs through the per-line path (whichever twin this process runs)
    r = zwnj.default_repairer()
    assert r.repair("می روم") == "می" + Z + "روم"
    assert r.repair("رئیسجمهوری و نخستوزیران") == "رئیس" + Z + "جمهوری و نخست" + Z + "وزیران"
    assert r.repair("کتاب خوب") == "کتاب خوب"  # must not change
    assert r.repair("") == ""
    assert r.repair("a  b") == "a  b"
