"""Throughput of ``khabar refine`` on re-refined Parquet: local engine, Ray engine, bare I/O.

    .venv/bin/python bench/throughput/run.py                 # 100,000 documents
    .venv/bin/python bench/throughput/run.py --docs 8000     # what results.md holds, ~15 min
    .venv/bin/python bench/throughput/run.py --skip j1       # leave out a run (j2, lean, ray, j1)

At the ~50 documents per CPU-second measured in November 2026, the full 100,000 takes about
2,000 CPU-seconds per khabar run: some 17 min each for -j 2 and Ray and 35 min for -j 1 on 2
idle cores, and longer on a shared machine.

One command, one temporary folder outside the repository (research-only text never enters it):

1. generate a crawl of ``--docs`` ~4 KB Persian documents as Parquet files in the
   ``datasets``/FineWeb-2 layout (``text``, ``id``, ``url``, ``date`` columns), built from real
   articles in ../shared/data (FarsNews, Varzesh3, Targoman, PEYMA-600K): each document is a title
   plus paragraphs drawn at random from the whole pool, shuffled, and a closing sentence of its own,
   so no two are duplicates and no paragraph is frequent enough on one site to look like a
   template line;
2. anchors: a bare pyarrow read + write of the same files (the I/O limit), and the same with a
   round trip through Python row dicts (what any row-at-a-time pipeline pays before doing work);
3. ``khabar refine`` with the local engine at ``-j 2`` and ``-j 1``, and with ``--engine ray`` on 2
   local CPUs (a fresh local Ray, its start-up included, as a user sees it); and ``-j 2`` with
   ``run.keep_edits=false`` (``lean``: the same texts without the list of edits).

Each command runs as a child process; a sampler thread walks its process tree every 0.2 s and
records the summed RSS (peak) and each process's CPU seconds (the largest value seen per pid), so
the report can give docs per CPU-second as well as per wall-second: on a shared machine wall time
depends on what the neighbours do, CPU time much less. Results go to ``--out``
(bench/throughput/results.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
TARGET_BYTES = 4000  # UTF-8 bytes of one document's text, about 2,200 Persian characters
SITES = 200  # distinct hosts in the URLs: site-line detection is per host

# ---------------------------------------------------------------------------------------------
# the corpus


def _articles() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every usable article in ../shared/data."""
    d = SHARED / "data"
    out: list[tuple[str, list[str]]] = []

    def add(title: str | None, parts: list[str | None]) -> None:
        paras = [p.strip() for part in parts if part for p in part.split("\n") if len(p.strip()) > 40]
        if paras:
            out.append(((title or paras[0][:80]).strip(), paras))

    def records(path: Path) -> list[dict]:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]

    for name in ("fars-news-1.docs.jsonl", "varzesh3-1.docs.jsonl"):
        for r in records(d / "farsnews_varzesh3_json" / name):
            add(r.get("title"), [r.get("abstract"), r.get("body")])
    for r in records(d / "targoman_sample/docs.jsonl"):
        add(r.get("title"), [r.get("subtitle"), r.get("body")])
    for r in records(d / "peyma_nsurl2019/peyma600k.docs.jsonl"):
        lines = r["text"].split("\n")
        add(lines[0], lines[1:])
    return out


_CLOSING = ("شماره بایگانی این گزارش {n} است و نسخه {v} آن در روز {d} ماه ثبت شد.",
            "این مطلب با کد {n} در بخش {v} منتشر شده و {d} بار بازبینی شده است.",
            "خبرنگار ما در گزارش شماره {n} از منطقه {v} می‌گوید که پیگیری ادامه دارد ({d}).")


def make_document(i: int, rng: random.Random, articles: list[tuple[str, list[str]]],
                  pool: list[str]) -> str:
    """Document ``i``: a title, ~4 KB of shuffled paragraphs from the pool, a closing of its own."""
    title, own = articles[i % len(articles)]
    paras = [own[0]]
    size = len(title.encode()) + len(own[0].encode())
    while size < TARGET_BYTES:
        p = rng.choice(pool)
        paras.append(p)
        size += len(p.encode()) + 2
    rng.shuffle(paras)
    closing = _CLOSING[i % len(_CLOSING)].format(n=i, v=rng.randrange(1, 900), d=rng.randrange(1, 30))
    return "\n\n".join([title, *paras, closing])


