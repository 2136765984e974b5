"""CPU cost of a stage boundary of ``khabar refine``: documents -> work Parquet -> documents.

The last table is a later stage around its steps: read the work file, write the next one, with
the documents whole or their edits and raw text carried as Arrow (``khabar.io.schema.Carry``).

    .venv/bin/python bench/io/boundary.py                  # 1,500 documents, 5 repeats
    .venv/bin/python bench/io/boundary.py --docs 3000 --repeat 7

Between two stages, a shard task writes its documents to a work Parquet file and the next stage
reads them back; the last stage writes data/ (and dropped/) the same way. This script measures,
on the same documents, in CPU milliseconds per document (``time.process_time``, the whole
process, pyarrow's threads included):

- ``rows``: the way refine did it up to commit 089990f, kept here as the reference: ``doc_to_row``
  dicts -> ``ParquetWriter`` (``Table.from_pylist``) -> ``iter_batches`` -> ``to_pylist`` ->
  ``row_to_doc``;
- ``columns``: what refine does now: ``ParquetWriter`` with ``DocColumns`` (columns built from
  the documents) and ``khabar.refine._read_work`` (``batch_to_docs``, edit strings read
  dictionary-encoded).

``write`` is the work file (with ``_order``), ``read`` reads it back into Documents, ``boundary``
is the two together (one stage boundary; a default run crosses two), ``output`` writes the same
documents as a data/ file. The script checks that both ways give equal documents back and
byte-identical data/ files, and says so.

The documents: ``--docs`` of bench/throughput/run.py's generator (~4 KB Persian news texts, the
FineWeb-2 layout), read by khabar's Parquet reader and run through every per-document step of the
default pipeline (extract, boilerplate, fix, langid, structure, quality), so each carries its ~127
edits, signals, paragraphs and metadata as in a real run. They are then frozen out of the
garbage collector's view (``gc.freeze``), as a worker holds one batch, not thousands of documents;
the documents read back are dropped as they come, as the next stage hands them on.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "throughput"))


def make_documents(n: int, folder: Path) -> list:
    """``n`` generator documents as they leave the per-document steps of the default pipeline."""
    from run import generate  # bench/throughput/run.py

    from khabar.config import Config
    from khabar.document import Document
    from khabar.io.readers import expand_inputs, read_file
    from khabar.pipeline import build_step
    from khabar.steps.base import CorpusStep

    config = Config.load(env={})
    [path] = generate(folder / "crawl", n, 1)
    [inp] = expand_inputs([str(path)])
    docs = [d for d in read_file(inp, config.read, sha256="0" * 64) if isinstance(d, Document)]
    for i, d in enumerate(docs):
        d.order = i
    for name in config.run.steps:
        step = build_step(name, config)
        if isinstance(step, CorpusStep):
            continue
        step.setup()
        for d in docs:
            if not d.dropped:
                step.process(d)
    return docs


# ---------------------------------------------------------------------------------------------
# the two ways


def rows_write(docs: list, path: Path, schema_name: str) -> None:
    from khabar.io.schema import ORDER_COLUMN, doc_to_row, output_schema, work_schema
    from khabar.io.writers import ParquetWriter

    work = schema_name == "work"
    with ParquetWriter(path, work_schema() if work else output_schema(), batch_rows=1000) as w:
        for d in docs:
            row = doc_to_row(d)
            if work:
                row[ORDER_COLUMN] = d.order
            w.write(row)


def rows_read(path: Path) -> Iterator:
    import pyarrow.parquet as pq

    from khabar.io.schema import ORDER_COLUMN, row_to_doc

    for batch in pq.ParquetFile(path).iter_batches(batch_size=512):
        for row in batch.to_pylist():
            doc = row_to_doc(row)
            doc.order = row[ORDER_COLUMN]
            yield doc


def columns_write(docs: list, path: Path, schema_name: str) -> None:
    from khabar.io.schema import DocColumns, output_schema, work_schema
    from khabar.io.writers import ParquetWriter

    work = schema_name == "work"
    with ParquetWriter(path, work_schema() if work else output_schema(), batch_rows=1000,
                       rows=DocColumns(order=work)) as w:
        for d in docs:
            w.write(d)


def columns_read(path: Path) -> Iterator:
    from khabar.refine import _read_work

    return _read_work(str(path))


WAYS: dict[str, tuple[Callable, Callable]] = {
    "rows": (rows_write, rows_read),
    "columns": (columns_write, columns_read),
}


# ---------------------------------------------------------------------------------------------


def cpu(fn: Callable[[], object]) -> float:
    gc.collect()
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def drain(docs: Iterator) -> int:
    n = 0
    for _ in docs:  # handed on and dropped, as the next stage does
        n += 1
    return n


def machine() -> str:
    try:
        cpu_model = next(line.split(":", 1)[1].strip() for line in
                         Path("/proc/cpuinfo").read_text().splitlines() if "model name" in line)
    except (OSError, StopIteration):
        cpu_model = platform.processor()
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    return f"{cpu_model}, Python {platform.python_version()}, load {' '.join(load)}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    import pyarrow as pa

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            check=False, capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="khabar-bench-io-") as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.process_time()
        docs = make_documents(a.docs, tmp)
        n = len(docs)
        edits = sum(len(d.edits) for d in docs) / n
        print(f"{n} documents ({edits:.0f} edits, {sum(len(d.text) for d in docs) / n:.0f} "
              f"characters each) made in {time.process_time() - t0:.0f} CPU s", flush=True)
        gc.collect()
        gc.freeze()

        # the checks: the same documents back, the same data/ bytes
        for way, (write, read) in WAYS.items():
            write(docs, tmp / f"{way}.work.parquet", "work")
            write(docs, tmp / f"{way}.data.parquet", "output")
        back = {way: list(read(tmp / f"{way}.work.parquet")) for way, (_, read) in WAYS.items()}
        same_docs = back["rows"] == back["columns"]
        same_bytes = ((tmp / "rows.data.parquet").read_bytes()
                      == (tmp / "columns.data.parquet").read_bytes())
        del back
        gc.collect()

        times: dict[str, dict[str, list[float]]] = {w: {"write": [], "read": [], "output": []}
                                                    for w in WAYS}
        for _ in range(a.repeat):
            for way, (write, read) in WAYS.items():
                work = tmp / f"{way}.work.parquet"
                times[way]["write"].append(cpu(lambda: write(docs, work, "work")))  # noqa: B023
                times[way]["read"].append(cpu(lambda: drain(read(work))))  # noqa: B023
                times[way]["output"].append(
                    cpu(lambda: write(docs, tmp / f"{way}.data.parquet", "output")))  # noqa: B023
        sizes = {w: (tmp / f"{w}.work.parquet").stat().st_size / n for w in WAYS}

    def ms(values: list[float]) -> str:
        return f"{min(values) / n * 1000:.3f} ({statistics.median(values) / n * 1000:.3f})"

    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; khabar {commit}; pyarrow "
          f"{pa.__version__}; {machine()}")
    print(f"`.venv/bin/python bench/io/boundary.py --docs {a.docs} --repeat {a.repeat}`: "
          f"{n} documents, CPU ms per document, best of {a.repeat} (median)\n")
    print("| way | write work file | read it back | boundary (write + read) | write data/ "
          "| work file KB/doc |")
    print("|---|---:|---:|---:|---:|---:|")
    for way, t in times.items():
        boundary = [w + r for w, r in zip(t["write"], t["read"])]
        print(f"| {way} | {ms(t['write'])} | {ms(t['read'])} | {ms(boundary)} | "
              f"{ms(t['output'])} | {sizes[way] / 1000:.1f} |")
    best = {w: min(x + y for x, y in zip(t["write"], t["read"])) for w, t in times.items()}
    print(f"\nboundary: {best['rows'] / best['columns']:.1f}x faster; documents read back equal: "
          f"{same_docs}; data/ files byte-identical: {same_bytes}")
    if not (same_docs and same_bytes):
        sys.exit("the two ways disagree: a bug")
    carried(a.docs, a.repeat, docs)


def pass_on(src: Path, out: Path, carry: bool) -> None:
    """What a later stage does around its steps: read the work file ``src`` and write every
    document to the next work file ``out``, whole (columns) or with the edits and raw text
    carried as Arrow (:class:`khabar.io.schema.Carry`, what refine does when the stage's steps
    never look at them)."""
    from khabar.io.schema import Carry, DocColumns, work_schema
    from khabar.io.writers import ParquetWriter
    from khabar.refine import _read_work

    hold = Carry() if carry else None
    with ParquetWriter(out, work_schema(), batch_rows=1000,
                       rows=DocColumns(order=True, carry=hold)) as w:
        for d in _read_work(str(src), hold):
            w.write(d)


def carried(n_docs: int, repeat: int, docs: list) -> None:
    """A stage after the first: read the work file and write the next one, documents whole or
    their edits and raw text carried (interleaved, best of ``repeat``); the files must be the
    same bytes."""
    with tempfile.TemporaryDirectory(prefix="khabar-bench-io-") as tmp_name:
        tmp = Path(tmp_name)
        src = tmp / "stage1.parquet"
        columns_write(docs, src, "work")
        n = len(docs)
        times: dict[str, list[float]] = {"whole": [], "carried": []}
        for _ in range(repeat):
            for way, spent in times.items():
                out, carry = tmp / f"{way}.parquet", way == "carried"
                spent.append(cpu(lambda: pass_on(src, out, carry)))  # noqa: B023
        same = (tmp / "whole.parquet").read_bytes() == (tmp / "carried.parquet").read_bytes()
    print("\n| a later stage: read the work file, write the next | CPU ms per document, best "
          f"of {repeat} (median) |\n|---|---:|")
    for way, t in times.items():
        print(f"| documents {way} | {min(t) / n * 1000:.3f} ({statistics.median(t) / n * 1000:.3f}) |")
    print(f"\nwork files byte-identical: {same}")
    if not same:
        sys.exit("carried edits and raw text gave other bytes: a bug")


if __name__ == "__main__":
    main()
