"""A huge line (a crawled document with no line break): the ZWNJ engine plans it as one line,
as any other, with less held per chunk (bench/fix/memory19m.md). Each mechanism that keeps
the memory down must give what the plain code it replaced gave: ``_chunks_of`` the chunks of
``str.split``, ``_union_sorted`` a sorted set union, ``_arabic_spans`` the quotations of the
walk over every chunk's place, ``apply_changes`` in blocks the text of one join; and a long
line's repairs must not depend on whether its words were seen before (a new word repeated in
the line is analysed once) or on the path (``find_repairs`` applied, ``repair``). Memory itself
is measured in the bench report, never here."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.normalize import Change, apply_changes
from khabar.text.zwnj import ZwnjRepairer, apply_repairs
from khabar.text.zwnj.constants import ARABIC_GAP, ARABIC_REACH, ARABIC_WORDS, LONG_LINE_CHARS
from khabar.text.zwnj.words import _arabic_spans, _chunks_of, _union_sorted

ZWNJ = "\u200c"


def _long_line(chunks: list[str], size: int) -> str:
    """``chunks`` joined by spaces, repeated to ``size`` characters at least."""
    one = " ".join(chunks)
    return " ".join([one] * (size // (len(one) + 1) + 1))


# ---- _chunks_of: str.split(" "), each distinct chunk one object --------------------------------


@pytest.mark.parametrize("line", ["", " ", "a", "  a  b ", "کتاب ها"])
def test_chunks_of_short_line_is_split(line: str) -> None:
    assert _chunks_of(line) == line.split(" ")


def test_chunks_of_long_line_is_split_with_shared_chunks() -> None:
    rng = random.Random(3)
    words = ["کتاب", "ها", "", "می", "شود", "a", ZWNJ, "۱۴۰۲"]
    line = " ".join(rng.choice(words) for _ in range(3 * LONG_LINE_CHARS // 3))
    assert len(line) > 2 * LONG_LINE_CHARS  # three blocks or more
    parts = _chunks_of(line)
    assert parts == line.split(" ")
    # every distinct chunk is one str: 8 objects for ~65,000 chunks
    assert len({id(p) for p in parts}) == len(set(parts)) <= len(words)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["", "ab", "x", "بی", " ", "  "]), min_size=1, max_size=40),
       st.integers(0, 8))
def test_chunks_of_cut_points(pieces: list[str], spaces: int) -> None:
    """A space at, before and after each block boundary (LONG_LINE_CHARS after a block's
    start), runs of spaces across it, and a line opening or closing with spaces."""
    filler = "ک" * (LONG_LINE_CHARS - spaces)
    line = filler + " " * spaces + " ".join(pieces) + filler + "".join(pieces)
    assert _chunks_of(line) == line.split(" ")


# ---- _union_sorted: sorted(set(a) | set(b)) --------------------------------------------------


@given(st.sets(st.integers(0, 50)), st.sets(st.integers(0, 50)))
def test_union_sorted(a: set[int], b: set[int]) -> None:
    assert _union_sorted(sorted(a), sorted(b)) == sorted(a | b)


# ---- _arabic_spans: the walk of each chunk's place, as before -----------------------------------


def _arabic_spans_walk(parts: list[str]) -> set[int]:
    """_arabic_spans as it was (session 18): a list of every chunk's place, and a scan of all
    chunks for each quotation."""
    starts = [0]
    for p in parts:
        starts.append(starts[-1] + len(p) - p.count(ZWNJ))
    marks = [i for i, p in enumerate(parts) if p.strip(ZWNJ) in ARABIC_WORDS]
    out: set[int] = set()
    for a, b in pairwise(marks):
        if starts[b] - starts[a + 1] <= ARABIC_GAP:
            lo, hi = starts[a] - ARABIC_REACH, starts[b + 1] + ARABIC_REACH
            out.update(i for i in range(len(parts)) if lo <= starts[i] <= hi)
    return out


def test_arabic_spans_as_the_walk() -> None:
    rng = random.Random(7)
    arabic = sorted(ARABIC_WORDS)
    filler = ["", "ک", "کتاب", "ب" + ZWNJ, ZWNJ, "خیلیخیلیطولانی", "ها", ZWNJ + "عن"]
    found = 0
    for _ in range(5000):
        parts = [rng.choice(arabic) if rng.random() < 0.25 else rng.choice(filler)
                 for _ in range(rng.randint(0, 40))]
        spans = _arabic_spans(parts)
        assert spans == _arabic_spans_walk(parts), parts
        found += bool(spans)
    assert found > 1000  # the quotations were there to find


def test_arabic_spans_by_hand() -> None:
    # «وفی ... عن»: two Arabic words within ARABIC_GAP letters; the line's every chunk is within
    # ARABIC_REACH of them, then a far chunk is not
    far = "ک" * (ARABIC_REACH + 5)
    assert _arabic_spans(["وفی", "المحکی", "عن", "تذکرته", far, "دور"]) == {0, 1, 2, 3, 4}


# ---- apply_changes in blocks: one join's text ---------------------------------------------------


def test_apply_changes_many_blocks() -> None:
    rng = random.Random(5)
    text = "".join(rng.choice("اب ک\u200c") for _ in range(60_000))
    changes, pos = [], 0
    while True:
        pos += rng.randint(0, 6)
        end = pos + rng.randint(0, 2)
        if end > len(text):
            break
        changes.append(Change(pos, end, rng.choice(["", ZWNJ, "ی", "xy"]), "r"))
        pos = end
    assert len(changes) > 3 * 4096  # several blocks
    joined, last = [], 0
    for ch in changes:
        joined += (text[last : ch.start], ch.replacement)
        last = ch.end
    assert apply_changes(text, changes) == "".join(joined) + text[last:]


# ---- a long line of real text: the same repairs cold and warm, by either path -------------------


@pytest.fixture(scope="module")
def dev_lines(shared: Path) -> list[str]:
    text = (shared / "data/ud_perdt/dev.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("damage", ["glued", "spaced"])
def test_long_line_cold_warm_and_paths_agree(dev_lines: list[str], damage: str) -> None:
    """PerDT dev's sentences, their ZWNJs dropped or made spaces, as one line of ~150,000
    characters (three blocks of _chunks_of): a fresh engine (every word new, repeated in the
    line) repairs it as one that has seen it, and find_repairs applied as repair."""
    sep = "" if damage == "glued" else " "
    line = _long_line([s.replace(ZWNJ, sep) for s in dev_lines], 2 * LONG_LINE_CHARS + 10_000)
    cold = ZwnjRepairer()
    first = cold.repair(line)
    assert first != line  # damaged text: there is something to repair
    assert cold.repair(line) == first  # warm: every chunk from the memo
    warm_find = apply_repairs(line, cold.find_repairs(line))
    assert warm_find == first
    assert apply_repairs(line, ZwnjRepairer().find_repairs(line)) == first
