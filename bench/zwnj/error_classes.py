#!/usr/bin/env python3
"""The engine's glued-mode ZWNJ errors by grammatical class, split by whether the licensed
evidence (UD TRAIN) has the word (development aid; issue 3).

    .venv/bin/python bench/zwnj/error_classes.py                      # the three sets
    .venv/bin/python bench/zwnj/error_classes.py --sets "PEYMA 600K" --top 8
    .venv/bin/python bench/zwnj/error_classes.py --folds 5            # heldout.py's TRAIN folds

Each scored boundary error (a missed gold ZWNJ, or a ZWNJ the gold does not have; after a
joining letter, آنها/اینها left out, as ``eval/zwnj_score.py`` scores) is put in the token of
the damaged line it falls in, and classed by the pieces on either side of it: the cut's left
piece (from the word's start or the previous cut of the form that has this cut: the gold for a
miss, the output for a false cut) and everything right of it.

* ``verb prefix``: the left part is «می»/«نمی» (a verb form: ``می|شود``);
* ``plural``: the right part is «ها» and its endings (``کتاب|های``);
* ``comparative``: «تر», «ترین», «تری», ... (``بزرگ|ترین``);
* ``clitic``: a pronoun, copula or «ای»/«ی» ending (``خانه|اش``, ``خانه|ای``);
* ``prefix X``: the left part is a whole first piece of a short closed list (هم, بی, نا, این,
  آن, هیچ, پیش, ...: ``هم|زمان``, ``این|که``);
* ``compound``: anything else (two content pieces: ``جنگ|جو``, ``توافق|نامه``); the last piece
  is listed so tails (نامه, گذاری, ساز) show.

``attested``: the token's letters (edge punctuation and digits trimmed) are a unit the
evidence writes at least once (any spelling), as ``bench/zwnj/licensed.py`` cuts units; with
``--folds``, the evidence is the TRAIN text outside the fold and the engine runs on that
fold's lexicon (``heldout.py``). PEYMA is research-only: it is read from ``../shared`` to
measure, and nothing is written from it except these counts on the terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# --tree DIR: run that tree's khabar (a "before" src) instead of this one's
_TREE = sys.argv[sys.argv.index("--tree") + 1] if "--tree" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, _TREE)
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "bench" / "zwnj"))

from ceiling import SETS, TRAIN
from zwnj_score import boundaries, damage, fold, marks, read_gold

Z = "\u200c"
PLURAL = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست",
          "هایند", "هایید", "هاییم", "هایمانند")  # fmt: skip
COMPARATIVE = ("تر", "ترین", "تری", "ترها", "ترند", "تریم", "ترینها", "ترهای", "ترش", "تران",
               "ترینی", "ترینش", "تریی", "ترم", "ترست", "تراند")  # fmt: skip
CLITIC = ("ام", "ات", "اش", "ای", "ایم", "اید", "اند", "مان", "تان", "شان", "ایی", "است", "ست",
          "ی", "یم", "ید", "ند", "م", "ت", "ش", "اییم", "هاش")  # fmt: skip
VERB_PREFIX = ("می", "نمی")
PREFIXES = ("هم", "بی", "نا", "این", "آن", "هیچ", "همین", "همان", "چنان", "چنین", "پیش", "پس",
            "فرا", "باز", "ضد", "غیر", "نیم", "نیمه", "خود", "پر", "کم", "خوش", "بد", "یک", "ذی",
            "به", "در", "بر", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "صد",
            "هزار", "بیش", "کی", "چه", "هر")  # fmt: skip


def class_of(w: str, k: int, cuts: set[int]) -> tuple[str, str]:
    """(class, detail) of a boundary at ``k`` in the letters ``w`` whose form has ``cuts``."""
    left_all, right_all = w[:k], w[k:]
    prev = max((c for c in cuts if c < k), default=0)
    nxt = min((c for c in cuts if c > k), default=len(w))
    piece = w[k:nxt]
    if prev == 0 and left_all in VERB_PREFIX:
        return "verb prefix", left_all
    if right_all in PLURAL:
        return "plural", right_all
    if right_all in COMPARATIVE:
        return "comparative", right_all
    if right_all in CLITIC:
        return "clitic", right_all
    if prev == 0 and left_all in PREFIXES:
        return "prefix X", left_all
    return "compound", piece


def tokens(skel: str) -> list[tuple[int, int]]:
    """(start, end) of each space-separated token of a skeleton, edges trimmed to letters."""
    out = []
    start = 0
    for i in range(len(skel) + 1):
        if i == len(skel) or skel[i] == " ":
            s, e = start, i
            while s < e and not skel[s].isalpha():
                s += 1
            while e > s and not skel[e - 1].isalpha():
                e -= 1
            if s < e:
                out.append((s, e))
            start = i + 1
    return out


def evidence_keys(lines: Sequence[str]) -> set[str]:
    keys: set[str] = set()
    for line in lines:
        skel, _ = boundaries(fold(line))
        keys.update(skel[s:e] for s, e in tokens(skel))
    return keys


Record = tuple[str, str, bool, str, str, str]  # kind, class, attested, detail, gold, out


def errors(gold: Sequence[str], out: Sequence[str], attested: set[str]) -> list[Record]:
    """Every scored boundary error of ``out`` against ``gold`` (glued mode)."""
    recs: list[Record] = []
    for g, o in zip(gold, out, strict=True):
        g_skel, g_marks, o_marks = marks(g, o)
        if g_marks == o_marks:
            continue
        inside: set[int] = set()
        for s, e in tokens(g_skel):
            inside.update(range(s + 1, e))
            w = g_skel[s:e]
            gc = {k - s for k in g_marks if s < k < e}
            oc = {k - s for k in o_marks if s < k < e}
            if gc == oc:
                continue
            gf = "".join(("|" if i in gc else "") + ch for i, ch in enumerate(w))
            of = "".join(("|" if i in oc else "") + ch for i, ch in enumerate(w))
            for k in sorted(gc ^ oc):
                kind = "miss" if k in gc else "false cut"
                cls, detail = class_of(w, k, gc if k in gc else oc)
                recs.append((kind, cls, w in attested, detail, gf, of))
        for k in sorted((g_marks ^ o_marks) - inside):
            # beside a space, a digit or punctuation: the gold's ZWNJ before a space
            # (``انسان‌ ها``) or the output's join of two words (``بین‌المللی`` for
            # ``بین المللی``) is not inside a word of the damaged line
            kind = "miss" if k in g_marks else "false cut"
            around = g_skel[max(0, k - 6) : k] + "|" + g_skel[k : k + 6]
            cls = "gold ZWNJ by a space" if kind == "miss" else "joined across a space"
            recs.append((kind, cls, False, "", around, ""))
    return recs


CLASSES = (
    "verb prefix",
    "plural",
    "comparative",
    "clitic",
    "prefix X",
    "compound",
    "joined across a space",
    "gold ZWNJ by a space",
)


def dump(path: Path, name: str, recs: list[Record]) -> None:
    with path.open("a", encoding="utf-8") as out:
        for kind, cls, att, detail, gf, of in recs:
            out.write(f"{name}\t{kind}\t{cls}\t{int(att)}\t{detail}\t{gf}\t{of}\n")


def report(name: str, recs: list[Record], top: int) -> None:
    table: Counter[tuple[str, str, bool]] = Counter((r[1], r[0], r[2]) for r in recs)
    print(f"\n## {name}: {len(recs)} boundary errors")
    print("| class | miss, attested | miss, unattested | false cut, attested | false cut, "
          "unattested | total |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for cls in CLASSES:
        row = [table[(cls, kind, att)] for kind in ("miss", "false cut") for att in (True, False)]
        print(f"| {cls} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    if not top:
        return
    details: dict[tuple[str, str, bool], Counter[str]] = defaultdict(Counter)
    words: dict[tuple[str, str, bool], Counter[str]] = defaultdict(Counter)
    for kind, cls, att, detail, gf, of in recs:
        details[(cls, kind, att)][detail] += 1
        words[(cls, kind, att)][f"{gf}->{of}"] += 1
    for key in sorted(details, key=lambda x: -table[x]):
        cls, kind, att = key
        label = f"{cls}, {kind}, {'attested' if att else 'unattested'} ({table[key]})"
        print(f"  {label}: pieces " + ", ".join(f"{d} {n}" for d, n in
                                                  details[key].most_common(top)))  # fmt: skip
        print("      words " + ", ".join(f"{d} {n}" for d, n in words[key].most_common(top)))


def run(gold: list[str], repair: Callable[[str], str], attested: set[str]) -> list[Record]:
    inputs = damage(gold, "glued")
    return errors(gold, [repair(x) for x in inputs], attested)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("--folds", type=int, default=0, help="heldout.py's block folds instead")
    ap.add_argument("--top", type=int, default=6, help="pieces and words listed per row")
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/khabar-heldout"))
    ap.add_argument("--tree", help="the src folder whose khabar runs (default: this tree's)")
    ap.add_argument("--dump", type=Path, help="write every error here, one per line (TSV)")
    a = ap.parse_args(argv)
    import heldout

    if not a.folds:
        repair = heldout.repair_function(None)
        train: list[str] = []
        for path in TRAIN:
            train += heldout.gold_lines(heldout.read_lines(path))
        attested = evidence_keys(train)
        for name in a.sets:
            recs = run(read_gold(SETS[name]), repair, attested)
            report(name, recs, a.top)
            if a.dump:
                dump(a.dump, name, recs)
        return 0
    split = {name: heldout.split_lines(heldout.read_lines(heldout.SHARED / "data" / folder /
                                                          "train.txt"), a.folds)
             for name, folder in heldout.TREEBANKS.items()}  # fmt: skip
    total: dict[str, list[Record]] = defaultdict(list)
    for i in range(a.folds):
        built = heldout.fold_files(split, i, a.work_dir, "block", None)
        repair = heldout.repair_function(heldout.engine_lexicon(built))
        rest = [x for folds in split.values() for j, f in enumerate(folds) if j != i for x in f]
        attested = evidence_keys(heldout.gold_lines(rest))
        for name, folds in split.items():
            total[name] += run(heldout.gold_lines(folds[i]), repair, attested)
    for name, recs in total.items():
        report(f"{name} TRAIN, {a.folds} folds", recs, a.top)
        if a.dump:
            dump(a.dump, f"{name} folds", recs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
