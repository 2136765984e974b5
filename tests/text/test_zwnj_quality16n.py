"""ZWNJ engine, glued text (issue #3, session 16): a word the web writes glued
(``zwnj_web_glued.txt``) plus an ending is not cut inside the word. Every row was written and
checked by hand, with rows that must not change.

The web list keeps a bare word whole (``دومینو``), but with a plural or «ی» ending the word
is unknown and went to the segmenter, which cut the loanword into known pieces
(``دومینوهای`` → ``دومی‌نوه‌ای``, ``بالتیمورهای`` → ``بال‌تیمورهای``). Now the word stays
whole: the plural takes its ZWNJ (none after a letter that does not join: «و», «ر»), and
«ی»/«یی» stays glued, except after a silent «ه» (``گستره‌ی``). When the word + «ه» is a
word itself, «های» is left to the «ه‌ای» rules as before (``مسخرهای`` → ``مسخره‌ای``).

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

WEB_WORD_AND_ENDING = [
    # the domino pieces: not «دومی‌نوه‌ای» (second + grandchild)
    ("بازی دومینوهای رنگی را دیدم", "بازی دومینوهای رنگی را دیدم"),
    # a domino-like (effect): not «دومی‌نویی»
    ("اثر دومینویی داشت", "اثر دومینویی داشت"),
    # Baltimore's old ones: not «بال‌تیمورهای» (wing + Teymour)
    ("بالتیمورهای قدیم", "بالتیمورهای قدیم"),
    # the party's theorists: «تئوریسین» + plural, not «تئوری‌سینه‌ای»
    ("تئوریسینهای حزب گفتند", f"تئوریسین{Z}های حزب گفتند"),
    # the other Alexandrians: not «اسکن‌دری‌های»
    ("اسکندریهای دیگر", f"اسکندری{Z}های دیگر"),
    # card readers of the bank: not «کارت‌خوان‌های»
    ("کارتخوانهای بانک", f"کارتخوان{Z}های بانک"),
    # must not change: the bare web words stay whole, as before
    ("دومینو بازی کردیم", "دومینو بازی کردیم"),
    ("شهر بالتیمور", "شهر بالتیمور"),
    # must not change: «مسخره», «شنونده» are words: «ه» + «ای», not «مسخر‌های»
    ("حرف مسخرهای زد", f"حرف مسخره{Z}ای زد"),
    ("شنوندهای گفت", f"شنونده{Z}ای گفت"),
    # must not change: the ezafe «ی» after a silent «ه» takes its ZWNJ (the word's range)
    ("گسترهی کار", f"گستره{Z}ی کار"),
    # must not change: known words keep their plural ZWNJ
    ("کتابهای ما", f"کتاب{Z}های ما"),
    ("نورونهای مغز", f"نورون{Z}های مغز"),
    # must not change: a ZWNJ the writer typed stays
    (f"کارتخوان{Z}های بانک", f"کارتخوان{Z}های بانک"),
]


@pytest.mark.parametrize(("text", "expected"), WEB_WORD_AND_ENDING)
def test_web_word_and_ending_stays_whole(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
