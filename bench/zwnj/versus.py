#!/usr/bin/env python3
"""Gold ZWNJs one tool restores and the khabar engine does not, and the reverse, by pattern.

    bench/.venv-anchors/bin/python bench/zwnj/anchor.py hazm < /tmp/spaced.txt > /tmp/hazm.txt
    .venv/bin/python bench/zwnj/versus.py GOLD --mode spaced --other /tmp/hazm.txt [--top 60]

GOLD has one unit per line, as ``../shared/tools/score_zwnj.py`` reads it; ``--other`` is the
other tool's output for the damaged text (``--mode`` says how it was damaged, as the scorer
does it). Boundaries are those the scorer counts (after a joining letter, آنها/اینها left out),
mapped onto the gold text when a tool changed other characters. Each boundary is put in one
group by the pieces around it: verb prefix (می, نمی), plural (ها, های ...), comparative (تر,
ترین), clitic (اند, ای, ام, اش, شان ...), ezafe ی, or compound / multi-word expression; the
words are printed with ``|`` where gold has a ZWNJ. A development aid (PEYMA is research-only:
read from ../shared, never copied).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from zwnj_score import damage, marks

from khabar.text.zwnj import default_repairer

Z = "\u200c"
ARABIC = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
PLURALS = frozenset(("ها", "های", "هایی", "هایش", "هایشان", "هایمان", "هایتان", "هایم"))
COMPARATIVES = frozenset(("تر", "ترین", "تری"))
CLITICS = frozenset(("اند", "ای", "ام", "ایم", "اید", "اش", "ات", "شان", "تان", "مان", "است"))


def word_at(skel: str, k: int, gold_marks: set[int]) -> tuple[str, str, str]:
    """The gold word around boundary ``k`` (ZWNJs as ``|``) and its pieces left and right."""
    start = skel.rfind(" ", 0, k) + 1
    end = skel.find(" ", k)
    end = len(skel) if end < 0 else end
    word = "".join(("|" if i in gold_marks else "") + skel[i] for i in range(start, end))
    cuts = [i for i in sorted(gold_marks) if start < i < end]
    left = skel[max([start] + [c for c in cuts if c < k]) : k]
    right = skel[k : min([end] + [c for c in cuts if c > k])]
    return word, left, right


def group(left: str, right: str) -> str:
    """The pattern of one boundary, from the pieces around it."""
    if left in ("می", "نمی"):
        return "verb prefix"
    if right in PLURALS:
        return "plural"
    if right in COMPARATIVES:
        return "comparative"
    if right in CLITICS:
        return "clitic"
    if right == "ی":
        return "ezafe ی"
    return "compound / expression"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--other", type=Path, required=True, help="the other tool's output")
    ap.add_argument("--mode", choices=["glued", "spaced", "intact"], default="spaced")
    ap.add_argument("--top", type=int, default=60)
    a = ap.parse_args(argv)
    with a.gold.open(encoding="utf-8") as handle:
        gold = [ln.rstrip("\n").replace("\u00a0", " ") for ln in handle if ln.strip()]
    other = a.other.read_text("utf-8").split("\n")[: len(gold)]
    if len(other) != len(gold):
        print(f"{a.other} has {len(other)} lines for {len(gold)} gold lines", file=sys.stderr)
        return 1
    repair = default_repairer().repair
    only: dict[str, Counter[str]] = {"other": Counter(), "khabar": Counter()}
    groups: dict[str, Counter[str]] = {"other": Counter(), "khabar": Counter()}
    for g, o, d in zip(gold, other, damage(gold, a.mode), strict=True):
        k_out = repair(d.translate(ARABIC))
        skel, gold_marks, other_marks = marks(g, o)
        _, _, khabar_marks = marks(g, k_out)
        for side, mine, theirs in (
            ("other", other_marks, khabar_marks),
            ("khabar", khabar_marks, other_marks),
        ):
            for k in (gold_marks & mine) - theirs:
                word, left, right = word_at(skel, k, gold_marks)
                only[side][word] += 1
                groups[side][group(left, right)] += 1
    for side, name in (("other", a.other.name), ("khabar", "khabar")):
        total = sum(only[side].values())
        print(f"== gold ZWNJs only {name} restores: {total}")
        print("   by pattern: " + ", ".join(f"{g} {n}" for g, n in groups[side].most_common()))
        print("   " + " ".join(f"{w}:{n}" for w, n in only[side].most_common(a.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
