"""Interleaved before/after CPU time of a whole ``khabar refine`` for two source trees.

    .venv/bin/python bench/throughput/ab.py BEFORE_SRC AFTER_SRC INPUT_DIR [--rounds 3] [--jobs 1]

Each round runs ``khabar refine INPUT_DIR`` once per tree (A, B, A, B ...: the shared machine's
load changes by 5-10 % between separate runs, so the trees alternate), each in a child process
with the tree first on ``PYTHONPATH``, and reads the child's CPU seconds (user + system, its
workers included) from ``getrusage``. Prints CPU ms per document read, the one-time set-up
included (at -j 1 one process loads the lexicons and tables once), per tree and round, and the
best per tree. Make INPUT_DIR with bench/throughput/run.py's generator (``generate``).

Each tree has its own cache folder (``KHABAR_CACHE_DIR``: the lexicon and the per-code-point
tables), filled by one untimed run before the rounds: sharing ``~/.cache/khabar``, two trees
with different lexicon sources rebuilt the lexicon cache on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(tree: Path, inputs: Path, jobs: int, cache: Path) -> tuple[float, int]:
    """(CPU seconds, documents read) of one refine with ``tree`` first on the path and
    ``cache`` as its cache folder."""
    out = Path(tempfile.mkdtemp(prefix="khabar-ab-")) / "out"
    try:
        before = child_cpu()
        subprocess.run([sys.executable, "-m", "khabar", "refine", str(inputs), "-o", str(out),
                        "-j", str(jobs), "-q"], check=True,
                       env={**os.environ, "PYTHONPATH": str(tree),
                            "KHABAR_CACHE_DIR": str(cache)})
        cpu = child_cpu() - before
        read = json.loads((out / "stats.json").read_text())["counts"]["read"]
        return cpu, read
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trees", nargs=2, type=Path)
    ap.add_argument("inputs", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    best: dict[str, float] = {}
    caches = Path(tempfile.mkdtemp(prefix="khabar-ab-cache-"))
    for label, tree in zip("AB", args.trees, strict=True):  # fills each tree's caches, untimed
        run_once(tree, args.inputs, args.jobs, caches / label)
    for r in range(args.rounds):
        for label, tree in zip("AB", args.trees, strict=True):
            cpu, read = run_once(tree, args.inputs, args.jobs, caches / label)
            ms = 1000 * cpu / read
            best[label] = min(best.get(label, ms), ms)
            print(f"round {r} {label}: {ms:.3f} CPU ms per document ({read} documents, "
                  f"{read / cpu:.0f} per CPU-second)", flush=True)
    for label, tree in zip("AB", args.trees, strict=True):
        print(f"best {label} {tree}: {best[label]:.3f} ms ({1000 / best[label]:.0f} per CPU-second)")
    shutil.rmtree(caches, ignore_errors=True)


if __name__ == "__main__":
    main()
