"""CPU milliseconds per document of the corpus steps (langid, sitelines, quality, dedup keys).

    .venv/bin/python bench/corpus/speed.py                       # 1,000 fixed generator documents
    .venv/bin/python bench/corpus/speed.py --set gen --repeat 3  # another set of texts.py, best of 3

The documents are bench/throughput/run.py's generator documents after ``khabar.fix`` (the set
``gen_fixed`` of bench/corpus/texts.py), i.e. what these steps see inside ``khabar refine``. They
run in the pipeline's order and stages: stage 1 is langid then sitelines ``observe`` for every
document, stage 2 is sitelines ``apply``, quality and dedup ``observe`` (so a step may find the
canonical form a step before it computed for the same text, as in a real run). Each step call is
timed with ``time.process_time`` (CPU time, not wall time: the machine is shared), and the best
of ``--repeat`` runs is reported per step. Set-up (imports, tables, permutations) is done before
the clock starts, as the runner does in ``Step.setup``.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from texts import load

STEPS = ("langid", "sitelines.observe", "sitelines.apply", "quality", "dedup.observe")


def run_once(texts: list[str]) -> dict[str, float]:
    """CPU seconds per step over ``texts`` (one pass, in pipeline order)."""
    from khabar.config import LangIdConfig, SiteLinesConfig
    from khabar.corpus.dedup import MinHashConfig
    from khabar.corpus.quality import QualityConfig
    from khabar.document import Document
    from khabar.steps.corpus import DedupStep, LangIdStep, QualityStep, SiteLinesStep

    clock = time.process_time
    lang = LangIdStep(LangIdConfig())
    site = SiteLinesStep(SiteLinesConfig())
    qual = QualityStep(QualityConfig())
    dedup = DedupStep(MinHashConfig())
    for step in (lang, site, qual, dedup):
        step.setup()
    spent = dict.fromkeys(STEPS, 0.0)
    docs = [Document(id=str(i), text=t, domain=f"site{i % 200}.example", order=i)
            for i, t in enumerate(texts)]
    for d in docs:  # stage 1
        t0 = clock()
        lang.process(d)
        t1 = clock()
        site.observe(d)
        t2 = clock()
        spent["langid"] += t1 - t0
        spent["sitelines.observe"] += t2 - t1
    state = site.state()
    decision = state.frequent(min_docs=site.config.min_docs, min_share=site.config.min_share)
    for d in docs:  # stage 2
        t0 = clock()
        site.apply(d, decision)
        t1 = clock()
        qual.process(d)
        t2 = clock()
        dedup.observe(d)
        t3 = clock()
        spent["sitelines.apply"] += t1 - t0
        spent["quality"] += t2 - t1
        spent["dedup.observe"] += t3 - t2
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--texts", type=Path, default=Path("/tmp/corpusspeed/texts.json"))
    ap.add_argument("--set", default="gen_fixed")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    texts = load(args.texts)[args.set]
    runs = [run_once(texts) for _ in range(args.repeat)]
    best = {s: min(r[s] for r in runs) for s in STEPS}
    n = len(texts)
    print(f"{args.label} {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
          f"{platform.node()} python {platform.python_version()}; {n} documents of set "
          f"{args.set!r}, best of {args.repeat}, CPU ms per document")
    for s in STEPS:
        print(f"  {s:18} {1000 * best[s] / n:7.3f}")
    print(f"  {'total':18} {1000 * sum(best.values()) / n:7.3f}")


if __name__ == "__main__":
    main()
