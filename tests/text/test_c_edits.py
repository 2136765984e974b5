"""khabar._c.edits (the edits of one-character substitutions in C) against its pure-Python twin
khabar.text.fix._sub_edits_py: the same edits on hand-checked tables, random input and real
documents.

Each table runs against both: the twin directly, and the C function via ``_native.built_c_extension``
(its half skips only when the extension is not built: ``_native.built_c_extension`` loads
it under KHABAR_PURE=1 too, so the pure-Python CI pass compares them as well).
"""

from __future__ import annotations

import gc
import random
import weakref
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
from khabar.text.normalize import Change

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


# final_edits: the composed edits' rows and the substitutions' rows, merged by output offset.
YEH_KIND = ("ي", "ی", "char.yeh")
KAF_KIND = ("ك", "ک", "char.kaf")

FINAL_CASES = [
    # (text, out, composed, subs, expected (offset, before, after, rule) rows): each by hand
    ("", "", [], {}, []),
    # «يك  ي» -> «یک ی»: two spaces made one at input 2..4 (output 2..3); the last ي (input 4)
    # moves one left; the kinds interleave by offset
    (
        "يك  ي",
        "یک ی",
        [_Edit(2, 3, 2, 4, ("space.collapse",))],
        {YEH_KIND: [0, 4], KAF_KIND: [1]},
        [(0, *YEH_KIND), (1, *KAF_KIND), (2, "  ", " ", "space.collapse"), (3, *YEH_KIND)],
    ),
    # a change undone by a later rule (before == after) is left out; the rules are joined by +
    ("ab", "ab", [_Edit(0, 1, 0, 1, ("x", "y"))], {}, []),
    ("ab", "aXb", [_Edit(1, 2, 1, 1, ("punct.space", "style.x"))], {}, [(1, "", "X", "punct.space+style.x")]),
    # «a ZWNJ ي» -> «aی»: the deletion and the substitution both land at 1: the composed edit
    # first (its text stood before the letter in the input)
    (
        "a\u200cي",
        "aی",
        [_Edit(1, 1, 1, 2, ("zwnj.remove",))],
        {YEH_KIND: [2]},
        [(1, "\u200c", "", "zwnj.remove"), (1, *YEH_KIND)],
    ),
    # substitutions only, one kind (no merge needed) and two kinds
    ("aيي", "aیی", [], {YEH_KIND: [1, 2]}, [(1, *YEH_KIND), (2, *YEH_KIND)]),
    ("كaي", "کaی", [], {YEH_KIND: [2], KAF_KIND: [0]}, [(0, *KAF_KIND), (2, *YEH_KIND)]),
    # an insertion before every substitution moves them all right; one after moves none
    (
        "ي(ي)ي",
        "ی (ی)ی ",
        [_Edit(1, 3, 1, 2, ("punct.space",)), _Edit(6, 7, 5, 5, ("x",))],
        {YEH_KIND: [0, 2, 4]},
        [(0, *YEH_KIND), (1, "(", " (", "punct.space"), (3, *YEH_KIND), (5, *YEH_KIND), (6, "", " ", "x")],
    ),
]


