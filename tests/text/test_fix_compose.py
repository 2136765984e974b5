"""Edit composition of ``fix_with_edits``: the fast walk gives exactly the full walk's edits.

A change joins an edit only when they overlap (share a character, or one is empty and strictly
inside the other); edits that touch stay apart. ``_compose`` copies the edits that no change
overlaps and walks only the others;
``_compose_all`` re-walks every edit (the reference). Both must give the same edits, in the same
order, with the same joined rule names, after any sequence of rules.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.fix import Fixer, _compose, _compose_all, _compose_py, _Edit, _final_edits
from khabar.text.normalize import Change, apply_changes
from khabar.text.policy import FixPolicy


@st.composite
def rule_changes(draw: st.DrawFn, length: int) -> list[Change]:
    """Sorted, non-overlapping changes of a text of ``length`` characters, as a rule finds them:
    insertions, deletions and replacements, often touching each other."""
    changes = []
    pos = 0
    rule = draw(st.sampled_from(["a", "b", "c", "d"]))
    while pos <= length and len(changes) < 12:
        pos += draw(st.integers(0, 3))
        if pos > length:
            break
        size = draw(st.integers(0, min(2, length - pos)))
        repl = draw(st.sampled_from(["", "x", "yz"]))
        if size == 0 and repl == "":
            pos += 1
            continue
        changes.append(Change(pos, pos + size, repl, rule))
        pos += size
        if size == 0:  # one insertion per position, as rules make them
            pos += 1
    return changes


@settings(max_examples=200, deadline=None)
@given(st.data(), st.integers(0, 15), st.integers(1, 6))
def test_fast_compose_equals_full_walk(data: st.DataObject, length: int, rules: int) -> None:
    text = "".join(chr(ord("A") + i % 26) for i in range(length))
    fast: list[_Edit] = []
    full: list[_Edit] = []
    for _ in range(rules):
        changes = data.draw(rule_changes(len(text)))
        if not changes:
            continue
        twin = _compose_py(fast, changes)  # the pure twin, whichever _compose runs (C or it)
        fast = _compose(fast, changes)
        full = _compose_all(full, changes)
        assert fast == full == twin
        text = apply_changes(text, changes)


def test_a_deletion_beside_an_edit_stays_apart_whatever_changes_later() -> None:
    # rule a: ZWSP at 1 deleted, «ي» at 2 replaced: two edits that touch once the ZWSP is gone
    edits = _compose([], [Change(1, 2, "", "a"), Change(2, 3, "ی", "a")])
    assert edits == [_Edit(1, 1, 1, 2, ("a",)), _Edit(1, 2, 2, 3, ("a",))]
    # a later rule far away moves nothing near them and joins nothing (before issue #3's fix the
    # walk joined them into one edit 1..3 as soon as any later rule changed anything anywhere)
    later = [Change(5, 5, " ", "b")]
    assert (
        _compose(edits, later)
        == _compose_all(edits, later)
        == [
            *edits,
            _Edit(5, 6, 6, 6, ("b",)),  # current 5 is input 6 (the ZWSP went)
        ]
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # an insertion at the edge of the deletion (cur 1), and at the edge of «ی» (cur 2): apart;
        # the insertion at 1 comes after the deletion (edits first on ties)
        ([Change(1, 1, "x", "b")], [_Edit(1, 1, 1, 2, ("a",)), _Edit(1, 2, 2, 2, ("b",)),
                                    _Edit(2, 3, 2, 3, ("a",))]),
        ([Change(2, 2, "x", "b")], [_Edit(1, 1, 1, 2, ("a",)), _Edit(1, 2, 2, 3, ("a",)),
                                    _Edit(2, 3, 3, 3, ("b",))]),
        # a change over «ی» shares its character: joined, the deletion at its edge is not
        ([Change(1, 2, "yz", "b")], [_Edit(1, 1, 1, 2, ("a",)), _Edit(1, 3, 2, 3, ("a", "b"))]),
        # a change over the character before the deletion and «ی»: the deletion is strictly
        # inside, all three join
        ([Change(0, 2, "", "b")], [_Edit(0, 0, 0, 3, ("b", "a"))]),
        # a change ending where the deletion is: touches it only
        ([Change(0, 1, "q", "b")], [_Edit(0, 1, 0, 1, ("b",)), _Edit(1, 1, 1, 2, ("a",)),
                                    _Edit(1, 2, 2, 3, ("a",))]),
    ],
)  # fmt: skip
def test_only_overlapping_changes_join_an_edit(
    changes: list[Change], expected: list[_Edit]
) -> None:
    edits = [_Edit(1, 1, 1, 2, ("a",)), _Edit(1, 2, 2, 3, ("a",))]  # as in the test above
    assert _compose(edits, changes) == _compose_all(edits, changes) == expected
    assert _compose_py(edits, changes) == expected


# --- substitutions kept apart (Fixer._run_edits) against the composed walk (Fixer._run) --------

_SUB_ALPHABET = "يكىیکا ه\u0654\u06c0\u200b\u200c\u200d\u200e\u00a0ـ\u064e\u064b.:،()«»1۲x#\n"


class _Repair(NamedTuple):
    start: int
    end: int
    replacement: str
    rule: str


class _NearRepairer:
    """A stand-in ZWNJ engine whose repairs land right beside substituted letters: a space after
    «ی» becomes a ZWNJ, a ZWNJ is inserted before «ک», «ا» after «ی» is deleted."""

    def find_repairs(self, text: str) -> list[_Repair]:
        out = []
        for i, ch in enumerate(text):
            if ch == " " and i and text[i - 1] == "ی":
                out.append(_Repair(i, i + 1, "\u200c", "zwnj.spaced"))
            elif ch == "ک" and i:
                out.append(_Repair(i, i, "\u200c", "zwnj.glued"))
            elif ch == "ا" and i and text[i - 1] == "ی":
                out.append(_Repair(i, i + 1, "", "zwnj.remove.edge"))
        return out

    def repair(self, text: str) -> str:
        return apply_changes(text, self.find_repairs(text))  # type: ignore[arg-type]


_FIXERS = [
    Fixer(FixPolicy(zwnj="off")),
    Fixer(FixPolicy(), _NearRepairer()),
    Fixer(FixPolicy(digits="persian", heh_yeh="yeh", punct_spacing="full"), _NearRepairer()),
]


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(_SUB_ALPHABET), max_size=40))
def test_substitutions_kept_apart_give_the_composed_edits(text: str) -> None:
    for fixer in _FIXERS:
        out, edits, subs = fixer._run_edits(text)
        ref_out, ref_edits = fixer._run(text, [])
        assert out == ref_out == fixer.fix(text)
        assert _final_edits(text, out, edits, subs) == _final_edits(
            text, ref_out, ref_edits or [], {}
        )


@pytest.mark.parametrize(
    "text",
    [
        "ي\u200bي",  # a deletion between two substitutions touches both, joins neither
        "ي  ك",  # a collapse between two substitutions touches neither
        "يك(ي",  # a space inserted before «(» right after a substitution
        "مي ك",  # the engine's repairs beside substitutions on both sides
        "#ي ي",  # a substitution inside a hashtag is never made
        "ي\u00a0\u200bك",  # NBSP becomes a space, the ZWSP goes: both next to substitutions
    ],
)
def test_substitutions_next_to_changes(text: str) -> None:
    for fixer in _FIXERS:
        out, edits, subs = fixer._run_edits(text)
        ref_out, ref_edits = fixer._run(text, [])
        assert _final_edits(text, out, edits, subs) == _final_edits(
            text, ref_out, ref_edits or [], {}
        )
