"""ZWNJ engine, glued text (issue #3, session 13): an unseen glued «Xهای» whose stem and «Xه»
word the lexicon knows neither way is read by its context alone, as the known ambiguous
«های» words are: ``ه`` + ``ای`` where no ezafe can follow (after «یک», «هیچ»; before «که»,
punctuation, the line's end), the plural anywhere else. Every row was written and checked
by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

UNSEEN_HEH_YE = [
    # a determiner that takes a singular noun: a sip, no pellet
    ("یک جرعهای آب نوشید", f"یک جرعه{Z}ای آب نوشید"),
    ("هیچ ساچمهای در آن نبود", f"هیچ ساچمه{Z}ای در آن نبود"),
    # punctuation or the line's end after it: a ten-rupee (note)
    ("قیمت آن ده روپیهای.", f"قیمت آن ده روپیه{Z}ای."),
    ("ساچمهای، سنگ و", f"ساچمه{Z}ای، سنگ و"),
    # «که» and «را» after it: no ezafe can end there
    ("لباسها و البسهای که خریده بود", f"لباس{Z}ها و البسه{Z}ای که خریده بود"),
    ("ماهیتابهای را برداشت", f"ماهیتابه{Z}ای را برداشت"),
    # a stem seen once as a word is no better known: it is not a wise thing; what a farce
    ("کار عاقلانهای نیست", f"کار عاقلانه{Z}ای نیست"),
    ("عجب مضحکهای .", f"عجب مضحکه{Z}ای ."),
    # must not change: an unseen plural in an open context stays a plural
    ("اپلیکیشنهای جدید را نصب کرد", f"اپلیکیشن{Z}های جدید را نصب کرد"),
    # must not change: after «Xی و» an unseen word is no sign of a coordinated adjective in
    # «ای» (that rule needs the «ه» word known): awareness-raising campaigns of recent years
    (
        "با آموزش همگانی و آگاهسازیهای سالیان اخیر",
        f"با آموزش همگانی و آگاه{Z}سازی{Z}های سالیان اخیر",
    ),
    # must not change: a known word is still decided by the lexicon's counts (his words)
    ("حرفهای او را شنیدم", f"حرف{Z}های او را شنیدم"),
    # must not change: a spoken «ه» takes no «ای» (a plural that lost its «ه»), left as written
    ("گروهای.", "گروهای."),
]


@pytest.mark.parametrize(("text", "expected"), UNSEEN_HEH_YE)
def test_unseen_heh_ye_by_context(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


NO_OTHER_DAMAGE = [
    # a line with no other glued word to split: its ambiguous «های» word is read in context
    # all the same, since no ezafe can end before «نیست», «از» or punctuation
    ("موضوع پیچیدهای نیست .", f"موضوع پیچیده{Z}ای نیست ."),
    ("گزیدهای از سخنان او", f"گزیده{Z}ای از سخنان او"),
    ("در ترافیک گیر افتادهای ، دیر رسیدی", f"در ترافیک گیر افتاده{Z}ای ، دیر رسیدی"),
    ("چه خاطرهای از آن روز دارید ؟", f"چه خاطره{Z}ای از آن روز دارید ؟"),
    # must not change: plurals after a letter that never joins, written right without a ZWNJ,
    # in an open context (his pains; the constitution's clauses; good deeds)
    ("دردهای او را شنید", "دردهای او را شنید"),
    ("بندهای قانون اساسی", "بندهای قانون اساسی"),
    ("کارهای خوبی کرد", "کارهای خوبی کرد"),
    # must not change: a line whose ZWNJs became spaces («دستگاه های») keeps its glued words,
    # which are the author's: quality brands (برند), not «برنده‌ای» (a winner) before «با»
    ("دستگاه های تصفیه آب را از برندهای با کیفیت خریدند",
     f"دستگاه{Z}های تصفیه آب را از برندهای با کیفیت خریدند"),
    ("این دستگاه ها برندهای با کیفیت هستند", f"این دستگاه{Z}ها برندهای با کیفیت هستند"),
]


@pytest.mark.parametrize(("text", "expected"), NO_OTHER_DAMAGE)
def test_context_without_other_damage(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
