"""ZWNJ engine, glued text (issue #3, session 17): where to cut an ambiguous «Xهای».

A glued «Xهای» reads as the plural «X‌های» or as «Xه» + «ای»; the context chooser picks one.

* A stem the web writes as a word (``Lexicon.web_glued``: wordfreq's glued-only words) whose
  «ه» word it does not know is no «ه‌ای» word, even where the TRAIN lexicon knows neither:
  ``خرچنگهای`` (crabs) is not «خرچنگه‌ای», ``پابندهای به ولایت`` (devoted to) not
  «پابنده‌ای». Without this, an unseen pair took «ه‌ای» alone or in a closed context.

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
