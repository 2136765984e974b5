"""ZWNJ engine, glued text (issue #3, session 17): two closed classes of unknown glued word.

**Latin acronyms spelled in letter names.**

Persian writes a Latin acronym as the names of its letters with a ZWNJ between them
(«سی‌ان‌ان», «اف‌بی‌آی», «دی‌وی‌دی»): UD TRAIN and the word lists have 30 such acronyms of
three letters or more, every one with its ZWNJs and none glued. A glued word the lexicon
does not know that spells three or more letter names in one way only gets those ZWNJs back
(``انپیتی`` → ``ان‌پی‌تی``), and a plural ending after one more (``ویپیانها``). Words that
only look like letter names stay: a known word plus «ی» / «ان» (دیانتی, اسدیان), «ال» or
«بی» plus a known word (الامام), «اس» before a consonant (Stacy, Spacey), a word in «وی» or
«ای» (a word in «و» or «ا» and its ezafe: «مونته پیانای»).

**A day of the week and a part of the day** (``یکشنبهشب`` → ``یکشنبه‌شب``, Sunday night).
TRAIN writes the pair apart (شنبه شب, جمعه شب), the word lists with a ZWNJ (جمعه‌شب,
پنج‌شنبه‌شب), never glued; the segmenter cut «صبح», «عصر» off every day but refused the
two-letter «شب» after the days it never saw beside it.

Every row was written and checked by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text import zwnj
from khabar.text.zwnj import ZwnjRepairer
from khabar.text.zwnj.words import _letter_names

from .zwnj_check import check_repair

Z = "\u200c"

ACRONYMS = [
    # the NPT (nuclear non-proliferation treaty)
    ("معاهده انپیتی را امضا کرد", f"معاهده ان{Z}پی{Z}تی را امضا کرد"),
    # an NBC reporter; the CBC apologised
    ("گزارشگر انبیسی گفت", f"گزارشگر ان{Z}بی{Z}سی گفت"),
    ("شبکه سیبیسی عذرخواهی کرد", f"شبکه سی{Z}بی{Z}سی عذرخواهی کرد"),
    # CNG stations; an LED lamp; an HDMI cable (four letters)
    ("جایگاههای سیانجی", f"جایگاه{Z}های سی{Z}ان{Z}جی"),
    ("چراغ الایدی روشن شد", f"چراغ ال{Z}ای{Z}دی روشن شد"),
    ("کابل اچدیامآی وصل شد", f"کابل اچ{Z}دی{Z}ام{Z}آی وصل شد"),
    # parts per million
    ("غلظت ده پیپیام است", f"غلظت ده پی{Z}پی{Z}ام است"),
    # USB: no ZWNJ after «یو», whose «و» never joins
    ("درگاه یواسبی خراب است", f"درگاه یواس{Z}بی خراب است"),
    # a plural after a ZWNJ too (VPNs), as TRAIN writes «ال‌ان‌بی‌ها», «سی‌دی‌های»
    ("استفاده از ویپیانها", f"استفاده از وی{Z}پی{Z}ان{Z}ها"),
    # must not change: the writer's ZWNJs are there already
    (f"خبرنگار بی{Z}بی{Z}سی گفت", f"خبرنگار بی{Z}بی{Z}سی گفت"),
    # must not change: letter names written apart are not joined
    ("شبکه سی ان ان گفت", "شبکه سی ان ان گفت"),
    # must not change: known words that spell letter names (a video; imams; a policy)
    ("ویدیوی جدید منتشر شد", "ویدیوی جدید منتشر شد"),
    ("امامان جماعت آمدند", "امامان جماعت آمدند"),
    ("سیاستی تازه دارد", "سیاستی تازه دارد"),
    # must not change: a known word and «ی» or «ان» (the surnames Dianati, Asadian)
    ("آقای دیانتی گفت", "آقای دیانتی گفت"),
    ("خانم اسدیان آمد", "خانم اسدیان آمد"),
    # must not change: the Arabic article and a known word (the book «al-Imam al-Sadiq»)
    ("کتاب الامام الصادق", "کتاب الامام الصادق"),
    # must not change: «اس» before a consonant is a foreign «s» cluster (Kevin Spacey, Stacy)
    ("کوین اسپیسی بازیگر است", "کوین اسپیسی بازیگر است"),
    ("استیسی گفت", "استیسی گفت"),
    # must not change: two letter names only (a message)
    ("پیام او رسید", "پیام او رسید"),
]


@pytest.mark.parametrize(("text", "expected"), ACRONYMS)
def test_glued_acronym(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


LETTER_READINGS = [
    ("انپیتی", ["ان", "پی", "تی"]),
    ("سیبیاساس", ["سی", "بی", "اس", "اس"]),
    # «ایکس» (X) is one name of four letters, «کیو» (Q) one of three
    ("جیالایکس", ["جی", "ال", "ایکس"]),
    ("آیکیو", ["آی", "کیو"]),
    # no reading: a letter that opens no name, or one left over
    ("کتاب", None),
    ("سیانه", None),
    ("", []),
]


@pytest.mark.parametrize(("key", "names"), LETTER_READINGS)
def test_letter_names(key: str, names: list[str] | None) -> None:
    assert _letter_names(key) == names


def test_acronym_not_read_in_final_vey_or_ey(rep: ZwnjRepairer) -> None:
    # «وی» and «ای» close a word in «و» or «ا» and its ezafe (ویدیوی, Monte Piana's
    # «مونته پیانای»): an unknown word ending in one is no acronym to the rule...
    assert rep.glued_words._letter_name_acronym("اچآیوی") is None
    assert rep.glued_words._letter_name_acronym("دیانای") is None
    assert rep.repair("کوه مونته پیانای ایتالیا") == "کوه مونته پیانای ایتالیا"
    # ... and the lexicon, which writes «اچ‌آی‌وی» and «دی‌ان‌ای» (DNA), still decides those
    assert rep.repair("ویروس اچآیوی") == f"ویروس اچ{Z}آی{Z}وی"
    assert rep.repair("آزمایش دیانای") == f"آزمایش دی{Z}ان{Z}ای"
    # the rule still reads «ای» inside a word: an LED lamp
    assert rep.glued_words._letter_name_acronym("الایدی") == f"ال{Z}ای{Z}دی"


def test_acronym_letters_are_letter_names() -> None:
    # the acronym letters are the names the joiner of spaced letter names knows, minus the
    # ones no acronym of TRAIN or the lists spells
    assert zwnj.ACRONYM_LETTERS < zwnj.LETTER_NAMES
    assert not {"کی", "او", "وای", "دبلیو", "زد"} & zwnj.ACRONYM_LETTERS


WEEKDAY_AND_PART = [
    # Sunday night, Wednesday night, Monday night
    ("یکشنبهشب بازی داریم", f"یکشنبه{Z}شب بازی داریم"),
    ("چهارشنبهشب برگزار شد", f"چهارشنبه{Z}شب برگزار شد"),
    ("دوشنبهشب گذشته", f"دوشنبه{Z}شب گذشته"),
    # the day keeps the lexicon's spelling: «سه‌شنبه» with its own ZWNJ
    ("سهشنبهشب آمد", f"سه{Z}شنبه{Z}شب آمد"),
    # the other parts of the day, as the segmenter already cut them
    ("یکشنبهصبح رسید", f"یکشنبه{Z}صبح رسید"),
    ("جمعهعصر رفت", f"جمعه{Z}عصر رفت"),
    # must not change: written apart, or with the writer's ZWNJ
    ("یکشنبه شب بازی داریم", "یکشنبه شب بازی داریم"),
    (f"یکشنبه{Z}شب بازی داریم", f"یکشنبه{Z}شب بازی داریم"),
    # must not change: tonight, last night (glued words the lexicon knows)
    ("امشب و دیشب", "امشب و دیشب"),
    # must not change: a day alone
    ("روز یکشنبه", "روز یکشنبه"),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_AND_PART)
def test_weekday_and_part(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_weekday_and_part_only_for_a_whole_day(rep: ZwnjRepairer) -> None:
    # a day of the week must be the whole head: not «سالشب», not a part alone
    assert rep.glued_words._weekday_and_part("یکشنبهشب") == f"یکشنبه{Z}شب"
    assert rep.glued_words._weekday_and_part("سالشب") is None
    assert rep.glued_words._weekday_and_part("شب") is None
    assert rep.glued_words._weekday_and_part("یکشنبه") is None


def test_every_weekday_holds_a_mark() -> None:
    # the quick test of _weekday_and_part must let every day through
    assert all(any(mark in day for mark in zwnj.WEEKDAY_MARKS) for day in zwnj.WEEKDAYS)
    assert len(zwnj.WEEKDAYS) == 7
