"""ZWNJ engine, glued text (issue #3, session 15): three wrong cuts of unknown glued words, and
a shipped spelling. Every row was written and checked by hand, with rows that must not change.

* a past stem + «هاست» / «هایم» / «هاید» is the participle + «است» / «ایم» / «اید», never a
  plural (``فروختهاست`` → ``فروخته‌است``, not ``فروخت‌هاست``);
* an unknown word after «می» that ends in «ت» after a letter no past stem has there (only
  «خ», «ف», «ش», «س» come before it: ساخت, گرفت, داشت, خواست) is no verb
  (``میکروکانتکت`` stays whole);
* a comparative + plural (``بزرگ‌ترها``) needs a stem the lexicon saw as a comparative
  (``بوسترها``, ``کلاسترهای`` stay whole);
* the ezafe «ی» after an unseen word in «انه», «نده», «یده» or a known word in a silent «ه»
  takes its ZWNJ (``مجرمانهی`` → ``مجرمانه‌ی``, ``جفاکردهی`` → ``جفاکرده‌ی``), and after a
  silent «ه» after «و» that the lexicon saw with «‌ای» (``نحوهی`` → ``نحوه‌ی``; not ``گروهی``);
* «بیتکوین» is ``بیت‌کوین`` (zwnj_spellings.txt), not ``بی‌تکوین``.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

PARTICIPLE_AND_ENDING = [
    # has sold, has sewn, has spilled: the participle + «است»
    ("این خانه را فروختهاست", f"این خانه را فروخته{Z}است"),
    ("او لباس را دوختهاست", f"او لباس را دوخته{Z}است"),
    ("آب به زمین ریختهاست", f"آب به زمین ریخته{Z}است"),
    # we have returned; the participle + «ایم»
    ("به عقب بازگشتهایم ؟", f"به عقب بازگشته{Z}ایم ؟"),
    # must not change: the lexicon's own words (have you received; we have paid)
    ("آیا پیام را دریافتهاید ؟", f"آیا پیام را دریافته{Z}اید ؟"),
    ("ما هزینه را پرداختهایم", f"ما هزینه را پرداخته{Z}ایم"),
    # must not change: nouns, not past stems, keep their plural (it has been years; my hands)
    ("سالهاست که او را ندیدهام", f"سال{Z}هاست که او را ندیده{Z}ام"),
    ("مدتهاست منتظرم", f"مدت{Z}هاست منتظرم"),
    ("کتابهایم را آوردم", f"کتاب{Z}هایم را آوردم"),
    ("دستهایم را شستم", f"دست{Z}هایم را شستم"),
    # must not change: «های» alone is no participle ending (important meetings)
    ("نشستهای مهم برگزار شد", f"نشست{Z}های مهم برگزار شد"),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLE_AND_ENDING)
def test_past_stem_and_plural_ending_is_participle(
    rep: ZwnjRepairer, text: str, expected: str
) -> None:
    check_repair(rep, text, expected)


NO_PAST_STEM_IN_TE = [
    # a loanword (microcontact): «کانتکت» has «ک» before its «ت»
    ("کیت میکروکانتکت طراحی شد", "کیت میکروکانتکت طراحی شد"),
    # must not change: an Arabic plural in «ات» (gas condensates), as before
    ("میعانات گازی", "میعانات گازی"),
    # must not change: past stems in «خت», «فت» (they sewed; we split; it galloped)
    ("آنها لباس میدوختند", f"آنها لباس می{Z}دوختند"),
    ("ما کوه را میشکافتیم", f"ما کوه را می{Z}شکافتیم"),
    ("اسب میتاخت", f"اسب می{Z}تاخت"),
    # must not change: the clitic «ت» (you) after a person ending (I kiss you)
    ("دوستت دارم و میبوسمت", f"دوستت دارم و می{Z}بوسمت"),
]


@pytest.mark.parametrize(("text", "expected"), NO_PAST_STEM_IN_TE)
def test_no_verb_after_mi_ending_in_te_after_other_letters(
    rep: ZwnjRepairer, text: str, expected: str
) -> None:
    check_repair(rep, text, expected)


COMPARATIVE_PLURAL = [
    # loanwords in «-ster» + a plural: boosters, clusters
    ("بوسترها را نصب کردیم", "بوسترها را نصب کردیم"),
    ("کلاسترهای بزرگ", "کلاسترهای بزرگ"),
    # must not change: a loanword the lexicon knows (posters)
    ("پوسترهای فیلم", "پوسترهای فیلم"),
    # must not change: comparatives of adjectives, as nouns (the elders, the younger ones)
    ("حرف بزرگترها را گوش کن", f"حرف بزرگ{Z}ترها را گوش کن"),
    ("کوچکترهای خانواده", f"کوچک{Z}ترهای خانواده"),
    ("قدیمیترها میگویند", f"قدیمی{Z}ترها می{Z}گویند"),
    ("بزرگترین شهر", f"بزرگ{Z}ترین شهر"),
]


@pytest.mark.parametrize(("text", "expected"), COMPARATIVE_PLURAL)
def test_comparative_plural_needs_a_comparative(
    rep: ZwnjRepairer, text: str, expected: str
) -> None:
    check_repair(rep, text, expected)


EZAFE_AFTER_SILENT_HEH_SUFFIX = [
    # criminal behaviour; the roaring movement; the host of Khandevaneh (a TV show)
    ("رفتار مجرمانهی او", f"رفتار مجرمانه{Z}ی او"),
    ("جنبش توفندهی مردم", f"جنبش توفنده{Z}ی مردم"),
    ("مجری خندوانهی تلویزیون", f"مجری خندوانه{Z}ی تلویزیون"),
    # an unseen compound is split as any other (the game's developer)
    ("شرکت توسعهدهندهی بازی", f"شرکت توسعه{Z}دهنده{Z}ی بازی"),
    # an unseen word that ends in a known word in a silent «ه» (my cruel-hearted beloved;
    # enough; by means of this)
    ("یار جفاکردهی من", f"یار جفاکرده{Z}ی من"),
    ("بهاندازهی کافی", f"به{Z}اندازه{Z}ی کافی"),
    ("بهواسطهی این کار", f"به{Z}واسطه{Z}ی این کار"),
    # must not change: a spoken «ه», seen glued to «ی» (considerable; neglect)
    ("مبلغ قابلتوجهی است", f"مبلغ قابل{Z}توجهی است"),
    ("از بیتوجهی او", f"از بی{Z}توجهی او"),
    # must not change: a village name ending in a three-letter «ه» word («رده»)
    ("روستای اولردهی آزاد شد", "روستای اولردهی آزاد شد"),
    # must not change: a verb (if you do not give), a spoken «ه» (he fell short)
    ("اگر پول ندهی", "اگر پول ندهی"),
    ("در کار کوتاهی کرد", "در کار کوتاهی کرد"),
    # must not change: a word + «دهی» (giving) in «ن» or «ی», known or not: re-organising,
    # supreme command, ending, steering, informing
    ("بازسازماندهی نیروها", "بازسازماندهی نیروها"),
    ("سرفرماندهی کل", "سرفرماندهی کل"),
    ("پایاندهی به جنگ", f"پایان{Z}دهی به جنگ"),
    ("سکاندهی تیم", f"سکان{Z}دهی تیم"),
    ("آگاهیدهی به مردم", f"آگاهی{Z}دهی به مردم"),
    # must not change: known words, as before (the little bird; his house)
    ("پرندهی کوچک", f"پرنده{Z}ی کوچک"),
    ("گاهی به خانهی او رفتم", f"گاهی به خانه{Z}ی او رفتم"),
]


@pytest.mark.parametrize(("text", "expected"), EZAFE_AFTER_SILENT_HEH_SUFFIX)
def test_ezafe_after_unseen_silent_heh_suffix(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


SILENT_HEH_AFTER_WAW = [
    # the way it is held; in a new way; the judiciary (the «ه» after «و» is silent)
    ("نحوهی برگزاری", f"نحوه{Z}ی برگزاری"),
    ("با شیوهی نو", f"با شیوه{Z}ی نو"),
    ("رئیس قوهی قضاییه", f"رئیس قوه{Z}ی قضاییه"),
    # must not change: a spoken «ه» after «و» (a group effort; a mountain path; a crowd; grief)
    ("کار گروهی", "کار گروهی"),
    ("راه کوهی", "راه کوهی"),
    ("جمعیت انبوهی", "جمعیت انبوهی"),
    ("با اندوهی عمیق", "با اندوهی عمیق"),
]


@pytest.mark.parametrize(("text", "expected"), SILENT_HEH_AFTER_WAW)
def test_ezafe_after_silent_heh_after_waw(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


BITCOIN = [
    ("قیمت بیتکوین بالا رفت", f"قیمت بیت{Z}کوین بالا رفت"),
    # must not change: written apart it stays apart (a spelling decides glued words only)
    ("قیمت بیت کوین بالا رفت", "قیمت بیت کوین بالا رفت"),
]


@pytest.mark.parametrize(("text", "expected"), BITCOIN)
def test_bitcoin_spelling(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
