"""khabar._c.chunks.split_known (a line's chunks, each chunk seen before as the one str kept of
it) against its twin ``line.split(" ")``: the same list on hand-made lines, random strings and a
table grown, refused and cleared; and the engine, which plans each line by those chunks, gives
the same repairs with the kept strs as without them.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.text.zwnj.repairer import ZwnjRepairer, default_repairer
from khabar.text.zwnj.twins import _split_known_py

Z = "\u200c"
C = _native.built_c_extension("khabar._c.chunks")
needs_c = pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")

LINES = [
    "",
    " ",
    "  ",
    "کتاب",
    "کتاب ها",
    " کتاب  ها ",
    "می روم به خانه‌ها و کتابهای خود",
    "abc 2024 کتاب",  # a Latin-1 chunk of a two-byte line: kept as a one-byte str
    "ab😀 ab😀 ab",  # four-byte characters
    f"x{Z}y {Z} {Z}{Z}",
    "\t\u00a0 a\u2009b",  # only U+0020 splits, as str.split(" ")
]


@needs_c
@pytest.mark.parametrize("line", LINES)
def test_split_known_is_split_at_spaces(line: str) -> None:
    slots, keys = bytearray(), []
    first = C.split_known(line, slots, keys)
    assert first == line.split(" ") == _split_known_py(line, slots, keys)
    assert all(type(p) is str for p in first)
    again = C.split_known(line, slots, keys)  # every chunk known now: the kept strs
    assert again == first
    assert all(a is b for a, b in zip(again, first))


@needs_c
def test_a_chunk_is_found_whatever_the_kind_of_its_line() -> None:
    slots, keys = bytearray(), []
    (ascii_word,) = C.split_known("2024", slots, keys)  # a one-byte str
    parts = C.split_known("کتاب 2024 ab😀", slots, keys)  # a two-byte, then a four-byte line
    assert parts[1] is ascii_word
    assert C.split_known("ab😀 2024", slots, keys) == ["ab😀", "2024"]
    assert C.split_known("ab😀 2024", slots, keys)[0] is parts[2]
    assert keys == ["2024", "کتاب", "ab😀"]


@needs_c
def test_the_table_grows_and_keeps_every_chunk() -> None:
    slots, keys = bytearray(), []
    words = [f"w{i}" for i in range(5000)]  # past 1,024 slots, half full, several times
    assert C.split_known(" ".join(words), slots, keys) == words
    assert keys == words
    assert len(slots) == 16384 * 8  # 5,000 keys at most half full: 16,384 slots of 8 bytes
    parts = C.split_known(" ".join(reversed(words)), slots, keys)
    assert all(p is k for p, k in zip(parts, reversed(keys)))
    assert len(keys) == 5000


@needs_c
def test_cleared_together_the_table_starts_again() -> None:
    slots, keys = bytearray(), []
    C.split_known("a b", slots, keys)
    del slots[:]
    keys.clear()
    assert C.split_known("b a c", slots, keys) == ["b", "a", "c"]
    assert keys == ["b", "a", "c"]


@needs_c
def test_split_known_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="needs a str line, a bytearray of slots and a list"):
        C.split_known("a b", b"", [])
    with pytest.raises(TypeError, match="takes 3 arguments"):
        C.split_known("a b", bytearray())
    with pytest.raises(ValueError, match="clear both together"):
        C.split_known("a", bytearray(24), [])  # not a power of two of slots
    slots, keys = bytearray(), []
    C.split_known("a b", slots, keys)
    keys.clear()  # the slots kept: they index past the keys
    with pytest.raises(ValueError, match="clear both together"):
        C.split_known("a b", slots, keys)


TEXT = st.text(alphabet=st.sampled_from(" ab کت" + Z + "😀\u00e9"), max_size=40)


@needs_c
@settings(max_examples=1500, deadline=None)
@given(lines=st.lists(TEXT, max_size=6))
def test_c_and_python_agree_on_random_lines(lines: list[str]) -> None:
    slots: bytearray = bytearray()
    keys: list[str] = []
    for line in lines:
        assert C.split_known(line, slots, keys) == line.split(" ")
    assert len(keys) == len(set(keys))  # each chunk kept once


def _engine(limit: int) -> ZwnjRepairer:
    engine = ZwnjRepairer(default_repairer().lexicon)
    engine.chunk_limit = limit
    return engine


PLANNED = [
    "میشود کتابهای خوب را خواند",
    "می شود کتاب های خوب را خواند",
    "کتابهای خوب میشود",  # the chunks of the lines above, known now, in another order
    "رئیسجمهوری و نخستوزیران",
]


@pytest.mark.parametrize("limit", [1, 3, 500_000])
def test_the_engine_repairs_alike_with_the_kept_strs(limit: int) -> None:
    # a limit of 1 or 3 forgets the kept strs (with the memos) between most lines
    engine: Any = _engine(limit)
    expected = [
        "می\u200cشود کتاب\u200cهای خوب را خواند",
        "می\u200cشود کتاب\u200cهای خوب را خواند",
        "کتاب\u200cهای خوب می\u200cشود",
        "رئیس\u200cجمهوری و نخست\u200cوزیران",
    ]
    for _ in range(2):
        assert [engine.repair(line) for line in PLANNED] == expected
        assert len(engine._chunk_table[1]) <= max(limit, 5) + 5  # bounded with the memos


class _Tuple(tuple):  # type: ignore[type-arg]
    def __bool__(self) -> bool:  # a subclass's own truth: the general path asks it
        return True


# a field of each kind truthy() may read; which are true worked out by hand
FIELDS = [(), ((0, 0, Z, "zwnj.glued"),), True, False, 0, 1, "", "a", None, _Tuple(), [], [0]]
TRUE_AT = [1, 2, 5, 7, 9, 11]


@needs_c
def test_truthy_reads_tuples_and_bools_as_python_does() -> None:
    # the fast path (an exact tuple row, a tuple or bool field) and the general one agree
    rows = [((), f) for f in FIELDS]
    assert C.truthy(rows, 1, 0) == TRUE_AT
    assert C.truthy([[(), f] for f in FIELDS], 1, 0) == TRUE_AT  # list rows: the general path
    assert C.truthy(rows, 1, 3) == [i for i in TRUE_AT if i >= 3]
    with pytest.raises(IndexError):
        C.truthy([((),)], 1, 0)  # a row too short: as indexing raises
