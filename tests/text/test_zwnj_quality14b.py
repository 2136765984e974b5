"""ZWNJ engine, glued text (issue #3, session 14b): the segmenter's cuts of unknown glued words
into forms no writer uses. Three mechanics, each with rows that must change and rows that
must not:

* a near tie between two cuts into as many pieces is broken by their rarest word, when one
  holds a word seen under five times: «بین|قاره|ای», not «بی|نقار|های» (نقار, a quarrel,
  seen twice);
* no seam inside a loanword's final «ینگ» (-ing) or «یسم» (-ism): «پستینگ‌های», not
  «پستی‌نگه‌ای»;
* «هایی» after an unseen stem whose «ه» form is a known word is that word + «ایی» (a common
  misspelling of «ای»): «جلسه‌ایی», not «جلس‌هایی».

Every row was written and checked by hand. Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import LOAN_ENDINGS, ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

NEAR_TIE = [
    # the intercontinental missile test; an intercontinental missile
    ("آزمایش موشکهای بینقارهای", f"آزمایش موشک{Z}های بین{Z}قاره{Z}ای"),
    ("موشک بینقارهای", f"موشک بین{Z}قاره{Z}ای"),
    # must not change: «بی» + a frequent word (a matchless player), «بین» + a frequent word
    # (international relations)
    ("بازیکن بینظیر", f"بازیکن بی{Z}نظیر"),
    ("روابط بینالمللی", f"روابط بین{Z}المللی"),
    # must not change: cuts that differ only in whether the «ه» ends the stem or opens «های»
    # are left to the plural-or-«ه‌ای» tests (economic shocks, not «شوکه‌ای», shocked)
    ("شوکهای اقتصادی", f"شوک{Z}های اقتصادی"),
]

LOANWORDS = [
    # Instagram postings; hidden lobbying (-ing + the plural's «های»)
    ("پستینگهای اینستاگرام", f"پستینگ{Z}های اینستاگرام"),
    ("لابینگهای پنهان", f"لابینگ{Z}های پنهان"),
    # must not change: loanwords already kept whole (public car parks, market mechanisms,
    # feminisms)
    ("پارکینگهای عمومی", f"پارکینگ{Z}های عمومی"),
    ("مکانیسمهای بازار", f"مکانیسم{Z}های بازار"),
    ("فمینیسمها", f"فمینیسم{Z}ها"),
    # must not change: Persian words with these letters across a seam before more of their
    # stem (he looks to the future; a superficial look; mine laying; I write every day)
    ("او به آینده مینگرد", f"او به آینده می{Z}نگرد"),
    ("نگاه سطحینگر", f"نگاه سطحی{Z}نگر"),
    ("عملیات مینگذاری", f"عملیات مین{Z}گذاری"),
    ("هر روز مینویسم", f"هر روز می{Z}نویسم"),
]

HEH_PLURALS = [
    # a meeting was held: «جلسه» + «ایی» as written, not an unseen «جلس» + «هایی»
    ("جلسهایی برگزار شد", f"جلسه{Z}ایی برگزار شد"),
    # must not change: a known stem's plural (I bought some books); «دوگانه» + «ای»
    ("کتابهایی خریدم", f"کتاب{Z}هایی خریدم"),
    ("نگاه دوگانهای", f"نگاه دوگانه{Z}ای"),
]


@pytest.mark.parametrize(("text", "expected"), NEAR_TIE)
def test_near_tie_goes_to_the_rarest_word(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(("text", "expected"), LOANWORDS)
def test_no_seam_inside_a_loan_ending(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(("text", "expected"), HEH_PLURALS)
def test_heh_word_before_ayi(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_cuts_loan_ending(rep: ZwnjRepairer) -> None:
    assert LOAN_ENDINGS == ("ینگ", "یسم")
    # «پستی|نگه|ای» (seams 4 and 7) cuts «ینگ» (letters 3-5) before «های»; «پستینگ|های»
    # (seam 6) does not
    assert rep.glued_words._cuts_loan_ending("پستینگهای", (4, 7))
    assert rep.glued_words._cuts_loan_ending("فمینیسم", (5,))  # «فمینی|سم»
    assert not rep.glued_words._cuts_loan_ending("پستینگهای", (6,))
    # «بازمی|نگرد» (seam 5, inside «ینگ» at 4-6): «رد» after it is no bound suffix
    assert not rep.glued_words._cuts_loan_ending("بازمینگرد", (5,))
