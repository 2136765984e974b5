"""Session 20's correctness bundle on ``khabar.fix`` (bench/fix/audit20d.md): defects found by
the fuzz campaign ``bench/fix/fuzz20.py`` and by hand, each a row that fails on the session's
start (/work/base20). Expected outputs worked out by hand."""

from __future__ import annotations

import pytest

from khabar.text.fix import _policy_fixer, fix, fix_with_edits
from khabar.text.policy import FixPolicy

Z = "\u200c"
HAMZA = "\u0654"  # ARABIC HAMZA ABOVE, the mark of «خانهٔ»


@pytest.mark.parametrize(
    ("text", "policy", "expected"),
    [
        # fuzz (pure, seed 12): the lexicon holds «برداشته‌‌اند» once with two ZWNJs, its best
        # form; the glued word got its seam twice, two ZWNJs, and a second pass removed one
        ("برداشتهاند", {}, f"برداشته{Z}اند"),
        ("برخواهمزد", {}, f"برخواهم{Z}زد"),
        ("آنها برداشتهاند", {}, f"آنها برداشته{Z}اند"),
        # must not change: the spaced word and the other forms of the verb
        ("برداشته اند", {}, f"برداشته{Z}اند"),
        ("فروختهاند", {}, f"فروخته{Z}اند"),
        # fuzz (pure, seed 12): a ZWNJ typed between ه and its hamza went after the heh_yeh
        # rule had looked for «هٔ»: «خانه‌ٔ» → «خانهٔ», and a second pass → «خانۀ»
        (f"خانه{Z}{HAMZA} من", {"heh_yeh": "ligature"}, "خانۀ من"),
        (f"خانه{Z}{HAMZA} من", {"heh_yeh": "yeh"}, f"خانه{Z}ی من"),
        # must not change: the ZWNJ before a mark still goes, the ezafe as written kept
        (f"خانه{Z}{HAMZA} من", {}, f"خانه{HAMZA} من"),
        (f"خانه{HAMZA} من", {"heh_yeh": "ligature"}, "خانۀ من"),
        (f"خانه{Z}ی من", {"heh_yeh": "ligature"}, f"خانه{Z}ی من"),
        # fuzz (compiled, seed 11; pure, seed 12): with remove, the ZWNJ between «ر» and a
        # tatweel went after the tatweel rule had kept the tatweel (the ZWNJ parted it from the
        # letter): «رـ», whose tatweel a second pass deleted. A tatweel is no letter: the ZWNJ
        # before it stays, as with keep
        (f"ر{Z}ـ", {"zwnj_nonjoiner": "remove"}, f"ر{Z}ـ"),
        (f"گفت و گو د{Z}ـ", {"zwnj_nonjoiner": "remove"}, f"گفت و گو د{Z}ـ"),
        # must not change: a tatweel between two letters still goes, and the ZWNJ with it
        (f"کار{Z}ـها", {"zwnj_nonjoiner": "remove"}, "کارها"),
        (f"ر{Z}ـ", {}, f"ر{Z}ـ"),
        # fuzz (compiled, seed 14): a ZWNJ before «#» made the Latin word «C-1» (its «1» kept);
        # the ZWNJ went, a second pass read the tag «#C» and the number «1», and the digits
        # policy wrote «۱». What stands before a tag is read past such characters: a tag on
        # both passes
        (f"{Z}#C-1", {"digits": "persian"}, "#C-۱"),
        (f" {Z}@C-1", {"digits": "persian"}, " @C-۱"),
        # must not change: glued to a word it is no tag, with or without the ZWNJ
        (f"و{Z}#C-1", {"digits": "persian"}, "و#C-1"),
        ("#C-1", {"digits": "persian"}, "#C-۱"),
        ("0\u064b@ى", {}, "0@ی"),
        # fuzz (pure, seed 13): the same with a ZWSP after «#»: the tag holds it, as a ZWNJ
        ("#\u200bC-1", {"digits": "persian"}, "#\u200bC-۱"),
        ("@C\u200bD-1", {"digits": "persian"}, "@C\u200bD-۱"),
        # must not change (fuzz on the build of 95858d8, compiled seed 15 and pure seed 16): a
        # tatweel is a word character to the tag's look-behind, so the walk stops at it: no
        # tag after «ـ», with or without a ZWNJ or a mark between
        (f"ـ{Z}#ي", {}, "ـ#ی"),
        ("ـ\u200b@\u0651ذ", {}, "ـ@ذ"),
        ("ـ\u0650#" + Z, {"diacritics": "remove"}, "ـ#"),
    ],
)
def test_fuzz_findings(text: str, policy: dict[str, str], expected: str) -> None:
    out = fix(text, **policy)
    assert out == expected
    assert fix(out, **policy) == out
    assert fix_with_edits(text, **policy)[0] == out


def test_policies_share_the_shipped_engine() -> None:
    # every FixPolicy whose engine was not the default one loaded its own lexicon (~30 MB and
    # ~1 s each): a process fixing under many policies grew without bound (the fuzz campaign
    # was killed by the kernel at 11 and 21 GB). Policies with the same engine options now
    # share one engine, and every engine reads the one shipped lexicon.
    trust_none = _policy_fixer(FixPolicy.from_kwargs(zwnj_trust="none")).repairer
    also = _policy_fixer(FixPolicy.from_kwargs(zwnj_trust="none", digits="latin")).repairer
    remove = _policy_fixer(FixPolicy.from_kwargs(zwnj_nonjoiner="remove")).repairer
    default = _policy_fixer(FixPolicy()).repairer
    assert trust_none is also
    assert trust_none is not default and remove is not default
    assert trust_none.lexicon is default.lexicon  # type: ignore[union-attr]
    assert remove.lexicon is default.lexicon  # type: ignore[union-attr]
