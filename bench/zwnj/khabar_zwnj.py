#!/usr/bin/env python3
"""Score wrapper: stdin -> stdout, one line per line, Arabic ي/ك/ى folded, then ZWNJ repair.

Stands in for ``khabar fix`` until it exists: ``--cmd "python bench/zwnj/khabar_zwnj.py"``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from khabar.text.zwnj import default_repairer

FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})


def main() -> None:
    repair = default_repairer().repair
    out = sys.stdout
    for line in sys.stdin:
        out.write(repair(line.rstrip("\n").translate(FOLD)) + "\n")


if __name__ == "__main__":
    main()
