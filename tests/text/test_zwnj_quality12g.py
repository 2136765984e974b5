"""ZWNJ engine, session 12 (issue #3, glued text): the surname policy. A glued surname or
compound name made of a given name and one more piece the lexicon never saw keeps its
writer's glued spelling; a ZWNJ one keeps its ZWNJ, and a space inside one still becomes a
ZWNJ (``SURNAME_TAILS``).

Every row was written and checked by hand, with rows that must not change beside rows that
must. Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

GIVEN_NAME_COMPOUND = [
    # must change (main cut each one at the name): glued surnames made of a given name and a
    # word or a surname ending, left as written (Alidoosti is an actor, Alipour scored twice,
    # Mr Alizadeh said, Hosseinabadi said, Ebrahimpour stated, Aref Mohammadalipour against
    # the team)
    ("علیدوستی بازیگر است", "علیدوستی بازیگر است"),
    ("دبل علیپور .", "دبل علیپور ."),
    ("آقای علیزاده گفت", "آقای علیزاده گفت"),
    ("حسینآبادی گفت", "حسینآبادی گفت"),
    ("ابراهیمپور بیان کرد", "ابراهیمپور بیان کرد"),
    ("عارف محمدعلیپور مقابل تیم", "عارف محمدعلیپور مقابل تیم"),
    # the rest of the line is still repaired (books and Alipour)
    ("کتابها و علیپور", f"کتاب{Z}ها و علیپور"),
    # must not change: a surname written with a ZWNJ keeps it, and a space inside one still
    # becomes a ZWNJ (Hosseinzadeh said)
    (f"علی{Z}پور گل زد", f"علی{Z}پور گل زد"),
    ("حسین زاده گفت", f"حسین{Z}زاده گفت"),
    # a word the lexicon knows keeps its spelling (despite this; Aliakbari said)
    ("علیرغم این", f"علی{Z}رغم این"),
    ("علیاکبری گفت", f"علی{Z}اکبری گفت"),
    # a plural ending is still cut off a name (the Hosseins, the Maryams), and a verb after a
    # name keeps its prefix (Ali goes)
    ("حسینها آمدند", f"حسین{Z}ها آمدند"),
    ("مریمهایی که دیدم", f"مریم{Z}هایی که دیدم"),
    ("علی میرود", f"علی می{Z}رود"),
]


@pytest.mark.parametrize(("text", "expected"), GIVEN_NAME_COMPOUND)
def test_given_name_compound_as_written(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
