"""CPU milliseconds per document of each part of the run report, on a finished output folder.

    PYTHONPATH=TREE .venv/bin/python bench/throughput/report_parts.py OUTDIR [--rounds 3]

First ``build_report(OUTDIR)`` once in this fresh process, as the driver of a ``-j 2`` run does
it (pyarrow, pyarrow.parquet and pyarrow.compute imported first, and timed), with each gather
function timed; then, warm, the best of ``--rounds`` passes of ``gather_kept``'s own parts (the
Parquet read of its columns, the text's lengths and words, the other counters). Prints CPU ms
per document of the folder (kept + dropped) and whether pandas was imported.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from typing import Any

SPENT: Counter[str] = Counter()


def timed(owner: Any, name: str) -> None:
    fn = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - t0

    setattr(owner, name, wrapper)


def kept_parts(files: list[str]) -> Counter[str]:
    import pyarrow.compute as pc

    from khabar.report import gather as g

    spent: Counter[str] = Counter()
    out = g.KeptSummary()
    cols = ["text", "repairs", "edits.rule", "removed.reason", "domain", "agency", "cited_source",
            "published"]
    batches = g.iter_batches(files, cols, [])
    while True:
        t0 = time.process_time()
        batch = next(batches, None)
        spent["read (all columns)"] += time.process_time() - t0
        if batch is None:
            return spent
        t0 = time.process_time()
        text = g._col(batch, "text")
        out.chars.add_array(pc.utf8_length(text))
        t1 = time.process_time()
        out.words.add_array(g.word_counts(text))
        t2 = time.process_time()
        out.repairs.add_array(g._col(batch, "repairs"))
        g._count_strings(out.rules, pc.struct_field(pc.list_flatten(g._col(batch, "edits")),
                                                    "rule"))
        for name in ("domain", "agency", "cited_source"):
            g._count_strings(out.domains, g._col(batch, name))
        t3 = time.process_time()
        spent["chars (utf8_length + histogram)"] += t1 - t0
        spent["words (word_counts + histogram)"] += t2 - t1
        spent["repairs, rules, domains, agencies"] += t3 - t2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    t0 = time.process_time()
    import pyarrow
    import pyarrow.compute  # noqa: F401
    import pyarrow.parquet as pq

    SPENT["import pyarrow, .compute, .parquet"] = time.process_time() - t0
    from khabar.report import build, gather, render

    for name in ("gather_kept", "gather_dropped_counts", "gather_drop_samples",
                 "gather_reject_samples", "gather_clusters", "gather_syndication"):
        timed(gather, name)
    timed(render, "render_html")
    timed(build, "build_report")
    kept, dropped = gather.part_files(a.outdir, "data"), gather.part_files(a.outdir, "dropped")
    n = sum(pq.ParquetFile(p).metadata.num_rows for p in [*kept, *dropped])
    build.build_report(a.outdir)
    print(f"{a.outdir}: {n:,} documents; pandas imported: {'pandas' in sys.modules}")
    for name, s in SPENT.most_common():
        print(f"  {name:40s} {s:7.3f} s {1000 * s / n:8.4f} ms per document")
    best: dict[str, float] = {}
    for _ in range(a.rounds):
        for name, s in kept_parts(kept).items():
            best[name] = min(best.get(name, s), s)
    print(f"gather_kept's parts, warm, best of {a.rounds}:")
    for name, s in best.items():
        print(f"  {name:40s} {s:7.3f} s {1000 * s / n:8.4f} ms per document")


if __name__ == "__main__":
    main()
