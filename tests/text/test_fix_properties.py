"""Hypothesis properties of khabar.fix: idempotent, never raises, keeps lines and identifiers."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from khabar.document import Edit
from khabar.text.fix import fix, fix_with_edits
from khabar.text.normalize import LINE_BREAKS
from khabar.text.protect import VERBATIM, find_spans

from .verbatim import outside_verbatim

ZWNJ = "\u200c"
# The characters the rules are about, so examples hit them often.
MESSY = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئآأؤةۀ"
    "يىكڪ\u0654\u064b\u064e\u0650\u0651\u0640"
    "۰۱۲٤٥0123456789"
    " \u00a0\u2009\u202f\t\n\r\u2028"
    "\u200c\u200c\u200b\u200d\u200e\u200f\ufeff\u00ad"
    "ﻛﺘﺎﺏﻻﷲﷺ"
    ".،؛:!؟?()«»[]/,#@`-_"
    "abcXYZé"
)
messy_text = st.text(alphabet=MESSY, max_size=80)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: a ZWNJ must have a letter or a mark on both sides ([^\W\d_] is "a letter" in Python's re)
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0300-\u036f\u0900-\u0dff"
_BAD_ZWNJ = re.compile(f"(?<![^\\W\\d_])(?<![{_MARKS}]){ZWNJ}|{ZWNJ}(?![^\\W\\d_])(?![{_MARKS}])")


def test_the_bad_zwnj_check_itself() -> None:
    assert _BAD_ZWNJ.search("می\u200c روم") and _BAD_ZWNJ.search("\u200cها")
    assert _BAD_ZWNJ.search("۱۲\u200cها") and _BAD_ZWNJ.search("کتاب\u200c\u200cها")
    assert not _BAD_ZWNJ.search("می\u200cروم") and not _BAD_ZWNJ.search("کتابِ\u200cها")



@SETTINGS
@given(st.text(max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    assert isinstance(fix(text), str)
    assert isinstance(fix(text, zwnj="off", punct_spacing="full", digits="persian"), str)


@SETTINGS
@given(messy_text)
def test_idempotent_without_the_engine(text: str) -> None:
    once = fix(text, zwnj="off")
    assert fix(once, zwnj="off") == once


@SETTINGS
@given(messy_text)
def test_idempotent_with_every_style(text: str) -> None:
    policy = {"zwnj": "off", "digits": "latin", "heh_yeh": "yeh", "punct_spacing": "full",
              "diacritics": "remove", "teh_marbuta": "heh"}  # fmt: skip
    once = fix(text, **policy)
    assert fix(once, **policy) == once


@SETTINGS
@given(messy_text)
def test_idempotent_with_the_engine(text: str) -> None:
    once = fix(text)
    assert fix(once) == once


@SETTINGS
@given(messy_text)
def test_no_arabic_yeh_or_kaf_left(text: str) -> None:
    out = outside_verbatim(fix(text))
    assert "\u064a" not in out and "\u0643" not in out


@SETTINGS
@given(messy_text)
def test_no_zwnj_next_to_a_space_or_at_a_word_edge(text: str) -> None:
    for out in (fix(text, zwnj="off"), fix(text)):
        rest = outside_verbatim(out)
        assert not _BAD_ZWNJ.search(rest), repr(rest)


@SETTINGS
@given(messy_text)
def test_every_line_break_is_kept(text: str) -> None:
    out = fix(text)
    for br in LINE_BREAKS:
        assert out.count(br) == text.count(br)


@SETTINGS
@given(messy_text)
def test_edits_undo_to_the_input(text: str) -> None:
    out, edits = fix_with_edits(text)
    assert out == fix(text)
    back = out
    for e in reversed(edits):
        assert back[e.offset : e.offset + len(e.after)] == e.after
        back = back[: e.offset] + e.before + back[e.offset + len(e.after) :]
    assert back == text


IDENTIFIERS = st.sampled_from(
    [
        "https://fa.wikipedia.org/wiki/كشور_(ايران)",
        "http://x.ir/a?b=1&c=ي",
        "www.tasnimnews.com/fa",
        "info@khabar.ir",
        "#هشتگ_عربي",
        "#کتاب\u200cها",
        "@كاربر",
        "`a  =  b`",
        "COVID-19",
        "e.g",
        "café",
    ]
)
WORDS = st.sampled_from(["كتاب", "مي", "روم", "(", "»", "،", "۱۲", ":", "\u00a0", "\u200c", "ﻻ"])


@SETTINGS
@given(st.lists(st.one_of(IDENTIFIERS, WORDS), max_size=12))
def test_identifiers_are_copied_byte_for_byte(parts: list[str]) -> None:
    text = " ".join(parts)
    expected = [s.text for s in find_spans(text) if s.kind in VERBATIM]
    out = fix(text, digits="persian", punct_spacing="full")
    assert [s.text for s in find_spans(out) if s.kind in VERBATIM] == expected


@SETTINGS
@given(messy_text, messy_text)
def test_lines_are_fixed_independently(a: str, b: str) -> None:
    """What fix_stream's batching relies on: no rule looks across a \\n."""
    for policy in ({"zwnj": "off"}, {"zwnj": "off", "punct_spacing": "full"}, {}):
        assert fix(a + "\n" + b, **policy) == fix(a, **policy) + "\n" + fix(b, **policy)


