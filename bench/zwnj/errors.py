#!/usr/bin/env python3
"""Print the most common ZWNJ errors of the khabar engine on a gold file (development aid).

    python bench/zwnj/errors.py GOLD [--mode glued|spaced|intact] [--top 40]

Lists (gold word, output word) pairs that differ, by count, so a rule's misses and false
alarms can be read at a glance.
"""

import argparse
import difflib
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from khabar.text.zwnj import default_repairer

Z = "\u200c"
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--mode", default="glued")
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args()
    rep = default_repairer()
    fp, fn = Counter(), Counter()
    with open(a.gold, encoding="utf-8") as handle:
        gold_lines = handle.read().splitlines()
    for g in gold_lines:
        g = g.rstrip("\n").translate(FOLD)
        if a.mode == "glued":
            d = g.replace(Z, "")
        elif a.mode == "spaced":
            d = re.sub(" +", " ", g.replace(Z, " "))
        else:
            d = g
        o = rep.repair(d)
        gw, ow = g.replace(Z, "|").split(), o.replace(Z, "|").split()
        if a.mode == "glued" and len(gw) == len(ow):
            for x, y in zip(gw, ow):
                if x != y:
                    (fp if y.count("|") > x.count("|") else fn)[(x, y)] += 1
        elif gw != ow:
            sm = difflib.SequenceMatcher(None, gw, ow, autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag != "equal":
                    fn[(" ".join(gw[i1:i2]), " ".join(ow[j1:j2]))] += 1
    print("== over-inserted (gold, out)")
    for (x, y), n in fp.most_common(a.top):
        print(n, x, "->", y)
    print("== missed / other (gold, out)")
    for (x, y), n in fn.most_common(a.top):
        print(n, x, "->", y)


if __name__ == "__main__":
    main()
