#!/usr/bin/env python3
"""Peak memory of ``khabar fix`` on one huge line, per input byte, with hazm's as the anchor.

    .venv/bin/python bench/fix/memory.py                                   # this tree, hazm
    .venv/bin/python bench/fix/memory.py --tree before=/work/base19/src --tree after=src
    .venv/bin/python bench/fix/memory.py --sizes 1,5 --damage glued --no-hazm

Issue #3: ``khabar fix`` writes one output line per input line "so it works on huge files";
real crawls hold lines of tens of MB (a whole document with no line break, a minified page's
text). The text is UD PerDT train's sentences (CC BY-SA) joined by spaces and repeated up to
each size in MB (10^6 bytes of UTF-8), damaged as ``glued`` (every ZWNJ removed) or ``spaced``
(every ZWNJ made a space); ``lines`` is the glued text of the same size with its sentences on
lines of their own (the baseline: what a huge line should cost). Each command reads the file
and writes to /dev/null; its peak RSS is ``ru_maxrss`` of the child (what ``/usr/bin/time -v``
calls "Maximum resident set size"). The column "/ input byte" is (peak - peak of the same
command on an empty file) / input bytes: the memory the text itself costs, start-up (the
interpreter, the lexicon) subtracted. hazm 0.10.0's Normalizer runs in the anchors venv
(``bench/zwnj/anchor.py hazm``, one normalize call per line), never in khabar's venv.
Memory is not timed and not noisy: one run each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
PERDT = SHARED / "data/ud_perdt/train.txt"
HAZM = ROOT / "bench/.venv-anchors/hazm/bin/python"
ANCHOR = ROOT / "bench/zwnj/anchor.py"
Z = "\u200c"
MB = 1_000_000


def peak_kb(cmd: list[str], data: Path, env: dict[str, str] | None) -> int:
    """The peak RSS in KB of ``cmd`` reading ``data`` on stdin (output to /dev/null).

    Each run is a fresh child of its own ``time``-like wrapper: ``ru_maxrss`` of
    RUSAGE_CHILDREN is the largest of all children so far, so the wrapper reports its one
    child's."""
    probe = (
        "import resource, subprocess, sys\n"
        "with open(sys.argv[1], 'rb') as f:\n"
        "    subprocess.run(sys.argv[2:], stdin=f, stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(data), *cmd],
        env=env, check=True, capture_output=True, text=True,
    )
    return int(out.stdout.split()[-1])


def text_of(size: int, damage: str, sentences: list[str]) -> str:
    """PerDT's sentences, damaged, joined by spaces (or \\n for ``lines``), ``size`` bytes at
    most, cut at a space."""
    if damage == "spaced":
        sentences = [s.replace(Z, " ") for s in sentences]
    else:
        sentences = [s.replace(Z, "") for s in sentences]
    sep = "\n" if damage == "lines" else " "
    one = sep.join(sentences)
    text = sep.join([one] * (size // len(one.encode()) + 1))
    data = text.encode()[:size]
    cut = max(data.rfind(b" "), data.rfind(b"\n"))
    return data[:cut].decode() + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tree", action="append", default=[],
                    help="NAME=SRC: a khabar source tree (default: this tree's src)")
    ap.add_argument("--sizes", default="1,5,20,50", help="line sizes in MB (default 1,5,20,50)")
    ap.add_argument("--damage", default="glued,spaced,lines",
                    help="glued, spaced, lines (default: all three)")
    ap.add_argument("--no-hazm", action="store_true")
    ap.add_argument("--hazm", type=Path, default=HAZM, help="python of the hazm venv")
    ap.add_argument("--hazm-sizes", default="1,5,20",
                    help="sizes hazm runs on (default 1,5,20: 50 MB takes it minutes)")
    a = ap.parse_args()
    trees = dict(t.split("=", 1) for t in a.tree) or {"khabar": str(ROOT / "src")}
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {}
    for name, src in trees.items():
        env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
        commands[f"khabar fix ({name})"] = ([sys.executable, "-m", "khabar.cli", "fix"], env)
    if not a.no_hazm:
        if not a.hazm.exists():
            print(f"error: {a.hazm} not found; run bench/zwnj/run.py once, or name it with "
                  "--hazm", file=sys.stderr)
            return 2
        commands["hazm Normalizer"] = ([str(a.hazm), str(ANCHOR), "hazm"], None)
    sizes = [int(s) for s in a.sizes.split(",")]
    hazm_sizes = {int(s) for s in a.hazm_sizes.split(",")}
    sentences = [s for s in PERDT.read_text(encoding="utf-8").split("\n") if s.strip()]
    print("| text | MB | command | peak RSS MB | / input byte |")
    print("|---|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_bytes(b"")
        base = {name: peak_kb(cmd, empty, env) for name, (cmd, env) in commands.items()}
        for damage in a.damage.split(","):
            for size in sizes:
                data = Path(tmp) / f"{damage}_{size}.txt"
                data.write_text(text_of(size * MB, damage, sentences), encoding="utf-8")
                nbytes = data.stat().st_size
                for name, (cmd, env) in commands.items():
                    if name.startswith("hazm") and size not in hazm_sizes:
                        continue
                    kb = peak_kb(cmd, data, env)
                    ratio = (kb - base[name]) * 1024 / nbytes
                    print(f"| {damage} | {size} | {name} | {kb / 1024:.0f} | {ratio:.1f} |",
                          flush=True)
                data.unlink()
    print("\n(empty file: " + ", ".join(f"{n} {kb / 1024:.0f} MB" for n, kb in base.items())
          + "; peak RSS = ru_maxrss)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
