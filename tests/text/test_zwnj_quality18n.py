"""ZWNJ engine, glued text (issue #3, session 18): the cut that moves in an ambiguous «Xهای».

A glued «Xهای» reads as the plural «X‌های» (its ezafe leans on a word after it) or as «Xه» +
«ای» (``حرفه‌ای``, professional; ``نامه‌ای``, a letter). What the next word is decides it:

* No plural with its ezafe stands before a preposition such as «مثل», «مانند», «همچون»,
  «توسط», «دربارهٔ», «راجع», or the focus adverbs «حتی», «فقط» (UD TRAIN: 0 of 4,758 plurals,
  24 of 1,652 «ه‌ای» words), nor before a light verb's finite form or participle («شد»,
  «شود», «شده», «کرده», «داشته»...: 0 plurals, 12 «ه‌ای» words): both close the phrase as
  «از» or «است» do. Not «بدون» (``حرفهای بدون پشتوانه``, words without backing), «نه»
  (``سالهای نه چندان دور``), «کرد» (the Kurd) or «کند» (slow): a plural's modifiers.
* A pronoun after the word (او, ما, خود, آنها...) is its possessor, so the word is the plural
  about 4 times likelier (TRAIN: 313 of 4,732 plurals in an open context, 12 of 725 «ه‌ای»
  words): ``نامهای خود`` (their own names; «نامه‌ای» 19, «نام‌های» 9 in the lexicon) →
  «نام‌های». Not after «هیچ», «هر», «یک» or a number, as before a given name.
* After a quantifier that takes a plural («تمام», «سایر», «برخی»...: TRAIN 111 plurals, no
  «ه‌ای» word) or a partitive and «از» («یکی از», «بسیاری از»...: 95 and none) the word is a
  plural noun: ``تمام نامهای ایرانی`` → «نام‌های» (all the Iranian names).

Every row was written and checked by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

CLOSING_WORD_AFTER = [
    # a professional player like him; professional ethics by lawyers; in an advanced country
    # like Japan
    ("بازیکن حرفهای مثل او", f"بازیکن حرفه{Z}ای مثل او"),
    ("اخلاق حرفهای توسط وکلا", f"اخلاق حرفه{Z}ای توسط وکلا"),
    ("در کشور پیشرفتهای همچون ژاپن", f"در کشور پیشرفته{Z}ای همچون ژاپن"),
    # that I had turned professional; he turned professional; the city has had a long history
    ("که حرفهای شده بودم", f"که حرفه{Z}ای شده بودم"),
    ("او حرفهای شد", f"او حرفه{Z}ای شد"),
    ("این شهر تاریخ دیرینهای داشته است", f"این شهر تاریخ دیرینه{Z}ای داشته است"),
    # must not change: a letter about him was «ه‌ای» already (the counts)
    ("نامهای دربارهٔ او نوشت", f"نامه{Z}ای دربارهٔ او نوشت"),
    # must not change: «بدون» and «نه» may modify a plural (words without backing; in the
    # not so distant years)
    ("حرفهای بدون پشتوانه", f"حرف{Z}های بدون پشتوانه"),
    ("در سالهای نه چندان دور", f"در سال{Z}های نه چندان دور"),
    # must not change: «کرد» (Kurdish) and «کند» (slow) are adjectives of a plural too
    ("نیروهای کرد", "نیروهای کرد"),
    ("حرکتهای کند", f"حرکت{Z}های کند"),
]


@pytest.mark.parametrize(("text", "expected"), CLOSING_WORD_AFTER)
def test_closing_word_after(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


PRONOUN_AFTER = [
    # two names of his own names; he covered his ears; he read their names
    ("دو نام از نامهای خود", f"دو نام از نام{Z}های خود"),
    ("گوشهای خود را گرفت", f"گوش{Z}های خود را گرفت"),
    ("نامهای آنها را خواند", f"نام{Z}های آنها را خواند"),
    # must not change: a plural was read already (he listened to his words; they put their
    # rows in order)
    ("به حرفهای او گوش داد", f"به حرف{Z}های او گوش داد"),
    ("صفهای خود را مرتب کردند", f"صف{Z}های خود را مرتب کردند"),
    # must not change: «عده» is never plural (some accused me); after «هیچ» no plural (he wrote
    # no letter); no pronoun after it (in another corner)
    ("عدهای من را متهم کردند", f"عده{Z}ای من را متهم کردند"),
    ("هیچ نامهای او ننوشت", f"هیچ نامه{Z}ای او ننوشت"),
    ("در گوشهای دیگر", f"در گوشه{Z}ای دیگر"),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUN_AFTER)
def test_pronoun_after(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


QUANTIFIER_BEFORE = [
    # all the Iranian names; some places of the city; one of the famous names; many of the
    # city's places; all the letters received
    ("تمام نامهای ایرانی", f"تمام نام{Z}های ایرانی"),
    ("برخی محلهای شهر", f"برخی محل{Z}های شهر"),
    ("یکی از نامهای مشهور", f"یکی از نام{Z}های مشهور"),
    ("بسیاری از محلهای شهر", f"بسیاری از محل{Z}های شهر"),
    ("کلیه نامهای رسیده", f"کلیه نام{Z}های رسیده"),
    # must not change: «همه» may be «everyone» (everyone wrote a letter); «بخشی از» a part of
    # one thing (a part of a letter); «طی» (in a letter to him)
    ("همه نامهای نوشتند", f"همه نامه{Z}ای نوشتند"),
    ("بخشی از نامهای طولانی", f"بخشی از نامه{Z}ای طولانی"),
    ("طی نامهای به او", f"طی نامه{Z}ای به او"),
    # must not change: a plural already (one of his words)
    ("یکی از حرفهای او", f"یکی از حرف{Z}های او"),
]


@pytest.mark.parametrize(("text", "expected"), QUANTIFIER_BEFORE)
def test_quantifier_before(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
