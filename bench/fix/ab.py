"""Interleaved before/after CPU time of ``fix_with_edits`` for two source trees.

    .venv/bin/python bench/fix/ab.py BEFORE_SRC AFTER_SRC [--docs 1000] [--rounds 3]

Each round runs one subprocess per tree (A, B, A, B ...: the shared machine's load changes by
5-10 % between separate runs, so the trees alternate); each subprocess times best-of-3 warm
passes of ``fix_with_edits`` over the throughput generator's documents and PEYMA glued sentences
(bench/fix/run.py's corpora), ZWNJ engine off and on. Prints ms per text per tree and round.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import run as bench
from khabar.text.fix import Fixer
from khabar.text.policy import FixPolicy
docs = bench.throughput_docs(int(sys.argv[3]))
sents = bench.peyma_glued(int(sys.argv[4]))
out = {}
for pname in ("zwnj-off", "default"):
    fixer = Fixer(FixPolicy.from_kwargs(**bench.POLICIES[pname]))
    for name, texts in (("docs", docs), ("peyma", sents)):
        best = float("inf")
        for i in range(4):
            t = time.process_time()
            for x in texts:
                fixer.fix_with_edits(x)
            if i:  # the first pass is cold (engine memo)
                best = min(best, time.process_time() - t)
        out[f"{pname}/{name}"] = best / len(texts) * 1e3
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trees", nargs=2, type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    for r in range(args.rounds):
        for label, tree in zip("AB", args.trees, strict=True):
            res = subprocess.run(
                [sys.executable, "-c", _CHILD, str(tree), str(ROOT / "bench/fix"),
                 str(args.docs), str(args.lines)],
                capture_output=True, text=True, check=True,
                env={**os.environ, "KHABAR_SRC": str(tree)},  # run.py puts it first on the path
            )  # fmt: skip
            ms = json.loads(res.stdout.strip().splitlines()[-1])
            print(f"round {r} {label}: " + ", ".join(f"{k} {v:.4f} ms" for k, v in ms.items()),
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
