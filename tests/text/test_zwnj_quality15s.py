"""ZWNJ engine rules for spaced text (issue #3, session 15): each table was written and checked
by hand, with rows that must not change. Notes and numbers: bench/zwnj/quality15s.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"


# ---- a rare compound tail of three letters ---------------------------------------------------

THREE_LETTER_TAIL_ROWS = [
    # «گون» (-hued: سیم‌گون, فیروزه‌گون, لاله‌گون) and «آسا» (-like: برق‌آسا, سیل‌آسا), «بوک» (of
    # نوت‌بوک, فیس‌بوک): tails UD TRAIN and shekar join to three to seven first words and never
    # write alone; in a line whose ZWNJs became spaces (a spaced «می», a spaced plural) they
    # join a known word before them. The silver-hued sky; a lightning-fast flight; a netbook
    ("رنگ سیم گون آسمان ها را می بینیم", f"رنگ سیم{Z}گون آسمان{Z}ها را می{Z}بینیم"),
    (
        "شرکت دومین نت بوک خود را وارد بازار می کند",
        f"شرکت دومین نت{Z}بوک خود را وارد بازار می{Z}کند",
    ),
    # must not change: the same words in a line with no sign of spaced damage (the author's
    # spaces), and in a line that writes its ZWNJs
    ("رنگ سیم گون آسمان را دید", "رنگ سیم گون آسمان را دید"),
    (f"رنگ سیم گون آسمان{Z}ها را دید", f"رنگ سیم گون آسمان{Z}ها را دید"),
    # must not change: a foreign name before the tail is no compound's head (Carlos Ghosn,
    # Antonio Reyes), and «گونه» (kind) is a word of its own
    (
        "کارلوس گون مدیر نیسان می گوید که این کتاب ها خوب است",
        f"کارلوس گون مدیر نیسان می{Z}گوید که این کتاب{Z}ها خوب است",
    ),
    (
        "آنتونیو ریس به تیم ها پیوست و می خواهد بازی کند",
        f"آنتونیو ریس به تیم{Z}ها پیوست و می{Z}خواهد بازی کند",
    ),
    ("یک گونه گیاه ها را می بینیم", f"یک گونه گیاه{Z}ها را می{Z}بینیم"),
    # joined before this change too: the lexicon saw the pair itself
    ("پرواز برق آسا پرنده ها را می بینیم", f"پرواز برق{Z}آسا پرنده{Z}ها را می{Z}بینیم"),
    # written with its ZWNJ already
    (f"رنگ سیم{Z}گون آسمان{Z}ها را می{Z}بینیم", f"رنگ سیم{Z}گون آسمان{Z}ها را می{Z}بینیم"),
]


@pytest.mark.parametrize(("text", "expected"), THREE_LETTER_TAIL_ROWS)
def test_three_letter_rare_tails(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_two_letter_tails_stay_out(rep: ZwnjRepairer) -> None:
    # the change reaches three letters only: «زا» (2) is a compound tail of its own rule, and no
    # two-letter rare tail joins an unseen pair («دیدار بان کی مون» joined «بان», session 7)
    assert "گون" in rep._rare_tails
    assert "آسا" in rep._rare_tails
    assert not any(len(tail) < 3 for tail in rep._rare_tails)


# ---- a compound tail with a plural ending -----------------------------------------------------

INFLECTED_TAIL_ROWS = [
    # a compound tail (نشین, گرا, شناس, پرداز, اندیش) with the plural of people (ان, انی) or
    # ها, and a bound noun of action (گذاری, سازی) with a glued ها: the lexicon never saw the
    # inflected form alone nor with this first word, so it joined nothing before; in a line
    # whose ZWNJs became spaces it joins as its tail does. Theorists who say; naive thinkers;
    # introverts; neurologists; the investments
    ("نظریه پردازانی که می گویند", f"نظریه{Z}پردازانی که می{Z}گویند"),
    ("خام اندیشانی که می گویند", f"خام{Z}اندیشانی که می{Z}گویند"),
    (
        "برون گراها می گویند که کتاب ها خوب است",
        f"برون{Z}گراها می{Z}گویند که کتاب{Z}ها خوب است",
    ),
    ("عصب شناسان می گویند", f"عصب{Z}شناسان می{Z}گویند"),
    ("سرمایه گذاریها را می بینند", f"سرمایه{Z}گذاریها را می{Z}بینند"),
    # and the comparative of a compound tail (the saddest days; more responsible)
    ("غم انگیزترین روزها را می بینیم", f"غم{Z}انگیزترین روزها را می{Z}بینیم"),
    ("آنها مسئولیت پذیرتر می شوند", f"آنها مسئولیت{Z}پذیرتر می{Z}شوند"),
    # «گرا» is a compound tail, which joins a word in «ی» too (nativists)
    ("بومی گراها می گویند", f"بومی{Z}گراها می{Z}گویند"),
    # must not change: no sign of spaced damage in the line (the author's spaces), and a line
    # that writes its ZWNJs
    ("نظریه پردازانی که آمدند", "نظریه پردازانی که آمدند"),
    ("غم انگیزترین روز سال بود", "غم انگیزترین روز سال بود"),
    (f"نظریه پردازانی که می{Z}گویند", f"نظریه پردازانی که می{Z}گویند"),
    # must not change: a noun of action after a word in «ی» (as the rare tails: such a word
    # is more often an adjective of its own), after a determiner, and a first word the lexicon
    # never saw open a compound (مستعمره: one count)
    ("کاربردی سازیها را می بینند", f"کاربردی سازیها را می{Z}بینند"),
    ("این سازیها را می بینند", f"این سازیها را می{Z}بینند"),
    ("مستعمره نشینان می گویند", f"مستعمره نشینان می{Z}گویند"),
    # must not change: «پوران» is a name the lexicon saw alone, not پور + ان
    ("خانم پوران می گوید", f"خانم پوران می{Z}گوید"),
    # written with its ZWNJ already
    (f"نظریه{Z}پردازانی که می{Z}گویند", f"نظریه{Z}پردازانی که می{Z}گویند"),
]


@pytest.mark.parametrize(("text", "expected"), INFLECTED_TAIL_ROWS)
def test_inflected_compound_tails(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_inflected_tail_table(rep: ZwnjRepairer) -> None:
    tails = rep._inflected_tails
    assert tails["گراها"] == "گرا"
    assert tails["پردازانی"] == "پرداز"
    assert tails["گذاریها"] == "گذاری"
    assert tails["انگیزترین"] == "انگیز"
    # a noun of action takes the glued plural only, not the plural of people
    assert "گذاریان" not in tails
    # a form that is a tail of its own keeps its own rule («نشینان»: a rare tail), and forms
    # the lexicon saw as words by themselves are left out
    assert "نشینان" in rep._rare_tails and "نشینان" not in tails
    assert "پوران" not in tails
    assert all(not rep.lexicon.word_count.get(form, 0) for form in tails)
