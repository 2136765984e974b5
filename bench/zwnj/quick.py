#!/usr/bin/env python3
"""The engine's scores on the three sets in one process (faster than run.py; no anchors).

    .venv/bin/python bench/zwnj/quick.py                  # PerDT dev, Seraji dev, PEYMA 600K
    .venv/bin/python bench/zwnj/quick.py --half even      # even lines only (odd: the rest)
    .venv/bin/python bench/zwnj/quick.py --sets "PerDT dev" --modes spaced
    .venv/bin/python bench/zwnj/quick.py --set style=news  # a policy's ZWNJ fields (repeatable)

Scores with ``eval/zwnj_score.py``, the in-repository twin of ``../shared/tools/score_zwnj.py``
(``tests/text/test_quality_gate.py`` checks that they agree); the engine gets the line with
Arabic ي/ك/ى folded, as ``bench/zwnj/khabar_zwnj.py`` does. ``--half`` keeps every other line,
so rules chosen on one half can be checked on the other before the held-out splits.
``--set KEY=VALUE`` runs the engine and house style of that policy (``zwnj``, ``zwnj_trust``,
``style``), as ``khabar_zwnj.py --set`` does; without it the default engine runs alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "bench" / "zwnj"))

from khabar_zwnj import FOLD, repair_function
from zwnj_score import evaluate, read_gold

SHARED = ROOT.parent / "shared" / "data"
SETS = {
    "PerDT dev": SHARED / "ud_perdt" / "dev.txt",
    "Seraji dev": SHARED / "ud_seraji" / "dev.txt",
    "PEYMA 600K": SHARED / "peyma_nsurl2019" / "peyma600k.sentences.txt",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("--modes", nargs="*", default=["glued", "spaced", "intact"])
    ap.add_argument("--half", choices=["even", "odd"])
    ap.add_argument(
        "--set",
        dest="policy",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a fix policy ZWNJ field (zwnj, zwnj_trust, zwnj_nonjoiner, style, styles), "
        "repeatable",
    )
    a = ap.parse_args(argv)
    repair_line = repair_function(a.policy)

    def repair(line: str) -> str:
        return repair_line(line.translate(FOLD))

    rows = {}
    for name in a.sets:
        gold = read_gold(SETS[name])
        if a.half:
            gold = gold[a.half == "odd" :: 2]
        for mode in a.modes:
            t = time.process_time()
            res = evaluate(gold, repair, mode)
            key = "harm" if mode == "intact" else "f1"
            rows[f"{name} {mode}"] = res[key]
            print(
                f"{name:11} {mode:7} {key} {res[key]:.4f}  P {res['precision']:.4f} "
                f"R {res['recall']:.4f}  ({time.process_time() - t:.1f}s)",
                flush=True,
            )
    print(json.dumps(rows, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