def _final_twins() -> list[Any]:
    return [fix._final_edits_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _final(which: Any) -> Callable[..., Any]:
    return (lambda *a: C.final_edits(Edit, *a)) if which == "c" else which


@pytest.mark.parametrize("which", _final_twins())
@pytest.mark.parametrize(("text", "out", "composed", "subs", "expected"), FINAL_CASES)
def test_final_edits_table(
    which: Any, text: str, out: str, composed: list[_Edit], subs: dict[Any, list[int]], expected: list[Any]
) -> None:
    got = _final(which)(text, out, composed, subs)
    assert got == [Edit(*row) for row in expected]
    assert all(type(e) is Edit for e in got)
    assert fix._final_edits(text, out, composed, subs) == got  # what fix_with_edits runs


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_c_edit_rows_are_left_out_of_the_cyclic_gc() -> None:
    """The C rows (an int and three strs) are untracked: no cycle can run through them, and a
    document's hundred rows would otherwise be walked by every collection until it is written.
    The rows are the twin's all the same (values, type, fields)."""
    text, out = "كشور(اسرائيل)", "کشور (اسرائیل)"
    composed = [_Edit(0, 1, 0, 1, ("char.kaf",)), _Edit(4, 6, 4, 5, ("punct.space",))]
    subs = {("ي", "ی", "char.yeh"): [10]}
    got = C.final_edits(Edit, text, out, composed, subs)
    # by hand: ك at 0; «(» at input 4 is « (» at output 4; ي at input 10 is at output 11
    assert got == [Edit(0, "ك", "ک", "char.kaf"), Edit(4, "(", " (", "punct.space"),
                   Edit(11, "ي", "ی", "char.yeh")]
    assert got == fix._final_edits_py(text, out, composed, subs)
    assert [gc.is_tracked(e) for e in got] == [False, False, False]
    assert all(type(e) is Edit for e in got) and got[2].offset == 11
    rows = C.sub_edits(Edit, [0, 5], [], "ي", "ی", "char.yeh")
    assert rows == [Edit(0, "ي", "ی", "char.yeh"), Edit(5, "ي", "ی", "char.yeh")]
    assert not any(map(gc.is_tracked, rows))
    # the whole fixer's rows, when the fixer uses the C functions (not under KHABAR_PURE=1,
    # where its pure twins make rows the collector tracks, as any tuple subclass)
    _, edits = fix.fix_with_edits("كشور(اسرائيل)  بود", zwnj="off")
    assert edits and any(map(gc.is_tracked, edits)) is (fix._EDITS_C is None)


class _Holder:
    row: Any = None


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_c_edit_rows_holding_other_objects_stay_tracked() -> None:
    """sub_edits takes any objects for before, after and rule: a row holding anything but exact
    strs stays tracked, so a cycle through it is still collected."""
    holder = _Holder()
    (row,) = C.sub_edits(Edit, [3], [], holder, "ی", "char.yeh")
    assert gc.is_tracked(row)
    holder.row = row  # holder -> row -> holder
    ref = weakref.ref(holder)
    del holder, row
    gc.collect()
    assert ref() is None
    (plain,) = C.sub_edits(tuple, [3], [], "ي", "ی", "char.yeh")  # a plain tuple: CPython's own
    assert plain == (3, "ي", "ی", "char.yeh")


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_final_edits_leaves_odd_input_to_the_twin() -> None:
    # None (the twin decides) for anything the fixer does not make; _final_edits then runs it
    odd = [
        ("ab", "ab", [(0, 1, 0, 1, ["r"])], {}),  # rules not a tuple
        ("ab", "ab", [[0, 1, 0, 1, ("r",)]], {}),  # an edit not a tuple
        ("ab", "ab", [_Edit(0, 1, 0, 5, ("r",))], {}),  # beyond the text (slicing clamps)
        ("ab", "ab", [_Edit(1, 0, 0, 1, ("r",))], {}),  # cs > ce
        ("ab", "ab", [_Edit(0, 1, 0, 1, ())], {}),  # no rule
        ("ab", "ab", [_Edit(0, 1, 0, 1, (True,))], {}),  # a rule not a str
        ("abc", "abc", [_Edit(2, 3, 2, 3, ("r",)), _Edit(0, 1, 0, 1, ("r",))], {}),  # out of order
        ("ab", "ab", [], {YEH_KIND: [1, 0]}),  # substitutions out of order
        ("ab", "ab", [], {YEH_KIND: [0, 0]}),
        ("ab", "ab", [], {("a", "b"): [0]}),  # a key of two
        ("ab", "ab", [], {YEH_KIND: (0,)}),  # offsets not a list
        ("ab", "ab", [], {YEH_KIND: [2**70]}),  # beyond a C integer
        ("ab", "ab", [_Edit(2**70, 1, 0, 1, ("r",))], {}),
    ]
    for text, out, composed, subs in odd:
        assert C.final_edits(Edit, text, out, composed, subs) is None, (composed, subs)
    assert fix._final_edits("abc", "abc", [_Edit(1, 2, 1, 2, ("r",))], {YEH_KIND: [2, 0]}) == (
        fix._final_edits_py("abc", "abc", [_Edit(1, 2, 1, 2, ("r",))], {YEH_KIND: [2, 0]})
    )


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_final_edits_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="5 arguments"):
        C.final_edits(Edit, "", "", [])
    with pytest.raises(TypeError, match="tuple type"):
        C.final_edits(dict, "", "", [], {})
    with pytest.raises(TypeError, match="two strs"):
        C.final_edits(Edit, b"", "", [], {})
    with pytest.raises(TypeError, match="two strs"):
        C.final_edits(Edit, "", "", (), {})
    with pytest.raises(TypeError, match="two strs"):
        C.final_edits(Edit, "", "", [], [])


