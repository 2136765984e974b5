#!/usr/bin/env python3
"""The honest ceiling of ZWNJ F1 on a gold file: what any tool could reach if it wrote every
word the gold writes both ways in one fixed form, and what the engine would reach if only its
other errors were fixed (development aid; issue 3).

    .venv/bin/python bench/zwnj/ceiling.py                      # the three sets, glued and spaced
    .venv/bin/python bench/zwnj/ceiling.py --sets "PEYMA 600K" --modes spaced --top 20

Every row is scored by ``../shared/tools/score_zwnj.py`` itself (``--cmd`` prints a file this
script wrote), so the numbers are the benchmark's own.

**Units.** A tool sees the damaged line, so a "word written both ways" is a damaged input the
gold restores in more than one scored way:

* glued mode: a space-separated token (ZWNJs dropped), e.g. «اینکه» from «این‌که» and «اینکه»;
* spaced mode: a run of tokens that the gold joins with ZWNJs somewhere (به‌عنوان), found
  wherever the same tokens stand between spaces, joined or not (به عنوان).

Two spellings are different only where the scorer sees it: a ZWNJ after a joining letter.
Occurrences are taken longest first and never overlap.

**Rows** (all gold outside the both-ways words unless said otherwise):

* ``gold``: the gold itself (1.0: checks the rendering);
* ``oracle majority``: each both-ways word in the gold's most frequent form on this set;
* ``oracle always ZWNJ`` / ``oracle never ZWNJ``: the form with the most / fewest ZWNJs;
* ``oracle TRAIN majority``: the form UD PerDT + Seraji TRAIN write most (the gold's majority
  where TRAIN has neither form) - a style a tool could ship;
* ``engine``: the default engine, as ``bench/zwnj/khabar_zwnj.py`` runs it;
* ``engine, other errors fixed``: the engine's spelling on both-ways words, gold elsewhere;
* ``engine + majority style``: the engine's output with each both-ways word in the majority form.

PEYMA is research-only: it is read from ``../shared`` to measure, and nothing is written from
it except the scores (the temporary outputs go to a temporary directory).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench" / "zwnj"))

from khabar_zwnj import FOLD, repair_function

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_zwnj.py"
SETS = {
    "PerDT dev": SHARED / "data" / "ud_perdt" / "dev.txt",
    "Seraji dev": SHARED / "data" / "ud_seraji" / "dev.txt",
    "PEYMA 600K": SHARED / "data" / "peyma_nsurl2019" / "peyma600k.sentences.txt",
}
TRAIN = [SHARED / "data" / f"ud_{name}" / "train.txt" for name in ("perdt", "seraji")]
Z = "\u200c"
JOINING = set("بپتثجچحخسشصضطظعغفقکگلمنهیئـكيه")
VARIANTS = {"آنها", "اینها"}
GAP = re.compile(r"[\s\u200c]+")
MAX_RUN = 5  # tokens in one spaced-mode unit


class Line:
    """A line as letters and the gaps between them: ``''``, ``' '`` or ZWNJ, plus raw gaps."""

    def __init__(self, text: str) -> None:
        self.letters: list[str] = []
        self.raw: list[str] = []  # raw[i]: what stands between letters[i] and letters[i + 1]
        self.lead = ""
        pos = 0
        for m in GAP.finditer(text):
            chunk = text[pos : m.start()]
            if not self.letters and not chunk:
                self.lead = m.group()
            else:
                self._add(chunk, m.group())
            pos = m.end()
        self._add(text[pos:], "")
        self.tail = self.raw.pop() if self.raw else ""

    def _add(self, chunk: str, gap: str) -> None:
        for ch in chunk[:-1]:
            self.letters.append(ch)
            self.raw.append("")
        if chunk:
            self.letters.append(chunk[-1])
            self.raw.append(gap)
        elif self.raw:  # two gaps in a row cannot happen with GAP's +
            self.raw[-1] += gap

    def labels(self) -> list[str]:
        return [label(g) for g in self.raw]

    def render(self, labels: list[str]) -> str:
        parts = [self.lead]
        for i, ch in enumerate(self.letters):
            parts.append(ch)
            if i < len(self.raw):
                parts.append(self.raw[i] if label(self.raw[i]) == labels[i] else labels[i])
        parts.append(self.tail)
        return "".join(parts)


def label(gap: str) -> str:
    """A gap's class: a space wins over a ZWNJ beside it (the scorer sees no ZWNJ cut there)."""
    if not gap:
        return ""
    return " " if any(c.isspace() for c in gap) else Z


