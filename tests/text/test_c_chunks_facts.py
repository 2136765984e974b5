"""The chunk fact bits (ChunkInfo field 9) and ``khabar._c.chunks.field_or``, which ors them
over a line's chunks, against its pure twin ``_field_or_py``: hand-checked tables, random
input, errors, no leak; and the bits against the sets of chunk facts they stand for.

``_plan``, ``_joins_of`` and ``_repair_line`` used to ask whether a chunk of the line is in
``_noted_chunks``, ``_looked_chunks`` or the closing-prefix chunks, or opens with a spaced
plural, by ``set.isdisjoint`` over the line's chunks; they now read the bits, noted when each
chunk was analysed. The repairs must not change: a bit must say what its set says.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.text import zwnj
from khabar.text.zwnj import GLUED_ALL, ZwnjRepairer
from khabar.text.zwnj.records import (
    _FACT_ARABIC,
    _FACT_LOOKED,
    _FACT_NOTED,
    _FACT_PREFIX_LAST,
    _FACT_SPACED_PLURAL,
    _FACTS_FIELD,
)
from khabar.text.zwnj.twins import _field_or, _field_or_py

Z = "\u200c"
C = _native.built_c_extension("khabar._c.chunks")
GATE = Path(__file__).resolve().parents[1] / "fixtures" / "text"

NOTED = _FACT_NOTED
LOOKED = _FACT_LOOKED
PREFIX = _FACT_PREFIX_LAST
PLURAL = _FACT_SPACED_PLURAL
ARABIC = _FACT_ARABIC


def _twins() -> list[Any]:
    return [
        _field_or_py,
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _fn(which: Any) -> Callable[..., Any]:
    return C.field_or if which == "c" else which


def _row(facts: Any) -> tuple[Any, ...]:
    return ((), "", "", "", False, False, False, 0, None, facts)


OR_CASES = [
    # (infos, field, expected): each or-ed by hand
    ([], 9, 0),
    ([_row(0)], 9, 0),
    ([_row(0), _row(NOTED), _row(0)], 9, 1),
    ([_row(PREFIX | NOTED), _row(PLURAL), _row(LOOKED)], 9, 15),  # 5 | 8 | 2
    ([_row(3), _row(1)], 9, 3),  # a bit twice is set once
    ([(5,), (-8,)], 0, -3),  # 0b101 | ...11000 = ...11101: two's complement, as Python's |
    ([(2**62,), (1,)], 0, 2**62 + 1),
    ([(1,), (2**70,), (2,)], 0, 2**70 + 3),  # past a C long long: Python's int
    ([(2**70,), (-1,)], 0, -1),  # after one: Python's | all the way
    ([(True,), (False,), (2,)], 0, 3),  # bools or as ints
    ([(True,)], 0, 1),  # 0 | True is the int 1, as reduce(or_, ..., 0) gives it
]


@pytest.mark.parametrize("which", _twins())
@pytest.mark.parametrize(("infos", "field", "expected"), OR_CASES)
def test_field_or_table(which: Any, infos: list[Any], field: int, expected: int) -> None:
    got = _fn(which)(infos, field)
    assert got == expected
    assert type(got) is int


@pytest.mark.parametrize("which", _twins())
def test_field_or_raises_as_or_does(which: Any) -> None:
    field_or = _fn(which)
    with pytest.raises(IndexError):
        field_or([_row(1), (1,)], 9)  # a row too short
    with pytest.raises(TypeError, match="unsupported operand"):
        field_or([(1,), ("a",)], 0)  # 1 | "a"
    with pytest.raises(TypeError, match="unsupported operand"):
        field_or([(1.0,)], 0)  # 0 | 1.0


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_field_or_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="takes 2 arguments"):
        C.field_or([])
    with pytest.raises(TypeError, match="needs a list of infos"):
        C.field_or((_row(1),), 9)
    with pytest.raises(TypeError, match="needs int field"):
        C.field_or([_row(1)], "9")
    with pytest.raises(ValueError, match="field >= 0"):
        C.field_or([_row(1)], -1)


class _Int(int):
    """An int whose | is its own: the C loop leaves it to Python's |."""

    def __ror__(self, other: object) -> int:
        return 100


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_field_or_leaves_other_ints_to_python() -> None:
    rows = [(1,), (_Int(2),), (4,)]
    assert C.field_or(rows, 0) == _field_or_py(rows, 0) == 100 | 4


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.integers(-(2**70), 2**70) | st.integers(0, 15) | st.booleans(), max_size=40))
def test_field_or_agrees_on_random_values(values: list[int]) -> None:
    rows = [_row(v) for v in values]
    expected = 0
    for v in values:
        expected |= v
    assert C.field_or(rows, 9) == _field_or_py(rows, 9) == expected


