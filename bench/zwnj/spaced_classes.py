#!/usr/bin/env python3
"""The engine's spaced-mode boundary errors by what the pair is, on even and odd lines
(development aid, issue 3).

    .venv/bin/python bench/zwnj/spaced_classes.py                       # the three dev sets
    .venv/bin/python bench/zwnj/spaced_classes.py --sets "Seraji train" --top 8

Each scored boundary error (a ZWNJ the gold has and the output lacks: ``FN``, or the reverse:
``FP``) is put in a class by the pieces beside it: a suffix after it (``ها``, ``ای``, ``تر``,
``اند``...), a prefix before it (``می``, ``بی``, ``هم``...), ``به`` before it, a participle
of شدن/کردن after it, or else a compound or name. Each error is also marked by convention,
as ``classify_misses.py`` does for its word stretch: ``conv`` when the gold file writes the
output's spelling elsewhere or UD TRAIN writes it more often than the gold's (a house
spelling, not an engine error), ``eng`` otherwise; and by what the engine's pair decision
says of it: ``weak`` when the pair joins only in a line read as spaced damage
(``JOIN_SPACED_LINE``: the line signal decided it), ``sure`` / ``no`` otherwise.

``--causes`` puts each ``eng`` error instead by why the engine's pair decision
(``joins.py``'s ``_decide_join``) gave it, :func:`cause_of`: the lexicon's counts outvote the
join (TRAIN writes the pair apart more often), a tie the line signal did not take, a pair TRAIN
writes only glued (no ZWNJ or space form to count), a tail seen after a ZWNJ but also often
as a word by itself (so no compound tail), a rare tail after a word in «ی», or a pair the
lexicon has no evidence for at all.

TRAIN sets are spaced the same way for comparison; the lexicon is built from them, so their
numbers flatter the engine. PEYMA is research-only: read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "bench" / "zwnj"))

from classify_misses import FOLD, TRAIN, classify, cuts, grams, miss_pairs
from zwnj_score import damage, read_gold

from khabar.text.zwnj import JOIN_ANY, JOIN_SPACED_LINE, default_repairer

SHARED = ROOT.parent / "shared" / "data"
SETS = {
    "PerDT dev": SHARED / "ud_perdt" / "dev.txt",
    "Seraji dev": SHARED / "ud_seraji" / "dev.txt",
    "PEYMA 600K": SHARED / "peyma_nsurl2019" / "peyma600k.sentences.txt",
    "PerDT train": SHARED / "ud_perdt" / "train.txt",
    "Seraji train": SHARED / "ud_seraji" / "train.txt",
}
SUFFIXES = frozenset(
    [
        "ها",
        "های",
        "هایی",
        "هایش",
        "هایم",
        "هایت",
        "هایمان",
        "هایتان",
        "هایشان",
        "ای",
        "ام",
        "ات",
        "اش",
        "ایم",
        "اید",
        "اند",
        "ی",
        "تر",
        "ترین",
        "تری",
        "مان",
        "تان",
        "شان",
    ]
)
PREFIXES = frozenset(["می", "نمی", "بی", "نا", "هم"])
PARTICIPLES = frozenset(["شده", "شدن", "شدند", "شد", "کرده", "کردن", "کردند", "کرد"])
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


def pieces(form: str) -> list[tuple[int, str, str]]:
    """(letter offset, sign before, piece) of ``form`` (ZWNJ as ``|``): the sign is ``|``,
    `` `` or ``^`` (the start)."""
    out = []
    sign, start, letters, cur = "^", 0, 0, ""
    for ch in form:
        if ch in "| ":
            out.append((start, sign, cur))
            sign, start, cur = ch, letters, ""
        else:
            cur += ch
            letters += 1
    out.append((start, sign, cur))
    return out


def piece_at(form: str, offset: int) -> tuple[str, str]:
    """The pieces of ``form`` ending at and starting at letter ``offset``."""
    ps = pieces(form)
    for k, (start, _, piece) in enumerate(ps):
        if start == offset and k:
            return _EDGE.sub("", ps[k - 1][2]), _EDGE.sub("", piece)
    return "", ""


def kind_of(left: str, right: str) -> str:
    """The class of a boundary between ``left`` and ``right`` (see the module docstring)."""
    if right in SUFFIXES:
        return f"suffix {right}"
    if left in PREFIXES:
        return f"prefix {left}"
    if left == "به":
        return "به + noun"
    if right in PARTICIPLES:
        return "X شده/کرده"
    return "compound/name"


def cause_of(rep: Any, left: str, right: str) -> str:
    """Why the engine's pair decision for ``left`` + ``right`` is what it is (``--causes``):
    which of the lexicon's facts `_decide_join` read, in its order. A development aid: it
    reads the engine's tables, it does not decide anything."""
    lex = rep.lexicon
    if f"{left} {right}" in lex.forced_apart or lex.forced.get(left + right) is not None:
        return "a reviewed exception"
    apart, joined = lex.pair_count(left, right), lex.joined_count(left, right)
    if apart or joined:
        if not joined:
            return "TRAIN writes it apart only"
        if joined < apart:
            return "TRAIN writes it apart more often"
        return "a tie or clear join (the line signal)"
    if lex.glued_count(left + right):
        return "TRAIN writes it glued only"
    heads = rep._joinable_right.get(right)
    if heads is True:
        if left.endswith("ی") and right in rep._rare_tails:
            return "a rare tail after a word in «ی»"
        return "a tail or suffix joined by its class (the line signal)"
    if isinstance(heads, frozenset):
        if lex.word_count.get(right, 0):
            return f"a tail after {min(len(heads), 8)}+ heads, also a word by itself"
        if len(heads) >= 8:
            return "an inflected tail after 8+ heads, never a word"
        return f"a tail after {len(heads)} heads (too few), never a word"
    if not lex.word_count.get(right, 0):
        return "an unknown second word"
    return "two words never seen together"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", default=["PerDT dev", "Seraji dev", "PEYMA 600K"])
    ap.add_argument("--top", type=int, default=5, help="examples per class")
    ap.add_argument(
        "--causes", action="store_true", help="engine errors by the pair decision's cause"
    )
    a = ap.parse_args()
    in_train = grams([line for path in TRAIN for line in read_gold(path)])
    rep = default_repairer()
    for name in a.sets:
        gold_all = read_gold(SETS[name])
        in_gold = grams(gold_all)
        totals: dict[str, Counter[str]] = {}
        examples: dict[str, Counter[str]] = {}
        for half in ("even", "odd"):
            gold = gold_all[half == "odd" :: 2]
            outs = [rep.repair(d.translate(FOLD)) for d in damage(gold, "spaced")]
            for (x, y), n in miss_pairs(gold, outs).items():
                cx, cy = cuts(x), cuts(y)
                conv = classify(x, y, in_gold[y], in_train[x], in_train[y], 1, 1)
                conv_tag = (
                    "conv"
                    if conv in ("gold writes both ways", "treebanks write it as khabar")
                    else "eng"
                )
                for err, where in (("FN", cx - cy), ("FP", cy - cx)):
                    for p in where:
                        form = x if err == "FN" else y
                        left, right = piece_at(form, p)
                        sure = rep._joins(left, right) if left and right else 0
                        sig = {JOIN_ANY: "sure", JOIN_SPACED_LINE: "weak"}.get(sure, "no")
                        key = f"{err} {kind_of(left, right):16} {conv_tag:4} {sig}"
                        if a.causes:
                            if conv_tag == "conv":
                                continue
                            key = f"{err} {sig:4} {cause_of(rep, left, right)}"
                        totals.setdefault(key, Counter())[half] += n
                        examples.setdefault(key, Counter())[f"{x}->{y}"] += n
        errs = sum(sum(c.values()) for c in totals.values())
        conv_n = sum(sum(c.values()) for k, c in totals.items() if " conv " in k)
        if a.causes:
            print(f"== {name} spaced: {errs} engine boundary errors by cause")
        else:
            print(f"== {name} spaced: {errs} boundary errors, convention {conv_n}")
        for key, c in sorted(totals.items(), key=lambda kv: -sum(kv[1].values())):
            ex = ", ".join(f"{e} {k}" for k, e in examples[key].most_common(a.top))
            print(f"{c['even']:5d} {c['odd']:5d}  {key}  {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
