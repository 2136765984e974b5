"""CPU microseconds per document of ``DocColumns.table`` with the edits column built by
``khabar._c.edits.edit_buffers`` ("c") and by ``pa.array`` of the Edit tuples ("pa_array", the
path before session 12's issue-#8 edits work and the fallback), in turns, best of N.

    PYTHONPATH=src .venv/bin/python bench/throughput/edits_table.py [DOCS] [ROUNDS]

The documents are :func:`run.document_texts` (the generated ~4 KB documents of
bench/throughput/run.py) with their ``fix_with_edits`` edits and raw text, as stage 0 writes
them; the tables are written in 1,000-document groups as the work files are. Also checks the two
tables are equal.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run

from khabar import fix_with_edits
from khabar.document import Document
from khabar.io import schema


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    docs = []
    for i, raw in enumerate(run.document_texts(n)):
        text, edits = fix_with_edits(raw)
        docs.append(Document(f"d{i}", text, raw=raw, edits=edits, order=i))
    c = schema._EDITS_C
    assert c is not None, "khabar._c.edits is not built (or KHABAR_PURE is set)"
    print(f"{n} documents, {sum(len(d.edits) for d in docs) / n:.1f} edits each")

    def table(ext: object) -> tuple[float, object]:
        schema._EDITS_C = ext  # type: ignore[misc]
        cols = schema.DocColumns(order=True)
        for d in docs:
            cols.add(d)
        t0 = time.process_time()
        out = cols.table()
        return time.process_time() - t0, out

    best = {"pa_array": float("inf"), "c": float("inf")}
    tables = {}
    for _ in range(rounds):
        for name, ext in (("pa_array", None), ("c", c)):
            took, tables[name] = table(ext)
            best[name] = min(best[name], took)
    schema._EDITS_C = c  # type: ignore[misc]
    assert tables["c"].equals(tables["pa_array"]), "the tables differ"
    for name, took in best.items():
        print(f"{name:9s} DocColumns.table {took / n * 1e6:7.1f} us per document (best of {rounds})")


if __name__ == "__main__":
    main()