@pytest.mark.skipif(C is None, reason="khabar._c.chunks is not built")
def test_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    rows = [_row(1), _row(4), _row(2**70), _row(True)]

    def loop(n: int) -> None:
        for _ in range(n):
            C.field_or(rows, 9)
            C.field_or(rows[:2], 9)
            for bad in ((rows, 99), ([(1,), ("a",)], 0)):
                try:
                    C.field_or(*bad)
                except (IndexError, TypeError):
                    pass

    assert_rss_flat(loop, 2_000, 30_000, limit_kb=4_000)


def test_the_engine_uses_the_twin_khabar_decided_on() -> None:
    used = _native.c_extension("khabar._c.chunks")
    assert _field_or is (_field_or_py if used is None else used.field_or)


# -- the bits of the engine's chunks ----------------------------------------------------------


@pytest.fixture(scope="module")
def fresh() -> Callable[[], ZwnjRepairer]:
    lexicon = zwnj.default_repairer().lexicon
    return lambda: ZwnjRepairer(lexicon)


FACT_CASES = [
    # (chunk, expected bits at GLUED_ALL on a new engine), each reasoned by hand
    ("کتاب", 0),  # a plain word: nothing noted
    ("میروم", 0),  # a glued verb: repaired, but nothing noted
    ("می", PREFIX | NOTED),  # closes with a verbal prefix: noted for _joins_of
    ("نمی", PREFIX | NOTED),  # the negated prefix too
    ("ها", PLURAL),  # opens with a spaced plural
    ("های", PLURAL),
    ("فی", NOTED | LOOKED | ARABIC),  # an Arabic function word: looked at in context
    ("دوست", LOOKED),  # «دوست» opening a chunk: looked at before «دارند»
    ("علی", LOOKED),  # a given name closing a chunk: the word after it is a surname
    ("میدانی", NOTED),  # a glued word the lexicon writes glued (field): a whole word
    ("حرفهای", NOTED),  # «حرف‌های» or «حرفه‌ای»: another reading, decided by the next word
    ("کتاب،", 0),  # the general path: no word closes the chunk
    ("می،", 0),  # a comma closes it, not the prefix: nothing noted
    ("12", 0),
    ("", 0),
]


@pytest.mark.parametrize(("chunk", "expected"), FACT_CASES)
def test_fact_bits_of_a_chunk(fresh: Callable[[], ZwnjRepairer], chunk: str, expected: int) -> None:
    rep = fresh()
    info = rep._chunk_infos([chunk], GLUED_ALL)[0]
    assert info[_FACTS_FIELD] == expected


def _check_bits(rep: ZwnjRepairer) -> int:
    """Every memo entry's bits against the sets, as they stand now; how many were checked."""
    checked = 0
    for level, memo in enumerate(rep._chunk_memos):
        for chunk, info in memo.items():
            facts = info[_FACTS_FIELD]
            assert bool(facts & LOOKED) is (chunk in rep._looked_chunks), (level, chunk)
            assert bool(facts & PREFIX) is info[6], (level, chunk)
            assert bool(facts & PLURAL) is (info[2] in zwnj.SPACED_PLURALS), (level, chunk)
            assert bool(facts & ARABIC) is (chunk in rep._arabic_chunks), (level, chunk)
            if level == GLUED_ALL:  # where _plan reads it
                assert bool(facts & NOTED) is (chunk in rep._noted_chunks), chunk
            checked += 1
    return checked


