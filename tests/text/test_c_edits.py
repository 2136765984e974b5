"""khabar._c.edits (the edits of one-character substitutions in C) against its pure-Python twin
khabar.text.fix._sub_edits_py: the same edits on hand-checked tables, random input and real
documents.

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
from khabar.document import Edit
from khabar.text import fix
from khabar.text.fix import _Edit

C = _native.built_c_extension("khabar._c.edits")
YEH = ("ي", "ی", "char.yeh")


def _twins() -> list[Any]:
    return [fix._sub_edits_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _fn(which: Any) -> Callable[..., Any]:
    return C.sub_edits if which == "c" else which


def _e(cs: int, ce: int, os: int, oe: int) -> _Edit:
    return _Edit(cs, ce, os, oe, ("r",))


CASES = [
    # (input offsets, composed edits, expected output offsets): each worked out by hand
    ([], [], []),
    ([0, 3, 9], [], [0, 3, 9]),  # nothing composed: the offsets as they are
    # «آ» at 2 deleted (input 2..3 -> output 2..2): the ي after it moves one left
    ([0, 5], [_e(2, 2, 2, 3)], [0, 4]),
    # a space inserted at 3 (input 3..3 -> output 3..4): one right after it, none before
    ([1, 3, 7], [_e(3, 4, 3, 3)], [1, 4, 8]),
    # two edits: -2 from input 4, then +1 more from input 10 (net -1)
    ([0, 6, 12], [_e(2, 2, 2, 4), _e(8, 9, 10, 10)], [0, 4, 11]),
    # an offset right at an edit's input end is after it (bisect_left on oe)
    ([3], [_e(2, 2, 2, 3)], [2]),
    ([2], [_e(2, 2, 2, 3)], [2]),
    # composed edits after every offset change nothing
    ([0, 1], [_e(5, 9, 5, 6)], [0, 1]),
]


@pytest.mark.parametrize("which", _twins())
@pytest.mark.parametrize(("offsets", "composed", "expected"), CASES)
def test_sub_edits_table(which: Any, offsets: list[int], composed: list[_Edit], expected: list[int]) -> None:
    got = _fn(which)(Edit, offsets, composed, *YEH)
    assert got == [Edit(o, *YEH) for o in expected]
    assert all(type(e) is Edit for e in got)  # real Edits: fields by name, repr
    if got:
        assert got[0].before == "ي" and got[0].rule == "char.yeh"
        assert repr(got[0]).startswith("Edit(offset=")


@pytest.mark.parametrize("which", _twins())
def test_sub_edits_of_plain_tuples(which: Any) -> None:
    assert _fn(which)(tuple, [4], [], "ك", "ک", "char.kaf") == [(4, "ك", "ک", "char.kaf")]


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_sub_edits_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="tuple type"):
        C.sub_edits(dict, [], [], "a", "b", "r")
    with pytest.raises(TypeError, match="lists"):
        C.sub_edits(Edit, (1,), [], "a", "b", "r")
    with pytest.raises(TypeError, match="6 arguments"):
        C.sub_edits(Edit, [], [])
    with pytest.raises(TypeError):
        C.sub_edits(Edit, ["1"], [], "a", "b", "r")


# random offsets and composed edits, sorted or not: both walk them the same way (bisect_left)
EDITS = st.lists(
    st.tuples(st.integers(0, 300), st.integers(0, 300), st.integers(0, 300), st.integers(0, 300)),
    max_size=8,
)


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
@settings(max_examples=2000, deadline=None)
@given(offsets=st.lists(st.integers(0, 400), max_size=30), raw=EDITS, ordered=st.booleans(),
       text=st.text(max_size=3))
def test_c_and_python_agree_on_random_input(
    offsets: list[int], raw: list[tuple[int, int, int, int]], ordered: bool, text: str
) -> None:
    if ordered:
        offsets = sorted(set(offsets))
        raw = sorted(raw, key=lambda e: e[3])
    composed = [_Edit(*e, ("r",)) for e in raw]
    assert C.sub_edits(Edit, offsets, composed, text, text[::-1], "char") == fix._sub_edits_py(
        Edit, offsets, composed, text, text[::-1], "char"
    )


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_c_and_python_agree_on_real_documents(shared: Path) -> None:
    # fix_with_edits runs the C twin: its edits, replayed on the input, give the output; and
    # each substitution kind's edits equal the twin's on the same composed edits
    data = shared / "data"
    text = (data / "peyma_nsurl2019/peyma600k.sentences.txt").read_text(encoding="utf-8")
    lines = text.splitlines()[:4000]
    social = (data / "parsner_social/all.sentences.txt").read_text(encoding="utf-8").splitlines()
    rng = random.Random(9)
    docs = ["\n".join(lines[k : k + 40]) for k in range(0, len(lines), 40)]
    docs += ["\n".join(rng.sample(social, 30)) for _ in range(60)]
    fixer = fix.Fixer()
    checked = 0
    for doc in docs:
        out, composed, subs = fixer._run_edits(doc)
        for (before, after, rule), offsets in subs.items():
            got = C.sub_edits(Edit, offsets, composed, before, after, rule)
            assert got == fix._sub_edits_py(Edit, offsets, composed, before, after, rule)
            assert all(out[e.offset] == after for e in got)  # each lands on its new letter
            checked += len(got)
    assert checked > 10_000


def test_fix_with_edits_reports_substitutions_either_way() -> None:
    # whichever twin this process runs: hand-checked edits
    out, edits = fix.fix_with_edits("علي  كتاب")
    assert out == "علی کتاب"
    assert [(e.offset, e.before, e.after) for e in edits] == [(2, "ي", "ی"), (3, "  ", " "), (4, "ك", "ک")]
