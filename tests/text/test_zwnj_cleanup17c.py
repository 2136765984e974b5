"""ZWNJ engine clean-ups of session 17 (zq17c): one table of protected words with their endings
(:func:`khabar.text.zwnj.protected_forms`), and the inflected pair tails listed once with their
forms (:func:`khabar.text.zwnj.add_inflected_pair_tails`). No output changes: the rows below
were written and checked by hand, and the reference functions are the per-look-up loops the
table replaced, copied from the code before the change (main 8a01dde).

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

from functools import cache

import pytest

from khabar.text import zwnj
from khabar.text.lexicon import PLURAL_ENDINGS, Lexicon, forms_with_zwnj
from khabar.text.zwnj import (
    TAIL_INFLECTIONS,
    ZwnjRepairer,
    add_inflected_pair_tails,
    joinable_right_words,
    protected_forms,
)
from khabar.text.zwnj.words import _ends_in_silent_heh

from .zwnj_check import check_repair

Z = "\u200c"


@cache
def small_lexicon() -> Lexicon:
    """A lexicon with one source of each kind: «مسخره» is a word (so «مسخر» + «های» is
    vetoed), «بیت‌کوین» and «این‌گونه» are house spellings, «توییتر» and «لنگرود» exception
    entries kept glued, «دومینو», «مسخر», «گستره», «توییتر» web words."""
    lex = Lexicon.from_counts({"مسخره": 3, "کتاب": 5})
    lex.add_spellings(["بیت\u200cکوین", "این\u200cگونه"])
    lex.add_user_entries(["توییتر", "لنگرود"])
    lex.web_glued = frozenset(["دومینو", "مسخر", "گستره", "توییتر"])
    return lex


# (glued key, what the table holds): a house spelling is its spelling, an exception entry's or
# web word's form is the offset of its plural's ZWNJ (the key's length: glued as written)
PROTECTED = [
    # house spellings: the spelling's own ZWNJ, the plural's ZWNJ, «ی» glued after «ن»
    ("بیتکوینها", f"بیت{Z}کوین{Z}ها"),
    ("بیتکوینی", f"بیت{Z}کوینی"),
    ("بیتکوینشان", f"بیت{Z}کوینشان"),
    # after a silent «ه» the ending takes a ZWNJ
    ("اینگونهای", f"این{Z}گونه{Z}ای"),
    # exception entries: the plural after the whole word (توییتر|ها: 6 letters)
    ("توییترها", 6),
    ("لنگرودهایشان", 6),
    # web words: the plural after the whole word, «ی» and «یی» glued
    ("دومینوهای", 6),
    ("دومینوی", 7),
    ("دومینویی", 8),
    # a web word that is also an exception entry: the same spelling either way
    ("توییتری", 7),
]

# keys the table must not hold (each left to the morphology, as before)
NOT_PROTECTED = [
    "بیتکوین",  # the bare house spelling is the lexicon's own (best_form)
    "دومینو",  # a bare web word is never cut (GluedWords._decide_glued)
    "مسخرهای",  # «مسخره» is a word: «مسخره‌ای», not «مسخر‌های»; nor «مسخرها» + «ی»
    "مسخرها",
    "گسترهی",  # «ی» after a silent «ه» takes a ZWNJ: «گستره‌ی», left to the rules
    "کتابها",  # an ordinary word: the lexicon and the rules decide
    "توییترتر",  # no comparative after an exception entry
]


@pytest.mark.parametrize(("key", "value"), PROTECTED)
def test_protected_forms_hold(key: str, value: str | int) -> None:
    assert protected_forms(small_lexicon()).get(key) == value


@pytest.mark.parametrize("key", NOT_PROTECTED)
def test_protected_forms_leave_out(key: str) -> None:
    assert key not in protected_forms(small_lexicon())


def test_first_source_wins() -> None:
    """A key two sources give gets the house spelling first, then the exception entry."""
    lex = Lexicon.from_counts({"مسخره": 3})
    lex.add_spellings(["مس\u200cخر"])  # a made-up house spelling of «مسخر»
    lex.add_user_entries(["مسخر"])
    lex.web_glued = frozenset(["مسخر"])
    forms = protected_forms(lex)
    # the house spelling decides, before the morphology
    assert forms["مسخرها"] == f"مس{Z}خر{Z}ها"
    lex2 = Lexicon.from_counts({"مسخره": 3})
    lex2.add_user_entries(["مسخر"])
    lex2.web_glued = frozenset(["مسخر"])
    # the exception entry keeps its plural even where the web word is vetoed («مسخره»)
    assert protected_forms(lex2)["مسخرهای"] == 4


# ---- the table against the loops it replaced --------------------------------------------


def _old_kept_word_plural(lex: Lexicon, key: str) -> str | None:
    forced = lex.forced
    for ending in PLURAL_ENDINGS:
        word = key[: -len(ending)]
        if key.endswith(ending) and word and forced.get(word) == word:
            return word + Z + ending
    return None


def _old_web_word_and_ending(lex: Lexicon, key: str) -> str | None:
    web = lex.web_glued
    for ending in PLURAL_ENDINGS:
        word = key[: -len(ending)]
        if key.endswith(ending) and word in web:
            if lex.best_form(word + ending[0]) is not None or word + ending[0] in web:
                return None
            return word + Z + ending
    for ending in ("یی", "ی"):
        word = key[: -len(ending)]
        if key.endswith(ending) and word in web and not _ends_in_silent_heh(word):
            return key
    return None


def _table_over_cut(forms: dict[str, str | int], key: str) -> str | None:
    at = forms.get(key)
    if not isinstance(at, int):
        return None
    return key if at == len(key) else key[:at] + Z + key[at:]


def _candidates(lex: Lexicon) -> set[str]:
    endings = {*PLURAL_ENDINGS, "یی", "ی", "ش", "م", "ت", "مان", "تان", "شان", "ای", "اش",
               "ام", "ات", "تر", ""}
    words = set(lex.web_glued) | set(lex.forced) | set(lex.spellings)
    return {w + e for w in words for e in endings}


def test_table_matches_old_loops_shipped() -> None:
    """Every glued key a protected word plus an ending makes (the shipped lexicon with two
    exception entries more, one of them a web word): the table gives what the old loops gave,
    the house spellings first (house spelling keys are the old spelled_forms table, kept)."""
    lex = Lexicon.load()
    web = sorted(lex.web_glued)
    lex.add_user_entries([web[0], "توییتر"])
    forms = protected_forms(lex)
    house = zwnj.spelled_forms(lex.spellings)
    checked = 0
    for key in _candidates(lex):
        if key in house:
            assert forms[key] == house[key], key
            continue
        assert not isinstance(forms.get(key), str), key
        old = _old_kept_word_plural(lex, key) or _old_web_word_and_ending(lex, key)
        assert _table_over_cut(forms, key) == old, key
        checked += 1
    assert checked > 20_000


# ---- the inflected pair tails -------------------------------------------------------------


def test_inflected_pair_tails_by_hand() -> None:
    lex = Lexicon.from_counts({"کلان\u200cشهر": 3, "شهرها": 5, "کار\u200cگر": 1, "گران": 4,
                               "گفت\u200cوگو": 2})
    joinable = joinable_right_words(lex)
    joinable["شهرتر"] = True  # a form that already joins any word keeps that, and its tail
    tails = add_inflected_pair_tails(lex, joinable, TAIL_INFLECTIONS)
    assert tails["شهرها"] == "شهر"  # known as a word, but «ها» is a plural: kept
    assert tails["شهرتر"] == "شهر" and joinable["شهرتر"] is True
    assert tails["وگوهای"] == "وگو"
    assert tails["گرها"] == "گر"
    assert "گران" not in tails  # «گران» (expensive) is a word: no plural of «گر»
    assert "شهر" not in tails and "کلانها" not in tails  # a tail, a head: no forms of their own
    # a second ending on a form listed here is no form of a pair («شهرهاها»)
    assert "شهرهاها" not in tails


def _old_inflected_pair_tail(rep: ZwnjRepairer, key: str) -> str | None:
    """ZwnjRepairer._inflected_pair_tail before the change (a look-up in the whole table),
    with session 19p's «یی» after a tail in «ا» or «و» (not after a plural «ها»)."""
    from khabar.text.zwnj import MIN_PIECE, SPACED_PLURALS
    from khabar.text.zwnj.constants import PLURAL_HA, VOWEL_YE, VOWEL_YE_AFTER

    for ending in TAIL_INFLECTIONS:
        if key.endswith(ending):
            tail = key[: -len(ending)]
            heads = rep._joinable_right.get(tail, False)
            if (heads is True or not heads or len(tail) < MIN_PIECE
                    or (ending not in SPACED_PLURALS and rep.lexicon.word_count.get(key, 0))):
                return None
            return tail
    if key.endswith(VOWEL_YE):
        tail = key[: -len(VOWEL_YE)]
        heads = rep._joinable_right.get(tail, False)
        if (heads is True or not heads or len(tail) < MIN_PIECE
                or tail[-1] not in VOWEL_YE_AFTER or tail.endswith(PLURAL_HA)
                or rep.lexicon.word_count.get(key, 0)):
            return None
        return tail
    return None


