"""Throughput of khabar.fix in characters per second (best of N runs, one core).

    python eval/bench_fix.py [FILE ...]    # default: the shared PerDT dev and PEYMA 600K texts

Prints, per file: the character and spacing stages alone (``zwnj=off``) and the whole fix, through
``fix_stream`` as ``python -m khabar.text`` runs it. The target is >= 5M chars/s for the whole
fix on news text. Speed is measured here, never asserted in tests (machines differ).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from khabar.text.fix import Fixer
from khabar.text.policy import FixPolicy

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT = [SHARED / "ud_perdt" / "dev.txt", SHARED / "peyma_nsurl2019" / "peyma600k.sentences.txt"]


def best_rate(fixer: Fixer, lines: list[str], runs: int = 3) -> float:
    """Characters per second of the fastest of ``runs`` passes over ``lines``."""
    chars = sum(map(len, lines))
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in fixer.fix_stream(lines):
            pass
        best = min(best, time.perf_counter() - start)
    return chars / best


def main(paths: list[Path]) -> None:
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        chars = sum(map(len, lines))
        for label, policy in [
            ("chars+spacing (zwnj=off)", FixPolicy(zwnj="off")),
            ("whole fix", FixPolicy()),
        ]:
            fixer = Fixer(policy)
            list(fixer.fix_stream(lines[:100]))  # load the lexicon, warm caches
            rate = best_rate(fixer, lines)
            print(f"{path.name}: {chars:,} chars, {label}: {rate / 1e6:.2f}M chars/s")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
