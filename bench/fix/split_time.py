#!/usr/bin/env python3
"""Where the CPU time of a cold ``khabar fix`` goes, on glued PEYMA 600K, in one process.

    PYTHONPATH=src .venv/bin/python bench/fix/split_time.py [--lines N]

Parts (``time.process_time``; the machine is shared, so run it twice and compare orders):

* ``set-up``: import, ``Lexicon.load()`` and the Fixer's tables;
* ``chars``: ``Fixer.fix_stream`` with ``zwnj="off"`` (character map, spacing, protected spans,
  batching): what ``khabar fix`` does outside the ZWNJ engine;
* ``engine cold``: ``ZwnjRepairer.repair`` per 64 KB batch of the ``chars`` output with an empty
  memo (new chunks analysed once); ``engine warm``: the same again, memo full;
* ``fix cold`` / ``fix warm``: the default ``Fixer.fix_stream`` with a new engine, then again.

Glued PEYMA (research-only text read from ../shared, never copied) has every ZWNJ dropped and
its Arabic letters as written, as bench/fix/vs_hazm.py feeds ``khabar fix``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = os.environ.get("KHABAR_SRC", str(ROOT / "src"))
sys.path.insert(0, SRC)
# each tree its own lexicon cache folder unless one is given: the cache is one file keyed by the
# tree's lexicon sources, so two trees timed in turns with ~/.cache/khabar shared rebuilt it in
# every "set-up" (bench/fix/vs_hazm.py does the same)
os.environ.setdefault("KHABAR_CACHE_DIR", os.path.join(
    tempfile.gettempdir(), "khabar-bench-cache-" + hashlib.sha256(
        str(Path(SRC).resolve()).encode()).hexdigest()[:12]))
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
PEYMA = SHARED / "data/peyma_nsurl2019/peyma600k.sentences.txt"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", type=int, default=0, help="first N lines only (0: all)")
    a = ap.parse_args()
    with open(PEYMA, encoding="utf-8") as handle:
        lines = [line.replace("\u200c", "") for line in handle]
    if a.lines:
        lines = lines[: a.lines]
    chars = sum(map(len, lines))
    t = time.process_time()
    import khabar._native as native
    from khabar.text.fix import Fixer
    from khabar.text.lexicon import Lexicon
    from khabar.text.policy import FixPolicy
    from khabar.text.zwnj import ZwnjRepairer

    lex = Lexicon.load()
    off = Fixer(FixPolicy(zwnj="off"))  # type: ignore[arg-type]
    times = {"set-up": time.process_time() - t}

    def timed(name: str, run) -> object:  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        out = run()
        times[name] = time.process_time() - t0
        return out

    pre = timed("chars", lambda: list(off.fix_stream(lines)))
    # the engine on what fix gives it: the chars output in fix_stream's 64 KB batches
    batches, batch, size = [], [], 0
    for line in pre:  # type: ignore[union-attr]
        batch.append(line.removesuffix("\n"))
        size += len(line)
        if size >= 1 << 16:
            batches.append("\n".join(batch))
            batch, size = [], 0
    batches.append("\n".join(batch))
    rep = ZwnjRepairer(lex)
    timed("engine cold", lambda: [rep.repair(b) for b in batches])
    timed("engine warm", lambda: [rep.repair(b) for b in batches])
    full = Fixer(FixPolicy(), ZwnjRepairer(lex))
    timed("fix cold", lambda: list(full.fix_stream(lines)))
    timed("fix warm", lambda: list(full.fix_stream(lines)))
    print(
        f"{native.status().mode}; {len(lines):,} lines, {chars:,} chars; load {os.getloadavg()[0]:.1f}"
    )
    for name, sec in times.items():
        rate = "" if name == "set-up" else f"{chars / sec / 1e6:6.2f} M chars/CPU-s"
        print(f"{name:12} {sec:7.2f} s  {rate}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