# texts of the characters the rules care about: every stage's edits and substitutions
FIX_CHARS = st.sampled_from(
    list("يكیکاب ای‌ه") + ["\u200c", "\u200d", "\u00a0", "\ufeff", "  ", "\n", "(", "«", "،", "!", "۱", "1",
                           "\U0001f600", "\ud800", "می", "ها", "http://a.b/c ", "#تگ "]
)


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
@settings(max_examples=1500, deadline=None)
@given(parts=st.lists(FIX_CHARS, max_size=40))
def test_final_edits_c_and_twin_agree_on_fixed_text(parts: list[str]) -> None:
    text = "".join(parts)
    for fixer in (FIXER, FIXER_OFF):
        out, composed, subs = fixer._run_edits(text)
        got = C.final_edits(Edit, text, out, composed, subs)
        assert got is not None  # the fixer's own edits are always plain
        assert got == fix._final_edits_py(text, out, composed, subs)


FIXER = fix.Fixer()
FIXER_OFF = fix.Fixer(fix.FixPolicy(zwnj="off", style="news"))


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
@settings(max_examples=1500, deadline=None)
@given(raw=EDITS, offsets=st.lists(st.integers(0, 300), max_size=20), ordered=st.booleans(),
       text=st.text(max_size=40), out=st.text(max_size=40))
def test_final_edits_c_is_the_twin_or_none_on_random_input(
    raw: list[tuple[int, int, int, int]], offsets: list[int], ordered: bool, text: str, out: str
) -> None:
    if ordered:
        offsets = sorted(set(offsets))
        raw = sorted(raw)
    composed = [_Edit(*e, ("r", "s")[: 1 + e[0] % 2]) for e in raw]
    subs = {YEH_KIND: offsets, KAF_KIND: offsets[::2]} if offsets else {}
    got = C.final_edits(Edit, text, out, composed, subs)
    assert got is None or got == fix._final_edits_py(text, out, composed, subs)


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_final_edits_c_and_twin_agree_on_real_documents(shared: Path) -> None:
    data = shared / "data"
    lines = (data / "peyma_nsurl2019/peyma600k.sentences.txt").read_text(encoding="utf-8").splitlines()[:4000]
    social = (data / "parsner_social/all.sentences.txt").read_text(encoding="utf-8").splitlines()
    rng = random.Random(13)
    docs = ["\n".join(lines[k : k + 40]) for k in range(0, len(lines), 40)]
    docs += ["\n".join(rng.sample(social, 30)) for _ in range(60)]
    rows = 0
    for fixer in (FIXER, FIXER_OFF):
        for doc in docs:
            out, composed, subs = fixer._run_edits(doc)
            got = C.final_edits(Edit, doc, out, composed, subs)
            assert got is not None and got == fix._final_edits_py(doc, out, composed, subs)
            rows += len(got)
    assert rows > 10_000


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_final_edits_rss_flat(assert_rss_flat: Callable[..., None]) -> None:
    # new rows, refused input and errors in a loop: no reference kept or lost
    text, out = "يك  ي", "یک ی"
    composed = [_Edit(2, 3, 2, 4, ("space.collapse", "x"))]
    subs = {YEH_KIND: [0, 4], KAF_KIND: [1]}

    def loop(n: int) -> None:
        for _ in range(n):
            C.final_edits(Edit, text, out, composed, subs)
            C.final_edits(Edit, text, out, [_Edit(0, 9, 0, 1, ("r",))], subs)
            with pytest.raises(TypeError):
                C.final_edits(Edit, text, out, composed)

    assert_rss_flat(loop, 20_000, 100_000)


# compose: one rule's changes composed into the edits (khabar.text.fix._compose_py in C)
def _ch(start: int, end: int, repl: str, rule: str = "r") -> Change:
    return Change(start, end, repl, rule)


