#!/usr/bin/env python3
"""The licensed-evidence ceiling of ZWNJ F1: what a tool that writes every input the way the
licensed evidence writes the same letters would score (development aid; issue 3).

    .venv/bin/python bench/zwnj/licensed.py                     # the three sets, glued and spaced
    .venv/bin/python bench/zwnj/licensed.py --sets "PEYMA 600K" --modes glued --top 30
    .venv/bin/python bench/zwnj/licensed.py --wordfreq bench/.venv-anchors   # + wordfreq rows
    .venv/bin/python bench/zwnj/licensed.py --folds 5       # on heldout.py's TRAIN folds instead
    .venv/bin/python bench/zwnj/licensed.py --sets "Seraji dev" --train seraji   # one treebank

``bench/zwnj/ceiling.py`` asks the question only of inputs the gold itself writes both ways;
this script asks it of **every** input unit, so it can say how much of the distance to a
target is convention (the gold writes the letters one way, the licensed evidence another).

**Units** (read from the damaged line only, never from the gold's word boundaries):

* glued mode: each space-separated token (its ZWNJs dropped; punctuation and digits at its
  edges left out): «اینکه»;
* spaced mode: each run of 2..``--run`` tokens (ZWNJs turned to spaces): «به صورت»; where runs
  share a space, the longest wins (then the leftmost), so each space is decided by one run.
  ``--run 2`` decides every space by the two tokens around it.

**Evidence**: the same units cut the same way from the damaged form of UD PerDT + Seraji
``train.txt`` (TRAIN only: the dev files are never read as evidence), counted by the scored
form each time (which cuts after a joining letter carry a ZWNJ). With ``--wordfreq VENV``,
wordfreq's Persian list (CC BY-SA) is read from that venv, its forms weighted by frequency;
its tokens never span a space, so it is used in glued mode only.

**Rows** (each scored by ``eval/zwnj_score.py``, the twin of ``../shared/tools/score_zwnj.py``):

* ``gold``: the gold itself (1.0: checks the rendering);
* ``engine``: the default engine, as ``bench/zwnj/khabar_zwnj.py`` runs it;
* ``licensed, else gold``: every attested unit in the evidence's majority form, the gold
  elsewhere: an upper bound of any tool that follows the licensed evidence where it exists;
* ``licensed, else engine``: the same over the engine's output: what fixing every engine error
  on unattested units would still leave;
* ties in the evidence are broken toward the form with fewer ZWNJs (``tie apart``) or more
  (``tie joined``); both are printed.

PEYMA is research-only: it is read from ``../shared`` to measure, and nothing is written from it
except the scores and the listed contributors on the terminal.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "bench" / "zwnj"))

from ceiling import JOINING, SETS, TRAIN, VARIANTS, Line, Z, damage, read_gold, scored
from heldout import SHARED, TREEBANKS, gold_lines, read_lines, split_lines
from khabar_zwnj import FOLD, repair_function
from zwnj_score import score

Form = frozenset[int]
Evidence = dict[str, Counter[Form]]
TIES = ("apart", "joined")


def input_labels(labels: list[str], mode: str) -> list[str]:
    """The gaps of the damaged line the scorer makes from these gold gaps: glued drops every
    ZWNJ, spaced turns each into a space."""
    return [("" if mode == "glued" else " ") if g == Z else g for g in labels]


def spans(letters: list[str], in_labels: list[str], mode: str, max_run: int
          ) -> Iterator[tuple[int, int]]:  # fmt: skip
    """(start, end) letter spans of the input units of a damaged line (see the module doc).
    Punctuation and digits at a token's edges are left out («اینکه،» is «اینکه»), so a word
    has the same key wherever it stands; tokens with no letter are skipped."""
    n = len(letters)
    tokens = []
    start = 0
    for i in range(n):
        if i == n - 1 or in_labels[i] == " ":
            s, e = start, i + 1
            while s < e and not letters[s].isalpha():
                s += 1
            while e > s and not letters[e - 1].isalpha():
                e -= 1
            if s < e:
                tokens.append((s, e))
            start = i + 1
    if mode == "glued":
        yield from tokens
        return
    for a in range(len(tokens)):
        for b in range(a + 2, min(a + max_run, len(tokens)) + 1):
            yield tokens[a][0], tokens[b - 1][1]


def unit_key(letters: list[str], in_labels: list[str], s: int, e: int) -> str:
    """The input a tool sees: the span's letters with the damaged line's spaces, folded."""
    return "".join(
        letters[i] + (" " if i < e - 1 and in_labels[i] == " " else "") for i in range(s, e)
    ).translate(FOLD)


def evidence(texts: Iterable[str], mode: str, max_run: int, wanted: set[str] | None = None
             ) -> Evidence:  # fmt: skip
    """How often the lines write each input unit (only ``wanted`` keys if given) in each form."""
    out: Evidence = defaultdict(Counter)
    for text in texts:
        line = Line(text)
        lab = line.labels()
        inp = input_labels(lab, mode)
        for s, e in spans(line.letters, inp, mode, max_run):
            key = unit_key(line.letters, inp, s, e)
            if wanted is None or key in wanted:
                out[key][scored(line.letters, lab, s, e)] += 1
    return out


def input_keys(texts: Iterable[str], mode: str, max_run: int) -> set[str]:
    keys: set[str] = set()
    for text in texts:
        line = Line(text)
        inp = input_labels(line.labels(), mode)
        keys.update(
            unit_key(line.letters, inp, s, e) for s, e in spans(line.letters, inp, mode, max_run)
        )
    return keys


def wordfreq_evidence(venv: Path) -> Evidence:
    """wordfreq's Persian list (glued-mode units), each form weighted by its frequency."""
    code = (
        "import json, wordfreq; "
        "print(json.dumps(wordfreq.get_frequency_dict('fa', 'small'), ensure_ascii=False))"
    )
    found = [p for p in (venv / "wordfreq/bin/python", venv / "bin/python") if p.exists()]
    if not found:
        raise SystemExit(
            f"--wordfreq {venv}: no wordfreq/bin/python or bin/python there; pass the anchors "
            "venv (bench/.venv-anchors of the main checkout), which has wordfreq 3.1.1"
        )
    python = found[0]
    words = json.loads(subprocess.run([str(python), "-c", code], capture_output=True,
                                      text=True, check=True).stdout)  # fmt: skip
    out: Evidence = defaultdict(Counter)
    for word, freq in words.items():
        line = Line(word)
        if not line.letters or " " in line.labels():
            continue
        key = "".join(line.letters).translate(FOLD)
        out[key][scored(line.letters, line.labels(), 0, len(line.letters))] += freq
    return out


