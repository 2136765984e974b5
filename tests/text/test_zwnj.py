"""ZWNJ restoration: per-rule tables (expected values written by hand), traps that must not
change, hypothesis invariants, the seed document, and a quality gate on a committed sample.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import itertools
import json
import re
import types
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from khabar.text import charmap, fix, normalize, policy, protect, style
from khabar.text import lexicon as lexicon_module
from khabar.text import zwnj as zwnj_module
from khabar.text.lexicon import Lexicon, LexiconError, parse_user_entries
from khabar.text.zwnj import (
    NonJoiner,
    Repair,
    Spaced,
    Trust,
    ZwnjRepairer,
    apply_repairs,
    default_repairer,
)

Z = "\u200c"
FOLD_YEH_KAF = str.maketrans({"ي": "ی", "ك": "ک"})


# ---- glued: a lost ZWNJ inside one word ---------------------------------------------------

GLUED = [
    ("میباشد", f"می{Z}باشد"),  # verbal prefix می
    ("نمیتوانند", f"نمی{Z}توانند"),  # negative verbal prefix
    ("میشود", f"می{Z}شود"),
    ("میاندازد", f"می{Z}اندازد"),
    ("خشونتها", f"خشونت{Z}ها"),  # plural ها
    ("کتابهای", f"کتاب{Z}های"),
    ("گروههای", f"گروه{Z}های"),  # ها after ه
    ("گامهایی", f"گام{Z}هایی"),
    ("قطعنامههای", f"قطعنامه{Z}های"),
    ("صهیونیستها", f"صهیونیست{Z}ها"),
    ("زرافهها", f"زرافه{Z}ها"),  # stem unseen in the treebanks: ها is bound anyway
    ("اصلیترین", f"اصلی{Z}ترین"),  # superlative
    ("کردهاند", f"کرده{Z}اند"),  # perfect
    ("همهی", f"همه{Z}ی"),  # the ezafe ی after a silent ه (همهٔ)
    ("دربارهی", f"درباره{Z}ی"),
    ("خانهی", f"خانه{Z}ی"),
    ("رئیسجمهوری", f"رئیس{Z}جمهوری"),  # compounds
    ("نخستوزیران", f"نخست{Z}وزیران"),
    ("بیتالمقدس", f"بیت{Z}المقدس"),
    ("تلآویو", f"تل{Z}آویو"),
    ("راهحل", f"راه{Z}حل"),
    ("بهمنظور", f"به{Z}منظور"),  # glued preposition: the ZWNJ is all we may insert
    ("بهوجود", f"به{Z}وجود"),
    ("مسالمتآمیز", f"مسالمت{Z}آمیز"),
    ("تامینکنندگان", f"تامین{Z}کنندگان"),
    ("بینالمللی", f"بین{Z}المللی"),  # not «بی‌نالمللی»
    ("بینالملل", f"بین{Z}الملل"),
    ("بینیوز", f"بی{Z}نیوز"),
    ("تأمینکنندگان", f"تأمین{Z}کنندگان"),  # hamza spelling folds to the same key
    # rare compounds the treebanks never wrote, known from shekar's word lists
    ("آبلهمرغان", f"آبله{Z}مرغان"),  # chickenpox
    ("خادمالحرمین", f"خادم{Z}الحرمین"),  # seen in crawled news (fars)
    ("همطراز", f"هم{Z}طراز"),
    ("رکابزن", f"رکاب{Z}زن"),
    ("میآموزند", f"می{Z}آموزند"),  # می + a present stem of verbs.csv + ند
]


@pytest.mark.parametrize(("text", "expected"), GLUED)
def test_glued(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected
    assert rep.repair(expected) == expected


def test_glued_rule_name_and_offset(rep: ZwnjRepairer) -> None:
    assert rep.find_repairs("میباشد") == [Repair(2, 2, Z, "zwnj.glued")]


# ---- context: a glued «های» that is «ه» + «ای» where no ezafe can follow ------------------------

HEH_YE = [
    # before a conjunction, a preposition, «که», punctuation or the line's end, «های» has no
    # word to take its ezafe: the word is حرفه (profession) + ای, not حرف (word) + های
    ("بازیکن حرفهای و مربی", f"بازیکن حرفه{Z}ای و مربی"),
    ("لیگ حرفهای.", f"لیگ حرفه{Z}ای."),
    ("فوتبال حرفهای", f"فوتبال حرفه{Z}ای"),
    ("نامهای به رئیس نوشت", f"نامه{Z}ای به رئیس نوشت"),
    ("بیمهای که", f"بیمه{Z}ای که"),
    # must not change: before a word that can take the ezafe, the plural stays
    ("حرفهای او را شنیدم", f"حرف{Z}های او را شنیدم"),
    ("حرفهای زیادی زد", f"حرف{Z}های زیادی زد"),
    # ... and a word with no «ه» reading (کتابه is no word) stays a plural anywhere
    ("کتابهای او", f"کتاب{Z}های او"),
    ("کتابهای و", f"کتاب{Z}های و"),
]


@pytest.mark.parametrize(("text", "expected"), HEH_YE)
def test_heh_ye_in_context(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected
    assert apply_repairs(text, rep.find_repairs(text)) == expected
    assert rep.repair(expected) == expected


def test_heh_ye_in_context_without_line_trust() -> None:
    every = ZwnjRepairer(default_repairer().lexicon, trust=Trust.NONE)
    assert every.repair("لیگ حرفهای و") == f"لیگ حرفه{Z}ای و"


# ---- spaced: the ZWNJ became a space --------------------------------------------------------

SPACED = [
    ("می باشد", f"می{Z}باشد"),
    ("بی توجه", f"بی{Z}توجه"),  # بی + a list word, seen spaced in crawled news
    ("نمی توانند", f"نمی{Z}توانند"),
    ("کتاب ها", f"کتاب{Z}ها"),
    ("خشونت ها", f"خشونت{Z}ها"),
    ("گروه های", f"گروه{Z}های"),
    ("کرده اند", f"کرده{Z}اند"),
    ("سیاره ای", f"سیاره{Z}ای"),
    ("نخست وزیر", f"نخست{Z}وزیر"),  # compounds the treebanks write with a ZWNJ
    ("بین المللی", f"بین{Z}المللی"),
    ("دانش آموزان", f"دانش{Z}آموزان"),
    ("می شده اند", f"می{Z}شده{Z}اند"),  # a chain of two joins
    # «می داشته» alone stays apart in the lexicon, but «داشته‌اند» joins, and then «می» does
    # too (else a second pass would join it: repair must be idempotent)
    ("نگاه می داشته اند.", f"نگاه می{Z}داشته{Z}اند."),
    ("آنها می خواهند", f"آنها می{Z}خواهند"),
    ("خانواده اش را می خواهند", f"خانواده{Z}اش را می{Z}خواهند"),
    # after a consonant the treebanks glue a pronoun clitic (کشورشان), but never write it as
    # a word of its own (0-2 times, CLITICS_NEVER_ALONE): in a line whose ZWNJs became spaces
    # the space was a ZWNJ (session 21 reversed the older "the author's space" reading: on the
    # held-out folds 33 such words are the gold's ZWNJ, none apart; bench/zwnj/quality21s.md)
    ("کشور شان را می خواهند", f"کشور{Z}شان را می{Z}خواهند"),
    # ... and a line with no sign of lost ZWNJs keeps the writer's space
    ("حقوق شان", "حقوق شان"),
    # the ezafe ی after a silent ه is never a word of its own: «همه ی» is «همه‌ی»
    ("همه ی کتاب ها", f"همه{Z}ی کتاب{Z}ها"),
    ("خانه ی ما", f"خانه{Z}ی ما"),
    # ... but after a consonant ه (راه, کوه) or a short word it stays as written
    ("راه ی", "راه ی"),
    ("کوه ی", "کوه ی"),
    ("که ی", "که ی"),
]


@pytest.mark.parametrize(("text", "expected"), SPACED)
def test_spaced(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected
    assert rep.repair(expected) == expected


def test_spaced_rule_turns_the_space_into_the_zwnj(rep: ZwnjRepairer) -> None:
    assert rep.find_repairs("می باشد") == [Repair(2, 3, Z, "zwnj.spaced")]


def test_spaced_keep_style_only_fixes_glued() -> None:
    keep = ZwnjRepairer(default_repairer().lexicon, spaced=Spaced.KEEP)
    assert keep.repair("می باشد") == "می باشد"
    assert keep.repair("میباشد") == f"می{Z}باشد"


# ---- stray ZWNJs ------------------------------------------------------------------------------

STRAY = [
    (f"کتاب{Z} خوب", "کتاب خوب"),  # next to a space
    (f"{Z}سلام", "سلام"),  # at the text's edge
    (f"سلام{Z}", "سلام"),
    (f"کتاب{Z}.", "کتاب."),  # before punctuation
    (f"سلام{Z}1", "سلام1"),  # before a digit
    (f"می{Z}{Z}روم", f"می{Z}روم"),  # doubled
    (f"کتاب{Z} ها", f"کتاب{Z}ها"),  # stray ZWNJ removed, then the space joins
    (f"پرتاب {Z}ها", f"پرتاب{Z}ها"),  # likewise on the other side of the space
    (f"abc{Z} def", "abc def"),  # next to a space, whatever the script
]


@pytest.mark.parametrize(("text", "expected"), STRAY)
def test_stray(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected
    assert rep.repair(expected) == expected


def test_stray_rule_names(rep: ZwnjRepairer) -> None:
    assert [r.rule for r in rep.find_repairs(f"{Z}سلام")] == ["zwnj.remove.edge"]
    assert rep.find_repairs(f"می{Z}{Z}روم") == [Repair(3, 4, "", "zwnj.remove.double")]


@pytest.mark.parametrize("text", [f"1{Z}{Z}1", f"a{Z}{Z}{Z}b", f".{Z}{Z}.", f"क्{Z}{Z}ष"])
def test_doubled_zwnj_between_non_persian_characters_keeps_one(rep: ZwnjRepairer, text: str) -> None:
    # a single ZWNJ there is left alone (Indic scripts need it), but never two (the property
    # test_no_stray_zwnj_in_output found «1‌‌1» kept as it was, session 18)
    first = text.index(Z)
    assert rep.find_repairs(text) == [
        Repair(first + 1, first + text.count(Z), "", "zwnj.remove.double")
    ]
    assert rep.repair(text) == text.replace(Z * text.count(Z), Z)


def test_nonjoiner_style() -> None:
    lex = default_repairer().lexicon
    text = f"کار{Z}ها"  # after ر the ZWNJ is invisible; both spellings are Persian
    assert ZwnjRepairer(lex).repair(text) == text
    remove = ZwnjRepairer(lex, nonjoiner=NonJoiner.REMOVE)
    assert remove.repair(text) == "کارها"
    assert remove.find_repairs(text)[0].rule == "zwnj.remove.nonjoiner"


def test_styles_must_be_enums() -> None:
    lex = default_repairer().lexicon
    with pytest.raises(ValueError, match="NonJoiner.KEEP, NonJoiner.REMOVE"):
        ZwnjRepairer(lex, nonjoiner="remove")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Trust.LINE, Trust.NONE"):
        ZwnjRepairer(lex, trust="line")  # type: ignore[arg-type]


# ---- trust: a line's own ZWNJs or spaced affixes show its author's spelling ----------------------

TRUSTED = [
    # the line writes ZWNJs (می‌روند): its glued plural is the author's spelling, kept
    (f"می{Z}روند و کتابها", f"می{Z}روند و کتابها"),
    (f"بزرگترین کتاب{Z}ها", f"بزرگترین کتاب{Z}ها"),
    # ... and so is a compound written apart (joined on a line with no ZWNJ, see below)
    (f"آبان ماه می{Z}روند", f"آبان ماه می{Z}روند"),
    # a bare می before a verb is damage even there: joined
    (f"کتاب{Z}ها را می خوانند", f"کتاب{Z}ها را می{Z}خوانند"),
    # the line's ZWNJs became spaces (می خواهند): a glued noun was glued by its author ...
    ("ارزشها را می خواهند", f"ارزشها را می{Z}خواهند"),
    # ... but a glued verbal prefix is still split, and a bare suffix still joined
    ("میخواهند کتاب ها را می خوانند", f"می{Z}خواهند کتاب{Z}ها را می{Z}خوانند"),
    # a plural written apart is the same sign: the glued noun stays
    ("ارزشها و کتاب ها", f"ارزشها و کتاب{Z}ها"),
    # a glued می shows a line whose ZWNJs were dropped: words apart there are the author's
    ("میشود آبان ماه", f"می{Z}شود آبان ماه"),
    # ... and so do three other glued words (two may be the author's: Seraji glues ارزشها)
    ("کتابها خشونتها گروههای آبان ماه", f"کتاب{Z}ها خشونت{Z}ها گروه{Z}های آبان ماه"),
    ("کتابها خشونتها آبان ماه", f"کتاب{Z}ها خشونت{Z}ها آبان{Z}ماه"),
    # a line with none of these signs gets every repair
    ("ارزشها را میخواهند", f"ارزش{Z}ها را می{Z}خواهند"),
    ("آبان ماه", f"آبان{Z}ماه"),
    # each line is judged alone
    (f"می{Z}روند کتابها\nکتابها", f"می{Z}روند کتابها\nکتاب{Z}ها"),
    # a ZWNJ beside a space is no sign of a writer who uses them: still repaired, and removed
    (f"کتابها{Z} را", f"کتاب{Z}ها را"),
    # in a line whose ZWNJs became spaces, a pair the treebanks write joined more often than
    # apart (رئیس‌جمهور 46, رئیس جمهور 41) was most likely joined: its space was a ZWNJ
    ("رئیس جمهور می گوید", f"رئیس{Z}جمهور می{Z}گوید"),
    ("رئیس جمهوری کتاب ها را خواند", f"رئیس{Z}جمهوری کتاب{Z}ها را خواند"),
    # ... but a line with no such sign keeps it apart (46 joined, 41 apart: not JOIN_MARGIN times as often)
    ("رئیس جمهور گفت", "رئیس جمهور گفت"),
    # ... and a pair written apart more often stays apart even there (نه تنها 46, نه‌تنها 13)
    ("نه تنها کتاب ها", f"نه تنها کتاب{Z}ها"),
    # a tie joins there too (a guess right half the time still raises F1): پیش‌نیاز is
    # written once each way, یتیم‌خانه is a word-list compound
    ("پیش نیاز کتاب ها", f"پیش{Z}نیاز کتاب{Z}ها"),
    ("یتیم خانه ها را می سازند", f"یتیم{Z}خانه{Z}ها را می{Z}سازند"),
    ("پیش نیاز", "پیش نیاز"),
]


@pytest.mark.parametrize(("text", "expected"), TRUSTED)
def test_trust_line(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected
    assert apply_repairs(text, rep.find_repairs(text)) == expected
    assert rep.repair(expected) == expected


# ---- a glued word the lexicon writes glued (میدانی: field; می‌دانی: you know) -----------------

WHOLE_WORDS = [
    # a line whose ZWNJs became spaces (می شود, کتاب ها): the glued word is the author's
    ("این موضوع در بررسی میدانی دیده می شود", f"این موضوع در بررسی میدانی دیده می{Z}شود"),
    ("کتاب ها و بررسی میدانی", f"کتاب{Z}ها و بررسی میدانی"),
    ("بررسی میدانی، کتاب ها", f"بررسی میدانی، کتاب{Z}ها"),  # a chunk with punctuation
    # a line with no other sign of lost ZWNJs (varzesh3: دو و میدانی, athletics)
    ("بررسی میدانی", "بررسی میدانی"),
    ("مربی تیم دو و میدانی سوئد", "مربی تیم دو و میدانی سوئد"),
    # a line whose ZWNJs were dropped (میخواهد): the lexicon's counts decide (6 می‌دانی, 4 glued)
    ("تو میدانی که او میخواهد", f"تو می{Z}دانی که او می{Z}خواهد"),
    # must still change: a verb the lexicon writes glued only rarely (میدهد 3, می‌دهد 322)
    ("کتاب ها را میدهد", f"کتاب{Z}ها را می{Z}دهد"),
    ("میدهد", f"می{Z}دهد"),
    # ... or only half as often as split (میجوید 3, می‌جوید 6: the verb written both ways)
    ("کتاب ها را میجوید", f"کتاب{Z}ها را می{Z}جوید"),
    ("می شود", f"می{Z}شود"),
    ("کتابها", f"کتاب{Z}ها"),
    # must not change: glued words the lexicon never splits
    ("میگو را می خورند", f"میگو را می{Z}خورند"),
    ("میدان", "میدان"),
]


@pytest.mark.parametrize(("text", "expected"), WHOLE_WORDS)
def test_whole_words_stay_whole(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected
    assert apply_repairs(text, rep.find_repairs(text)) == expected
    assert rep.repair(expected) == expected

UNKNOWN_WORD_CUTS = [
    # unknown glued words the segmenter must not cut inside a word: a known word + an ending
    # written glued to it
    ("زلزله ۴ ریشتری", "زلزله ۴ ریشتری"),  # Richter + ی, not ریش‌تری (beard + -er)
    ("نوازنده سنتوری", "نوازنده سنتوری"),  # santur + ی, not سنت‌وری
    ("لطفا راهنماییم کنید", "لطفا راهنماییم کنید"),  # راهنمایی + م, not راه‌نماییم
    ("استراحتی کوتاه", "استراحتی کوتاه"),  # not است‌راحتی
    ("اسکندری", "اسکندری"),  # not اسکن‌دری
    ("استانداردی", "استانداردی"),  # not استان‌داردی
    ("فیلترهایی", "فیلترهایی"),  # not فیل‌ترهایی
    ("خطوطی", "خطوطی"),  # not خط‌وطی
    # must still change: a verbal prefix is no word (میدان + ند is not میدانند)
    ("آنها میدانند", f"آنها می{Z}دانند"),
    # the word as the lexicon writes it, with its ZWNJ, and the ending after it
    ("رئیسجمهوری", f"رئیس{Z}جمهوری"),
    ("نخستوزیران", f"نخست{Z}وزیران"),
    ("بزرگتری", f"بزرگ{Z}تری"),
    # after a silent ه the ending takes a ZWNJ: not this rule's
    ("کتابخانهای", f"کتابخانه{Z}ای"),
    # a piece that ends words glued (گاه in دانشگاه, ابی in خرابی) is no compound's second word
    ("پاسگاه انتظامی", "پاسگاه انتظامی"),  # not پاس‌گاه
    ("هواداران سرخابی", "هواداران سرخابی"),  # not سرخ‌ابی
    ("اقامتگاه", "اقامتگاه"),
    ("کمینگاههای دشمن", f"کمینگاه{Z}های دشمن"),  # and not another cut: کمی‌نگاه‌های
    # must still change: the other seams of the word, and after a silent ه
    ("بازداشتگاهها", f"بازداشتگاه{Z}ها"),
    ("سرخابیها", f"سرخابی{Z}ها"),
    ("معاملهگران", f"معامله{Z}گران"),
    ("تکیهگاه", f"تکیه{Z}گاه"),
    ("محیطزیست", f"محیط{Z}زیست"),
    # the last resort's می + verb: not when میر (a title) opens a name
    ("آقای میردامادی گفت", "آقای میردامادی گفت"),
    ("میرشاد", "میرشاد"),
    # must still change: a verb that opens with no word (میف), and verbs the lexicon knows
    ("میفرسود", f"می{Z}فرسود"),
    ("میرفتند", f"می{Z}رفتند"),
    ("میزدند", f"می{Z}زدند"),
]


@pytest.mark.parametrize(("text", "expected"), UNKNOWN_WORD_CUTS)
def test_unknown_words_are_cut_only_where_a_zwnj_belongs(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected
    assert apply_repairs(text, rep.find_repairs(text)) == expected


def test_trust_none_repairs_every_line() -> None:
    every = ZwnjRepairer(default_repairer().lexicon, trust=Trust.NONE)
    assert every.repair("ارزشها را می خواهند") == f"ارزش{Z}ها را می{Z}خواهند"
    assert every.repair(f"می{Z}روند و کتابها") == f"می{Z}روند و کتاب{Z}ها"
    assert every.repair(f"آبان ماه می{Z}روند") == f"آبان{Z}ماه می{Z}روند"


# ---- must not change --------------------------------------------------------------------------

UNCHANGED = [
    "",
    "   ",
    "\n\n",
    f"می{Z}روم",  # already right
    f"کتاب{Z}ها و دفترها",
    "میلیون",  # look like می + stem, are one word
    "میروسلاو",
    "خاورمیانه",
    "میهن",
    "میانه",
    "میز",
    "میوه",
    "میدان",
    "میزان",
    "میراث",
    "میلاد",
    "میشیگان",
    "همچنین",
    "یکدیگر",
    "غیرنظامیان",
    "عبدالرحمناف",  # a name ending like a suffix
    "همزیستی",
    "اشغالگری",
    "گفتگوهای",  # ها after و: no ZWNJ needed
    "کشورها",
    "تنها",  # ends in ها, is not a plural
    "گاهی",  # ه is a consonant: ی is a suffix, written glued
    "راهی",
    "کوهی",
    "آگاهی",
    "توجهی",  # a known word: the lexicon decides
    "الهی",
    "بهمن",  # «به من» (to me) exists, but بهمن is a word
    "ما در خانه",  # «مادر» is a word, «ما در» is two
    "حوادث 14 می تشکیل شده بود",  # می after a number is the month May
    "حوادث ۱۴ می تشکیل شده بود",
    "به منظور توقف",  # written apart in the treebanks: keep
    "قدس سره",  # a list compound written apart: the author's choice, kept
    "پمپ بنزین",
    "هق",  # «ه ق» (هجری قمری) is written apart in the treebanks: initials, not a ZWNJ word
    "پنجشیر",  # the list has «پنج‌شیر», the web writes «پنجشیر» glued far more often
    "قانونمند",
    "به وجود آمده",
    "رئیس جمهوری",  # written apart often enough (12 to 32) that spacing is the author's choice
    "راه حل",
    # names the morphology splits, kept by the shipped exceptions (zwnj_exceptions.txt)
    "سیتیزن",  # not سیتی + زن
    "باغملک",  # a city, not باغ + ملک
    "میدلایست",  # not می + دلایست
    "لنگرود",  # a city, not لنگ + رود
    "توییتر",  # Twitter, not تویی + تر
    "جهانگیری",
    "Hello world 123",
    "iPhone می",
    "क्\u200cष",  # Indic scripts need their ZWNJ
    f"abc{Z}def",  # not Persian: not ours
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unchanged(rep: ZwnjRepairer, text: str) -> None:
    assert rep.repair(text) == text
    assert rep.find_repairs(text) == []


def test_seed_traps_not_to_split(rep: ZwnjRepairer, shared: Path) -> None:
    expected = json.loads((shared / "examples/tasnim-kazakhstan/expected.json").read_text("utf-8"))
    for word in expected["traps_not_to_split"]:
        assert rep.repair(word) == word


# ---- user words ---------------------------------------------------------------------------------


def test_user_file_forces_spellings(tmp_path: Path) -> None:
    user = tmp_path / "words.txt"
    user.write_text(
        "# my newsroom's words\n"
        f"فرهنگ{Z}سرا\n"  # force a ZWNJ
        "میلیون\n"  # already glued: stays glued
        "کتاب ها\t# keep these two apart\n",
        encoding="utf-8",
    )
    lex = Lexicon.load(extra=[user])
    rep = ZwnjRepairer(lex)
    assert rep.repair("فرهنگسرا") == f"فرهنگ{Z}سرا"
    assert rep.repair("کتاب ها") == "کتاب ها"
    assert rep.repair("میلیون") == "میلیون"


def test_shipped_exceptions_still_take_affixes(rep: ZwnjRepairer) -> None:
    assert rep.repair("توییتر ها") == f"توییتر{Z}ها"  # a kept name is still a word
    assert rep.repair("لنگرودی") == "لنگرودی"


def test_user_file_exception_stops_a_split(tmp_path: Path) -> None:
    user = tmp_path / "words.txt"
    user.write_text("زرافهها\n", encoding="utf-8")
    assert ZwnjRepairer(Lexicon.load(extra=[user])).repair("زرافهها") == "زرافهها"


def test_user_file_errors_say_what_and_where(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="does not exist"):
        Lexicon.load(extra=[tmp_path / "missing.txt"])
    bad = tmp_path / "bad.txt"
    bad.write_text("یک دو سه\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 1"):
        Lexicon.load(extra=[bad])
    assert parse_user_entries("  # only a comment\n\n", "x") == []


# ---- invariants -----------------------------------------------------------------------------------

PERSIAN_ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئ"
persian_text = st.text(
    alphabet=st.sampled_from(list(PERSIAN_ALPHABET) + [" ", Z, "\n", ".", "1", "a", "،"]),
    max_size=60,
)
some_text = st.one_of(persian_text, st.text(max_size=60))
# A Persian word edge: a ZWNJ with a non-letter (or nothing) on one side.
LETTER_RE = re.compile(f"[{zwnj_module.LETTER}]")


def _bad_zwnj_positions(text: str) -> list[int]:
    bad = []
    for i, ch in enumerate(text):
        if ch != Z:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before == Z or after == Z:
            bad.append(i)
            continue
        b, a = bool(LETTER_RE.match(before or " ")), bool(LETTER_RE.match(after or " "))
        at_edge = not before or not after or before.isspace() or after.isspace()
        if ((b or a) and not (b and a)) or at_edge:
            bad.append(i)
    return bad


@settings(max_examples=150, deadline=None)
@given(some_text)
def test_idempotent(text: str) -> None:
    rep = default_repairer()
    once = rep.repair(text)
    assert rep.repair(once) == once


@settings(max_examples=150, deadline=None)
@given(some_text)
@example("ساقحال")  # a glued split adds a ZWNJ (found by hypothesis: the old check forbade it)
@example("می شود و کتاب ها")
def test_only_zwnj_and_space_change(text: str) -> None:
    out = default_repairer().repair(text)
    assert out.replace(Z, "").replace(" ", "") == text.replace(Z, "").replace(" ", "")
    # between the same two characters, a space may only become a ZWNJ: it never vanishes and
    # never appears (a ZWNJ may appear where the text was glued: کتابها -> کتاب‌ها)
    assert out.count(" ") <= text.count(" ")
    for before, after in zip(_gaps(text), _gaps(out), strict=True):
        if " " in before:
            assert " " in after or Z in after, (text, out)
        if " " in after:
            assert " " in before, (text, out)


def _gaps(text: str) -> list[str]:
    """The run of spaces and ZWNJs before each other character, and after the last one."""
    gaps, run = [], ""
    for ch in text:
        if ch in (" ", Z):
            run += ch
        else:
            gaps.append(run)
            run = ""
    return [*gaps, run]


@settings(max_examples=150, deadline=None)
@given(some_text)
def test_no_stray_zwnj_in_output(text: str) -> None:
    assert _bad_zwnj_positions(default_repairer().repair(text)) == []


@settings(max_examples=150, deadline=None)
@given(some_text)
def test_find_repairs_agree_with_repair(text: str) -> None:
    rep = default_repairer()
    repairs = rep.find_repairs(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(repairs))
    assert all(r.replacement in ("", Z) for r in repairs)
    assert all(set(text[r.start : r.end]) <= {Z, " "} for r in repairs)
    assert apply_repairs(text, repairs) == rep.repair(text)


def test_rejects_non_str(rep: ZwnjRepairer) -> None:
    with pytest.raises(TypeError, match="needs a str"):
        rep.repair(b"bytes")  # type: ignore[arg-type]


# ---- the seed document ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    # words without the punctuation the seed's clean text re-spaces (``کشور(اسرائیل``)
    return re.findall(r"[^\s()]+", text)


def test_seed_document_restores_all_23_zwnjs(rep: ZwnjRepairer, shared: Path) -> None:
    seed = shared / "examples/tasnim-kazakhstan"
    clean = (seed / "clean.txt").read_text("utf-8")
    raw = (seed / "raw.txt").read_text("utf-8").translate(FOLD_YEH_KAF)
    # the body is raw's paragraphs that clean keeps: from the lead to the last paragraph
    lines = [line for line in raw.split("\n") if line.strip()]
    body_lines = lines[2:9]  # the title comes twice; the last 17 lines are page chrome
    assert body_lines[0].startswith("کایرات") and body_lines[-1].startswith("اسرائیل و")
    repaired = rep.repair("\n".join(body_lines))
    clean_body = [line for line in clean.split("\n") if line.strip()][1:]
    expected_words = _words("\n".join(clean_body))
    assert clean.count(Z) == 23
    assert "\n".join(clean_body).count(Z) == 23
    assert _words(repaired) == expected_words


# ---- quality gate ---------------------------------------------------------------------------------

GATE = Path(__file__).resolve().parents[1] / "fixtures" / "text"


def _load_scorer() -> types.ModuleType:
    """eval/zwnj_score.py: the in-repo copy of the project's scorer (checked against the shared
    one by tests/text/test_quality_gate.py)."""
    path = Path(__file__).resolve().parents[2] / "eval" / "zwnj_score.py"
    spec = importlib.util.spec_from_file_location("zwnj_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def glued_f1(rep: ZwnjRepairer, gold_lines: list[str]) -> float:
    """Glued-mode F1 over visible ZWNJ boundaries, as /work/shared/tools/score_zwnj.py counts."""
    return float(_load_scorer().evaluate(gold_lines, rep.repair, "glued")["f1"])


@pytest.mark.parametrize("sample", ["zwnj_gate_perdt_dev.txt", "zwnj_gate_seraji_dev.txt"])
def test_quality_gate(rep: ZwnjRepairer, sample: str) -> None:
    baseline = json.loads((GATE / "zwnj_baseline.json").read_text("utf-8"))
    lines = [line for line in (GATE / sample).read_text("utf-8").splitlines() if line.strip()]
    f1 = glued_f1(rep, lines)
    floor = baseline["glued_f1"][sample]
    assert f1 >= floor, f"glued F1 on {sample} fell to {f1:.4f}, below the floor {floor}"


# ---- docstring examples -------------------------------------------------------------------------


# the modules of the zwnj package (khabar/_native.py compiles each; the package only gathers names)
ZWNJ_PARTS = [
    importlib.import_module(f"khabar.text.zwnj.{name}")
    for name in ("constants", "options", "records", "twins", "words", "tables", "state",
                 "segment", "glued", "stray", "chunks", "joins", "context", "repairer")
]


# every text module: a docstring example that no test runs rots (normalize.led_by's did)
@pytest.mark.parametrize(
    "module",
    [zwnj_module, *ZWNJ_PARTS, lexicon_module, charmap, fix, normalize, policy, protect, style],
)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


@pytest.mark.parametrize("sample", ["zwnj_gate_perdt_dev.txt", "zwnj_gate_seraji_dev.txt"])
def test_idempotent_on_real_sentences(rep: ZwnjRepairer, sample: str) -> None:
    """Random text rarely forms Persian words; real sentences in every damage mode do."""
    for gold in (GATE / sample).read_text("utf-8").splitlines():
        for damaged in (gold, gold.replace(Z, ""), re.sub(" +", " ", gold.replace(Z, " "))):
            once = rep.repair(damaged)
            assert rep.repair(once) == once, damaged


def test_verb_forms_after_mi_are_not_compound_words() -> None:
    """«رود» seen only in «می‌رود» is a verb form: it does not make «لنگرود» (Langarud, a
    city) a compound «لنگ‌رود»; seen after words («زاینده‌رود», «سفید‌رود», «شاه‌رود») it does."""
    verb_only = Lexicon.from_counts({f"می{Z}رود": 30, "لنگ": 6, "رود": 27})
    assert ZwnjRepairer(verb_only).repair("لنگرود") == "لنگرود"
    compounds = {f"زاینده{Z}رود": 1, f"سفید{Z}رود": 1, f"شاه{Z}رود": 1}
    seen_after_words = Lexicon.from_counts({f"می{Z}رود": 30, "لنگ": 6, "رود": 27, **compounds})
    assert ZwnjRepairer(seen_after_words).repair("لنگرود") == f"لنگ{Z}رود"


# ---- memory: the chunk memos and the facts about chunks are bounded together ----------------


def test_chunk_memory_is_bounded_and_forgetting_changes_no_output(rep: ZwnjRepairer) -> None:
    """A long stream of new words must not grow the engine without bound (refine workers live
    for a whole crawl): with a small ``chunk_limit`` the memos and the sets of chunk facts are
    forgotten together between lines, and every line repairs exactly as with no limit."""
    gold = (GATE / "zwnj_gate_seraji_dev.txt").read_text(encoding="utf-8").splitlines()
    lines = [line.replace(Z, "") for line in gold] + [line.replace(Z, " ") for line in gold]
    lines += gold  # written ZWNJs: the trusted-line path
    small = ZwnjRepairer(rep.lexicon)
    small.chunk_limit = 40
    unbounded = ZwnjRepairer(rep.lexicon)
    forgotten = 0
    for line in lines:
        before = sum(map(len, small._chunk_memos))
        assert small.repair(line) == unbounded.repair(line), line
        assert small.find_repairs(line) == unbounded.find_repairs(line), line
        after = sum(map(len, small._chunk_memos))
        forgotten += after < before
        most = 2 * (small.chunk_limit + 1 + line.count(" ") + 1)  # repair and find_repairs
        assert all(len(memo) <= most for memo in small._chunk_memos)
        # a fact is about a chunk some memo holds: it was forgotten with the memos
        known = set().union(*small._chunk_memos)
        assert all(facts <= known for facts in small._chunk_facts)
    assert forgotten > 10  # the limit was reached again and again
    assert sum(map(len, unbounded._chunk_memos)) > 10 * small.chunk_limit
