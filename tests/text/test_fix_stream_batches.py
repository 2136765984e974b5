"""fix_stream's batches (Fixer._fix_batch: the lines fixed as one text joined by \\n, and cut
again) give each line what fixing it alone gives, whatever line breaks other than \\n the lines
hold (\\r, \\x0c, U+2028...: str.splitlines would cut there too, str.split("\\n") does not)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.fix import Fixer
from khabar.text.policy import FixPolicy

OFF = Fixer(FixPolicy(zwnj="off"))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # each expected line worked out by hand: ي/ك → ی/ک, double space → one, the \n kept
        (["يك\n", "دو  سه\n"], ["یک\n", "دو سه\n"]),
        (["\n", "\n", "ك\n"], ["\n", "\n", "ک\n"]),  # empty lines stay empty lines
        # \r\n: the \r is the line's content, and a space before it trailing (space.trailing)
        (["يك\r\n", "دو \r\n"], ["یک\r\n", "دو\r\n"]),
        # a line separator and a form feed inside a line are content of that line
        (["a\u2028ك\n", "ك\x0cي\n"], ["a\u2028ک\n", "ک\x0cی\n"]),
        (["ك\r", "ي\n"], None),  # \r alone ends no line of fix_stream: "ك\r" has no \n
        (["ك\n", "ي"], ["ک\n", "ی"]),  # the last line of a file, without \n
        (["ك\nي\n", "ك\n"], ["ک\nی\n", "ک\n"]),  # a line with a \n inside
    ],
)
def test_batches_by_hand(lines: list[str], expected: list[str] | None) -> None:
    got = OFF._fix_batch(lines)
    assert got == [OFF.fix(line) for line in lines]
    if expected is not None:
        assert got == expected


BREAKS = st.sampled_from(["\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
PIECES = st.one_of(
    BREAKS,
    st.sampled_from(["يك", "كتاب", " ", "  ", "\u200c", "ها", "،", ".", "a", "3.5", "#تگ", "\u00a0"]),
)
LINE = st.lists(PIECES, max_size=8).map("".join)


@settings(max_examples=1500, deadline=None)
@given(bodies=st.lists(LINE, min_size=2, max_size=8))
def test_batches_give_what_each_line_gives(bodies: list[str]) -> None:
    lines = [body + "\n" for body in bodies]
    for fixer in (OFF, Fixer(FixPolicy())):
        assert fixer._fix_batch(lines) == [fixer.fix(line) for line in lines]