def choose(counter: Counter[Form], tie: str) -> Form:
    """The evidence's most frequent form; a tie goes to the fewest ZWNJs (``apart``) or the
    most (``joined``), then to the earliest cuts."""
    if tie not in TIES:
        raise ValueError(f"tie {tie!r} is not one of {', '.join(TIES)}")
    sign = -1 if tie == "apart" else 1
    return max(counter, key=lambda f: (counter[f], sign * len(f), [-i for i in sorted(f)]))


def decided(letters: list[str], in_labels: list[str], mode: str, max_run: int,
            ev: Evidence) -> list[tuple[int, int, str]]:  # fmt: skip
    """The attested units of a damaged line that decide its gaps: glued, every attested token;
    spaced, attested runs longest first (then leftmost), none sharing a space with one taken."""
    found = []
    for s, e in spans(letters, in_labels, mode, max_run):
        key = unit_key(letters, in_labels, s, e)
        if ev.get(key):
            found.append((s, e, key))
    if mode == "glued":
        return found
    found.sort(key=lambda t: (-sum(1 for i in range(t[0], t[1] - 1) if in_labels[i] == " "),
                              t[0]))  # fmt: skip
    taken: set[int] = set()
    out = []
    for s, e, key in found:
        gaps = {i for i in range(s, e - 1) if in_labels[i] == " "}
        if not gaps & taken:
            taken |= gaps
            out.append((s, e, key))
    return sorted(out)