COMPOSE_CASES = [
    # (edits, changes, apart, expected): each worked out by hand
    ([], [], False, []),
    # the first rule's one-character substitutions: each an edit of its own, nothing moves
    ([], [_ch(0, 1, "ی", "y"), _ch(3, 4, "ک", "k")], True,
     [_Edit(0, 1, 0, 1, ("y",)), _Edit(3, 4, 3, 4, ("k",))]),
    # the first rule's changes apart, lengths changing: later ones move by the earlier ones
    ([], [_ch(1, 3, " "), _ch(5, 5, "(")], False, [_Edit(1, 2, 1, 3, ("r",)), _Edit(4, 5, 5, 5, ("r",))]),
    # an edit 2..3 (was 2..4) and a change over it (2..3 -> "xy"): one edit, both rules, in order
    ([_Edit(2, 3, 2, 4, ("a",))], [_ch(2, 3, "xy", "b")], False, [_Edit(2, 4, 2, 4, ("a", "b"))]),
    # touching stays apart; the edit after the change moves by its +1
    ([_Edit(0, 1, 0, 1, ("a",)), _Edit(6, 7, 6, 7, ("a",))], [_ch(1, 1, " ", "b")], False,
     [_Edit(0, 1, 0, 1, ("a",)), _Edit(1, 2, 1, 1, ("b",)), _Edit(7, 8, 6, 7, ("a",))]),
    # a rule already named is not repeated
    ([_Edit(2, 3, 2, 3, ("a", "b"))], [_ch(2, 3, "z", "a")], False, [_Edit(2, 3, 2, 3, ("a", "b"))]),
    # overlapping changes of the first rule (not apart): the walk joins them
    ([], [_ch(0, 2, "x", "a"), _ch(1, 3, "y", "b")], False, [_Edit(0, 1, 0, 3, ("a", "b"))]),
]


def _compose_twins() -> list[Any]:
    return [fix._compose_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


@pytest.mark.parametrize("which", _compose_twins())
@pytest.mark.parametrize(("edits", "changes", "apart", "expected"), COMPOSE_CASES)
def test_compose_table(which: Any, edits: list[_Edit], changes: list[Change], apart: bool, expected: list[_Edit]) -> None:
    got = C.compose(_Edit, edits, changes, apart) if which == "c" else which(edits, changes, apart=apart)
    assert got == expected
    assert all(type(e) is _Edit for e in got)
    assert fix._compose(edits, changes, apart=apart) == got  # what the fixer runs
    if not apart:
        assert fix._compose_all(edits, changes) == got


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_compose_leaves_odd_input_to_the_twin() -> None:
    edit = _Edit(2, 3, 2, 3, ("a",))
    odd = [
        ([edit], [_ch(5, 6, "x"), _ch(1, 2, "y")]),  # changes out of order: the twin sorts them
        ([[2, 3, 2, 3, ("a",)]], [_ch(1, 2, "y")]),  # an edit not a tuple
        ([_Edit(2, 3, 2, 3, ["a"])], [_ch(1, 2, "y")]),  # rules not a tuple
        ([_Edit(2, 3, 2, 3, (1,))], [_ch(1, 2, "y")]),  # a rule not a str
        ([edit], [(1, 2, "y")]),  # a change of three
        ([edit], [(1, 2, 3, "r")]),  # a replacement not a str
        ([edit], [(2**70, 2, "y", "r")]),
    ]
    for edits, changes in odd:
        assert C.compose(_Edit, edits, changes, False) is None, (edits, changes)
    assert fix._compose([edit], [_ch(5, 6, "x"), _ch(1, 2, "y")]) == [
        _Edit(1, 2, 1, 2, ("r",)), edit, _Edit(5, 6, 5, 6, ("r",))
    ]


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_compose_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="4 arguments"):
        C.compose(_Edit, [], [])
    with pytest.raises(TypeError, match="tuple type"):
        C.compose(list, [], [], False)
    with pytest.raises(TypeError, match="lists"):
        C.compose(_Edit, (), [], False)


