#!/usr/bin/env python3
"""Build khabar's ZWNJ frequency lexicon from the TRAIN splits of the UD Persian treebanks.

The lexicon is what :mod:`khabar.text.zwnj` looks up to decide whether a glued word such as
``میباشد`` should be written ``می‌باشد`` and whether two spaced words such as ``کتاب ها`` are
one word (``کتاب‌ها``). It is a plain UTF-8 TSV, one ``form<TAB>count`` per line, sorted by form:

* a *token* form is a Persian word as the treebank writes it, with its ZWNJs (``می‌باشد``) or
  glued (``میلیون``);
* a *pair* form is two words separated by one ASCII space (``به منظور``), counted when the
  two words are written apart in the treebank and their concatenation is also seen as one
  token, or when one side is an affix that is normally attached (``ها``, ``می``); it lets the
  engine weigh ``کتاب ها`` against ``کتاب‌ها``.

Only the TRAIN splits are read (dev splits are kept for measuring). Both treebanks are CC BY-SA
4.0, so the lexicon is too (see ``src/khabar/data/lexicon/README.md``).

Run (from the repository root, with ../shared beside it)::

    .venv/bin/python scripts/build_lexicon.py            # writes the shipped lexicon
    .venv/bin/python scripts/build_lexicon.py --check    # exit 1 if the shipped file differs
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PERDT = SHARED / "data" / "ud_perdt" / "train.txt"
SERAJI = SHARED / "data" / "ud_seraji" / "train.txt"
DEFAULT_SOURCES = (PERDT, SERAJI)
OUTPUT = ROOT / "src" / "khabar" / "data" / "lexicon" / "zwnj_lexicon.tsv"

ZWNJ = "\u200c"
# Arabic-script letters, tatweel and diacritics; digits (U+0660-U+066D, U+06F0-U+06F9) and
# Arabic punctuation (، ؛ ؟ ۔) stay out, so «14» or «،» never join a word.
LETTER = "\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff"
TOKEN_RE = re.compile(f"[{LETTER}]+(?:{ZWNJ}+[{LETTER}]+)*")
# What the fix step does before calling the ZWNJ engine; the lexicon must be in the same letters.
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
# A pair whose second word is one of these is always counted, even if the glued or ZWNJ form
# was never seen: «سیاره ای» (spaced) against «سیاره‌ای» is exactly what the engine must weigh.
PAIR_MIN_PIECE_COUNT = 20
# Any two words seen side by side this often are kept: a glued «محیطزیست» is split at a seam
# only where the two words were seen written apart («محیط زیست»), see khabar.text.zwnj.
PAIR_MIN_COUNT = 2
HEADER = (
    "# khabar ZWNJ lexicon: form<TAB>count, from UD Persian-PerDT and UD Persian-Seraji TRAIN.\n"
    "# License: CC BY-SA 4.0 (derived from Universal Dependencies treebanks; see README.md).\n"
    "# Built by scripts/build_lexicon.py; do not edit by hand, rebuild instead.\n"
)


# Seraji writes the plural ها glued after a joining letter 724 times (ارزشها, گروههای), where
# PerDT and the Academy orthography write a ZWNJ (ارزش‌ها); see ../shared/data/ud_seraji/README.md.
# Such glued Seraji tokens are not counted when their stem is a known word and no other source
# writes them glued, so they cannot outvote the ZWNJ; تنها, glued in PerDT too, keeps its counts.
PLURAL_GLUED_RE = re.compile(
    f"[{''.join(sorted(set('بپتثجچحخسشصضطظعغفقکگلمنهیئ')))}]"
    "(ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان)$"
)
GLUED_PLURAL_SOURCES = ("ud_seraji",)


def read_lines(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """Yield (source folder name, line) for every source, with Arabic ي/ك folded to ی/ک."""
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                yield path.parent.name, line.translate(FOLD)


def tokens_with_gaps(line: str) -> list[tuple[str, bool]]:
    """Tokens of ``line`` and, for each, whether only whitespace separates it from the next.

    >>> tokens_with_gaps("کتاب ها، می‌روم")
    [('کتاب', True), ('ها', False), ('می\u200cروم', False)]
    """
    matches = list(TOKEN_RE.finditer(line))
    out = []
    for i, m in enumerate(matches):
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        spaced = nxt is not None and line[m.end() : nxt.start()].isspace()
        out.append((m.group(), spaced))
    return out


def count_forms(lines: Iterable[tuple[str, str]]) -> Counter[str]:
    """Count token forms and the candidate spaced pairs (see the module docstring)."""
    tokens: Counter[str] = Counter()
    glued_plurals: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for source, line in lines:
        toks = tokens_with_gaps(line)
        for t, _ in toks:
            if source in GLUED_PLURAL_SOURCES and ZWNJ not in t and PLURAL_GLUED_RE.search(t):
                glued_plurals[t] += 1
            else:
                tokens[t] += 1
        for (a, spaced), (b, _) in itertools.pairwise(toks):
            if spaced and ZWNJ not in a and ZWNJ not in b:
                pairs[f"{a} {b}"] += 1
    for t, n in glued_plurals.items():
        stem = PLURAL_GLUED_RE.sub(lambda m: m.group()[0], t)
        if t in tokens or not tokens[stem]:
            tokens[t] += n  # also glued elsewhere (تنها), or not a known word plus ها
    keys = {t.replace(ZWNJ, "") for t in tokens}
    # pieces seen on either side of a ZWNJ, with counts: «ها», «می», «ترین», «رئیس» ...
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for tok, n in tokens.items():
        parts = tok.split(ZWNJ)
        for p in parts[:-1]:
            left[p] += n
        for p in parts[1:]:
            right[p] += n
    frequent_left = {p for p, n in left.items() if n >= PAIR_MIN_PIECE_COUNT}
    frequent_right = {p for p, n in right.items() if n >= PAIR_MIN_PIECE_COUNT}
    out = Counter(tokens)
    for pair, n in pairs.items():
        a, b = pair.split(" ")
        if n >= PAIR_MIN_COUNT or a + b in keys or b in frequent_right or a in frequent_left:
            out[pair] = n
    return out


def render(counts: Counter[str]) -> str:
    """The TSV text: header, then ``form<TAB>count`` sorted by form (stable across runs)."""
    body = "".join(f"{form}\t{n}\n" for form, n in sorted(counts.items()))
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="*", type=Path, default=list(DEFAULT_SOURCES))
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    a = ap.parse_args(argv)
    missing = [str(p) for p in a.sources if not p.is_file()]
    if missing:
        print(
            f"error: source file(s) not found: {', '.join(missing)}; "
            f"put ../shared beside the repository or pass the train files",
            file=sys.stderr,
        )
        return 2
    text = render(count_forms(read_lines(a.sources)))
    if a.check:
        current = a.output.read_text(encoding="utf-8") if a.output.is_file() else ""
        if current != text:
            print(
                f"{a.output} differs from a fresh build; run scripts/build_lexicon.py",
                file=sys.stderr,
            )
            return 1
        return 0
    a.output.parent.mkdir(parents=True, exist_ok=True)
    a.output.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {a.output} ({len(text.splitlines()) - 3} forms, {len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