def write_form(letters: list[str], labels: list[str], in_labels: list[str], s: int, e: int,
               form: Form) -> None:  # fmt: skip
    """Give labels[s:e-1] the form's cuts: a ZWNJ at each cut after a joining letter, the damaged
    input's gap at every other such place (gaps after other letters are left as they are)."""
    for i in range(s, e - 1):
        if letters[i] in JOINING:
            labels[i] = Z if i - s in form else in_labels[i]


def oracle_line(text: str, mode: str, max_run: int, ev: Evidence, tie: str,
                base: str | None = None, any_form: bool = False) -> str:  # fmt: skip
    """``text`` (a gold line) with every attested unit in the evidence's majority form, and
    everything else as in ``base`` (an output of the same letters; the gold if None).

    ``any_form``: keep the gold's form wherever the evidence writes it at least once (the
    majority only where the evidence never does): the bound of a tool that may choose among
    the licensed forms by context but never writes a form the evidence lacks."""
    line = Line(text)
    lab = line.labels()
    inp = input_labels(lab, mode)
    out_line = line if base is None else Line(base)
    new = out_line.labels()
    for s, e, key in decided(line.letters, inp, mode, max_run, ev):
        form = choose(ev[key], tie)
        if any_form and ev[key][scored(line.letters, lab, s, e)]:
            form = scored(line.letters, lab, s, e)
        write_form(line.letters, new, inp, s, e, form)
    return out_line.render(new)


def split_line(text: str, engine: str, mode: str, max_run: int, ev: Evidence, inside: str
               ) -> str:  # fmt: skip
    """``text`` (a gold line) with ``engine``'s gaps (same letters) on the attested units
    (``inside="engine"``) or everywhere else (``inside="gold"``): what fixing only the engine's
    errors off, or on, the licensed evidence would buy."""
    line = Line(text)
    lab = line.labels()
    inp = input_labels(lab, mode)
    e_lab = Line(engine).labels()
    attested: set[int] = set()
    for s, e, _ in decided(line.letters, inp, mode, max_run, ev):
        attested.update(range(s, e - 1))
    take = inside == "engine"
    return line.render([e_lab[i] if (i in attested) == take else g for i, g in enumerate(lab)])


def same_letters(a: str, b: str) -> bool:
    return [c.translate(FOLD) for c in Line(a).letters] == [
        c.translate(FOLD) for c in Line(b).letters
    ]


def spell(key: str, form: Form) -> str:
    """A unit key written in a form: «می شود» with {1} is «می‌شود»."""
    out = []
    j = 0
    for i, ch in enumerate(key):
        if ch == " ":
            continue
        nxt = " " if i + 1 < len(key) and key[i + 1] == " " else ""
        out.append(ch + (Z if j in form else nxt))
        j += 1
    return "".join(out)


def forms_text(key: str, counter: Counter[Form] | None, limit: int = 3) -> str:
    if not counter:
        return "-"
    return ", ".join(f"{spell(key, f)}:{c:g}" for f, c in counter.most_common(limit))


def variant_positions(letters: list[str], labels: list[str]) -> set[int]:
    """The gaps inside the gold's words the scorer leaves out (``VARIANTS`` such as «آن‌ها»)."""
    out: set[int] = set()
    start = 0
    for i in range(len(letters)):
        if i == len(letters) - 1 or labels[i] == " ":
            if "".join(letters[start : i + 1]).translate(FOLD) in VARIANTS:
                out.update(range(start, i))
            start = i + 1
    return out


