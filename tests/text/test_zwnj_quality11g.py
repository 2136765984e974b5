"""ZWNJ engine, session 11 (issue #3, glued text): superlatives of unknown stems, lexicon ties
before a bound suffix.

Every row was written and checked by hand, with rows that must not change beside rows that
must. Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

SUPERLATIVE_OF_UNKNOWN_STEM = [
    # must change: an adjective the lexicon never saw (or saw once) + the superlative «ترین»
    # (the most heinous, the most cautious, the most inflamed, the most devoted)
    ("این شنیعترین جنایت بود", f"این شنیع{Z}ترین جنایت بود"),
    ("محتاطترین راننده شهر", f"محتاط{Z}ترین راننده شهر"),
    ("ملتهبترین منطقه جهان", f"ملتهب{Z}ترین منطقه جهان"),
    ("او خدومترین مدیر بود", f"او خدوم{Z}ترین مدیر بود"),
    # must not change: a ZWNJ after a letter that never joins is not written (the most
    # effective, the most crowded-by-fans); the superlative of a known word keeps its
    # spelling; a bare «تر» after an unknown stem is often a loan or a name (scooter,
    # parameter, quarter, Catherine has a two-letter stem)
    ("مؤثرترین راه حل", "مؤثرترین راه حل"),
    ("پرطرفدارترین برنامه", "پرطرفدارترین برنامه"),
    (f"بزرگ{Z}ترین شهر", f"بزرگ{Z}ترین شهر"),
    ("با اسکوتر به مدرسه رفت", "با اسکوتر به مدرسه رفت"),
    ("این پارامتر مهم است", "این پارامتر مهم است"),
    ("در کوارتر دوم", "در کوارتر دوم"),
    ("کاترین به تهران آمد", "کاترین به تهران آمد"),
]


@pytest.mark.parametrize(("text", "expected"), SUPERLATIVE_OF_UNKNOWN_STEM)
def test_superlative_of_unknown_stem(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


TIED_SPELLING_BEFORE_SUFFIX = [
    # must change: the treebanks wrote the word as often glued as with a ZWNJ before a bound
    # suffix that takes one in most words (it has long been, the more suitable, the most
    # dangerous, the ovaries, bodybuilding): the suffix decides
    ("مدتهاست که منتظریم", f"مدت{Z}هاست که منتظریم"),
    ("این راه مناسبتر است", f"این راه مناسب{Z}تر است"),
    ("یکی از خطرناکترین بیماریها", f"یکی از خطرناک{Z}ترین بیماری{Z}ها"),
    ("التهاب تخمدانها", f"التهاب تخمدان{Z}ها"),
    ("سالن بدنسازی", f"سالن بدن{Z}سازی"),
    # must not change: «ای» after «ه» whose glued spelling is a plural after a letter that
    # never joins (the white swans, my days); a stem under three letters (to them); a word
    # the treebanks wrote glued more often (more complete); a ZWNJ the writer put
    ("سکان هدایت قوهای سپید", "سکان هدایت قوهای سپید"),
    ("روزهایم را گذراندم", "روزهایم را گذراندم"),
    ("بهشان گفتم", "بهشان گفتم"),
    ("نسخه کاملتر کتاب", "نسخه کاملتر کتاب"),
    (f"مدت{Z}هاست که منتظریم", f"مدت{Z}هاست که منتظریم"),
]


@pytest.mark.parametrize(("text", "expected"), TIED_SPELLING_BEFORE_SUFFIX)
def test_tied_spelling_before_suffix(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


SPOKEN_HEH_AND_YE = [
    # must not change: a word in a spoken «ه» takes the indefinite «ی» (گروهی, راهی,
    # توجهی), never «‌ای»; glued to «ای» it is a plural that lost a letter or a ZWNJ (armed
    # groups, the country's universities, high mountains) or a slip, and every cut would be
    # wrong (the engine wrote «گروه‌ای», «دانشگاه‌ای», «کوه‌ای», and «توج‌های» once the
    # «ه» reading was refused)
    ("گروهای مسلح به شهر حمله کردند", "گروهای مسلح به شهر حمله کردند"),
    ("در دانشگاهای کشور", "در دانشگاهای کشور"),
    ("کوهای بلند", "کوهای بلند"),
    ("هیچ توجهای نکرد", "هیچ توجهای نکرد"),
    # must change: a silent «ه» takes «‌ای» (a big house, a new way, a fruit); a plural
    # written glued takes its ZWNJ (armed groups, the universities, the roads)
    ("خانهای بزرگ خریدند", f"خانه{Z}ای بزرگ خریدند"),
    ("شیوهای تازه", f"شیوه{Z}ای تازه"),
    ("گروههای مسلح", f"گروه{Z}های مسلح"),
    ("دانشگاههای کشور", f"دانشگاه{Z}های کشور"),
    ("راههای ارتباطی", f"راه{Z}های ارتباطی"),
]


@pytest.mark.parametrize(("text", "expected"), SPOKEN_HEH_AND_YE)
def test_no_heh_ye_after_spoken_heh(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
