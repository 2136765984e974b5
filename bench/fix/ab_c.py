#!/usr/bin/env python3
"""Compiled core with its C twins (``khabar._c.*``) against the same compiled core without them.

    PYTHONPATH=src .venv/bin/python bench/fix/ab_c.py [--rounds 5] [--lines N] [--docs 3000]
    PYTHONPATH=src .venv/bin/python bench/fix/ab_c.py --off charmap   # one extension's share

One build cannot be run both ways in one process (a module binds its twin once, at import), and
``KHABAR_PURE=1`` would turn the mypyc core off too. So each round runs two child processes in
turns (order alternating), one as built and one told that every C extension is absent (the
child sets ``khabar._native._C_LOADED[name] = None`` before importing khabar.text (for every
extension, or those named by ``--off``): exactly what
``c_extension`` answers on a machine that could not build them). Each child measures, in CPU
seconds (``time.process_time``):

* ``fix cold`` / ``fix warm``: ``Fixer.fix_stream`` (what ``khabar fix`` runs) over glued PEYMA
  600K (every ZWNJ dropped, Arabic letters as written; research-only, read from ../shared, never
  copied), a new engine, then again with its memo full;
* ``engine warm``: ``ZwnjRepairer.repair`` on the character-fixed 64 KB batches, memo full;
* ``edits docs``: ``Fixer.fix_with_edits`` once per generated document (``--docs`` of
  /tmp/lead9/gen3000), warm: what refine's FixStep runs.

It prints each child's numbers and the median ratio without/with per measure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
PEYMA = SHARED / "data/peyma_nsurl2019/peyma600k.sentences.txt"
DOCS = Path("/tmp/lead9/gen3000")


def _docs(n: int) -> list[str]:
    """The first ``n`` documents of /tmp/lead9/gen3000 (Parquet files of bench/throughput's
    generator: ~4 KB FineWeb-2-style documents)."""
    import pyarrow.parquet as pq

    texts: list[str] = []
    for path in sorted(DOCS.glob("*.parquet")):
        texts += pq.read_table(path, columns=["text"]).column("text").to_pylist()
    return texts[:n]


def child(use_c: bool, lines_n: int, docs_n: int, off: list[str]) -> dict[str, float]:
    """Run the measures in this process, with the C twins or without those of ``off`` (all
    when empty)."""
    import khabar._native as native

    if not use_c:
        for name in native.C_EXTENSIONS:
            if not off or name.rsplit(".", 1)[-1] in off:
                native._C_LOADED[name] = None
    from khabar.text.fix import Fixer
    from khabar.text.lexicon import Lexicon
    from khabar.text.policy import FixPolicy
    from khabar.text.zwnj import ZwnjRepairer

    with open(PEYMA, encoding="utf-8") as handle:
        lines = [line.replace("\u200c", "") for line in handle]
    if lines_n:
        lines = lines[:lines_n]
    lex = Lexicon.load()
    out: dict[str, float] = {"chars": float(sum(map(len, lines)))}
    full = Fixer(FixPolicy(), ZwnjRepairer(lex))
    t = time.process_time()
    list(full.fix_stream(lines))
    out["fix cold"] = time.process_time() - t
    t = time.process_time()
    list(full.fix_stream(lines))
    out["fix warm"] = time.process_time() - t
    off = Fixer(FixPolicy(zwnj="off"))
    pre = [line.removesuffix("\n") for line in off.fix_stream(lines)]
    batches = ["\n".join(pre[k : k + 400]) for k in range(0, len(pre), 400)]
    rep = full.repairer
    assert rep is not None
    t = time.process_time()
    for b in batches:
        rep.repair(b)
    out["engine warm"] = time.process_time() - t
    docs = _docs(docs_n) if docs_n else []
    if docs:
        for d in docs:  # warm the memo: refine runs a long-lived engine
            full.fix_with_edits(d)
        t = time.process_time()
        for d in docs:
            full.fix_with_edits(d)
        out["edits docs"] = time.process_time() - t
    out["c"] = float(bool(native.c_status()) and use_c)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--lines", type=int, default=0)
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument(
        "--off", nargs="*", default=[],
        help="the extensions the 'without' side lacks (e.g. charmap); default: all of them",
    )
    ap.add_argument("--child", choices=("c", "noc"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.child == "c", a.lines, a.docs, a.off)))
        return 0
    runs: dict[str, list[dict[str, float]]] = {"c": [], "noc": []}
    for r in range(a.rounds):
        order = ("c", "noc") if r % 2 == 0 else ("noc", "c")
        for which in order:
            res = subprocess.run(
                [sys.executable, __file__, "--child", which, "--lines", str(a.lines),
                 "--docs", str(a.docs), "--off", *a.off],
                capture_output=True, text=True, check=True, env=os.environ,
            )
            got = json.loads(res.stdout.strip().splitlines()[-1])
            runs[which].append(got)
            shown = "  ".join(f"{k} {v:.3f}" for k, v in got.items() if k not in ("chars", "c"))
            print(f"round {r} {which:4} {shown}", flush=True)
    print(f"load {os.getloadavg()[0]:.1f}; {sys.executable}")
    chars = runs["c"][0]["chars"]
    for key in runs["c"][0]:
        if key in ("chars", "c"):
            continue
        with_c = [x[key] for x in runs["c"]]
        without = [x[key] for x in runs["noc"]]
        ratios = [b / w for w, b in zip(with_c, without)]
        rate = "" if key == "edits docs" else (
            f"  ({chars / min(with_c) / 1e6:.2f} vs {chars / min(without) / 1e6:.2f} M chars/CPU-s)"
        )
        print(
            f"{key:12} with C min {min(with_c):.3f} s, without {min(without):.3f} s; "
            f"median ratio without/with {statistics.median(ratios):.3f}{rate}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
