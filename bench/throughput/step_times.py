"""CPU milliseconds per document of each step and each stage-boundary part of ``khabar refine``.

    .venv/bin/python bench/throughput/step_times.py INPUT_DIR [-- REFINE_ARGS]

Runs ``khabar refine INPUT_DIR -j 1`` in this process with ``time.process_time`` wrapped around
every step call (``process``, ``apply``, ``observe``), the writers (Parquet and the work files'
Arrow IPC: ``write``: a row added to its columns; ``flush``: columns to Arrow and to the file, with its two
parts below it), the work-file readers, the last stage's pass-through, the report and ``setup``. Prints
one line per part: total CPU seconds, calls, CPU ms per document read. Parts nest (a flush runs
inside a write), so the lines do not add up to the whole; ``whole`` is the run.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

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


def main() -> None:
    args = sys.argv[1:]
    inputs, extra = args[0], [a for a in args[1:] if a != "--"]
    patch()
    from khabar.cli import app

    out = Path(tempfile.mkdtemp(prefix="khabar-steps-")) / "out"
    t0 = time.process_time()
    app(["refine", inputs, "-o", str(out), "-j", "1", "-q", *extra], standalone_mode=False)
    whole = time.process_time() - t0
    counts = json.loads((out / "stats.json").read_text())["counts"]
    read = counts["read"]
    print(json.dumps(counts))
    print(f"{'part':45s} {'CPU s':>8s} {'calls':>8s} {'ms/doc':>8s}")
    for name, s in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"{name:45s} {s:8.2f} {CALLS[name]:8d} {1000 * s / read:8.3f}")
    print(f"{'whole':45s} {whole:8.2f} {'':8s} {1000 * whole / read:8.3f}")


if __name__ == "__main__":
    main()
