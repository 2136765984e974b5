"""ZWNJ engine rules for spaced text (issue #3, session 12): each table was written and checked
by hand, with rows that must not change. Notes and numbers: bench/zwnj/quality12s.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import PATRONYMICS, ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"


# ---- a weak pair whose second word is never a word alone --------------------------------------

BOUND_TAIL_ROWS = [
    # the lexicon writes the pair joined and apart alike (a tie), and never saw its second
    # word alone: the space is a lost ZWNJ even in a line with no other sign of spaced damage.
    # Saccharin is not carcinogenic; trilateral cooperation; a far-sighted person; the cost
    # of transport; the sphere of spheres
    ("ساخارین سرطان زا نیست.", f"ساخارین سرطان{Z}زا نیست."),
    ("همکاری سه جانبه وزارت ارتباطات ادامه دارد", f"همکاری سه{Z}جانبه وزارت ارتباطات ادامه دارد"),
    ("او فردی آینده نگر است", f"او فردی آینده{Z}نگر است"),
    ("هزینه حمل ونقل بالا رفت", f"هزینه حمل{Z}ونقل بالا رفت"),
    ("این کتاب فلک الافلاک نام دارد", f"این کتاب فلک{Z}الافلاک نام دارد"),
    ("سه جانبه", f"سه{Z}جانبه"),
    # must not change: a tie whose second word is a word alone keeps the line signal
    # (nine books; praiseworthy; in the month of Ordibehesht; north-east; semi-final)
    ("نه تا کتاب خرید", "نه تا کتاب خرید"),
    ("این کار قابل تقدیر است", "این کار قابل تقدیر است"),
    ("در اردیبهشت ماه آمد", "در اردیبهشت ماه آمد"),
    ("در شمال شرقی شهر", "در شمال شرقی شهر"),
    ("در مرحله نیمه نهایی بازی کرد", "در مرحله نیمه نهایی بازی کرد"),
    # must not change: an Arabic patronymic (Seraji joins, PerDT writes apart)
    ("او ابن فهد را خواند", "او ابن فهد را خواند"),
    # must not change: a sure join on the right wins over the weak pair (helps saving)
    ("او مطالعه به صرفه جویی کمک کرد", f"او مطالعه به صرفه{Z}جویی کمک کرد"),
    # must not change: a line that writes ZWNJs (the author's spaces are kept), and a line
    # whose ZWNJs were dropped (glued میشناسند, کتابها: its words apart are the author's)
    (f"مواد سرطان زا در کتاب{Z}ها آمده است", f"مواد سرطان زا در کتاب{Z}ها آمده است"),
    (
        "مواد سرطان زا را میشناسند و کتابها را میخوانند",
        f"مواد سرطان زا را می{Z}شناسند و کتاب{Z}ها را می{Z}خوانند",
    ),
    # must not change: two names in the reviewed exceptions (shekar's list joins them once)
    ("صحنه دیدار آل پاچینو و رابرت دنیرو", "صحنه دیدار آل پاچینو و رابرت دنیرو"),
    ("به گزارش دویچه وله آمد", "به گزارش دویچه وله آمد"),
    # written with its ZWNJ already
    (f"ساخارین سرطان{Z}زا نیست.", f"ساخارین سرطان{Z}زا نیست."),
]


@pytest.mark.parametrize(("text", "expected"), BOUND_TAIL_ROWS)
def test_bound_tail_pairs(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_bound_tail_pair_reads_the_lexicon(rep: ZwnjRepairer) -> None:
    """The test itself: the pair seen joined, its tail never alone, no patronymic."""
    assert rep._bound_tail_pair("سرطان", "زا")
    assert not rep._bound_tail_pair("نه", "تا")  # «تا» is a word
    assert not rep._bound_tail_pair("ابن", "فهد")  # a patronymic
    assert {"بن", "ابن"} == PATRONYMICS
