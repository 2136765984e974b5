"""Protected spans: what protect.find_spans finds, and what it must leave alone."""

from __future__ import annotations

import pytest

from khabar.text.protect import find_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   ", []),
        ("متن فارسی بدون عدد", []),
        ("در https://tasnimnews.com/fa/x.", [("url", "https://tasnimnews.com/fa/x")]),
        ("(http://a.ir/x).", [("url", "http://a.ir/x")]),
        ("https://fa.wikipedia.org/wiki/A_(B)", [("url", "https://fa.wikipedia.org/wiki/A_(B)")]),
        ("www.isna.ir،", [("url", "www.isna.ir")]),
        # a link glued to the word before it (a crawl lost the space): still a URL, Persian path
        # and all; after a Latin letter or a digit «www» is part of a word, as before
        ("سایتwww.isna.ir/کتابها", [("url", "www.isna.ir/کتابها")]),
        ("منبعwww.x.ir.", [("url", "www.x.ir")]),
        ("awww.x.ir", [("latin", "awww.x.ir")]),
        ("۲www.x.ir", [("number", "۲"), ("latin", "www.x.ir")]),
        ("ـwww.x.ir", [("latin", "www.x.ir")]),  # tatweel: deleted by fix, so no URL start
        ("info@khabar.ir", [("email", "info@khabar.ir")]),
        ("#هشتگ_فارسی", [("hashtag", "#هشتگ_فارسی")]),
        ("#کتاب\u200cها", [("hashtag", "#کتاب\u200cها")]),
        ("&#8204;", [("entity", "&#8204;")]),  # an HTML entity: no hashtag, no number
        ("@user_name", [("mention", "@user_name")]),
        ("`a  b`", [("code", "`a  b`")]),
        ("COVID-19", [("latin", "COVID-19")]),
        ("e.g.", [("latin", "e.g")]),  # the final dot ends the sentence
        ("3.5", [("number", "3.5")]),
        ("1,000", [("number", "1,000")]),
        ("۱۴۰۲/۰۷/۱۹", [("number", "۱۴۰۲/۰۷/۱۹")]),
        ("12:30", [("number", "12:30")]),
        ("۳٫۵", [("number", "۳٫۵")]),
        ("٤٥", [("number", "٤٥")]),
        ("سال 1402.", [("number", "1402")]),
    ],
)
def test_spans(text: str, expected: list[tuple[str, str]]) -> None:
    spans = find_spans(text)
    assert [(s.kind, s.text) for s in spans] == expected
    for s in spans:
        assert text[s.start : s.end] == s.text
