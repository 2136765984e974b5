#!/usr/bin/env python3
"""``khabar fix`` of one or more source trees against hazm's normalizer, in turns, in one run.

    .venv/bin/python bench/fix/vs_hazm.py                          # this tree and hazm
    .venv/bin/python bench/fix/vs_hazm.py --tree before=/tmp/old/src --tree after=src
    .venv/bin/python bench/fix/vs_hazm.py --rounds 3 --out bench/fix/vs_hazm.md

The measure of issue #3 (and of ``bench/zwnj/run.py``'s chars/s column): characters per
CPU-second of a whole process filtering glued PEYMA 600K (every ZWNJ dropped; research-only
text read from ../shared, never copied) from stdin to stdout, minus the CPU-seconds of the same
command on its first line alone (the start-up: interpreter, imports, lexicon). Every new word is
analysed once: this is the cold speed. ``khabar fix`` runs as ``python -m khabar.cli fix`` with
``PYTHONPATH`` set to each tree's ``src``; hazm 0.10.0 runs in ``bench/.venv-anchors/hazm``
(made by ``bench/zwnj/run.py``), never in khabar's venv. The commands run in turns,
``--rounds`` times each, and the best round of each is kept: separate runs differ by 5-10 %
on this shared machine. Each tree gets its own, warmed, cache folder (``KHABAR_CACHE_DIR``):
sharing one, two trees with different lexicon sources rebuilt the cache in turns inside the
start-up runs, which made both read about twice as fast as they are (session 12).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
PEYMA = SHARED / "data/peyma_nsurl2019/peyma600k.sentences.txt"
HAZM = ROOT / "bench/.venv-anchors/hazm/bin/python"
ANCHOR = ROOT / "bench/zwnj/anchor.py"
Z = "\u200c"


def cpu_seconds(cmd: list[str], data: Path, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) of ``cmd`` reading ``data`` on stdin."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(data, encoding="utf-8") as stdin:
        subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--tree",
        action="append",
        default=[],
        help="NAME=SRC: a khabar source tree to time (default: this tree's src)",
    )
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--no-hazm", action="store_true")
    ap.add_argument("--hazm", type=Path, default=HAZM, help="python of the hazm venv")
    ap.add_argument("--out", help="append the markdown section to this file")
    a = ap.parse_args()
    trees = dict(t.split("=", 1) for t in a.tree) or {"khabar": str(ROOT / "src")}
    cache_root = tempfile.TemporaryDirectory(prefix="khabar-vs-hazm-cache-")
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {}
    for name, src in trees.items():
        # each tree its own cache folder: the lexicon cache is one file keyed by its sources, so
        # two trees sharing it rebuild it in turns, and a start-up run that rebuilds it makes
        # the tree look faster (its full run then finds the cache warm)
        env = {**os.environ, "PYTHONPATH": str(Path(src).resolve()),
               "KHABAR_CACHE_DIR": str(Path(cache_root.name) / name)}
        commands[f"khabar fix ({name})"] = ([sys.executable, "-m", "khabar.cli", "fix"], env)
    if not a.no_hazm:
        if not a.hazm.exists():
            print(f"error: {a.hazm} not found; run bench/zwnj/run.py once", file=sys.stderr)
            return 2
        commands["hazm 0.10.0 Normalizer"] = ([str(a.hazm), str(ANCHOR), "hazm"], None)
    text = PEYMA.read_text(encoding="utf-8").replace(Z, "")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    best: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data, one = Path(tmp) / "glued.txt", Path(tmp) / "one.txt"
        data.write_text(text, encoding="utf-8")
        one.write_text(text.split("\n", 1)[0] + "\n", encoding="utf-8")
        for cmd, env in commands.values():  # fills each tree's caches before any timing
            cpu_seconds(cmd, one, env)
        for _ in range(a.rounds):
            for name, (cmd, env) in commands.items():
                startup = cpu_seconds(cmd, one, env)
                total = cpu_seconds(cmd, data, env)
                rate = len(text) / max(total - startup, 1e-6)
                print(f"{name:32} start-up {startup:5.2f} s, {rate / 1e6:5.2f} M/s", flush=True)
                old_startup, old_rate = best.get(name, (startup, 0.0))
                best[name] = (min(startup, old_startup), max(rate, old_rate))
    hazm = best.get("hazm 0.10.0 Normalizer", (0.0, 0.0))[1]
    rows = [
        f"| {name} | {startup:.2f} | {rate / 1e6:.2f} M | "
        + (f"{rate / hazm:.2f}x |" if hazm else " |")
        for name, (startup, rate) in best.items()
    ]
    md = [
        f"### {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        (
            f"Command: `.venv/bin/python bench/fix/vs_hazm.py {' '.join(sys.argv[1:])}`. "
            f"Machine: {platform.machine()}, nproc {os.cpu_count()}, Python "
            f"{platform.python_version()}, load average at start {load}. Glued PEYMA 600K, "
            f"{len(text):,} characters; best of {a.rounds} rounds in turns (start-up: the "
            "least of the rounds)."
        ),
        "",
        "| command | start-up CPU s | chars per CPU-s (cold, start-up subtracted) | / hazm |",
        "|---|---:|---:|---:|",
        *rows,
        "",
    ]
    print("\n".join(md))
    if a.out:
        with open(a.out, "a", encoding="utf-8") as handle:
            handle.write("\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