def _gate_lines() -> list[str]:
    gold = (GATE / "zwnj_gate_seraji_dev.txt").read_text(encoding="utf-8").splitlines()
    # glued (GLUED_ALL, GLUED_SURE), spaced (GLUED_PREFIX), as written (GLUED_NONE), each
    # after the others, so that chunks meet every level in every order
    return gold + [line.replace(Z, " ") for line in gold] + [line.replace(Z, "") for line in gold]


@pytest.mark.parametrize("limit", [40, 10**9])
def test_bits_say_what_the_sets_say_on_real_text(
    fresh: Callable[[], ZwnjRepairer], limit: int
) -> None:
    """Seraji dev as written, with its ZWNJs made spaces and dropped, through one engine (and
    one that forgets every 40 chunks): at each line the bits of every chunk each memo holds
    are what the sets hold."""
    rep = fresh()
    rep.chunk_limit = limit
    lines = _gate_lines()
    checked = 0
    for n, line in enumerate(lines):
        rep.repair(line)
        rep.find_repairs(line)
        if n % 50 == 0 or limit == 40:
            checked += _check_bits(rep)
    assert checked > 10_000


WORDS = [
    "می", "نمی", "ها", "های", "کتاب", "میگوید", "فی", "عن", "دوست", "دارند", "علی", "رضا",
    "حرفهای", "میدانی", "بررسی", "و", "نخست", "وزیر", "14", "،", "کتابها", "نامهای", "بی",
    "کتاب" + Z + "ها", "می" + Z + "روم", Z + "ها", "زاده", "است",
]  # fmt: skip


@functools.cache
def _shared_engine() -> ZwnjRepairer:
    """One engine for every example: its history grows, so chunks meet the levels in many
    orders (a new engine per example would cost a lexicon's tables each)."""
    rep = ZwnjRepairer(zwnj.default_repairer().lexicon)
    rep.chunk_limit = 60  # and it forgets, now and then
    return rep


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=6))
def test_bits_say_what_the_sets_say_on_any_lines(lines: list[list[str]]) -> None:
    engine = _shared_engine()
    for words in lines:
        line = " ".join(words)
        engine.repair(line)
        _check_bits(engine)
        engine.find_repairs(line.replace(Z, ""))
        _check_bits(engine)


def _noted_by_sets(rep: ZwnjRepairer, parts: list[str]) -> bool:
    return not rep._noted_chunks.isdisjoint(parts)


def test_plan_asks_the_bits_what_it_asked_the_sets(fresh: Callable[[], ZwnjRepairer]) -> None:
    """On real lines of every kind: the line-wide answers (or of the bits) equal the set tests
    the engine ran before (bench/fix/speed14a.md): _noted, _may_join_affix, the looked test."""
    rep = fresh()
    rng = random.Random(14)
    lines = _gate_lines()
    rng.shuffle(lines)
    seen = {NOTED: 0, LOOKED: 0, PREFIX: 0, PLURAL: 0, ARABIC: 0}
    for line in lines:
        parts = line.split(" ")
        infos = rep._chunk_infos(parts, GLUED_ALL)
        facts = _field_or(infos, _FACTS_FIELD)
        assert bool(facts & NOTED) is _noted_by_sets(rep, parts), line
        assert bool(facts & LOOKED) is (not rep._looked_chunks.isdisjoint(parts)), line
        assert bool(facts & ARABIC) is (not rep._arabic_chunks.isdisjoint(parts)), line
        where = sorted(k for k, part in enumerate(parts) if part in rep._looked_chunks)
        assert [k for k, info in enumerate(infos) if info[9] & LOOKED] == where, line
        assert bool(facts & PREFIX) is any(info[6] for info in infos), line
        plural = not zwnj.SPACED_PLURALS.isdisjoint(info[2] for info in infos)
        assert bool(facts & PLURAL) is plural, line
        assert rep._may_join_affix(facts) is (bool(facts & PREFIX) or plural), line
        for bit in seen:
            seen[bit] += bool(facts & bit)
        rep.repair(line)
    assert all(n > 2 for n in seen.values()), seen  # each bit seen set (and clear)
