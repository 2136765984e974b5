"""ZWNJ engine, spaced text (issue #3, session 19): inflected forms of compound tails that join
in a line whose ZWNJs became spaces. The plural of people of an agent tail (a verb stem) that
is also a word by itself, when the plural never is (سفته بازان); the copula glued to a compound
adjective's tail (علاقه مندند, جدایی ناپذیرند, اصول گراست); «یی» after a joined pair's tail in
«و» or «ا» (گفت وگویی). Each row was written and checked by hand; the must-change rows fail on
main before this branch. Notes and numbers: bench/zwnj/quality19p.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

WORD_TAIL_PLURAL_ROWS = [
    # «باز» (a verb stem) stands alone, so it is no compound tail; its plural of people
    # «بازان» never does: in a line whose ZWNJs became spaces it joins
    (
        "سفته بازان در بازار کتاب ها را می خرند",
        f"سفته{Z}بازان در بازار کتاب{Z}ها را می{Z}خرند",
    ),
    # must not change: a noun's plural, no agent's (held-out folds: «خان خانان», khan of
    # khans); «سالار» is no verb stem, so «قبیله سالاران» stays as written too
    ("او خان خانان بود و کتاب ها را می خواند", f"او خان خانان بود و کتاب{Z}ها را می{Z}خواند"),
    (
        "قبیله سالاران کهن می گفتند که راه ها بسته است",
        f"قبیله سالاران کهن می{Z}گفتند که راه{Z}ها بسته است",
    ),
    # must not change: no sign of lost ZWNJs in the line (a rare tail's level)
    ("سفته بازان در بازار بودند", "سفته بازان در بازار بودند"),
    # must not change: a noun's plural the lexicon saw alone («یاران»)
    ("همه یاران او به خانه ها می آیند", f"همه یاران او به خانه{Z}ها می{Z}آیند"),
    # must not change: a first word the lexicon does not know opens no compound
    ("اسکیت بازان در پارک ها می چرخند", f"اسکیت بازان در پارک{Z}ها می{Z}چرخند"),
]

COPULA_TAIL_ROWS = [
    # the copula glued to a compound adjective's tail, in a line whose ZWNJs became spaces
    (
        "مردم به این کار علاقه مندند و کتاب ها را می خوانند",
        f"مردم به این کار علاقه{Z}مندند و کتاب{Z}ها را می{Z}خوانند",
    ),
    (
        "ما از این نعمت بهره مندیم و درس ها را می خوانیم",
        f"ما از این نعمت بهره{Z}مندیم و درس{Z}ها را می{Z}خوانیم",
    ),
    (
        "این اصول جدایی ناپذیرند و ارزش ها را می سازند",
        f"این اصول جدایی{Z}ناپذیرند و ارزش{Z}ها را می{Z}سازند",
    ),
    # after «ا» the copula is «ست»
    ("او اصول گراست و کتاب ها را می خواند", f"او اصول{Z}گراست و کتاب{Z}ها را می{Z}خواند"),
    # must not change: no sign of lost ZWNJs in the line
    ("مردم به این کار علاقه مندند", "مردم به این کار علاقه مندند"),
    # must not change: a verb, a present stem + a person ending («نمایند», «گرایند»: they
    # tend), not a compound adjective's predicate
    (
        "آنها باید در جلسه شرکت نمایند و کتاب ها را ببرند",
        f"آنها باید در جلسه شرکت نمایند و کتاب{Z}ها را ببرند",
    ),
    (
        "آنها اصول گرایند و کتاب ها را می خوانند",
        f"آنها اصول گرایند و کتاب{Z}ها را می{Z}خوانند",
    ),
    # must not change: after «ا» only «ست» is read; «نیا» + «یم» is the verb «نیایم»
    ("به نمایشگاه نیایم و کتاب ها را نخرم", f"به نمایشگاه نیایم و کتاب{Z}ها را نخرم"),
    # unchanged behaviour beside them: the copula written apart joins as a suffix
    (
        "آنها بهره مند اند و کتاب ها را می خوانند",
        f"آنها بهره{Z}مند{Z}اند و کتاب{Z}ها را می{Z}خوانند",
    ),
]


VOWEL_YE_ROWS = [
    # «یی» after the tail of a pair the lexicon writes joined (گفت‌وگو 5 : 0), in a line
    # whose ZWNJs became spaces
    (
        "در گفت وگویی کوتاه با او کتاب ها را دید",
        f"در گفت{Z}وگویی کوتاه با او کتاب{Z}ها را دید",
    ),
    # must not change: no sign of lost ZWNJs in the line
    ("در گفت وگویی کوتاه با او سخن گفت", "در گفت وگویی کوتاه با او سخن گفت"),
    # must not change: a pair written about as often apart (قابل اتکا, جست وجو: 1 : 1); the
    # «ی» may close a phrase written apart on purpose (a writer's «بازیکن قابل اتکایی»)
    (
        "او بازیکن قابل اتکایی است و کتاب ها را می خواند",
        f"او بازیکن قابل اتکایی است و کتاب{Z}ها را می{Z}خواند",
    ),
    ("او جست وجویی کرد و کتاب ها را دید", f"او جست وجویی کرد و کتاب{Z}ها را دید"),
]


@pytest.mark.parametrize(("text", "expected"), WORD_TAIL_PLURAL_ROWS)
def test_word_tail_plurals(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(("text", "expected"), COPULA_TAIL_ROWS)
def test_copula_tails(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


@pytest.mark.parametrize(("text", "expected"), VOWEL_YE_ROWS)
def test_vowel_ye_after_pair_tails(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
