"""ZWNJ engine, glued text (issue #3, session 17): where to cut an ambiguous «Xهای».

A glued «Xهای» reads as the plural «X‌های» or as «Xه» + «ای»; the context chooser picks one.

* A stem the web writes as a word (``Lexicon.web_glued``: wordfreq's glued-only words) whose
  «ه» word it does not know is no «ه‌ای» word, even where the TRAIN lexicon knows neither:
  ``خرچنگهای`` (crabs) is not «خرچنگه‌ای», ``پابندهای به ولایت`` (devoted to) not
  «پابنده‌ای». Without this, an unseen pair took «ه‌ای» alone or in a closed context.
* After a plural in «های» of a known word, an adjective in «ه‌ای» is about 8 times likelier
  than a second plural (UD TRAIN, open contexts: 32 of 725 «Xه‌ای» words and 26 of 4,732
  plurals stand there): ``هتلهای زنجیرهای`` → «هتل‌های زنجیره‌ای» (chain hotels), though
  «زنجیره» was never seen plural. The «ه» word must be a lexicon word: after
  «پایگاههای» the unseen «بالگرده» gives no such sign (helicopters stays plural).

* A «Xه‌ای» whose «Xه» is a past participle is mostly a verb, the perfect's second person
  (``کرده‌ای``: you have done), which ends its clause: in UD TRAIN 19 of 84 such words stand in
  an open context, against 4,732 of 4,758 plurals. So in an open context the plural wins at
  about 4.4 times fewer counts: ``به کردهای ترکیه`` (to the Kurds of Turkey) stays glued.

Every row was written and checked by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

WEB_STEM_PLURAL = [
    # alone (a closed context): crabs, shareholders, cattle farmers
    ("خرچنگهای", f"خرچنگ{Z}های"),
    ("سهامدارهای", "سهامدارهای"),
    ("دامدارهای", "دامدارهای"),
    # before «به»: among those devoted to the guardianship (a plural after a non-joining «د»)
    ("جزو پابندهای به ولایت", "جزو پابندهای به ولایت"),
    # must not change: an open context was already read as the plural (sea crabs)
    ("خرچنگهای دریایی", f"خرچنگ{Z}های دریایی"),
    # must not change: unseen pairs the web list does not know keep both readings (he tied
    # a splint; he drew a portrait of him)
    ("یک جبیرهای بست", f"یک جبیره{Z}ای بست"),
    ("پرترهای از او کشید", f"پرتره{Z}ای از او کشید"),
]


@pytest.mark.parametrize(("text", "expected"), WEB_STEM_PLURAL)
def test_web_stem_plural(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


AFTER_PLURAL = [
    # its chain hotels; big chain stores
    ("هتلهای زنجیرهای آن", f"هتل{Z}های زنجیره{Z}ای آن"),
    ("فروشگاههای زنجیرهای بزرگ", f"فروشگاه{Z}های زنجیره{Z}ای بزرگ"),
    # must not change: at the line's end (a closed context) it was «ه‌ای» already (the serial
    # murders)
    ("قتلهای زنجیرهای", f"قتل{Z}های زنجیره{Z}ای"),
    # must not change: an unseen «ه» word (the bases of US helicopters)
    ("پایگاههای بالگردهای آمریکا", f"پایگاه{Z}های بالگردهای آمریکا"),
    # must not change: a plural the lexicon saw far more often than «ساله‌ای» (notes of the
    # war years)
    ("یادداشتهای سالهای جنگ", f"یادداشت{Z}های سال{Z}های جنگ"),
    # must not change: professional skills (after a noun it was «ه‌ای» already); after «به»
    # and before a pronoun, his words
    ("مهارتهای حرفهای", f"مهارت{Z}های حرفه{Z}ای"),
    ("به حرفهای او", f"به حرف{Z}های او"),
]


@pytest.mark.parametrize(("text", "expected"), AFTER_PLURAL)
def test_heh_ye_after_plural(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


PARTICIPLE_HEH_YE = [
    # the Kurds of Turkey; arming the Iraqi Kurds; many comings and goings («کرد», «آمد» +
    # the plural after a letter that never joins)
    ("به کردهای ترکیه", "به کردهای ترکیه"),
    ("تسلیح کردهای عراق", "تسلیح کردهای عراق"),
    ("رفت و آمدهای زیاد", "رفت و آمدهای زیاد"),
    # must not change: the perfect's second person in a closed context (what have you done?;
    # the work you have done; why have you come late; you did well to come)
    ("تو چه کار کردهای؟", f"تو چه کار کرده{Z}ای؟"),
    ("کاری که کردهای", f"کاری که کرده{Z}ای"),
    ("چرا دیر آمدهای", f"چرا دیر آمده{Z}ای"),
    ("تو کار خوبی کردهای که آمدی", f"تو کار خوبی کرده{Z}ای که آمدی"),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLE_HEH_YE)
def test_participle_heh_ye_in_open_context(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
