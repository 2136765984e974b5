"""ZWNJ engine, past participles of verbs the lexicon never saw + a form of «بودن» (issue #3,
session 20). Every row was written and checked by hand, with rows that must not change.

Session 19 (tests/text/test_zwnj_quality19g.py) cut ``رنجاندهام`` → ``رنجانده‌ام`` when the
lexicon had seen the verb after «می» (``می‌رنجاند``). A verb it never saw so stayed glued:
``لمیدهام``, ``گستراندهام``, ``چمیدهام``. Now the cut is made before «ام», «اند» or «اید»
when the letters before the participle's «ه» are a past stem of a regular conjugation, «ید»
(-idan) or the causative «اند» (-ānidan), after two letters or more, and no word the lexicon saw
(``تولید``, ``سعید`` are nouns and names; ``بیاید`` makes ``بی‌ایده‌ام``); before «ایم» and
«است», which with the «ه» also spell a plural («ها» + «یم»: ``اندرویدهایم``, my Androids),
only if the lexicon knows the verb's present stem. A participle the lexicon saw as a word
(``آکنده``, once) is cut so too, in the lexicon's spelling (``ساخته‌شده‌است``). Names in «-ham»
stay whole (``وستهام``, ``نیدهام``: «نید» is too short; ``اولدهام``: no regular stem).

On the held-out folds of UD TRAIN (bench/zwnj/heldout.py) this mends 7 words of PerDT fold 0
(``آکنده‌ام`` ×2, ``دوشیده‌ام`` ×2, ``نازیده‌ام``, ``تراشانده‌ام``, ``می‌موییده‌اند``) and
breaks none; see bench/zwnj/quality20b.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.lexicon import Lexicon
from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

UNSEEN_PARTICIPLES = [
    # I have lain on this couch a while (لمیدن; base: left glued)
    ("مدتی روی این کاناپه لمیدهام", f"مدتی روی این کاناپه لمیده{Z}ام"),
    # I have spread the tablecloth (گستردن's causative past «گستراند»; base: left glued)
    ("من سفره را گستراندهام", f"من سفره را گسترانده{Z}ام"),
    # I have strolled in this garden (چمیدن; base: left glued)
    ("در این باغ بسیار چمیدهام", f"در این باغ بسیار چمیده{Z}ام"),
    # the thorn has pricked my foot: I have been pricked (خلیدن; base: left glued)
    ("از این خار بسیار خلیدهام", f"از این خار بسیار خلیده{Z}ام"),
    # I have made the child crawl (خزاندن, causative of خزیدن; base: left glued)
    ("کودک را روی فرش خزاندهام", f"کودک را روی فرش خزانده{Z}ام"),
    # must not change: the verbs the lexicon knows
    ("من آن را چسبیدهام", f"من آن را چسبیده{Z}ام"),
    ("آنها آن را لمیدهاند", f"آنها آن را لمیده{Z}اند"),
    # must not change: a name in «-ham» (West Ham, Needham, Oldham)
    ("بازیکن وستهام گل زد", "بازیکن وستهام گل زد"),
    ("او در نیدهام زندگی میکند", f"او در نیدهام زندگی می{Z}کند"),
    ("تیم اولدهام برد", "تیم اولدهام برد"),
    # must not change: a noun in «ید» + «هایم» is its plural (my products), not a participle
    ("این تولیدهایم است", "این تولیدهایم است"),
    # must not change: an unknown name in «ید» + «هایم» (my Androids) is left as written
    ("اندرویدهایم را فروختم", "اندرویدهایم را فروختم"),
    # must not change: «بیاید» is a word: «بی‌ایده‌ام» (I have no idea)
    ("من بیایدهام", f"من بی{Z}ایده{Z}ام"),
    # must not change: the writer's ZWNJ stays
    (f"مدتی روی این کاناپه لمیده{Z}ام", f"مدتی روی این کاناپه لمیده{Z}ام"),
]


@pytest.mark.parametrize(("text", "expected"), UNSEEN_PARTICIPLES)
def test_unseen_participle_and_copula(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_unseen_participle_is_a_named_step(rep: ZwnjRepairer) -> None:
    """The regular past stems, «ید» and «اند», with the guards on their plural look-alikes."""
    words = rep.glued_words
    assert words._participle_copula("لمیدهام") == f"لمیده{Z}ام"
    assert words._participle_copula("گستراندهام") == f"گسترانده{Z}ام"
    assert words._participle_copula("خلیدهاند") == f"خلیده{Z}اند"
    assert words._participle_copula("تولیدهایم") is None  # «تولید» is a word
    assert words._participle_copula("سعیدهام") is None  # «سعید» is a word (a name)
    assert words._participle_copula("نیدهام") is None  # «نید»: one letter before «ید»
    assert words._participle_copula("اندرویدهایم") is None  # «اندرو» is no verb's present stem
    assert words._participle_copula("اندرویدهاست") is None


def test_participle_seen_as_a_word() -> None:
    """A participle the lexicon saw as a word (once) of a verb it never saw after «می» is cut
    before the form of «بودن», in the lexicon's spelling; one seen only written apart («از
    دسته») is no participle."""
    lex = Lexicon.from_counts(
        {"آکنده": 1, f"ساخته{Z}شده": 7, "از دسته": 2, "کتاب": 9, "است": 40, "ام": 5}
    )
    words = ZwnjRepairer(lex).glued_words
    assert words._participle_copula("آکندهام") == f"آکنده{Z}ام"
    assert words._participle_copula("ساختهشدهاست") == f"ساخته{Z}شده{Z}است"
    assert words._participle_copula("ازدستهام") is None
