"""The news house style (khabar.text.style): which pairs join, which neighbours must not, and
that ``fix`` runs it after the ZWNJ engine only when asked, with edits that explain it.

Every expected value below was written by hand: Z is the ZWNJ, and each case says why.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.errors import ConfigError
from khabar.text.fix import Fixer, _final_edits, fix, fix_with_edits
from khabar.text.policy import FixPolicy, Style
from khabar.text.style import apply_style, find_style, load_pairs, parse_pairs, style_rules

Z = "\u200c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the brief's pairs, written apart (the treebank spelling) -> one word with a ZWNJ
        ("او به عنوان رئیس آمد", f"او به{Z}عنوان رئیس آمد"),
        ("گفت این که می‌آید", f"گفت این{Z}که می‌آید"),
        ("نه تنها او", f"نه{Z}تنها او"),
        ("حفظ محیط زیست", f"حفظ محیط{Z}زیست"),
        ("این گونه است", f"این{Z}گونه است"),
        ("در حالی که رفت", f"درحالی{Z}که رفت"),  # در and حالی glue without a ZWNJ
        ("هم زمان با جلسه", f"هم{Z}زمان با جلسه"),
        # a pair half joined with a ZWNJ, or spaced twice
        (f"به{Z}طوری که همه", f"به{Z}طوری{Z}که همه"),
        (f"در حالی{Z}که رفت", f"درحالی{Z}که رفت"),
        # در + حالی glued, as the news spelling glues them: only the ZWNJ before که was lost
        ("درحالی که رفت", f"درحالی{Z}که رفت"),
        (f"در{Z}حالی که رفت", f"درحالی{Z}که رفت"),
        ("این  که", f"این{Z}که"),
        # three words, longest first: به طوری که is one conjunction, به طور an adverb
        ("به طوری که همه", f"به{Z}طوری{Z}که همه"),
        ("به طور کلی", f"به{Z}طور کلی"),
        # the tail ی of the file: the adjective and the noun of a compound
        ("مسائل محیط زیستی", f"مسائل محیط{Z}زیستی"),
        ("دفتر رئیس جمهوری", f"دفتر رئیس{Z}جمهوری"),
        # punctuation outside a pair is no obstacle
        ("«این که» چه شد؟", f"«این{Z}که» چه شد؟"),
        ("گفت: به ویژه، نه تنها.", f"گفت: به{Z}ویژه، نه{Z}تنها."),
        # several pairs in one line, each on its own
        ("به عنوان نمونه این گونه و همان طور", f"به{Z}عنوان نمونه این{Z}گونه و همان{Z}طور"),
    ],
)
def test_news_joins_the_pairs(text: str, expected: str) -> None:
    assert apply_style(text, "news") == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        # already in news style
        f"او به{Z}عنوان رئیس آمد و این{Z}که درحالی{Z}که",
        # a longer word holds the pair's first or last word
        "همین که رسید",  # همین, not این
        "این کهنه را دید",  # کهنه (old), not که
        "به عنوانی اشاره کرد",  # to a title: not the preposition
        f"به عنوان{Z}های کتاب",  # to the titles of the book
        f"این گونه{Z}ها در خطرند",  # these species
        "به طوری رسید",  # طوری without که, and به طور takes no tail
        "محیط زیستها",  # no such tail
        "آن که رفت",  # he who left: not in the file
        "آن هم زمانی است که",  # that too is a time when: هم is "also", so هم زمان takes no tail
        # glued spellings, correct in both styles: a writer who glued any two words of a pair
        # chose a third spelling, and it is kept
        "همزمان با جلسه",
        "هماکنون",
        "گفت اینکه می‌آید",
        "درحالیکه رفت",
        "در حالیکه رفت",
        "درحالی‌ که رفت",  # a ZWNJ and a space: not a spelling of the pair
        "بویژه در تهران",
        "بطور کلی",
        # never across punctuation or a line break
        "این، که",
        "نه. تنها",
        "این\nکه",
        "به\r\nعنوان",
        "نه\u00a0تنها",  # a no-break space is no joint of ours (fix turns it into a space first)
        # identifiers are copied as they are
        "#نه تنها",
        "https://example.com/به عنوان",
        # Latin text, digits
        "this is not Persian 1402",
    ],
)
def test_news_leaves_these_alone(text: str) -> None:
    assert apply_style(text, "news") == text


@pytest.mark.parametrize("text", ["او به عنوان رئیس", "این که", "نه تنها", "اینکه"])
def test_treebank_changes_nothing(text: str) -> None:
    assert apply_style(text, "treebank") == text
    assert apply_style(text, Style.TREEBANK) == text
    assert style_rules("treebank") == ()


def test_changes_are_named_and_placed() -> None:
    assert [
        (c.start, c.end, c.replacement, c.rule) for c in find_style("او به عنوان و این که")
    ] == [
        (3, 11, f"به{Z}عنوان", "zwnj.style.news"),
        (14, 20, f"این{Z}که", "zwnj.style.news"),
    ]


def test_an_unknown_style_names_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="valid choices: treebank, news"):
        apply_style("متن", "agency")


# --- the data file -------------------------------------------------------------------------


def test_the_shipped_file_parses_and_every_news_spelling_has_a_zwnj() -> None:
    pairs = load_pairs("news")
    assert len(pairs) >= 20
    for pair in pairs:
        assert Z in pair.news, pair
        # the news spelling of every row is left as it is (idempotence, row by row)
        assert apply_style(pair.news, "news") == pair.news
        assert apply_style(pair.apart, "news") == pair.news


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\tb\n", "line 1: the header must be apart<TAB>news<TAB>tails"),
        ("apart\tnews\ttails\nبه عنوان\tبه\u200cعنوان\n", "line 2: expected 3"),
        ("apart\tnews\ttails\nبه\tبه\t-\n", "'به' is not two or more words"),
        (
            "apart\tnews\ttails\nبه عنوان\tبه\u200cعنوانی\t-\n",
            "is not 'به عنوان' with each space made a ZWNJ or nothing",
        ),
        (
            "apart\tnews\ttails\nبه عنوان\tبهعنوان\t-\n",
            "at least one ZWNJ",
        ),
        (
            "apart\tnews\ttails\nاین  که\tاین\u200cکه\t-\n",
            "is not two or more words",  # a double space makes an empty word
        ),
        (
            "apart\tnews\ttails\nاین که\tاین\u200cکه\t-\nاین که\tاین\u200cکه\tی\n",
            "line 3: 'این که' is already the pair of line 2",
        ),
    ],
)
def test_a_bad_file_says_which_line_and_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_pairs(text)


# --- properties ----------------------------------------------------------------------------

_PIECES = [
    "به", "عنوان", "این", "که", "نه", "تنها", "هم", "زمان", "در", "حالی", "طور", "طوری",
    "محیط", "زیست", "ی", "همین", "کهنه", "ها", "اینکه", "درحالی", "بویژه", "ویژه",
    " ", " ", " ", Z, "،", ".", "\n", "#", "a", "1",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_apply_style_is_idempotent_and_keeps_lines(text: str) -> None:
    once = apply_style(text, "news")
    assert apply_style(once, "news") == once
    assert once.count("\n") == text.count("\n")
    # it only joins: every change writes a pair's news spelling (with one of its tails)
    news = {p.news + tail for p in load_pairs("news") for tail in ("", *p.tails)}
    assert all(c.replacement in news for c in find_style(text))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["ي", "ك", "  ", "می", "روم"]), max_size=12).map("".join))
def test_fix_with_news_style_is_idempotent(text: str) -> None:
    once = fix(text, style="news")
    assert fix(once, style="news") == once


# --- inside fix ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "styled"),
    [
        # after the character rules: Arabic yeh, then the pair
        ("رئيس جمهور گفت", f"رئیس{Z}جمهور گفت", True),
        # a glued به‌عنوان whose ZWNJ was lost: the engine restores it, the style has nothing
        # left to do
        ("او بهعنوان رئیس", f"او به{Z}عنوان رئیس", False),
        # spacing collapsed first; the engine's می‌ repair and the style's join side by side
        ("می روم  به عنوان مهمان", f"می{Z}روم به{Z}عنوان مهمان", True),
        # a hashtag is copied as it is, the rest of the line is styled
        ("#نه تنها نه تنها", f"#نه تنها نه{Z}تنها", True),
    ],
)
def test_fix_runs_the_style_after_the_engine(text: str, expected: str, styled: bool) -> None:
    assert fix(text, style="news") == expected
    out, edits = fix_with_edits(text, style="news")
    assert out == expected
    assert any("zwnj.style.news" in e.rule for e in edits) is styled
    # undoing the edits from last to first gives the input back
    undone = out
    for e in reversed(edits):
        undone = undone[: e.offset] + e.before + undone[e.offset + len(e.after) :]
    assert undone == text


@pytest.mark.parametrize("text", ["او به عنوان رئیس آمد", "این که", "نه تنها", "در حالی که"])
def test_fix_default_is_the_treebank_style(text: str) -> None:
    assert fix(text) == text
    assert FixPolicy().style is Style.TREEBANK


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES + ["ي", "ك", "(", "  ", "\u200b"]), max_size=12).map("".join)
)
def test_reference_and_fast_walks_agree_with_the_style(text: str) -> None:
    # the reference walk (_run with edits) and the one fix_with_edits runs (_run_edits) give the
    # same text and the same edits with the news style, as tests/text/test_fix_compose.py checks
    # for the other stages
    for fixer in (Fixer(FixPolicy(style="news")), Fixer(FixPolicy(style="news", zwnj="off"))):
        out, edits, subs = fixer._run_edits(text)
        ref_out, ref_edits = fixer._run(text, [])
        assert out == ref_out == fixer.fix(text)
        assert _final_edits(text, out, edits, subs) == _final_edits(
            text, ref_out, ref_edits or [], {}
        )
