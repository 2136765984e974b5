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
        # a domain may open with ASCII digits (session 19 read «gag.com» and «ir» as Latin words)
        ("9gag.com/كتاب", [("url", "9gag.com/كتاب")]),
        ("خبر 123.ir/a/كتاب", [("url", "123.ir/a/كتاب")]),
        ("سایت9gag.com/x", [("url", "9gag.com/x")]),
        ("(9gag.com/x).", [("url", "9gag.com/x")]),
        # must not change: numbers and versions, a digit domain without a path
        ("3.5 و 1.2.3 و v1.2", [("latin", "v1.2")]),
        ("9gag.com، خبر", [("latin", "gag.com")]),
        # Persian and Arabic-Indic digits are no part of a domain
        ("۱۲۳.ir/a", [("latin", "ir"), ("latin", "a")]),
        # inside a word: not read from its middle
        ("x_y.ir/كتاب", [("latin", "x_y.ir")]),
        ("x_9gag.com/كتاب", [("latin", "x_9gag.com")]),
        ("۱9gag.com/x", [("latin", "gag.com"), ("latin", "x")]),
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
        # a domain opening with digits too (session 19 folded ك and wrote a ZWNJ in its path)
        ("9gag.com/كتابها", "9gag.com/كتابها"),
        ("خبر 123.ir/a/كتابها", "خبر 123.ir/a/كتابها"),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a link's digits are its own: the digits policy leaves them (session 19: ۱۲۳.ir/a)
        ("123.ir/a", "123.ir/a"),
        ("9gag.com/x", "9gag.com/x"),
        # must not change: a number stays a number, its digits follow the policy
        ("3.5 و 1.2.3", "۳.۵ و ۱.۲.۳"),
    ],
)
def test_digit_domains_and_the_digits_policy(text: str, expected: str) -> None:
    out = fix(text, digits="persian")
    assert out == expected
    assert fix(out, digits="persian") == out
