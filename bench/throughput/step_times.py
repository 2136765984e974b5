"""CPU milliseconds per document of each step and each stage-boundary part of ``khabar refine``.

    .venv/bin/python bench/throughput/step_times.py INPUT_DIR [-- REFINE_ARGS]
    .venv/bin/python bench/throughput/step_times.py --real [--rounds N] [-- REFINE_ARGS]

Runs ``khabar refine INPUT_DIR -j 1`` in this process with ``time.process_time`` wrapped around
every step call (``process``, ``apply``, ``observe``), the writers (Parquet and the work files'
Arrow IPC: ``write``: a row added to its columns; ``flush``: columns to Arrow and to the file, with its two
parts below it), the work-file readers, the last stage's pass-through, the report and ``setup``. Prints
one line per part: total CPU seconds, calls, CPU ms per document read. Parts nest (a flush runs
inside a write), so the lines do not add up to the whole; ``whole`` is the run.

``--real`` times real news instead of a folder: FarsNews + Varzesh3 (800 crawled articles with
title and abstract: the abstract is a lead hint, which the generated documents of
``bench/throughput/run.py`` never carry) and the Targoman sample (66 crawled news and Q&A
documents with title and subtitle), copied from ../shared/data (``KHABAR_SHARED``) into a
temporary folder; it says so and exits 0 when they are absent. Each set is refined ``--rounds``
times (default 3) in this one process and each part's best round is printed, one column per
set: with 66-800 documents a part's one-time cost (imports, first calls, the writers' schemas)
weighs far more than at 100,000, and the later rounds show the per-document cost.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path


def own_cache_dir() -> None:
    """Give the khabar tree this process will import a lexicon cache folder of its own, unless
    ``KHABAR_CACHE_DIR`` is set: the cache is one file keyed by the tree's lexicon sources, so
    two trees measured in turns with ~/.cache/khabar shared rebuilt it on every run (about 0.3
    CPU s of "setup FixStep"). Found with ``find_spec``, which does not import the package."""
    import hashlib
    import importlib.util

    if "KHABAR_CACHE_DIR" in os.environ:
        return
    spec = importlib.util.find_spec("khabar")
    where = str(Path(spec.origin).resolve().parent) if spec and spec.origin else "?"
    digest = hashlib.sha256(where.encode()).hexdigest()[:12]
    os.environ["KHABAR_CACHE_DIR"] = str(Path(tempfile.gettempdir()) / f"khabar-bench-cache-{digest}")


SPENT: Counter[str] = Counter()
CALLS: Counter[str] = Counter()


def timed(name: str, fn):
    def wrapper(*args, **kwargs):
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - t0
            CALLS[name] += 1

    return wrapper


def patch() -> None:
    import khabar.steps.corpus
    import khabar.steps.news
    import khabar.steps.text
    import khabar.steps.textops  # noqa: F401 - the step classes
    from khabar.io import writers
    from khabar.steps.base import Step

    seen = set()
    todo = list(Step.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls in seen:
            continue
        seen.add(cls)
        # every step call, timed at the step's own method (the runner's per-document loop
        # calls them directly: khabar.pipeline._one)
        if "process" in cls.__dict__:
            cls.process = timed(f"step {cls.__name__}", cls.process)
        if "apply" in cls.__dict__:
            cls.apply = timed(f"apply {cls.__name__}", cls.apply)
        if "observe" in cls.__dict__:
            cls.observe = timed(f"observe {cls.__name__}", cls.observe)
        if "setup" in cls.__dict__:
            cls.setup = timed(f"setup {cls.__name__}", cls.setup)
    # the Parquet and Arrow IPC writers share write/_flush/write_arrow (writers._TableWriter);
    # a group's encoding to its file is _write_group, per writer class
    base = getattr(writers, "_TableWriter", writers.ParquetWriter)
    base.write = timed("writer.write (row to columns)", base.write)
    base._flush = timed("writer.flush (Arrow + file)", base._flush)
    base.write_arrow = timed("writer.write_arrow", base.write_arrow)
    for cls in (writers.ParquetWriter, getattr(writers, "ArrowWriter", None)):
        if cls is not None and "_write_group" in cls.__dict__:
            cls._write_group = timed(f"  {cls.__name__}._write_group (encode)",
                                     cls._write_group)
    from khabar.io import schema as schema_

    schema_.DocColumns.table = timed("  DocColumns.table (columns to Arrow)",
                                     schema_.DocColumns.table)
    schema_._with_carried = timed("    _with_carried (carried columns put back)",
                                  schema_._with_carried)
    from khabar import refine, report
    from khabar.io import schema

    refine._apply_passthrough = timed("last stage's pass-through (whole)", refine._apply_passthrough)
    refine._finish = timed("_finish (manifest, rejects, sha256, report)", refine._finish)
    report.build_report = timed("  build_report", report.build_report)
    schema.batch_to_docs = timed("batch_to_docs (work file to documents)", schema.batch_to_docs)
    schema.Carry.read = timed("Carry.read (work file to documents)", schema.Carry.read)


ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
#: the real news sets of --real: a name and its JSONL files under ../shared/data
REAL_SETS = (
    ("FarsNews + Varzesh3", ("farsnews_varzesh3_json/fars-news-1.docs.jsonl",
                             "farsnews_varzesh3_json/varzesh3-1.docs.jsonl")),
    ("targoman", ("targoman_sample/docs.jsonl",)),
)


def refine_once(inputs: str, extra: list[str]) -> tuple[dict[str, int], float, dict[str, float],
                                                       dict[str, int]]:
    """One ``khabar refine -j 1`` of ``inputs``: (stats counts, whole CPU s, CPU s and calls per part)."""
    from khabar.cli import app

    SPENT.clear()
    CALLS.clear()
    out = Path(tempfile.mkdtemp(prefix="khabar-steps-")) / "out"
    t0 = time.process_time()
    app(["refine", inputs, "-o", str(out), "-j", "1", "-q", *extra], standalone_mode=False)
    whole = time.process_time() - t0
    counts = json.loads((out / "stats.json").read_text())["counts"]
    shutil.rmtree(out.parent, ignore_errors=True)
    return counts, whole, dict(SPENT), dict(CALLS)


def real(rounds: int, extra: list[str]) -> None:
    """Per-part CPU ms per document on each real news set (best of ``rounds`` refines)."""
    missing = [f for _, files in REAL_SETS for f in files if not (SHARED / "data" / f).is_file()]
    if missing:
        print(f"skipped: the real news sets are not in {SHARED / 'data'} (missing: "
              f"{', '.join(missing)}); set KHABAR_SHARED to the folder that holds data/")
        return
    best: dict[str, dict[str, float]] = {}
    reads: dict[str, int] = {}
    for name, files in REAL_SETS:
        folder = Path(tempfile.mkdtemp(prefix="khabar-real-"))
        for f in files:
            shutil.copy(SHARED / "data" / f, folder / Path(f).name)
        parts: dict[str, float] = {}
        for _ in range(rounds):
            counts, whole, spent, _calls = refine_once(str(folder), extra)
            for part, s in [*spent.items(), ("whole", whole)]:
                parts[part] = min(parts.get(part, s), s)
        shutil.rmtree(folder, ignore_errors=True)
        best[name] = parts
        reads[name] = counts["read"]
        print(f"{name}: {json.dumps(counts)}")
    names = [n for n, _ in REAL_SETS]
    print(f"\nCPU ms per document read, best of {rounds} rounds (-j 1)")
    print(f"{'part':45s}" + "".join(f" {n:>20s}" for n in names))
    order = sorted({p for parts in best.values() for p in parts} - {"whole"},
                   key=lambda p: -best[names[0]].get(p, 0.0))
    for part in [*order, "whole"]:
        cells = [f"{1000 * best[n][part] / reads[n]:20.3f}" if part in best[n] else f"{'':>20s}"
                 for n in names]
        print(f"{part:45s} " + " ".join(cells))


def main() -> None:
    args = sys.argv[1:]
    own_cache_dir()
    patch()
    if args and args[0] == "--real":
        own = args[:args.index("--")] if "--" in args else args
        rounds = int(own[own.index("--rounds") + 1]) if "--rounds" in own else 3
        real(rounds, args[len(own) + 1:])
        return
    counts, whole, spent, calls = refine_once(args[0], [a for a in args[1:] if a != "--"])
    read = counts["read"]
    print(json.dumps(counts))
    print(f"{'part':45s} {'CPU s':>8s} {'calls':>8s} {'ms/doc':>8s}")
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:45s} {s:8.2f} {calls[name]:8d} {1000 * s / read:8.3f}")
    print(f"{'whole':45s} {whole:8.2f} {'':8s} {1000 * whole / read:8.3f}")


if __name__ == "__main__":
    main()
