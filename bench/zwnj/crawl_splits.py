#!/usr/bin/env python3
"""The glued words the engine splits in real crawled text, for reading by hand.

    .venv/bin/python bench/zwnj/crawl_splits.py                    # this tree
    .venv/bin/python bench/zwnj/crawl_splits.py --before /tmp/old/src   # and an older one
    .venv/bin/python bench/zwnj/crawl_splits.py --before /tmp/old/src --damage glued

Text: ``../shared/data/farsnews_varzesh3_json/*.docs.jsonl`` (title, abstract, body) and the
visible text of ``../shared/data/html_pages_htmldate/*.html`` (not gold: real, unnormalised web
text), one line per paragraph, Arabic ي/ك/ى folded as ``khabar fix`` does. Prints every glued
word that gets a ``zwnj.glued`` repair, in two groups: words the lexicon has seen written glued
(with that count and the count of its most frequent other spelling), and the rest (known only
with a ZWNJ, or unknown and split by the segmenter). With ``--before``, each row
also gives the older tree's count, and the lines whose output differs are listed.
``--damage glued`` (or ``spaced``) first strips every ZWNJ of the text (or turns it into a
space), as the scored modes do, to read the engine on crawled text it has to repair.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from trees import forget_khabar  # bench/trees.py

from khabar.text.zwnj.words import _apply_tuples

DATA = ROOT.parent / "shared" / "data"
ARABIC = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
Z = "\u200c"


def load(src: str):  # a (zwnj module, ZwnjRepairer) of either tree
    """The ZWNJ module of the khabar package under ``src`` and a new default repairer."""
    forget_khabar()
    sys.path.insert(0, src)
    try:
        from khabar.text import zwnj
    finally:
        sys.path.remove(src)
    return zwnj, zwnj.default_repairer()


def crawled_lines() -> list[str]:
    """The crawled paragraphs, spaces collapsed, Arabic ي/ك/ى folded."""
    lines: list[str] = []
    for path in sorted((DATA / "farsnews_varzesh3_json").glob("*.docs.jsonl")):
        for row in path.open(encoding="utf-8"):
            doc = json.loads(row)
            for field in ("title", "abstract", "body"):
                lines += (doc.get(field) or "").split("\n")
    from selectolax.lexbor import LexborHTMLParser

    for path in sorted((DATA / "html_pages_htmldate").glob("*.html")):
        body = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace")).body
        if body is not None:
            lines += body.text(separator="\n").split("\n")
    return [" ".join(line.translate(ARABIC).split()) for line in lines if line.strip()]


def splits(src: str, lines: list[str]) -> tuple[collections.Counter, dict[str, str]]:
    """(group, word, repaired word, glued count, other count) -> count, and a line per word."""
    zwnj, rep = load(src)
    lex = rep.lexicon
    found: collections.Counter = collections.Counter()
    example: dict[str, str] = {}
    for line in lines:
        seams = {r.start for r in rep.find_repairs(line) if r.rule == "zwnj.glued"}
        if not seams:
            continue
        for m in zwnj.TOKEN_RE.finditer(line):
            tok = m.group()
            if Z in tok or not any(m.start() < k < m.end() for k in seams):
                continue
            key = tok.translate(zwnj.FOLD)
            forms = lex.forms.get(key, {})
            glued = forms.get(key, 0)
            other = max((n for form, n in forms.items() if form != key), default=0)
            fixed = _apply_tuples(
                tok,
                [
                    (k - m.start(), k - m.start(), Z, "")
                    for k in sorted(seams)
                    if m.start() < k < m.end()
                ],
            )
            group = "written glued in the lexicon" if glued else "never written glued there"
            found[(group, tok, fixed.replace(Z, "|"), glued, other)] += 1
            example.setdefault(tok, line)
    return found, example


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", help="src folder of an older tree to compare with")
    ap.add_argument("--damage", choices=["glued", "spaced"], help="strip ZWNJs first (or space them)")
    a = ap.parse_args(argv)
    lines = crawled_lines()
    if a.damage:
        lines = [" ".join(x.replace(Z, "" if a.damage == "glued" else " ").split()) for x in lines]
    after, example = splits(str(ROOT / "src"), lines)
    before = None
    if a.before:
        before, old_example = splits(a.before, lines)
        example = {**old_example, **example}
    print(f"{len(lines)} lines")
    for group in ("written glued in the lexicon", "never written glued there"):
        rows = sorted(
            set(after) | set(before or ()), key=lambda k: -(after[k] + (before[k] if before else 0))
        )
        rows = [k for k in rows if k[0] == group]
        total = sum(after[k] for k in rows)
        was = f", before {sum(before[k] for k in rows)}" if before is not None else ""
        print(f"\n## {group}: {total} splits of {len(rows)} words{was}\n")
        for k in rows:
            n = f"{before[k]} -> {after[k]}" if before is not None else str(after[k])
            line = example.get(k[1], "")
            print(n, k[1], k[2], f"glued {k[3]} other {k[4]}", "|", line[:100])
    if a.before:
        _, old = load(a.before)
        _, new = load(str(ROOT / "src"))
        changed = [(old.repair(x), new.repair(x)) for x in lines]
        changed = [(o, n) for o, n in changed if o != n]
        print(f"\n## {len(changed)} lines differ\n")
        for o, n in changed:
            ow, nw = o.split(" "), n.split(" ")
            ops = difflib.SequenceMatcher(None, ow, nw, autojunk=False).get_opcodes()
            words = [
                f"{' '.join(ow[i1:i2])} -> {' '.join(nw[j1:j2])}"
                for tag, i1, i2, j1, j2 in ops
                if tag != "equal"
            ]
            print("; ".join(words).replace(Z, "|"), "|", n[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main())
