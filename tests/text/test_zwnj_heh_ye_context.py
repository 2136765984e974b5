"""ZWNJ engine, glued «های» words read in context (issue #3, session 9): the plural «X‌های»
against «Xه‌ای» before a copula of any person, and for a stem that is itself a plural in «ان»;
and reviewed exception words. Every row was written and checked by hand, with rows that must
not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

AFTER_AN_PLURAL = [
    # must not change: a plural in «ان» is often a subject before its object, so it is no
    # sign of the adjective «حرفه‌ای» (the experts / others said many words; friends heard
    # his words)
    ("کارشناسان حرفهای زیادی زدند", f"کارشناسان حرف{Z}های زیادی زدند"),
    ("دیگران حرفهای او را شنیدند", f"دیگران حرف{Z}های او را شنیدند"),
    ("همگان حرفهای او را شنیدند", f"همگان حرف{Z}های او را شنیدند"),
    ("دوستان حرفهای مرا شنیدند", f"دوستان حرف{Z}های مرا شنیدند"),
    # a preposition, a determiner or a pronoun before «حرفهای» keeps the plural too
    ("به حرفهای بازیکنان گوش داد", f"به حرف{Z}های بازیکنان گوش داد"),
    ("این حرفهای تازه", f"این حرف{Z}های تازه"),
    ("آنان حرفهای زیادی زدند", f"آنان حرف{Z}های زیادی زدند"),
    ("خیابانهای تهران", f"خیابان{Z}های تهران"),
    ("زمانهای مختلف", f"زمان{Z}های مختلف"),
    ("استانهای کشور", f"استان{Z}های کشور"),
    ("جوانهای محل", f"جوان{Z}های محل"),
]


@pytest.mark.parametrize(("text", "expected"), AFTER_AN_PLURAL)
def test_no_adjective_sign_after_an_plural(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


BEFORE_COPULA = [
    # the plural's ezafe cannot end before a copula of any person: «ه» + «ای» (we are
    # professional); «است», «بود»... were in the list already
    ("ما حرفهای هستیم", f"ما حرفه{Z}ای هستیم"),
    ("شما حرفهای نیستید", f"شما حرفه{Z}ای نیستید"),
    ("باید حرفهای باشیم", f"باید حرفه{Z}ای باشیم"),
    ("آنها حرفهای بودند", f"آنها حرفه{Z}ای بودند"),
    # must not change: an open context keeps the plural after a determiner or a pronoun
    ("حرفهای شما را شنیدیم", f"حرف{Z}های شما را شنیدیم"),
    ("حرفهای او را شنیدم", f"حرف{Z}های او را شنیدم"),
]


@pytest.mark.parametrize(("text", "expected"), BEFORE_COPULA)
def test_heh_ye_before_copula(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


PLURAL_OF_PLURAL = [
    # «دوستان» + «های» would pluralise a plural: the word is «دوستانه» + «ای» (a friendly
    # match), in an open context too
    ("دیدار دوستانهای داشتند", f"دیدار دوستانه{Z}ای داشتند"),
    ("بازی دوستانهای خاصی ندیدیم", f"بازی دوستانه{Z}ای خاصی ندیدیم"),
    # must not change: stems in «ان» that the lexicon saw plural (streets, times, provinces)
    ("خیابانهای شهر", f"خیابان{Z}های شهر"),
    ("زمانهای مختلف", f"زمان{Z}های مختلف"),
    ("انسانهای بزرگ", f"انسان{Z}های بزرگ"),
]


@pytest.mark.parametrize(("text", "expected"), PLURAL_OF_PLURAL)
def test_plural_of_plural_is_heh_ye(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("بازیکنان", True),
        ("دانشجویان", True),
        ("نمایندگان", True),
        ("دوستان", True),
        ("آنان", False),  # «آن» is too short to be the stem
        ("زمان", False),
        ("ایران", False),
        ("کتاب", False),
    ],
)
def test_plural_in_an(rep: ZwnjRepairer, word: str, expected: bool) -> None:
    assert rep._plural_in_an(word) is expected


EXCEPTIONS = [
    # reviewed exception words (data/lexicon/zwnj_exceptions.txt): names and words that only
    # look like two known pieces
    ("عشایر استان الانبار عراق", "عشایر استان الانبار عراق"),  # not الان + بار
    ("تهران منها 80 درصد", "تهران منها 80 درصد"),  # minus, not the plural of «من»
    ("به افزایش تولید بینجامد .", "به افزایش تولید بینجامد ."),  # not بین + جامد
    ("به جنگ نینجامد", "به جنگ نینجامد"),
    ("اندوزی", "اندوزی"),  # the word alone is whole, and is not cut
    # not cut either after «دانش»; the pair (a tie of shekar's list, «اندوزی» never a word
    # alone in the lexicon) joins as «ثروت اندوزی» does (session 12, _bound_tail_pair)
    ("دانش اندوزی", f"دانش{Z}اندوزی"),
    ("ثروت اندوزی", f"ثروت{Z}اندوزی"),  # a compound the lexicon knows still joins
    # must not change: the pieces as words of their own, and known compounds
    ("الان بار را بردند", "الان بار را بردند"),
    ("جهان بخش بزرگی از", "جهان بخش بزرگی از"),
    ("ثروتاندوزی", f"ثروت{Z}اندوزی"),
    (f"ما{Z}ها", f"ما{Z}ها"),
]


@pytest.mark.parametrize(("text", "expected"), EXCEPTIONS)
def test_reviewed_exceptions(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


CUT_INTO_NONSENSE = [
    # reviewed exception words the segmenter cut into two known words that make no sense
    # together: Arabic words, «نا» + an adjective, place names
    ("اقشار مستضعف", "اقشار مستضعف"),
    ("تمثیلی و استعاری", "تمثیلی و استعاری"),
    ("از بدیهیات است", "از بدیهیات است"),
    ("سیاست نامتوازن و نامتناسب", "سیاست نامتوازن و نامتناسب"),
    ("وضعیت نابسامان", "وضعیت نابسامان"),
    ("سرمای نابهنگام", "سرمای نابهنگام"),
    ("در دیواندره و هشترود", "در دیواندره و هشترود"),
    ("سرهنگ کهریزی افزود", "سرهنگ کهریزی افزود"),
    ("میوه و خشکبار", "میوه و خشکبار"),
    # must not change: the pieces written apart stay words of their own
    ("او مست و ضعف داشت", "او مست و ضعف داشت"),
    ("هشت رود بزرگ", "هشت رود بزرگ"),
    ("دیوان دره", "دیوان دره"),
    (f"ارزن و شاه{Z}دانه", f"ارزن و شاه{Z}دانه"),
]


@pytest.mark.parametrize(("text", "expected"), CUT_INTO_NONSENSE)
def test_no_nonsense_cuts(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


HEH_OF_UNSEEN_STEM = [
    # a glued «Xهای» whose plural stem X was never seen while «Xه» was: «ه» + «ای»
    # (double standards, a costly policy, navy blue, a summons, a Uruguayan striker)
    ("از استانداردهای دوگانهای استفاده میکند", f"از استانداردهای دوگانه{Z}ای استفاده می{Z}کند"),
    ("سیاست پرهزینهای", f"سیاست پرهزینه{Z}ای"),
    ("کت سورمهای", f"کت سورمه{Z}ای"),
    ("در پی احضاریهای", f"در پی احضاریه{Z}ای"),
    ("مهاجم اروگوئهای", f"مهاجم اروگوئه{Z}ای"),
    # must not change: unknown plurals whose «Xه» is no word keep the plural, and a seen stem
    # is never traded for the «ه» word
    ("سرویسهای مختلف", f"سرویس{Z}های مختلف"),
    ("ویتامینهای گروه ب", f"ویتامین{Z}های گروه ب"),
    ("اپلیکیشنهای ایمیل", f"اپلیکیشن{Z}های ایمیل"),
    ("سناریوهای مختلف", "سناریوهای مختلف"),
    ("کتابهای خوب", f"کتاب{Z}های خوب"),
]


@pytest.mark.parametrize(("text", "expected"), HEH_OF_UNSEEN_STEM)
def test_heh_of_unseen_stem(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


AFTER_SINGULAR_DETERMINER = [
    # «هیچ», «هر», «یک», «چنین», «چنان» take a singular noun: the glued word after one is
    # «ه» + «ای» (no memory at all, each had a wish, such a plan / practice)
    # (after «ر» the plural shows no ZWNJ, so «خاطرهای» changes only in a line whose ZWNJs
    # were dropped: «میروند» says so)
    ("میروند بدون هیچ خاطرهای تلخ", f"می{Z}روند بدون هیچ خاطره{Z}ای تلخ"),
    ("هر یک خواستهای داشتند", f"هر یک خواسته{Z}ای داشتند"),
    ("از چنین نقشهای حکایت دارد", f"از چنین نقشه{Z}ای حکایت دارد"),
    ("چنین رویهای نادرست است", f"چنین رویه{Z}ای نادرست است"),
    ("هیچ حرفهای بدون تمرین", f"هیچ حرفه{Z}ای بدون تمرین"),
    # must not change: «این», «همه», «چه» and a number may take the plural
    ("این حرفهای تازه", f"این حرف{Z}های تازه"),
    ("همه نقشهای او", f"همه نقش{Z}های او"),
    ("چه حرفهای قشنگی", f"چه حرف{Z}های قشنگی"),
]


@pytest.mark.parametrize(("text", "expected"), AFTER_SINGULAR_DETERMINER)
def test_after_singular_determiner(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


NO_COMPARATIVE_OF_PLURAL = [
    # a plural takes no comparative: «حرفهایتر» is «حرفه‌ای‌تر» (more professional)
    ("باید حرفهایتر بازی کنیم", f"باید حرفه{Z}ای{Z}تر بازی کنیم"),
    ("حرفهایترین بازیکن", f"حرفه{Z}ای{Z}ترین بازیکن"),
    # reviewed exception: «نامهربانی» is نا + مهربانی (unkindness), its plural too
    ("از نامهربانیها نهراسید", f"از نامهربانی{Z}ها نهراسید"),
    # must not change: comparatives and plurals that are no such pair
    ("بزرگتر", f"بزرگ{Z}تر"),
    ("کتابهایتان", f"کتاب{Z}هایتان"),
    ("حرفهای او", f"حرف{Z}های او"),
]


@pytest.mark.parametrize(("text", "expected"), NO_COMPARATIVE_OF_PLURAL)
def test_no_comparative_of_plural(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
