"""ZWNJ engine, wrong words seen on real text (issue #3, session 18). Every row was written and
checked by hand, with rows that must not change.

* a glued surname of a first piece in «ی» and a surname tail (زاده, نژاد, پور) whose first
  piece the lexicon never saw as a word was left glued (the segmenter only cuts after a known
  head): ``عبدیپور`` → ``عبدی‌پور``, ``کاظمیزاده`` → ``کاظمی‌زاده``. Its writers set the tail
  off (the crawled news and social text write these names with a ZWNJ: عبدی‌پور, خانکشی‌پور,
  نوابی‌نژاد, ضیغمی‌نژاد, فنونی‌زاده). A given name in «ی» keeps the writer's glued spelling
  (``علیزاده``, ``علیپور``), and so does a compound name ending in one (``مهرعلیزاده``), other letters before the tail and other tails are left as
  written (``غلامپور``, ``عباسزاده``, ``ویرجینیا``, ``جنیفر``), and a line that writes ZWNJs
  elsewhere keeps its glued words.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

YE_SURNAMES = [
    # social: Abdipour wrote about it; news: Mr Khankeshipour said today; a sports post
    ("عبدیپور در این باره نوشت", f"عبدی{Z}پور در این باره نوشت"),
    ("غلامرضا خانکشیپور امروز گفت", f"غلامرضا خانکشی{Z}پور امروز گفت"),
    ("ضیغمینژاد: هدفم کسب طلاست", f"ضیغمی{Z}نژاد: هدفم کسب طلاست"),
    # after a given name the cut stays too (Maryam Navabinejad)
    ("مریم نوابینژاد گفت", f"مریم نوابی{Z}نژاد گفت"),
    ("کاظمیزاده", f"کاظمی{Z}زاده"),
    ("اکبر فنونیزاده", f"اکبر فنونی{Z}زاده"),
    # must not change: the writer's ZWNJ stays
    (f"کاظمی{Z}زاده", f"کاظمی{Z}زاده"),
    (f"عبدی{Z}پور در این باره نوشت", f"عبدی{Z}پور در این باره نوشت"),
    # must not change: a given name in «ی» + the tail, as its writer glued it
    ("علیزاده گفت", "علیزاده گفت"),
    ("علیپور گفت", "علیپور گفت"),
    # must not change: a compound given name ending in «علی» (PerDT TRAIN writes it glued)
    ("آقای مهرعلیزاده گفت", "آقای مهرعلیزاده گفت"),
    # must not change: other letters before the tail, as written (see SON)
    ("غلامپور گفت", "غلامپور گفت"),
    ("عباسزاده گفت", "عباسزاده گفت"),
    # must not change: «نیا» and «فر» are not among the tails (a state, Jennifer Lopez)
    ("ایالت ویرجینیا", "ایالت ویرجینیا"),
    ("جنیفر لوپز", "جنیفر لوپز"),
    # must not change: words in «زاده» that are no such surname
    ("آزاده", "آزاده"),
    ("شاهزاده", "شاهزاده"),
    ("امامزاده", "امامزاده"),
    # must not change: a line that writes a ZWNJ elsewhere keeps its glued words
    (f"کتاب{Z}ها را عبدیپور آورد", f"کتاب{Z}ها را عبدیپور آورد"),
]


@pytest.mark.parametrize(("text", "expected"), YE_SURNAMES)
def test_glued_surname_tail_after_an_unknown_piece_in_ye(
    rep: ZwnjRepairer, text: str, expected: str
) -> None:
    check_repair(rep, text, expected)


def test_ye_surname_is_a_named_step(rep: ZwnjRepairer) -> None:
    """The rule is one method: an unknown glued word, and nothing for a word it does not fit."""
    assert rep.glued_words._ye_surname("عبدیپور") == f"عبدی{Z}پور"
    assert rep.glued_words._ye_surname("علیزاده") is None  # a given name
    assert rep.glued_words._ye_surname("مهرعلیزاده") is None  # a name ending in one
    assert rep.glued_words._ye_surname("تیزاده") is None  # a first piece of two letters
    assert rep.glued_words._ye_surname("جنیفر") is None  # no surname tail
