#!/usr/bin/env python3
"""Cold start-up of ``khabar fix`` and ``Lexicon.load()``: trees and lexicon caches in turns.

    .venv/bin/python bench/fix/lexicon_startup.py --rounds 5 --base /tmp/old/src

Each round runs, for each variant, ``echo <line> | python -m khabar fix`` and a fresh process that
imports ``khabar.text.lexicon`` and calls ``Lexicon.load()``, and records their CPU seconds
(user + system, ``os.wait4``); the table gives the best and the median of the rounds. Variants:
``base`` (another tree, e.g. main before the cache), ``off`` (this tree, ``KHABAR_CACHE_DIR=""``),
``miss`` (this tree, an empty cache folder each run: build and write), ``hit`` (this tree, a warm
cache folder). The ``fix`` outputs of every variant must be the same bytes (checked).
Notes and numbers: bench/fix/lexicon10.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOAD = (
    "import time; t = time.process_time(); from khabar.text.lexicon import Lexicon; "
    "Lexicon.load(); print(time.process_time() - t)"
)
LINE = "کتابها میباشد\n".encode()


def run(src: str, cache: str | None, args: list[str], stdin: bytes) -> tuple[float, bytes]:
    """CPU seconds and stdout of ``python args`` with ``PYTHONPATH=src`` and the cache ``cache``
    (None: an empty temporary folder, removed afterwards)."""
    env = {k: v for k, v in os.environ.items() if k not in ("KHABAR_CACHE_DIR", "KHABAR_PURE")}
    env["PYTHONPATH"] = src
    tmp = tempfile.mkdtemp() if cache is None else None
    env["KHABAR_CACHE_DIR"] = f"{tmp}/c" if tmp else cache  # type: ignore[assignment]
    proc = subprocess.Popen(
        [sys.executable, *args], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(stdin)
    proc.stdin.close()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # reaps it: its rusage alone
    proc.returncode = os.waitstatus_to_exitcode(status)
    if tmp:
        shutil.rmtree(tmp)
    if proc.returncode:
        raise SystemExit(f"{args} failed with {proc.returncode}")
    return usage.ru_utime + usage.ru_stime, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--base", help="src folder of the tree to compare with (e.g. main)")
    ap.add_argument("--hit-cache", default=str(Path(tempfile.gettempdir()) / "khabar_lexbench"))
    args = ap.parse_args()
    src = str(ROOT / "src")
    variants: dict[str, tuple[str, str | None]] = {}
    if args.base:
        variants["base"] = (args.base, "")
    variants |= {"off": (src, ""), "miss": (src, None), "hit": (src, args.hit_cache)}
    run(src, args.hit_cache, ["-c", LOAD], b"")  # warm the hit cache
    times: dict[tuple[str, str], list[float]] = {}
    outputs: dict[str, set[bytes]] = {}
    for _ in range(args.rounds):
        for name, (tree, cache) in variants.items():
            cpu, out = run(tree, cache, ["-m", "khabar", "fix"], LINE)
            times.setdefault((name, "fix"), []).append(cpu)
            outputs.setdefault(name, set()).add(out)
            _, out = run(tree, cache, ["-c", LOAD], b"")
            times.setdefault((name, "load"), []).append(float(out))
    print(os.getloadavg())
    for (name, what), v in times.items():
        print(f"{what:5} {name:5} best {min(v):.3f} median {statistics.median(v):.3f} n={len(v)}")
    if len(set().union(*outputs.values())) != 1:
        print("fix outputs differ:", outputs)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
