#!/usr/bin/env python3
"""What a lexicon idea would change, word by word, before writing it as a rule (development aid).

    .venv/bin/python bench/zwnj/what_if.py once-glued     # a glued form seen once does not decide
    .venv/bin/python bench/zwnj/what_if.py once-zwnj      # a ZWNJ form seen once does not decide
    .venv/bin/python bench/zwnj/what_if.py ties --top 20  # ties between glued and ZWNJ go to ZWNJ

For every gold word of PerDT dev, Seraji dev and PEYMA 600K, on the even and the odd lines, the
word's key (its letters, no ZWNJ) is given to the engine alone (no line context) and to the
idea. Where the two differ, the scored seams (ZWNJs after a joining letter) of each are
compared with the gold word's. The script prints the change in true and false positives per set
and half, and the largest changes. A word alone is not a line: the engine's line-level choices
(see ``Trust`` in ``khabar.text.zwnj``) are left out, so this is a first look. ``quick.py`` on
a written rule is the measure. PEYMA is research-only: it is read from ../shared to measure,
never copied.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from zwnj_score import JOINING, read_gold

from khabar.text.zwnj import ZWNJ, ZwnjRepairer, default_repairer

SHARED = ROOT.parent / "shared" / "data"
SETS = {
    "PerDT dev": SHARED / "ud_perdt" / "dev.txt",
    "Seraji dev": SHARED / "ud_seraji" / "dev.txt",
    "PEYMA 600K": SHARED / "peyma_nsurl2019" / "peyma600k.sentences.txt",
}
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
_KEY_RE = re.compile("[\u0620-\u06d3\u06fa-\u06ff]+")

Idea = Callable[[ZwnjRepairer, str], "str | None"]


def scored_seams(form: str) -> set[int]:
    """Letter offsets of the ZWNJs in ``form`` that the scorer counts (after a joining letter)."""
    letters = 0
    out = set()
    last = ""
    for ch in form:
        if ch == ZWNJ:
            if last in JOINING:
                out.add(letters)
        else:
            letters += 1
            last = ch
    return out


def once_glued(rep: ZwnjRepairer, key: str) -> str | None:
    """A key seen once, glued, and in no other form: the segmenter's reading instead."""
    lex = rep.lexicon
    if lex.forms.get(key) != {key: 1} or key in lex.spellings or key in lex.forced:
        return None
    return rep.glued_words._segment(key)


def once_zwnj(rep: ZwnjRepairer, key: str) -> str | None:
    """A key seen once, with a ZWNJ, and in no other form: left glued instead."""
    lex = rep.lexicon
    forms = lex.forms.get(key) or {}
    if len(forms) != 1 or key in lex.spellings or key in lex.forced:
        return None
    ((form, n),) = forms.items()
    return key if n == 1 and ZWNJ in form and " " not in form else None


def ties(rep: ZwnjRepairer, key: str) -> str | None:
    """A key seen glued as often as in its most frequent ZWNJ form: that ZWNJ form."""
    lex = rep.lexicon
    forms = lex.forms.get(key) or {}
    glued = forms.get(key, 0)
    split = {f: n for f, n in forms.items() if ZWNJ in f and " " not in f}
    if not glued or not split or key in lex.spellings or key in lex.forced:
        return None
    form, n = max(split.items(), key=lambda item: item[1])
    return form if n == glued else None


IDEAS: dict[str, Idea] = {"once-glued": once_glued, "once-zwnj": once_zwnj, "ties": ties}


def compare(rep: ZwnjRepairer, idea: Idea, lines: list[str]) -> tuple[Counter, Counter]:
    """(ΔTP and ΔFP of scored seams, and the changed words with their counts) over ``lines``."""
    delta: Counter[str] = Counter()
    changed: Counter[tuple[str, str, str]] = Counter()
    for line in lines:
        for gold in line.translate(FOLD).split():
            key = gold.replace(ZWNJ, "")
            if not _KEY_RE.fullmatch(key):
                continue
            proposal = idea(rep, key)
            if proposal is None:
                continue
            now = rep.repair(key)
            if proposal == now:
                continue
            want, have, would = scored_seams(gold), scored_seams(now), scored_seams(proposal)
            delta["tp"] += len(want & would) - len(want & have)
            delta["fp"] += len(would - want) - len(have - want)
            changed[(gold, now, proposal)] += 1
    return delta, changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("idea", choices=sorted(IDEAS))
    ap.add_argument("--top", type=int, default=10, help="largest changes shown per set and half")
    a = ap.parse_args(argv)
    rep = default_repairer()
    for name, path in SETS.items():
        gold = read_gold(path)
        for half in ("even", "odd"):
            delta, changed = compare(rep, IDEAS[a.idea], gold[half == "odd" :: 2])
            net = delta["fp"] - delta["tp"]
            print(f"{name:11} {half:4}  ΔTP {delta['tp']:+d}  ΔFP {delta['fp']:+d}  errors {net:+d}")
            for (word, now, would), n in changed.most_common(a.top):
                show = [w.replace(ZWNJ, "|") for w in (word, now, would)]
                print(f"    {n:4}  gold {show[0]}  engine {show[1]}  idea {show[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
