#!/usr/bin/env python3
"""Word-level changes ``khabar.fix`` makes to real crawled and social text, for reading by hand.

    PYTHONPATH=src .venv/bin/python bench/zwnj/real_text.py                  # counts, review file
    PYTHONPATH=src .venv/bin/python bench/zwnj/real_text.py --before /tmp/old/src   # and compare

No dev set scores this text: it is what users feed khabar. Sources (``../shared/data``):
``social`` = ParsNER's Telegram-style posts (``parsner_social/all.sentences.txt``), ``news`` =
FarsNews and Varzesh3 articles (``farsnews_varzesh3_json/*.docs.jsonl``: title, abstract, body,
one line per paragraph), ``targoman`` = Targoman's crawled news and Q&A documents (title,
subtitle, body), and, when asked for (``--sources ... html``), ``html`` = the visible text of
``html_pages_htmldate/*.html`` (as ``crawl_splits.py`` reads it), and ``arman`` = ArmanPersoNER's
sentences (``arman_ner/all.sentences.txt``: news and encyclopaedic text; academic research only,
so read to find the engine's errors, never a source of entries). Arabic ي/ك/ى are folded in
the input first (as ``khabar fix`` does), so that repair is not counted. Every line is fixed alone; input and output are aligned word by word
(split at whitespace) and each difference is put in a class:

* ``split``: one word became one word with more ZWNJs (a ZWNJ inserted into a glued word);
* ``join``: words written apart became fewer words, same letters (a space became a ZWNJ or
  was removed);
* ``unzwnj``: one word lost a ZWNJ (stray or after a non-joining letter), or had one moved;
* ``chars``: anything else (character repairs, punctuation spacing).

Wrong changes are those whose (input, output) pair is listed in the reviewed file
``real_text_wrong.tsv`` (``input<TAB>output<TAB>cause<TAB>note[<TAB>context]``, ``|`` for a
ZWNJ): each pair there was read in its lines and judged wrong in all of them, or, with a
``context`` (a regular expression searched in the words around the change, four either side),
in the lines that context matches (``اعلام شده`` → ``اعلام‌شده`` is wrong before «است», right
in ``مواضع اعلام شده در``). The counts per 10,000 input words
are printed per source, class and cause. ``--review FILE`` writes every distinct change with its
count, class, verdict (``WRONG:cause`` or blank = not judged wrong) and an example line, most
frequent first, for reading. ``--before SRC`` (the ``src`` folder of another tree) counts both
trees and lists the lines whose output differs, to re-read every change a rule makes.

``--damage glued|spaced`` reads the engine against the writers instead: only lines that
already write ZWNJs between letters are kept, their ZWNJs are stripped (or become spaces), and
each word the fixed line writes differently from the writer is counted as (writer, khabar):
``cut`` where khabar puts a ZWNJ inside a word the writer wrote glued, ``joined`` where it
joins words the writer wrote apart, ``missed`` where the writer has a ZWNJ khabar did not
restore. The writers are not gold (some write ``کتابها``
glued on purpose), so these lists are read, not scored. ``--words`` lists every such word
with its fixed line (``kind writer => khabar | line``); with ``--before`` it lists instead every
word the two trees write differently (``FIX``: the new tree writes the writer's words and the
old did not; ``BREAK``: the reverse; ``OTHER``: neither), so each change a rule makes to damaged
text is read in its line.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from trees import forget_khabar  # bench/trees.py

DATA = ROOT.parent / "shared" / "data"
WRONG = Path(__file__).with_name("real_text_wrong.tsv")
ARABIC = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
Z = "\u200c"
CLASSES = ("split", "join", "unzwnj", "chars")


def load_fix(src: str):
    """``khabar.fix`` of the khabar package under ``src`` (a fresh import)."""
    forget_khabar()
    sys.path.insert(0, src)
    try:
        import khabar

        fix = khabar.fix
        fix("آزمون")  # loads the lexicon while src is still on the path
    finally:
        sys.path.remove(src)
    return fix


def _json_lines(path: Path, fields: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for row in path.open(encoding="utf-8"):
        doc = json.loads(row)
        for field in fields:
            value = doc.get(field)
            if isinstance(value, str):
                lines += value.split("\n")
    return lines


#: elements whose text a browser never shows: a page's JavaScript is code, not Persian text
#: (session 20 read «(theForm.onsubmit() !=» as a line of the html source)
_HIDDEN: tuple[str, ...] = ("script", "style", "noscript", "template")


def _html_lines(folder: Path) -> list[str]:
    """The visible text of each page of ``folder``, one line per text node (as crawl_splits.py,
    less the text of :data:`_HIDDEN` elements)."""
    from selectolax.lexbor import LexborHTMLParser

    lines: list[str] = []
    for path in sorted(folder.glob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace"))
        tree.strip_tags(list(_HIDDEN))
        if tree.body is not None:
            lines += tree.body.text(separator="\n").split("\n")
    return lines


def source_lines(name: str) -> list[str]:
    """The lines of one source, Arabic ي/ك/ى folded, blank lines left out."""
    if name == "social":
        raw = (DATA / "parsner_social" / "all.sentences.txt").read_text(encoding="utf-8").split("\n")
    elif name == "news":
        raw = []
        for path in sorted((DATA / "farsnews_varzesh3_json").glob("*.docs.jsonl")):
            raw += _json_lines(path, ("title", "abstract", "body"))
    elif name == "targoman":
        raw = _json_lines(DATA / "targoman_sample" / "docs.jsonl", ("title", "subtitle", "body"))
    elif name == "html":
        raw = _html_lines(DATA / "html_pages_htmldate")
    elif name == "arman":
        raw = (DATA / "arman_ner" / "all.sentences.txt").read_text(encoding="utf-8").split("\n")
    else:
        raise SystemExit(f"unknown source {name!r}: use social, news, targoman, html or arman")
    return [line.translate(ARABIC) for line in raw if line.strip()]


def classify(x: str, y: str) -> str:
    """The class of the change of input words ``x`` to output words ``y`` (see the docstring)."""
    xs, ys = x.split(), y.split()
    bare_x, bare_y = "".join(xs).replace(Z, ""), "".join(ys).replace(Z, "")
    if bare_x != bare_y:
        return "chars"
    if len(xs) > len(ys):
        return "join"
    if len(xs) == len(ys) and x.count(Z) < y.count(Z):
        return "split"
    if len(xs) == len(ys):
        return "unzwnj"
    return "chars"


def changes(line: str, out: str):
    """(input words, output words, context) of each word-level difference of a fixed line."""
    a, b = line.split(), out.split()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if i2 - i1 == j2 - j1 > 1:  # several words changed side by side: one change each
            pieces = [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:
            pieces = [(i1, i2, j1, j2)]
        for p1, p2, q1, q2 in pieces:
            x, y = " ".join(a[p1:p2]), " ".join(b[q1:q2])
            if x != y:
                yield x, y, " ".join(a[max(0, p1 - 4) : p2 + 4])


def read_wrong(path: Path) -> dict[tuple[str, str], tuple[str, re.Pattern[str] | None]]:
    """The reviewed wrong pairs: (input, output) -> (cause, context or None); ``|`` in the file
    is a ZWNJ."""
    wrong: dict[tuple[str, str], tuple[str, re.Pattern[str] | None]] = {}
    if not path.exists():
        return wrong
    for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        cols = row.split("\t")
        if len(cols) < 3:
            raise SystemExit(f"{path}:{n}: want input<TAB>output<TAB>cause, got {row!r}")
        context = re.compile(cols[4]) if len(cols) > 4 and cols[4] else None
        wrong[(cols[0].replace("|", Z), cols[1].replace("|", Z))] = (cols[2], context)
    return wrong


def is_wrong(wrong: dict, x: str, y: str, ctx: str) -> bool:
    """Whether the change of ``x`` to ``y`` in the words ``ctx`` is a reviewed wrong one."""
    entry = wrong.get((x, y))
    return entry is not None and (entry[1] is None or entry[1].search(ctx) is not None)


def run(fix, lines: list[str], wrong: dict):
    """(Counter of (class, input, output), example line per pair, outputs, Counter of the
    wrong ones) of one tree."""
    found: collections.Counter = collections.Counter()
    bad: collections.Counter = collections.Counter()
    example: dict[tuple[str, str], str] = {}
    outs = []
    for line in lines:
        out = fix(line)
        outs.append(out)
        if out == line:
            continue
        for x, y, ctx in changes(line, out):
            key = (classify(x, y), x, y)
            found[key] += 1
            if is_wrong(wrong, x, y, ctx):
                bad[key] += 1
            example.setdefault((x, y), ctx)
    return found, example, outs, bad


def summary(
    name: str, words: int, found: collections.Counter, bad: collections.Counter, wrong: dict
) -> list[str]:
    """Rows: changes and wrong changes per class, and wrong ones per cause, per 10k words."""
    per = 10_000 / max(words, 1)
    rows = [f"{name}: {words:,} words"]
    causes: collections.Counter = collections.Counter()
    for cls in CLASSES:
        total = sum(n for (c, _, _), n in found.items() if c == cls)
        n_bad = sum(n for (c, _, _), n in bad.items() if c == cls)
        rows.append(f"  {cls:7} changes {total:6,} ({total * per:7.1f}/10k)  wrong {n_bad:5,} ({n_bad * per:6.2f}/10k)")
    for (c, x, y), n in bad.items():
        causes[wrong[(x, y)][0]] += n
    for cause, n in causes.most_common():
        rows.append(f"    wrong by cause {cause}: {n} ({n * per:.2f}/10k)")
    return rows


INNER_ZWNJ = re.compile(f"(?<=[\u0600-\u06ff]){Z}(?=[\u0600-\u06ff])")
WORD_RE = re.compile(f"[\u0600-\u06ff{Z}]+")


def damage_lines(lines: list[str], mode: str) -> list[tuple[str, str]]:
    """(writer's line, damaged line) of each line that writes ZWNJs between letters, spaces
    collapsed, those ZWNJs stripped (``glued``) or made spaces (``spaced``)."""
    out = []
    for line in lines:
        if INNER_ZWNJ.search(line):
            line = " ".join(line.split())
            out.append((line, INNER_ZWNJ.sub("" if mode == "glued" else " ", line)))
    return out


def word_diffs(writer: str, out: str) -> list[tuple[str, str, str]]:
    """(kind, writer's words, khabar's words) of each ZWNJ or space decision where the fixed
    line ``out`` differs from the writer's line; character repairs are left out."""
    a, b = WORD_RE.findall(writer), WORD_RE.findall(out)
    found = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        x, y = " ".join(a[i1:i2]).strip(Z), " ".join(b[j1:j2]).strip(Z)
        if x.replace(Z, "").replace(" ", "") != y.replace(Z, "").replace(" ", ""):
            continue  # a character repair, not a ZWNJ decision
        if x.count(" ") > y.count(" "):
            kind = "joined"  # a space the writer left between words became a ZWNJ
        elif y.count(Z) + y.count(" ") > x.count(Z) + x.count(" "):
            kind = "cut"
        else:
            kind = "missed"
        found.append((kind, x, y))
    return found


def damaged_outputs(fix, pairs: list[tuple[str, str]]) -> list[str]:
    """The fixed damaged line of each (writer's line, damaged line)."""
    return [fix(broken) for _, broken in pairs]


def damaged(fix, lines: list[str], mode: str) -> collections.Counter:
    """(kind, writer's word, khabar's word) -> count over the lines that write ZWNJs between
    letters, with those ZWNJs stripped (``glued``) or spaced (``spaced``) before fixing."""
    pairs = damage_lines(lines, mode)
    return count_diffs(pairs, damaged_outputs(fix, pairs))


def count_diffs(pairs: list[tuple[str, str]], outs: list[str]) -> collections.Counter:
    """(kind, writer's word, khabar's word) -> count over the fixed damaged lines ``outs``."""
    found: collections.Counter = collections.Counter()
    for (writer, _), out in zip(pairs, outs):
        if out != writer:
            found.update(word_diffs(writer, out))
    return found


def word_rows(pairs: list[tuple[str, str]], outs: list[str], old: list[str] | None) -> list[str]:
    """The whole list of changed words, for reading (``|`` is a ZWNJ in the words). Without
    ``old``: one row per word khabar writes differently from the writer, ``kind writer =>
    khabar | fixed line``. With ``old`` (the older tree's outputs): one row per place the two
    trees' outputs differ, ``verdict writer: old => new | new fixed line`` (see tree_diffs)."""
    rows = []
    for (writer, _), out, was in zip(pairs, outs, old if old is not None else outs):
        if old is None and out != writer:
            for kind, x, y in word_diffs(writer, out):
                rows.append(f"  {kind} {x} => {y}".replace(Z, "|") + f" | {out}")
        elif old is not None and out != was:
            for verdict, gold, change in tree_diffs(writer, was, out):
                rows.append(f"  {verdict} {gold}: {change}".replace(Z, "|") + f" | {out}")
    return rows


def tree_diffs(writer: str, old: str, new: str) -> list[tuple[str, str, str]]:
    """(verdict, writer's words, "old => new") of each place two trees' outputs of one damaged
    line differ: verdict ``FIX`` where the new tree writes the writer's words and the old did
    not, ``BREAK`` where the old did and the new does not, ``OTHER`` where neither does."""
    a, b = WORD_RE.findall(old), WORD_RE.findall(new)
    w = WORD_RE.findall(writer)
    found = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        x, y = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        gold = _writer_span(w, a, i1, i2)
        if y == gold:
            verdict = "FIX"
        elif x == gold:
            verdict = "BREAK"
        else:
            verdict = "OTHER"
        found.append((verdict, gold, f"{x} => {y}"))
    return found


def _writer_span(writer: list[str], old: list[str], i1: int, i2: int) -> str:
    """The writer's words over the letters of ``old[i1:i2]`` (matched by their letters without
    ZWNJs or spaces), or ``?`` when the two do not align."""
    bare = [len(x.replace(Z, "")) for x in old]
    start, end = sum(bare[:i1]), sum(bare[:i2])
    at, words = 0, []
    for word in writer:
        n = len(word.replace(Z, ""))
        if at >= start and at + n <= end:
            words.append(word)
        elif at < end and at + n > start:
            return "?"
        at += n
    return " ".join(words) if words or start == end else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", nargs="+", default=["social", "news", "targoman"])
    ap.add_argument("--src", default=str(ROOT / "src"), help="src folder of the tree to run")
    ap.add_argument("--before", help="src folder of an older tree to compare with")
    ap.add_argument("--review", help="write every distinct change here, for reading")
    ap.add_argument("--wrong", default=str(WRONG), help="the reviewed wrong pairs (TSV)")
    ap.add_argument("--damage", choices=["glued", "spaced"], help="read the writers' ZWNJ lines")
    ap.add_argument("--top", type=int, default=60, help="with --damage: rows per kind")
    ap.add_argument(
        "--words",
        action="store_true",
        help="with --damage: also list every word written unlike the writer, with its line "
        "(with --before: every word the trees write differently, FIX/BREAK/OTHER)",
    )
    a = ap.parse_args(argv)
    if a.damage:
        for name in a.sources:
            pairs = damage_lines(source_lines(name), a.damage)
            outs = damaged_outputs(load_fix(a.src), pairs)
            found = count_diffs(pairs, outs)
            old_outs = damaged_outputs(load_fix(a.before), pairs) if a.before else None
            old = count_diffs(pairs, old_outs) if old_outs is not None else None
            for kind in ("cut", "joined", "missed"):
                rows = sorted((k for k in set(found) | set(old or ()) if k[0] == kind),
                              key=lambda k: -found[k])
                total = sum(found[k] for k in rows)
                was = f" (before: {sum(old[k] for k in rows)})" if old is not None else ""
                print(f"{name} {a.damage} {kind}: {total}{was}")
                for k in rows[: a.top]:
                    n = f"{old[k]} -> {found[k]}" if old is not None else str(found[k])
                    print(f"  {n} {k[1]} => {k[2]}".replace(Z, "|"))
            if a.words:
                rows = word_rows(pairs, outs, old_outs)
                if old_outs is not None:
                    differ = sum(o != n for o, n in zip(old_outs, outs))
                    print(f"{name} {a.damage}: {differ} lines differ between the trees, "
                          f"{len(rows)} words (writer: old => new):")
                else:
                    print(f"{name} {a.damage}: {len(rows)} words written unlike the writer "
                          "(writer => khabar):")
                print("\n".join(rows))
        return 0
    wrong = read_wrong(Path(a.wrong))
    review = []
    for name in a.sources:
        lines = source_lines(name)
        words = sum(len(line.split()) for line in lines)
        found, example, outs, bad = run(load_fix(a.src), lines, wrong)
        if a.before:
            old, _, old_outs, old_bad = run(load_fix(a.before), lines, wrong)
            print("\n".join(summary(f"{name} BEFORE ({a.before})", words, old, old_bad, wrong)))
        print("\n".join(summary(f"{name} ({a.src})", words, found, bad, wrong)))
        if a.before:
            differ = [(o, n) for o, n in zip(old_outs, outs) if o != n]
            print(f"  {len(differ)} lines differ between the trees:")
            for o, n in differ:
                diffs = [f"{x} -> {y}" for x, y, _ in changes(o, n)]
                print("   ", "; ".join(diffs).replace(Z, "|"), "||", n[:120].replace(Z, "|"))
        for (cls, x, y), n in sorted(found.items(), key=lambda kv: (CLASSES.index(kv[0][0]), -kv[1])):
            verdict = ""
            if (x, y) in wrong:
                cause, context = wrong[(x, y)]
                verdict = f"WRONG:{cause}" if context is None else f"WRONG:{cause} {bad[(cls, x, y)]}/{n}"
            review.append("\t".join((name, cls, str(n), x, y, verdict, example[(x, y)])).replace(Z, "|"))
    if a.review:
        Path(a.review).write_text("\n".join(review) + "\n", encoding="utf-8")
        print(f"{len(review)} distinct changes written to {a.review}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
