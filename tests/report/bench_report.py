"""Measure ``build_report`` on a large synthetic run folder: seconds and peak memory.

Not a test (no timed assertions in tests): run it by hand, e.g.

    .venv/bin/python tests/report/bench_report.py --docs 200000 --out /tmp/khabar-report-bench

It writes N kept documents (about 1,500 characters each, edits, domains, agencies) and N/4
dropped ones (half of them duplicates in clusters of 2 to 5) with the real output schema, in
shards of 50,000 rows and row groups of 1,000 (the refine default), then builds the report in a
fresh process and prints its wall time and peak RSS. Peak RSS should stay flat as N grows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

WORDS = ("خبرگزاری", "تسنیم", "گزارش", "می‌گوید", "دولت", "مجلس", "بودجه", "سال", "آینده",
         "نفت", "تهران", "است", "که", "در", "به", "از", "را", "با", "این", "برای")
DOMAINS = [f"site{i}.ir" for i in range(300)]
AGENCIES = ("تسنیم", "ایسنا", "ایرنا", "فارس", "مهر", None)
RULES = ("zwnj.glued", "zwnj.spaced", "yeh.arabic", "kaf.arabic", "digits.persian", "space.collapse")
SHARD = 50_000


def _patch_signals() -> None:
    from khabar.io import schema

    try:
        schema.signal_names()
    except ModuleNotFoundError:  # khabar.corpus.quality not landed yet: stand-in names
        schema.signal_names = lambda: ("word_count", "persian_letter_ratio")  # type: ignore[assignment]
        schema.output_schema.cache_clear()


def _rows(start: int, n: int, dropped: bool) -> dict:
    import numpy as np

    rng = np.random.default_rng(start + (7 if dropped else 0))
    lengths = rng.integers(20, 400, n)
    words = np.array(WORDS)
    texts = [" ".join(words[rng.integers(0, len(WORDS), k)]) for k in lengths]
    ids = [f"{'d' if dropped else 'k'}{start + i}" for i in range(n)]
    n_edits = rng.poisson(3, n)
    edits = [[{"offset": j, "before": "ي", "after": "ی", "rule": RULES[(i + j) % len(RULES)]}
              for j in range(k)] for i, k in enumerate(n_edits)]
    dup = [f"c{(start + i) // 3}" if dropped and i % 2 == 0 else None for i in range(n)]
    reasons = [("duplicate_near" if dup[i] else ("too_short", "lang_en", "low_persian")[i % 3])
               if dropped else None for i in range(n)]
    return {
        "id": ids, "url": [f"https://{DOMAINS[i % 300]}/n/{i}" for i in range(start, start + n)],
        "domain": [DOMAINS[(start + i) % 300] for i in range(n)],
        "title": [t[:60] for t in texts], "text": texts,
        "agency": [AGENCIES[(start + i) % len(AGENCIES)] for i in range(n)],
        "dup_cluster": dup, "repairs": [int(k) for k in n_edits], "edits": edits,
        "drop_reason": reasons, "drop_step": ["quality" if r else None for r in reasons],
        "metadata": ["{}"] * n, "raw": texts,
    }


def generate(out: Path, docs: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from khabar.io.schema import output_schema

    schema = output_schema()
    counts = {"read": 0, "kept": 0, "dropped": {}, "rejected": {}}
    for folder, total, dropped in (("data", docs, False), ("dropped", docs // 4, True)):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for shard, start in enumerate(range(0, total, SHARD)):
            n = min(SHARD, total - start)
            with pq.ParquetWriter(out / folder / f"part-{shard:05d}.parquet", schema,
                                  compression="zstd") as w:
                for s in range(start, start + n, 10_000):
                    cols = _rows(s, min(10_000, start + n - s), dropped)
                    full = {f.name: cols.get(f.name, [None] * len(cols["id"])) for f in schema}
                    w.write_table(pa.table(full, schema=schema), row_group_size=1000)
                    if dropped:
                        for r in cols["drop_reason"]:
                            counts["dropped"][r] = counts["dropped"].get(r, 0) + 1
                    else:
                        counts["kept"] += len(cols["id"])
    counts["read"] = counts["kept"] + sum(counts["dropped"].values())
    counts["invariant_holds"] = True
    (out / "stats.json").write_text(json.dumps({"counts": counts, "steps": {}}), encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({
        "counts": counts, "steps": [{"name": "quality", "version": 1}], "inputs": [],
        "config": {}}), encoding="utf-8")


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the
    parent through fork, so the generator's memory does not leak into the figure)."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(out: Path) -> None:
    """Build the report in this (fresh) process and print seconds and peak RSS."""
    from khabar.report import build_report

    t0 = time.perf_counter()
    path = build_report(out)
    seconds = time.perf_counter() - t0
    peak_mb = peak_rss_mb()
    print(json.dumps({"report": str(path), "bytes": path.stat().st_size,
                      "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="kept documents (dropped: N/4)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/khabar-report-bench"))
    ap.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    _patch_signals()
    if args.measure_only:
        measure(args.out)
        return
    marker = args.out / f".generated-{args.docs}"
    if not marker.exists():
        import shutil

        shutil.rmtree(args.out, ignore_errors=True)
        t0 = time.perf_counter()
        generate(args.out, args.docs)
        marker.touch()
        print(f"generated {args.docs:,} kept + {args.docs // 4:,} dropped in "
              f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    code = ("import pyarrow.parquet, pyarrow.compute; "
            "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])")
    baseline = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True)
    print(f"python + pyarrow alone: {int(baseline.stdout) / 1024:.1f} MB peak RSS",
          file=sys.stderr, flush=True)
    subprocess.run([sys.executable, __file__, "--docs", str(args.docs), "--out", str(args.out),
                    "--measure-only"], check=True)


if __name__ == "__main__":
    main()