def test_inflected_pair_tails_match_old_lookup(rep: ZwnjRepairer) -> None:
    """Every listed form's tail is what the old look-up said; the old look-up's other answers
    (forms of forms it listed: ``شهرهاها``) name a tail the lexicon never joins to a word other
    than a verbal prefix, so they decide nothing a word before them could join with."""
    tails = rep._inflected_pair_tails
    for form, tail in tails.items():
        assert _old_inflected_pair_tail(rep, form) == tail, form
    lex = rep.lexicon
    prefixes = lex.verbal_prefixes
    # the tails the lexicon writes joined to a word other than a verbal prefix (one seam)
    joined_after_a_word = set()
    for written in forms_with_zwnj(lex.forms):
        head, _, tail = written.rpartition(Z)
        head = head.rstrip(Z)  # «a‌‌b»: two ZWNJs at one seam count as one
        if " " not in written and Z not in head and head not in prefixes:
            joined_after_a_word.add(tail)
    late = 0
    for tail, heads in rep._joinable_right.items():
        if heads is True or not heads:
            continue
        for ending in TAIL_INFLECTIONS:
            form = tail + ending
            old = _old_inflected_pair_tail(rep, form)
            if old is not None and form not in tails:
                late += 1
                assert old not in joined_after_a_word, form
    assert late > 1000  # the forms of forms are there, and none of them matters