def document_texts(n: int, seed: int = 7) -> Iterator[str]:
    """The texts of documents 0 to ``n - 1``, in the order :func:`generate` writes them: the same
    seed gives the same texts, so the other bench scripts measure the documents this one does."""
    articles = _articles()
    pool = [p for _, paras in articles for p in paras if len(p.encode()) < 3000]
    rng = random.Random(seed)
    return (make_document(i, rng, articles, pool) for i in range(n))


def document_url(i: int) -> str:
    """Document ``i``'s URL: one of :data:`SITES` hosts (site-line detection is per host)."""
    return f"https://site{i % SITES}.example/news/{i}"


def document_date(i: int) -> str:
    """Document ``i``'s ``date`` column (an ISO timestamp in 2018-2024)."""
    return f"20{18 + i % 7}-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z"


def generate(folder: Path, n: int, files: int, seed: int = 7) -> list[Path]:
    """Write ``n`` documents into ``files`` Parquet files (snappy, as ``datasets`` writes them)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = document_texts(n, seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    per_file = -(-n // files)
    for f in range(files):
        lo, hi = f * per_file, min(n, (f + 1) * per_file)
        if lo >= hi:
            break
        rows: dict[str, list[str]] = {"text": [], "id": [], "url": [], "date": []}
        for i in range(lo, hi):
            rows["text"].append(next(texts))
            rows["id"].append(f"<urn:uuid:bench-{i:08d}>")
            rows["url"].append(document_url(i))
            rows["date"].append(document_date(i))
        path = folder / f"train-{f:05d}-of-{files:05d}.parquet"
        pq.write_table(pa.table(rows), path, row_group_size=1000)
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------------------------
# measuring a command


@dataclass
class Measure:
    seconds: float = 0.0
    peak_rss: int = 0
    cpu: dict[int, float] = field(default_factory=dict)  # pid -> largest user+system seen
    samples: int = 0

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


def _sample_tree(pid: int, m: Measure) -> None:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    rss = 0
    for q in procs:
        try:
            with q.oneshot():
                rss += q.memory_info().rss
                t = q.cpu_times()
                m.cpu[q.pid] = max(m.cpu.get(q.pid, 0.0), t.user + t.system)
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            pass
    m.peak_rss = max(m.peak_rss, rss)
    m.samples += 1


def measure(cmd: list[str], env: dict[str, str] | None = None) -> Measure:
    """Run ``cmd``; wall seconds, peak tree RSS and tree CPU seconds (sampled every 0.2 s)."""
    m = Measure()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)

    def loop() -> None:
        while proc.poll() is None:
            _sample_tree(proc.pid, m)
            time.sleep(0.2)

    th = threading.Thread(target=loop, daemon=True)
    th.start()
    _, err = proc.communicate()
    m.seconds = time.perf_counter() - t0
    th.join()
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode()[-3000:]}")
    return m


BARE = r"""
import sys, pyarrow.parquet as pq
out, paths = sys.argv[1], sys.argv[2:]
for i, p in enumerate(paths):
    pq.write_table(pq.read_table(p), f'{out}/bare-{i}.parquet', compression='zstd')
"""

BARE_ROWS = r"""
import sys, pyarrow as pa, pyarrow.parquet as pq
out, paths = sys.argv[1], sys.argv[2:]
for i, p in enumerate(paths):
    pf = pq.ParquetFile(p)
    w = None
    for batch in pf.iter_batches(batch_size=1000):
        rows = [dict(r) for r in batch.to_pylist()]
        t = pa.Table.from_pylist(rows, schema=batch.schema)
        w = w or pq.ParquetWriter(f'{out}/rows-{i}.parquet', t.schema, compression='zstd')
        w.write_table(t)
    w.close()
