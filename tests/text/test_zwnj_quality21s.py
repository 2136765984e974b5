"""ZWNJ engine, spaced text (issue #3, session 21): a pronoun clitic or personal ending that
never stands as a word (CLITICS_NEVER_ALONE: «مان», «تان», «شان», «اش», «ات», «ایم», «اید»,
«اند») joins the known word before it in a line whose ZWNJs became spaces, whatever share of
that word's kind UD TRAIN writes glued (``کفشمان``). Each row was written and checked by hand,
with rows that must not change. Notes and numbers: bench/zwnj/quality21s.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

CLITIC_ROWS = [
    # after a consonant: TRAIN writes «کتابمان», «کفشمان» glued, so the learned share of «مان»
    # after a consonant is .02 and the pair stayed apart; a space can only have been a ZWNJ
    ("جوراب های ما و کفش مان", f"جوراب{Z}های ما و کفش{Z}مان"),
    ("کتاب مان را می خوانیم", f"کتاب{Z}مان را می{Z}خوانیم"),
    ("سیاست های دولت مان را می دانیم", f"سیاست{Z}های دولت{Z}مان را می{Z}دانیم"),
    ("مقالات شان را می خوانند", f"مقالات{Z}شان را می{Z}خوانند"),
    ("آنها از رفتن شان می گویند", f"آنها از رفتن{Z}شان می{Z}گویند"),
    ("ماشین شان را می فروشند", f"ماشین{Z}شان را می{Z}فروشند"),
    ("شهر مان را می سازیم", f"شهر{Z}مان را می{Z}سازیم"),
    ("رفتار تان را می بینند", f"رفتار{Z}تان را می{Z}بینند"),
    ("حرف های شان را می زنند", f"حرف{Z}های{Z}شان را می{Z}زنند"),
    ("دوستان ات را می بینی", f"دوستان{Z}ات را می{Z}بینی"),
    ("کتاب اش را می خواند", f"کتاب{Z}اش را می{Z}خواند"),
    # after «ی»: shares .23 («شان»), .32 («مان»), .13 («تان»), below the 0.5 the morphology
    # asks for
    ("سخنرانی شان را می شنوند", f"سخنرانی{Z}شان را می{Z}شنوند"),
    ("جوانی مان را می گذرانیم", f"جوانی{Z}مان را می{Z}گذرانیم"),
    ("روستایی تان را می شناسند", f"روستایی{Z}تان را می{Z}شناسند"),
    # unchanged: pairs the lexicon saw joined (TRAIN «نظرات‌شان», «غذایی‌شان», «زندگی‌ات»),
    # joined by their counts before this rule (guards)
    ("نظرات شان را می گویند", f"نظرات{Z}شان را می{Z}گویند"),
    ("غذایی شان را می خورند", f"غذایی{Z}شان را می{Z}خورند"),
    ("زندگی ات را می سازی", f"زندگی{Z}ات را می{Z}سازی"),
    # the copula «اند» after a known adjective (joined before this rule too, by
    # _copula_after: a must-not-change guard)
    ("آنها زیرک اند و می دانند", f"آنها زیرک{Z}اند و می{Z}دانند"),
    # must not change: no sign of lost ZWNJs in the line (a writer may set a clitic off)
    ("کتاب مان را خواندیم", "کتاب مان را خواندیم"),
    # must not change: after a preposition «شان» is the noun «شأن» (with dignity; «در شأن»,
    # befitting, TRAIN writes apart twice, so its counts keep it too)
    ("با شان و منزلت می آیند", f"با شان و منزلت می{Z}آیند"),
    ("در شان ملت ایران نیست که می گویند", f"در شان ملت ایران نیست که می{Z}گویند"),
    # must not change: «شأن» written with its hamza is the noun, though the lexicon's key
    # folds it to the clitic «شان» (PerDT TRAIN: «کسر شأن»)
    ("این کار کسر شأن ما نیست و می گویند", f"این کار کسر شأن ما نیست و می{Z}گویند"),
    # ... and in text as written too, where «به‌شان» (to them) 1 : «به شان» 0 in TRAIN joined it
    # (session 20's reading of real text: «به شأن و جایگاه» → «به‌شأن»)
    ("به شأن و جایگاه او", "به شأن و جایگاه او"),
    ("به شأن و جایگاه او می گویند", f"به شأن و جایگاه او می{Z}گویند"),
    # must not change: after a given name the next word is a surname
    ("رضا مان را می شناسند", f"رضا مان را می{Z}شناسند"),
    # must not change: «ام» is the letter M too (بی ام و), «ای» the vocative: not in the set
    ("بی ام و را می خرند", f"بی ام و را می{Z}خرند"),
    ("ای خدا می گویند", f"ای خدا می{Z}گویند"),
    # must not change: a word that only ends in the clitic's letters is one token
    ("ده هزار تومان می دهیم", f"ده هزار تومان می{Z}دهیم"),
    # must not change: already written with its ZWNJ, or glued as TRAIN writes it
    (f"کتاب{Z}مان را خواندیم", f"کتاب{Z}مان را خواندیم"),
    ("کتابمان را می خوانیم", f"کتابمان را می{Z}خوانیم"),
]


@pytest.mark.parametrize(("text", "expected"), CLITIC_ROWS)
def test_clitics_never_alone(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
