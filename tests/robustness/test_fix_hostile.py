"""``khabar.fix`` on hostile text: never raises, idempotent, keeps every line, and never changes
a non-Persian span (URLs, e-mails, Latin words, numbers, code, mentions, hashtags).

tests/text/test_fix_properties.py covers messy Persian; these cases are the hostile ones: control
characters, lone surrogates, bidi overrides, stacks of diacritics, long lines, and identifiers that
hold Arabic letters the Persian rules would otherwise change.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar import fix, fix_with_edits

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Persian words as crawls have them: Arabic yeh/kaf, a space where a half-space belongs, and
# punctuation standing alone (fix may move the spaces around it, never into an identifier)
WORDS = st.sampled_from(
    ["ميخواهم", "مي خواهم", "كتاب", "تهران", "خبرگزاري", "،", "؟", "«", "»", ".", "ها", "نمي شود"]
)
URLS = st.from_regex(
    r"https?://[a-z]{1,8}\.(ir|com)(/([a-zA-Z0-9_\-]{1,6}|كشور|ي\u200cك))*(\?q=[0-9a-z]{1,4})?",
    fullmatch=True,
)
EMAILS = st.from_regex(r"[a-z][a-z0-9]{0,5}(\.[a-z]{1,4})?@[a-z]{1,6}\.(ir|com)", fullmatch=True)
LATIN = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,8}(-[A-Za-z0-9]{1,4})?", fullmatch=True)
NUMBERS = st.from_regex(r"([0-9]{1,4}|[۰-۹]{1,4}|[٠-٩]{1,4})([.,/:][0-9۰-۹]{1,3})?", fullmatch=True)
CODE = st.from_regex(r"`[a-z_(). =ي]{1,12}`", fullmatch=True)
MENTIONS = st.from_regex(r"@[a-z_]{1,8}", fullmatch=True)
HASHTAGS = st.from_regex(r"#(خبر|عربي|كتاب|news)(_(فوري|ك|x)){0,2}", fullmatch=True)
TOKENS = st.one_of(URLS, EMAILS, LATIN, NUMBERS, CODE, MENTIONS, HASHTAGS)


@SETTINGS
@given(st.lists(st.tuples(st.lists(WORDS, max_size=3), TOKENS), min_size=1, max_size=6), WORDS)
def test_non_persian_spans_come_out_byte_for_byte(parts, last):
    tokens = [tok for _, tok in parts]
    text = " ".join(" ".join([*words, tok]) for words, tok in parts) + " " + last
    out = fix(text)
    for tok in tokens:
        assert tok in out, (text, tok, out)
        assert out.count(tok) >= text.count(tok), (text, tok, out)


#: any code point, lone surrogates included (a str can hold them: JSON "\ud800" escapes do)
ANY_CHAR = st.characters(codec=None, categories=None)
HOSTILE_CHAR = st.sampled_from(
    ["\x00", "\x1b", "\r", "\r\n", "\u2028", "\u202e", "\u200f", "\u200c", "\u200b", "\ufeff",
     "\ud800", "\udfff", "\u064b", "\u0670", "\u0640", "\ufdfa", "\U0001f600", "ي", "ك", " "]
)  # fmt: skip
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_CHAR, WORDS, ANY_CHAR), max_size=60).map("".join)


@SETTINGS
@given(HOSTILE_TEXT)
def test_hostile_text_never_raises_and_fix_is_idempotent(text):
    out = fix(text)
    assert fix(out) == out
    assert out.count("\n") == text.count("\n")


@SETTINGS
@given(HOSTILE_TEXT)
def test_edits_undo_to_the_hostile_input(text):
    out, edits = fix_with_edits(text)
    for e in reversed(edits):
        out = out[: e.offset] + e.before + out[e.offset + len(e.after) :]
    assert out == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # must not change: controls, NULs, bidi marks and lone surrogates are not fix's to judge
        ("a\x00b سلام", "a\x00b سلام"),
        ("\ud800 سلام", "\ud800 سلام"),
        ("\u202eسلام\u202c", "\u202eسلام\u202c"),
        ("سلام\u2028خبر", "سلام\u2028خبر"),
        ("\r\nسلام\r\n", "\r\nسلام\r\n"),
        # identifiers holding Arabic letters stay Arabic; the Persian word beside them is repaired
        ("https://fa.wikipedia.org/wiki/كشور كشور", "https://fa.wikipedia.org/wiki/كشور کشور"),
        ("`print(ي)` ي", "`print(ي)` ی"),
        ("#خبر_عربي عربي", "#خبر_عربي عربی"),
        # a stack of fifty tanwins on one letter: one is kept (a stray repeat is removed)
        ("ی" + "\u064b" * 50, "ی\u064b"),
        # a byte-order mark inside text is removed
        ("\ufeffسلام", "سلام"),
    ],
)
def test_hostile_cases(text, expected):
    assert fix(text) == expected


def test_a_one_megabyte_line():
    text = "مي خواهم به تهران برگردم. " * 40_000  # 1 MB without a line break
    out = fix(text)
    assert out.count("\n") == 0
    assert out == "می‌خواهم به تهران برگردم. " * 39_999 + "می‌خواهم به تهران برگردم."
