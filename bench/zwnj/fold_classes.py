#!/usr/bin/env python3
"""The held-out folds' spaced-mode boundary errors by class (development aid, issue 3).

    .venv/bin/python bench/zwnj/heldout.py --no-anchor --modes spaced --dump /tmp/dump
    .venv/bin/python bench/zwnj/fold_classes.py /tmp/dump --treebank Seraji [--before /tmp/dump0]

Reads the ``--dump`` TSVs of ``heldout.py`` (line, gold words, output words, one row per wrong
word of a fold) and puts each boundary the output writes otherwise than the gold in a class by
the pieces beside it: a missed ZWNJ (``FN``) before a pronoun clitic or personal ending, before
«یی», after «به» (a Seraji house spelling: TRAIN's PerDT writes «به خوبی» apart 68 : 0), in an
Arabic patronymic (``بن``/``ابن``, Seraji joins, PerDT keeps apart), before a participle of
شدن, in a run of letter names (an acronym), or another compound or name; a ZWNJ the gold lacks
(``FP``): a plural the gold writes glued (Seraji's house spelling), or another. Rows whose
pieces differ (a glued gold word cut by the engine) are counted by their output's cut.
``--before`` prints a second dump's counts beside them. No text is copied anywhere: the
dumps are TRAIN lines, and the script prints counts and a few words per class.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ZWNJ = "\u200c"
EDGE = "،.؛:»«()!؟[]…\"'"
CLITICS = frozenset(("ایم", "اید", "اند", "اش", "ات", "مان", "تان", "شان", "ام"))
PLURALS = ("ها", "های", "هایی", "هایش", "هایشان", "هایم", "هاست")
LETTERS = frozenset(
    ["بی", "سی", "دی", "ای", "اف", "جی", "اچ", "آی", "کی", "ال", "ام", "ان", "او", "پی", "آر", "اس", "تی", "یو", "وی", "ایکس", "اکس", "وای", "زد"]
)


def seams(word: str) -> list[tuple[str, str, str]]:
    """Each ZWNJ or space of ``word`` with the pieces before and after it."""
    pieces, marks, cur = [], [], ""
    for ch in word:
        if ch in (ZWNJ, " "):
            pieces.append(cur)
            marks.append(ch)
            cur = ""
        else:
            cur += ch
    pieces.append(cur)
    return [(pieces[i].strip(EDGE), m, pieces[i + 1].strip(EDGE)) for i, m in enumerate(marks)]


def classify(head: str, tail: str, missed: bool) -> str:
    """The class of a boundary between ``head`` and ``tail`` (``missed``: gold ZWNJ, output
    space)."""
    if not missed:
        if tail in PLURALS:
            return "FP plural the gold writes glued (Seraji house spelling)"
        return "FP other compound or name"
    if tail in CLITICS:
        return "FN clitic or personal ending (مان شان تان اش ات ایم اید اند ام)"
    if tail == "یی":
        return "FN «یی» after a silent ه"
    if head == "به":
        return "FN «به» + noun (Seraji house spelling)"
    if head in ("بن", "ابن") or tail in ("بن", "ابن"):
        return "FN patronymic بن/ابن (Seraji joins, PerDT apart)"
    if tail in ("شده", "نشده", "شدگان"):
        return "FN participle of شدن"
    if head in LETTERS and tail in LETTERS:
        return "FN letter names (acronym)"
    if head in ("هر", "نه", "این", "آن", "باز", "چه", "یک", "هیچ", "اگر", "در"):
        return "FN function-word compound (هر‌چند, نه‌تنها, این‌قدر...)"
    return "FN other compound or name"


def errors(folder: Path, treebank: str) -> Iterator[tuple[str, str]]:
    """(class, example) for each boundary error of the treebank's spaced dumps."""
    for path in sorted(folder.glob(f"{treebank}-fold*-spaced.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            gold, out = cols[1], cols[2]
            g, o = seams(gold), seams(out)
            if [p for p in gold if p not in (ZWNJ, " ")] != [p for p in out if p not in (ZWNJ, " ")]:
                continue  # letters differ: not a boundary question
            if len(g) == len(o):
                for (h, gm, t), (_, om, _) in zip(g, o, strict=True):
                    if gm != om:
                        yield classify(h, t, gm == ZWNJ), f"{gold}->{out}"
            else:  # a glued gold word the engine cut: the cuts the output adds
                for h, om, t in o:
                    if om == ZWNJ and f"{h}{t}" in gold.replace(ZWNJ, ""):
                        yield classify(h, t, False), f"{gold}->{out}"
                        break


def tally(folder: Path, treebank: str) -> tuple[Counter[str], dict[str, Counter[str]]]:
    counts: Counter[str] = Counter()
    examples: dict[str, Counter[str]] = defaultdict(Counter)
    for cls, ex in errors(folder, treebank):
        counts[cls] += 1
        examples[cls][ex] += 1
    return counts, examples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="heldout.py --dump folder")
    ap.add_argument("--treebank", default="Seraji", choices=["Seraji", "PerDT"])
    ap.add_argument("--before", type=Path, help="another dump folder to compare with")
    ap.add_argument("--top", type=int, default=4, help="examples per class")
    a = ap.parse_args(argv)
    counts, examples = tally(a.dump, a.treebank)
    before = tally(a.before, a.treebank)[0] if a.before else None
    head = "| class | before | after | examples |" if before is not None else "| class | errors | examples |"
    print(head)
    print("|---" * (head.count("|") - 1) + "|")
    for cls in sorted(set(counts) | set(before or ()), key=lambda c: -(before or counts)[c]):
        ex = ", ".join(f"{e} ({n})" for e, n in examples[cls].most_common(a.top))
        if before is not None:
            print(f"| {cls} | {before[cls]} | {counts[cls]} | {ex} |")
        else:
            print(f"| {cls} | {counts[cls]} | {ex} |")
    total = sum(counts.values())
    print(f"\n{total} boundary errors" + (f" (before: {sum(before.values())})" if before else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