def tally(gold_text: list[str], mode: str, max_run: int, ev: Evidence, tie: str,
          engine_text: list[str]) -> tuple[dict[str, int], Counter[str], dict[str, Counter[Form]]]:  # fmt: skip
    """Scored cuts of the gold inside attested and unattested units, the licensed majority's
    boundary errors against the gold, and the engine's errors in each; plus the cost by input
    and the gold's forms of each attested input."""
    stats: Counter[str] = Counter()
    cost: Counter[str] = Counter()
    gold_forms: dict[str, Counter[Form]] = defaultdict(Counter)
    for text, eng in zip(gold_text, engine_text, strict=True):
        line = Line(text)
        lab = line.labels()
        inp = input_labels(lab, mode)
        aligned = same_letters(text, eng)
        e_lab = Line(eng).labels() if aligned else None
        attested = [False] * len(lab)
        skip = variant_positions(line.letters, lab)
        for s, e, key in decided(line.letters, inp, mode, max_run, ev):
            if skip & set(range(s, e - 1)):
                continue  # the scorer does not score two-way spellings (آنها, اینها)
            g_form = scored(line.letters, lab, s, e)
            gold_forms[key][g_form] += 1
            miss = len(g_form ^ choose(ev[key], tie))
            if miss:
                cost[key] += miss
                stats["licensed errors"] += miss
                licensed = "licensed too" if ev[key][g_form] else "unlicensed"
                stats[f"licensed errors, gold's form {licensed}"] += miss
            for i in range(s, e - 1):
                attested[i] = True
        for i in range(len(lab)):
            if line.letters[i] not in JOINING or i in skip:
                continue
            where = "attested" if attested[i] else "unattested"
            stats[f"gold cuts {where}"] += lab[i] == Z
            if e_lab is not None and (lab[i] == Z) != (e_lab[i] == Z):
                stats[f"engine errors {where}"] += 1
        stats["unaligned lines"] += not aligned
    return dict(stats), cost, gold_forms


def run_set(name: str, mode: str, max_run: int, repair: Callable[[str], str], train: list[str],
            extra: dict[str, Evidence], top: int, only: list[str]) -> dict[str, float]:  # fmt: skip
    gold_text = read_gold(SETS[name])
    wanted = input_keys(gold_text, mode, max_run)
    sources = {"licensed": evidence(train, mode, max_run, wanted)}
    if mode == "glued":
        sources.update(extra)
    engine_text = [repair(damage(t, mode).translate(FOLD)) for t in gold_text]
    rows: dict[str, list[str]] = {"gold": gold_text, "engine": engine_text}
    for src, ev in sources.items():
        for tie in TIES:
            rows[f"{src}, else gold (tie {tie})"] = [
                oracle_line(t, mode, max_run, ev, tie) for t in gold_text
            ]
            if tie == "apart":
                rows[f"{src} forms only, else gold"] = [
                    oracle_line(t, mode, max_run, ev, tie, any_form=True) for t in gold_text
                ]
            rows[f"{src}, else engine (tie {tie})"] = [
                oracle_line(t, mode, max_run, ev, tie, e) if same_letters(t, e) else e
                for t, e in zip(gold_text, engine_text, strict=True)
            ]
    for inside, outside in (("engine", "gold"), ("gold", "engine")):
        rows[f"{inside} on attested units, {outside} elsewhere"] = [
            split_line(t, e, mode, max_run, sources["licensed"], inside)
            if same_letters(t, e)
            else e
            for t, e in zip(gold_text, engine_text, strict=True)
        ]
    stats, cost, gold_forms = tally(gold_text, mode, max_run, sources["licensed"], "apart",
                                    engine_text)  # fmt: skip
    leak = len({t.strip() for t in gold_text} & {t.strip() for t in train})
    print(f"# {name} {mode} (runs up to {max_run} tokens): {len(wanted)} input units, "
          f"{sum(1 for k in wanted if sources['licensed'].get(k))} attested in TRAIN; "
          f"{leak} gold lines also in TRAIN", flush=True)  # fmt: skip
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())), flush=True)
    table = {}
    for row, lines in rows.items():
        if only and row not in ("gold", "engine") and not any(x in row for x in only):
            continue
        res = score(gold_text, lines, mode)
        table[row] = float(res["f1"])
        print(f"  {row:40} F1 {res['f1']:.4f}  P {res['precision']:.4f}  R {res['recall']:.4f}",
              flush=True)  # fmt: skip
    if top:
        print("  largest costs of the licensed majority (boundary errors: input | gold | TRAIN):")
        for key, n in cost.most_common(top):
            print(f"    {n:5d} {key} | {forms_text(key, gold_forms[key])} | "
                  f"{forms_text(key, sources['licensed'][key])}")  # fmt: skip
    return table


