"""ZWNJ engine, glued homographs in context (issue #3, session 21h): a glued «Xهای» is the
plural with its ezafe (``حرف‌های``, words of) or ``Xه`` + «ای» (``حرفه‌ای``, professional, a
profession). Every row was written and checked by hand, with rows that must not change
(bench/zwnj/quality21h.md):

* «به نام» and «با نام» name what stands before them: ``به نامهای علی و رضا`` (named Ali and
  Reza) is ``نام‌های``, not ``نامه‌ای`` (a letter), in an open context;
* an adjective of quantity (``زیادی``, ``متعددی``...) after the word makes it a plural:
  ``جامهای زیادی`` (many cups), as a quantifier before it does (``یکی از جامهای``), even when
  the lexicon saw the plural once or never;
* a subjunctive verb (``بسازیم``, ``بیاموزد``, ``بتواند``) after the word closes its phrase,
  as a verb in «می» does: ``حرفه‌ای بسازیم``.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import (
    NAMED_PLURALS,
    NAMING_PREPOSITIONS,
    QUANTITY_ADJECTIVES,
    ZwnjRepairer,
)

from .zwnj_check import check_repair

Z = "\u200c"

NAMED = [
    # from social posts and FarsNews lines whose ZWNJs were removed: two supercomputers named
    # Summit and Sierra; two tablets named MediaPad; four parks named Zeitun and Mina
    (
        "دو ابر کامپیوتر آمریکایی به نامهای سامیت و سیرا صدرنشین شدند",
        f"دو ابر کامپیوتر آمریکایی به نام{Z}های سامیت و سیرا صدرنشین شدند",
    ),
    ("دو تبلت دیگر با نامهای مدیا پد رونمایی شد", f"دو تبلت دیگر با نام{Z}های مدیا پد رونمایی شد"),
    (
        "ساخت چهار بوستان به نامهای زیتون و مینا آغاز شد",
        f"ساخت چهار بوستان به نام{Z}های زیتون و مینا آغاز شد",
    ),
    # must not change: a closed context after it keeps the letter (he answered the letter
    # that had come; the minister asked in a letter to the president), and so does a line
    # with no «به» or «با» before it (he wrote a letter to the minister)
    ("او به نامهای که رسیده بود پاسخ داد", f"او به نامه{Z}ای که رسیده بود پاسخ داد"),
    ("وزیر با نامهای به رئیس جمهور خواستار شد", f"وزیر با نامه{Z}ای به رئیس جمهور خواستار شد"),
    ("او نامهای به وزیر نوشت", f"او نامه{Z}ای به وزیر نوشت"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_naming_preposition_makes_the_plural(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


QUANTITY = [
    # from FarsNews and Targoman lines whose ZWNJs were removed: he won many cups this year;
    # the principlists have many differences with the reformists; one of the important cups
    ("او امسال جامهای زیادی کسب کرد", f"او امسال جام{Z}های زیادی کسب کرد"),
    (
        "اصولگرایان فرقهای متعددی با اصلاح طلبان دارند",
        f"اصولگرایان فرق{Z}های متعددی با اصلاح{Z}طلبان دارند",
    ),
    ("یکی از جامهای مهم فوتبال را برد", f"یکی از جام{Z}های مهم فوتبال را برد"),
    # must not change: «بسیار» (very) is no such adjective (he wrote a very long letter); a
    # word that is a plural in an open context stays one (many words were said)
    ("او نامهای بسیار طولانی نوشت", f"او نامه{Z}ای بسیار طولانی نوشت"),
    ("حرفهای زیادی زده شد", f"حرف{Z}های زیادی زده شد"),
    # must not change: a word read «ه‌ای» with no such context keeps it (he came a minute ago)
    ("دقیقهای پیش رسید", f"دقیقه{Z}ای پیش رسید"),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITY)
def test_quantity_makes_the_plural(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


SUBJUNCTIVE = [
    # from social posts, FarsNews and Arman lines whose ZWNJs were removed: how to build
    # professional CVs with Word; creative and professional staff that can reach a large
    # audience; so that the prisoner surely learns a trade
    ("چگونه رزومههای کاری حرفهای بسازیم", f"چگونه رزومه{Z}های کاری حرفه{Z}ای بسازیم"),
    (
        "نیروی خلاق و حرفهای بتواند مخاطبان زیادی داشته باشد",
        f"نیروی خلاق و حرفه{Z}ای بتواند مخاطبان زیادی داشته باشد",
    ),
    (
        "تا زندانی حتما حرفهای بیاموزد که بعد از آزادی بیکار نباشد",
        f"تا زندانی حتما حرفه{Z}ای بیاموزد که بعد از آزادی بیکار نباشد",
    ),
    # must not change: «برند» (a brand) and «بدهی» (a debt) are no verbs (we heard the words
    # of the Apple brand; foreign debt payments stopped)
    ("حرفهای برند اپل را شنیدیم", f"حرف{Z}های برند اپل را شنیدیم"),
    ("پرداختهای بدهی خارجی متوقف شد", f"پرداخت{Z}های بدهی خارجی متوقف شد"),
]


@pytest.mark.parametrize(("text", "expected"), SUBJUNCTIVE)
def test_subjunctive_verb_closes_the_phrase(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(
    ("key", "verb"),
    [("بسازیم", True), ("بیاموزد", True), ("بتواند", True), ("برند", False), ("بدهی", False)],
)
def test_subjunctive_verb_reads_the_lexicon(rep: ZwnjRepairer, key: str, verb: bool) -> None:
    assert rep._subjunctive_verb(key) is verb


def test_word_sets() -> None:
    assert {"به", "با"} == NAMING_PREPOSITIONS
    assert {"نامهای"} == NAMED_PLURALS
    assert "زیادی" in QUANTITY_ADJECTIVES
    assert "بسیاری" not in QUANTITY_ADJECTIVES  # «بسیاری از» opens a new phrase
