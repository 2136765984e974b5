#!/usr/bin/env python3
"""Characters per second of the ZWNJ engine alone (one core, warm memo), on a gold file.

python bench/zwnj/speed.py [GOLD] [--mode glued|intact|spaced]
"""

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from khabar.text.zwnj import default_repairer

Z = "\u200c"
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
DEFAULT = (
    Path(__file__).resolve().parents[3] / "shared/data/peyma_nsurl2019/peyma600k.sentences.txt"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("--mode", default="glued", choices=["glued", "spaced", "intact"])
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as handle:
        lines = [line.rstrip("\n").translate(FOLD) for line in handle]
    if a.mode == "glued":
        lines = [line.replace(Z, "") for line in lines]
    elif a.mode == "spaced":
        lines = [re.sub(" +", " ", line.replace(Z, " ")) for line in lines]
    t = time.process_time()
    repair = default_repairer().repair
    load = time.process_time() - t
    n = sum(map(len, lines))
    rates = []
    for _ in range(3):
        t = time.process_time()
        for line in lines:
            repair(line)
        rates.append(n / (time.process_time() - t))
    print(
        f"load {load:.2f}s; cold {rates[0] / 1e6:.2f} Mchar/s; warm {max(rates) / 1e6:.2f} Mchar/s"
    )


if __name__ == "__main__":
    main()
