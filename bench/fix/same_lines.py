#!/usr/bin/env python3
"""``khabar fix`` of two source trees on every line of the ZWNJ sets: byte-identical or not.

    .venv/bin/python bench/fix/same_lines.py --tree base=/work/base16/src --tree new=src

For a speed change that must not change any output (issue #3's speed margin): each tree's
``python -m khabar.cli fix`` (the command ``bench/zwnj/run.py`` scores and times) reads PerDT dev,
Seraji dev and PEYMA 600K in the three modes of ``eval/zwnj_score.py``'s ``damage`` (glued,
spaced, intact: Arabic letters as written, so the character map runs too), and the glued PEYMA
text exactly as ``bench/fix/vs_hazm.py`` times it (every ZWNJ dropped, nothing else changed,
empty lines kept). Outputs are compared byte for byte; a difference prints the first differing
lines and the count, and the exit status is 1. The inputs are written to a temporary folder
and removed: PEYMA is research-only text, never copied into the repository.

Each tree gets its own, warmed, lexicon cache folder (``KHABAR_CACHE_DIR``), as in
``vs_hazm.py``: the cache file is keyed by the tree's lexicon sources.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))

from zwnj_score import damage

SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared")) / "data"
SETS = {
    "PerDT dev": SHARED / "ud_perdt" / "dev.txt",
    "Seraji dev": SHARED / "ud_seraji" / "dev.txt",
    "PEYMA 600K": SHARED / "peyma_nsurl2019" / "peyma600k.sentences.txt",
}
MODES = ("glued", "spaced", "intact")


def inputs(tmp: Path) -> dict[str, Path]:
    """The files to fix: every set in every mode, and vs_hazm.py's glued PEYMA."""
    out: dict[str, Path] = {}
    for name, path in SETS.items():
        gold = path.read_text("utf-8").splitlines()
        for mode in MODES:
            target = tmp / f"{name.replace(' ', '_')}.{mode}.txt"
            target.write_text("\n".join(damage(gold, mode)) + "\n", encoding="utf-8")
            out[f"{name} {mode}"] = target
    raw = SETS["PEYMA 600K"].read_text("utf-8").replace("\u200c", "")
    target = tmp / "peyma_vs_hazm.txt"
    target.write_text(raw, encoding="utf-8")
    out["PEYMA 600K as vs_hazm.py times it"] = target
    return out


def run(src: str, cache: Path, data: Path) -> bytes:
    env = dict(os.environ, PYTHONPATH=src, KHABAR_CACHE_DIR=str(cache))
    with open(data, "rb") as stdin:
        proc = subprocess.run(
            [sys.executable, "-m", "khabar.cli", "fix"],
            stdin=stdin, capture_output=True, env=env, check=True,
        )  # fmt: skip
    return proc.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tree", action="append", required=True, help="NAME=SRC (exactly two)")
    ap.add_argument("--show", type=int, default=3, help="differing lines to print per file")
    args = ap.parse_args()
    if len(args.tree) != 2 or any("=" not in t for t in args.tree):
        ap.error("give exactly two --tree NAME=SRC")
    trees = [t.split("=", 1) for t in args.tree]
    differ = 0
    with tempfile.TemporaryDirectory(prefix="same_lines_") as tmpname:
        tmp = Path(tmpname)
        caches = {}
        for name, src in trees:
            caches[name] = tmp / f"cache-{name}"
            caches[name].mkdir()
        files = inputs(tmp)
        for name, src in trees:  # warm each tree's cache
            run(src, caches[name], files["PerDT dev intact"])
        for label, data in files.items():
            (na, sa), (nb, sb) = trees
            a, b = run(sa, caches[na], data), run(sb, caches[nb], data)
            lines = a.count(b"\n")
            if a == b:
                digest = hashlib.sha256(a).hexdigest()[:12]
                print(f"same       {label}: {lines} lines, {len(a)} bytes, sha256 {digest}")
                continue
            differ += 1
            la, lb = a.split(b"\n"), b.split(b"\n")
            bad = [
                i
                for i in range(max(len(la), len(lb)))
                if (la[i] if i < len(la) else None) != (lb[i] if i < len(lb) else None)
            ]
            print(f"DIFFERENT  {label}: {len(bad)} of {lines} lines differ")
            for i in bad[: args.show]:
                print(
                    f"  line {i + 1}:\n    {na}: {la[i][:200].decode(errors='replace')}"
                    f"\n    {nb}: {lb[i][:200].decode(errors='replace')}"
                )
    print(f"{len(files) - differ} of {len(files)} files byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
