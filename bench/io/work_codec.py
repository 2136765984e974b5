"""CPU cost of writing and reading back a stage's work file: the Arrow IPC file refine writes
(``khabar.io.writers.ArrowWriter``) against Parquet settings (the LZ4 Parquet of sessions 5-10).

    .venv/bin/khabar refine CRAWL -o /tmp/run -j 1 --keep-work      # e.g. 3,000 generator docs
    .venv/bin/python bench/io/work_codec.py /tmp/run/_work/stage0/*.arrow

Reads the given work files (``.arrow`` or ``.parquet``) into one table, then for each setting
writes it in groups of 1,000 rows (as refine does), reads it back (``read``: the batches only),
and reads it back into Documents as ``khabar.refine._read_work`` does (``read+docs``: 512 rows
at a time, the edits' strings as dictionaries: Parquet's ``read_dictionary``, IPC's
``dictionary_edits``). Best of 3, ``time.process_time``; CPU ms per document and the file's KB
per document.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.parquet as pq

STRINGS = ["edits.list.element.before", "edits.list.element.after", "edits.list.element.rule"]
#: the Parquet work files' options up to session 10 (``work_file_options()``): LZ4, dictionary
#: pages only for the short repeated strings, no statistics
_PLAIN = {"id", "url", "title", "lead", "text", "paragraphs.list.element", "metadata", "raw",
          "removed.list.element.text", "_canonical"}


def _leaves(name: str, typ: pa.DataType) -> list[str]:
    if pa.types.is_struct(typ):
        return [p for f in typ for p in _leaves(f"{name}.{f.name}", f.type)]
    if pa.types.is_list(typ):
        return _leaves(f"{name}.list.element", typ.value_type)
    return [name]


def parquet_options(schema: pa.Schema, compression: str) -> dict:
    paths = [p for f in schema for p in _leaves(f.name, f.type)]
    return {"compression": compression, "write_statistics": False,
            "use_dictionary": [p for p in paths if p not in _PLAIN]}


def read_table(path: str) -> pa.Table:
    if path.endswith(".parquet"):
        return pq.read_table(path)
    from khabar.io.writers import read_arrow_batches

    return pa.Table.from_batches(list(read_arrow_batches(path)))


def main() -> None:
    from khabar.io.schema import batch_to_docs, dictionary_edits

    table = pa.concat_tables([read_table(p) for p in sys.argv[1:]]).combine_chunks()
    n = table.num_rows

    def parquet(compression):
        def write(path):
            with pq.ParquetWriter(path, table.schema,
                                  **parquet_options(table.schema, compression)) as w:
                for start in range(0, n, 1000):
                    w.write_table(table.slice(start, 1000))

        def read(path, docs):
            pf = pq.ParquetFile(path, read_dictionary=STRINGS)
            for group in range(pf.num_row_groups):
                for batch in pf.iter_batches(batch_size=512, row_groups=[group]):
                    if docs:
                        batch_to_docs(batch)
        return write, read

    def ipc(compression):
        def write(path):
            options = pa.ipc.IpcWriteOptions(compression=compression)
            with pa.OSFile(path, "wb") as sink, \
                    pa.ipc.new_file(sink, table.schema, options=options) as w:
                for start in range(0, n, 1000):
                    w.write_table(table.slice(start, 1000).combine_chunks())

        def read(path, docs):
            with pa.memory_map(path) as source:
                reader = pa.ipc.open_file(source)
                for i in range(reader.num_record_batches):
                    whole = reader.get_batch(i)
                    for start in range(0, whole.num_rows, 512):
                        if docs:
                            batch_to_docs(dictionary_edits(whole.slice(start, 512)))
        return write, read

    settings = {
        "parquet lz4 (session 10's work files)": parquet("lz4"),
        "parquet none": parquet("none"),
        "ipc uncompressed (ArrowWriter, now)": ipc(None),
        "ipc lz4": ipc("lz4"),
        "ipc zstd": ipc("zstd"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, (write, read) in settings.items():
            path = os.path.join(tmp, "w")
            best = [float("inf")] * 3
            for _ in range(3):
                t0 = time.process_time()
                write(path)
                t1 = time.process_time()
                read(path, False)
                t2 = time.process_time()
                read(path, True)
                t3 = time.process_time()
                best = [min(a, b) for a, b in zip(best, (t1 - t0, t2 - t1, t3 - t2))]
            w, r, d = (1000 * b / n for b in best)
            print(f"{name:40} write {w:.3f}  read {r:.3f}  read+docs {d:.3f} ms/doc  "
                  f"{os.path.getsize(path) / n / 1000:.1f} KB/doc", flush=True)


if __name__ == "__main__":
    main()