@st.composite
def _changes(draw: st.DrawFn) -> list[Change]:
    raw = draw(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), st.sampled_from(["", "x", "yz"]),
                                  st.sampled_from("abc")), max_size=10))
    changes = [_ch(s, s + size, repl, rule) for s, size, repl, rule in raw]
    return sorted(changes, key=lambda c: (c.start, c.end)) if draw(st.booleans()) else changes


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
@settings(max_examples=2000, deadline=None)
@given(first=_changes(), later=st.lists(_changes(), max_size=4), apart=st.booleans())
def test_compose_c_and_twin_agree_on_random_changes(first: list[Change], later: list[list[Change]], apart: bool) -> None:
    # any changes, overlapping or not, sorted or not: C gives the twin's edits or leaves them to it
    edits: list[_Edit] = []
    for changes in [first, *later]:
        got = C.compose(_Edit, edits, changes, apart)
        want = fix._compose_py(edits, changes, apart=apart)
        assert got is None or got == want
        if changes == sorted(changes, key=lambda c: (c.start, c.end)):
            assert got is not None
        edits = want


# take_near: the substitutions within _NEAR (2) characters of a change, taken out as edits
TAKE_CASES = [
    # (subs, changes, edits, expected near, expected rest): each worked out by hand
    ({YEH_KIND: [0, 5, 10]}, [_ch(5, 5, "x")], [], [_Edit(5, 6, 5, 6, ("char.yeh",))], {YEH_KIND: [0, 10]}),
    # input 2..4 deleted (current 2..2): the change at current 4..5 looks at input 4..9 (its
    # window 2..7 moved by +2) and takes the ي at input 6, which stands at current 4
    ({YEH_KIND: [0, 6, 12]}, [_ch(4, 5, "")], [_Edit(2, 2, 2, 4, ("a",))], [_Edit(4, 5, 6, 7, ("char.yeh",))],
     {YEH_KIND: [0, 12]}),
    # nothing near: every kind as it was
    ({YEH_KIND: [0], KAF_KIND: [20]}, [_ch(10, 11, "")], [], [], {YEH_KIND: [0], KAF_KIND: [20]}),
    # a kind whose every substitution is taken is left out
    ({YEH_KIND: [5], KAF_KIND: [20]}, [_ch(5, 6, "")], [], [_Edit(5, 6, 5, 6, ("char.yeh",))], {KAF_KIND: [20]}),
    # the taken ones in the kinds' order, then by offset
    ({YEH_KIND: [9], KAF_KIND: [8]}, [_ch(8, 10, "z")], [],
     [_Edit(9, 10, 9, 10, ("char.yeh",)), _Edit(8, 9, 8, 9, ("char.kaf",))], {}),
    # two changes, 2 characters either side each (windows 3..7 and 9..14, ends included): 3
    # and 13 are taken, 0, 8 and 16 are not
    ({YEH_KIND: [0, 3, 8, 13, 16]}, [_ch(5, 5, "x"), _ch(11, 12, "")], [],
     [_Edit(3, 4, 3, 4, ("char.yeh",)), _Edit(13, 14, 13, 14, ("char.yeh",))], {YEH_KIND: [0, 8, 16]}),
    # the window's ends count: 3 and 7 beside an insertion at 5
    ({YEH_KIND: [2, 3, 7, 8]}, [_ch(5, 5, "x")], [],
     [_Edit(3, 4, 3, 4, ("char.yeh",)), _Edit(7, 8, 7, 8, ("char.yeh",))], {YEH_KIND: [2, 8]}),
]


