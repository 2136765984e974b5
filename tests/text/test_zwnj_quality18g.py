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
four letters or more in a joining letter. «هم» + anything stays closed (a two-letter first
piece; three-letter first pieces too: «قلمزن», «هانزا»), as does a compound the lexicon has
seen glued («جنگجو» inside «جنگجوترین»).

**Spoken spellings in the web words** (``scripts/build_lexicon.py``). wordfreq's list writes
speech: a TRAIN word with a spoken ending glued to it («اسمتون» for «اسم‌تان», «حواسمو» for
«حواسم را», «بزرگتره» for «بزرگ‌تر است», «اونکه» for «آنکه») is two words, not one word for
the engine to keep whole, and the build leaves it out of ``zwnj_web_glued.txt``. Spoken words
themselves («خونه») and words that only look so («پرستو», a swallow; «آنتون», «پایتون») stay.

Every row was written and checked by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

from collections import Counter

import pytest

from khabar.text import zwnj
from khabar.text.lexicon import Lexicon, forms_with_zwnj
from khabar.text.zwnj import ZwnjRepairer
from khabar.text.zwnj.twins import _tail_index

from .scripts import build_module
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
    assert rep.glued_words._after_comparative("تر", "ها", "بزرگتر")
    assert rep.glued_words._after_comparative("ترین", "شان", "بیشترین")
    assert rep.glued_words._after_comparative("تر", "ی", "بزرگتر")
    assert not rep.glued_words._after_comparative("تر", "سازی", "فیلتر")
    assert not rep.glued_words._after_comparative("تر", "گذاری", "فیلتر")
    # a plural after «تر» needs the stem seen as a comparative (not «بوس»)
    assert not rep.glued_words._after_comparative("تر", "ها", "بوستر")


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
    # must not change: a three-letter first piece (a pen-wielder, written glued; Hunza)
    ("قلمزن توانا", "قلمزن توانا"),
    ("دره هانزا", "دره هانزا"),
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
    lex = rep.lexicon
    tails = zwnj.two_letter_tails(
        lex, forms_with_zwnj(lex.forms), _tail_index(lex.forms, zwnj.TAIL_KEY)
    )
    # compound tails: written after a ZWNJ behind many words, rarely glued
    assert {"زا", "جو", "گو", "زن"} <= tails
    # bound suffixes are decided by their learned shares; «بر», «تا», «گر» end known words
    # glued too often («برابر», «دوتا» aside, «گر» after «ده», «بیمه»)
    assert not {"ها", "ای", "تر", "بر", "تا", "گر", "ده"} & tails
    assert all(len(t) == 2 for t in tails)


#: A toy TRAIN for the build's web words: words it writes alone (each count reasoned below)
SPOKEN_TRAIN = Counter(
    {
        "اسم": 4,  # «اسمتون», «اسمشو»: «اسم» + a spoken ending
        "حواس": 3,
        "آنکه": 2,  # «اونکه»: «آنکه» spoken
        "بزرگتر": 3,  # «بزرگتره»: a comparative and the spoken copula
        "پرس": 2,  # «پرستو» (a swallow) is no «پرس» + «ت» + «و»
        "آن": 90,  # «آنتون» (Anton) is no «آن» + «تون»
        "پای": 5,  # «پایتون» (Python) is no «پای» + «تون»
        "خانه": 9,  # «خونه»: the spoken word itself stays a word
        "ساخت": 9,  # «ساختمون», the spoken «ساختمان», reads «ساخت» + «مون»: left out too
        "شنی": 2,  # «شنیداری» (auditory): شنی + داری, kept as before
        "داری": 4,
    }
)

SPOKEN = [
    ("اسمتون", "spoken ending"),
    ("اسمشون", "spoken ending"),
    ("اونکه", "spoken آن"),
    ("حواسمو", "spoken object"),
    ("اسمشو", "spoken object"),
    ("بزرگتره", "spoken copula"),
    ("آنتون", None),
    ("پرستو", None),
    ("پایتون", None),
    ("خونه", None),
    ("ساختمون", "spoken ending"),
    ("شنیداری", None),
]


@pytest.mark.parametrize(("word", "reason"), SPOKEN)
def test_colloquial_spelling(word: str, reason: str | None) -> None:
    build = build_module()
    alone = {f: n for f, n in SPOKEN_TRAIN.items()}
    assert build.colloquial_spelling(word, alone) == reason


def test_web_glued_words_leave_out_spoken_spellings() -> None:
    build = build_module()
    freq = {"اسمتون": 3e-6, "حواسمو": 2e-6, "بزرگتره": 1e-6, "شنیداری": 3e-6, "پرستو": 2e-6}
    seen = set(SPOKEN_TRAIN)
    words, dropped = build.web_glued_words(freq, seen, set(), SPOKEN_TRAIN)
    # «پرستو» is no spoken spelling; it is left out as before because no cut of it makes two
    # words of this toy TRAIN («تو» is none here)
    assert words == ["شنیداری"]
    assert dropped["spoken spelling"] == 3


def test_shipped_web_words_hold_no_spoken_spelling_of_a_train_word() -> None:
    # the three classes are gone from the shipped list (rebuilt): none of these is in it
    web = Lexicon.load().web_glued
    assert not {"اسمتون", "اونکه", "حواسمو", "بزرگتره", "مهمتره", "خودشون"} & web
    # spoken words themselves (home), and words that only look so (a swallow), stay
    assert {"خونه", "پرستو"} <= web
