"""ZWNJ engine, glued text (issue #3, session 18): the segmenter on unseen glued words.

**A comparative ends the stem.** «تر», «تری», «ترین» follow an adjective and close it: after
them comes nothing or an ending (a plural, a personal ending, the ezafe: «بزرگ‌ترها»,
«بیش‌ترین‌شان»). The segmenter read «فیلترسازی» (filter-making) as «فیل» + «تر» + «سازی»
and wrote «فیل‌ترسازی» (elephant + «ترسازی», no word): «سازی» after «تر» is no ending, so
that cut is not made and the unknown word stays as written.

**Two-letter compound tails.** A two-letter second piece was refused unless the pair had
been seen. Pieces the lexicon writes after a ZWNJ behind ten or more different first words,
and at least four times as many as the known words they end glued («زا», «جو», «گو», «زن»,
«خو», «پا», «پز»: `two_letter_tails`), may now end an unknown glued compound after a word of
three letters or more in a joining letter. «هم» + anything stays closed (a two-letter first
piece), as does a compound the lexicon has seen glued («جنگجو» inside «جنگجوترین»).

Every row was written and checked by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text import zwnj
from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

COMPARATIVE = [
    # must change: filter-making, not «فیل‌ترسازی»; centre-making (a football cross)
    ("واحد فیلترسازی کارخانه", "واحد فیلترسازی کارخانه"),
    ("تمرین سانترسازی", "تمرین سانترسازی"),
    # must not change: a comparative and an ending after it (the elders; biggest)
    ("بزرگترها گفتند", f"بزرگ{Z}ترها گفتند"),
    ("بزرگترین شهر", f"بزرگ{Z}ترین شهر"),
    ("شنیعترین جنایت", f"شنیع{Z}ترین جنایت"),
    ("کوچکتری داشت", f"کوچک{Z}تری داشت"),
    # must not change: «بیشترین» is one word to the lexicon; a plural after it
    ("بیشترینها", f"بیشترین{Z}ها"),
    # must not change: a loanword in «-ter» + «ها» (boosters), no comparative
    ("بوسترها رسید", "بوسترها رسید"),
    # must not change: theatre-making (the lexicon writes «تئاتر» glued)
    ("تئاترسازی", "تئاترسازی"),
]


@pytest.mark.parametrize(("text", "expected"), COMPARATIVE)
def test_comparative_ends_the_stem(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_after_comparative(rep: ZwnjRepairer) -> None:
    # an ending may follow a comparative; a compound's tail or another suffix may not
    assert rep._after_comparative("تر", "ها", "بزرگتر")
    assert rep._after_comparative("ترین", "شان", "بیشترین")
    assert rep._after_comparative("تر", "ی", "بزرگتر")
    assert not rep._after_comparative("تر", "سازی", "فیلتر")
    assert not rep._after_comparative("تر", "گذاری", "فیلتر")
    # a plural after «تر» needs the stem seen as a comparative (not «بوس»)
    assert not rep._after_comparative("تر", "ها", "بوستر")


TWO_LETTER_TAILS = [
    # must change: a pinpoint (missile), vindictive, exciting, truth-seeking
    ("موشکهای نقطهزن", f"موشک{Z}های نقطه{Z}زن"),
    ("آدمی کینهجو بود", f"آدمی کینه{Z}جو بود"),
    ("فضای هیجانزا", f"فضای هیجان{Z}زا"),
    ("روحیه حقیقتجو", f"روحیه حقیقت{Z}جو"),
    # must not change: the lexicon's own spelling (job-creating plans)
    ("طرحهای اشتغالزا", f"طرح{Z}های اشتغال{Z}زا"),
    # must not change: after a letter that never joins no ZWNJ is written
    ("عامل اعتیادزا", "عامل اعتیادزا"),
    ("مرد شمشیرزن", "مرد شمشیرزن"),
    # must not change: «هم» + a two-letter piece (a companion), and «هم» compounds
    ("همره ما شد", "همره ما شد"),
    ("همراه همه همین", "همراه همه همین"),
    # must not change: known words ending in such letters (a needle, a liar)
    ("سوزن و دروغگو", "سوزن و دروغگو"),
    # must not change: a compound the lexicon saw glued, inside a longer word (fiercest warrior)
    ("جنگجوترین سرباز", "جنگجوترین سرباز"),
    # must not change: a surname after a given name keeps its writer's spelling
    ("رضا حسنیخو گفت", "رضا حسنیخو گفت"),
    # must not change: the writer's ZWNJ, or the pair written apart
    (f"موشک نقطه{Z}زن", f"موشک نقطه{Z}زن"),
    ("سلاح نقطه زن", "سلاح نقطه زن"),
]


@pytest.mark.parametrize(("text", "expected"), TWO_LETTER_TAILS)
def test_two_letter_tail(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_two_letter_tails_of_the_lexicon(rep: ZwnjRepairer) -> None:
    tails = zwnj.two_letter_tails(rep.lexicon)
    # compound tails: written after a ZWNJ behind many words, rarely glued
    assert {"زا", "جو", "گو", "زن"} <= tails
    # bound suffixes are decided by their learned shares; «بر», «تا», «گر» end known words
    # glued too often («برابر», «دوتا» aside, «گر» after «ده», «بیمه»)
    assert not {"ها", "ای", "تر", "بر", "تا", "گر", "ده"} & tails
    assert all(len(t) == 2 for t in tails)
