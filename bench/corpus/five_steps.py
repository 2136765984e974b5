"""CPU milliseconds per document of the five per-document steps besides fix, as a run meets them.

    .venv/bin/python bench/corpus/five_steps.py                    # 1,500 documents, best of 3
    .venv/bin/python bench/corpus/five_steps.py --docs 3000 --rounds 5 --label after
    .venv/bin/python bench/corpus/five_steps.py --profile /tmp/five.pstats   # cProfile one round

The documents are the first ``--docs`` of bench/throughput/run.py's generator (seed 7, ~4 KB of
Persian news each), made into documents as a reader makes them (text, URL, domain, the record
with its ``date``), and run through the default pipeline's steps in its stages:

* stage 1: ``boilerplate`` (on the raw text), ``fix`` (not timed here: its time is issue 3's),
  ``langid``, ``sitelines.observe``;
* between the stages a run writes the documents and reads them back, so every text is a new
  string object in stage 2 (here: a copy), and a cache keyed by the text object finds nothing;
* stage 2: ``sitelines.apply``, ``structure``, ``quality``, ``dedup.observe``.

Each step call is timed with ``time.process_time`` (CPU time: the machine is shared), and the
best of ``--rounds`` rounds is kept per step. ``fix`` runs once, before the rounds; each round
starts from fresh documents. Set-up (tables, permutations, the gazetteer) is done by each step's
``setup()`` before the clock starts, as the runner does.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIVE = ("boilerplate", "langid", "structure", "quality", "dedup.observe")
STEPS = ("boilerplate", "langid", "sitelines.observe", "sitelines.apply", "structure", "quality",
         "dedup.observe")


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("throughput_run", ROOT / "bench" / "throughput" / "run.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["throughput_run"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def records(n: int) -> list[dict[str, Any]]:
    gen = _generator()
    return [{"text": t, "url": gen.document_url(i), "date": gen.document_date(i)}
            for i, t in enumerate(gen.document_texts(n))]


def _documents(recs: list[dict[str, Any]]) -> list[Any]:
    from khabar.document import Document

    return [Document(id=f"d{i}", text=r["text"], url=r["url"], domain=r["url"].split("/")[2],
                     source="bench", record=i, order=i,
                     meta={"input": {"date": r["date"]}, "date": r["date"]})
            for i, r in enumerate(recs)]


def _steps() -> dict[str, Any]:
    from khabar.config import Config
    from khabar.pipeline import build_step

    cfg = Config.load(env={})
    steps = {name: build_step(name, cfg) for name in
             ("boilerplate", "fix", "langid", "sitelines", "structure", "quality", "dedup")}
    for step in steps.values():
        step.setup()
    return steps


def fixed_texts(recs: list[dict[str, Any]], steps: dict[str, Any]) -> list[str]:
    """What fix makes of each document after boilerplate (computed once, not timed)."""
    out = []
    for doc in _documents(recs):
        steps["boilerplate"].process(doc)
        steps["fix"].process(doc)
        out.append(doc.text)
    return out


def one_round(recs: list[dict[str, Any]], fixed: list[str], steps: dict[str, Any]) -> dict[str, float]:
    clock = time.process_time
    spent = dict.fromkeys(STEPS, 0.0)
    site = steps["sitelines"]
    site._counter = None
    steps["dedup"]._seen = []
    docs = _documents(recs)
    for doc, text in zip(docs, fixed, strict=True):  # stage 1
        t0 = clock()
        steps["boilerplate"].process(doc)
        t1 = clock()
        doc.text = text
        t2 = clock()
        steps["langid"].process(doc)
        t3 = clock()
        site.observe(doc)
        t4 = clock()
        spent["boilerplate"] += t1 - t0
        spent["langid"] += t3 - t2
        spent["sitelines.observe"] += t4 - t3
    decision = site.state().frequent(min_docs=site.config.min_docs, min_share=site.config.min_share)
    for doc in docs:  # written and read back: a new string object
        doc.text = (doc.text + " ")[:-1]
    for doc in docs:  # stage 2
        if doc.dropped:
            continue
        t0 = clock()
        site.apply(doc, decision)
        t1 = clock()
        steps["structure"].process(doc)
        t2 = clock()
        steps["quality"].process(doc)
        t3 = clock()
        if not doc.dropped:
            steps["dedup"].observe(doc)
        t4 = clock()
        spent["sitelines.apply"] += t1 - t0
        spent["structure"] += t2 - t1
        spent["quality"] += t3 - t2
        spent["dedup.observe"] += t4 - t3
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--label", default="")
    ap.add_argument("--profile", default=None, help="write a cProfile of one round here")
    args = ap.parse_args()
    recs = records(args.docs)
    steps = _steps()
    fixed = fixed_texts(recs, steps)
    if args.profile:
        import cProfile

        prof = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
        prof.runcall(one_round, recs, fixed, steps)
        prof.dump_stats(args.profile)
        return
    runs = [one_round(recs, fixed, steps) for _ in range(args.rounds)]
    best = {s: min(r[s] for r in runs) for s in STEPS}
    n = len(recs)
    print(f"{args.label} {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} {platform.node()} "
          f"python {platform.python_version()}; {n} generator documents, best of {args.rounds}, "
          "CPU ms per document")
    for s in STEPS:
        print(f"  {s:18} {1000 * best[s] / n:7.3f}")
    print(f"  {'the five':18} {1000 * sum(best[s] for s in FIVE) / n:7.3f}")


if __name__ == "__main__":
    main()
