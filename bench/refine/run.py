"""Refine a generated crawl of N documents and measure docs/s and peak memory (flat or growing?).

    .venv/bin/python bench/refine/run.py --docs 10000 [--jobs 2]

The documents are built from paragraphs of real Persian articles in ../shared/data (FarsNews,
Varzesh3, Targoman, PEYMA), each from three articles, so they are distinct; written as JSONL shards
into a temporary folder (research-only text is never written inside the repository). Memory is
sampled every 0.2 s over the whole process tree (driver + workers); the samples show whether it
stays flat as documents flow. The anchor in the same run is a bare read-and-write of the same
files (json parse + pyarrow write), the I/O limit.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))


def _records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def articles() -> list[str]:
    out: list[str] = []
    d = SHARED / "data"
    for name in ("farsnews_varzesh3_json/fars-news-1.docs.jsonl",
                 "farsnews_varzesh3_json/varzesh3-1.docs.jsonl"):
        for r in _records(d / name):
            out.append("\n\n".join(x for x in (r.get("title"), r.get("abstract"), r.get("body")) if x))
    for r in _records(d / "targoman_sample/docs.jsonl"):
        text = "\n\n".join(x for x in (r.get("title"), r.get("subtitle"), r.get("body")) if x)
        if len(text) > 200:
            out.append(text)
    for r in _records(d / "peyma_nsurl2019/peyma600k.docs.jsonl"):
        out.append(r["text"])
    return [a for a in out if len(a) > 200]


def generate(folder: Path, n: int, shards: int) -> list[Path]:
    """Distinct documents: each takes its paragraphs from three different real articles (in a
    seeded random order), so the crawl has the texture of news but no near-duplicates beyond
    the ones the sources themselves hold."""
    import random
    from contextlib import ExitStack

    base = articles()
    paras = [[p for p in a.split("\n") if len(p.strip()) > 40] for a in base]
    paras = [p for p in paras if p]
    rng = random.Random(1)
    paths = [folder / f"crawl-{i:03d}.jsonl" for i in range(shards)]
    with ExitStack() as stack:
        files = [stack.enter_context(open(p, "w", encoding="utf-8")) for p in paths]
        for i in range(n):
            picked = [rng.choice(paras) for _ in range(3)]
            body = [rng.choice(p) for p in picked for _ in range(2)]
            text = "\n\n".join(dict.fromkeys(body))
            files[i % shards].write(json.dumps({"id": f"doc{i}", "url": f"https://site{i % 50}.example/n/{i}",
                                                "text": text}, ensure_ascii=False) + "\n")
    return paths


def tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def measure(cmd: list[str]) -> tuple[float, int, list[int]]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[int] = []

    def sample() -> None:
        while proc.poll() is None:
            samples.append(tree_rss(proc.pid))
            time.sleep(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    th.join()
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode()[-2000:]}")
    return time.perf_counter() - t0, max(samples or [0]), samples


BARE = r"""
import json, sys, pyarrow as pa, pyarrow.parquet as pq
out, paths = sys.argv[1], sys.argv[2:]
for i, p in enumerate(paths):
    rows = [json.loads(l) for l in open(p, encoding='utf-8')]
    pq.write_table(pa.Table.from_pylist(rows), f'{out}/bare-{i}.parquet', compression='zstd')
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--out", default=str(ROOT / "bench/refine/results.md"))
    a = ap.parse_args()
    khabar = str(Path(sys.executable).parent / "khabar")
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), a.docs, a.shards)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        bare_s, bare_rss, _ = measure([sys.executable, "-c", BARE, tmp, *map(str, paths)])
        cmd = [khabar, "refine", *map(str, paths), "-o", f"{tmp}/out", "--force", "-q"]
        if a.jobs:
            cmd += ["-j", str(a.jobs)]
        secs, peak, samples = measure(cmd)
        stats = json.loads(Path(f"{tmp}/out/stats.json").read_text(encoding="utf-8"))
    jobs = a.jobs or len(os.sched_getaffinity(0))
    q = len(samples) // 4 or 1
    early, late = max(samples[:q] or [0]), max(samples[-q:] or [0])
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        cpu = next((l.split(":", 1)[1].strip() for l in info if l.startswith("model name")),
                   platform.processor())
    lines = [
        f"# khabar refine throughput ({time.strftime('%Y-%m-%d')})",
        "",
        (f"Machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}. "
         f"Input: {a.docs} JSONL documents ({mb:.1f} MB) in {a.shards} files; -j {jobs}."),
        "",
        "| run | seconds | docs/s | docs/s per core | MB/s | peak RSS (tree) |",
        "|---|---:|---:|---:|---:|---:|",
        f"| bare read+write (I/O limit, 1 process) | {bare_s:.1f} | {a.docs / bare_s:,.0f} | {a.docs / bare_s:,.0f} | {mb / bare_s:.1f} | {bare_rss / 1e6:,.0f} MB |",
        f"| khabar refine (default pipeline) | {secs:.1f} | {a.docs / secs:,.0f} | {a.docs / secs / jobs:,.0f} | {mb / secs:.2f} | {peak / 1e6:,.0f} MB |",
        "",
        (f"khabar / bare time ratio: {secs / bare_s:.1f}x. Memory over the run: first quarter peak "
         f"{early / 1e6:,.0f} MB, last quarter peak {late / 1e6:,.0f} MB ({len(samples)} samples)."),
        f"Counts: {json.dumps(stats['counts'], ensure_ascii=False)}",
        f"Stage seconds: {json.dumps(stats['stage_seconds'], ensure_ascii=False)}",
    ]
    Path(a.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
