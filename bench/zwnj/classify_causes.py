#!/usr/bin/env python3
"""The engine's glued-mode misses on PEYMA 600K sorted by cause, on each half (development aid).

    .venv/bin/python bench/zwnj/classify_causes.py            # even and odd lines
    .venv/bin/python bench/zwnj/classify_causes.py --top 12   # more examples per class

``classify_misses.py`` sorts misses by what the data say (gold writes both ways, the treebanks
write it as khabar...); this sorts them by what the word is, so that a rule can be aimed at a
class: a name (the word is tagged as a named entity in PEYMA's own CoNLL file more often than
not), an Arabic phrase with «ال», a determiner compound (این/آن/هیچ/همین/همان/هم + ...), a
preposition glued to what follows (به‌این‌ترتیب), the ezafe «ی» after a silent «ه», «ه» + «ای»
against the plural «های», a plural, a comparative, a verb form or copula, two words the gold
writes apart, and any other compound. Each class is split into ``khabar cut`` (the engine put a
ZWNJ the gold has not), ``khabar missed`` (the reverse) and ``moved`` (both). Counts are scored
boundary errors (ZWNJs after a joining letter; آنها/اینها not scored), as ``classify_misses.py``
counts them. PEYMA is research-only: read from ../shared to measure, never copied, and nothing
is built from it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "bench" / "zwnj"))

from classify_misses import FOLD, Z, cuts, miss_pairs
from zwnj_score import damage, read_gold

from khabar.text.zwnj import default_repairer

PEYMA = ROOT.parent / "shared" / "data" / "peyma_nsurl2019"
PREPOSITIONS = frozenset(("به", "از", "در", "با", "بر", "پس", "بیش", "تا", "زیر", "روی"))
DETERMINERS = frozenset(("هیچ", "این", "آن", "همین", "همان", "هم"))
VERB_ENDINGS = frozenset(("اند", "ام", "ایم", "اید", "ای", "است"))


def name_keys() -> tuple[Counter[str], Counter[str]]:
    """How often each word (ZWNJs removed) is tagged as a named entity, and seen at all, in
    PEYMA's CoNLL file."""
    tagged: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    with (PEYMA / "peyma600k.conll").open(encoding="utf-8") as f:
        for line in f:
            word, tab, tag = line.rstrip("\n").partition("\t")
            if not tab:
                continue
            key = word.translate(FOLD).replace(Z, "")
            seen[key] += 1
            if tag != "O":
                tagged[key] += 1
    return tagged, seen


def cause(gold: str, out: str, tagged: Counter[str], seen: Counter[str]) -> str:
    """The class of the difference ``gold`` -> ``out`` (words with ``|`` for a ZWNJ)."""
    key = gold.replace("|", "").replace(" ", "")
    pieces = [p for p in re.split(r"[| ]", gold) if p]
    out_pieces = [p for p in re.split(r"[| ]", out) if p]
    later = pieces[1:] + out_pieces[1:]
    if seen[key] and tagged[key] * 2 > seen[key]:
        return "name (PEYMA NE tag)"
    if any(p.startswith("ال") for p in later):
        return "Arabic phrase with ال"
    if pieces[0] in DETERMINERS or out_pieces[0] in DETERMINERS:
        return "determiner compound"
    if (pieces[0] in PREPOSITIONS or out_pieces[0] in PREPOSITIONS) and len(pieces) >= 2:
        return "preposition glued"
    if gold.endswith("ه|ی") or out.endswith("ه|ی"):
        return "ezafe ی after ه"
    if "ه|ای" in gold or "ه|ای" in out:
        return "ه+ای vs های"
    if any(p.startswith("ها") for p in later):
        return "plural"
    if any(p in ("تر", "ترین") or (p.startswith("تر") and len(p) <= 5) for p in later):
        return "comparative"
    if {pieces[0], out_pieces[0]} & {"می", "نمی"} or any(p in VERB_ENDINGS for p in later):
        return "verb form / copula"
    if " " in gold or " " in out:
        return "words apart in gold or output"
    return "compound / other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=8, help="examples per class")
    a = ap.parse_args()
    tagged, seen = name_keys()
    gold = read_gold(PEYMA / "peyma600k.sentences.txt")
    rep = default_repairer()
    outs = [rep.repair(line.translate(FOLD)) for line in damage(gold, "glued")]
    for half, name in ((0, "even"), (1, "odd")):
        pairs = miss_pairs(gold[half::2], outs[half::2])
        totals: Counter[str] = Counter()
        examples: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for (x, y), n in pairs.items():
            fp, fn = len(cuts(y) - cuts(x)) * n, len(cuts(x) - cuts(y)) * n
            if not fp and not fn:
                continue
            side = "khabar cut" if not fn else "khabar missed" if not fp else "moved"
            kind = f"{cause(x, y, tagged, seen)} [{side}]"
            totals[kind] += fp + fn
            examples[kind][f"{x}->{y}"] += fp + fn
        print(f"== {name} lines: {sum(totals.values())} boundary errors")
        for kind, errors in totals.most_common():
            top = ", ".join(f"{k} {v}" for k, v in examples[kind].most_common(a.top))
            print(f"{errors:5d} {kind}: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
