"""Benchmark of the inspector's search index on a synthetic 100,000-document corpus.

Builds a refined-corpus folder (real layout: ``doc_to_row`` -> ``ParquetWriter`` with
``output_schema()``) of Persian-looking news text, builds ``inspect.sqlite`` with
:func:`khabar.web.index.build_index`, and times :func:`khabar.web.index.search` (first page of
20 with the total count, as the search page runs it) over ~200 queries of 1 to 3 words, some
with filters. Writes bench/inspect/results.md.

    .venv/bin/python bench/inspect/run.py                 # 100,000 documents
    .venv/bin/python bench/inspect/run.py --docs 5000     # a quick run

The text is random but shaped like Persian news: a Zipf-distributed vocabulary of Persian-letter
words, with ZWNJ compounds, «می» verbs written with ZWNJ, space or glued, and plural «ها».
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from khabar.document import Document
from khabar.io import schema
from khabar.io.writers import ParquetWriter, atomic_write_json
from khabar.web import index as idx

HERE = Path(__file__).resolve().parent
LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
DOMAINS = [f"site{i}.ir" for i in range(40)]
AGENCIES = ["ایرنا", "ایسنا", "تسنیم", "فارس", "مهر", "خبرآنلاین", None]
REASONS = ["duplicate", "too_short", "not_persian", "boilerplate"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(LETTERS, k=rng.choice((2, 3, 3, 4, 4, 4, 5, 5, 6, 7)))))
    return sorted(words)


def make_text(rng: random.Random, vocab: list[str], cum: list[float], n_words: int) -> str:
    words = rng.choices(vocab, cum_weights=cum, k=n_words)
    out = []
    for w in words:
        r = rng.random()
        if r < 0.04:
            out.append("می" + rng.choice(("\u200c", " ", "")) + w)
        elif r < 0.07:
            out.append(w + rng.choice(("\u200cها", " ها", "ها")))
        elif r < 0.09:
            out.append(w + rng.choice(("\u200c", " ", "")) + rng.choice(vocab[:500]))
        else:
            out.append(w)
    paragraphs = []
    i = 0
    while i < len(out):
        k = rng.randint(25, 60)
        paragraphs.append(" ".join(out[i:i + k]) + ".")
        i += k
    return "\n\n".join(paragraphs)


def build_corpus(outdir: Path, n_docs: int, seed: int = 7) -> tuple[list[str], float]:
    rng = random.Random(seed)
    vocab = vocabulary(rng, 60_000)
    weights = [1 / (r + 1) for r in range(len(vocab))]
    cum, total = [], 0.0
    for w in weights:
        total += w
        cum.append(total)
    t0 = time.perf_counter()
    writers = {folder: ParquetWriter(outdir / folder / "part-00000.parquet", schema.output_schema())
               for folder in ("data", "dropped")}
    try:
        for i in range(n_docs):
            title = make_text(rng, vocab, cum, rng.randint(6, 12)).rstrip(".")
            body = make_text(rng, vocab, cum, rng.randint(120, 320))
            doc = Document(
                id=f"bench-{i}", text=f"{title}\n\n{body}", raw=f"{title}\n\n{body}",
                domain=rng.choice(DOMAINS), title=title, source="bench.jsonl", record=i,
                meta={"lang": "fa", "agency": rng.choice(AGENCIES),
                      "published": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-"
                                   f"{rng.randint(1, 28):02d}T00:00:00",
                      "dup_cluster": f"c{rng.randint(0, n_docs // 3)}"})
            if rng.random() < 0.15:
                doc.drop(rng.choice(REASONS), "bench")
            writers["dropped" if doc.dropped else "data"].write(schema.doc_to_row(doc))
    finally:
        for w in writers.values():
            w.close()
    atomic_write_json(outdir / "manifest.json", {"bench": True, "docs": n_docs, "seed": seed})
    return vocab, time.perf_counter() - t0


def make_queries(vocab: list[str], n: int, seed: int = 11) -> list[tuple[str, idx.Filters]]:
    rng = random.Random(seed)
    queries: list[tuple[str, idx.Filters]] = []
    for i in range(n):
        kind = i % 8
        if kind == 0:  # a very frequent word
            q = rng.choice(vocab[:20])
        elif kind == 1:  # a mid-frequency word
            q = rng.choice(vocab[200:5000])
        elif kind == 2:  # a rare word
            q = rng.choice(vocab[20_000:])
        elif kind == 3:  # a «می» verb typed without ZWNJ
            q = "می" + rng.choice(vocab[:3000])
        elif kind == 4:  # two words
            q = " ".join(rng.choices(vocab[:3000], k=2))
        elif kind == 5:  # three words
            q = " ".join(rng.choices(vocab[:3000], k=3))
        elif kind == 6:  # a compound typed with ZWNJ
            q = rng.choice(vocab[:3000]) + "\u200c" + rng.choice(vocab[:500])
        else:  # a word and filters
            q = rng.choice(vocab[:2000])
        filters = idx.Filters()
        if kind == 7 or i % 5 == 0:
            filters = idx.Filters(domain=rng.choice(DOMAINS), decision="kept",
                                  date_from="2018-01-01")
        queries.append((q, filters))
    return queries


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores (load average at the end {load}), "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    ap.add_argument("--out", type=Path, default=HERE / "results.md")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="khabar-bench-inspect-"))
    try:
        print(f"building a {args.docs:,}-document corpus in {work} ...", flush=True)
        vocab, corpus_s = build_corpus(work, args.docs)
        corpus_mb = sum(f.stat().st_size for f in work.rglob("*.parquet")) / 1e6
        print(f"  {corpus_s:.1f} s, {corpus_mb:.1f} MB of Parquet; indexing ...", flush=True)
        t0 = time.perf_counter()
        path = idx.build_index(work)
        build_s = time.perf_counter() - t0
        index_mb = path.stat().st_size / 1e6
        print(f"  index {build_s:.1f} s, {index_mb:.1f} MB; searching ...", flush=True)
        queries = make_queries(vocab, args.queries)
        conn = idx.connect(path)
        for q, f in queries[:10]:  # warm the page cache as a running server would be
            idx.search(conn, q, f)
        times, totals = [], []
        for q, f in queries:
            t = time.perf_counter()
            r = idx.search(conn, q, f, page=1, per_page=20)
            times.append((time.perf_counter() - t) * 1000)
            totals.append(r.total)
        by_kind: dict[int, list[float]] = {}
        for i, ms in enumerate(times):
            by_kind.setdefault(i % 8, []).append(ms)
        conn.close()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    median, p95 = statistics.median(times), percentile(times, 95)
    kinds = ["frequent word", "mid-frequency word", "rare word", "«می» verb without ZWNJ",
             "two words", "three words", "ZWNJ compound", "word + filters"]
    rows = "\n".join(f"| {kinds[k]} | {statistics.median(v):.1f} | {max(v):.1f} |"
                     for k, v in sorted(by_kind.items()))
    report = f"""# Inspector search benchmark

Command: `.venv/bin/python bench/inspect/run.py --docs {args.docs} --queries {args.queries}`

Machine: {machine()}

| what | value |
|---|---|
| documents | {args.docs:,} (about 15% in dropped/) |
| corpus (Parquet, zstd, with raw) | {corpus_mb:.1f} MB, written in {corpus_s:.1f} s |
| index build (`build_index`) | {build_s:.1f} s ({args.docs / build_s:,.0f} docs/s) |
| index size (inspect.sqlite) | {index_mb:.1f} MB |
| search latency, median over {len(times)} queries | **{median:.1f} ms** (target < 100 ms) |
| search latency, p95 | {p95:.1f} ms |
| search latency, max | {max(times):.1f} ms |
| mean hits per query | {statistics.mean(totals):,.0f} |

Each search is what the search page runs: the MATCH (spelling variants OR-ed), the total count,
and the first page of 20 ranked by BM25 (title weighted) with filters applied.

| query kind | median ms | max ms |
|---|---|---|
{rows}
"""
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    sys.exit(main())
