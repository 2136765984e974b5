"""ZWNJ engine, wrong words seen on real text (issue #3, session 20r). Every row was written and
checked by hand, with rows that must not change (bench/zwnj/real20r.md).

* an ambiguous glued «Xهای» (``حرفهای``: ``حرف‌های``, words, or ``حرفه‌ای``, professional)
  right before an infinitive of «بودن» or «شدن» is the predicate adjective: ``حرفهای بودن
  لیگ`` → ``حرفه‌ای بودن`` (the league's being professional), as before a finite light verb;
* a preposition heads no compound: a compound's tail (a bound suffix of four letters or more
  that is no plural ending, ``نمایی``, ``فروشی``, ``سازی``) is not joined to «در», «با»...
  by morphology: ``با فروشی بیشتر`` (with more sales), ``در نمایی از`` (in a view of) stay;
* a past participle before «که» is a verb whose auxiliary is left out, as before «است»: ``اعلام
  شده که`` (it has been announced that) stays apart, ``مواضع اعلام شده را`` still joins.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import (
    COPULA_INFINITIVES,
    NO_PLURAL_EZAFE_BEFORE,
    PARTICIPLE_AUX,
    PARTICIPLE_CLAUSE,
    ZwnjRepairer,
)

from .zwnj_check import check_repair

Z = "\u200c"

COPULA_INFINITIVE_CONTEXT = [
    # from FarsNews and Arman lines whose ZWNJs were removed: on the league's being
    # professional; on illustration's becoming professional
    (
        "محمود اسلامیان در خصوص حرفهای بودن لیگ برتر سخن گفت",
        f"محمود اسلامیان در خصوص حرفه{Z}ای بودن لیگ برتر سخن گفت",
    ),
    (
        "انجمن به حرفهای شدن تصویرگری کتاب کودک اشاره کرد",
        f"انجمن به حرفه{Z}ای شدن تصویرگری کتاب کودک اشاره کرد",
    ),
    # must not change: a plural with no «ه‌ای» reading keeps it (after years of being in Tehran)
    ("پس از سالها بودن در تهران به شیراز رفت", f"پس از سال{Z}ها بودن در تهران به شیراز رفت"),
    # must not change: a pronoun after the word still makes it the plural (we heard his words)
    ("حرفهای او را شنیدیم و رفتیم", f"حرف{Z}های او را شنیدیم و رفتیم"),
]


@pytest.mark.parametrize(("text", "expected"), COPULA_INFINITIVE_CONTEXT)
def test_ambiguous_plural_before_a_copula_infinitive(
    rep: ZwnjRepairer, text: str, expected: str
) -> None:
    check_repair(rep, text, expected)


def test_copula_infinitives_close_the_phrase() -> None:
    assert {"بودن", "نبودن", "شدن", "نشدن"} == COPULA_INFINITIVES
    assert COPULA_INFINITIVES <= NO_PLURAL_EZAFE_BEFORE


PREPOSITION_NO_HEAD = [
    # from a social post: the game topped the chart with more sales than Red Dead Redemption
    ("این فیلم با فروشی بیشتر از انتظار رکورد زد", "این فیلم با فروشی بیشتر از انتظار رکورد زد"),
    # in a view of the city; he took a picture with a view of the mountains; with a new
    # instrument
    ("نقاشی در نمایی از شهر دیده می شود", f"نقاشی در نمایی از شهر دیده می{Z}شود"),
    ("او با نمایی از کوه ها عکس گرفت", f"او با نمایی از کوه{Z}ها عکس گرفت"),
    ("این برنامه با سازی تازه اجرا شد", "این برنامه با سازی تازه اجرا شد"),
    # must not change: a noun before the tail still makes the compound (our team showed its
    # power; ticket sales)
    ("تیم ما با قدرت نمایی کرد و برد", f"تیم ما با قدرت{Z}نمایی کرد و برد"),
    ("بلیت فروشی این بازی از امروز آغاز شد", f"بلیت{Z}فروشی این بازی از امروز آغاز شد"),
    # must not change: «در» (door) still takes the plural «ها», an inflection, not a tail
    ("او در ها را بست و رفت", f"او در{Z}ها را بست و رفت"),
    # must not change: a word the lexicon writes glued is decided by its counts (conflict)
    ("درگیری در مرز ادامه دارد", "درگیری در مرز ادامه دارد"),
]


@pytest.mark.parametrize(("text", "expected"), PREPOSITION_NO_HEAD)
def test_preposition_heads_no_compound_tail(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


PARTICIPLE_BEFORE_KE = [
    # from social posts whose ZWNJs became spaces: the ministry's spokesman has announced that
    # it has nothing to do with filtering; a bar has been added to the keyboard that...
    (
        "سخنگوی وزارت ارتباطات اعلام شده که ارتباطی با فیلترینگ ندارد",
        "سخنگوی وزارت ارتباطات اعلام شده که ارتباطی با فیلترینگ ندارد",
    ),
    (
        "در نسخه جدید نواری به کیبورد اضافه شده که با حرکت آن کار می کند",
        f"در نسخه جدید نواری به کیبورد اضافه شده که با حرکت آن کار می{Z}کند",
    ),
    # must not change: the participle as an adjective still joins (the announced positions;
    # the programmes announced last week)
    ("مواضع اعلام شده را خواندیم", f"مواضع اعلام{Z}شده را خواندیم"),
    (
        "بر اساس برنامه های اعلام شده در هفته گذشته",
        f"بر اساس برنامه{Z}های اعلام{Z}شده در هفته گذشته",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLE_BEFORE_KE)
def test_participle_before_ke_is_a_verb(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_participle_clause_is_not_an_auxiliary() -> None:
    assert {"که"} == PARTICIPLE_CLAUSE
    assert not PARTICIPLE_CLAUSE & PARTICIPLE_AUX
