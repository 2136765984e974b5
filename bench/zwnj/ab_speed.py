#!/usr/bin/env python3
"""Warm and cold ``repair`` speed of two source trees, interleaved in one process (before/after).

    git archive OLD src | tar -x -C /tmp/old
    .venv/bin/python bench/zwnj/ab_speed.py /tmp/old/src src [--rounds 6] [--cold 2]

Separate runs of ``speed.py`` differ by 5-10 % on this shared machine; here both engines are
loaded in the same process and timed in turns on the same text (PEYMA 600K sentences glued,
spaced and intact, Arabic ي/ك/ى folded; research-only text read from ../shared, never
copied), best CPU time of ``--rounds`` passes each, after one warm-up pass. Prints chars per
CPU-second and the after/before ratio. ``--cold N`` also times N cold passes of each tree
(a new ``ZwnjRepairer`` on the tree's loaded lexicon, empty memo: every new word analysed
once), in turns, and the lexicon's load time.

Run it with ``KHABAR_PURE=1``: both trees then run their pure-Python modules. With compiled
trees, the second tree's import finds the first tree's extension modules already loaded (a
C extension cannot be unloaded), so both "engines" would be the first: the script refuses.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from trees import forget_khabar  # bench/trees.py

PEYMA = ROOT.parent / "shared" / "data" / "peyma_nsurl2019" / "peyma600k.sentences.txt"
ARABIC = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
Z = "\u200c"


def load(src: str):  # a ZwnjRepairer of either tree
    """A new default ZwnjRepairer from the khabar package under ``src``, and the CPU seconds
    its lexicon took to load."""
    forget_khabar()
    sys.path.insert(0, src)
    try:
        from khabar.text.lexicon import Lexicon
        from khabar.text.zwnj import ZwnjRepairer

        start = time.process_time()
        lexicon = Lexicon.load()
        return ZwnjRepairer(lexicon), time.process_time() - start
    finally:
        sys.path.remove(src)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    if os.environ.get("KHABAR_PURE") != "1":
        sys.exit("ab_speed.py compares two trees in one process, which is only valid with "
                 "their pure-Python modules (a loaded C extension cannot be replaced by the "
                 "second tree's). Run it as KHABAR_PURE=1 .venv/bin/python bench/zwnj/ab_speed.py "
                 "...; to compare compiled trees use bench/fix/vs_hazm.py --tree, which times each "
                 "tree in its own process.")
    ap.add_argument("before", help="src folder of the older tree")
    ap.add_argument("after", help="src folder of the newer tree")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--cold", type=int, default=0, help="cold passes of each tree (glued)")
    a = ap.parse_args(argv)
    with PEYMA.open(encoding="utf-8") as handle:
        gold = [ln.rstrip("\n").replace("\u00a0", " ") for ln in handle if ln.strip()]
    texts = {
        "glued": [g.replace(Z, "") for g in gold],
        "spaced": [re.sub(" +", " ", g.replace(Z, " ")) for g in gold],
        "intact": gold,
    }
    texts = {mode: [t.translate(ARABIC) for t in lines] for mode, lines in texts.items()}
    loaded = {"before": load(a.before), "after": load(a.after)}
    engines = {name: engine for name, (engine, _) in loaded.items()}
    cold: dict[str, float] = {}
    for _ in range(a.cold):
        for name, engine in engines.items():
            fresh = type(engine)(engine.lexicon)  # same tree, empty memo
            start = time.process_time()
            for line in texts["glued"]:
                fresh.repair(line)
            spent = time.process_time() - start
            cold[name] = min(cold.get(name, spent), spent)
    if cold:
        chars = sum(map(len, texts["glued"]))
        print(
            f"glued cold: before {chars / cold['before'] / 1e6:.2f} M/s  after "
            f"{chars / cold['after'] / 1e6:.2f} M/s  after/before speed "
            f"{cold['before'] / cold['after']:.3f}; lexicon load before "
            f"{loaded['before'][1]:.2f} s, after {loaded['after'][1]:.2f} s"
        )
    for engine in engines.values():
        for lines in texts.values():
            for line in lines:
                engine.repair(line)
    best: dict[tuple[str, str], float] = {}
    for _ in range(a.rounds):
        for name, engine in engines.items():
            for mode, lines in texts.items():
                start = time.process_time()
                for line in lines:
                    engine.repair(line)
                spent = time.process_time() - start
                best[name, mode] = min(best.get((name, mode), spent), spent)
    for mode, lines in texts.items():
        chars = sum(map(len, lines))
        before, after = best["before", mode], best["after", mode]
        print(
            f"{mode:7} before {chars / before / 1e6:.2f} M/s  after {chars / after / 1e6:.2f} M/s"
            f"  after/before speed {before / after:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