def _take_twins() -> list[Any]:
    return [fix._take_near_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


@pytest.mark.parametrize("which", _take_twins())
@pytest.mark.parametrize(("subs", "changes", "edits", "near", "rest"), TAKE_CASES)
def test_take_near_table(
    which: Any, subs: dict[Any, list[int]], changes: list[Change], edits: list[_Edit], near: list[_Edit], rest: Any
) -> None:
    got = C.take_near(_Edit, subs, changes, edits, fix._NEAR) if which == "c" else which(subs, changes, edits)
    assert got == (near, rest)
    assert list(got[1]) == list(rest)  # the kinds' order too
    assert all(got[1][kind] is subs[kind] for kind in got[1] if got[1][kind] == subs[kind])
    assert fix._take_near(subs, changes, edits) == got


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_take_near_leaves_odd_input_to_the_twin_and_says_what_it_needs() -> None:
    for subs, changes, edits in [
        ({YEH_KIND: (1,)}, [_ch(1, 2, "")], []),  # offsets not a list
        ({("a",): [1]}, [_ch(1, 2, "")], []),  # a key of one
        ({YEH_KIND: [1.0]}, [_ch(1, 2, "")], []),
        ({YEH_KIND: [1]}, [(1,)], []),  # a change of one field
        ({YEH_KIND: [1]}, [_ch(1, 2, "")], [[0, 1, 0, 1, ("r",)]]),  # an edit not a tuple
    ]:
        assert C.take_near(_Edit, subs, changes, edits, 2) is None
    with pytest.raises(TypeError, match="5 arguments"):
        C.take_near(_Edit, {}, [], [])
    with pytest.raises(TypeError, match="dict"):
        C.take_near(_Edit, [], [], [], 2)
    with pytest.raises(TypeError, match="tuple type"):
        C.take_near(int, {}, [], [], 2)


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
@settings(max_examples=2000, deadline=None)
@given(yeh=st.lists(st.integers(0, 60), max_size=15), kaf=st.lists(st.integers(0, 60), max_size=8),
       changes=_changes(), raw=EDITS, ordered=st.booleans())
def test_take_near_c_and_twin_agree_on_random_input(
    yeh: list[int], kaf: list[int], changes: list[Change], raw: list[tuple[int, int, int, int]], ordered: bool
) -> None:
    if ordered:
        yeh, kaf = sorted(set(yeh)), sorted(set(kaf))
        raw = sorted(raw)
        changes = sorted(changes, key=lambda c: (c.start, c.end))
    subs = {kind: offsets for kind, offsets in ((YEH_KIND, yeh), (KAF_KIND, kaf)) if offsets}
    edits = [_Edit(*e, ("r",)) for e in raw]
    got = C.take_near(_Edit, subs, changes, edits, fix._NEAR)
    assert got is not None and got == fix._take_near_py(subs, changes, edits)
    assert list(got[1]) == list(fix._take_near_py(subs, changes, edits)[1])


# rule_counts: the fix step's statistics (khabar.steps.text), one per rule, in the order first seen
COUNT_CASES = [
    ([], {}),
    ([Edit(0, *YEH_KIND)], {"char.yeh": 1}),
    ([Edit(0, *YEH_KIND), Edit(3, "  ", " ", "space.collapse"), Edit(5, *YEH_KIND), Edit(6, *KAF_KIND)],
     {"char.yeh": 2, "space.collapse": 1, "char.kaf": 1}),
    # equal rules that are different str objects count together
    ([Edit(0, "a", "b", b"x.y".decode()), Edit(1, "a", "b", "x.y")], {"x.y": 2}),
    # more distinct rules than the first table holds (8)
    ([Edit(i, "a", "b", f"r{i % 11}") for i in range(40)], {f"r{k}": 4 if k < 7 else 3 for k in range(11)}),
]


def _count_twins() -> list[Any]:
    from khabar.steps import text as step_text

    return [step_text._rule_counts_py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


@pytest.mark.parametrize("which", _count_twins())
@pytest.mark.parametrize(("edits", "expected"), COUNT_CASES)
def test_rule_counts_table(which: Any, edits: list[Edit], expected: dict[str, int]) -> None:
    got = C.rule_counts(edits) if which == "c" else which(edits)
    assert got == expected
    assert list(got) == list(expected)  # the order first seen, as a Counter gives it


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_rule_counts_leaves_odd_input_to_the_twin() -> None:
    from khabar.steps import text as step_text

    for edits in ([(0, "a", "b")], [(0, "a", "b", None)], [[0, "a", "b", "r"]], [Edit(0, "a", "b", 3)]):
        assert C.rule_counts(edits) is None
    # what the step calls gives the twin's answer on them (a rule of another type: Counter's)
    assert step_text._rule_counts([Edit(0, "a", "b", 3), Edit(1, "a", "b", 3)]) == {3: 2}
    with pytest.raises(TypeError, match="list"):
        C.rule_counts((Edit(0, "a", "b", "r"),))


@pytest.mark.skipif(C is None, reason="khabar._c.edits is not built")
def test_rule_counts_on_real_edits(shared: Path) -> None:
    from collections import Counter

    lines = (shared / "data/peyma_nsurl2019/peyma600k.sentences.txt").read_text(encoding="utf-8").splitlines()[:2000]
    total = 0
    for k in range(0, len(lines), 40):
        _, edits = FIXER.fix_with_edits("\n".join(lines[k : k + 40]))
        counts = Counter(e.rule for e in edits)
        got = C.rule_counts(edits)
        assert got == counts and list(got) == list(counts)
        total += len(edits)
    assert total > 5_000
