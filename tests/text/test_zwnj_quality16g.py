"""ZWNJ engine, glued text (issue #3, session 16): three kinds of unknown glued word.

* A seam before «آ» after a joining letter. «آ» (alef madda) opens a Persian word, so inside
  an unknown glued word it marks where a ZWNJ was lost when a joining letter comes before it
  (``لوازمآرایشی`` → ``لوازم‌آرایشی``). UD TRAIN writes a ZWNJ there 1,096 times and glues the
  two letters 25 times, all in words the lexicon knows (الآن, مآخذ, مآثر, نوکرمآب). Not after
  a short piece that is a misspelt hamza (سوآلات, مسآله), the Arabic article (بالآخره), a
  given name (حسینآبادی, the surname policy), nor inside «مآب».
* «به» glued to a word the lexicon saw after it only written apart, too seldom for a phrase
  (``بهموجب`` → ``به‌موجب``, ``بهمانند`` → ``به‌مانند``). Not before a three-letter word
  (given names: بهداد, بهشاد), nor before a compound tail (``بهداری``: health care), nor in a
  word the lexicon saw glued (بهتر, بهار, بهانه).
* An unknown «Xهای» after a letter that never joins, where neither «X» nor «Xه» was seen, gets
  both readings, as session 13 gave them to such words after a joining letter (``جرعهای``):
  the context chooses (``یک جبیرهای`` → ``یک جبیره‌ای``; before «بزرگ» it stays a plural).
  Not after «و»: an unseen word in «و» is a loanword (کادو, پالتو).

Every row was written and checked by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

SEAM_BEFORE_MADDA = [
    # the sale of cosmetics was banned: «لوازم» + «آرایشی»
    ("فروش لوازمآرایشی ممنوع شد", f"فروش لوازم{Z}آرایشی ممنوع شد"),
    # and its plural: both seams
    ("لوازمآرایشیها را خرید", f"لوازم{Z}آرایشی{Z}ها را خرید"),
    # a hydroelectric plant
    ("نیروگاه برقآبی کارون", f"نیروگاه برق{Z}آبی کارون"),
    # a deadly disease (PerDT writes «مرگ‌آسای»)
    ("بیماری مرگآسای طاعون", f"بیماری مرگ{Z}آسای طاعون"),
    # a milliampere current
    ("یک جریان میلیآمپری", f"یک جریان میلی{Z}آمپری"),
    # the prefix «هم»: the people became of one voice
    ("مردم همآوا شدند", f"مردم هم{Z}آوا شدند"),
    # a cut the engine already makes stays: a reinforced-concrete roof
    ("یک سقف بتنآرمهای", f"یک سقف بتن{Z}آرمه{Z}ای"),
    # must not change: the writer's ZWNJ is there already
    (f"فروش لوازم{Z}آرایشی و بهداشتی", f"فروش لوازم{Z}آرایشی و بهداشتی"),
    # must not change: words the lexicon knows glued (now; sources; -like)
    ("الآن آمد", "الآن آمد"),
    ("مآخذ این کتاب", "مآخذ این کتاب"),
    ("رفتار نوکرمآب او", "رفتار نوکرمآب او"),
    # must not change: «مآب» is one suffix, not «م» + «آب» (westernised)
    ("مردی فرنگیمآب بود", "مردی فرنگیمآب بود"),
    # must not change: a hamza written «آ» after a short piece (questions, issue)
    ("سوآلات زیادی داشت", "سوآلات زیادی داشت"),
    ("این مسآله مهم است", "این مسآله مهم است"),
    # must not change: the Arabic article before «آ» (finally, a spelling of «بالاخره»)
    ("بالآخره رسید", "بالآخره رسید"),
    # must not change: fewer than three letters after «آ» (installations)
    ("منشآت نفتی", "منشآت نفتی"),
    # must not change: a given name and a surname stay as written (the surname policy)
    ("آقای حسینآبادی گفت", "آقای حسینآبادی گفت"),
    # must not change: «آ» after a letter that never joins needs no ZWNJ (Quran; soldier)
    ("قرآن کریم", "قرآن کریم"),
]


@pytest.mark.parametrize(("text", "expected"), SEAM_BEFORE_MADDA)
def test_seam_before_madda(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


BY_AND_WORD = [
    # under this law; as the policy before; as follows; as the constitution states
    ("بهموجب این قانون", f"به{Z}موجب این قانون"),
    ("بهمانند سیاست گذشته", f"به{Z}مانند سیاست گذشته"),
    ("بهقرار زیر است", f"به{Z}قرار زیر است"),
    ("بهتصریح قانون اساسی", f"به{Z}تصریح قانون اساسی"),
    # must not change: written apart, as the treebanks write it
    ("به موجب این قانون", "به موجب این قانون"),
    # must not change: given names of «به» and a three-letter word
    ("آقای بهداد آمد", "آقای بهداد آمد"),
    ("بهشاد گفت", "بهشاد گفت"),
    # must not change: health care, «به» + the compound tail «داری»
    ("بهداری شهر", "بهداری شهر"),
    # must not change: words the lexicon saw glued (better; spring; excuse) or never apart
    # (normal)
    ("هوا بهتر شد", "هوا بهتر شد"),
    ("بهار آمد", "بهار آمد"),
    ("بهانه آورد", "بهانه آورد"),
    ("رفتار بهنجار", "رفتار بهنجار"),
]


@pytest.mark.parametrize(("text", "expected"), BY_AND_WORD)
def test_by_and_word(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


UNSEEN_HEH_YE_AFTER_NON_JOINER = [
    # closed contexts: before a verb (they wash a splint), after «یک» (he tied a splint),
    # before «از» (he drew a portrait of him)
    ("غسل جبیرهای میگیرند", f"غسل جبیره{Z}ای می{Z}گیرند"),
    ("یک جبیرهای بست", f"یک جبیره{Z}ای بست"),
    ("پرترهای از او کشید", f"پرتره{Z}ای از او کشید"),
    # must not change: an open context keeps the plural, glued after «ر» (large splints;
    # her beautiful portraits)
    ("جبیرهای بزرگ", "جبیرهای بزرگ"),
    ("پرترهای زیبای او", "پرترهای زیبای او"),
    # must not change: a known stem (notebooks), and a loanword in «و» (gift)
    ("یک دفترهای", "یک دفترهای"),
    ("یک کادوهای", "یک کادوهای"),
]


@pytest.mark.parametrize(("text", "expected"), UNSEEN_HEH_YE_AFTER_NON_JOINER)
def test_unseen_heh_ye_after_non_joiner(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
