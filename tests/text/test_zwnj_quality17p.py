"""ZWNJ engine, spaced text (issue #3, session 17): «می» right after a number is the month
May (``حوادث 14 می تشکیل شده بود``) only when the number may be a day (1 to 31) and no
finite verb follows it. Each row was written
and checked by hand, with rows that must not change. Notes and numbers:
bench/zwnj/quality17p.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

MONTH_ROWS = [
    # a finite verb after «می» that UD TRAIN writes after «می‌» far more often than alone
    # («تواند» never alone): the number before it is the verb's object or a date, not the day
    # of a month
    ("متولد 65 می تواند بنویسد", f"متولد 65 می{Z}تواند بنویسد"),
    ("در دقیقه 90 می خوانند", f"در دقیقه 90 می{Z}خوانند"),
    ("در سال ۸۸ می داند که", f"در سال ۸۸ می{Z}داند که"),
    ("المپیک 2016 می گذرد و", f"المپیک 2016 می{Z}گذرد و"),
    # «نمی» and «بازمی» are no month
    ("این عدد ۲ نمی شود", f"این عدد ۲ نمی{Z}شود"),
    ("۲ نمی توانند", f"۲ نمی{Z}توانند"),
    ("او ساعت 5 بازمی گردد", f"او ساعت 5 بازمی{Z}گردد"),
    # a number that can be no day of a month (a year, above 31) is never followed by the
    # month in a Persian date («۳۱ می ۲۰۱۴», «ماه می سال ۲۰۰۱»): after it «می» is a prefix,
    # before a verb common by itself too
    ("در سال ۲۰۰۱ می باشد که", f"در سال ۲۰۰۱ می{Z}باشد که"),
    ("مربوط به فصل 71ـ70 می شود که", f"مربوط به فصل 71ـ70 می{Z}شود که"),
    ("مک بوک ۲۰۱۷ می دهد", f"مک{Z}بوک ۲۰۱۷ می{Z}دهد"),
    ("در سال ۸۸ می گفتند", f"در سال ۸۸ می{Z}گفتند"),
    # unchanged behaviour beside them: with no number before it «می» joins its verb
    ("او می تواند", f"او می{Z}تواند"),
    # must not change: the month, before a noun, a year, a preposition, an adjective
    ("حوادث 14 می تشکیل شده بود", "حوادث 14 می تشکیل شده بود"),
    ("در 14 می 2018", "در 14 می 2018"),
    ("فلسطین روز ۳۱ می ۲۰۱۴، مجوز", "فلسطین روز ۳۱ می ۲۰۱۴، مجوز"),
    ("در 14 می به تهران رسید", "در 14 می به تهران رسید"),
    ("روز 14 می گذشته", "روز 14 می گذشته"),
    # must not change: «میلادی» reads as a verb form by its ending alone (never seen after
    # «می‌»), so the month keeps it apart
    ("۱۴ می میلادی", "۱۴ می میلادی"),
    # must not change: after a day, a verb form also common by itself (باشد) keeps the
    # month reading: «مهلت تا 14 می باشد» (the deadline is May 14)
    ("مهلت تا 14 می باشد", "مهلت تا 14 می باشد"),
    # must not change: a line that writes its own ZWNJs, and one already joined
    (f"در 14 می به کتاب{Z}ها", f"در 14 می به کتاب{Z}ها"),
    (f"متولد 65 می{Z}تواند بنویسد", f"متولد 65 می{Z}تواند بنویسد"),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_ROWS)
def test_month_may_after_number(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(
    ("prefix", "word", "month"),
    [
        ("می", "تشکیل", True),  # no verb form: never after «می‌» in the lexicon
        ("می", "باشد", True),  # «می‌باشد» 111 times, «باشد» 1,117 alone
        ("می", "تواند", False),  # «می‌تواند» 250 times, «تواند» never alone
        ("نمی", "تشکیل", False),  # «نمی» is no month
    ],
)
def test_month_may_rule(rep: ZwnjRepairer, prefix: str, word: str, month: bool) -> None:
    assert rep._month_may(prefix, word) is month