# ---- the repairer, end to end -------------------------------------------------------------

ROWS = [
    # house spelling + plural: not «بی‌تکوین‌ها»
    ("قیمت بیتکوینها بالا رفت", f"قیمت بیت{Z}کوین{Z}ها بالا رفت"),
    # web word + plural after a joining letter: the word whole, the plural with its ZWNJ
    ("تئوریسینهای حزب گفتند", f"تئوریسین{Z}های حزب گفتند"),
    # a pair the lexicon writes joined, with a plural ending, in a line whose ZWNJs became
    # spaces («می خواهند»): joins as the pair does
    ("می خواهند کلان شهرها را بسازند", f"می{Z}خواهند کلان{Z}شهرها را بسازند"),
    ("گفت وگوهای ملی را می خواهند", f"گفت{Z}وگوهای ملی را می{Z}خواهند"),
    # must not change: the same pair in a line with no sign of lost ZWNJs stays as written
    ("کلان شهرها را بسازند", "کلان شهرها را بسازند"),
    # must not change: «مسخره» is a word, so «ه» + «ای»
    ("حرف مسخرهای زد", f"حرف مسخره{Z}ای زد"),
    # must not change: a bare web word
    ("دومینو بازی کردیم", "دومینو بازی کردیم"),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_repairer_rows(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
