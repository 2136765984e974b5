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
