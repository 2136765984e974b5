"""replace_surrogates: lone surrogates (JSON escapes that pair with nothing) become U+FFFD, every
other character stays; the fast path (a text that encodes to UTF-8 has none) gives the regex's
answer."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.io.formats.fields import replace_surrogates


@pytest.mark.parametrize("text, expected", [
    ("خبر\ud800", ("خبر\ufffd", 1)),
    ("\udfff می‌شود \ud83d", ("\ufffd می‌شود \ufffd", 2)),
    ("خبر 😀 امروز", ("خبر 😀 امروز", 0)),  # a real astral character is not a lone surrogate
    ("", ("", 0)),
    ("plain ascii", ("plain ascii", 0)),
])
def test_replace_surrogates_by_hand(text, expected) -> None:
    assert replace_surrogates(text) == expected


@given(st.text(alphabet=st.one_of(st.characters(), st.characters(min_codepoint=0xD800,
                                                                   max_codepoint=0xDFFF))))
def test_replace_surrogates_is_the_regex(text) -> None:
    assert replace_surrogates(text) == re.subn("[\ud800-\udfff]", "\ufffd", text)
