#!/usr/bin/env python3
"""Cold and warm ``khabar fix`` of two source trees, interleaved in one process (before/after).

    git archive OLD src | tar -x -C /tmp/old
    .venv/bin/python bench/fix/ab_stream.py /tmp/old/src src [--rounds 3] [--docs 500]

Both trees are imported in this process (each with its own lexicon) and timed in turns, CPU
time (``time.process_time``), best of ``--rounds``:

* ``fix_stream`` (what ``khabar fix`` runs) over glued PEYMA 600K (every ZWNJ dropped) cold,
  with a new ZWNJ engine on the tree's lexicon (every new word analysed once), then warm; and
  over spaced PEYMA (ZWNJs made spaces) cold; research-only text read from ../shared, never
  copied;
* ``fix_with_edits`` (what ``khabar refine``'s fix step runs) and ``fix`` per document over
  ``--docs`` ~4 KB documents of bench/throughput/run.py's generator, cold and warm;
* each tree's lexicon load and engine set-up (``ZwnjRepairer.__init__``).

Separate runs differ by 5-10 % on this shared machine; turns in one process do not.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from trees import forget_khabar  # bench/trees.py

sys.path.insert(0, str(ROOT / "bench/fix"))
import run as fixbench  # bench/fix/run.py: the generator documents

PEYMA = ROOT.parent / "shared/data/peyma_nsurl2019/peyma600k.sentences.txt"
Z = "\u200c"
T = time.process_time


def load(src: str) -> dict:
    """The text modules of the khabar package under ``src``, and its lexicon's load time."""
    forget_khabar()
    sys.path.insert(0, src)
    try:
        from khabar.text import fix, policy, zwnj
        from khabar.text.lexicon import Lexicon

        start = T()
        lexicon = Lexicon.load()
        return {"lex": lexicon, "zwnj": zwnj, "fix": fix, "policy": policy, "load": T() - start}
    finally:
        sys.path.remove(src)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", help="src folder of the older tree")
    ap.add_argument("after", help="src folder of the newer tree")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--docs", type=int, default=500)
    a = ap.parse_args()
    trees = {"before": load(a.before), "after": load(a.after)}
    raw = PEYMA.read_text(encoding="utf-8")
    glued = raw.replace(Z, "").splitlines(keepends=True)
    spaced = re.sub(" +", " ", raw.replace(Z, " ")).splitlines(keepends=True)
    docs = fixbench.throughput_docs(a.docs)
    n_glued, n_spaced = sum(map(len, glued)), sum(map(len, spaced))
    res: dict[tuple[str, str], list[float]] = {}

    def add(tree: str, what: str, value: float) -> None:
        res.setdefault((tree, what), []).append(value)

    for _ in range(a.rounds):
        for name, t in trees.items():
            start = T()
            engine = t["zwnj"].ZwnjRepairer(t["lex"])
            add(name, "engine set-up, s", T() - start)
            fixer = t["fix"].Fixer(t["policy"].FixPolicy(), engine)
            start = T()
            for _ in fixer.fix_stream(glued):
                pass
            add(name, "fix glued PEYMA cold, M chars/s", n_glued / (T() - start) / 1e6)
            start = T()
            for _ in fixer.fix_stream(glued):
                pass
            add(name, "fix glued PEYMA warm, M chars/s", n_glued / (T() - start) / 1e6)
            fixer = t["fix"].Fixer(t["policy"].FixPolicy(), t["zwnj"].ZwnjRepairer(t["lex"]))
            start = T()
            for _ in fixer.fix_stream(spaced):
                pass
            add(name, "fix spaced PEYMA cold, M chars/s", n_spaced / (T() - start) / 1e6)
            fixer = t["fix"].Fixer(t["policy"].FixPolicy(), t["zwnj"].ZwnjRepairer(t["lex"]))
            for label in ("cold", "warm"):
                start = T()
                for doc in docs:
                    fixer.fix_with_edits(doc)
                add(name, f"docs fix_with_edits {label}, ms/doc", (T() - start) / len(docs) * 1e3)
            start = T()
            for doc in docs:
                fixer.fix(doc)
            add(name, "docs fix warm, ms/doc", (T() - start) / len(docs) * 1e3)
    print(
        f"lexicon load, s: before {trees['before']['load']:.2f}, after {trees['after']['load']:.2f}"
    )
    print("| measure | before | after | after/before |")
    print("|---|---:|---:|---:|")
    for what in dict.fromkeys(w for _, w in res):
        pick = max if "M chars/s" in what else min
        b, f = pick(res["before", what]), pick(res["after", what])
        print(f"| {what} | {b:.3f} | {f:.3f} | {f / b:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