"""

# ---------------------------------------------------------------------------------------------
# the report


def machine() -> tuple[str, int, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    cpu = next((ln.split(":", 1)[1].strip() for ln in cpuinfo if ln.startswith("model name")),
               platform.processor())
    load = Path("/proc/loadavg").read_text(encoding="utf-8").split()[:3]
    return cpu, os.cpu_count() or 0, " ".join(load)


@dataclass
class Row:
    name: str
    cores: int
    m: Measure
    stats: dict | None = None


def row_line(r: Row, docs: int, mb: float) -> str:
    dps = docs / r.m.seconds
    cpu = r.m.cpu_seconds
    return (f"| {r.name} | {r.m.seconds:.1f} | {dps:,.0f} | {mb / r.m.seconds:.2f} | "
            f"{dps / r.cores:,.0f} | {cpu:.0f} | {docs / cpu if cpu else 0:,.0f} | "
            f"{r.m.peak_rss / 1e6:,.0f} MB |")


def snapshot_src(folder: Path, src: Path = ROOT / "src") -> str:
    """Copy ``src``/khabar into ``folder`` (put first on PYTHONPATH): every run of this benchmark
    then measures the same code, even while others commit to the checkout. Returns its commit
    (the checkout's, and the tree's path when it is another tree)."""
    import shutil

    shutil.copytree(src / "khabar", folder / "khabar",
                    ignore=shutil.ignore_patterns("__pycache__"))
    # a mypyc build (make build, or mypyc by hand) keeps the compiled modules' shared library
    # beside the package: without it their extensions do not import
    shared = sorted(src.glob("*__mypyc*"))
    for lib in shared:
        shutil.copy2(lib, folder / lib.name)
    compiled = sorted(str(p.relative_to(folder)) for p in (folder / "khabar").rglob("*.so"))
    built = (f" with {len(compiled)} module{'s' if len(compiled) > 1 else ''} compiled by mypyc"
             if compiled else ", pure Python")
    if src.resolve() != (ROOT / "src").resolve():
        return f"the tree {src}{built}"
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"],
                           capture_output=True, text=True, check=False).stdout.strip()
    return head + (" + uncommitted changes in src/" if dirty else "") + built


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--files", type=int, default=16, help="Parquet files (one shard each)")
    ap.add_argument("--skip", default="", help="comma list of runs to leave out: j2,lean,ray,j1")
    ap.add_argument("--out", default=str(ROOT / "bench/throughput/results.md"))
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the source tree to measure (its khabar/ is copied), e.g. a before tree")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    khabar = str(Path(sys.executable).parent / "khabar")
    cpu_model, ncpu, load_before = machine()
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    info: dict = {"cpu": cpu_model, "ncpu": ncpu, "load": load_before, "docs": a.docs}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="khabar-throughput-") as tmp:
        info["commit"] = snapshot_src(Path(tmp) / "src", a.src)
        paths_env = [str(Path(tmp) / "src")]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [*paths_env, env.get("PYTHONPATH")]))
        # this run's own cache folder (the lexicon and the per-code-point tables), filled by an
        # untimed refine of a few documents below: with ~/.cache/khabar shared, the first timed
        # run of a tree other than the last one measured rebuilt the caches (an A/B in turns of
        # two trees paid it on every run)
        env["KHABAR_CACHE_DIR"] = str(Path(tmp) / "cache")
        t = time.perf_counter()
        paths = generate(Path(tmp) / "crawl", a.docs, a.files)
        info["gen_s"] = time.perf_counter() - t
        info["files"] = len(paths)
        info["mb"] = sum(p.stat().st_size for p in paths) / 1e6
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        info["text_mb"] = sum(
            pc.sum(pc.binary_length(pq.read_table(p, columns=["text"]).column("text"))).as_py()
            for p in paths) / 1e6  # UTF-8 megabytes of text: MB/s is per text MB
        print(f"generated {a.docs} docs in {len(paths)} files, {info['mb']:.1f} MB, "
              f"{info['gen_s']:.0f} s; khabar {info['commit']}", flush=True)
        bare = Path(tmp) / "bare"
        bare.mkdir()
        files = [str(p) for p in paths]
        rows.append(Row("bare pyarrow read + write (I/O limit)", 1,
                        measure([sys.executable, "-c", BARE, str(bare), *files])))
        rows.append(Row("bare read + Python rows + write", 1,
                        measure([sys.executable, "-c", BARE_ROWS, str(bare), *files])))
        for r in rows:
            print(row_line(r, a.docs, info["text_mb"]), flush=True)
        write_report(a.out, info, rows)
        # one shard per file, so that the 2 workers get 16 tasks to share
        base = [khabar, "refine", *files, "--force", "-q", "--set", "run.shard_bytes=1"]
        warm = generate(Path(tmp) / "warm", 50, 1, seed=11)
        subprocess.run([khabar, "refine", *map(str, warm), "-o", str(Path(tmp) / "out-warm"),
                        "-q", "-j", "1"], env=env, check=True)
        runs = [(J2, 2, ["-j", "2"], "j2"),
                (LEAN, 2, ["-j", "2", "--set", "run.keep_edits=false"], "lean"),
                (RAY, 2, ["-j", "2", "--engine", "ray"], "ray"),
                (J1, 1, ["-j", "1"], "j1")]
        for name, cores, extra, key in runs:
            if key in skip:
                continue
            out = Path(tmp) / f"out-{key}"
            print(f"running {name} ...", flush=True)
            m = measure([*base, "-o", str(out), *extra], env=env)
            stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
            rows.append(Row(name, cores, m, stats))
            print(row_line(rows[-1], a.docs, info["text_mb"]), flush=True)
            write_report(a.out, info, rows)  # after every run: a stopped benchmark keeps its rows
    print(Path(a.out).read_text(encoding="utf-8"))


J2 = "khabar refine, local -j 2"
J1 = "khabar refine, local -j 1"
LEAN = "khabar refine, local -j 2, run.keep_edits=false (no edit list)"
RAY = "khabar refine, --engine ray (2 local CPUs)"


def write_report(out: str, info: dict, rows: list[Row]) -> None:
    docs, text_mb = info["docs"], info["text_mb"]
    by = {r.name: r for r in rows}
    j2, j1, ray = by.get(J2), by.get(J1), by.get(RAY)
    bare_s = rows[0].m.seconds
    lines = [
        f"# khabar refine throughput: local vs Ray vs bare I/O ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        (f"Command: `.venv/bin/python bench/throughput/run.py --docs {docs}`. khabar code: "
        f"{info['commit']} (src/ copied at the start, so every run measures the same code)."),
        "",
        (f"Machine: {info['cpu']}, nproc {info['ncpu']}, Python {platform.python_version()}. Load "
        f"average before the run: {info['load']}. **This 2-core machine is shared with other "
        "engineers running tests and benchmarks at the same time**, so wall times carry their "
        "load; the CPU-second columns (summed over the process tree) are the steadier measure."),
        "",
        (f"Input: {docs:,} documents ({text_mb:.0f} MB of UTF-8 text, {text_mb * 1e6 / docs:,.0f} "
        f"bytes each on average) in {info['files']} Parquet files, {info['mb']:.1f} MB on disk "
        "(snappy), `text`/`id`/`url`/`date` columns (the FineWeb-2 layout), built from real "
        f"articles with paragraphs shuffled across articles. Generation took {info['gen_s']:.0f} s. "
        "khabar ran the default pipeline with `--set run.shard_bytes=1` (one shard per file)."),
        "",
        "| run | wall s | docs/s | text MB/s | docs/s per core | CPU s (tree) | docs per CPU-s | peak RSS (tree) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *[row_line(r, docs, text_mb) for r in rows],
        "",
    ]
    if j2:
        lines.append(f"- khabar -j 2 / bare read+write wall time: **{j2.m.seconds / bare_s:.0f}x**.")
    if j2 and j1:
        lines.append(f"- -j 1 / -j 2 wall time: {j1.m.seconds / j2.m.seconds:.2f}x "
                     "(2.0 would be perfect scaling on 2 free cores).")
    if j2 and ray:
        ratio = ray.m.seconds / j2.m.seconds
        lines.append(f"- Ray / local (-j 2) wall time: **{ratio:.2f}x** (target <= 1.2x: "
                     f"{'met' if ratio <= 1.2 else f'missed by {(ratio / 1.2 - 1) * 100:.0f}%'}); "
                     f"CPU seconds {ray.m.cpu_seconds / j2.m.cpu_seconds:.2f}x.")
    local = [r for r in (j2, j1) if r]
    if local:
        best = max(local, key=lambda r: docs / r.m.cpu_seconds)
        per_core = max(docs / r.m.seconds / r.cores for r in local)
        per_cpu = docs / best.m.cpu_seconds
        lines.append(f"- docs/s per core (best local run, wall): **{per_core:,.0f}**; per CPU-second: "
                     f"**{per_cpu:,.0f}** (target >= 1,000: "
                     + ("met" if per_cpu >= 1000 else f"missed, {1000 / per_cpu:.1f}x too slow") + ").")
    lean = by.get(LEAN)
    if j2 and lean:
        lines.append(f"- run.keep_edits=false: {docs / lean.m.cpu_seconds:,.0f} docs per CPU-second, "
                     f"{lean.m.cpu_seconds / j2.m.cpu_seconds:.2f}x the default's CPU seconds "
                     "(the same texts; no `edits` list, `repairs` null).")
    for r in (j2, lean, ray, j1):
        if r and r.stats:
            lines.append(f"- {r.name}: counts {json.dumps(r.stats['counts'], ensure_ascii=False)}; "
                         f"stage seconds {json.dumps([(s['steps'], s['seconds']) for s in r.stats['stage_seconds']], ensure_ascii=False)}")
    lines.append(f"- load average when this file was written: {machine()[2]}")
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
