"""bench/zwnj/licensed.py: the licensed-evidence oracle on tiny made-up gold and evidence lines.
Every expected spelling below was worked out by hand from the evidence counts in the test."""

from __future__ import annotations

from types import ModuleType

import pytest

from .scripts import load_script

Z = "\u200c"


@pytest.fixture(scope="module")
def lic() -> ModuleType:
    return load_script("bench/zwnj/licensed.py", "licensed")


def test_units_come_from_the_damaged_line(lic: ModuleType) -> None:
    """«می‌شود کتاب،» has letters م ی ش و د ک ت ا ب ،: glued, two tokens (the ZWNJ is dropped,
    the comma left out); spaced, the run «می شود» and the longer ones over the space before
    کتاب."""
    line = lic.Line(f"می{Z}شود کتاب،")
    lab = line.labels()

    def keys(mode: str, run: int) -> list[str]:
        inp = lic.input_labels(lab, mode)
        return [lic.unit_key(line.letters, inp, s, e) for s, e in lic.spans(line.letters, inp,
                                                                            mode, run)]  # fmt: skip

    assert keys("glued", 5) == ["میشود", "کتاب"]
    assert keys("spaced", 5) == ["می شود", "می شود کتاب", "شود کتاب"]
    assert keys("spaced", 2) == ["می شود", "شود کتاب"]


def test_licensed_majority_overrides_gold(lic: ModuleType) -> None:
    """TRAIN writes «این‌که» twice and «اینکه» once; the gold writes «اینکه»: the oracle writes
    the licensed «این‌که» (a cut after ن, letter 2), and the scorer counts it as a false ZWNJ."""
    train = [f"این{Z}که رفت", "اینکه آمد", f"این{Z}که ماند"]
    ev = lic.evidence(train, "glued", 5)
    assert ev["اینکه"] == {frozenset({2}): 2, frozenset(): 1}
    gold = "گفت اینکه رفت"
    assert lic.oracle_line(gold, "glued", 5, ev, "apart") == f"گفت این{Z}که رفت"
    res = lic.score([gold], [lic.oracle_line(gold, "glued", 5, ev, "apart")], "glued")
    assert (res["gold_zwnj"], res["predicted"], res["correct"]) == (0, 1, 0)
    # the tally charges that input one boundary error
    stats, cost, gold_forms = lic.tally([gold], "glued", 5, ev, "apart", [gold])
    assert cost == {"اینکه": 1} and stats["licensed errors"] == 1
    assert gold_forms["اینکه"] == {frozenset(): 1}


def test_a_tie_is_broken_both_ways(lic: ModuleType) -> None:
    """«به‌صورت» once and «به صورت» once in TRAIN: a tie, apart keeps the space, joined writes
    the ZWNJ after ه (letter 1 of the run)."""
    ev = lic.evidence([f"به{Z}صورت کامل", "به صورت ساده"], "spaced", 5)
    assert ev["به صورت"] == {frozenset({1}): 1, frozenset(): 1}
    gold = "به صورت خوب"
    assert lic.oracle_line(gold, "spaced", 5, ev, "apart") == "به صورت خوب"
    assert lic.oracle_line(gold, "spaced", 5, ev, "joined") == f"به{Z}صورت خوب"
    # a gold ZWNJ the chosen form lacks becomes the damaged input's space again
    assert lic.oracle_line(f"به{Z}صورت خوب", "spaced", 5, ev, "apart") == "به صورت خوب"
    with pytest.raises(ValueError, match="tie 'gold' is not one of apart, joined"):
        lic.choose(ev["به صورت"], "gold")


