"""The news style's group of manner adverbs made by «به» and a noun (به‌خوبی, به‌سختی,
به‌تنهایی), added in session 13 (bench/zwnj/quality13s.md).

Every expected value was written by hand: Z is the ZWNJ. The must-not-change rows are the
neighbours the group must leave alone: the preposition before a noun that is no adverb of the
list, the nouns left out on purpose because they often follow the preposition itself (به مرور،
به ظاهر، به زحمت، به درستی، به اشتباه), longer words, glued spellings and the default style.
"""

from __future__ import annotations

import pytest

from khabar.text.fix import fix
from khabar.text.style import apply_style, load_pairs

Z = "\u200c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each adverb of the group, as written by crawled agency and treebank sentences
        ("او را به خوبی می‌شناسم", f"او را به{Z}خوبی می‌شناسم"),
        ("و به سختی تلاش می‌کند", f"و به{Z}سختی تلاش می‌کند"),
        ("دیگر به آسانی وارد کشور نمی‌شوند", f"دیگر به{Z}آسانی وارد کشور نمی‌شوند"),
        ("ما به سادگی نمی‌توانیم", f"ما به{Z}سادگی نمی‌توانیم"),
        ("آن را به دقت دیده بود", f"آن را به{Z}دقت دیده بود"),
        ("به راستی چه کسی آمد", f"به{Z}راستی چه کسی آمد"),
        ("که به روشنی گویای میزان است", f"که به{Z}روشنی گویای میزان است"),
        ("که به وضوح از حقوق گذشت", f"که به{Z}وضوح از حقوق گذشت"),
        ("او به تنهایی قادر به کار نیست", f"او به{Z}تنهایی قادر به کار نیست"),
        ("کسی به اجبار پولش را نداد", f"کسی به{Z}اجبار پولش را نداد"),
        ("به ناگاه سر از خاک برآورد", f"به{Z}ناگاه سر از خاک برآورد"),
        ("این کالا به وفور یافت می‌شود", f"این کالا به{Z}وفور یافت می‌شود"),
        ("به علاوه، هزینه را پرداخت", f"به{Z}علاوه، هزینه را پرداخت"),
        # half joined, or two spaces: still the pair
        (f"به{Z}خوبی و به  سادگی", f"به{Z}خوبی و به{Z}سادگی"),
        # punctuation around the pair is no obstacle
        ("«به راستی؟»", f"«به{Z}راستی؟»"),
        # beside the older groups, each on its own
        ("به عنوان نمونه به خوبی کار کرد", f"به{Z}عنوان نمونه به{Z}خوبی کار کرد"),
    ],
)
def test_news_joins_the_manner_adverbs(text: str, expected: str) -> None:
    assert apply_style(text, "news") == expected


@pytest.mark.parametrize(
    "text",
    [
        # left out of the file: the noun often follows the preposition itself
        "با توجه به اشتباه تاثیرگذارش",  # to his mistake
        "جهان به درستی آنها گواهی می‌دهد",  # testifies to their rightness
        "به مرور خاطرات پرداخت",  # turned to reviewing memories
        "توجه به ظاهر کار",  # attention to appearance
        "او را به زحمت می‌اندازند",  # put him into trouble
        "به اندازه کافی",
        "به نسبت سال قبل",
        "به موقع رسید",
        # longer words hold the adverb's noun
        "به خوبی‌اش اعتماد دارم",  # to its goodness: a ZWNJ touches the pair's edge
        "به سختیها عادت کرد",  # to hardships: سختیها is another word
        "به تنهاییم",
        "رسید به وضوحی تازه",  # to a new clarity: the tail ی is not in the file
        "همبه خوبی",  # no pair when a letter touches its first word
        # glued spellings are the writer's own and are kept
        "بخوبی می‌داند",
        "بسختی",
        # never across punctuation or a line break
        "به، خوبی",
        "به\nسختی",
        # the preposition before other nouns
        "به خانه رفت",
        "به او گفت",
    ],
)
def test_news_leaves_these_alone(text: str) -> None:
    assert apply_style(text, "news") == text


@pytest.mark.parametrize("text", ["او را به خوبی می‌شناسم", "به تنهایی", "به علاوه"])
def test_the_default_style_keeps_them_apart(text: str) -> None:
    assert fix(text) == text
    assert apply_style(text, "treebank") == text


def test_the_left_out_nouns_are_not_in_the_file() -> None:
    apart = {pair.apart for pair in load_pairs("news")}
    for noun in ("اشتباه", "درستی", "مرور", "ظاهر", "زحمت", "اندازه", "نسبت", "موقع"):
        assert f"به {noun}" not in apart, noun
    assert {"به خوبی", "به سختی", "به تنهایی", "به علاوه"} <= apart


def test_fix_with_the_news_style_joins_them_after_the_engine() -> None:
    assert fix("او به خوبی می دانست", style="news") == f"او به{Z}خوبی می{Z}دانست"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ثبت نام (registration), the crawled agencies' spelling
        ("مراحل ثبت نام خود را طی کرد", f"مراحل ثبت{Z}نام خود را طی کرد"),
        ("آنها ثبت نام کردند", f"آنها ثبت{Z}نام کردند"),
        ("آغاز ثبت نام نهایی", f"آغاز ثبت{Z}نام نهایی"),
        # must not change: a longer word, the plural with its ZWNJ, a glued spelling
        ("ثبت نامه را دید", "ثبت نامه را دید"),
        (f"ثبت نام{Z}ها", f"ثبت نام{Z}ها"),
        ("ثبتنام", "ثبتنام"),
        ("نام را ثبت کرد", "نام را ثبت کرد"),
    ],
)
def test_news_joins_sabt_nam(text: str, expected: str) -> None:
    assert apply_style(text, "news") == expected
    assert apply_style(text, "treebank") == text
