"""ZWNJ engine, glued text (issue #3, session 14): a finite verb after an ambiguous glued «های»
word closes its phrase as «که», «را» or punctuation do. No ezafe leans on a verb, so the
word is «ه» + «ای», not the plural with its ezafe: in UD TRAIN 62 «Xه‌ای» words and no
plural «X‌های» stand before a form of «داشتن» or a verb opening with «می» / «نمی». Every
row was written and checked by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import HAVE_FORMS, Trust, ZwnjRepairer, default_repairer

from .zwnj_check import check_repair

Z = "\u200c"

VERB_AFTER = [
    # a form of «داشتن» after it: they have no demand; a three-year-old daughter; our team
    # has no professional player; the club had a professional coach
    ("آنها خواستهای ندارند", f"آنها خواسته{Z}ای ندارند"),
    ("او دختر سه سالهای دارد", f"او دختر سه ساله{Z}ای دارد"),
    ("تیم ما بازیکن حرفهای ندارد", f"تیم ما بازیکن حرفه{Z}ای ندارد"),
    ("این باشگاه مربی حرفهای داشت", f"این باشگاه مربی حرفه{Z}ای داشت"),
    # a glued verb with «می» / «نمی», repaired in the same line: we want a professional
    # coach; the workers want no insurance cover
    ("مربی حرفهای میخواهیم", f"مربی حرفه{Z}ای می{Z}خواهیم"),
    ("کارگران پوشش بیمهای نمیخواهند", f"کارگران پوشش بیمه{Z}ای نمی{Z}خواهند"),
    # must not change: an adjective that looks like a verb stem (the enemy's ominous wishes)
    ("خواستهای شوم دشمن", f"خواست{Z}های شوم دشمن"),
    # must not change: words that open like a verb and are none (Dariush's words, the
    # licence holders' words, the middle years of the century, the Christian-era years)
    ("حرفهای داریوش را شنیدم", f"حرف{Z}های داریوش را شنیدم"),
    ("حرفهای دارندگان مجوز", f"حرف{Z}های دارندگان مجوز"),
    ("سالهای میانی قرن", f"سال{Z}های میانی قرن"),
    ("سالهای میلادی", f"سال{Z}های میلادی"),
    # must not change: a line that writes its ZWNJs keeps its glued words, verb or not
    (
        f"این شرکت برای کارکنان پوشش بیمهای می{Z}خواهد",
        f"این شرکت برای کارکنان پوشش بیمهای می{Z}خواهد",
    ),
]


@pytest.mark.parametrize(("text", "expected"), VERB_AFTER)
def test_finite_verb_closes_the_phrase(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


EVERY_LINE = [
    # with every line read as damaged (Trust.NONE), a bare «می» joined to its verb is the
    # verb's prefix: we want a professional coach
    ("مربی حرفهای می خواهیم", f"مربی حرفه{Z}ای می{Z}خواهیم"),
    # must not change: a bare «می» no verb joins is the month May (the days of May 2018)
    ("روزهای می ۲۰۱۸ را به یاد دارم", "روزهای می ۲۰۱۸ را به یاد دارم"),
]


@pytest.mark.parametrize(("text", "expected"), EVERY_LINE)
def test_bare_verb_prefix_with_every_line(text: str, expected: str) -> None:
    every = ZwnjRepairer(default_repairer().lexicon, trust=Trust.NONE)
    check_repair(every, text, expected)


def test_have_forms() -> None:
    # the persons of the present and past of «داشتن» and their negatives; not the bare
    # present stem «دار», which is also a noun (gallows) and a compound's tail
    for form in ("دارم", "داری", "دارد", "داریم", "دارید", "دارند", "داشت", "داشتند"):
        assert form in HAVE_FORMS
        assert "ن" + form in HAVE_FORMS
    assert "دار" not in HAVE_FORMS
    assert "نداشتن" not in HAVE_FORMS  # the infinitive is a noun
    assert len(HAVE_FORMS) == 24
