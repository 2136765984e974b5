"""The news style's rows of session 19 (bench/zwnj/quality19s.md): the compound pronouns and
adverbs of «هیچ» (هیچ‌کس, هیچ‌وقت, هیچ‌گاه, هیچ‌گونه, هیچ‌کدام, هیچ‌یک), «چه‌بسا» and
«رییس‌جمهور», the other spelling of «رئیس‌جمهور», and «ذوب‌آهن».

Every expected value was written by hand: Z is the ZWNJ. The sentences are made up, or shaped
like the crawled agency lines the rows join (bench/zwnj/style_real.py). The must-not-change rows
are the neighbours the group must leave alone: longer words, the rows left out on purpose
(هیچ چیز, هیچ وجه), glued spellings and the default style.
"""

from __future__ import annotations

import pytest

from khabar.text.fix import fix
from khabar.text.style import apply_style

Z = "\u200c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("من با هیچ کس قهر نیستم", f"من با هیچ{Z}کس قهر نیستم"),
        ("هیچ کسی انتظار نداشت", f"هیچ{Z}کسی انتظار نداشت"),
        ("ما هیچ وقت منتظر نبودیم", f"ما هیچ{Z}وقت منتظر نبودیم"),
        ("اصلاح‌طلبان هیچ گاه به دنبال آن نبوده‌اند", f"اصلاح‌طلبان هیچ{Z}گاه به دنبال آن نبوده‌اند"),
        ("هیچ گونه مشکلی ندارد", f"هیچ{Z}گونه مشکلی ندارد"),
        ("هیچ کدام از آنها نیامدند", f"هیچ{Z}کدام از آنها نیامدند"),
        ("هیچ یک از مربیان حضور نداشتند", f"هیچ{Z}یک از مربیان حضور نداشتند"),
        ("چه بسا لایحه هم با همین سیاق بیاید", f"چه{Z}بسا لایحه هم با همین سیاق بیاید"),
        ("معاون اول رییس جمهور گفت", f"معاون اول رییس{Z}جمهور گفت"),
        ("رییس جمهوری ترکیه", f"رییس{Z}جمهوری ترکیه"),
        ("تیم ذوب آهن اصفهان", f"تیم ذوب{Z}آهن اصفهان"),
        # two spaces, punctuation around: still the pair
        ("«هیچ  کس»، هیچ‌کس", f"«هیچ{Z}کس»، هیچ‌کس"),
    ],
)
def test_news_joins_the_new_rows(text: str, expected: str) -> None:
    assert apply_style(text, "news") == expected


@pytest.mark.parametrize(
    "text",
    [
        "هیچ گونه‌ای از این گیاه نماند",  # no species: a longer word after the pair
        "هیچ کسب و کاری نماند",  # کسب is not کس
        "هیچ کسانی نیامدند",  # no tail but ی for کس
        "هیچ وقتی نداشت",  # no tail for وقت
        "هیچ یکی",  # no tail for یک
        "هیچ چیز نگفت",  # left out: web text joins it rarely
        "به هیچ وجه",  # left out likewise
        "هیچکس و هیچوقت",  # glued: a spelling of its own, kept
        "هیچ، کس",  # nothing joins across punctuation
        "هیچ\nکس",  # nor across a line break
        "چه بسیار",  # a longer word
        "رییس جمهورها",  # no plural tail
        "ذوب آهنی‌ها",  # a ZWNJ touches the pair's edge (no tail ی for ذوب آهن)
        "ذوب آهنگ",  # a longer word
    ],
)
def test_news_leaves_the_neighbours_alone(text: str) -> None:
    assert apply_style(text, "news") == text


@pytest.mark.parametrize("text", ["هیچ کس نیامد", "چه بسا", "رییس جمهور"])
def test_the_default_style_keeps_them_apart(text: str) -> None:
    assert fix(text) == text
    assert apply_style(text, "treebank") == text
