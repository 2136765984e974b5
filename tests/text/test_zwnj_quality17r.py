"""ZWNJ engine, wrong words seen on real text (issue #3, session 17). Every row was written and
checked by hand, with rows that must not change.

* a writer's stray ZWNJ inside a word that every source writes glued goes when it parts the
  word into pieces no writer would mean: ``میز‌ان`` → ``میزان`` (amount; a FarsNews body),
  ``پر‌سپولیس``, ``شد‌ند``; a ZWNJ before an ending (``میز‌ها``, ``بر‌تر``), after a prefix
  (``می‌جوشد``, ``بی‌راهه``) or between two words (``لج‌بازی``, ``دو‌شنبه``) is the writer's
  and stays, and a line whose only ZWNJs go is repaired as a line written without them, so a
  second repair changes nothing.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"
LRM = "\u200e"

STRAY_INSIDE = [
    # FarsNews: the rate of neural firing in this area rises (the page doubles its ZWNJs)
    (
        f"و میز{Z}{Z}ان شلیک عصبی در این حوزه افزایش می{Z}{Z}{Z}یابد.",
        f"و میزان شلیک عصبی در این حوزه افزایش می{Z}یابد.",
    ),
    (f"میز{Z}ان شلیک عصبی", "میزان شلیک عصبی"),
    # Varzesh3: the head of Persepolis club says ...; the football team's manager
    (f"سرپرست باشگاه پر{Z}سپولیس می{Z}گوید", f"سرپرست باشگاه پرسپولیس می{Z}گوید"),
    (f"سرپرست تیم فو{Z}تبا{Z}ل پر{Z}سپولیس", "سرپرست تیم فوتبال پرسپولیس"),
    # social posts: a verb and a participle cut before their ending, a month cut in two
    (f"موفق شد{Z}ند کاربران را زیر نظر بگیرند", "موفق شدند کاربران را زیر نظر بگیرند"),
    (f"کارت ملی هوشمند صادر شد{Z}ه است", "کارت ملی هوشمند صادر شده است"),
    (f"۲۰ اردی{Z}بهشت ۹۷", "۲۰ اردیبهشت ۹۷"),
    # a word cut after one letter or before one (FarsNews: group, expressed, brought, in)
    (f"صدرنشین گر{Z}وه باشیم", "صدرنشین گروه باشیم"),
    (f"اظها{Z}ر کرد", "اظهار کرد"),
    (f"ناهار آ{Z}ورده شد", "ناهار آورده شد"),
    (f"د{Z}ر آینده{Z}ای نزدیک", f"در آینده{Z}ای نزدیک"),
    # a stray ZWNJ at the word's edge goes too (wildlife)
    (f"متجاوز به حیا{Z}ت{Z} وحش", "متجاوز به حیات وحش"),
    # the line's only ZWNJ went: its glued plural is cut as in a line written without ZWNJs,
    # as the repaired line is on a second pass (tables and books; the amount of books)
    (f"میز{Z}ان کتابها", f"میزان کتاب{Z}ها"),
    # must not change: a writer's ZWNJ before an ending (tables, superior, our team, the house
    # of, my car), after a prefix (boils, astray, PM + ی: not «پیامی», a message) or between
    # two words (obstinacy, Monday, expert, expressive)
    (f"میز{Z}ها را چیدند", f"میز{Z}ها را چیدند"),
    (f"لیگ بر{Z}تر را ندیده بودند", f"لیگ بر{Z}تر را ندیده بودند"),
    (f"تیم{Z}مان نظم خوبی داشت", f"تیم{Z}مان نظم خوبی داشت"),
    (f"او می{Z}جوشد", f"او می{Z}جوشد"),
    (f"به بی{Z}راهه نرود", f"به بی{Z}راهه نرود"),
    (f"پی پی{Z}امی این", f"پی پی{Z}امی این"),
    (f"سونی دست از لج{Z}بازی برداشت", f"سونی دست از لج{Z}بازی برداشت"),
    (f"روز دو{Z}شنبه", f"روز دو{Z}شنبه"),
    (f"کار{Z}شناس اقتصادی", f"کار{Z}شناس اقتصادی"),
    (f"نارسیسیسم بیان{Z}گر عشق افراطی است", f"نارسیسیسم بیان{Z}گر عشق افراطی است"),
    (f"بنا{Z}بر{Z}این ما هم", f"بنا{Z}بر{Z}این ما هم"),
    # must not change: a word the lexicon saw glued under three times may be a name the writer
    # knows better (Di Carmo, Turkcell)
    (f"دی{Z}کارمو گل زد", f"دی{Z}کارمو گل زد"),
    (f"قرارداد ترک{Z}سل", f"قرارداد ترک{Z}سل"),
    # must not change: a word that goes on past a mark of direction (SSD) and a hamza above
    (f"و اس{Z}اس{LRM}دی{Z}های جدید", f"و اس{Z}اس{LRM}دی{Z}های جدید"),
    (f"خیمه{Z}\u0654 او", f"خیمه{Z}\u0654 او"),
]


@pytest.mark.parametrize(("text", "expected"), STRAY_INSIDE)
def test_stray_zwnj_inside_a_glued_word_goes(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_stray_inside_is_its_own_rule(rep: ZwnjRepairer) -> None:
    # «میز‌ان» (amount): the ZWNJ after «میز» (offset 3) goes by its own rule
    repairs = rep.find_repairs(f"میز{Z}ان")
    assert [(r.start, r.end, r.replacement, r.rule) for r in repairs] == [
        (3, 4, "", "zwnj.remove.inside")
    ]
