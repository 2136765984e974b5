"""ZWNJ engine rules for spaced text (issue #3, session 11): each table was written and checked
by hand, with rows that must not change. Notes and numbers: bench/zwnj/quality11s.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import LETTER_NAMES, NOT_AFTER_WITHOUT, WITHOUT, ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"


# ---- a bare «بی» before a known word, in a spaced line --------------------------------------

WITHOUT_ROWS = [
    # in a line whose ZWNJs became spaces (the spaced «می» or «ها» says so), the prefix «بی»
    # (without) joins a word the lexicon knows but never saw with it: all of them, with no
    # exception; an unrivalled team; hornless deer; tactless managers
    ("همه بی استثنا می آیند", f"همه بی{Z}استثنا می{Z}آیند"),
    ("این تیم بی رقیب می ماند", f"این تیم بی{Z}رقیب می{Z}ماند"),
    ("گوزن ها بی شاخ هستند", f"گوزن{Z}ها بی{Z}شاخ هستند"),
    ("مدیران بی تدبیر می گویند", f"مدیران بی{Z}تدبیر می{Z}گویند"),
    ("کودکان بی خانه می گویند", f"کودکان بی{Z}خانه می{Z}گویند"),
    # must not change: with no sign of spaced damage the space is the author's (no source of
    # the lexicon writes «بیخانه» or «بیحکومت»; hazm's word list writes «بی‌تدبیر» and
    # «بی‌استثنا», the rows that said this before session 15: see the next table)
    ("کودکان بی خانه گفتند", "کودکان بی خانه گفتند"),
    ("مردم بی حکومت آمدند", "مردم بی حکومت آمدند"),
    # a word the lexicon writes with «بی» and a ZWNJ joins in any line, as «بی‌رحم» (TRAIN) and
    # «بی‌کفایت» (shekar's list) did before: «بی‌تدبیر», «بی‌استثنا» come from hazm's list
    ("مدیران بی تدبیر گفتند", f"مدیران بی{Z}تدبیر گفتند"),
    ("همه بی استثنا آمدند", f"همه بی{Z}استثنا آمدند"),
    ("مدیران بی رحم گفتند", f"مدیران بی{Z}رحم گفتند"),
    # must not change: before a determiner or a conjunction «بی» is a word of its own
    # (without any doubt; without that he knows)
    ("بی هیچ شکی می گوید", f"بی هیچ شکی می{Z}گوید"),
    ("بی آن که بداند می رود", f"بی آن که بداند می{Z}رود"),
    # must not change: «بی» as the letter B of a spelled-out name (BBC, NBC, BMW), and the
    # title «بی بی»
    ("شبکه بی بی سی می گوید", f"شبکه بی بی سی می{Z}گوید"),
    ("شبکه ان بی سی ها را می گوید", f"شبکه ان بی سی{Z}ها را می{Z}گوید"),
    ("خودرو بی ام و می خرند", f"خودرو بی ام و می{Z}خرند"),
    ("بی بی خانم می آید", f"بی بی خانم می{Z}آید"),
    # written with its ZWNJs already
    (f"همه بی{Z}استثنا می{Z}آیند", f"همه بی{Z}استثنا می{Z}آیند"),
]


@pytest.mark.parametrize(("text", "expected"), WITHOUT_ROWS)
def test_without_in_spaced_lines(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_not_after_without() -> None:
    """The words «بی» stays apart from hold the letter names and the function words the
    treebanks write after a bare «بی» (UD TRAIN: آن 16, هیچ 7, آنکه 3, این 1)."""
    assert WITHOUT in LETTER_NAMES
    assert LETTER_NAMES <= NOT_AFTER_WITHOUT
    assert {"آن", "هیچ", "آنکه", "این", "را", "و", "که"} <= NOT_AFTER_WITHOUT
    assert "استثنا" not in NOT_AFTER_WITHOUT


# ---- two sure compounds read a line as spaced damage ----------------------------------------

SPACED_COMPOUND_ROWS = [
    # no spaced «می» or plural, but two pairs the lexicon writes as one word (روزنامه‌نگار,
    # سیاست‌مدار; نخست‌وزیر, روزنامه‌نگار): the line's ZWNJs became spaces, so its pairs
    # written joined about as often as apart join too (هیئت‌مدیره, رئیس‌جمهور; these rows used
    # «درحالی که» until session 13 made it a sure join, test_zwnj_quality13s.py)
    (
        "روزنامه نگار گفت هیئت مدیره سیاست مدار رفت",
        f"روزنامه{Z}نگار گفت هیئت{Z}مدیره سیاست{Z}مدار رفت",
    ),
    (
        "نخست وزیر و روزنامه نگار با رئیس جمهور دیدار کردند",
        f"نخست{Z}وزیر و روزنامه{Z}نگار با رئیس{Z}جمهور دیدار کردند",
    ),
    # must not change the weak pair: one such compound may be the author's own spacing
    ("روزنامه نگار گفت هیئت مدیره رفت", f"روزنامه{Z}نگار گفت هیئت مدیره رفت"),
    ("نخست وزیر با رئیس جمهور دیدار کرد", f"نخست{Z}وزیر با رئیس جمهور دیدار کرد"),
    # must not change the weak pair: a bound suffix and a personal ending joined are no such
    # sign (authors write بین المللی and شده اند apart on purpose)
    (
        "مسابقات بین المللی برگزار شده اند هیئت مدیره او رفت",
        f"مسابقات بین{Z}المللی برگزار شده{Z}اند هیئت مدیره او رفت",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPACED_COMPOUND_ROWS)
def test_two_compounds_read_as_spaced(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


# ---- a weak join gives way to a sure one on its right ----------------------------------------

SURE_AFTER_WEAK_ROWS = [
    # the second word of a weak pair (راه آب, a pair the lexicon writes joined about as often
    # as apart) opens a sure one (آب‌انباری, نام‌گذاری) that the weak pair could not make:
    # the sure one is the word
    ("آنها از راه آب انباری می روند", f"آنها از راه آب{Z}انباری می{Z}روند"),
    ("جای نام گذاری ها را می دانند", f"جای نام{Z}گذاری{Z}ها را می{Z}دانند"),
    # must not change: a doubled word (تک تک, one by one) keeps its pair, though تک‌چشم is a
    # sure pair; a suffix after the weak pair joins the whole (رئیس‌جمهور‌ها)
    ("تک تک چشم ها را می بینند", f"تک{Z}تک چشم{Z}ها را می{Z}بینند"),
    ("او رئیس جمهور ها را می بیند", f"او رئیس{Z}جمهور{Z}ها را می{Z}بیند"),
]


@pytest.mark.parametrize(("text", "expected"), SURE_AFTER_WEAK_ROWS)
def test_weak_join_gives_way_to_sure(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