def test_unattested_input_keeps_gold_or_engine(lic: ModuleType) -> None:
    """«کتابخانه» is not in the evidence: the oracle leaves the gold's «کتاب‌خانه», or the
    engine's «کتابخانه» over the engine's line; the attested «اینکه» is still written."""
    ev = lic.evidence([f"این{Z}که"], "glued", 5)
    gold = f"کتاب{Z}خانه اینکه"
    engine = "کتابخانه اینکه"
    assert lic.oracle_line(gold, "glued", 5, ev, "apart") == f"کتاب{Z}خانه این{Z}که"
    assert lic.oracle_line(gold, "glued", 5, ev, "apart", engine) == f"کتابخانه این{Z}که"
    # the engine's spelling kept on the attested word only, or off it only
    other = f"کتابخانه این{Z}که"
    assert lic.split_line(gold, other, "glued", 5, ev, "engine") == f"کتاب{Z}خانه این{Z}که"
    assert lic.split_line(gold, other, "glued", 5, ev, "gold") == "کتابخانه اینکه"
    stats, _, _ = lic.tally([gold], "glued", 5, ev, "apart", [engine])
    # the gold's one cut is in the unattested word, where the engine missed it
    assert stats["gold cuts unattested"] == 1 and stats["engine errors unattested"] == 1
    assert stats.get("gold cuts attested", 0) == 0 and stats["licensed errors"] == 1


def test_the_longest_attested_run_decides_a_space(lic: ModuleType) -> None:
    """TRAIN: «آب لیمو» apart twice, «آب‌لیمو ترش» once. Runs of up to 3 tokens: «آب لیمو ترش»
    is attested (joined) and decides the space after آب; with pairs only, «آب لیمو» is 2 apart to
    1 joined and keeps the space."""
    train = ["آب لیمو", "آب لیمو", f"آب{Z}لیمو ترش"]
    gold = "آب لیمو ترش"
    ev3 = lic.evidence(train, "spaced", 3)
    assert ev3["آب لیمو ترش"] == {frozenset({1}): 1}
    assert lic.oracle_line(gold, "spaced", 3, ev3, "apart") == f"آب{Z}لیمو ترش"
    ev2 = lic.evidence(train, "spaced", 2)
    assert ev2["آب لیمو"] == {frozenset(): 2, frozenset({1}): 1}
    assert lic.oracle_line(gold, "spaced", 2, ev2, "apart") == gold


def test_two_way_spellings_cost_nothing(lic: ModuleType) -> None:
    """The scorer leaves «آنها»/«آن‌ها» out; the tally does too, though TRAIN writes «آن‌ها»."""
    ev = lic.evidence([f"آن{Z}ها", f"آن{Z}ها"], "glued", 5)
    stats, cost, _ = lic.tally(["آنها رفتند"], "glued", 5, ev, "apart", ["آنها رفتند"])
    assert not cost and stats.get("licensed errors", 0) == 0


def test_any_form_keeps_a_licensed_minority(lic: ModuleType) -> None:
    """TRAIN: «زمین‌های» 3 times (cut after ن, letter 3), «زمینه‌ای» once (after ه, letter 4).
    The majority writes زمین‌های over the gold «زمینه‌ای»; ``any_form`` keeps the gold's form,
    which the evidence has, but still overrides a glued «زمینهای», which it never writes."""
    ev = lic.evidence([f"زمین{Z}های", f"زمین{Z}های", f"زمین{Z}های", f"زمینه{Z}ای"], "glued", 5)
    assert ev["زمینهای"] == {frozenset({3}): 3, frozenset({4}): 1}
    gold = f"زمینه{Z}ای"
    assert lic.oracle_line(gold, "glued", 5, ev, "apart") == f"زمین{Z}های"
    assert lic.oracle_line(gold, "glued", 5, ev, "apart", any_form=True) == gold
    assert lic.oracle_line("زمینهای", "glued", 5, ev, "apart", any_form=True) == f"زمین{Z}های"
    stats, _, _ = lic.tally([gold, "زمینهای"], "glued", 5, ev, "apart", [gold, "زمینهای"])
    # زمینه‌ای: two cuts wrong (4 missing, 3 extra); زمینهای: one extra cut
    assert stats["licensed errors, gold's form licensed too"] == 2
    assert stats["licensed errors, gold's form unlicensed"] == 1


def test_spell_writes_a_form(lic: ModuleType) -> None:
    assert lic.spell("می شود", frozenset({1})) == f"می{Z}شود"
    assert lic.spell("می شود", frozenset()) == "می شود"
    assert lic.spell("کتابخانه", frozenset({3})) == f"کتاب{Z}خانه"
