"""Bare domains with a path (no scheme, no www.) are links, copied byte for byte (issue #3: "never
inside URLs"): ``isna.ir/news/كتابها`` kept its path's Arabic ك and got no ZWNJ only when written
with ``https://`` or ``www.``. What is no domain (a number, a version, a file name, an
abbreviation, a word it is glued into) stays as before. Expected outputs worked out by hand."""

from __future__ import annotations

import pytest

from khabar.text.fix import fix, fix_with_edits
from khabar.text.protect import find_verbatim

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a domain with a path is one link, up to the space; sentence marks after it trimmed
        ("خبر isna.ir/news/كتابها را", [("url", "isna.ir/news/كتابها")]),
        ("bbc.co.uk/persian/iran-123.", [("url", "bbc.co.uk/persian/iran-123")]),
        ("منبع: farsnews.ir/news/14020719،", [("url", "farsnews.ir/news/14020719")]),
        ("(isna.ir/a/كتاب)", [("url", "isna.ir/a/كتاب")]),
        ("«t.me/s/كانال»", [("url", "t.me/s/كانال")]),
        ("example.com:8080/كتاب", [("url", "example.com:8080/كتاب")]),
        ("isna.ir?id=12", [("url", "isna.ir?id=12")]),
        ("ISNA.IR/كتاب", [("url", "ISNA.IR/كتاب")]),
        # glued to a Persian word on its left (a crawl lost the space), as a www. link is
        ("سایتisna.ir/کتابها", [("url", "isna.ir/کتابها")]),
        # must not change: a domain without a path is the Latin word it always was
        ("isna.ir، خبر", [("latin", "isna.ir")]),
        ("isna.ir: خبر", [("latin", "isna.ir")]),
        ("isna.ir? خبر", [("latin", "isna.ir")]),
        # no TLD, or no domain: Latin words and numbers as before
        ("file.txt/كتاب", [("latin", "file.txt")]),
        ("Node.js/كتاب", [("latin", "Node.js")]),
        ("v1.2/x", [("latin", "v1.2"), ("latin", "x")]),
        ("U.S./كتاب", [("latin", "U.S")]),
        ("نسخه 3.5/4", []),
        # inside a word: not read from its middle
        ("9gag.com/كتاب", [("latin", "gag.com")]),
        ("x_y.ir/كتاب", [("latin", "x_y.ir")]),
        # an e-mail stays an e-mail (me is a TLD)
        ("john.me@gmail.com/كتاب", [("email", "john.me@gmail.com")]),
        # a scheme URL as before
        ("https://isna.ir/كتاب", [("url", "https://isna.ir/كتاب")]),
    ],
)
def test_domain_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.kind, s.text) for s in find_verbatim(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the path is not repaired: no ك folded, no ZWNJ inserted
        ("خبر isna.ir/news/كتابها را ميخواهم", "خبر isna.ir/news/كتابها را می‌خواهم"),
        ("سایتisna.ir/کتابها", "سایتisna.ir/کتابها"),
        ("در bbc.co.uk/persian/كتابها.", "در bbc.co.uk/persian/كتابها."),
        ("isna.ir/news/كتاب، كتابها", f"isna.ir/news/كتاب، کتاب{ZWNJ}ها"),
        # the space that ends the link stays, as a URL's (the slip rule elsewhere in the line)
        ("isna.ir/a ،۱۲ و، ب", "isna.ir/a ،۱۲ و، ب"),
        # must change as before: what is no link is text
        ("file.txt/كتابها", f"file.txt/کتاب{ZWNJ}ها"),
        ("isna.ir، كتابها", f"isna.ir، کتاب{ZWNJ}ها"),
    ],
)
def test_fix_keeps_domain_links(text: str, expected: str) -> None:
    out = fix(text)
    assert out == expected
    assert fix(out) == out
    assert fix_with_edits(text)[0] == out
