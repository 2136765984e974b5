"""ZWNJ engine, three classes of unknown glued words (issue #3, session 21). Every row was
written and checked by hand, with rows that must not change. See bench/zwnj/quality21g.md.

* The comparative of an adjective the lexicon saw only once. An unknown glued word whose
  stem the segmenter cannot open (seen under ``MIN_STEM_COUNT`` times) falls to
  ``Segmenter._unknown_stem``, which cut «تر»/«تری» only at the strong share
  (``MIN_STRONG_SHARE``, 0.9; «تر» takes a ZWNJ in 77 % of the lexicon's word types), so
  ``رقیقتر``, ``محتملتر``, ``ناسالمتر`` stayed glued while ``شنیع‌ترین`` was cut. The strong
  share is there for names and loans in «-ter» (``پارامتر``, ``منچستر``), whose stems are no
  words; a stem the lexicon saw as a word (once), of more than ``MIN_COMPARATIVE_STEM``
  letters (``اکستر``, Exeter, stays) and not in a silent «ه» (``_heh_comparative``'s), gets
  the majority share the superlative gets, and keeps the lexicon's spelling (``کم‌خرج‌تر``).
* «بی» + a three-letter word (``بی‌قلب``, ``بی‌نفت``): the bound prefixes took a piece of four
  letters or more only, for fear of verbs (``بینیم``, we see); UD TRAIN writes «بی» + a
  three-letter word with a ZWNJ in 38 word types and glued in 11 words of their own (بیمار,
  بیدار, بیکار), so «بی» alone now takes three-letter words seen five times or more and
  after a ZWNJ (a compound's second piece: not «جار», so ``بیجار``, a city, stays), unless
  the whole reads otherwise: a verb the lexicon saw after «می» (``بینیم``, ``بیابم``), or a
  longer word + a word (``بینهم``).
* The plural in «دگان»/«تگان» of a participle as a compound's second piece
  (``شکست‌خوردگان``, ``قحطی‌زدگان``): the segmenter knew «خورده» after a ZWNJ but not
  «خوردگان»; ``_uninflect`` now gives the singular back (not for other words in «گان»:
  ``گلپایگان``, a city, is no «گل» + «پایه»).

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

COMPARATIVES = [
    # a thinner solution (base: left glued; «رقیق» seen once as a word)
    ("محلول رقیقتر است", f"محلول رقیق{Z}تر است"),
    # a thinner layer (ezafe/indefinite «تری»; base: left glued)
    ("لایه رقیقتری دارد", f"لایه رقیق{Z}تری دارد"),
    # this outcome is more likely (base: left glued)
    ("این نتیجه محتملتر است", f"این نتیجه محتمل{Z}تر است"),
    # an unhealthier diet (base: left glued)
    ("رژیم ناسالمتر", f"رژیم ناسالم{Z}تر"),
    # cheaper to run: the stem keeps the lexicon's spelling «کم‌خرج» (base: left glued)
    ("خودروی کمخرجتر", f"خودروی کم{Z}خرج{Z}تر"),
    # must not change: names and loans in «-ter» whose stem is no word
    ("اسکوتر برقی", "اسکوتر برقی"),
    ("این پارامتر مهم است", "این پارامتر مهم است"),
    ("تیم منچستر برد", "تیم منچستر برد"),
    ("باشگاه لستر", "باشگاه لستر"),
    # must not change: an adjective no source knows stays as written (no evidence it is one)
    ("درد خفیفتر شد", "درد خفیفتر شد"),
    # must not change: Exeter («اکس», seen once, is too short a stem to tell a word by)
    ("دانشگاه اکستر", "دانشگاه اکستر"),
    # must not change: words the lexicon knows keep its spelling
    ("این دفتر و آن بستر", "این دفتر و آن بستر"),
    ("کاملتر", "کاملتر"),
    # must not change: the writer's ZWNJ stays
    (f"محلول رقیق{Z}تر است", f"محلول رقیق{Z}تر است"),
]


@pytest.mark.parametrize(("text", "expected"), COMPARATIVES)
def test_comparative_of_a_word_seen_once(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_weak_share_is_a_named_step(rep: ZwnjRepairer) -> None:
    """The majority share for the superlative after any stem, and for «تر»/«تری» after a
    stem the lexicon saw as a word; the strong one otherwise."""
    words = rep.glued_words
    assert words._weak_share_ok("شنیع", "ترین")  # the superlative, as before
    assert words._weak_share_ok("رقیق", "تر")  # a word seen once
    assert words._weak_share_ok("رقیق", "تری")
    assert not words._weak_share_ok("پارام", "تر")  # no word: a loan in «-ter» (پارامتر)
    assert not words._weak_share_ok("اکس", "تر")  # seen once, but too short (اکستر)
    assert not words._weak_share_ok("رقیق", "ها")  # not a comparative


PRIVATIVES = [
    # a heartless man (base: left glued; «قلب» is seen after a ZWNJ: «سنگ‌قلب»)
    ("مرد بیقلب", f"مرد بی{Z}قلب"),
    # a country without oil (base: left glued)
    ("کشور بینفت", f"کشور بی{Z}نفت"),
    # a crownless king (base: left glued)
    ("شاه بیتاج", f"شاه بی{Z}تاج"),
    # must not change: «کفش» is never seen as a compound's second piece: no evidence, as
    # written (as before)
    ("کودکان بیکفش", "کودکان بیکفش"),
    # must not change: verbs the lexicon saw after «می» (we see; that I find)
    ("ما او را بینیم", "ما او را بینیم"),
    ("تا آن را بیابم", "تا آن را بیابم"),
    # must not change: Arabic «بین» + «هم» (between them), a longer word + a word
    ("بینهم", "بینهم"),
    # must not change: a surname; «رشک» (envy) is seen under five times as a word
    ("محمود بیرشک", "محمود بیرشک"),
    # must not change: words of their own the lexicon knows
    ("او بیکار است", "او بیکار است"),
    ("او بیمار است", "او بیمار است"),
    ("شهر بیجار", "شهر بیجار"),
    ("بیست نفر", "بیست نفر"),
    # must not change: the writer's ZWNJ stays
    (f"مرد بی{Z}قلب", f"مرد بی{Z}قلب"),
]

HEH_PLURALS = [
    # the defeated (base: left glued; «خورده» is seen after a ZWNJ)
    ("شکستخوردگان جنگ", f"شکست{Z}خوردگان جنگ"),
    # the famine-stricken (base: left glued)
    ("کمک به قحطیزدگان", f"کمک به قحطی{Z}زدگان"),
    # the well-educated (base: left glued)
    ("تربیتیافتگان این مدرسه", f"تربیت{Z}یافتگان این مدرسه"),
    # must not change: cut before, as the lexicon or segmenter already did
    ("آسیبدیدگان زلزله", f"آسیب{Z}دیدگان زلزله"),
    # must not change: words in «گان» that are one word
    ("شاهزادگان قاجار", "شاهزادگان قاجار"),
    ("ورود رایگان", "ورود رایگان"),
    ("استان گلستان و گرگان", "استان گلستان و گرگان"),
    ("آزادی گروگانها", f"آزادی گروگان{Z}ها"),
    ("مژگان بلند", "مژگان بلند"),
]


@pytest.mark.parametrize(("text", "expected"), PRIVATIVES)
def test_privative_and_three_letter_word(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(("text", "expected"), HEH_PLURALS)
def test_heh_plural_as_second_piece(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_privative_verb_is_a_named_step(rep: ZwnjRepairer) -> None:
    """«بی» + three letters reads as a verb when the lexicon saw it (or it less the
    subjunctive «ب») after «می»."""
    words = rep.glued_words
    assert words._privative_verb("بینیم")  # می‌بینیم
    assert words._privative_verb("بیابم")  # ب + یابم: می‌یابم
    assert words._privative_verb("بینهم")  # «بین» + «هم»
    assert not words._privative_verb("بیقلب")
    assert not words._privative_verb("بینفت")


def test_privative_piece_is_a_second_piece(rep: ZwnjRepairer) -> None:
    """«بی» takes a three-letter word seen five times or more and after a ZWNJ: «قلب» (as in
    «سنگ‌قلب»), not «جار» (``بیجار`` is a city), nor «رشک», seen twice."""
    words = rep.glued_words
    assert words._next_piece("word", "بی", "قلب", "بی") == "word"
    assert words._next_piece("word", "بی", "جار", "بی") is None
    assert words._next_piece("word", "بی", "رشک", "بی") is None


def test_uninflect_heh_plural() -> None:
    from khabar.text.zwnj.words import _uninflect

    assert _uninflect("باختگان") == "باخته"
    assert _uninflect("کنندگان") == "کننده"
    assert _uninflect("وزیران") == "وزیر"  # as before
    assert _uninflect("گان") == "گان"  # too short to be a plural
    assert _uninflect("پایگان") != "پایه"  # no participle: «گلپایگان» is a city
    assert _uninflect("مژگان") != "مژه"  # a plural in «گان», but no participle's
