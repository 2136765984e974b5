#!/usr/bin/env python3
"""Sort the engine's scored ZWNJ misses on a gold file into classes, for telling gold
inconsistencies and house style from real engine errors (development aid).

    .venv/bin/python bench/zwnj/classify_misses.py GOLD [--mode glued|spaced|intact] [--top 60]

Each word-level difference (gold words -> output words, as ``errors.py`` finds them) is
weighed by its scored boundary errors (ZWNJs after a joining letter; آنها/اینها are not
scored) and put in the first class that fits:

* ``cut moved``: gold and output both cut the word, at different places (حرفه‌ای / حرف‌های);
* ``gold writes both ways``: the gold file itself has the output's spelling elsewhere;
* ``treebanks write it as khabar``: the UD TRAIN text writes the output's spelling more often;
* ``REAL: treebanks agree with gold``: TRAIN writes the gold spelling more often;
* ``unseen, khabar cut or joined`` / ``unseen, khabar did not``: TRAIN has neither spelling.

Prints the classes with their boundary-error totals and examples, then the largest pairs with
their counts (gold: x y is how often the gold file writes each spelling, train: likewise in
PerDT + Seraji TRAIN). PEYMA is research-only: read from ../shared to measure, never copied.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from zwnj_score import JOINING, VARIANTS, damage, read_gold

from khabar.text.zwnj import default_repairer

Z = "\u200c"
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
TRAIN = [
    ROOT.parent / "shared" / "data" / f"ud_{name}" / "train.txt" for name in ("perdt", "seraji")
]


def grams(lines: list[str]) -> Counter[str]:
    """Counts of every 1-, 2- and 3-word sequence, ZWNJs written as ``|``."""
    counts: Counter[str] = Counter()
    for line in lines:
        words = line.translate(FOLD).replace(Z, "|").split()
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                counts[" ".join(words[i : i + n])] += 1
    return counts


def cuts(form: str) -> set[int]:
    """Scored ZWNJ positions of ``form`` (``|`` for a ZWNJ), counted in letters."""
    letters: list[str] = []
    out = set()
    for ch in form:
        if ch == "|":
            if letters and letters[-1] in JOINING:
                out.add(len(letters))
        elif ch != " ":
            letters.append(ch)
    return out


def classify(x: str, y: str, gold_y: int, train_x: int, train_y: int, fp: int, fn: int) -> str:
    """The class of the difference gold ``x`` -> output ``y`` (see the module docstring)."""
    cx, cy = cuts(x), cuts(y)
    if cx and cy and not (cx <= cy or cy <= cx):
        return "cut moved"
    if gold_y:
        return "gold writes both ways"
    if train_y > train_x:
        return "treebanks write it as khabar"
    if train_x > train_y:
        return "REAL: treebanks agree with gold"
    return "unseen, khabar cut or joined" if fp else "unseen, khabar did not"


def miss_pairs(gold: list[str], outs: list[str]) -> Counter[tuple[str, str]]:
    """(gold words, output words) of each stretch where an output line differs from its gold
    line (ZWNJs shown as ``|``), counted; stretches whose letters are a spelling variant the
    scorer accepts (``VARIANTS``) are left out."""
    pairs: Counter[tuple[str, str]] = Counter()
    for g, o in zip(gold, outs, strict=True):
        gw = g.translate(FOLD).replace(Z, "|").split()
        ow = o.replace(Z, "|").split()
        if gw == ow:
            continue
        sm = difflib.SequenceMatcher(None, gw, ow, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            x, y = " ".join(gw[i1:i2]), " ".join(ow[j1:j2])
            if tag != "equal" and x.replace("|", "").replace(" ", "") not in VARIANTS:
                pairs[(x, y)] += 1
    return pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--mode", choices=["glued", "spaced", "intact"], default="glued")
    ap.add_argument("--top", type=int, default=60)
    a = ap.parse_args()
    gold = read_gold(a.gold)
    in_gold = grams(gold)
    in_train = grams([line for path in TRAIN for line in read_gold(path)])
    rep = default_repairer()
    outs = [rep.repair(damaged.translate(FOLD)) for damaged in damage(gold, a.mode)]
    pairs = miss_pairs(gold, outs)
    classes: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    rows = []
    total_fp = total_fn = 0
    for (x, y), n in pairs.items():
        fp, fn = len(cuts(y) - cuts(x)) * n, len(cuts(x) - cuts(y)) * n
        if not fp and not fn:
            continue
        total_fp, total_fn = total_fp + fp, total_fn + fn
        kind = classify(x, y, in_gold[y], in_train[x], in_train[y], fp, fn)
        classes[kind] += fp + fn
        examples.setdefault(kind, []).append(f"{fp + fn} {x}->{y}")
        rows.append((fp + fn, n, x, y, fp, fn, in_gold[x], in_gold[y], in_train[x], in_train[y]))
    print(
        f"{a.gold} {a.mode}: scored boundary errors {total_fp + total_fn} (FP {total_fp}, FN {total_fn})"
    )
    for kind, errors in classes.most_common():
        ranked = sorted(examples[kind], key=lambda e: -int(e.split(" ", 1)[0]))
        print(f"  {kind}: {errors}; e.g. " + ", ".join(ranked[:10]))
    print("errors  n  gold -> out | FP FN | gold: x y | train: x y")
    for row in sorted(rows, reverse=True)[: a.top]:
        e, n, x, y, fp, fn, gx, gy, tx, ty = row
        print(f"{e:5d} {n:4d} {x} -> {y} | {fp} {fn} | gold {gx} {gy} | train {tx} {ty}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
