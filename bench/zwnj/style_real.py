#!/usr/bin/env python3
"""Every pair the ``news`` style joins in real crawled text as written, with its line, to read.

    .venv/bin/python bench/zwnj/style_real.py                         # this tree's style
    .venv/bin/python bench/zwnj/style_real.py --before /work/base/src # only what changed

``real_text.py`` runs the default (treebank) style; this runs :func:`khabar.text.style.apply_style`
with ``news`` alone (no ZWNJ engine) on the same sources (``real_text.source_lines``: FarsNews,
Varzesh3, Targoman, ParsNER's posts, the HTML pages; Arabic ي/ك/ى folded), every line as its
writer wrote it. Each change is printed as ``pair => news spelling | writes-ZWNJs | line``,
grouped by pair, most frequent first. ``writes-ZWNJs`` says whether the line writes a ZWNJ
between letters anywhere: on such a line the writer chose a spelling for the pair, and the style
should join only what that writer wrote apart where a news house joins it; on a line with no
ZWNJ the writer may simply not type ZWNJs. ``--before SRC`` (another tree's ``src``) keeps the
changes that tree's style does not make, to read what a new row does to real text.
``--file PATH ...`` reads those files instead, one line each: the dev sets' gold text, to list
the correct words a new row rewrites (the price of a style on text that writes pairs apart).
``--style treebank --styles mine.tsv`` runs a user's style file alone (``--style news --styles``:
on top of news), to read what it joins before a large run.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "zwnj"))
from real_text import source_lines  # bench/zwnj/real_text.py
from trees import forget_khabar  # bench/trees.py

ZWNJ_BETWEEN_LETTERS = re.compile(r"\w\u200c\w")
SOURCES = ("news", "targoman", "social", "html")


def load_find_style(src: str):
    """``khabar.text.style.find_style`` of the khabar package under ``src`` (a fresh import)."""
    forget_khabar()
    sys.path.insert(0, src)
    try:
        from khabar.text.style import find_style

        find_style("به عنوان", "news")  # reads the style file while src is on the path
    finally:
        sys.path.remove(src)
    return find_style


def changes(find_style, line: str, style: str = "news", files: tuple[str, ...] = ()):
    """The (start, end, replacement) of each change; ``files`` only for a tree that has them."""
    found = find_style(line, style, files) if files else find_style(line, style)
    return {(c.start, c.end, c.replacement) for c in found}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=str(ROOT / "src"), help="the tree to run (default: this)")
    ap.add_argument("--before", help="another tree's src: list only the changes it does not make")
    ap.add_argument("--sources", nargs="*", default=list(SOURCES), choices=SOURCES)
    ap.add_argument(
        "--file", nargs="*", default=[], help="text files read instead, one line each (dev sets)"
    )
    ap.add_argument("--width", type=int, default=160, help="characters of each line shown")
    ap.add_argument("--style", default="news", choices=("treebank", "news"))
    ap.add_argument(
        "--styles", nargs="*", default=[], help="user style files on top of --style (this tree)"
    )
    args = ap.parse_args(argv)
    new = load_find_style(args.src)
    old = load_find_style(args.before) if args.before else None
    rows: dict[str, list[str]] = collections.defaultdict(list)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    lines = 0
    texts = {name: Path(name).read_text(encoding="utf-8").splitlines() for name in args.file}
    for source in args.sources if not texts else []:
        texts[source] = source_lines(source)
    for source, source_text in texts.items():
        for line in source_text:
            lines += 1
            found = changes(new, line, args.style, tuple(args.styles))
            if old is not None:
                found -= changes(old, line, args.style)
            writes = "zwnj" if ZWNJ_BETWEEN_LETTERS.search(line) else "none"
            for start, end, replacement in sorted(found):
                pair = line[start:end].replace("\u200c", "|")
                counts[(pair, writes)] += 1
                rows[pair].append(
                    f"{pair} => {replacement.replace(chr(0x200C), '|')} | {writes} | {source} | "
                    f"{line[max(0, start - args.width // 2) : end + args.width // 2]}"
                )
    by_pair = collections.Counter({p: len(r) for p, r in rows.items()})
    print(f"{lines} lines; {sum(by_pair.values())} changes, {len(by_pair)} distinct spellings")
    for pair, n in by_pair.most_common():
        print(f"\n## {pair}: {n} (on lines that write ZWNJs {counts[(pair, 'zwnj')]})")
        print("\n".join(rows[pair]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