def fold_rows(mode: str, max_run: int, k: int) -> dict[str, float]:
    """The ``licensed, else gold`` oracle on ``bench/zwnj/heldout.py``'s folds: each TRAIN fold
    of each treebank as gold, the evidence both treebanks' TRAIN lines outside their fold of the
    same number (as that script builds each fold's lexicon); the mean F1 over the folds."""
    folds = {
        tb: split_lines(read_lines(SHARED / "data" / folder / "train.txt"), k)
        for tb, folder in TREEBANKS.items()
    }
    table = {}
    for tb in TREEBANKS:
        f1s: dict[str, list[float]] = defaultdict(list)
        for i in range(k):
            gold = [t.replace("\u00a0", " ") for t in gold_lines(folds[tb][i])]
            rest = [t.replace("\u00a0", " ") for name in TREEBANKS for j, fold in
                    enumerate(folds[name]) if j != i for t in gold_lines(fold)]  # fmt: skip
            ev = evidence(rest, mode, max_run, input_keys(gold, mode, max_run))
            for tie in TIES:
                out = [oracle_line(t, mode, max_run, ev, tie) for t in gold]
                f1s[f"(tie {tie})"].append(float(score(gold, out, mode)["f1"]))
            out = [oracle_line(t, mode, max_run, ev, "apart", any_form=True) for t in gold]
            f1s["forms only"].append(float(score(gold, out, mode)["f1"]))
        for tie, values in f1s.items():
            row = f"{tb} TRAIN folds {mode} licensed, else gold {tie}"
            table[row] = sum(values) / len(values)
            print(f"  {row:56} mean F1 {table[row]:.4f}  folds "
                  + " ".join(f"{v:.4f}" for v in values), flush=True)  # fmt: skip
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("--modes", nargs="*", default=["glued", "spaced"])
    ap.add_argument("--run", type=int, default=5, help="longest spaced-mode run, in tokens")
    ap.add_argument("--top", type=int, default=0, help="list the N costliest attested inputs")
    ap.add_argument(
        "--wordfreq",
        type=Path,
        metavar="VENV",
        help="also use wordfreq's Persian list from this anchors venv (glued)",
    )
    ap.add_argument(
        "--folds",
        type=int,
        metavar="K",
        help="instead of the sets: the licensed, else gold oracle on heldout.py's K TRAIN folds",
    )
    ap.add_argument(
        "--train",
        nargs="+",
        default=["perdt", "seraji"],
        help="the treebanks whose train.txt is the evidence (default both)",
    )
    ap.add_argument(
        "--rows", nargs="*", default=[], help="score only the rows whose names hold one of these"
    )
    ap.add_argument("--json", type=Path, help="write the scores here too")
    a = ap.parse_args(argv)
    if a.run < 2:
        ap.error(f"--run {a.run}: a spaced-mode unit needs at least 2 tokens")
    if a.folds:
        table = {}
        for mode in a.modes:
            table.update(fold_rows(mode, a.run, a.folds))
        if a.json:
            a.json.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
        return 0
    repair = repair_function()
    paths = [path for path in TRAIN if path.parent.name.removeprefix("ud_") in a.train]
    if len(paths) != len(a.train):
        ap.error(f"--train {' '.join(a.train)}: the treebanks are perdt and seraji")
    train = [t for path in paths for t in read_gold(path)]
    extra = {}
    if a.wordfreq:
        wf = wordfreq_evidence(a.wordfreq)
        extra["wordfreq"] = wf
        lic = evidence(train, "glued", a.run)
        extra["TRAIN then wordfreq"] = {**wf, **{k: c for k, c in lic.items() if c}}
    table = {}
    for name in a.sets:
        for mode in a.modes:
            for row, f1 in run_set(name, mode, a.run, repair, train, extra, a.top, a.rows).items():
                table[f"{name} {mode} {row}"] = f1
    if a.json:
        a.json.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
