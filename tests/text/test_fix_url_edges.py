"""A URL runs to the next space, so fix must never remove the space that ends one: a link
glued to the mark and words after it is another link, and a second pass would read them as
part of it (issue #3: URLs byte-identical, fix idempotent). Expected outputs worked out by hand."""

from __future__ import annotations

import pytest

from khabar.text.fix import fix, fix_with_edits

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the space between a URL and a mark stays, though the line attaches «،» elsewhere
        # (the slip rule removes such spaces after words: last row)
        ("https://x.ir/a ،۱۲ و، ب", "https://x.ir/a ،۱۲ و، ب"),
        ("https://x.ir/a ،#تگ_عربي و، ب", "https://x.ir/a ،#تگ_عربي و، ب"),
        ("https://x.ir/a ،`c  ي` و، ب", "https://x.ir/a ،`c  ي` و، ب"),  # found by hypothesis
        ("https://x.ir/a ،ي و، ب", "https://x.ir/a ، ی و، ب"),
        # a sentence mark the URL leaves out, then the space: kept as well (found by hypothesis)
        ("https://x.ir/(ب)، ،`a  =  ي` و، ب", "https://x.ir/(ب)، ،`a  =  ي` و، ب"),
        ("https://x.ir/ب،  .`a  =  ي` و، ب", "https://x.ir/ب،  .`a  =  ي` و، ب"),
        ("www.isna.ir/news ؟!ي و، ب", "www.isna.ir/news ؟! ی و، ب"),
        # must still change: spaces after a URL before a word collapse, trailing ones go
        ("https://x.ir/a   متن و، ب", "https://x.ir/a متن و، ب"),
        ("https://x.ir/a   \nب", "https://x.ir/a\nب"),
        # and a Latin word (which ends at the mark) loses its slip space as any word does
        ("Hello ، سلام، ب", "Hello، سلام، ب"),
    ],
)
def test_the_space_after_a_url(text: str, expected: str) -> None:
    out = fix(text)
    assert out == expected
    assert fix(out) == out
    assert fix_with_edits(text)[0] == out


def test_full_punct_spacing_keeps_it_too() -> None:
    assert fix("https://x.ir/a )", punct_spacing="full") == "https://x.ir/a )"
    assert fix("متن )", punct_spacing="full") == "متن)"
