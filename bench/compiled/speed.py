#!/usr/bin/env python3
"""Pure against compiled (mypyc) text modules, timed in turns in one run.

    .venv/bin/python bench/compiled/speed.py --tree main=/tmp/main/src --tree pure=src \\
        --tree compiled=/tmp/build/src [--rounds 3] [--lines 60000] [--out results.md]

A tree is a ``src`` folder; it runs compiled when its ``khabar/text/*.so`` are there (built with
``mypyc`` in one call, see bench/compiled/README.md), pure otherwise (``KHABAR_PURE=1`` is set for
a tree named ``*pure*`` in case the lead's ``khabar._native`` finds extensions). Each measurement
runs in a fresh child process (two compiled trees cannot share one process: mypyc's shared
library has the same name in both), and the trees take turns, ``--rounds`` times; the best CPU
time (``time.process_time``, the machine is shared) of each is kept. Measured on glued PEYMA
600K (every ZWNJ dropped; research-only text read from ../shared, never copied), first
``--lines`` lines:

* ``engine cold``: ``ZwnjRepairer.repair`` per line with an empty memo (every new word
  analysed once), lexicon already loaded;
* ``engine warm``: the same lines again with the memo full;
* ``fix warm``: ``Fixer.fix_stream`` over the lines (what ``khabar fix`` runs), memo full;
* ``lexicon``: ``Lexicon.load()``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
PEYMA = SHARED / "data/peyma_nsurl2019/peyma600k.sentences.txt"

CHILD = r"""
import json, sys, time
lines = [l.rstrip("\n").replace("\u200c", "") for l in open(sys.argv[1], encoding="utf-8")]
lines = lines[: int(sys.argv[2])]
t = time.process_time()
from khabar.text.lexicon import Lexicon
import khabar.text.zwnj as zwnj
from khabar.text.fix import Fixer
lex = Lexicon.load()
lexicon = time.process_time() - t
rep = zwnj.ZwnjRepairer(lex)
t = time.process_time()
out = [rep.repair(l) for l in lines]
cold = time.process_time() - t
t = time.process_time()
again = [rep.repair(l) for l in lines]
warm = time.process_time() - t
assert again == out
fixer = Fixer(repairer=rep)
stream = [l + "\n" for l in lines]
list(fixer.fix_stream(stream))
t = time.process_time()
list(fixer.fix_stream(stream))
fix = time.process_time() - t
print(json.dumps({"file": zwnj.__file__, "lexicon": lexicon, "engine cold": cold,
                  "engine warm": warm, "fix warm": fix, "chars": sum(map(len, lines))}))
"""

KINDS = ("engine cold", "engine warm", "fix warm")


def run_child(src: str, name: str, lines: int) -> dict[str, float | str]:
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    if "pure" in name:
        env["KHABAR_PURE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(PEYMA), str(lines)],
        env=env, capture_output=True, text=True, check=True, cwd="/",
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tree", action="append", required=True, help="NAME=SRC")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--lines", type=int, default=60000)
    ap.add_argument("--out", help="append the markdown table to this file")
    a = ap.parse_args()
    trees = dict(t.split("=", 1) for t in a.tree)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    best: dict[str, dict[str, float]] = {}
    chars = 0
    for r in range(a.rounds):
        for name, src in trees.items():
            got = run_child(src, name, a.lines)
            chars = int(got["chars"])
            kind = "compiled" if str(got["file"]).endswith(".so") else "pure"
            print(f"round {r + 1} {name} ({kind}): " + ", ".join(
                f"{k} {chars / float(got[k]) / 1e6:.2f} M/s" for k in KINDS
            ) + f", lexicon {float(got['lexicon']):.2f} s", flush=True)  # fmt: skip
            old = best.setdefault(name, {})
            for k in (*KINDS, "lexicon"):
                old[k] = min(old.get(k, float("inf")), float(got[k]))
    first = next(iter(best))
    md = [
        f"### {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Command: `.venv/bin/python bench/compiled/speed.py {' '.join(sys.argv[1:])}`. "
        f"Machine: {platform.machine()}, nproc {os.cpu_count()}, Python "
        f"{platform.python_version()}, load average at start {load}. Glued PEYMA 600K, first "
        f"{a.lines:,} lines ({chars:,} characters); best of {a.rounds} rounds in turns, CPU time.",
        "",
        "| tree | engine cold M chars/CPU-s | engine warm | fix_stream warm | lexicon load s "
        f"| cold / {first} |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, b in best.items():
        md.append(
            f"| {name} | " + " | ".join(f"{chars / b[k] / 1e6:.2f}" for k in KINDS)
            + f" | {b['lexicon']:.2f} | {best[first]['engine cold'] / b['engine cold']:.2f}x |"
        )
    md.append("")
    print("\n".join(md))
    if a.out:
        with open(a.out, "a", encoding="utf-8") as handle:
            handle.write("\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