NUMBERS = st.sampled_from(["3.5", "1,000", "۱۴۰۲/۰۷/۱۹", "12:30", "۳٫۵", "۱٬۰۰۰", "٤٥", "2016"])


SPACING_CONTEXT = st.sampled_from(
    ["كتاب", "روم", ".", ":", "،", "؛", " ", "  ", "(", ")", "«", "»", "ق.ظ"]
)


@SETTINGS
@given(st.lists(st.one_of(NUMBERS, SPACING_CONTEXT), max_size=14))
def test_numbers_are_never_changed_by_spacing(parts: list[str]) -> None:
    """Numbers get no span in fix: every rule must leave them alone by construction."""
    text = "".join(parts)
    numbers = [s.text for s in find_spans(text) if s.kind == "number"]
    for policy in ({"punct_spacing": "add"}, {"punct_spacing": "full"}):
        out = fix(text, zwnj="off", **policy)
        assert [s.text for s in find_spans(out) if s.kind == "number"] == numbers


#: what stands between a text and a far-away suffix: a line break, or 10+ characters that
#: ``fix`` leaves as they are (digits between spaces; used only when the texts on either side are
#: fixed as they would be alone, see below)
FAR = st.sampled_from(["\n", "\n\n", "\r\n", "\u2028", " ۱۲۳۴۵۶۷۸۹۰ ", " 0123456789 . "])


def _blank_edge(s: str) -> bool:
    """Whether ``s`` starts with a space, perhaps behind invisible format characters or stray
    marks that fix removes («\u200b », found by hypothesis: x = "0 \u200b" ends in a space once
    its ZWSP goes, which alone is trailing and removed, but before the separator is collapsed;
    the same for a tanvin with no letter under it, x = "0 \u064b")."""
    head = s.lstrip("".join(ch for ch in s[:8] if unicodedata.category(ch) in ("Cf", "Mn")))
    return head[:1].isspace()


def _rows(edits: list[Edit], shift: int = 0) -> list[tuple[int, str, str, str]]:
    return [(e.offset + shift, e.before, e.after, e.rule) for e in edits]


@SETTINGS
@given(messy_text, FAR, messy_text)
@example("0 \u200b", " ۱۲۳۴۵۶۷۸۹۰ ", "")  # a space behind a ZWSP is x's trailing space
@example("0 \u064b", " ۱۲۳۴۵۶۷۸۹۰ ", "0")  # and behind a stray tanvin (removed by fix)
def test_edits_of_a_text_do_not_depend_on_a_far_away_suffix(x: str, far: str, t: str) -> None:
    """Issue #3: how a spot is reported depends only on the changes at that spot. The edits of
    ``x`` are the first edits of ``x + far + t`` (same offsets, before, after, rule), and the
    rest are ``t``'s own, moved (before the fix, a double space in ``t`` joined a deletion in
    ``x`` with the substitutions touching it into one edit)."""
    if "\n" not in far and (_blank_edge(x[::-1]) or _blank_edge(t)):
        return  # x's trailing spaces would join the separator's (collapsed, not removed)
    for policy in ({"zwnj": "off"}, {"zwnj": "off", "punct_spacing": "full"}, {}):
        out_x, edits_x = fix_with_edits(x, **policy)
        out_t, edits_t = fix_with_edits(t, **policy)
        out, edits = fix_with_edits(x + far + t, **policy)
        assert out == fix(x + far + t, **policy)
        if out != out_x + far + out_t:
            # a line break always separates (test_lines_are_fixed_independently); digits may
            # not (trailing spaces of x, a number or a URL reaching over them): not this test's
            assert "\n" not in far
            continue
        assert _rows(edits[: len(edits_x)]) == _rows(edits_x)
        assert _rows(edits[len(edits_x) :]) == _rows(edits_t, len(out_x) + len(far))


@pytest.mark.parametrize(
    ("x", "suffix"),
    [
        ("ي\u200bي", " و  ب"),  # the report of issue #3: a double space four characters later
        ("ي\u200bي", "\nو  ب"),
        ("ي\u200b\u200bك", "\n\u00a0\u00a0"),
        ("مي\u200b خواهم", "\nكتاب  ها"),
    ],
)
def test_a_deletion_between_substitutions_is_reported_alike_with_any_suffix(
    x: str, suffix: str
) -> None:
    _, alone = fix_with_edits(x, zwnj="off")
    _, longer = fix_with_edits(x + suffix, zwnj="off")
    assert longer[: len(alone)] == alone