def scored(letters: list[str], labels: list[str], start: int, end: int) -> frozenset[int]:
    """The scored ZWNJ cuts inside letters[start:end] (ZWNJ after a joining letter), relative."""
    return frozenset(
        i - start for i in range(start, end - 1) if labels[i] == Z and letters[i] in JOINING
    )


def units(line: Line, labels: list[str], mode: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, joined) letter spans of the damaged inputs a tool sees as one word.

    glued: every space-separated token. spaced: every run of 1..MAX_RUN tokens between spaces
    or ZWNJs (``joined`` if the gold joins them all with ZWNJs); the caller keeps the keys it
    needs.
    """
    n = len(line.letters)
    if mode == "glued":
        start = 0
        for i in range(n):
            if i == n - 1 or labels[i] == " ":
                yield start, i + 1, True
                start = i + 1
        return
    tokens = []
    start = 0
    for i in range(n):
        if i == n - 1 or labels[i] in (" ", Z):
            tokens.append((start, i + 1))
            start = i + 1
    for a in range(len(tokens)):
        if a and labels[tokens[a][0] - 1] == Z:
            continue  # a run starts where the gold's words start
        for b in range(a + 1, min(a + MAX_RUN, len(tokens)) + 1):
            end = tokens[b - 1][1]
            if b < len(tokens) and labels[end - 1] == Z:
                continue  # ...and ends where they end
            inner = [labels[tokens[k][1] - 1] for k in range(a, b - 1)]
            yield tokens[a][0], end, all(x == Z for x in inner) and b - a > 1


def key_of(line: Line, start: int, end: int) -> str:
    return "".join(line.letters[start:end]).translate(FOLD)


def forms(
    lines: list[Line], mode: str, wanted: set[str] | None = None
) -> dict[str, Counter[frozenset[int]]]:
    """For every damaged input (spaced mode: every run the lines join somewhere, or ``wanted``):
    how often the lines restore each scored form."""
    out: dict[str, Counter[frozenset[int]]] = defaultdict(Counter)
    if mode == "spaced" and wanted is None:
        wanted = set()
        for line in lines:
            lab = line.labels()
            for s, e, joined in units(line, lab, mode):
                if joined:
                    wanted.add(spaced_key(line, lab, s, e))
    for line in lines:
        lab = line.labels()
        for s, e, _ in units(line, lab, mode):
            key = key_of(line, s, e) if mode == "glued" else spaced_key(line, lab, s, e)
            if wanted is None or key in wanted:
                out[key][scored(line.letters, lab, s, e)] += 1
    return out


def spaced_key(line: Line, labels: list[str], start: int, end: int) -> str:
    """The spaced-mode input of a span: its tokens with one space between."""
    return "".join(
        line.letters[i] + (" " if i < end - 1 and labels[i] in (" ", Z) else "")
        for i in range(start, end)
    ).translate(FOLD)


def both_ways(table: dict[str, Counter[frozenset[int]]]) -> dict[str, Counter[frozenset[int]]]:
    return {k: c for k, c in table.items() if len(c) > 1 and k.replace(" ", "") not in VARIANTS}


def occurrences(
    line: Line, labels: list[str], mode: str, keys: dict[str, Counter[frozenset[int]]]
) -> list[tuple[int, int, str]]:
    """Non-overlapping spans of both-ways inputs, longest first."""
    found = []
    for s, e, _ in units(line, labels, mode):
        key = key_of(line, s, e) if mode == "glued" else spaced_key(line, labels, s, e)
        if key in keys:
            found.append((s, e, key))
    found.sort(key=lambda t: (t[0] - t[1], t[0]))
    taken: set[int] = set()
    out = []
    for s, e, key in found:
        if not taken.intersection(range(s, e)):
            taken.update(range(s, e))
            out.append((s, e, key))
    return out


def with_form(
    letters: list[str], labels: list[str], s: int, e: int, form: frozenset[int], mode: str
) -> None:
    """Write ``form``'s scored cuts into labels[s:e-1]; a removed ZWNJ becomes what the damage
    left there (nothing in glued mode, a space in spaced mode)."""
    for i in range(s, e - 1):
        if letters[i] not in JOINING:
            continue
        if i - s in form:
            labels[i] = Z
        elif labels[i] == Z:
            labels[i] = "" if mode == "glued" else " "


def score(gold_path: Path, mode: str, out_lines: list[str], tmp: Path) -> dict:
    path = tmp / "out.txt"
    path.write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    cmd = f"cat > /dev/null; cat '{path}'"
    p = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold_path), "--mode", mode, "--cmd", cmd],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(p.stdout)


def read_gold(path: Path) -> list[str]:
    """The lines exactly as score_zwnj.py reads them."""
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n").replace("\u00a0", " ") for l in f if l.strip()]


def damage(line: str, mode: str) -> str:
    return line.replace(Z, "") if mode == "glued" else re.sub(" +", " ", line.replace(Z, " "))


def pick(counter: Counter[frozenset[int]], how: str) -> frozenset[int]:
    if how == "always ZWNJ":
        return max(counter, key=lambda f: (len(f), counter[f]))
    if how == "never ZWNJ":
        return min(counter, key=lambda f: (len(f), -counter[f]))
    return max(counter, key=lambda f: (counter[f], -len(f)))


def run_set(name: str, mode: str, repair: Callable[[str], str], train: list[Line], tmp: Path,
            top: int) -> list[tuple[str, dict]]:  # fmt: skip
    gold_path = SETS[name]
    gold_text = read_gold(gold_path)
    gold = [Line(t) for t in gold_text]
    keys = both_ways(forms(gold, mode))
    train_forms = forms(train, mode, set(keys) if mode == "spaced" else None)
    engine_text = [repair(damage(t, mode).translate(FOLD)) for t in gold_text]
    styles = {how: {k: pick(c, how) for k, c in keys.items()} for how in
              ("majority", "always ZWNJ", "never ZWNJ")}  # fmt: skip
    styles["TRAIN majority"] = {
        k: pick(train_forms[k], "majority") if train_forms.get(k) else styles["majority"][k]
        for k in keys
    }
    rows: dict[str, list[str]] = defaultdict(list)
    unaligned = 0
    errors_in = errors_out = 0
    cost: Counter[str] = Counter()  # boundary errors of the majority style, by input
    for line, g_text, e_text in zip(gold, gold_text, engine_text, strict=True):
        lab = line.labels()
        occ = occurrences(line, lab, mode, keys)
        rows["gold"].append(line.render(lab))
        for how, chosen in styles.items():
            new = list(lab)
            for s, e, k in occ:
                with_form(line.letters, new, s, e, chosen[k], mode)
            rows[f"oracle {how}"].append(line.render(new))
        rows["engine"].append(e_text)
        e_line = Line(e_text)
        same = [c.translate(FOLD) for c in e_line.letters] == [
            c.translate(FOLD) for c in line.letters
        ]
        if not same:
            unaligned += 1
            rows["engine, other errors fixed"].append(e_text)
            rows["engine + majority style"].append(e_text)
            continue
        e_lab = e_line.labels()
        fixed = list(lab)
        styled = list(e_lab)
        inside: set[int] = set()
        for s, e, k in occ:
            fixed[s : e - 1] = e_lab[s : e - 1]
            inside.update(range(s, e - 1))
            with_form(line.letters, styled, s, e, styles["majority"][k], mode)
            g_form = scored(line.letters, lab, s, e)
            cost[k] += len(g_form ^ styles["majority"][k])
        for i in range(len(lab)):
            if line.letters[i] in JOINING and (lab[i] == Z) != (e_lab[i] == Z):
                if i in inside:
                    errors_in += 1
                else:
                    errors_out += 1
        rows["engine, other errors fixed"].append(line.render(fixed))
        rows["engine + majority style"].append(e_line.render(styled))
    results = [(row, score(gold_path, mode, lines, tmp)) for row, lines in rows.items()]
    print(
        f"# {name} {mode}: {len(keys)} both-ways inputs; engine boundary errors on them "
        f"{errors_in}, elsewhere {errors_out} (unscored-position and VARIANTS differences "
        f"included); {unaligned} lines whose letters the engine changed kept as they are",
        flush=True,
    )
    for row, res in results:
        print(f"  {row:28} F1 {res['f1']:.4f}  P {res['precision']:.4f}  R {res['recall']:.4f}",
              flush=True)  # fmt: skip
    if top:
        print("  largest costs of the majority style (boundary errors: input, forms):")
        for k, n in cost.most_common(top):
            seen = ", ".join(f"{sorted(f)}:{c}" for f, c in keys[k].most_common())
            train_seen = ", ".join(f"{sorted(f)}:{c}" for f, c in train_forms[k].most_common())
            print(f"    {n:5d} {k} | gold {seen} | TRAIN {train_seen or '-'}")
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("--modes", nargs="*", default=["glued", "spaced"])
    ap.add_argument("--top", type=int, default=0, help="list the N costliest both-ways inputs")
    ap.add_argument("--json", type=Path, help="write the scores here too")
    a = ap.parse_args()
    repair = repair_function()
    train = [Line(t) for path in TRAIN for t in read_gold(path)]
    table = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.sets:
            for mode in a.modes:
                for row, res in run_set(name, mode, repair, train, Path(tmp), a.top):
                    table[f"{name} {mode} {row}"] = res["f1"]
    if a.json:
        a.json.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
