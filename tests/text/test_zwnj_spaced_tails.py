"""ZWNJ engine rules for spaced text (issue #3, session 8): each table was written and checked
by hand, with rows that must not change.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.lexicon import Lexicon
from khabar.text.zwnj import (
    COMPOUND_TAIL_HEADS,
    RARE_TAIL_HEADS,
    ZwnjRepairer,
    joinable_right_words,
    rare_compound_tails,
)

from .zwnj_check import check_repair

Z = "\u200c"


# ---- a rarer compound tail, never a word by itself, in a spaced line ------------------------

RARE_TAILS = [
    # in a line whose ZWNJs became spaces (the spaced «می» or «ها» says so), a tail the
    # lexicon saw behind a few words and never alone joins a known word before it:
    # traditionalist (سنت‌گرای), song-makers, public servant, retailers, sprayers
    ("جناح سنت گرای مجلس می گوید", f"جناح سنت{Z}گرای مجلس می{Z}گوید"),
    ("نغمه پردازان قدیم می خواندند", f"نغمه{Z}پردازان قدیم می{Z}خواندند"),
    ("او خدمت گزار مردم می ماند", f"او خدمت{Z}گزار مردم می{Z}ماند"),
    ("خرده فروشان بازار ها را بستند", f"خرده{Z}فروشان بازار{Z}ها را بستند"),
    ("کارگران سم پاشی می کنند", f"کارگران سم{Z}پاشی می{Z}کنند"),
    # must not change: with no sign of spaced damage the spaces are the author's
    ("جناح سنت گرای مجلس گفت", "جناح سنت گرای مجلس گفت"),
    ("خرده فروشان بازار را بستند", "خرده فروشان بازار را بستند"),
    # must not change: after a word in «ی» the second word is an adjective of its own (an
    # impossible task; native selection is written apart by its authors too)
    ("این کاری ناشدنی است و می دانیم", f"این کاری ناشدنی است و می{Z}دانیم"),
    ("طرح بومی گزینی را می خواهند", f"طرح بومی گزینی را می{Z}خواهند"),
    # must not change: a tail seen as a word by itself (گران, expensive) or after the Arabic
    # article (قوام الدوله, part of a title or name)
    ("خانه گران را می خرند", f"خانه گران را می{Z}خرند"),
    ("قوام الدوله می گوید", f"قوام الدوله می{Z}گوید"),
    # a title a word list writes with its ZWNJ joins (hazm's «وکیل‌الدوله», this row's word
    # before session 15; as the treebanks write «حجت‌الاسلام», «فوق‌العاده»)
    ("وکیل الدوله می گوید", f"وکیل{Z}الدوله می{Z}گوید"),
    # must not change: after a pronoun or «را» no compound opens
    ("او را پردازان می خوانند", f"او را پردازان می{Z}خوانند"),
    # written with its ZWNJs already
    (f"جناح سنت{Z}گرای مجلس می{Z}گوید", f"جناح سنت{Z}گرای مجلس می{Z}گوید"),
]


@pytest.mark.parametrize(("text", "expected"), RARE_TAILS)
def test_rare_tails_in_spaced_lines(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)


def test_rare_tail_heads_bounds() -> None:
    """A tail joins as rare with RARE_TAIL_HEADS heads up to COMPOUND_TAIL_HEADS (where the
    wider rule of ``compound_tails`` takes it), only if it is never a word by itself."""
    heads = ["سنت", "اصول", "چپ", "راست", "عمل", "ملی", "برون", "درون", "واپس"]
    assert RARE_TAIL_HEADS < COMPOUND_TAIL_HEADS <= len(heads)

    def tails(n: int, alone: int = 0) -> frozenset[str]:
        counts = {f"{h}{Z}گرای": 1 for h in heads[:n]}
        if alone:
            counts["گرای"] = alone
        lex = Lexicon.from_counts(counts)
        return rare_compound_tails(lex, joinable_right_words(lex))

    assert tails(RARE_TAIL_HEADS - 1) == frozenset()
    assert tails(RARE_TAIL_HEADS) == {"گرای"}
    assert tails(COMPOUND_TAIL_HEADS - 1) == {"گرای"}
    assert tails(COMPOUND_TAIL_HEADS) == frozenset()
    assert tails(RARE_TAIL_HEADS, alone=1) == frozenset()
