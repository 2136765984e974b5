"""``lexicon.zwnj_offsets``: where a form's ZWNJs stand, counted in the form without them
(by hand, against the letter-by-letter definition on random forms and every lexicon form)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.lexicon import Lexicon, zwnj_offsets

Z = "\u200c"


def _by_letters(form: str) -> list[int]:
    """The definition, one character at a time (the function's old body)."""
    out, k = [], 0
    for ch in form:
        if ch == Z:
            out.append(k)
        else:
            k += 1
    return out


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("", []),
        ("کتاب", []),  # no ZWNJ
        (f"کتاب{Z}ها", [4]),
        (f"می{Z}شده{Z}اند", [2, 5]),  # the second after 2 + 3 letters
        (f"{Z}ها", [0]),  # at the start
        (f"ها{Z}", [2]),  # at the end
        (f"ب{Z}{Z}ب", [1, 1]),  # a run: both after the one letter
        (Z * 3, [0, 0, 0]),
        (f"😀{Z}a\u200d{Z}", [1, 3]),  # astral, Latin, ZWJ: letters like any other
    ],
)
def test_zwnj_offsets_table(form: str, expected: list[int]) -> None:
    assert zwnj_offsets(form) == expected


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=["ب", "ی", Z, "\u200d", " ", "😀", "\ud800", "a"], max_size=12))
def test_zwnj_offsets_as_defined(form: str) -> None:
    assert zwnj_offsets(form) == _by_letters(form)


def test_zwnj_offsets_of_every_lexicon_form() -> None:
    forms = [form for spellings in Lexicon.load().forms.values() for form in spellings]
    assert sum(Z in form for form in forms) > 10_000  # many with a ZWNJ
    assert [zwnj_offsets(f) for f in forms] == [_by_letters(f) for f in forms]
